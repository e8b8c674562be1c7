// The queries of a tree's code: `.sql` files and SQL string literals in source files, found by
// the tree's `queries` globs.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "base/source.h"
#include "inputs/code_sql.h"
#include "inputs/query_logs.h"
#include "inputs/tree.h"

namespace mc {

struct QueryInputs {
  std::vector<SqlText> sql_files;  // whole `.sql` files, split into statements by the dialect front end
  std::vector<SqlText> literals;   // one SQL literal each, from code
  std::vector<UnresolvedSql> unresolved;
  std::vector<Diagnostic> notes;  // files skipped, globs that matched nothing
  LoggedStatements logged;        // from query logs: SQL the code ran, split like .sql files
};

// `exclude` holds paths (relative to the root) that are not queries, such as the migrations.
QueryInputs load_queries(SourceManager& sources, CodeModules& modules, const Tree& tree,
                         const std::set<std::string>& exclude);

// The query logs of the tree's `logs` globs, or `files` (named on the command line) instead.
std::vector<LogFile> query_log_files(const Tree& tree, const std::vector<std::filesystem::path>& files,
                                     std::vector<Diagnostic>& notes);

}  // namespace mc
