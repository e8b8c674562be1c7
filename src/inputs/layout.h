// `migcompat init`: what a repository looks like — its dialect, where its migrations live and in
// which format, where the queries of its code live — told with the evidence for each guess, and
// written as a commented migcompat.toml.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "inputs/config.h"

namespace mc {

struct Layout {
  std::optional<Dialect> dialect;
  std::string dialect_evidence;   // "package.json depends on @libsql/client; 3 .sql files use AUTOINCREMENT"
  std::string migrations;         // directory or file, relative to the root; "" when none found
  std::string migrations_evidence;
  std::vector<std::string> queries;  // globs
  std::string queries_evidence;
};

// Looks at the files under `root` (skipping .git, node_modules, vendor, build output).
Layout detect_layout(const std::filesystem::path& root);

// The migcompat.toml text for a layout, with a comment on each guess.
std::string layout_config(const Layout& layout);

}  // namespace mc
