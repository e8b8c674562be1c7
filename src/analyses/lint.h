// `migcompat lint PATH…`: the rule catalog over migration files alone — no deployed tree, no
// old code — for squawk-style use in editors and pre-commit hooks. A directory is linted whole,
// replayed from an empty schema in its apply order. Files are linted with their history: the
// migrations of their directory that come before them are replayed first, not linted.
#pragma once

#include <filesystem>
#include <optional>
#include <vector>

#include "analyses/check.h"

namespace mc {

struct LintOptions {
  std::vector<std::filesystem::path> paths;
  std::optional<Dialect> dialect;  // else from ./migcompat.toml
};

// Throws InputError for bad input (exit 2).
CheckResult run_lint(SourceManager& sources, const LintOptions& options);

}  // namespace mc
