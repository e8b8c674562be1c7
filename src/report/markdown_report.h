// Reports for people reading a pull request: a Markdown comment (or GitHub job summary) with the
// deploy-window verdict and a table of findings, and JUnit XML for CI test views (one test case
// per old query, one per new migration statement).
#pragma once

#include <ostream>

#include "analyses/check.h"

namespace mc {

void write_markdown_report(std::ostream& out, const CheckResult& result);
void write_junit_report(std::ostream& out, const CheckResult& result);

}  // namespace mc
