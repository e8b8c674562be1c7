// A lexer for JavaScript and TypeScript that finds every string and template literal, with the
// file offset of each character, plus the `const` declarations and relative imports needed to
// resolve `${NAME}` inside templates. It does not parse JavaScript: it only has to get tokens
// right (comments, strings, templates with nested `${}`, regular expressions).
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace mc {

// A `${expr}` inside a template literal.
struct JsHole {
  size_t cooked_offset = 0;  // where in `cooked` the value would be inserted
  size_t file_begin = 0;     // offset of "${"
  size_t file_end = 0;       // offset just past "}"
  std::string expression;    // the text between the braces, trimmed
};

struct JsLiteral {
  size_t file_begin = 0;  // offset of the opening quote
  size_t file_end = 0;    // offset just past the closing quote
  bool is_template = false;
  std::string cooked;               // the value, escapes decoded, holes left out
  std::vector<uint32_t> origin;     // file offset of each byte of `cooked`
  std::vector<JsHole> holes;
};

struct JsImport {
  std::string module;    // as written: "./migrations.ts"
  std::string exported;  // the name in that module
};

struct JsScan {
  std::vector<JsLiteral> literals;              // in file order
  std::map<std::string, size_t> constants;      // `const NAME = <literal>` -> index into literals
  std::set<std::string> exported;               // names declared with `export const`
  std::map<std::string, JsImport> imports;      // local name -> where it comes from
};

JsScan scan_js(std::string_view text);

}  // namespace mc
