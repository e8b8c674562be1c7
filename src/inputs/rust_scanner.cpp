// The Rust scanner: string literals ("…" with escapes and `\`-newline continuations, b"…"),
// raw strings (r"…", r#"…"#, br##"…"##), and `const`/`static NAME: &str = "…";` constants.
// Character literals, lifetimes ('a) and comments (nested) are skipped. sqlx's `query!("…")`
// and `sqlx::query("…")`, diesel's `sql_query("…")` all pass their SQL as such literals.
#include <algorithm>
#include <cctype>

#include "inputs/scanner_base.h"
#include "inputs/lexing.h"

namespace mc {

namespace {

class RustLexer : public ScannerBase<RustLexer> {
  friend class ScannerBase<RustLexer>;

 public:
  explicit RustLexer(std::string_view s) : ScannerBase(s) {}

  CodeScan run() {
    while (pos_ < s_.size()) {
      char c = s_[pos_];
      if (std::isspace(static_cast<unsigned char>(c))) {
        ++pos_;
      } else if (s_.compare(pos_, 2, "//") == 0) {
        while (pos_ < s_.size() && s_[pos_] != '\n') ++pos_;
      } else if (s_.compare(pos_, 2, "/*") == 0) {
        pos_ = skip_nested_block_comment(s_, pos_);
      } else if (c == '"') {
        lex_string(pos_, pos_ + 1);
      } else if (c == 'b' && at(pos_ + 1) == '"') {
        lex_string(pos_, pos_ + 2);
      } else if (raw_string_start(pos_)) {
        lex_raw_string();
      } else if (c == '\'') {
        skip_char_or_lifetime();
      } else if (ident_start(c)) {
        size_t start = pos_;
        if (c == 'r' && at(pos_ + 1) == '#') pos_ += 2;  // a raw identifier: r#type
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
  // r"…", r#"…"#, br"…", br#"…"#: true at the `r` or `b` that starts one.
  bool raw_string_start(size_t i) const {
    if (at(i) == 'b') ++i;
    if (at(i) != 'r') return false;
    ++i;
    while (at(i) == '#') ++i;
    return at(i) == '"';
  }

  // 'a' or '\n' or '\u{1F600}' (a character), else 'a as a lifetime or label.
  void skip_char_or_lifetime() {
    size_t i = pos_ + 1;
    if (at(i) == '\\') {
      i += 2;
      while (i < s_.size() && s_[i] != '\'' && s_[i] != '\n') ++i;
      pos_ = std::min(i + 1, s_.size());
      return;
    }
    size_t length = 1;  // one UTF-8 character
    auto lead = static_cast<unsigned char>(at(i));
    if (lead >= 0xF0) length = 4;
    else if (lead >= 0xE0) length = 3;
    else if (lead >= 0xC0) length = 2;
    if (at(i + length) == '\'' && at(i) != '\'') {
      pos_ = i + length + 1;
      return;
    }
    pos_ = i;  // a lifetime: the name follows as an identifier
  }

  void lex_string(size_t begin, size_t content) {
    CodeLiteral lit;
    lit.file_begin = begin;
    pos_ = content;
    while (pos_ < s_.size() && s_[pos_] != '"') {
      char c = s_[pos_];
      if (c != '\\') {
        add(lit, c, pos_++);
        continue;
      }
      size_t escape_at = pos_;
      char e = at(pos_ + 1);
      pos_ += 2;
      switch (e) {
        case 'n': add(lit, '\n', escape_at); break;
        case 'r': add(lit, '\r', escape_at); break;
        case 't': add(lit, '\t', escape_at); break;
        case '0': add(lit, '\0', escape_at); break;
        case '\r':
          if (at(pos_) != '\n') {
            add(lit, '\r', escape_at);
            break;
          }
          [[fallthrough]];
        case '\n':  // a continuation: the line break and the next line's leading whitespace go
          while (pos_ < s_.size() && std::isspace(static_cast<unsigned char>(s_[pos_]))) ++pos_;
          break;
        case 'x': add(lit, static_cast<char>(read_hex(s_, pos_, 2) & 0x7F), escape_at); break;
        case 'u': {  // \u{1F600}
          std::string bytes;
          if (at(pos_) == '{') {
            ++pos_;
            append_utf8(bytes, read_hex(s_, pos_, 6));
            if (at(pos_) == '}') ++pos_;
          }
          for (char b : bytes) add(lit, b, escape_at);
          break;
        }
        default: add(lit, e, escape_at); break;  // \" \' \\ and the rest: the character itself
      }
    }
    pos_ = std::min(pos_ + 1, s_.size());
    finish(std::move(lit));
  }

  void lex_raw_string() {
    CodeLiteral lit;
    lit.file_begin = pos_;
    if (s_[pos_] == 'b') ++pos_;
    ++pos_;  // r
    size_t hashes = 0;
    while (at(pos_) == '#') ++hashes, ++pos_;
    ++pos_;  // the opening quote
    std::string close = "\"" + std::string(hashes, '#');
    size_t end = s_.find(close, pos_);
    if (end == std::string_view::npos) end = s_.size();
    for (; pos_ < end; ++pos_) {
      if (s_[pos_] != '\r') add(lit, s_[pos_], pos_);  // raw strings drop CR of CRLF line ends
    }
    pos_ = std::min(end + close.size(), s_.size());
    finish(std::move(lit));
  }

  void finish(CodeLiteral lit) {
    lit.file_end = pos_;
    push_literal(std::move(lit));
  }

  // `const NAME: &str = "…";` and `static NAME: &'static str = "…";`.
  void match(size_t i) {
    if (!is(i, Token::name, "const") && !is(i, Token::name, "static")) return;
    if (!is(i + 1, Token::name) || !is(i + 2, Token::op, ":")) return;
    size_t j = i + 3;
    while (j < tokens_.end_for(i) && j < i + 8 && !is(j, Token::op, "=") && !is(j, Token::op, ";")) ++j;
    if (!is(j, Token::op, "=") || !is(j + 1, Token::literal) || !(j + 2 >= tokens_.size() || is(j + 2, Token::op, ";"))) return;
    std::string name(tokens_[i + 1].text);
    scan_.constants[name] = tokens_[j + 1].literal_index;
    scan_.exported.insert(name);
  }

};

}  // namespace

CodeScan scan_rust(std::string_view text) { return RustLexer(text).run(); }

}  // namespace mc
