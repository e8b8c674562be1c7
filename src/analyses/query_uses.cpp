#include "analyses/query_uses.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <set>

#include "analyses/name_resolution.h"
#include "analyses/postgres_check.h"
#include "analyses/sqlite_proof.h"
#include "base/text.h"
#include "sql/placeholders.h"
#include "sql/postgres/parser.h"
#include "sql/sqlite/engine.h"

namespace mc {

namespace {

std::string first_keyword(std::string_view sql, CommentRules rules) {
  size_t at = skip_sql_trivia(sql, 0, rules);
  size_t end = at;
  while (end < sql.size() && std::isalpha(static_cast<unsigned char>(sql[end]))) ++end;
  std::string word(sql.substr(at, end - at));
  for (char& c : word) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return word;
}

std::vector<std::string> sorted(std::set<std::string> objects) { return {objects.begin(), objects.end()}; }

std::vector<QueryUse> on_sqlite(const MigrationPlan& plan, const std::vector<Statement>& queries) {
  sqlite::Database deployed;
  apply_deployed_on_sqlite(deployed, plan.deployed);
  std::vector<QueryUse> out;
  for (const Statement& q : queries) {
    QueryUse use;
    use.kind = first_keyword(q.text(), CommentRules::sqlite);
    sqlite::Compiled compiled =
        deployed.compile(sql::normalize_placeholders(q.text(), sql::PlaceholderStyle::sqlite));
    if (!compiled.ok) use.error = compiled.error;
    std::set<std::string> objects;
    for (const sqlite::Access& a : compiled.accesses) objects.insert(a.column.empty() ? a.table : a.table + "." + a.column);
    use.objects = sorted(std::move(objects));
    out.push_back(std::move(use));
  }
  return out;
}

std::vector<QueryUse> on_postgres(const MigrationPlan& plan, const std::vector<Statement>& queries) {
  MigrationPlan deployed_only;
  deployed_only.deployed = plan.deployed;
  deployed_only.deployed_search_path = plan.deployed_search_path;
  PostgresStaticResult replayed = check_postgres_statically(deployed_only, {});
  NameResolver resolver(replayed.replay.deployed, catalog::SearchPath::from_setting(plan.deployed_search_path));
  std::vector<QueryUse> out;
  for (const Statement& q : queries) {
    QueryUse use;
    use.kind = first_keyword(q.text(), CommentRules::postgres);
    sql::NormalizedSql sent = sql::normalize_placeholders_mapped(q.text(), sql::PlaceholderStyle::postgres);
    postgres::ParsedStatement parsed = postgres::parse(sent.text);
    if (parsed.error) {
      use.error = parsed.error->message;
    } else if (parsed.query) {
      Resolutions resolved;
      std::vector<NameError> errors = resolver.check(*parsed.query, &resolved);
      if (!errors.empty()) use.error = fmt::format("{} ({})", errors.front().message, errors.front().sqlstate);
      std::set<std::string> objects;
      for (const auto& [at, object] : resolved) {
        if (object.first.empty()) continue;
        objects.insert(object.second.empty() ? object.first : object.first + "." + object.second);
      }
      use.objects = sorted(std::move(objects));
    }
    out.push_back(std::move(use));
  }
  return out;
}

}  // namespace

std::vector<QueryUse> describe_queries(Dialect dialect, const MigrationPlan& plan, const std::vector<Statement>& queries) {
  return dialect == Dialect::sqlite ? on_sqlite(plan, queries) : on_postgres(plan, queries);
}

}  // namespace mc
