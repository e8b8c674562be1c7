// Replays DDL intent (sql::SchemaChange) into the catalog, as the server would apply it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "catalog/catalog.h"
#include "sql/model.h"

namespace mc::catalog {

// What the caller resolved about a CREATE VIEW's query.
struct ViewShape {
  std::vector<std::string> columns;
  std::vector<std::string> depends_on;
  std::vector<ColumnRead> reads;
};

// Applies `change`. Returns PostgreSQL's error text (with SQLSTATE) when the server would reject
// the statement, e.g. `relation "x" does not exist (42P01)`. `view` is what the caller
// resolved about a CREATE VIEW's query.
std::optional<std::string> apply(Catalog& catalog, const sql::SchemaChange& change, const ViewShape& view = {});

}  // namespace mc::catalog
