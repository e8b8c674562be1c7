// The skeleton the language scanners share (inside inputs/ only): the text and a cursor, the
// tokens kept in a TokenWindow with the scanner's declaration matcher run as they arrive, and the
// literals being built. A scanner derives from ScannerBase<Itself> and defines `match(i)`, called
// at each token once the tokens after it are known (see token_window.h).
#pragma once

#include <cctype>
#include <cstdint>
#include <string_view>
#include <utility>

#include "inputs/code_scan.h"
#include "inputs/token_window.h"

namespace mc {

struct ScanToken {
  enum Kind { name, literal, op, newline } kind;
  std::string_view text;
  size_t literal_index = 0;  // for literals: the index into CodeScan::literals
  bool line_start = false;   // the first token of a logical line at column 0 (Python's scanner sets it)
};

// Identifiers as most languages have them: letters, `_`, digits after the first, and any
// non-ASCII byte (names in UTF-8).
inline bool ident_start(char c) {
  return std::isalpha(static_cast<unsigned char>(c)) || c == '_' || static_cast<unsigned char>(c) >= 0x80;
}
inline bool ident_char(char c) { return ident_start(c) || std::isdigit(static_cast<unsigned char>(c)); }

template <class Derived>
class ScannerBase {
 protected:
  using Token = ScanToken;

  explicit ScannerBase(std::string_view text) : s_(text) {}

  // The byte at `i`, or NUL past the end.
  char at(size_t i) const { return i < s_.size() ? s_[i] : '\0'; }

  bool is(size_t i, Token::Kind kind, std::string_view text = {}) const {
    return i < tokens_.size() && tokens_[i].kind == kind && (text.empty() || tokens_[i].text == text);
  }

  void push(Token token) {
    tokens_.push(token, [this](size_t i) { static_cast<Derived*>(this)->match(i); });
  }

  // Ends the scan: the last tokens are matched, and the result handed over.
  CodeScan finish_scan() {
    tokens_.finish([this](size_t i) { static_cast<Derived*>(this)->match(i); });
    return std::move(scan_);
  }

  static void add(CodeLiteral& literal, char value, size_t origin) {
    literal.cooked += value;
    literal.origin.push_back(static_cast<uint32_t>(origin));
  }

  // Records a finished literal and its token.
  void push_literal(CodeLiteral literal) {
    scan_.literals.push_back(std::move(literal));
    push({Token::literal, {}, scan_.literals.size() - 1});
  }

  std::string_view s_;
  size_t pos_ = 0;
  CodeScan scan_;
  TokenWindow<Token> tokens_;
};

}  // namespace mc
