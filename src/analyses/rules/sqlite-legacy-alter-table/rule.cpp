// MC163 sqlite-legacy-alter-table (doc.md beside this file).
#include "analyses/rules/helpers.h"

namespace mc::rules {

namespace {

void check(const RuleContext& c, std::vector<Finding>& out) {
  if (c.facts.command != Command::pragma || c.facts.setting != "legacy_alter_table") return;
  if (!one_of(c.facts.value, {"on", "1", "true", "yes"})) return;
  out.push_back({.message = "legacy_alter_table = ON: later renames in this connection do not rewrite the views and "
                            "triggers that name the old table or column, which then fail when used",
                 .help = "leave legacy_alter_table off; rename, then fix dependent views and triggers explicitly"});
}

}  // namespace

extern const Rule sqlite_legacy_alter_table;
const Rule sqlite_legacy_alter_table{{"MC163", "sqlite-legacy-alter-table", Category::sqlite, Severity::warning, sqlite_only,
    "PRAGMA legacy_alter_table = ON: renames stop updating views and triggers"},
    check, nullptr};

}  // namespace mc::rules
