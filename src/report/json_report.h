// Machine-readable reports: JSON (versioned, documented in docs/json-format.md) and GitHub
// workflow annotations.
#pragma once

#include <ostream>

#include "analyses/check.h"

namespace mc {

inline constexpr int kJsonFormatVersion = 1;

void write_json_report(std::ostream& out, const CheckResult& result, std::string_view tool_version);
void write_json_input_error(std::ostream& out, const InputError& error, std::string_view tool_version);

// `::error file=…,line=…,col=…,title=…::message` lines, one per finding, for GitHub Actions.
void write_github_report(std::ostream& out, const CheckResult& result);

}  // namespace mc
