// `migcompat lint PATH…`: the rule catalog over migration files alone — no deployed tree, no
// old code — for squawk-style use in editors and pre-commit hooks. Each PATH (a migrations
// directory or one migration file) is replayed from an empty schema, in its own apply order.
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
