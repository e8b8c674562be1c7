// The static check for PostgreSQL apps: replay the migrations into the catalog with PostgreSQL's
// own parser, then resolve every old query's names against the new catalog.
#pragma once

#include <vector>

#include "analyses/plan.h"
#include "base/diagnostic.h"

namespace mc {

// Throws InputError when a migration statement does not parse.
std::vector<Diagnostic> check_postgres_statically(const MigrationPlan& plan, const std::vector<Statement>& queries);

}  // namespace mc
