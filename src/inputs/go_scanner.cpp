// The Go scanner: interpreted ("…") and raw (`…`) string literals, and string constants declared
// with `const X = "…"`, `var X = "…"`, or inside `const ( … )` blocks. Rune literals and
// comments are skipped.
#include <algorithm>
#include <cctype>

#include "inputs/scanner_base.h"

namespace mc {

namespace {

class GoLexer : public ScannerBase<GoLexer> {
  friend class ScannerBase<GoLexer>;

 public:
  explicit GoLexer(std::string_view s) : ScannerBase(s) {}

  CodeScan run() {
    while (pos_ < s_.size()) {
      char c = s_[pos_];
      if (std::isspace(static_cast<unsigned char>(c))) {
        if (c == '\n') push({Token::op, "\n"});
        ++pos_;
      } else if (c == '/' && pos_ + 1 < s_.size() && s_[pos_ + 1] == '/') {
        while (pos_ < s_.size() && s_[pos_] != '\n') ++pos_;
      } else if (c == '/' && pos_ + 1 < s_.size() && s_[pos_ + 1] == '*') {
        size_t end = s_.find("*/", pos_ + 2);
        pos_ = end == std::string_view::npos ? s_.size() : end + 2;
      } else if (c == '"' || c == '`') {
        lex_string(c);
      } else if (c == '\'') {
        ++pos_;
        while (pos_ < s_.size() && s_[pos_] != '\'' && s_[pos_] != '\n') pos_ += s_[pos_] == '\\' ? 2 : 1;
        pos_ = std::min(pos_ + 1, s_.size());
      } else if (ident_start(c)) {
        size_t start = pos_;
        while (pos_ < s_.size() && ident_char(s_[pos_])) ++pos_;
        push({Token::name, s_.substr(start, pos_ - start)});
      } else {
        push({Token::op, s_.substr(pos_, 1)});
        ++pos_;
      }
    }
    return finish_scan();
  }

 private:
  void lex_string(char quote) {
    CodeLiteral lit;
    lit.file_begin = pos_++;
    while (pos_ < s_.size() && s_[pos_] != quote) {
      char c = s_[pos_];
      if (quote == '"' && c == '\n') break;
      if (quote == '"' && c == '\\' && pos_ + 1 < s_.size()) {
        char e = s_[pos_ + 1];
        char value = e == 'n' ? '\n' : e == 't' ? '\t' : e == 'r' ? '\r' : e;
        lit.cooked += value;
        lit.origin.push_back(static_cast<uint32_t>(pos_));
        pos_ += 2;
        continue;
      }
      if (c != '\r') {  // raw strings drop carriage returns, as the Go spec says
        lit.cooked += c;
        lit.origin.push_back(static_cast<uint32_t>(pos_));
      }
      ++pos_;
    }
    if (pos_ < s_.size() && s_[pos_] == quote) ++pos_;
    lit.file_end = pos_;
    push_literal(std::move(lit));
  }

  // NAME [type] = "literal" followed by the end of the line or `)`.
  void try_spec(size_t i) {
    if (!is(i, Token::name)) return;
    size_t j = i + 1;
    if (is(j, Token::name)) ++j;  // an explicit type: const X string = "…"
    if (!is(j, Token::op, "=") || !is(j + 1, Token::literal)) return;
    // A `+` may continue the value with more literals: fold_concatenations decides.
    if (j + 2 < tokens_.size() && !is(j + 2, Token::op, "\n") && !is(j + 2, Token::op, ")") && !is(j + 2, Token::op, ";") &&
        !is(j + 2, Token::op, "+")) {
      return;
    }
    std::string name(tokens_[i].text);
    scan_.constants[name] = tokens_[j + 1].literal_index;
    scan_.exported.insert(name);
  }

  // Called at each token in order. `const (` / `var (` opens a block whose lines are specs until
  // the first `)`; outside one, `const`/`var` is followed by a single spec.
  void match(size_t i) {
    if (in_block_) {
      if (at_open_paren_) {
        at_open_paren_ = false;
        return;
      }
      if (is(i, Token::op, ")")) {
        in_block_ = false;
        return;
      }
      if (block_first_ || is(i - 1, Token::op, "\n")) try_spec(i);
      block_first_ = false;
      return;
    }
    if (!is(i, Token::name, "const") && !is(i, Token::name, "var")) return;
    if (is(i + 1, Token::op, "(")) {
      in_block_ = at_open_paren_ = block_first_ = true;
    } else {
      try_spec(i + 1);
    }
  }

  bool in_block_ = false, at_open_paren_ = false, block_first_ = false;
};

}  // namespace

CodeScan scan_go(std::string_view text) { return GoLexer(text).run(); }

}  // namespace mc
