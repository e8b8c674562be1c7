#include "analyses/policy.h"

#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <unordered_map>

#include "analyses/checks.h"
#include "analyses/rules/rule.h"
#include "base/text.h"

namespace mc {

namespace {

bool is_break(const Diagnostic& d) {
  return d.code == checks::old_query_breaks.code || d.code == checks::old_write_rejected.code;
}

const rules::Rule* rule_of(const Diagnostic& d) { return d.code >= "MC100" ? rules::find_rule(d.code) : nullptr; }

bool breaking(rules::Category c) {
  return c == rules::Category::breaks_readers || c == rules::Category::breaks_writers || c == rules::Category::data_loss;
}

bool same_object(std::string_view a, std::string_view b) {
  if (a.empty() || b.empty()) return false;
  std::string x = to_lower(a), y = to_lower(b);
  return x == y || x.starts_with(y + ".") || y.starts_with(x + ".");
}

// The break findings (old queries that fail), by the files of their related spans (the migration
// statements that break them): a rule finding is matched against the breaks in its own file.
class BreaksByFile {
 public:
  explicit BreaksByFile(const std::vector<Diagnostic>& all) {
    for (size_t i = 0; i < all.size(); ++i) {
      if (!is_break(all[i])) continue;
      for (const RelatedSpan& r : all[i].related) {
        std::vector<size_t>& in_file = by_file_[r.span.file];
        if (in_file.empty() || in_file.back() != i) in_file.push_back(i);
      }
    }
  }

  // The breaks whose migration statement holds the rule finding's place.
  std::vector<size_t> explained_by(const std::vector<Diagnostic>& all, const Diagnostic& rule_finding) const {
    std::vector<size_t> out;
    const Span& at = rule_finding.primary;
    auto in_file = by_file_.find(at.file);
    if (in_file == by_file_.end()) return out;
    for (size_t i : in_file->second) {
      const Diagnostic& d = all[i];
      for (const RelatedSpan& r : d.related) {
        if (r.span.file == at.file && at.begin >= r.span.begin && at.begin < std::max(r.span.end, r.span.begin + 1) &&
            (rule_finding.object.empty() || same_object(d.object, rule_finding.object))) {
          out.push_back(i);
          break;
        }
      }
    }
    return out;
  }

 private:
  std::unordered_map<const SourceFile*, std::vector<size_t>> by_file_;
};

std::optional<Severity> level_of(const std::string& level) {
  if (level == "error") return Severity::error;
  if (level == "warning") return Severity::warning;
  if (level == "note") return Severity::note;
  return std::nullopt;  // "off"
}

// A `[rules]` entry resolved to the code it names; no level means off.
struct CodeSetting {
  std::string code;
  std::optional<Severity> level;
};

std::vector<CodeSetting> resolve_settings(const std::vector<RuleSetting>& settings) {
  std::vector<CodeSetting> out;
  for (const RuleSetting& setting : settings) {
    std::string code;
    if (const rules::Rule* rule = rules::find_rule(setting.rule)) code = rule->info.code;
    for (const CheckInfo& check : all_checks) {
      if (iequals(check.code, setting.rule) || check.name == setting.rule) code = check.code;
    }
    if (code.empty()) {
      throw InputError{fmt::format("[rules]: no rule or check named `{}` (see `migcompat rules`)", setting.rule), {}, setting.where};
    }
    out.push_back({std::move(code), level_of(setting.level)});
  }
  return out;
}

// Applies the settings in order: false when one turns the finding off.
bool apply_settings(const std::vector<CodeSetting>& settings, Diagnostic& d) {
  for (const CodeSetting& setting : settings) {
    if (d.code != setting.code) continue;
    if (!setting.level) return false;
    d.severity = *setting.level;
  }
  return true;
}

}  // namespace

// The findings are filtered in place: a run may have tens of thousands, and each is a few
// hundred bytes.
void apply_policy(std::vector<Diagnostic>& all, const PolicyOptions& options, Suppressions& suppressions) {
  // 1. A breaking change that breaks a known old query is told once, as that query's error,
  //    which names the rule; without one, it stays a warning that says what it is based on.
  //    (lint has no old queries: nothing to match.)
  std::vector<bool> drop(all.size(), false);
  if (!options.lint) {
    BreaksByFile breaks(all);
    for (size_t i = 0; i < all.size(); ++i) {
      const rules::Rule* rule = rule_of(all[i]);
      if (!rule || !breaking(rule->info.category)) continue;
      std::vector<size_t> explained = breaks.explained_by(all, all[i]);
      for (size_t d : explained) {
        all[d].notes.push_back(fmt::format("the change is rule {} {} ({}): `migcompat explain {}`", rule->info.code,
                                           rule->info.name, rules::category_name(rule->info.category), rule->info.code));
      }
      if (!explained.empty()) {
        drop[i] = true;
        continue;
      }
      all[i].notes.push_back("no known old query is affected; code migcompat cannot see (other services, ORMs, dynamic "
                             "SQL) may still be" + std::string(options.strict ? "" : " (--strict makes this an error)"));
      if (options.strict) all[i].severity = Severity::error;
    }
  }

  // 2. [rules] in migcompat.toml: severity changes, or off. 3. Suppressions.
  std::vector<CodeSetting> settings = resolve_settings(options.rule_settings);
  size_t kept = 0;
  for (size_t i = 0; i < all.size(); ++i) {
    if (drop[i] || !apply_settings(settings, all[i]) || suppressions.covers(all[i])) continue;
    if (kept != i) all[kept] = std::move(all[i]);
    ++kept;
  }
  all.erase(all.begin() + static_cast<std::ptrdiff_t>(kept), all.end());
  // And the suppressions that are themselves wrong.
  for (Diagnostic& d : suppressions.problems()) all.push_back(std::move(d));
}

}  // namespace mc
