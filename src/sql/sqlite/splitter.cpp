#include "sql/sqlite/splitter.h"

#include <sqlite3.h>

#include <string>

#include "base/text.h"

namespace mc::sqlite {

namespace {

// Offset just past the quoted token starting at `pos` (whose opening char is `open`).
size_t skip_quoted(std::string_view s, size_t pos, char close) {
  size_t i = pos + 1;
  while (i < s.size()) {
    if (s[i] == close) {
      if (close != ']' && i + 1 < s.size() && s[i + 1] == close) {
        i += 2;  // doubled quote
        continue;
      }
      return i + 1;
    }
    ++i;
  }
  return s.size();
}

void emit(const SqlText& sql, size_t from, size_t to, std::vector<Statement>& out) {
  if (auto st = statement_between(sql, from, to)) out.push_back(std::move(*st));
}

}  // namespace

std::vector<Statement> split(const SqlText& sql) {
  std::vector<Statement> out;
  if (sql.single_statement) {
    emit(sql, 0, sql.text.size(), out);
    return out;
  }
  std::string_view s = sql.text;
  size_t start = 0;
  size_t i = 0;
  while (i < s.size()) {
    char c = s[i];
    if (c == '\'' ) {
      i = skip_quoted(s, i, '\'');
    } else if (c == '"') {
      i = skip_quoted(s, i, '"');
    } else if (c == '`') {
      i = skip_quoted(s, i, '`');
    } else if (c == '[') {
      i = skip_quoted(s, i, ']');
    } else if (c == '-' && i + 1 < s.size() && s[i + 1] == '-') {
      while (i < s.size() && s[i] != '\n') ++i;
    } else if (c == '/' && i + 1 < s.size() && s[i + 1] == '*') {
      size_t end = s.find("*/", i + 2);
      i = end == std::string_view::npos ? s.size() : end + 2;
    } else if (c == ';') {
      std::string candidate(s.substr(start, i + 1 - start));
      if (sqlite3_complete(candidate.c_str())) {
        emit(sql, start, i, out);
        start = i + 1;
      }
      ++i;
    } else {
      ++i;
    }
  }
  emit(sql, start, s.size(), out);
  return out;
}

}  // namespace mc::sqlite
