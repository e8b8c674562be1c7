// SQL in JavaScript/TypeScript source: the literals that are SQL, with `${CONST}` resolved from
// constants of the same file or of relatively imported modules, and exact source maps.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "base/source.h"
#include "inputs/js_scanner.h"
#include "inputs/tree.h"

namespace mc {

// A literal that looks like SQL but whose text depends on a value only known at run time.
struct UnresolvedSql {
  Span where;          // the `${…}` that could not be resolved
  Span literal;        // the whole literal
  std::string reason;
};

struct JsSqlResult {
  std::vector<SqlText> sql;
  std::vector<UnresolvedSql> unresolved;
};

enum class SqlRole { queries, migrations };

// Reads and scans JS/TS files of one tree, once each.
class JsModules {
 public:
  JsModules(SourceManager& sources, const Tree& tree) : sources_(sources), tree_(tree) {}

  // The literals of `relative_path` that look like SQL for the given role, in file order.
  JsSqlResult extract(const std::string& relative_path, SqlRole role);

 private:
  struct Module {
    const SourceFile* file;
    JsScan scan;
  };
  const Module* load(const std::string& relative_path);
  // The value of constant `name` as seen from `module_path`, or nullopt with `why` filled.
  std::optional<std::string> resolve(const std::string& module_path, const std::string& name, int depth,
                                     std::string& why);
  std::optional<std::string> render(const std::string& module_path, const JsLiteral& literal, int depth,
                                    std::string& why, size_t* failed_hole);

  SourceManager& sources_;
  const Tree& tree_;
  std::map<std::string, std::unique_ptr<Module>> modules_;
};

// Resolves `./x` or `../y/z.js` against the importing file; tries the TypeScript and JavaScript
// extensions and index files. Returns the path relative to the tree root, or nullopt.
std::optional<std::string> resolve_module_path(const Tree& tree, const std::string& importer,
                                               const std::string& specifier);

bool is_js_path(std::string_view path);

}  // namespace mc
