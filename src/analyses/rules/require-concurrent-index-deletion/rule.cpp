// MC132 require-concurrent-index-deletion (doc.md beside this file).
#include "analyses/rules/helpers.h"

namespace mc::rules {

namespace {

void check(const RuleContext& c, std::vector<Finding>& out) {
  if (c.facts.command != Command::drop_index || c.facts.concurrently) return;
  out.push_back({.message = "drops an index without CONCURRENTLY: it takes ACCESS EXCLUSIVE on the table, and every old "
                            "query on it waits (and queues behind it if a long transaction holds the table)",
                 .help = "DROP INDEX CONCURRENTLY, as a statement of its own outside a transaction block"});
}

}  // namespace

extern const Rule require_concurrent_index_deletion;
const Rule require_concurrent_index_deletion{{"MC132", "require-concurrent-index-deletion", Category::lock_hazard, Severity::warning, postgres_only,
    "DROP INDEX without CONCURRENTLY takes ACCESS EXCLUSIVE on the table"},
    check, nullptr};

}  // namespace mc::rules
