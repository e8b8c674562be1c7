// MC134 constraint-missing-not-valid (doc.md beside this file).
#include "analyses/rules/helpers.h"

namespace mc::rules {

namespace {

void check(const RuleContext& c, std::vector<Finding>& out) {
  for (const sql::ConstraintUse& k : c.facts.constraints) {
    bool validated_kind = k.kind == ConstraintKind::check || k.kind == ConstraintKind::foreign_key;
    if (!validated_kind || k.not_valid || k.on_new_column || !existing_table(c, k.table)) continue;
    bool check = k.kind == ConstraintKind::check;
    out.push_back({.message = fmt::format("adds a {} constraint to {} without NOT VALID: it holds {} while it checks every "
                                          "existing row",
                                          check ? "CHECK" : "FOREIGN KEY", k.table,
                                          check ? "ACCESS EXCLUSIVE (reads and writes wait)"
                                                : "SHARE ROW EXCLUSIVE on both tables (writes wait)"),
                   .object = k.table,
                   .at = k.location,
                   .help = "ADD CONSTRAINT … NOT VALID (a brief lock), then ALTER TABLE … VALIDATE CONSTRAINT in a later "
                           "transaction (SHARE UPDATE EXCLUSIVE: reads and writes go on)"});
  }
}

}  // namespace

extern const Rule constraint_missing_not_valid;
const Rule constraint_missing_not_valid{{"MC134", "constraint-missing-not-valid", Category::lock_hazard, Severity::warning, postgres_only,
    "CHECK or FOREIGN KEY added without NOT VALID holds its lock while it checks every row"},
    check, nullptr};

}  // namespace mc::rules
