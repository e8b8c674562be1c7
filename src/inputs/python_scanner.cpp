// The Python scanner: string literals of every form ('…', "…", '''…''', """…""", with r/b/u/f
// prefixes), f-string holes `{name}`, module-level `NAME = "literal"` constants, and
// `from .module import NAME [as ALIAS]`.
#include <cctype>

#include "base/text.h"
#include "inputs/scanner_base.h"

namespace mc {

namespace {

class PythonLexer : public ScannerBase<PythonLexer> {
  friend class ScannerBase<PythonLexer>;

 public:
  explicit PythonLexer(std::string_view s) : ScannerBase(s) {}

  CodeScan run() {
    bool at_line_start = true;
    int depth = 0;  // brackets: newlines inside them do not end a logical line
    while (pos_ < s_.size()) {
      char c = s_[pos_];
      if (c == '\n') {
        if (depth == 0) push({Token::newline, s_.substr(pos_, 1)});
        ++pos_;
        at_line_start = depth == 0;
        continue;
      }
      if (c == ' ' || c == '\t' || c == '\r' || c == '\f') {
        ++pos_;
        if (at_line_start) at_line_start = false, indented_ = true;
        continue;
      }
      if (c == '\\' && pos_ + 1 < s_.size() && s_[pos_ + 1] == '\n') {
        pos_ += 2;
        continue;
      }
      if (c == '#') {
        while (pos_ < s_.size() && s_[pos_] != '\n') ++pos_;
        continue;
      }
      bool line_start = at_line_start && !indented_;
      at_line_start = false;
      indented_ = false;
      if (ident_start(c)) {
        size_t start = pos_;
        while (pos_ < s_.size() && ident_char(s_[pos_])) ++pos_;
        std::string_view word = s_.substr(start, pos_ - start);
        if (pos_ < s_.size() && (s_[pos_] == '\'' || s_[pos_] == '"') && word.size() <= 2 && is_prefix(word)) {
          lex_string(start, word);
          tokens_.back().line_start = line_start;
          continue;
        }
        push({Token::name, word, 0, line_start});
      } else if (c == '\'' || c == '"') {
        lex_string(pos_, {});
        tokens_.back().line_start = line_start;
      } else {
        if (c == '(' || c == '[' || c == '{') ++depth;
        if ((c == ')' || c == ']' || c == '}') && depth > 0) --depth;
        push({Token::op, s_.substr(pos_, 1), 0, line_start});
        ++pos_;
      }
    }
    return finish_scan();
  }

 private:
  static bool is_prefix(std::string_view w) {
    for (char c : w) {
      char l = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (l != 'r' && l != 'b' && l != 'u' && l != 'f') return false;
    }
    return true;
  }

  void lex_string(size_t start, std::string_view prefix) {
    bool raw = false, fstring = false;
    for (char c : prefix) {
      char l = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      raw |= l == 'r';
      fstring |= l == 'f';
    }
    char quote = s_[pos_];
    bool triple = pos_ + 2 < s_.size() && s_[pos_ + 1] == quote && s_[pos_ + 2] == quote;
    pos_ += triple ? 3 : 1;
    CodeLiteral lit;
    lit.file_begin = start;
    lit.interpolated = fstring;
    while (pos_ < s_.size()) {
      char c = s_[pos_];
      if (c == quote && (!triple || (pos_ + 2 < s_.size() && s_[pos_ + 1] == quote && s_[pos_ + 2] == quote))) {
        pos_ += triple ? 3 : 1;
        break;
      }
      if (c == '\n' && !triple) break;  // unterminated: recover at the end of the line
      if (c == '\\' && pos_ + 1 < s_.size()) {
        if (raw) {
          add(lit, c, pos_);
          add(lit, s_[pos_ + 1], pos_ + 1);
          pos_ += 2;
          continue;
        }
        char e = s_[pos_ + 1];
        char value = e == 'n' ? '\n' : e == 't' ? '\t' : e == 'r' ? '\r' : e == '0' ? '\0' : e;
        if (e != '\n') add(lit, value, pos_);
        pos_ += 2;
        continue;
      }
      if (fstring && c == '{') {
        if (pos_ + 1 < s_.size() && s_[pos_ + 1] == '{') {
          add(lit, '{', pos_);
          pos_ += 2;
          continue;
        }
        CodeHole hole;
        hole.cooked_offset = lit.cooked.size();
        hole.file_begin = pos_;
        int depth = 0;
        size_t j = pos_;
        for (; j < s_.size(); ++j) {
          if (s_[j] == '{') ++depth;
          if (s_[j] == '}' && --depth == 0) break;
        }
        hole.expression = std::string(trim(s_.substr(pos_ + 1, j - pos_ - 1)));
        pos_ = std::min(j + 1, s_.size());
        hole.file_end = pos_;
        lit.holes.push_back(std::move(hole));
        continue;
      }
      if (fstring && c == '}' && pos_ + 1 < s_.size() && s_[pos_ + 1] == '}') {
        add(lit, '}', pos_);
        pos_ += 2;
        continue;
      }
      add(lit, c, pos_);
      ++pos_;
    }
    lit.file_end = pos_;
    push_literal(std::move(lit));
  }

  void match(size_t i) {
    size_t end = tokens_.end_for(i);
    // Module-level `NAME = "literal"` (optionally `NAME: str = ...`), ending the line.
    if (tokens_[i].kind == Token::name && tokens_[i].line_start) {
      size_t j = i + 1;
      if (is(j, Token::op, ":")) j += 2;
      // `NAME = ("SELECT a " "FROM t")`: a parenthesized value, not a tuple.
      size_t value = j + 1;
      bool parenthesized = is(value, Token::op, "(") && is(value + 1, Token::literal);
      if (parenthesized) ++value;
      // A `+` or another literal may continue the value: fold_concatenations decides.
      bool ends = value + 1 >= tokens_.size() || is(value + 1, Token::op, "+") || is(value + 1, Token::literal) ||
                  (parenthesized ? is(value + 1, Token::op, ")") : is(value + 1, Token::newline));
      if (is(j, Token::op, "=") && is(value, Token::literal) && ends) {
        std::string name(tokens_[i].text);
        scan_.constants[name] = tokens_[value].literal_index;
        scan_.exported.insert(name);
      }
    }
    // from .module import A, B as C
    if (is(i, Token::name, "from")) {
      size_t j = i + 1;
      std::string spec;
      int dots = 0;
      while (is(j, Token::op, ".")) {
        ++dots;
        ++j;
      }
      if (dots == 0) return;  // only relative imports are files of this tree
      spec = dots == 1 ? "./" : "";
      for (int d = 1; d < dots; ++d) spec += "../";
      while (j < end && (tokens_[j].kind == Token::name || is(j, Token::op, ".")) && !is(j, Token::name, "import")) {
        spec += tokens_[j].text == "." ? "/" : std::string(tokens_[j].text);
        ++j;
      }
      if (!is(j, Token::name, "import")) return;
      ++j;
      if (is(j, Token::op, "(")) ++j;
      while (j < end && tokens_[j].kind == Token::name) {
        std::string exported(tokens_[j].text), local = exported;
        if (is(j + 1, Token::name, "as") && is(j + 2, Token::name)) {
          local = std::string(tokens_[j + 2].text);
          j += 2;
        }
        scan_.imports[local] = CodeImport{spec, exported};
        ++j;
        if (!is(j, Token::op, ",")) break;
        ++j;
      }
    }
  }

  bool indented_ = false;
};

}  // namespace

CodeScan scan_python(std::string_view text) { return PythonLexer(text).run(); }

}  // namespace mc
