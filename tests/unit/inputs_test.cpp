#include <gtest/gtest.h>

#include "base/diagnostic.h"
#include "inputs/migrations.h"
#include "inputs/tree.h"
#include "test_tree.h"

namespace mc {
namespace {

TEST(Glob, SegmentsAndDoubleStar) {
  EXPECT_TRUE(glob_match("queries/*.sql", "queries/a.sql"));
  EXPECT_FALSE(glob_match("queries/*.sql", "queries/x/a.sql"));
  EXPECT_TRUE(glob_match("backend/**/*.ts", "backend/database/queries.ts"));
  EXPECT_TRUE(glob_match("backend/**/*.ts", "backend/main.ts"));
  EXPECT_TRUE(glob_match("src/**/*.{ts,js}", "src/a/b.js"));
  EXPECT_FALSE(glob_match("src/**/*.{ts,js}", "src/a/b.py"));
}

TEST(Migrations, DirectoryInNaturalOrderWithoutDownFiles) {
  testing::TempTree tree;
  for (const char* name : {"10_c.up.sql", "2_b.up.sql", "1_a.up.sql", "1_a.down.sql", "README.md"}) {
    tree.write(std::string("m/") + name, "SELECT 1;");
  }
  SourceManager sources;
  TreeSettings settings;
  settings.migrations = "m";
  Tree t{"new", tree.root(), settings};
  CodeModules modules(sources, t);
  MigrationInputs m = load_migrations(sources, modules, t);
  ASSERT_EQ(m.sources.size(), 3u);
  EXPECT_EQ(m.sources[0].path, "m/1_a.up.sql");
  EXPECT_EQ(m.sources[1].path, "m/2_b.up.sql");
  EXPECT_EQ(m.sources[2].path, "m/10_c.up.sql");
  EXPECT_FALSE(m.sources[0].per_statement);
}

TEST(Migrations, SourceFileStatementsAreUnits) {
  testing::TempTree tree;
  tree.write("migrations.ts", "await sqlite.batch([\n  \"CREATE TABLE a (x)\",\n  { sql: `ALTER TABLE a ADD COLUMN y`, args: [] },\n]);\n");
  SourceManager sources;
  TreeSettings settings;
  settings.migrations = "migrations.ts";
  Tree t{"new", tree.root(), settings};
  CodeModules modules(sources, t);
  MigrationInputs m = load_migrations(sources, modules, t);
  ASSERT_EQ(m.sources.size(), 1u);
  EXPECT_TRUE(m.sources[0].per_statement);
  ASSERT_EQ(m.sources[0].texts.size(), 2u);
  EXPECT_EQ(m.sources[0].texts[1].text, "ALTER TABLE a ADD COLUMN y");
  EXPECT_EQ(m.sources[0].texts[1].span(0, 5).to_string(), "migrations.ts:3:11");
}

TEST(Config, MalformedTomlGivesLocation) {
  testing::TempTree tree;
  tree.write("migcompat.toml", "dialect = \"sqlite\"\nqueries = [1, 2]\n");
  try {
    load_tree_settings(tree.root());
    FAIL() << "expected an InputError";
  } catch (const InputError& e) {
    EXPECT_NE(e.location_text.find("migcompat.toml:2:"), std::string::npos) << e.location_text;
    EXPECT_NE(e.message.find("glob"), std::string::npos);
  }
}

}  // namespace
}  // namespace mc
