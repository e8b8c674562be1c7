// Partial evaluation of SQL built by well-known calls from literals and constants, so that its
// shape is checked rather than reported as unknown:
//
//   Go:      fmt.Sprintf("SELECT %s FROM t WHERE id = %d", COLS, id)
//            strings.Join([]string{"id", "name"}, ", ")
//   Python:  "SELECT {} FROM t".format(COLS),  "SELECT %s FROM t" % COLS,  ", ".join(["id", "name"])
//   Rust:    format!("SELECT {} FROM {TABLE}", COLS)
//   any:     "SELECT * FROM {{table}}"   (a template placeholder, resolved like a constant)
//
// A formatted argument that is a literal is inlined; a name becomes a hole, resolved from the
// file's constants like `${NAME}`; a value whose text is unknown but whose place is a value
// (`%d`, or `%s` inside SQL quotes) becomes a neutral literal (0, x), which keeps the shape.
// Anything else stays a hole that cannot be resolved: "could not check", with the reason. The
// folded literal covers the whole call; `NAME = <call>` makes it a constant.
#pragma once

#include <string_view>

#include "inputs/code_scan.h"

namespace mc {

enum class FormatSyntax { none, go, python, rust };

// Appends the evaluated literals to `scan.literals` (the call's own literals are marked
// `absorbed`) and declares the constants assigned from them. Run before fold_concatenations,
// which then takes each evaluated call as one literal.
void fold_formatting(CodeScan& scan, std::string_view text, FormatSyntax syntax);

// `{{name}}` in a literal (outside its holes) becomes a hole named `name`.
void template_placeholders(CodeLiteral& literal);

}  // namespace mc
