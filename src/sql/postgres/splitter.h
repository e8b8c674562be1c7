// Splits PostgreSQL SQL into statements with PostgreSQL's own scanner (libpg_query), so that
// dollar-quoted bodies, E'' strings and nested comments are cut exactly as the server cuts them.
#pragma once

#include <vector>

#include "base/source.h"
#include "sql/statement.h"

namespace mc::postgres {

std::vector<Statement> split(const SqlText& sql);

}  // namespace mc::postgres
