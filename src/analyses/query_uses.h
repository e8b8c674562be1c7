// What each old query uses on the deployed schema, for `migcompat queries`: its kind and the
// tables and columns it reads and writes, or why it does not compile there.
#pragma once

#include <string>
#include <vector>

#include "analyses/plan.h"
#include "inputs/config.h"

namespace mc {

struct QueryUse {
  std::string kind;                  // the first keyword: SELECT, INSERT, UPDATE, DELETE, WITH, …
  std::vector<std::string> objects;  // "users.email", "users": sorted, each once
  std::string error;                 // why it does not compile (SQLite) or resolve (PostgreSQL) on the deployed schema
};

// One entry per query. Builds the deployed schema from `plan.deployed` (SQLite in process, the
// PostgreSQL catalog statically); throws InputError when a deployed statement does not apply.
std::vector<QueryUse> describe_queries(Dialect dialect, const MigrationPlan& plan, const std::vector<Statement>& queries);

}  // namespace mc
