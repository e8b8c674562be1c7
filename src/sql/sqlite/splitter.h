// Splits SQLite SQL into statements the way the engine reads it.
#pragma once

#include <vector>

#include "base/source.h"
#include "sql/statement.h"

namespace mc::sqlite {

// Cuts `sql` at each `;` that ends a complete statement (outside strings, quoted identifiers
// and comments, and after the END of a CREATE TRIGGER body; sqlite3_complete decides). Empty
// statements are dropped. Each statement keeps the `-- name:` annotation before it.
std::vector<Statement> split(const SqlText& sql);

}  // namespace mc::sqlite
