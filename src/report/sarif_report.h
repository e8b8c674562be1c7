// SARIF 2.1.0, for code scanning (GitHub, GitLab, Azure DevOps, IDE viewers): every rule and check
// with its description and help from the rule docs, every finding with its location, the
// related locations (the old query, the migration statement), and a fingerprint that survives
// unrelated edits so that runs deduplicate.
#pragma once

#include <ostream>
#include <string_view>

#include "analyses/check.h"

namespace mc {

void write_sarif_report(std::ostream& out, const CheckResult& result, std::string_view tool_version);

}  // namespace mc
