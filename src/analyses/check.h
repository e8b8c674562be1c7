// `migcompat check`: the whole flow for two trees, from inputs to findings.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "base/source.h"
#include "inputs/config.h"

namespace mc {

enum class Engine { auto_select, none, sqlite, postgres };

struct CheckOptions {
  std::filesystem::path old_root;
  std::filesystem::path new_root;
  TreeSettings overrides;  // flags, applied over both trees' migcompat.toml
  Engine engine = Engine::auto_select;
};

struct CheckResult {
  Dialect dialect = Dialect::sqlite;
  std::string engine;  // what proved the queries: "SQLite 3.40.1", "static"
  size_t deployed_statements = 0;
  size_t incoming_statements = 0;
  size_t queries = 0;
  std::vector<Diagnostic> diagnostics;  // sorted: by severity (errors first), then location

  bool incompatible() const;
};

// Throws InputError for bad input (exit 2).
CheckResult run_check(SourceManager& sources, const CheckOptions& options);

}  // namespace mc
