// MC122 delete-all-rows (doc.md beside this file).
#include "analyses/rules/helpers.h"

namespace mc::rules {

namespace {

void check(const RuleContext& c, std::vector<Finding>& out) {
  if (c.facts.command != Command::del || c.facts.has_where || c.created_here(c.facts.table)) return;
  out.push_back({.message = fmt::format("deletes every row of {}", c.facts.table),
                 .object = c.facts.table,
                 .help = "add the WHERE clause the data migration means; if emptying the table is intended, say why in a "
                         "migcompat:ignore comment"});
}

}  // namespace

extern const Rule delete_all_rows;
const Rule delete_all_rows{{"MC122", "delete-all-rows", Category::data_loss, Severity::warning, both_dialects,
    "DELETE without WHERE in a migration empties a table old code uses"},
    check, nullptr};

}  // namespace mc::rules
