#include "sql/postgres/splitter.h"

#include <string>

#include "base/text.h"
#include "sql/postgres/tokens.h"

namespace mc::postgres {

namespace {

constexpr size_t npos = std::string_view::npos;

// PostgreSQL's identifier characters (scan.l's ident_start and ident_cont): every byte of a
// multi-byte character counts as a letter.
bool is_ident_start(char c) {
  auto u = static_cast<unsigned char>(c);
  return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || u == '_' || u >= 0x80;
}
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_ident_cont(char c) { return is_ident_start(c) || is_digit(c) || c == '$'; }

// Past the closing `quote` of a quoted token whose opening quote is at `i`; a doubled quote is
// one character of it, and with `backslashes` (E'' strings) so is a backslash and what follows.
size_t past_quoted(std::string_view s, size_t i, char quote, bool backslashes) {
  for (++i; i < s.size(); ++i) {
    if (backslashes && s[i] == '\\') {
      ++i;
    } else if (s[i] == quote) {
      if (i + 1 >= s.size() || s[i + 1] != quote) return i + 1;
      ++i;
    }
  }
  return npos;
}

// Where a string constant ending at `i` continues: the scanner joins 'a' <newline> 'b' into one
// constant when only whitespace with a newline separates them (libpg_query's scanner keeps
// comments as tokens, so a comment between them ends the constant), and the second part is read
// like the first. Returns the next part's opening quote, or npos.
size_t continuation_quote(std::string_view s, size_t i) {
  auto horizontal = [](char c) { return c == ' ' || c == '\t' || c == '\f'; };
  size_t j = i;
  while (j < s.size() && horizontal(s[j])) ++j;
  if (j >= s.size() || (s[j] != '\n' && s[j] != '\r')) return npos;
  while (j < s.size() && (horizontal(s[j]) || s[j] == '\n' || s[j] == '\r')) ++j;
  return j < s.size() && s[j] == '\'' ? j : npos;
}

// Past an E'' string constant whose opening quote is at `i`, continued parts included.
size_t past_escape_string(std::string_view s, size_t i) {
  for (;;) {
    i = past_quoted(s, i, '\'', true);
    if (i == npos) return npos;
    size_t next = continuation_quote(s, i);
    if (next == npos) return i;
    i = next;
  }
}

// The delimiter of a dollar quote starting at `i` ("$$", "$body$"), or empty if none starts there
// (a parameter such as $1, or a lone `$`).
std::string_view dollar_delimiter(std::string_view s, size_t i) {
  size_t j = i + 1;
  if (j < s.size() && is_ident_start(s[j])) {
    while (j < s.size() && (is_ident_start(s[j]) || is_digit(s[j]))) ++j;
  }
  if (j >= s.size() || s[j] != '$') return {};
  return s.substr(i, j + 1 - i);
}

}  // namespace

std::vector<size_t> statement_terminators(std::string_view s) {
  std::vector<size_t> out;
  size_t depth = 0;
  size_t i = 0;
  while (i < s.size()) {
    char c = s[i];
    if (is_ident_start(c)) {
      size_t word = i;
      while (i < s.size() && is_ident_cont(s[i])) ++i;
      // E'…' (a one-letter word right before the quote) reads backslash escapes; the other
      // prefixes (B, X, N, U&) read like a plain string.
      if (i - word == 1 && (c == 'e' || c == 'E') && i < s.size() && s[i] == '\'') i = past_escape_string(s, i);
    } else if (is_digit(c)) {
      while (i < s.size() && is_digit(s[i])) ++i;
    } else if (c == '\'' || c == '"') {
      i = past_quoted(s, i, c, false);
    } else if (c == '$') {
      std::string_view delimiter = dollar_delimiter(s, i);
      if (delimiter.empty()) {
        ++i;
      } else {
        size_t close = s.find(delimiter, i + delimiter.size());
        i = close == npos ? npos : close + delimiter.size();
      }
    } else if ((c == '-' || c == '/') && (s.compare(i, 2, "--") == 0 || s.compare(i, 2, "/*") == 0)) {
      i = skip_sql_trivia(s, i, CommentRules::postgres);  // to the end when a comment never closes
    } else {
      if (c == '(') ++depth;
      else if (c == ')' && depth > 0) --depth;
      else if (c == ';' && depth == 0) out.push_back(i);
      ++i;
    }
    if (i == npos) break;  // an unterminated literal runs to the end
  }
  return out;
}

std::optional<std::vector<size_t>> terminators_by_scanner(std::string_view text) {
  std::optional<std::vector<Token>> tokens = scan_tokens(text);
  if (!tokens) return std::nullopt;
  std::vector<size_t> out;
  size_t depth = 0;
  for (const Token& token : *tokens) {
    if (token.kind == PG_QUERY__TOKEN__ASCII_40) ++depth;
    else if (token.kind == PG_QUERY__TOKEN__ASCII_41 && depth > 0) --depth;
    else if (token.kind == PG_QUERY__TOKEN__ASCII_59 && depth == 0) out.push_back(token.begin);
  }
  return out;
}

namespace {

void emit(const SqlText& sql, size_t from, size_t to, std::vector<Statement>& out) {
  if (auto st = statement_between(sql, from, to, CommentRules::postgres)) out.push_back(std::move(*st));
}

}  // namespace

std::vector<Statement> split(const SqlText& sql) {
  std::vector<Statement> out;
  // PostgreSQL's parser reads a C string, so a NUL would hide the rest of a statement: keep such
  // text whole, and the parser rejects it as PostgreSQL does.
  if (sql.single_statement || sql.text.find('\0') != std::string::npos) {
    emit(sql, 0, sql.text.size(), out);
    return out;
  }
  size_t from = 0;
  for (size_t end : statement_terminators(sql.text)) {
    emit(sql, from, end, out);
    from = end + 1;
  }
  // What follows the last `;`: a statement without one, or one whose parentheses, string or
  // comment never close, which the parser then reports at its real position.
  emit(sql, from, sql.text.size(), out);
  return out;
}

}  // namespace mc::postgres
