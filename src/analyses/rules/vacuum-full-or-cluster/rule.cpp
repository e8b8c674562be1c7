// MC141 vacuum-full-or-cluster (doc.md beside this file).
#include "analyses/rules/helpers.h"

namespace mc::rules {

namespace {

void check(const RuleContext& c, std::vector<Finding>& out) {
  bool rewrite = (c.facts.command == Command::vacuum && c.facts.vacuum_full) || c.facts.command == Command::cluster;
  if (!rewrite) return;
  out.push_back({.message = fmt::format("{} rewrites the table under ACCESS EXCLUSIVE: every old query on it waits for the "
                                        "whole rewrite",
                                        c.facts.command == Command::cluster ? "CLUSTER" : "VACUUM FULL"),
                 .object = c.facts.table,
                 .help = "reclaim space online with pg_repack (or pg_squeeze) outside the migration; plain VACUUM does not "
                         "block"});
}

}  // namespace

extern const Rule vacuum_full_or_cluster;
const Rule vacuum_full_or_cluster{{"MC141", "vacuum-full-or-cluster", Category::lock_hazard, Severity::warning, postgres_only,
    "VACUUM FULL or CLUSTER rewrites the table under ACCESS EXCLUSIVE"},
    check, nullptr};

}  // namespace mc::rules
