// The Ruby scanner: '…' and "…" strings (`#{…}` holes), %q/%Q/% literals with any delimiter,
// heredocs (<<~SQL squiggly with its indentation removed, <<-SQL, <<SQL, quoted identifiers for
// no interpolation), and constants `NAME = <literal>` (also `.freeze`d). Comments (`#`,
// =begin/=end), __END__, symbols and regular expressions are skipped. ActiveRecord's `execute`,
// `exec_query`, `find_by_sql` and Sequel's `fetch` pass their SQL as such literals.
#include <algorithm>
#include <cctype>
#include <numeric>

#include "base/text.h"
#include "inputs/scanner_base.h"
#include "inputs/lexing.h"

namespace mc {

namespace {

char closing_of(char open) {
  switch (open) {
    case '(': return ')';
    case '[': return ']';
    case '{': return '}';
    case '<': return '>';
    default: return open;
  }
}

// A heredoc whose body starts after the current line.
struct PendingHeredoc {
  size_t literal_index;
  std::string terminator;
  bool indented_terminator;  // <<- and <<~
  bool squiggly;             // <<~: common indentation removed
  bool interpolate;
};

class RubyLexer : public ScannerBase<RubyLexer> {
  friend class ScannerBase<RubyLexer>;

 public:
  explicit RubyLexer(std::string_view s) : ScannerBase(s) {}

  CodeScan run() {
    bool line_start = true;
    while (pos_ < s_.size()) {
      char c = s_[pos_];
      if (line_start && (s_.compare(pos_, 6, "=begin") == 0)) {
        skip_block_comment();
        continue;
      }
      if (line_start && s_.compare(pos_, 7, "__END__") == 0 && (pos_ + 7 == s_.size() || s_[pos_ + 7] == '\n' || s_[pos_ + 7] == '\r')) break;
      line_start = false;
      if (c == '\n') {
        push({Token::newline, "\n"});
        ++pos_;
        read_heredoc_bodies();
        line_start = true;
      } else if (std::isspace(static_cast<unsigned char>(c))) {
        ++pos_;
      } else if (c == '\\' && at(pos_ + 1) == '\n') {
        pos_ += 2;  // a line continuation
      } else if (c == '#') {
        while (pos_ < s_.size() && s_[pos_] != '\n') ++pos_;
      } else if (c == '"' || c == '`') {
        lex_quoted(pos_, pos_ + 1, c, c, true);
      } else if (c == '\'') {
        lex_quoted(pos_, pos_ + 1, c, c, false);
      } else if (c == '%' && percent_literal()) {
        continue;
      } else if (c == '<' && at(pos_ + 1) == '<' && heredoc_start()) {
        continue;
      } else if (c == '/' && value_expected()) {
        skip_regexp();
      } else if (c == ':' && at(pos_ + 1) == '"') {
        lex_quoted(pos_, pos_ + 2, '"', '"', true);  // :"symbol"
      } else if (c == '?' && value_expected() && pos_ + 1 < s_.size() && !std::isspace(static_cast<unsigned char>(s_[pos_ + 1])) &&
                 (pos_ + 2 >= s_.size() || !ident_char(s_[pos_ + 2]))) {
        pos_ += s_[pos_ + 1] == '\\' ? 3 : 2;  // a character literal: ?a, ?\n
        push({Token::name, "?"});
      } else if (ident_start(c) || ((c == '@' || c == '$') && pos_ + 1 < s_.size() && ident_start(s_[pos_ + 1]))) {
        size_t start = pos_;
        pos_ += c == '@' && at(pos_ + 1) == '@' ? 2 : 1;
        while (pos_ < s_.size() && ident_char(s_[pos_])) ++pos_;
        if (pos_ < s_.size() && (s_[pos_] == '?' || s_[pos_] == '!') && at(pos_ + 1) != '=') ++pos_;
        push({Token::name, s_.substr(start, pos_ - start)});
      } else {
        push({Token::op, s_.substr(pos_, 1)});
        ++pos_;
      }
    }
    read_heredoc_bodies();  // a heredoc opened on the last line has no body: close it empty
    tokens_.finish([this](size_t i) { match(i); });
    return in_closing_order();
  }

 private:
  void skip_block_comment() {
    while (pos_ < s_.size()) {
      size_t nl = s_.find('\n', pos_);
      bool end = s_.compare(pos_, 4, "=end") == 0;
      pos_ = nl == std::string_view::npos ? s_.size() : nl + 1;
      if (end) return;
    }
  }

  // After an operator, an opening bracket, a comma, a keyword or a line start, `/` opens a
  // regular expression and `?` a character; after a value it divides or asks.
  bool value_expected() const {
    if (tokens_.empty()) return true;
    const Token& t = tokens_.back();
    if (t.kind == Token::newline) return true;
    if (t.kind == Token::literal) return false;
    if (t.kind == Token::name) {
      static constexpr std::string_view keywords[] = {"if", "elsif", "unless", "while", "until", "when", "and", "or", "not", "return", "puts"};
      return std::find(std::begin(keywords), std::end(keywords), t.text) != std::end(keywords);
    }
    return t.text != ")" && t.text != "]" && t.text != "}";
  }

  void skip_regexp() {
    ++pos_;
    while (pos_ < s_.size() && s_[pos_] != '/' && s_[pos_] != '\n') pos_ += s_[pos_] == '\\' ? 2 : 1;
    pos_ = std::min(pos_ + 1, s_.size());
    while (pos_ < s_.size() && std::isalpha(static_cast<unsigned char>(s_[pos_]))) ++pos_;  // flags
    push({Token::name, "/regexp/"});
  }

  // %q(…) %Q[…] %(…) %w[…] …: true when one was read.
  bool percent_literal() {
    char kind = at(pos_ + 1);
    size_t open_at = pos_ + 1;
    if (std::isalpha(static_cast<unsigned char>(kind))) {
      if (std::string_view("qQwWiIrsx").find(kind) == std::string_view::npos) return false;
      open_at = pos_ + 2;
    } else {
      kind = 'Q';
      if (!value_expected()) return false;  // `a % (b)` is the modulo operator
    }
    char open = at(open_at);
    if (open == '\0' || std::isalnum(static_cast<unsigned char>(open)) || std::isspace(static_cast<unsigned char>(open))) return false;
    bool text = kind == 'q' || kind == 'Q';
    if (text) {
      lex_quoted(pos_, open_at + 1, open, closing_of(open), kind == 'Q');
      return true;
    }
    // Word and symbol lists, regular expressions, commands: no SQL, but their brackets nest.
    char close = closing_of(open);
    int depth = 1;
    pos_ = open_at + 1;
    while (pos_ < s_.size() && depth > 0) {
      char c = s_[pos_];
      if (c == '\\') {
        pos_ += 2;
        continue;
      }
      if (c == close) --depth;
      else if (c == open && open != close) ++depth;
      ++pos_;
    }
    pos_ = std::min(pos_, s_.size());
    push({Token::name, "%list"});
    return true;
  }

  // An escape in a double-quoted string at s_[pos_] == '\\'; pos_ ends past it.
  void escape(CodeLiteral& lit) {
    size_t at = pos_;
    char e = this->at(pos_ + 1);
    pos_ += 2;
    switch (e) {
      case 'n': add(lit, '\n', at); return;
      case 't': add(lit, '\t', at); return;
      case 'r': add(lit, '\r', at); return;
      case 's': add(lit, ' ', at); return;
      case '0': add(lit, '\0', at); return;
      case 'e': add(lit, '\x1b', at); return;
      case '\n': return;  // a continued line
      case 'u': {
        std::string utf8;
        if (this->at(pos_) == '{') {
          ++pos_;
          append_utf8(utf8, read_hex(s_, pos_, 6));
          while (pos_ < s_.size() && s_[pos_] != '}' && s_[pos_] != '\n') ++pos_;
          if (this->at(pos_) == '}') ++pos_;
        } else {
          append_utf8(utf8, read_hex(s_, pos_, 4));
        }
        for (char b : utf8) add(lit, b, at);
        return;
      }
      default:
        if (pos_ > s_.size()) {  // a backslash ending the file escapes nothing
          pos_ = s_.size();
          return;
        }
        add(lit, e, at);
    }
  }

  // `#{expr}` at s_[pos_] == '#': a hole; pos_ ends past its brace.
  void hole(CodeLiteral& lit) {
    CodeHole h;
    h.cooked_offset = lit.cooked.size();
    h.file_begin = pos_;
    int depth = 0;
    size_t j = pos_ + 1;
    for (; j < s_.size(); ++j) {
      if (s_[j] == '{') ++depth;
      if (s_[j] == '}' && --depth == 0) break;
    }
    h.expression = std::string(trim(s_.substr(pos_ + 2, std::min(j, s_.size()) - pos_ - 2)));
    pos_ = std::min(j + 1, s_.size());
    h.file_end = pos_;
    lit.holes.push_back(std::move(h));
    lit.interpolated = true;
  }

  // A string from `begin` (its first byte) whose content starts at `content`, up to `close`.
  void lex_quoted(size_t begin, size_t content, char open, char close, bool interpolate) {
    CodeLiteral lit;
    lit.file_begin = begin;
    pos_ = content;
    int depth = 1;
    while (pos_ < s_.size()) {
      char c = s_[pos_];
      if (c == close && --depth == 0) {
        ++pos_;
        break;
      }
      if (c == open && open != close) ++depth;
      if (c == '\\') {
        if (interpolate) {
          escape(lit);
        } else {
          // Single quotes keep a backslash unless it escapes the quote or a backslash.
          char e = at(pos_ + 1);
          if (e == close || e == '\\' || (e == open && e != '\0')) {
            add(lit, e, pos_);
            pos_ += 2;
          } else {
            add(lit, c, pos_);
            ++pos_;
          }
        }
        continue;
      }
      if (interpolate && c == '#' && at(pos_ + 1) == '{') {
        hole(lit);
        continue;
      }
      add(lit, c, pos_);
      ++pos_;
    }
    pos_ = std::min(pos_, s_.size());
    lit.file_end = std::max(pos_, begin + 1);
    push_literal(std::move(lit));
  }

  // <<~ID, <<-ID, <<ID, with the identifier optionally quoted: true when one was read. The body
  // is read when the line ends; the literal's place is kept now.
  bool heredoc_start() {
    size_t i = pos_ + 2;
    char flag = at(i);
    bool squiggly = flag == '~', dash = flag == '-';
    if (squiggly || dash) ++i;
    char quote = at(i);
    bool quoted = quote == '\'' || quote == '"' || quote == '`';
    if (quoted) ++i;
    size_t id_begin = i;
    while (i < s_.size() && ident_char(s_[i])) ++i;
    if (i == id_begin || std::isdigit(static_cast<unsigned char>(s_[id_begin]))) return false;
    std::string id(s_.substr(id_begin, i - id_begin));
    if (quoted) {
      if (at(i) != quote) return false;
      ++i;
    } else if (!squiggly && !dash && !std::isupper(static_cast<unsigned char>(id[0]))) {
      return false;  // `a <<b` is a shift; heredoc names are upper case by convention
    }
    CodeLiteral placeholder;
    placeholder.file_begin = pos_;
    placeholder.file_end = i;
    scan_.literals.push_back(std::move(placeholder));
    size_t index = scan_.literals.size() - 1;
    pending_.push_back({index, id, squiggly || dash, squiggly, quote != '\''});
    pos_ = i;
    push({Token::literal, {}, index});
    return true;
  }

  // The bodies of the heredocs opened on the line just ended, one after the other.
  void read_heredoc_bodies() {
    std::vector<PendingHeredoc> pending;
    pending.swap(pending_);
    for (const PendingHeredoc& h : pending) read_heredoc_body(h);
  }

  void read_heredoc_body(const PendingHeredoc& h) {
    // The body's lines up to the terminator line.
    std::vector<std::pair<size_t, size_t>> lines;  // [begin, end) without the newline
    size_t end_of_body = pos_;
    while (pos_ < s_.size()) {
      size_t nl = s_.find('\n', pos_);
      size_t line_end = nl == std::string_view::npos ? s_.size() : nl;
      std::string_view line = s_.substr(pos_, line_end - pos_);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      std::string_view candidate = h.indented_terminator ? trim(line) : line;
      size_t next = nl == std::string_view::npos ? s_.size() : nl + 1;
      if (candidate == h.terminator) {
        end_of_body = line_end;
        pos_ = next;
        break;
      }
      lines.emplace_back(pos_, next);
      pos_ = next;
      end_of_body = pos_;
    }
    size_t strip = h.squiggly ? common_indentation(lines) : 0;
    CodeLiteral& lit = scan_.literals[h.literal_index];
    size_t resume = pos_;
    pos_ = lines.empty() ? pos_ : lines.front().first;
    for (auto [begin, end] : lines) {
      if (pos_ > begin) {
        if (pos_ >= end) continue;  // a hole or escape ran over this line
      } else {
        pos_ = begin;
        for (size_t k = 0; k < strip && pos_ < end && (s_[pos_] == ' ' || s_[pos_] == '\t'); ++k) ++pos_;
      }
      while (pos_ < end) {
        char c = s_[pos_];
        if (h.interpolate && c == '\\') {
          escape(lit);
        } else if (h.interpolate && c == '#' && at(pos_ + 1) == '{') {
          hole(lit);
        } else {
          if (c != '\r') add(lit, c, pos_);
          ++pos_;
        }
      }
    }
    pos_ = std::max(resume, std::min(pos_, s_.size()));
    // The literal is its body, up to the end of the terminator line (and past all it holds), so
    // it lies apart from the other literals of its opening line and from the next heredoc's body.
    // Without a body it stays the `<<~ID` token.
    if (lines.empty()) return;
    lit.file_begin = lines.front().first;
    lit.file_end = std::max({lit.file_begin + 1, std::min(end_of_body, s_.size()), pos_});
    for (const CodeHole& hh : lit.holes) lit.file_end = std::max(lit.file_end, hh.file_end);
    lit.file_end = std::min(lit.file_end, s_.size());
  }

  // The smallest indentation of the lines that hold more than whitespace.
  size_t common_indentation(const std::vector<std::pair<size_t, size_t>>& lines) const {
    size_t least = SIZE_MAX;
    for (auto [begin, end] : lines) {
      size_t i = begin;
      while (i < end && (s_[i] == ' ' || s_[i] == '\t')) ++i;
      if (i < end && s_[i] != '\n' && s_[i] != '\r') least = std::min(least, i - begin);
    }
    return least == SIZE_MAX ? 0 : least;
  }

  // At a statement start: `NAME = <literal>` ending the statement, or followed by `.freeze`.
  void match(size_t i) {
    if (!is(i, Token::name) || !std::isupper(static_cast<unsigned char>(tokens_[i].text[0]))) return;
    if (i > 0 && !is(i - 1, Token::newline) && !is(i - 1, Token::op, ";")) return;
    if (!is(i + 1, Token::op, "=") || is(i + 2, Token::op, "=") || !is(i + 2, Token::literal)) return;
    size_t after = i + 3;
    // Methods that keep the SQL as it is (or only trim its whitespace).
    while (is(after, Token::op, ".") && (is(after + 1, Token::name, "freeze") || is(after + 1, Token::name, "squish") ||
                                         is(after + 1, Token::name, "strip") || is(after + 1, Token::name, "chomp"))) {
      after += 2;
    }
    // A `+` may continue the value with more literals: fold_concatenations decides.
    if (after < tokens_.size() && !is(after, Token::newline) && !is(after, Token::op, ";") && !is(after, Token::op, "+")) return;
    std::string name(tokens_[i].text);
    scan_.constants[name] = tokens_[i + 2].literal_index;
    scan_.exported.insert(name);
  }

  // Literals in the order they close (a heredoc closes after the rest of its line).
  CodeScan in_closing_order() {
    std::vector<size_t> order(scan_.literals.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
      const CodeLiteral& x = scan_.literals[a];
      const CodeLiteral& y = scan_.literals[b];
      if (x.file_end != y.file_end) return x.file_end < y.file_end;
      return x.file_begin > y.file_begin;  // of two closing together, the inner one first
    });
    std::vector<size_t> new_index(order.size());
    std::vector<CodeLiteral> sorted;
    sorted.reserve(order.size());
    for (size_t k = 0; k < order.size(); ++k) {
      new_index[order[k]] = k;
      sorted.push_back(std::move(scan_.literals[order[k]]));
    }
    scan_.literals = std::move(sorted);
    for (auto& [name, index] : scan_.constants) index = new_index[index];
    return std::move(scan_);
  }

  std::vector<PendingHeredoc> pending_;
};

}  // namespace

CodeScan scan_ruby(std::string_view text) { return RubyLexer(text).run(); }

}  // namespace mc
