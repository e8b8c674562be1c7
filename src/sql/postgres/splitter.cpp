#include "sql/postgres/splitter.h"

#include <pg_query.h>

#include <cctype>

#include "base/text.h"

namespace mc::postgres {

namespace {

void emit(const SqlText& sql, size_t from, size_t to, std::vector<Statement>& out) {
  if (auto st = statement_between(sql, from, to, CommentRules::postgres)) out.push_back(std::move(*st));
}

}  // namespace

std::vector<Statement> split(const SqlText& sql) {
  std::vector<Statement> out;
  if (sql.single_statement) {
    emit(sql, 0, sql.text.size(), out);
    return out;
  }
  // The scanner reads a C string, so a NUL would hide the rest: keep such text whole, and the
  // parser rejects it as PostgreSQL does.
  if (sql.text.find('\0') != std::string::npos) {
    emit(sql, 0, sql.text.size(), out);
    return out;
  }
  PgQuerySplitResult result = pg_query_split_with_scanner(sql.text.c_str());
  if (result.error) {
    // The scanner could not read it (an unterminated string, say): keep it whole, so the parser
    // reports the error at its real position.
    emit(sql, 0, sql.text.size(), out);
  } else {
    size_t previous_end = 0;
    for (int i = 0; i < result.n_stmts; ++i) {
      auto location = static_cast<size_t>(result.stmts[i]->stmt_location);
      auto length = static_cast<size_t>(result.stmts[i]->stmt_len);
      size_t end = length == 0 ? sql.text.size() : location + length;
      // The scanner's location starts after the previous statement; keep leading comments
      // (for `-- name:`) by starting from the previous end.
      emit(sql, std::min(previous_end, location), end, out);
      previous_end = end + 1;
    }
    // The scanner drops a last statement whose parentheses never close ("SELECT (1"): keep it,
    // so the parser reports it rather than the check passing it silently.
    if (previous_end < sql.text.size()) emit(sql, previous_end, sql.text.size(), out);
  }
  pg_query_free_split_result(result);
  return out;
}

}  // namespace mc::postgres
