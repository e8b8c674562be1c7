// MC140 require-concurrent-partition-detach (doc.md beside this file).
#include "analyses/rules/helpers.h"

namespace mc::rules {

namespace {

void check(const RuleContext& c, std::vector<Finding>& out) {
  if (!c.facts.detach_partition || c.facts.concurrently) return;
  out.push_back({.message = fmt::format("detaches a partition of {} without CONCURRENTLY: ACCESS EXCLUSIVE on the parent "
                                        "table blocks every query on it",
                                        c.facts.table),
                 .object = c.facts.table,
                 .help = "ALTER TABLE … DETACH PARTITION … CONCURRENTLY (PostgreSQL 14+), outside a transaction block"});
}

}  // namespace

extern const Rule require_concurrent_partition_detach;
const Rule require_concurrent_partition_detach{{"MC140", "require-concurrent-partition-detach", Category::lock_hazard, Severity::warning, postgres_only,
    "DETACH PARTITION without CONCURRENTLY takes ACCESS EXCLUSIVE on the parent"},
    check, nullptr};

}  // namespace mc::rules
