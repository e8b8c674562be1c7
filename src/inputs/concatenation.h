// String concatenation folded into one literal, so that SQL written in pieces is checked whole:
//
//   JS/TS, Go:  "SELECT id " + "FROM users " + "WHERE id = $1"
//   Python:     ("SELECT id "  "FROM users")            (implicit, and with +)
//   PHP:        "SELECT id " . "FROM users"
//   any:        "SELECT * FROM " + TABLE + " WHERE id = ?"
//
// A name between pieces (or before the first, after the last) becomes a hole, resolved like
// `${NAME}` — a constant of the file or of a relative import — or reported as could-not-check.
// Anything else between pieces (a call, an operator) ends the chain: the pieces stay apart, and a
// piece that is not SQL alone is not taken for a query. Constants declared by a chain
// (`const SQL = "SELECT " + "a FROM t"`) name the folded literal; a declaration whose chain does
// not end with the expression is no constant.
#pragma once

#include <string_view>

#include "inputs/code_scan.h"

namespace mc {

enum class ConcatenationSyntax {
  plus,                 // JS/TS: `+`, across lines
  plus_same_line,       // Go: `+`, and a newline before it ends the statement
  plus_or_adjacent,     // Python, Ruby: `+` or nothing; across lines only inside brackets or after `\`
  dot,                  // PHP: `.`, across lines
};

// Appends the folded literals to `scan.literals`, marks their pieces `absorbed`, and re-points or
// drops the constants declared by chains.
void fold_concatenations(CodeScan& scan, std::string_view text, ConcatenationSyntax syntax);

}  // namespace mc
