// The queries of a tree's code: `.sql` files and SQL string literals in source files, found by
// the tree's `queries` globs.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "base/source.h"
#include "inputs/code_sql.h"
#include "inputs/tree.h"

namespace mc {

struct QueryInputs {
  std::vector<SqlText> sql_files;  // whole `.sql` files, split into statements by the dialect front end
  std::vector<SqlText> literals;   // one SQL literal each, from code
  std::vector<UnresolvedSql> unresolved;
  std::vector<Diagnostic> notes;  // files skipped, globs that matched nothing
};

// `exclude` holds paths (relative to the root) that are not queries, such as the migrations.
QueryInputs load_queries(SourceManager& sources, CodeModules& modules, const Tree& tree,
                         const std::set<std::string>& exclude);

}  // namespace mc
