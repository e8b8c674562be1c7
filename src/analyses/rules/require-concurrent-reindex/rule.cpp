// MC139 require-concurrent-reindex (doc.md beside this file).
#include "analyses/rules/helpers.h"

namespace mc::rules {

namespace {

void check(const RuleContext& c, std::vector<Finding>& out) {
  if (c.facts.command != Command::reindex || c.facts.concurrently) return;
  out.push_back({.message = "REINDEX without CONCURRENTLY locks out writes to the table, and reads that would use the index, "
                            "until it is done",
                 .object = c.facts.table,
                 .help = "REINDEX … CONCURRENTLY (PostgreSQL 12+), outside a transaction block"});
}

}  // namespace

extern const Rule require_concurrent_reindex;
const Rule require_concurrent_reindex{{"MC139", "require-concurrent-reindex", Category::lock_hazard, Severity::warning, postgres_only,
    "REINDEX without CONCURRENTLY blocks writes (and reads that use the index)"},
    check, nullptr};

}  // namespace mc::rules
