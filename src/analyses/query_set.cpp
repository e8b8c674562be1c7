#include "analyses/query_set.h"

#include <fmt/format.h>

#include <algorithm>
#include <unordered_map>

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
  const LoggedStatements& logged = inputs.logged;
  out.log_entries = logged.entries;
  std::unordered_map<std::string, size_t> by_shape;  // -> index in out.logged
  for (size_t i = 0; i < logged.statements.size(); ++i) {
    for (Statement& s : split(logged.statements[i])) {
      auto [it, added] = by_shape.try_emplace(statement_shape(s.text()), out.logged.size());
      if (!added) {
        out.logged[it->second].occurrences += logged.occurrences[i];
        continue;
      }
      out.logged.push_back({s.span(), logged.occurrences[i]});
      out.queries.push_back(std::move(s));
    }
  }
  for (const Diagnostic& note : logged.notes) out.findings.push_back(note);
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

void note_log_occurrences(std::vector<Diagnostic>& findings, const std::vector<LoggedQuery>& logged) {
  if (logged.empty()) return;
  std::vector<const LoggedQuery*> sorted;
  for (const LoggedQuery& q : logged) sorted.push_back(&q);
  auto before = [](const Span& a, const Span& b) { return a.file != b.file ? a.file < b.file : a.begin < b.begin; };
  std::sort(sorted.begin(), sorted.end(), [&](const LoggedQuery* a, const LoggedQuery* b) { return before(a->span, b->span); });
  for (Diagnostic& d : findings) {
    if (!d.primary.valid()) continue;
    // The last logged query starting at or before the finding's place, if the place is inside it.
    auto it = std::upper_bound(sorted.begin(), sorted.end(), d.primary,
                               [&](const Span& at, const LoggedQuery* q) { return before(at, q->span); });
    if (it == sorted.begin()) continue;
    const LoggedQuery& q = **std::prev(it);
    if (q.span.file != d.primary.file || d.primary.begin > q.span.end) continue;
    d.notes.push_back(q.occurrences == 1 ? "the query log shows the deployed code running this query once"
                                         : fmt::format("the query log shows the deployed code running this query {} times "
                                                       "(counted with any constants)",
                                                       q.occurrences));
  }
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
