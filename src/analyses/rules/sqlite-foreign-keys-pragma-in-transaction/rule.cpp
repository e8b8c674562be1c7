// MC162 sqlite-foreign-keys-pragma-in-transaction (doc.md beside this file).
#include "analyses/rules/helpers.h"

namespace mc::rules {

namespace {

void check(const RuleContext& c, std::vector<Finding>& out) {
  if (c.facts.command != Command::pragma || c.facts.setting != "foreign_keys" || c.migration.open_transactions == 0) return;
  out.push_back({.message = "PRAGMA foreign_keys inside a transaction does nothing: foreign keys stay as they were for the "
                            "whole migration",
                 .help = "set it before BEGIN (and check that the migration runner does not wrap the migration in a "
                         "transaction of its own)"});
}

}  // namespace

extern const Rule sqlite_foreign_keys_pragma_in_transaction;
const Rule sqlite_foreign_keys_pragma_in_transaction{{"MC162", "sqlite-foreign-keys-pragma-in-transaction", Category::sqlite, Severity::warning, sqlite_only,
    "PRAGMA foreign_keys inside a transaction does nothing"},
    check, nullptr};

}  // namespace mc::rules
