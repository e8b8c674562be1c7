// The Java and Kotlin scanner: string literals ("…" with escapes), text blocks (Java `"""` with
// its incidental indentation removed, as the compiler does) and Kotlin raw strings (`"""…"""`,
// no escapes), Kotlin templates (`$name`, `${expr}`) as holes, and string constants:
// `[static] final String NAME = "…"` (Java), `[const] val NAME = "…"` (Kotlin). Character
// literals and comments (nested in Kotlin) are skipped.
#include <algorithm>
#include <cctype>

#include "inputs/scanner_base.h"
#include "inputs/lexing.h"

namespace mc {

namespace {

bool java_ident_start(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_' || c == '$' || static_cast<unsigned char>(c) >= 0x80; }
bool java_ident_char(char c) { return java_ident_start(c) || std::isdigit(static_cast<unsigned char>(c)); }

class JvmLexer : public ScannerBase<JvmLexer> {
  friend class ScannerBase<JvmLexer>;

 public:
  JvmLexer(std::string_view s, bool kotlin) : ScannerBase(s), kotlin_(kotlin) {}

  CodeScan run() {
    while (pos_ < s_.size()) {
      char c = s_[pos_];
      if (std::isspace(static_cast<unsigned char>(c))) {
        if (c == '\n') push({Token::op, "\n"});
        ++pos_;
      } else if (c == '/' && next_is('/')) {
        while (pos_ < s_.size() && s_[pos_] != '\n') ++pos_;
      } else if (c == '/' && next_is('*')) {
        skip_block_comment();
      } else if (c == '"' && s_.substr(pos_, 3) == "\"\"\"") {
        if (kotlin_) lex_kotlin_raw();
        else lex_text_block();
      } else if (c == '"') {
        lex_string();
      } else if (c == '\'') {
        ++pos_;
        while (pos_ < s_.size() && s_[pos_] != '\'' && s_[pos_] != '\n') pos_ += s_[pos_] == '\\' ? 2 : 1;
        pos_ = std::min(pos_ + 1, s_.size());
      } else if (java_ident_start(c)) {
        size_t start = pos_;
        while (pos_ < s_.size() && java_ident_char(s_[pos_])) ++pos_;
        push({Token::name, s_.substr(start, pos_ - start)});
      } else {
        push({Token::op, s_.substr(pos_, 1)});
        ++pos_;
      }
    }
    return finish_scan();
  }

 private:
  bool next_is(char c) const { return pos_ + 1 < s_.size() && s_[pos_ + 1] == c; }

  void skip_block_comment() {
    if (!kotlin_) {
      size_t end = s_.find("*/", pos_ + 2);
      pos_ = end == std::string_view::npos ? s_.size() : end + 2;
      return;
    }
    pos_ = skip_nested_block_comment(s_, pos_);  // Kotlin nests them
  }

  // One escape at pos_ (a backslash): its value appended, pos_ past it. True for a text block's
  // line continuation (a backslash ending the line).
  bool escape(CodeLiteral& lit) {
    size_t at = pos_;
    if (pos_ + 1 >= s_.size()) {  // a backslash ending the file escapes nothing
      pos_ = s_.size();
      return false;
    }
    char e = s_[pos_ + 1];
    pos_ += 2;
    switch (e) {
      case 'n': add(lit, '\n', at); return false;
      case 't': add(lit, '\t', at); return false;
      case 'r': add(lit, '\r', at); return false;
      case 'b': add(lit, '\b', at); return false;
      case 'f': add(lit, '\f', at); return false;
      case 's': add(lit, ' ', at); return false;
      case '\n': return true;
      default: break;
    }
    if (e >= '0' && e <= '7') {  // octal, up to \377
      int value = e - '0';
      for (int k = 0; k < 2 && pos_ < s_.size() && s_[pos_] >= '0' && s_[pos_] <= '7' && value * 8 + (s_[pos_] - '0') <= 0377; ++k) {
        value = value * 8 + (s_[pos_++] - '0');
      }
      add(lit, static_cast<char>(value), at);
      return false;
    }
    if (e == 'u') {  // \uXXXX
      std::string bytes;
      append_utf8(bytes, read_hex(s_, pos_, 4));
      for (char b : bytes) add(lit, b, at);
      return false;
    }
    add(lit, e, at);  // \" \' \\ and anything else: the character itself
    return false;
  }

  // A Kotlin template at pos_ (`$`): a hole when `$name` or `${…}`, else a plain `$`.
  bool template_hole(CodeLiteral& lit) {
    if (!kotlin_ || s_[pos_] != '$' || pos_ + 1 >= s_.size()) return false;
    size_t begin = pos_;
    if (s_[pos_ + 1] == '{') {
      int depth = 0;
      size_t i = pos_ + 1;
      for (; i < s_.size(); ++i) {
        if (s_[i] == '{') ++depth;
        if (s_[i] == '}' && --depth == 0) break;
      }
      if (i >= s_.size()) return false;
      std::string_view inside = s_.substr(begin + 2, i - begin - 2);
      size_t a = inside.find_first_not_of(" \t"), b = inside.find_last_not_of(" \t");
      lit.holes.push_back({lit.cooked.size(), begin, i + 1, a == std::string_view::npos ? "" : std::string(inside.substr(a, b - a + 1))});
      pos_ = i + 1;
    } else if (java_ident_start(s_[pos_ + 1]) && s_[pos_ + 1] != '$') {
      size_t i = pos_ + 1;
      while (i < s_.size() && java_ident_char(s_[i]) && s_[i] != '$') ++i;
      lit.holes.push_back({lit.cooked.size(), begin, i, std::string(s_.substr(begin + 1, i - begin - 1))});
      pos_ = i;
    } else {
      return false;
    }
    lit.interpolated = true;
    return true;
  }

  void lex_string() {
    CodeLiteral lit;
    lit.file_begin = pos_++;
    while (pos_ < s_.size() && s_[pos_] != '"' && s_[pos_] != '\n') {
      if (s_[pos_] == '\\') escape(lit);
      else if (!template_hole(lit)) add(lit, s_[pos_], pos_), ++pos_;
    }
    if (pos_ < s_.size() && s_[pos_] == '"') ++pos_;
    finish(std::move(lit));
  }

  void lex_kotlin_raw() {
    CodeLiteral lit;
    lit.file_begin = pos_;
    pos_ += 3;
    while (pos_ < s_.size() && s_.substr(pos_, 3) != "\"\"\"") {
      if (!template_hole(lit)) add(lit, s_[pos_], pos_), ++pos_;
    }
    // Quotes just before the closing ones belong to the string: `""""a""""` is `"a"`.
    while (pos_ + 3 < s_.size() && s_[pos_ + 3] == '"') add(lit, '"', pos_), ++pos_;
    pos_ = std::min(pos_ + 3, s_.size());
    finish(std::move(lit));
  }

  // Java 15 text blocks: the content starts on the line after `"""`; the indentation common to
  // its non-blank lines (and to the closing line when it holds only the delimiter) is removed,
  // and trailing spaces of each line; escapes are decoded after that.
  void lex_text_block() {
    size_t begin = pos_;
    size_t open_end = s_.find('\n', pos_ + 3);
    size_t close = std::string_view::npos;
    for (size_t i = open_end == std::string_view::npos ? s_.size() : open_end + 1; i < s_.size(); ++i) {
      if (s_[i] == '\\') {
        ++i;
      } else if (s_.compare(i, 3, "\"\"\"") == 0) {
        close = i;
        break;
      }
    }
    if (close == std::string_view::npos) {
      pos_ = s_.size();  // unterminated: not a literal
      return;
    }
    // Lines of the content: [start, end) each, the last one ending at the closing delimiter.
    std::vector<std::pair<size_t, size_t>> lines;
    for (size_t start = open_end + 1;;) {
      size_t nl = s_.find('\n', start);
      if (nl == std::string_view::npos || nl >= close) {
        lines.emplace_back(start, close);
        break;
      }
      lines.emplace_back(start, nl);
      start = nl + 1;
    }
    auto blank = [&](std::pair<size_t, size_t> l) {
      return s_.substr(l.first, l.second - l.first).find_first_not_of(" \t\r") == std::string_view::npos;
    };
    size_t indent = std::string_view::npos;
    for (size_t k = 0; k < lines.size(); ++k) {
      bool closing_line = k + 1 == lines.size();
      if (blank(lines[k]) && !closing_line) continue;
      size_t n = 0;
      while (lines[k].first + n < lines[k].second && (s_[lines[k].first + n] == ' ' || s_[lines[k].first + n] == '\t')) ++n;
      indent = std::min(indent, n);
    }
    if (indent == std::string_view::npos) indent = 0;
    CodeLiteral lit;
    lit.file_begin = begin;
    for (size_t k = 0; k < lines.size(); ++k) {
      auto [start, end] = lines[k];
      bool closing_line = k + 1 == lines.size();
      start = std::min(start + indent, end);
      size_t stripped = end;
      while (stripped > start && (s_[stripped - 1] == ' ' || s_[stripped - 1] == '\t' || s_[stripped - 1] == '\r')) --stripped;
      bool continued = false;
      for (pos_ = start; pos_ < stripped;) {
        if (s_[pos_] == '\\') continued = escape(lit);
        else add(lit, s_[pos_], pos_), ++pos_;
      }
      if (!closing_line && !continued) add(lit, '\n', end);
    }
    pos_ = close + 3;
    finish(std::move(lit));
  }

  void finish(CodeLiteral lit) {
    lit.file_end = pos_;
    push_literal(std::move(lit));
  }

  // Java: `final String NAME = <literal>`; Kotlin: `val NAME [: String] = <literal>`. The value
  // ends at `;`, a line end or `+` (left to fold_concatenations).
  void match(size_t i) {
    size_t j, name_at;
    if (!kotlin_ && is(i, Token::name, "final") && is(i + 1, Token::name, "String") && is(i + 2, Token::name)) {
      name_at = i + 2;
      j = i + 3;
    } else if (kotlin_ && is(i, Token::name, "val") && is(i + 1, Token::name)) {
      name_at = i + 1;
      j = i + 2;
      if (is(j, Token::op, ":") && is(j + 1, Token::name, "String")) j += 2;
    } else {
      return;
    }
    if (!is(j, Token::op, "=") || !is(j + 1, Token::literal)) return;
    bool ends = j + 2 >= tokens_.size() || is(j + 2, Token::op, ";") || is(j + 2, Token::op, "\n") || is(j + 2, Token::op, "+") ||
                is(j + 2, Token::op, ",") || is(j + 2, Token::op, ")");
    if (!ends) return;
    std::string name(tokens_[name_at].text);
    scan_.constants[name] = tokens_[j + 1].literal_index;
    scan_.exported.insert(name);
  }

  bool kotlin_;
};

}  // namespace

CodeScan scan_java(std::string_view text) { return JvmLexer(text, false).run(); }
CodeScan scan_kotlin(std::string_view text) { return JvmLexer(text, true).run(); }

}  // namespace mc
