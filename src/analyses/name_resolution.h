// Resolves the names of a query (relations, columns, stars, CTEs, subqueries, aliases) against
// a catalog, reporting what PostgreSQL would report, with SQLSTATE and the offending offset.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "catalog/catalog.h"
#include "catalog/search_path.h"
#include "sql/model.h"

namespace mc {

struct NameError {
  std::string sqlstate;  // 42P01, 42703, 42702, 23502, 42P10
  std::string message;   // PostgreSQL's wording
  size_t location = sql::no_location;
  std::string relation;  // what the name resolved to on a schema where it existed, if known
  std::string column;
  std::string name;      // the name as written at `location`
  std::string type;      // 22P02: the enum type whose labels no longer include the value
};

// Where each reference resolved to: offset in the statement -> (relation, column).
using Resolutions = std::map<size_t, std::pair<std::string, std::string>>;

class NameResolver {
 public:
  // Unqualified relation names are looked up through `path`.
  explicit NameResolver(const catalog::Catalog& catalog, catalog::SearchPath path = {})
      : catalog_(catalog), path_(std::move(path)) {}
  // Unique indexes that exist here but not in `before` are checked against INSERTs that write
  // the same value every time (23505 on the second row).
  NameResolver(const catalog::Catalog& catalog, const catalog::Catalog& before, catalog::SearchPath path = {})
      : catalog_(catalog), before_(&before), path_(std::move(path)) {}

  std::vector<NameError> check(const sql::QueryModel& query, Resolutions* resolutions = nullptr);
  // Output column names of a SELECT (for CREATE VIEW); errors go to `errors`, the catalog
  // columns the query reads (stars expanded) to `reads` and the relations it reads to
  // `relations` (catalog keys), when given.
  std::vector<std::string> output_columns(const sql::Select& select, std::vector<NameError>& errors,
                                          std::vector<catalog::ColumnRead>* reads = nullptr,
                                          std::vector<std::string>* relations = nullptr);

 private:
  const catalog::Catalog& catalog_;
  const catalog::Catalog* before_ = nullptr;
  catalog::SearchPath path_;
};

}  // namespace mc
