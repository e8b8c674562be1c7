// The JavaScript/TypeScript scanner: a lexer (not a parser) that gets tokens right — comments,
// strings, templates with nested `${}`, regular expressions — and finds `const` declarations and
// `import { a as b } from "./x"`. Declared in code_scan.h.
#pragma once

#include "inputs/code_scan.h"
