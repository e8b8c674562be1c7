#include "analyses/postgres_check.h"

namespace mc {

std::vector<Diagnostic> check_postgres_statically(const MigrationPlan&, const std::vector<Statement>&) {
  throw InputError{"dialect \"postgres\" is not supported yet", {}, {}};
}

}  // namespace mc
