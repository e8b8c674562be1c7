#include "report/rule_docs.h"

#include <fmt/format.h>

#include <fstream>

#include "analyses/checks.h"
#include "analyses/rules/rule.h"
#include "base/text.h"

namespace mc {

namespace {

std::string dialects(unsigned mask) {
  if (mask == rules::both_dialects) return "sqlite, postgres";
  return mask == rules::sqlite_only ? "sqlite" : "postgres";
}

std::string header(const rules::Rule& rule) {
  return fmt::format("# {} {}\n\n{}.\n\nCategory: {} · default severity: {} · dialects: {} · status: {}\n\n", rule.info.code,
                     rule.info.name, rule.info.summary, rules::category_name(rule.info.category),
                     severity_name(rule.info.severity), dialects(rule.info.dialects), rule.info.status);
}

}  // namespace

void write_rules_table(std::ostream& out) {
  for (const rules::Rule* rule : rules::all_rules()) {
    out << fmt::format("{}  {:<44} {:<8} {:<24} {:<17} {}{}\n", rule->info.code, rule->info.name,
                       severity_name(rule->info.severity), rules::category_name(rule->info.category),
                       dialects(rule->info.dialects), rule->info.summary, rule->info.status == "stable" ? "" : " (preview)");
  }
  out << fmt::format("\n{} rules. `migcompat explain CODE` prints one; docs/rules/ has them all. Checks of `check` itself "
                     "(MC001–MC051) are in docs/checks.md.\n",
                     rules::all_rules().size());
}

bool write_explanation(std::ostream& out, std::string_view code_or_name) {
  if (const rules::Rule* rule = rules::find_rule(code_or_name)) {
    out << header(*rule) << rules::rule_doc(rule->info.name);
    return true;
  }
  for (const CheckInfo& check : all_checks) {
    if (to_lower(check.code) == to_lower(code_or_name) || check.name == code_or_name) {
      out << fmt::format("# {} {}\n\n{}.\n\nA check of `migcompat check` (default severity: {}); see docs/checks.md.\n",
                         check.code, check.name, check.summary, severity_name(check.severity));
      return true;
    }
  }
  return false;
}

void write_rule_docs(const std::filesystem::path& dir) {
  std::filesystem::create_directories(dir);
  std::ofstream index(dir / "README.md");
  index << "# Rules\n\n"
           "Generated from `src/analyses/rules/*/` by `scripts/gen-rule-docs`; do not edit. Each rule reports a risky\n"
           "schema change in a new migration. Breaking changes that break a known old query are reported as that\n"
           "query's error; with no known old query they stay warnings (`--strict` makes them errors). Change a\n"
           "rule's severity or turn it off with `[rules]` in migcompat.toml; silence one finding with\n"
           "`-- migcompat:ignore CODE reason` on or above its statement.\n\n"
           "| code | name | category | severity | dialects | status | summary |\n|---|---|---|---|---|---|---|\n";
  for (const rules::Rule* rule : rules::all_rules()) {
    index << fmt::format("| {} | [{}]({}.md) | {} | {} | {} | {} | {} |\n", rule->info.code, rule->info.name,
                         rule->info.name, rules::category_name(rule->info.category), severity_name(rule->info.severity),
                         dialects(rule->info.dialects), rule->info.status, rule->info.summary);
    std::ofstream page(dir / (std::string(rule->info.name) + ".md"));
    page << header(*rule) << rules::rule_doc(rule->info.name);
  }
}

}  // namespace mc
