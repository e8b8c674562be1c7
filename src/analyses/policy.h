// The last step of every check: rule findings joined with the old-query findings they explain
// (query-aware severity), `--strict`, `[rules]` from migcompat.toml, and suppressions.
#pragma once

#include <vector>

#include "analyses/suppressions.h"
#include "base/diagnostic.h"
#include "inputs/config.h"

namespace mc {

struct PolicyOptions {
  bool strict = false;  // a breaking change no known old query shows is an error, not a warning
  bool lint = false;    // migration files alone: no old code to be aware of
  std::vector<RuleSetting> rule_settings;
};

// Throws InputError for a `[rules]` entry naming no rule or check.
void apply_policy(std::vector<Diagnostic>& diagnostics, const PolicyOptions& options, Suppressions& suppressions);

}  // namespace mc
