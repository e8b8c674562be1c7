#include "inputs/layout.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "base/text.h"
#include "inputs/migration_files.h"
#include "inputs/migrations.h"

namespace mc {

namespace fs = std::filesystem;

namespace {

constexpr size_t max_files = 20000;
constexpr uintmax_t max_file_size = 1 << 20;

bool skipped_directory(const std::string& name) {
  static const std::set<std::string> names = {".git", "node_modules", "vendor", "dist", "build", "target", ".venv",
                                              "venv", "__pycache__", ".next", "coverage", ".cache"};
  return names.count(name) > 0 || name.starts_with("build-");
}

bool is_source(const std::string& ext) {
  return ext == ".ts" || ext == ".tsx" || ext == ".js" || ext == ".mjs" || ext == ".cjs" || ext == ".py" || ext == ".go" ||
         ext == ".java" || ext == ".kt" || ext == ".kts" || ext == ".rs" || ext == ".rb" || ext == ".php";
}

std::string read_text(const fs::path& path) {
  std::error_code ec;
  if (fs::file_size(path, ec) > max_file_size) return "";
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// A migration file name: 001_x.sql, 20240101120000_x.sql, V3__x.sql, 0001_x.up.sql.
bool versioned(const std::string& file) {
  static const std::regex pattern(R"(^(\d+|V\d+(_\d+)*__).*\.sql$)", std::regex::icase);
  return std::regex_match(file, pattern);
}

struct Evidence {
  int score = 0;
  std::vector<std::string> reasons;
  void add(int points, std::string why) {
    score += points;
    if (std::find(reasons.begin(), reasons.end(), why) == reasons.end() && reasons.size() < 3) reasons.push_back(std::move(why));
  }
};

struct DialectClue {
  const char* needle;
  const char* what;
  bool sqlite;
};

// Dependencies and imports that name a driver, and SQL that only one dialect writes.
constexpr DialectClue code_clues[] = {
    {"@libsql/client", "@libsql/client", true},    {"better-sqlite3", "better-sqlite3", true},
    {"std/sqlite", "Val Town's std/sqlite", true}, {"bun:sqlite", "bun:sqlite", true},
    {"mattn/go-sqlite3", "go-sqlite3", true},      {"modernc.org/sqlite", "modernc.org/sqlite", true},
    {"import sqlite3", "Python's sqlite3", true},  {"\"sqlite3\"", "sqlite3", true},
    {"\"pg\"", "node-postgres (pg)", false},       {"@neondatabase/serverless", "@neondatabase/serverless", false},
    {"\"postgres\"", "postgres.js", false},        {"psycopg", "psycopg", false},
    {"asyncpg", "asyncpg", false},                 {"github.com/lib/pq", "lib/pq", false},
    {"github.com/jackc/pgx", "pgx", false},        {"drizzle-orm/pg-core", "drizzle-orm/pg-core", false},
    {"drizzle-orm/sqlite-core", "drizzle-orm/sqlite-core", true},
    {"gem \"pg\"", "the pg gem", false},        {"gem 'pg'", "the pg gem", false},
    {"gem \"sqlite3\"", "the sqlite3 gem", true}, {"gem 'sqlite3'", "the sqlite3 gem", true},
    {"\"pgsql:", "a PDO pgsql DSN", false},       {"'pgsql:", "a PDO pgsql DSN", false},
    {"\"sqlite:", "a PDO sqlite DSN", true},      {"'sqlite:", "a PDO sqlite DSN", true},
};

struct SqlClue {
  std::regex pattern;
  const char* what;
  bool sqlite;
};

const std::vector<SqlClue>& sql_clues() {
  static const std::vector<SqlClue> clues = {
      {std::regex(R"(\bAUTOINCREMENT\b)", std::regex::icase), "AUTOINCREMENT", true},
      {std::regex(R"(\bINTEGER\s+PRIMARY\s+KEY\b)", std::regex::icase), "INTEGER PRIMARY KEY", true},
      {std::regex(R"(\bPRAGMA\b)", std::regex::icase), "PRAGMA", true},
      {std::regex(R"(\bdatetime\s*\(\s*'now')", std::regex::icase), "datetime('now')", true},
      {std::regex(R"(\b(big)?serial\b)", std::regex::icase), "serial columns", false},
      {std::regex(R"(\bjsonb\b)", std::regex::icase), "jsonb", false},
      {std::regex(R"(\btimestamptz\b|\bwith\s+time\s+zone\b)", std::regex::icase), "timestamptz", false},
      {std::regex(R"(\bCREATE\s+EXTENSION\b)", std::regex::icase), "CREATE EXTENSION", false},
      {std::regex(R"(\bGENERATED\s+(ALWAYS|BY\s+DEFAULT)\s+AS\s+IDENTITY\b)", std::regex::icase), "identity columns", false},
      {std::regex(R"(\$\$)"), "dollar-quoted bodies", false},
  };
  return clues;
}

bool has_query_literal(const std::string& text) {
  static const std::regex pattern(R"([`'"]\s*(SELECT\s[\s\S]{0,200}?\bFROM\b|INSERT\s+INTO\b|UPDATE\s+\w+\s+SET\b|DELETE\s+FROM\b|WITH\s+\w+\s+AS\s*\())",
                                  std::regex::icase);
  return std::regex_search(text, pattern);
}

bool has_query_sql(const std::string& text) {
  static const std::regex pattern(R"(\b(SELECT\s[\s\S]{0,400}?\bFROM\b|INSERT\s+INTO\b|UPDATE\s+\w+\s+SET\b|DELETE\s+FROM\b))",
                                  std::regex::icase);
  return std::regex_search(text, pattern);
}

bool has_ddl(const std::string& text) {
  static const std::regex pattern(R"(\b(CREATE\s+TABLE|ALTER\s+TABLE)\b)", std::regex::icase);
  return std::regex_search(text, pattern);
}

std::string top_glob(const std::string& relative, const std::string& ext) {
  size_t slash = relative.find('/');
  return slash == std::string::npos ? "*" + ext : relative.substr(0, slash) + "/**/*" + ext;
}

}  // namespace

Layout detect_layout(const fs::path& root) {
  Layout layout;
  std::map<std::string, int> versioned_sql_by_dir;  // directory → versioned .sql files
  std::map<std::string, std::string> sql_text;      // .sql files, relative → text
  std::vector<std::string> migration_sources;       // source files named like migrations, with DDL
  std::map<std::string, std::vector<std::string>> query_sources;  // glob → files
  Evidence sqlite, postgres;

  std::error_code ec;
  size_t seen = 0;
  fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec), end;
  for (; !ec && it != end && seen < max_files; it.increment(ec)) {
    const fs::directory_entry& entry = *it;
    std::string name = entry.path().filename().string();
    if (entry.is_directory(ec)) {
      if (skipped_directory(name)) it.disable_recursion_pending();
      continue;
    }
    if (!entry.is_regular_file(ec)) continue;
    ++seen;
    std::string relative = entry.path().lexically_relative(root).generic_string();
    std::string ext = to_lower(entry.path().extension().string());
    bool manifest = name == "package.json" || name == "go.mod" || name == "requirements.txt" || name == "pyproject.toml" ||
                    name == "deno.json" || name == "Gemfile" || name == "composer.json";
    if (ext != ".sql" && !is_source(ext) && !manifest) continue;
    std::string text = read_text(entry.path());
    if (manifest || is_source(ext)) {
      for (const DialectClue& clue : code_clues) {
        if (text.find(clue.needle) != std::string::npos) (clue.sqlite ? sqlite : postgres).add(3, fmt::format("{} uses {}", relative, clue.what));
      }
    }
    if (ext == ".sql") {
      sql_text[relative] = text;
      // A version folder (`0.26/`, Prisma's `<timestamp>_x/`) belongs to the directory above it.
      fs::path dir_path = fs::path(relative).parent_path();
      while (!dir_path.empty() && leading_version(dir_path.filename().string())) dir_path = dir_path.parent_path();
      std::string dir = dir_path.generic_string();
      if (versioned(name) && !is_down_migration(name)) ++versioned_sql_by_dir[dir];
      if (name == "migration.sql") ++versioned_sql_by_dir[dir];  // Prisma: the version folder was left out above
      for (const SqlClue& clue : sql_clues()) {
        if (std::regex_search(text, clue.pattern)) (clue.sqlite ? sqlite : postgres).add(1, fmt::format("{} uses {}", relative, clue.what));
      }
    } else if (is_source(ext)) {
      bool named_migration = to_lower(name).find("migrat") != std::string::npos || to_lower(name).find("schema") != std::string::npos;
      if (named_migration && has_ddl(text)) {
        migration_sources.push_back(relative);
        for (const SqlClue& clue : sql_clues()) {
          if (std::regex_search(text, clue.pattern)) (clue.sqlite ? sqlite : postgres).add(1, fmt::format("{} uses {}", relative, clue.what));
        }
      } else if (has_query_literal(text)) {
        query_sources[top_glob(relative, ext)].push_back(relative);
      }
    }
  }

  // Migrations: the directory with the most versioned .sql files, else a source file of them.
  auto best = std::max_element(versioned_sql_by_dir.begin(), versioned_sql_by_dir.end(),
                               [](const auto& a, const auto& b) { return a.second < b.second; });
  if (best != versioned_sql_by_dir.end() && best->second > 0) {
    layout.migrations = best->first.empty() ? "." : best->first;
    layout.migrations_evidence = fmt::format("{} versioned .sql file{} in {}/", best->second, best->second == 1 ? "" : "s",
                                             layout.migrations);
  } else if (!migration_sources.empty()) {
    std::sort(migration_sources.begin(), migration_sources.end());
    layout.migrations = migration_sources.front();
    layout.migrations_evidence = fmt::format("{} runs CREATE/ALTER TABLE statements", layout.migrations);
  }

  // Queries: .sql files outside the migrations, and source files with SQL string literals.
  std::map<std::string, int> sql_query_dirs;
  for (const auto& [relative, text] : sql_text) {
    if (!layout.migrations.empty() && layout.migrations != "." && relative.starts_with(layout.migrations + "/")) continue;
    if (!has_query_sql(text)) continue;
    std::string dir = fs::path(relative).parent_path().generic_string();
    ++sql_query_dirs[dir.empty() ? "*.sql" : dir + "/*.sql"];
  }
  std::vector<std::string> reasons;
  for (const auto& [glob, count] : sql_query_dirs) {
    layout.queries.push_back(glob);
    reasons.push_back(fmt::format("{} .sql file{} with queries ({})", count, count == 1 ? "" : "s", glob));
  }
  for (const auto& [glob, files] : query_sources) {
    layout.queries.push_back(glob);
    reasons.push_back(fmt::format("{} source file{} with SQL string literals ({})", files.size(), files.size() == 1 ? "" : "s", glob));
  }
  layout.queries_evidence = fmt::format("{}", fmt::join(reasons, "; "));

  if (sqlite.score > postgres.score) {
    layout.dialect = Dialect::sqlite;
    layout.dialect_evidence = fmt::format("{}", fmt::join(sqlite.reasons, "; "));
  } else if (postgres.score > sqlite.score) {
    layout.dialect = Dialect::postgres;
    layout.dialect_evidence = fmt::format("{}", fmt::join(postgres.reasons, "; "));
  }
  return layout;
}

std::string layout_config(const Layout& layout) {
  std::string out = "# migcompat: will the code that is running now survive the migrations about to run?\n"
                    "# Written by `migcompat init`; check the guesses below. Docs: README.md, `migcompat --help`.\n\n";
  if (layout.dialect) {
    out += fmt::format("# Found: {}\ndialect = \"{}\"\n\n", layout.dialect_evidence, dialect_name(*layout.dialect));
  } else {
    out += "# Could not tell the dialect from the code: set it.\ndialect = \"sqlite\"  # or \"postgres\"\n\n";
  }
  if (!layout.migrations.empty()) {
    out += fmt::format("# Found: {}\nmigrations = \"{}\"\n\n", layout.migrations_evidence, layout.migrations);
  } else {
    out += "# No migrations found: point this at the directory (or source file) that holds them.\n# migrations = \"db/migrations\"\n\n";
  }
  if (!layout.queries.empty()) {
    std::vector<std::string> quoted;
    for (const std::string& q : layout.queries) quoted.push_back("\"" + q + "\"");
    out += fmt::format("# Found: {}\nqueries = [{}]\n", layout.queries_evidence, fmt::join(quoted, ", "));
  } else {
    out += "# No queries found: list the files where the code's SQL lives (globs).\n# queries = [\"src/**/*.ts\"]\n";
  }
  out += "\n# Severities of the rules (`migcompat rules`), if the defaults do not suit:\n# [rules]\n# MC101 = \"error\"\n";
  return out;
}

}  // namespace mc
