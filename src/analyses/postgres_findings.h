// What the PostgreSQL proof found, as diagnostics: the static check's findings confirmed,
// dropped where the server proves them wrong, and completed where only the server sees the
// break; plus the lock and rewrite findings of the new migration statements.
#pragma once

#include <vector>

#include "analyses/plan.h"
#include "analyses/postgres_check.h"
#include "analyses/postgres_proof.h"
#include "base/diagnostic.h"

namespace mc {

std::vector<Diagnostic> server_findings(const MigrationPlan& plan, const std::vector<Statement>& queries,
                                        const PostgresStaticResult& static_result, const ServerProof& proof);

}  // namespace mc
