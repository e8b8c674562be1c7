#include "analyses/query_set.h"

#include <fmt/format.h>

#include "analyses/checks.h"
#include "base/text.h"

namespace mc {

QuerySet collect_queries(const QueryInputs& inputs, const Splitter& split) {
  QuerySet out;
  for (const auto* group : {&inputs.sql_files, &inputs.literals}) {
    for (const SqlText& text : *group) {
      for (Statement& s : split(text)) out.queries.push_back(std::move(s));
    }
  }
  for (const UnresolvedSql& u : inputs.unresolved) {
    Diagnostic d = make_diagnostic(checks::could_not_check);
    d.message = "could not check a query whose text is only known at run time";
    d.primary = u.where;
    d.primary_label = u.reason;
    d.help = "use a string constant (`const TABLE = \"posts\"`) or a literal, so the query's text is known before it runs";
    out.findings.push_back(std::move(d));
  }
  for (const Diagnostic& note : inputs.notes) out.findings.push_back(note);
  return out;
}

std::optional<size_t> find_identifier(std::string_view sql, std::string_view name) {
  size_t i = 0;
  auto is_word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$'; };
  while (i < sql.size()) {
    size_t next = skip_sql_trivia(sql, i);
    if (next != i) {
      i = next;
      continue;
    }
    char c = sql[i];
    if (c == '\'') {
      size_t end = sql.find('\'', i + 1);
      i = end == std::string_view::npos ? sql.size() : end + 1;
    } else if (c == '"' || c == '`' || c == '[') {
      char close = c == '[' ? ']' : c;
      size_t end = sql.find(close, i + 1);
      if (end == std::string_view::npos) return std::nullopt;
      if (iequals(sql.substr(i + 1, end - i - 1), name)) return i;
      i = end + 1;
    } else if (is_word(c)) {
      size_t start = i;
      while (i < sql.size() && is_word(sql[i])) ++i;
      if (iequals(sql.substr(start, i - start), name)) return start;
    } else {
      ++i;
    }
  }
  return std::nullopt;
}

}  // namespace mc
