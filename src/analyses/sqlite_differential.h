// Differential execution of an old write on SQLite: run it with the same synthesized values on
// the deployed schema and on the new one, each inside a savepoint that is rolled back, and see
// whether the new schema rejects what the deployed one accepts.
#pragma once

#include <string>
#include <vector>

#include "catalog/catalog.h"
#include "sql/sqlite/engine.h"

namespace mc {

struct WriteVerdict {
  enum Kind {
    accepted,      // some value set ran on both schemas
    rejected,      // every value set the deployed schema accepts, the new one rejects
    not_exercised  // no value set ran on the deployed schema
  } kind = not_exercised;
  std::string error;        // the new schema's error (rejected) or the deployed one's (not_exercised)
  bool on_repeat = false;   // rejected only when the write runs a second time (UNIQUE)
  std::string values;       // the values that were used, for the report
};

// `accesses` come from compiling the write on the deployed schema; `literals` are constants that
// appear in the new schema's CHECK constraints, tried as parameter values so that a CHECK on a
// parameter does not cause a false alarm.
WriteVerdict run_differential(sqlite::Database& deployed, sqlite::Database& next, std::string_view sql,
                              const sqlite::Compiled& compiled, const catalog::Catalog& deployed_catalog,
                              const catalog::Catalog& next_catalog, const std::vector<std::string>& literals);

// String and number literals in CHECK expressions of the catalog, deduplicated.
std::vector<std::string> check_literals(const catalog::Catalog& catalog);

}  // namespace mc
