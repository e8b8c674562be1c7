// The deployed replay on SQLite in independent parts: how statements split, and that the merged
// database is the one a single database replaying the whole history ends with.
#include <gtest/gtest.h>

#include "analyses/sqlite_parts.h"
#include "analyses/sqlite_proof.h"
#include "base/diagnostic.h"
#include "catalog/diff.h"
#include "sql/sqlite/splitter.h"

namespace mc {
namespace {

struct History {
  SourceManager sources;
  SqlText text;
  std::vector<Statement> statements;
  explicit History(const std::string& sql) {
    const SourceFile& f = sources.add("m.sql", "m.sql", sql);
    text = SqlText{&f, f.text(), SourceMap::identity(0)};
    statements = sqlite::split(text);
  }
};

// The database one connection ends with, statement after statement.
std::string replayed_whole(const History& h) {
  sqlite::Database db;
  for (const Statement& s : h.statements) {
    if (auto error = db.execute(s.text())) ADD_FAILURE() << s.text() << ": " << *error;
  }
  return db.dump();
}

std::vector<uint32_t> parts_of(const std::string& sql) {
  History h(sql);
  std::optional<ReplayParts> parts = partition_statements(h.statements);
  return parts ? parts->part_of : std::vector<uint32_t>{};
}

constexpr uint32_t every = ReplayParts::every_part;
constexpr uint32_t none = ReplayParts::no_part;

TEST(SqliteParts, StatementsJoinThePartOfEveryObjectTheyName) {
  EXPECT_EQ(parts_of("CREATE TABLE a (x); CREATE TABLE b (y); ALTER TABLE a ADD COLUMN z; CREATE INDEX b_y ON b (y);"),
            (std::vector<uint32_t>{0, 1, 0, 1}));
  // A view over two tables makes one part of both, from the first statement on.
  EXPECT_EQ(parts_of("CREATE TABLE a (x); CREATE TABLE b (y); CREATE VIEW v AS SELECT * FROM a JOIN b; "
                     "INSERT INTO b VALUES (1);"),
            (std::vector<uint32_t>{0, 0, 0, 0}));
  // A foreign key, a trigger's body, a renamed table's new name; quoting and case do not matter.
  EXPECT_EQ(parts_of("CREATE TABLE \"Users\" (id); CREATE TABLE posts (u REFERENCES users); CREATE TABLE c (x); "
                     "CREATE TABLE log (w); CREATE TRIGGER c_log AFTER INSERT ON [C] BEGIN INSERT INTO log VALUES (1); END; "
                     "ALTER TABLE log RENAME TO journal; INSERT INTO Journal VALUES (2);"),
            (std::vector<uint32_t>{0, 0, 1, 1, 1, 1, 1}));
  // A column that shares a table's name joins it, which is only ever too careful.
  EXPECT_EQ(parts_of("CREATE TABLE a (x); CREATE TABLE b (a);"), (std::vector<uint32_t>{0, 0}));
}

TEST(SqliteParts, SettingsGoToEveryPartTransactionsToNone) {
  EXPECT_EQ(parts_of("PRAGMA foreign_keys = ON; BEGIN; CREATE TABLE a (x); CREATE TABLE b (y); COMMIT; "
                     "PRAGMA foreign_keys; PRAGMA user_version = 3;"),
            (std::vector<uint32_t>{every, none, 0, 1, none, none, every}));
}

TEST(SqliteParts, WhatTheTextCannotTellIsReplayedWhole) {
  for (const char* sql : {"CREATE TABLE a (x); PRAGMA page_size = 8192;",
                          "BEGIN; PRAGMA foreign_keys = OFF; COMMIT;",  // a no-op inside a transaction
                          "CREATE TABLE a (x); ROLLBACK;", "SAVEPOINT s;", "CREATE TEMP TABLE a (x);",
                          "CREATE VIRTUAL TABLE f USING fts5 (body);", "CREATE TABLE other.a (x);",
                          "CREATE TABLE a (x INTEGER PRIMARY KEY AUTOINCREMENT); DELETE FROM sqlite_sequence;",
                          "ATTACH ':memory:' AS aux;", "ANALYZE;", "VACUUM;", "PRAGMA main.user_version = 1;"}) {
    History h(sql);
    EXPECT_FALSE(partition_statements(h.statements)) << sql;
  }
}

// Every kind of state a part can hold, merged: rowids with gaps in a table without INTEGER
// PRIMARY KEY, AUTOINCREMENT counters above the largest rowid, WITHOUT ROWID tables, generated
// columns, triggers that must not fire again on the copy, a rename that rewrites a view and a
// foreign key, columns dropped, quoted names, and the settings.
TEST(SqliteParts, MergedDatabaseIsTheWholeReplays) {
  History h(R"(
PRAGMA foreign_keys = ON;
BEGIN;
CREATE TABLE users (id INTEGER PRIMARY KEY AUTOINCREMENT, email TEXT NOT NULL UNIQUE);
CREATE TABLE posts (id INTEGER PRIMARY KEY, user_id INTEGER REFERENCES users (id) ON DELETE CASCADE, body TEXT);
COMMIT;
CREATE TABLE tags (name TEXT);
INSERT INTO tags VALUES ('a'), ('b'), ('c');
DELETE FROM tags WHERE name = 'b';
CREATE TABLE kv (k TEXT PRIMARY KEY, v) WITHOUT ROWID;
INSERT INTO kv VALUES ('x', 1);
CREATE TABLE audit (what TEXT);
CREATE TRIGGER kv_audit AFTER INSERT ON kv BEGIN INSERT INTO audit VALUES (new.k); END;
INSERT INTO kv VALUES ('y', 2);
INSERT INTO users (email) VALUES ('a@x'), ('b@x');
INSERT INTO posts (user_id, body) VALUES (1, 'hi');
DELETE FROM users WHERE email = 'b@x';
ALTER TABLE users ADD COLUMN name TEXT DEFAULT 'n';
CREATE VIEW user_names AS SELECT id, name FROM users;
ALTER TABLE users RENAME TO accounts;
CREATE TABLE measures (a INTEGER, b INTEGER GENERATED ALWAYS AS (a * 2) VIRTUAL);
INSERT INTO measures (a) VALUES (3);
CREATE INDEX measures_a ON measures (a);
ALTER TABLE measures ADD COLUMN c TEXT;
ALTER TABLE measures DROP COLUMN c;
CREATE TABLE "Mixed Case" ("select" TEXT);
INSERT INTO [mixed case] VALUES ('q');
PRAGMA user_version = 7;
)");
  std::string whole = replayed_whole(h);
  sqlite::Database parted;
  EXPECT_EQ(apply_deployed_on_sqlite(parted, h.statements), 5u) << "accounts+posts, tags, kv+audit, measures, Mixed Case";
  EXPECT_EQ(parted.dump(), whole);
  // The dump holds what it should, so that the comparison can fail.
  EXPECT_NE(whole.find("rows of tags:\n  1 'a'\n  3 'c'\n"), std::string::npos) << whole;
  EXPECT_NE(whole.find("rows of sqlite_sequence:\n  'accounts' 2\n"), std::string::npos) << whole;
  EXPECT_NE(whole.find("rows of audit:\n  1 'y'\n"), std::string::npos) << whole;
  EXPECT_NE(whole.find("settings:\n  7 1 0\n"), std::string::npos) << whole;
}

// A part that fails: the history is replayed whole, and the error is the whole replay's, at the
// statement that fails there.
TEST(SqliteParts, FailureIsTheWholeReplays) {
  History h("CREATE TABLE a (x); CREATE TABLE b (y); ALTER TABLE a ADD COLUMN x TEXT;");
  sqlite::Database db;
  try {
    apply_deployed_on_sqlite(db, h.statements);
    FAIL() << "the duplicate column applied";
  } catch (const InputError& e) {
    EXPECT_NE(e.message.find("duplicate column name: x"), std::string::npos) << e.message;
    EXPECT_EQ(e.where.to_string(), "m.sql:1:41");
  }
}

// A view or trigger that names a missing table is accepted by SQLite, but then every ALTER TABLE
// ... RENAME fails, whichever table it renames: the part with the rename never saw the view, so
// the merge must notice and the history be replayed whole.
TEST(SqliteParts, BrokenObjectElsewhereFailsAsInTheWholeReplay) {
  for (std::string broken : {"CREATE VIEW v AS SELECT * FROM missing",
                             "CREATE TRIGGER v AFTER INSERT ON a BEGIN INSERT INTO missing VALUES (1); END"}) {
    History h("CREATE TABLE a (x); " + broken + "; CREATE TABLE b (y); ALTER TABLE b RENAME COLUMN y TO z;");
    ASSERT_GE(partition_statements(h.statements)->parts, 2u) << "the rename is in a part of its own";
    sqlite::Database db;
    try {
      apply_deployed_on_sqlite(db, h.statements);
      ADD_FAILURE() << "the rename applied after " << broken;
    } catch (const InputError& e) {
      EXPECT_NE(e.message.find("no such table: main.missing"), std::string::npos) << e.message;
      EXPECT_EQ(e.where.to_string().substr(0, 7), "m.sql:1") << e.where.to_string();
    }
  }
}

void run_or_throw(sqlite::Database& db, const Statement& s) {
  if (auto error = db.execute(s.text())) throw InputError{*error, s.span(), {}};
}

// The new statements run on a new connection, as on a copy of the deployed database: the
// deployed ones' foreign_keys does not hold there (the orphan row goes in), user_version does.
// Each new statement is run once, in its part; both merged databases are the whole replay's.
TEST(SqliteParts, NewStatementsRunOnANewConnection) {
  History h("PRAGMA foreign_keys = ON; PRAGMA user_version = 3; CREATE TABLE a (id INTEGER PRIMARY KEY); "
            "CREATE TABLE b (a_id REFERENCES a (id)); CREATE TABLE c (x); "
            "INSERT INTO b VALUES (5); INSERT INTO c VALUES (1); PRAGMA recursive_triggers = ON; CREATE TABLE d (y);");
  const size_t cut = 5;
  sqlite::Database whole_deployed, whole_next;
  for (size_t i = 0; i < cut; ++i) run_or_throw(whole_deployed, h.statements[i]);
  whole_deployed.copy_to(whole_next);
  for (size_t i = cut; i < h.statements.size(); ++i) run_or_throw(whole_next, h.statements[i]);

  std::optional<ReplayParts> parts = partition_statements(h.statements);
  ASSERT_TRUE(parts);
  EXPECT_EQ(parts->parts, 3u) << "a+b, c, d";
  std::vector<int> runs(h.statements.size(), 0);
  PartsRun run{h.statements, cut, run_or_throw,
               [&](sqlite::Database& db, size_t i) {
                 ++runs[i];
                 run_or_throw(db, h.statements[i]);
               },
               run_or_throw};
  sqlite::Database deployed, next;
  ASSERT_TRUE(replay_in_parts(*parts, run, deployed, &next));
  EXPECT_EQ(runs, (std::vector<int>{0, 0, 0, 0, 0, 1, 1, 0, 1}));
  EXPECT_EQ(deployed.dump(), whole_deployed.dump());
  EXPECT_EQ(next.dump(), whole_next.dump());
  EXPECT_NE(whole_deployed.dump().find("settings:\n  3 1 0\n"), std::string::npos) << whole_deployed.dump();
  EXPECT_NE(whole_next.dump().find("settings:\n  3 0 0\n"), std::string::npos) << whole_next.dump();
  EXPECT_NE(whole_next.dump().find("rows of b:\n  1 5\n"), std::string::npos) << whole_next.dump();
}

// A new statement that fails in its part: nothing is merged, the caller replays whole.
TEST(SqliteParts, FailingNewStatementLeavesTheDatabasesUntouched) {
  History h("CREATE TABLE a (x); CREATE TABLE b (y); INSERT INTO b VALUES (1); ALTER TABLE a ADD COLUMN x;");
  std::optional<ReplayParts> parts = partition_statements(h.statements);
  ASSERT_TRUE(parts);
  PartsRun run{h.statements, 2, run_or_throw, [&](sqlite::Database& db, size_t i) { run_or_throw(db, h.statements[i]); },
               run_or_throw};
  sqlite::Database deployed, next;
  EXPECT_FALSE(replay_in_parts(*parts, run, deployed, &next));
  EXPECT_EQ(deployed.dump(), sqlite::Database().dump());
  EXPECT_EQ(next.dump(), sqlite::Database().dump());
}

TEST(SqliteParts, QueriesReachOnlyThePartsTheyName) {
  History h("CREATE TABLE a (x); CREATE TABLE b (y); CREATE VIEW bv AS SELECT y FROM b; CREATE TABLE c (z);");
  std::optional<ReplayParts> parts = partition_statements(h.statements);
  ASSERT_TRUE(parts);
  ASSERT_EQ(parts->parts, 3u);
  EXPECT_EQ(parts_named_in(*parts, {"SELECT * FROM BV", "INSERT INTO a VALUES (1)"}), (std::vector<bool>{true, true, false}));
  EXPECT_EQ(parts_named_in(*parts, {"SELECT 1", "SELECT x FROM nowhere"}), (std::vector<bool>{false, false, false}));
  EXPECT_EQ(parts_named_in(*parts, {"SELECT name FROM sqlite_master"}), (std::vector<bool>{true, true, true}));
}

// Merging only the parts the queries name: the databases hold just those, the deployed catalog
// all of the schema, as the one-database replay reads it.
TEST(SqliteParts, CatalogOfEveryPartDatabasesOfTheNamedOnes) {
  History h("CREATE TABLE a (x); CREATE INDEX a_x ON a (x); CREATE TABLE b (y); CREATE VIEW bv AS SELECT y FROM b; "
            "CREATE TRIGGER b_t AFTER INSERT ON b BEGIN SELECT 1; END; ALTER TABLE a ADD COLUMN w; CREATE TABLE c (z);");
  sqlite::Database whole;
  for (const Statement& s : h.statements) run_or_throw(whole, s);
  std::optional<ReplayParts> parts = partition_statements(h.statements);
  ASSERT_TRUE(parts);
  std::vector<bool> named = parts_named_in(*parts, {"SELECT z FROM c"});
  catalog::Catalog schema;
  PartsRun run{h.statements, h.statements.size(), run_or_throw, nullptr, run_or_throw, &named, &schema};
  sqlite::Database deployed;
  ASSERT_TRUE(replay_in_parts(*parts, run, deployed, nullptr));
  EXPECT_TRUE(deployed.has_relation("c"));
  EXPECT_FALSE(deployed.has_relation("a"));
  EXPECT_FALSE(deployed.has_relation("bv"));
  catalog::Catalog expected = whole.read_catalog();
  EXPECT_EQ(schema.relations().size(), 4u);
  EXPECT_EQ(schema.indexes().size(), expected.indexes().size());
  EXPECT_TRUE(catalog::diff(expected, schema).empty());
  EXPECT_TRUE(catalog::diff(schema, expected).empty());
  ASSERT_TRUE(schema.find_relation("b"));
  EXPECT_EQ(schema.find_relation("b")->triggers.size(), 1u);
  EXPECT_EQ(schema.find_relation("a")->columns.size(), 2u);
}

}  // namespace
}  // namespace mc
