#include "inputs/js_scanner.h"

#include <algorithm>
#include <cctype>
#include <utility>

#include "base/text.h"
#include "inputs/lexing.h"
#include "inputs/token_window.h"

namespace mc {

namespace {

enum class TokenKind { identifier, literal, punct, number, regex };

struct Token {
  TokenKind kind;
  std::string_view text;
  size_t literal = 0;  // index into CodeScan::literals for TokenKind::literal
};

bool ident_start(char c) {
  return std::isalpha(static_cast<unsigned char>(c)) || c == '_' || c == '$' || (static_cast<unsigned char>(c) >= 0x80);
}
bool ident_char(char c) { return ident_start(c) || std::isdigit(static_cast<unsigned char>(c)); }

class Lexer {
 public:
  explicit Lexer(std::string_view text) : s_(text) {}

  CodeScan run() {
    lex_until(false);
    tokens_.finish([this](size_t i) { match_declaration(i); });
    return std::move(scan_);
  }

 private:
  std::string_view s_;
  size_t pos_ = 0;
  CodeScan scan_;
  TokenWindow<Token> tokens_;
  int hole_depth_ = 0;  // inside `${…}`, tokens only serve regex_allowed()

  void push(Token token) {
    tokens_.push(token, [this](size_t i) {
      if (hole_depth_ == 0) match_declaration(i);
    });
  }

  bool regex_allowed() const {
    if (tokens_.empty()) return true;
    const Token& t = tokens_.back();
    if (t.kind == TokenKind::punct) return t.text != ")" && t.text != "]" && t.text != "}";
    if (t.kind == TokenKind::identifier) {
      static const std::set<std::string_view> keywords = {"return", "typeof", "case",  "do",         "else",
                                                          "in",     "of",     "new",   "delete",     "void",
                                                          "throw",  "yield",  "await", "instanceof"};
      return keywords.count(t.text) > 0;
    }
    return false;
  }

  // Lexes tokens until the end of input or, when `in_hole`, the `}` closing a template hole.
  void lex_until(bool in_hole) {
    int depth = 0;
    while (pos_ < s_.size()) {
      char c = s_[pos_];
      if (std::isspace(static_cast<unsigned char>(c))) {
        ++pos_;
      } else if (c == '/' && pos_ + 1 < s_.size() && s_[pos_ + 1] == '/') {
        while (pos_ < s_.size() && s_[pos_] != '\n') ++pos_;
      } else if (c == '/' && pos_ + 1 < s_.size() && s_[pos_ + 1] == '*') {
        size_t end = s_.find("*/", pos_ + 2);
        pos_ = end == std::string_view::npos ? s_.size() : end + 2;
      } else if (c == '\'' || c == '"') {
        lex_string(c);
      } else if (c == '`') {
        lex_template();
      } else if (ident_start(c)) {
        size_t start = pos_;
        while (pos_ < s_.size() && ident_char(s_[pos_])) ++pos_;
        push({TokenKind::identifier, s_.substr(start, pos_ - start)});
      } else if (std::isdigit(static_cast<unsigned char>(c))) {
        size_t start = pos_;
        while (pos_ < s_.size() && (ident_char(s_[pos_]) || s_[pos_] == '.')) ++pos_;
        push({TokenKind::number, s_.substr(start, pos_ - start)});
      } else if (c == '/' && regex_allowed()) {
        lex_regex();
      } else {
        if (c == '{') ++depth;
        if (c == '}') {
          if (in_hole && depth == 0) return;  // caller consumes the brace
          --depth;
        }
        push({TokenKind::punct, s_.substr(pos_, 1)});
        ++pos_;
      }
    }
  }

  void lex_regex() {
    size_t start = pos_++;
    bool in_class = false;
    while (pos_ < s_.size() && s_[pos_] != '\n') {
      char c = s_[pos_];
      if (c == '\\') {
        pos_ = std::min(pos_ + 2, s_.size());  // a backslash at the very end must not step past it
        continue;
      }
      if (c == '[') in_class = true;
      if (c == ']') in_class = false;
      ++pos_;
      if (c == '/' && !in_class) break;
    }
    while (pos_ < s_.size() && ident_char(s_[pos_])) ++pos_;  // flags
    push({TokenKind::regex, s_.substr(start, pos_ - start)});
  }

  // Decodes one escape sequence starting at the backslash; appends its value to `lit`.
  void decode_escape(CodeLiteral& lit) {
    size_t at = pos_;
    ++pos_;  // backslash
    if (pos_ >= s_.size()) return;
    char e = s_[pos_++];
    auto push = [&](std::string_view bytes) {
      for (char b : bytes) {
        lit.cooked += b;
        lit.origin.push_back(static_cast<uint32_t>(at));
      }
    };
    auto hex = [&](size_t n) { return read_hex(s_, pos_, n); };
    std::string bytes;
    switch (e) {
      case 'n': push("\n"); break;
      case 't': push("\t"); break;
      case 'r': push("\r"); break;
      case 'b': push("\b"); break;
      case 'f': push("\f"); break;
      case 'v': push("\v"); break;
      case '0': push(std::string_view("\0", 1)); break;
      case '\r':
        if (pos_ < s_.size() && s_[pos_] == '\n') ++pos_;
        break;  // line continuation
      case '\n': break;
      case 'x': append_utf8(bytes, hex(2)); push(bytes); break;
      case 'u':
        if (pos_ < s_.size() && s_[pos_] == '{') {
          ++pos_;
          append_utf8(bytes, hex(8));
          if (pos_ < s_.size() && s_[pos_] == '}') ++pos_;
        } else {
          append_utf8(bytes, hex(4));
        }
        push(bytes);
        break;
      default: push(std::string_view(&e, 1)); break;
    }
  }

  void add_char(CodeLiteral& lit) {
    lit.cooked += s_[pos_];
    lit.origin.push_back(static_cast<uint32_t>(pos_));
    ++pos_;
  }

  void lex_string(char quote) {
    CodeLiteral lit;
    lit.file_begin = pos_++;
    while (pos_ < s_.size() && s_[pos_] != quote) {
      if (s_[pos_] == '\n') break;  // unterminated: recover at the end of the line
      if (s_[pos_] == '\\') {
        decode_escape(lit);
      } else {
        add_char(lit);
      }
    }
    if (pos_ < s_.size() && s_[pos_] == quote) ++pos_;
    lit.file_end = pos_;
    push_literal(std::move(lit));
  }

  void lex_template() {
    CodeLiteral lit;
    lit.interpolated = true;
    lit.file_begin = pos_++;
    while (pos_ < s_.size() && s_[pos_] != '`') {
      if (s_[pos_] == '\\') {
        decode_escape(lit);
      } else if (s_[pos_] == '$' && pos_ + 1 < s_.size() && s_[pos_ + 1] == '{') {
        CodeHole hole;
        hole.cooked_offset = lit.cooked.size();
        hole.file_begin = pos_;
        pos_ += 2;
        size_t expr_begin = pos_;
        // Tokens inside the hole belong to another expression; keep them out of the
        // declaration patterns of the enclosing code.
        TokenWindow<Token> outer = std::exchange(tokens_, {});
        ++hole_depth_;
        lex_until(true);
        --hole_depth_;
        tokens_ = std::move(outer);
        hole.expression = std::string(trim(s_.substr(expr_begin, pos_ - expr_begin)));
        if (pos_ < s_.size()) ++pos_;  // the closing brace
        hole.file_end = pos_;
        lit.holes.push_back(std::move(hole));
      } else {
        add_char(lit);
      }
    }
    if (pos_ < s_.size()) ++pos_;
    lit.file_end = pos_;
    push_literal(std::move(lit));
  }

  void push_literal(CodeLiteral lit) {
    scan_.literals.push_back(std::move(lit));
    push({TokenKind::literal, {}, scan_.literals.size() - 1});
  }

  bool is_punct(size_t i, std::string_view p) const {
    return i < tokens_.size() && tokens_[i].kind == TokenKind::punct && tokens_[i].text == p;
  }
  bool is_ident(size_t i, std::string_view name) const {
    return i < tokens_.size() && tokens_[i].kind == TokenKind::identifier && tokens_[i].text == name;
  }

  // `[export] const NAME [: type] = <literal>` not followed by an operator that would make the
  // value something else (`+` is left to fold_concatenations); and `import { a, b as c } from "<module>"`.
  void match_declaration(size_t i) {
    size_t end = tokens_.end_for(i);
    if (i + 1 >= tokens_.size()) return;
    if (is_ident(i, "const") && tokens_[i + 1].kind == TokenKind::identifier) {
      std::string name(tokens_[i + 1].text);
      size_t j = i + 2;
      if (is_punct(j, ":")) {
        while (j < end && !is_punct(j, "=") && !is_punct(j, ";")) ++j;
      }
      if (!is_punct(j, "=") || j + 1 >= tokens_.size() || tokens_[j + 1].kind != TokenKind::literal) return;
      size_t after = j + 2;
      // `+` may continue the value with more literals: fold_concatenations decides.
      bool plain = after >= tokens_.size() ||
                   !(is_punct(after, ".") || is_punct(after, "[") || is_punct(after, "?") || is_punct(after, "("));
      if (!plain) return;
      scan_.constants[name] = tokens_[j + 1].literal;
      if (i > 0 && is_ident(i - 1, "export")) scan_.exported.insert(name);
    } else if (is_ident(i, "import") && is_punct(i + 1, "{")) {
      size_t j = i + 2;
      std::vector<std::pair<std::string, std::string>> names;  // local, exported
      while (j < end && !is_punct(j, "}")) {
        if (tokens_[j].kind == TokenKind::identifier && tokens_[j].text != "type") {
          std::string exported(tokens_[j].text);
          std::string local = exported;
          if (is_ident(j + 1, "as") && j + 2 < tokens_.size()) {
            local = std::string(tokens_[j + 2].text);
            j += 2;
          }
          names.emplace_back(local, exported);
        }
        ++j;
      }
      if (is_ident(j + 1, "from") && j + 2 < tokens_.size() && tokens_[j + 2].kind == TokenKind::literal) {
        const std::string& module = scan_.literals[tokens_[j + 2].literal].cooked;
        for (auto& [local, exported] : names) scan_.imports[local] = CodeImport{module, exported};
      }
    }
  }
};

}  // namespace

CodeScan scan_js(std::string_view text) { return Lexer(text).run(); }

}  // namespace mc
