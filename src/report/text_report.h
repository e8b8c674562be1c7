// The compiler-style text report: each finding with its code, the old query's source line and a
// caret, the migration statement that causes it, and the safe sequence.
#pragma once

#include <ostream>

#include "analyses/check.h"
#include "base/diagnostic.h"

namespace mc {

struct TextStyle {
  bool color = false;
};

void write_diagnostic(std::ostream& out, const Diagnostic& d, const TextStyle& style);
void write_text_report(std::ostream& out, const CheckResult& result, const TextStyle& style);
// One line: "migcompat: error: <where>: <message>".
void write_input_error(std::ostream& out, const InputError& error, const TextStyle& style);

}  // namespace mc
