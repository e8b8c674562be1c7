// The PHP scanner: code between `<?php` (or `<?=`) and `?>` only; '…' strings, "…" strings with
// `$name`, `{$expr}` and `${name}` holes, heredocs (<<<SQL, <<<"SQL") and nowdocs (<<<'SQL') with
// the closing marker's indentation removed from every line, and constants `const NAME = '…';`
// and `define('NAME', '…');`. Comments (`//`, `#`, `/* */`) are skipped. PDO's `prepare`/`query`,
// mysqli and Doctrine DBAL pass their SQL as such literals.
#include <algorithm>
#include <cctype>
#include <numeric>

#include "base/text.h"
#include "inputs/scanner_base.h"
#include "inputs/lexing.h"

namespace mc {

namespace {

class PhpLexer : public ScannerBase<PhpLexer> {
  friend class ScannerBase<PhpLexer>;

 public:
  explicit PhpLexer(std::string_view s) : ScannerBase(s) {}

  CodeScan run() {
    skip_html();
    while (pos_ < s_.size()) {
      char c = s_[pos_];
      if (c == '?' && at(pos_ + 1) == '>') {
        pos_ += 2;
        push({Token::op, ";"});  // `?>` ends a statement
        skip_html();
      } else if (std::isspace(static_cast<unsigned char>(c))) {
        ++pos_;
      } else if ((c == '/' && at(pos_ + 1) == '/') || (c == '#' && at(pos_ + 1) != '[')) {
        // A line comment ends at the line's end or at `?>`.
        while (pos_ < s_.size() && s_[pos_] != '\n' && !(s_[pos_] == '?' && at(pos_ + 1) == '>')) ++pos_;
      } else if (c == '/' && at(pos_ + 1) == '*') {
        size_t end = s_.find("*/", pos_ + 2);
        pos_ = end == std::string_view::npos ? s_.size() : end + 2;
      } else if (c == '\'') {
        lex_single_quoted();
      } else if (c == '"' || c == '`') {
        lex_double_quoted(c);
      } else if (c == '<' && s_.compare(pos_, 3, "<<<") == 0 && heredoc()) {
        continue;
      } else if (ident_start(c) || (c == '$' && pos_ + 1 < s_.size() && ident_start(s_[pos_ + 1]))) {
        size_t start = pos_++;
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
  // Up to the next `<?php`, `<?=` or `<?`: text outside PHP is the page, not code.
  void skip_html() {
    size_t open = s_.find("<?", pos_);
    if (open == std::string_view::npos) {
      pos_ = s_.size();
      return;
    }
    pos_ = open + 2;
    if (s_.compare(pos_, 3, "php") == 0) pos_ += 3;
    else if (at(pos_) == '=') ++pos_;
  }

  void finish(CodeLiteral lit) {
    lit.file_end = std::max(std::min(pos_, s_.size()), lit.file_begin + 1);
    push_literal(std::move(lit));
  }

  void lex_single_quoted() {
    CodeLiteral lit;
    lit.file_begin = pos_++;
    while (pos_ < s_.size() && s_[pos_] != '\'') {
      if (s_[pos_] == '\\' && (at(pos_ + 1) == '\'' || at(pos_ + 1) == '\\')) {
        add(lit, s_[pos_ + 1], pos_);
        pos_ += 2;
        continue;
      }
      add(lit, s_[pos_], pos_);
      ++pos_;
    }
    if (pos_ < s_.size()) ++pos_;
    finish(std::move(lit));
  }

  // An escape of a double-quoted string or heredoc at s_[pos_] == '\\'; pos_ ends past it.
  void escape(CodeLiteral& lit, char quote) {
    size_t at = pos_;
    char e = this->at(pos_ + 1);
    if (pos_ + 1 >= s_.size()) {  // a backslash ending the file
      add(lit, '\\', at);
      pos_ = s_.size();
      return;
    }
    pos_ += 2;
    switch (e) {
      case 'n': add(lit, '\n', at); return;
      case 't': add(lit, '\t', at); return;
      case 'r': add(lit, '\r', at); return;
      case 'v': add(lit, '\v', at); return;
      case 'e': add(lit, '\x1b', at); return;
      case 'f': add(lit, '\f', at); return;
      case '\\': case '$': add(lit, e, at); return;
      case 'x':
        if (hex_digit(this->at(pos_)) >= 0) {
          add(lit, static_cast<char>(read_hex(s_, pos_, 2)), at);
          return;
        }
        break;
      case 'u':
        if (this->at(pos_) == '{') {
          ++pos_;
          std::string utf8;
          append_utf8(utf8, read_hex(s_, pos_, 6));
          if (this->at(pos_) == '}') ++pos_;
          for (char b : utf8) add(lit, b, at);
          return;
        }
        break;
      default:
        if (e == quote && quote != '\0') {
          add(lit, e, at);
          return;
        }
        if (e >= '0' && e <= '7') {
          unsigned value = static_cast<unsigned>(e - '0');
          for (int k = 0; k < 2 && this->at(pos_) >= '0' && this->at(pos_) <= '7'; ++k) value = value * 8 + static_cast<unsigned>(s_[pos_++] - '0');
          add(lit, static_cast<char>(value & 0xFF), at);
          return;
        }
    }
    // Not an escape: the backslash and the character stay.
    add(lit, '\\', at);
    add(lit, e, at + 1);
  }

  // `$name`, `$name->prop`, `$name[…]`, `{$expr}`, `${name}` at pos_: a hole when it is one.
  bool hole(CodeLiteral& lit, size_t limit) {
    size_t start = pos_;
    size_t expr_begin = 0, expr_end = 0, end = 0;
    if (s_[pos_] == '$' && pos_ + 1 < limit && ident_start(s_[pos_ + 1])) {
      size_t i = pos_ + 1;
      while (i < limit && ident_char(s_[i])) ++i;
      if (i + 2 < limit && s_[i] == '-' && s_[i + 1] == '>' && ident_start(s_[i + 2])) {
        i += 2;
        while (i < limit && ident_char(s_[i])) ++i;
      } else if (i < limit && s_[i] == '[') {
        size_t close = s_.find(']', i);
        if (close != std::string_view::npos && close < limit) i = close + 1;
      }
      expr_begin = start;
      expr_end = end = i;
    } else if ((s_[pos_] == '{' && at(pos_ + 1) == '$') || (s_[pos_] == '$' && at(pos_ + 1) == '{')) {
      int depth = 0;
      size_t i = s_[pos_] == '{' ? pos_ : pos_ + 1;
      for (; i < limit; ++i) {
        if (s_[i] == '{') ++depth;
        if (s_[i] == '}' && --depth == 0) break;
      }
      if (i >= limit) return false;
      expr_begin = s_[pos_] == '{' ? pos_ + 1 : pos_ + 2;
      expr_end = i;
      end = i + 1;
    } else {
      return false;
    }
    CodeHole h;
    h.cooked_offset = lit.cooked.size();
    h.file_begin = start;
    h.file_end = end;
    std::string expression(trim(s_.substr(expr_begin, expr_end - expr_begin)));
    if (s_[start] == '$' && at(start + 1) == '{') expression = "$" + expression;  // ${name} is $name
    h.expression = std::move(expression);
    lit.holes.push_back(std::move(h));
    lit.interpolated = true;
    pos_ = end;
    return true;
  }

  void lex_double_quoted(char quote) {
    CodeLiteral lit;
    lit.file_begin = pos_++;
    while (pos_ < s_.size() && s_[pos_] != quote) {
      char c = s_[pos_];
      if (c == '\\') {
        escape(lit, quote);
      } else if ((c == '$' || c == '{') && hole(lit, s_.size())) {
        continue;
      } else {
        add(lit, c, pos_);
        ++pos_;
      }
    }
    if (pos_ < s_.size()) ++pos_;
    finish(std::move(lit));
  }

  // <<<ID, <<<"ID" (interpolated) or <<<'ID' (nowdoc): true when one was read. The closing
  // marker may be indented (PHP 7.3); its indentation is removed from every line of the body.
  bool heredoc() {
    size_t i = pos_ + 3;
    while (i < s_.size() && (s_[i] == ' ' || s_[i] == '\t')) ++i;
    char quote = at(i);
    bool quoted = quote == '\'' || quote == '"';
    if (quoted) ++i;
    size_t id_begin = i;
    while (i < s_.size() && ident_char(s_[i])) ++i;
    if (i == id_begin || !ident_start(s_[id_begin])) return false;
    std::string_view id = s_.substr(id_begin, i - id_begin);
    if (quoted) {
      if (at(i) != quote) return false;
      ++i;
    }
    size_t nl = s_.find('\n', i);
    if (nl == std::string_view::npos) return false;
    bool interpolate = quote != '\'';

    // Find the closing line: optional indentation, the identifier, then no identifier character.
    std::vector<std::pair<size_t, size_t>> lines;
    size_t line = nl + 1, close_indent = 0, close_end = s_.size();
    bool closed = false;
    while (line < s_.size()) {
      size_t j = line;
      while (j < s_.size() && (s_[j] == ' ' || s_[j] == '\t')) ++j;
      if (s_.compare(j, id.size(), id) == 0 && !ident_char(at(j + id.size()))) {
        close_indent = j - line;
        close_end = j + id.size();
        closed = true;
        break;
      }
      size_t next = s_.find('\n', line);
      next = next == std::string_view::npos ? s_.size() : next + 1;
      lines.emplace_back(line, next);
      line = next;
    }
    CodeLiteral lit;
    lit.file_begin = pos_;
    lit.interpolated = false;
    for (size_t k = 0; k < lines.size(); ++k) {
      auto [begin, end] = lines[k];
      // The newline before the closing marker is not part of the string.
      size_t stop = k + 1 == lines.size() && closed ? end - 1 : end;
      if (stop > begin && s_[stop - 1] == '\r' && k + 1 == lines.size() && closed) --stop;
      if (pos_ > begin && pos_ >= stop) continue;  // a hole ran over this line
      pos_ = std::max(pos_, begin);
      if (pos_ == begin) {
        for (size_t n = 0; n < close_indent && pos_ < stop && (s_[pos_] == ' ' || s_[pos_] == '\t'); ++n) ++pos_;
      }
      while (pos_ < stop) {
        char c = s_[pos_];
        if (interpolate && c == '\\') {
          escape(lit, '\0');
        } else if (interpolate && (c == '$' || c == '{') && hole(lit, stop)) {
          continue;
        } else {
          add(lit, c, pos_);
          ++pos_;
        }
      }
    }
    pos_ = std::max(std::min(pos_, s_.size()), closed ? close_end : s_.size());
    finish(std::move(lit));
    return true;
  }

  void constant(std::string_view name, size_t literal_token) {
    scan_.constants[std::string(name)] = tokens_[literal_token].literal_index;
    scan_.exported.insert(std::string(name));
  }

  // `const NAME = <literal>;` (also in a class) and `define('NAME', <literal>);`.
  void match(size_t i) {
    if (is(i, Token::name, "const") && is(i + 1, Token::name) && is(i + 2, Token::op, "=") && is(i + 3, Token::literal) &&
        (is(i + 4, Token::op, ";") || is(i + 4, Token::op, ".") || i + 4 >= tokens_.size())) {
      constant(tokens_[i + 1].text, i + 3);
    } else if (is(i, Token::name, "define") && is(i + 1, Token::op, "(") && is(i + 2, Token::literal) && is(i + 3, Token::op, ",") &&
               is(i + 4, Token::literal) && is(i + 5, Token::op, ")")) {
      const CodeLiteral& name = scan_.literals[tokens_[i + 2].literal_index];
      if (!name.interpolated && !name.cooked.empty()) constant(name.cooked, i + 4);
    }
  }

};

}  // namespace

CodeScan scan_php(std::string_view text) { return PhpLexer(text).run(); }

}  // namespace mc
