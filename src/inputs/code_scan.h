// What a language scanner finds in a source file: every string literal with the file offset of
// each character, the holes of interpolated literals (JS template `${x}`, Python f-string `{x}`),
// the string constants it declares and the names it imports from relative modules.
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace mc {

struct CodeHole {
  size_t cooked_offset = 0;  // where in `cooked` the value would be inserted
  size_t file_begin = 0;     // offset of the hole's opening ("${" or "{")
  size_t file_end = 0;       // offset just past its closing brace
  std::string expression;    // the text between the braces, trimmed
};

struct CodeLiteral {
  size_t file_begin = 0;  // offset of the opening quote (or prefix)
  size_t file_end = 0;    // offset just past the closing quote
  bool interpolated = false;
  std::string cooked;            // the value, escapes decoded, holes left out
  std::vector<uint32_t> origin;  // file offset of each byte of `cooked`
  std::vector<CodeHole> holes;
  bool absorbed = false;  // a piece of a longer literal folded from a concatenation (concatenation.h)
};

struct CodeImport {
  std::string module;    // relative specifier, JS style: "./migrations.ts", "../db"
  std::string exported;  // the name in that module
};

struct CodeScan {
  std::vector<CodeLiteral> literals;         // in the order they close (a nested template first)
  std::map<std::string, size_t> constants;   // NAME = <literal> -> index into literals
  std::set<std::string> exported;            // constants other modules may import
  std::map<std::string, CodeImport> imports; // local name -> where it comes from
};

// Scanners, one per language family.
CodeScan scan_js(std::string_view text);
CodeScan scan_python(std::string_view text);
CodeScan scan_go(std::string_view text);
CodeScan scan_java(std::string_view text);
CodeScan scan_kotlin(std::string_view text);
CodeScan scan_rust(std::string_view text);
CodeScan scan_ruby(std::string_view text);
CodeScan scan_php(std::string_view text);

}  // namespace mc
