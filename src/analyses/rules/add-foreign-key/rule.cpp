// MC118 add-foreign-key (doc.md beside this file).
#include "analyses/rules/helpers.h"

namespace mc::rules {

namespace {

void check(const RuleContext& c, std::vector<Finding>& out) {
  for (const sql::ConstraintUse& k : c.facts.constraints) {
    if (k.kind != ConstraintKind::foreign_key || k.on_new_column || !existing_table(c, k.table)) continue;
    out.push_back({.message = fmt::format("adds a foreign key to {}: old writes of rows whose reference does not exist fail, "
                                          "and both tables are locked (SHARE ROW EXCLUSIVE) while it is added",
                                          k.table),
                   .object = k.table,
                   .at = k.location,
                   .help = "deploy code that writes valid references first; add the key NOT VALID, then VALIDATE "
                           "CONSTRAINT in a later transaction"});
  }
}

}  // namespace

extern const Rule add_foreign_key;
const Rule add_foreign_key{{"MC118", "add-foreign-key", Category::breaks_writers, Severity::warning, postgres_only,
    "adds a foreign key that old writes may violate, locking both tables"},
    check, nullptr};

}  // namespace mc::rules
