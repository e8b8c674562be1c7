// MC179 uncommitted-transaction (doc.md beside this file).
#include "analyses/rules/helpers.h"

namespace mc::rules {

namespace {


void finish(const MigrationState& state, std::vector<Finding>& out) {
  if (state.open_transactions == 0) return;
  out.push_back({.message = "this migration opens a transaction with BEGIN and never commits it",
                 .help = "end the migration with COMMIT"});
}

}  // namespace

extern const Rule uncommitted_transaction;
const Rule uncommitted_transaction{{"MC179", "uncommitted-transaction", Category::hygiene, Severity::warning, both_dialects,
    "a migration that BEGINs and never COMMITs"},
    nullptr, finish};

}  // namespace mc::rules
