// MC131 require-concurrent-index-creation (doc.md beside this file).
#include "analyses/rules/helpers.h"

namespace mc::rules {

namespace {

void check(const RuleContext& c, std::vector<Finding>& out) {
  if (c.facts.command != Command::create_index || c.facts.concurrently || !existing_table(c, c.facts.table)) return;
  out.push_back({.message = fmt::format("builds an index on {} without CONCURRENTLY: writes to the table wait (SHARE lock) "
                                        "until the whole index is built",
                                        c.facts.table),
                 .object = c.facts.table,
                 .help = "CREATE INDEX CONCURRENTLY, as a statement of its own outside a transaction block"});
}

}  // namespace

extern const Rule require_concurrent_index_creation;
const Rule require_concurrent_index_creation{{"MC131", "require-concurrent-index-creation", Category::lock_hazard, Severity::warning, postgres_only,
    "CREATE INDEX without CONCURRENTLY blocks writes to the table while it builds"},
    check, nullptr};

}  // namespace mc::rules
