#include "sql/statement.h"

#include <algorithm>
#include <cctype>

#include "base/text.h"

namespace mc {

std::optional<Statement> statement_between(const SqlText& origin, size_t from, size_t to, CommentRules rules) {
  std::string_view s = origin.text;
  size_t begin = skip_sql_trivia(s, from, rules);
  size_t end = std::min(to, s.size());
  while (end > begin && (std::isspace(static_cast<unsigned char>(s[end - 1])) || s[end - 1] == ';')) --end;
  if (begin >= end) return std::nullopt;
  Statement st;
  st.origin = &origin;
  st.begin = begin;
  st.end = end;
  st.name = annotation_name(s.substr(from, begin - from));
  return st;
}

}  // namespace mc
