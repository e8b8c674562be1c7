// SQL in application source (JavaScript/TypeScript, Python, Go): the literals that are SQL, with
// interpolations resolved from string constants of the same file or of relatively imported
// modules, and exact source maps back into the file.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "base/source.h"
#include "inputs/code_scan.h"
#include "inputs/tree.h"

namespace mc {

// A literal that looks like SQL but whose text depends on a value only known at run time.
struct UnresolvedSql {
  Span where;          // the `${…}` that could not be resolved
  Span literal;        // the whole literal
  std::string reason;
};

struct CodeSqlResult {
  std::vector<SqlText> sql;
  std::vector<UnresolvedSql> unresolved;
};

enum class SqlRole { queries, migrations };

// Reads and scans the source files of one tree, once each.
class CodeModules {
 public:
  CodeModules(SourceManager& sources, const Tree& tree) : sources_(sources), tree_(tree) {}

  // The literals of `relative_path` that look like SQL for the given role, in file order.
  CodeSqlResult extract(const std::string& relative_path, SqlRole role);

 private:
  struct Module {
    const SourceFile* file;
    CodeScan scan;
  };
  const Module* load(const std::string& relative_path);
  // The value of constant `name` as seen from `module_path`, or nullopt with `why` filled.
  std::optional<std::string> resolve(const std::string& module_path, const std::string& name, int depth,
                                     std::string& why);
  std::optional<std::string> render(const std::string& module_path, const CodeLiteral& literal, int depth,
                                    std::string& why, size_t* failed_hole);

  SourceManager& sources_;
  const Tree& tree_;
  std::map<std::string, std::unique_ptr<Module>> modules_;
};

// Resolves `./x` or `../y/z.js` against the importing file; tries the TypeScript, JavaScript and
// Python extensions and index files. Returns the path relative to the tree root, or nullopt.
std::optional<std::string> resolve_module_path(const Tree& tree, const std::string& importer,
                                               const std::string& specifier);

enum class Language { none, js, python, go, java, kotlin, rust, ruby, php };
Language language_of(std::string_view path);
bool is_js_path(std::string_view path);

}  // namespace mc
