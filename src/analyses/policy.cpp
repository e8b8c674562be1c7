#include "analyses/policy.h"

#include <fmt/format.h>

#include <algorithm>

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

// The break findings whose migration statement (a related span) holds the rule finding's place.
std::vector<Diagnostic*> breaks_explained_by(std::vector<Diagnostic>& all, const Diagnostic& rule_finding) {
  std::vector<Diagnostic*> out;
  for (Diagnostic& d : all) {
    if (!is_break(d)) continue;
    for (const RelatedSpan& r : d.related) {
      const Span& at = rule_finding.primary;
      if (r.span.file == at.file && at.begin >= r.span.begin && at.begin < std::max(r.span.end, r.span.begin + 1) &&
          (rule_finding.object.empty() || same_object(d.object, rule_finding.object))) {
        out.push_back(&d);
        break;
      }
    }
  }
  return out;
}

std::optional<Severity> level_of(const std::string& level) {
  if (level == "error") return Severity::error;
  if (level == "warning") return Severity::warning;
  if (level == "note") return Severity::note;
  return std::nullopt;  // "off"
}

}  // namespace

void apply_policy(std::vector<Diagnostic>& all, const PolicyOptions& options, Suppressions& suppressions) {
  // 1. A breaking change that breaks a known old query is told once, as that query's error,
  //    which names the rule; without one, it stays a warning that says what it is based on.
  std::vector<bool> drop(all.size(), false);
  for (size_t i = 0; i < all.size(); ++i) {
    const rules::Rule* rule = rule_of(all[i]);
    if (!rule || !breaking(rule->info.category)) continue;
    std::vector<Diagnostic*> explained = options.lint ? std::vector<Diagnostic*>{} : breaks_explained_by(all, all[i]);
    for (Diagnostic* d : explained) {
      d->notes.push_back(fmt::format("the change is rule {} {} ({}): `migcompat explain {}`", rule->info.code, rule->info.name,
                                     rules::category_name(rule->info.category), rule->info.code));
    }
    if (!explained.empty()) {
      drop[i] = true;
    } else if (!options.lint) {
      all[i].notes.push_back("no known old query is affected; code migcompat cannot see (other services, ORMs, dynamic "
                             "SQL) may still be" + std::string(options.strict ? "" : " (--strict makes this an error)"));
      if (options.strict) all[i].severity = Severity::error;
    }
  }
  std::vector<Diagnostic> kept;
  for (size_t i = 0; i < all.size(); ++i) {
    if (!drop[i]) kept.push_back(std::move(all[i]));
  }

  // 2. [rules] in migcompat.toml: severity changes, or off.
  for (const RuleSetting& setting : options.rule_settings) {
    std::string code;
    if (const rules::Rule* rule = rules::find_rule(setting.rule)) code = rule->info.code;
    for (const CheckInfo& check : all_checks) {
      if (to_lower(check.code) == to_lower(setting.rule) || check.name == setting.rule) code = check.code;
    }
    if (code.empty()) {
      throw InputError{fmt::format("[rules]: no rule or check named `{}` (see `migcompat rules`)", setting.rule), {}, setting.where};
    }
    std::optional<Severity> level = level_of(setting.level);
    std::vector<Diagnostic> next;
    for (Diagnostic& d : kept) {
      if (d.code != code) next.push_back(std::move(d));
      else if (level) next.push_back(std::move(d)), next.back().severity = *level;
    }
    kept.swap(next);
  }

  // 3. Suppressions, and the suppressions that are themselves wrong.
  all.clear();
  for (Diagnostic& d : kept) {
    if (!suppressions.covers(d)) all.push_back(std::move(d));
  }
  for (Diagnostic& d : suppressions.problems()) all.push_back(std::move(d));
}

}  // namespace mc
