// MC164 libsql-alter-column (doc.md beside this file).
#include "analyses/rules/helpers.h"

namespace mc::rules {

namespace {

void check(const RuleContext& c, std::vector<Finding>& out) {
  std::string text = lowered(c);
  if (!text.starts_with("alter table") || text.find(" alter column ") == std::string::npos) return;
  out.push_back({.message = "ALTER COLUMN … TO is libSQL's, not SQLite's: existing rows are not checked against the new "
                            "definition, and migcompat's SQLite engine cannot replay it, so it judges later statements and "
                            "old queries as if the column had not changed",
                 .help = "on plain SQLite use a table rebuild; on libSQL, check existing rows yourself (e.g. SELECT count(*) "
                         "WHERE col IS NULL) before tightening a column"});
}

}  // namespace

extern const Rule libsql_alter_column;
const Rule libsql_alter_column{{"MC164", "libsql-alter-column", Category::sqlite, Severity::warning, sqlite_only,
    "libSQL's ALTER COLUMN … TO changes only how new writes are checked, and SQLite cannot replay it", "preview"},
    check, nullptr};

}  // namespace mc::rules
