// MC135 unique-constraint-without-index (doc.md beside this file).
#include "analyses/rules/helpers.h"

namespace mc::rules {

namespace {

void check(const RuleContext& c, std::vector<Finding>& out) {
  for (const sql::ConstraintUse& k : c.facts.constraints) {
    bool keyed = k.kind == ConstraintKind::unique || k.kind == ConstraintKind::primary_key;
    if (!keyed || k.using_index || k.on_new_column || !existing_table(c, k.table)) continue;
    out.push_back({.message = fmt::format("adds a {} constraint to {} by building its index under ACCESS EXCLUSIVE: old "
                                          "reads and writes wait for the whole build",
                                          k.kind == ConstraintKind::unique ? "UNIQUE" : "PRIMARY KEY", k.table),
                   .object = k.table,
                   .at = k.location,
                   .help = "CREATE UNIQUE INDEX CONCURRENTLY first, then ALTER TABLE … ADD CONSTRAINT … UNIQUE USING INDEX "
                           "(or PRIMARY KEY USING INDEX)"});
  }
}

}  // namespace

extern const Rule unique_constraint_without_index;
const Rule unique_constraint_without_index{{"MC135", "unique-constraint-without-index", Category::lock_hazard, Severity::warning, postgres_only,
    "ADD CONSTRAINT UNIQUE / PRIMARY KEY builds its index under ACCESS EXCLUSIVE"},
    check, nullptr};

}  // namespace mc::rules
