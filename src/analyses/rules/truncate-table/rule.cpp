// MC121 truncate-table (doc.md beside this file).
#include "analyses/rules/helpers.h"

namespace mc::rules {

namespace {

void check(const RuleContext& c, std::vector<Finding>& out) {
  if (c.facts.command != Command::truncate) return;
  out.push_back({.message = c.facts.cascade ? "TRUNCATE … CASCADE empties these tables and every table with a foreign key "
                                              "to them, under ACCESS EXCLUSIVE"
                                            : "TRUNCATE empties these tables under ACCESS EXCLUSIVE: every row old code "
                                              "reads is gone",
                 .help = "delete what the data migration means with a reviewed DELETE … WHERE; never CASCADE into tables "
                         "the statement does not name"});
}

}  // namespace

extern const Rule truncate_table;
const Rule truncate_table{{"MC121", "truncate-table", Category::data_loss, Severity::warning, postgres_only,
    "TRUNCATE in a migration empties tables old code still uses (CASCADE: more than named)"},
    check, nullptr};

}  // namespace mc::rules
