// Replays DDL intent (sql::SchemaChange) into the catalog, as the server would apply it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "catalog/catalog.h"
#include "sql/model.h"

namespace mc::catalog {

// Applies `change`. Returns PostgreSQL's error text (with SQLSTATE) when the server would reject
// the statement, e.g. `relation "x" does not exist (42P01)`. `view_columns` are the output
// columns of a CREATE VIEW, resolved by the caller.
std::optional<std::string> apply(Catalog& catalog, const sql::SchemaChange& change,
                                 const std::vector<std::string>& view_columns = {});

}  // namespace mc::catalog
