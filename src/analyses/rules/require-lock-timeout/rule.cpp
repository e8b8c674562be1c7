// MC138 require-lock-timeout (doc.md beside this file).
#include "analyses/rules/helpers.h"

namespace mc::rules {

namespace {

void check(const RuleContext& c, std::vector<Finding>& out) {
  if (c.locks_measured || c.migration.lock_timeout) return;
  bool strong = takes_blocking_lock(c.facts);
  if (!strong || (!c.facts.table.empty() && c.created_here(c.facts.table))) return;
  if (!c.first_in_migration("lock-timeout")) return;
  out.push_back({.message = "takes a lock that blocks the table, and no lock_timeout is set: behind a long-running "
                            "transaction it waits, and every query on the table queues behind it",
                 .object = c.facts.table,
                 .help = "begin the migration with SET lock_timeout = '2s' (and retry it when it fails), so that it gives "
                         "up instead of stalling traffic"});
}

}  // namespace

extern const Rule require_lock_timeout;
const Rule require_lock_timeout{{"MC138", "require-lock-timeout", Category::lock_hazard, Severity::warning, postgres_only,
    "a strong table lock with no lock_timeout can stall every query behind it"},
    check, nullptr};

}  // namespace mc::rules
