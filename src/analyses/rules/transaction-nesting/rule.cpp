// MC178 transaction-nesting (doc.md beside this file).
#include "analyses/rules/helpers.h"

namespace mc::rules {

namespace {

void check(const RuleContext& c, std::vector<Finding>& out) {
  if (c.facts.command == Command::begin && c.migration.open_transactions > 0) {
    out.push_back({.message = "BEGIN inside a transaction this migration already opened: PostgreSQL warns and ignores it, "
                              "SQLite fails",
                   .help = "one BEGIN … COMMIT per migration"});
  } else if ((c.facts.command == Command::commit || c.facts.command == Command::rollback) && c.migration.open_transactions == 0) {
    out.push_back({.message = "COMMIT/ROLLBACK with no transaction opened by this migration: it ends the migration runner's "
                              "own transaction, if it has one, and what follows runs outside it",
                   .help = "let the runner manage the transaction, or open it with BEGIN in this migration"});
  }
}

}  // namespace

extern const Rule transaction_nesting;
const Rule transaction_nesting{{"MC178", "transaction-nesting", Category::hygiene, Severity::warning, both_dialects,
    "BEGIN inside an open transaction, or COMMIT with none open"},
    check, nullptr};

}  // namespace mc::rules
