#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>
#include <thread>

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

// A regular file is read in one call of its size + 1; sizes around the fallback chunk, an empty
// file and a pipe (no size: read in chunks to the end) must all come back whole.
TEST(TreeFiles, ReadWholeWhateverTheSize) {
  testing::TempTree tree;
  Tree t{"new", tree.root(), {}};
  SourceManager sources;
  for (size_t size : {size_t{0}, size_t{1}, size_t{65535}, size_t{65536}, size_t{65537}, size_t{300000}}) {
    std::string text;
    for (size_t i = 0; i < size; ++i) text += static_cast<char>('a' + i % 26);
    std::string path = "f" + std::to_string(size) + ".sql";
    tree.write(path, text);
    EXPECT_EQ(read_tree_file(sources, t, path).text(), text) << size << " bytes";
  }
  std::string fifo = (tree.root() / "pipe.sql").string();
  ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
  std::string piped(100000, 'x');
  std::thread writer([&] { std::ofstream(fifo, std::ios::binary) << piped; });
  EXPECT_EQ(read_tree_file(sources, t, "pipe.sql").text(), piped);
  writer.join();
}

TEST(Migrations, DirectoryInNaturalOrderWithoutDownFiles) {
  testing::TempTree tree;
  for (const char* name : {"10_c.up.sql", "2_b.up.sql", "1_a.up.sql", "1_a.down.sql", "README.md"}) {
    tree.write(std::string("m/") + name, "SELECT 1;");
  }
  SourceManager sources;
  TreeSettings settings;
  settings.migrations = {"m"};
  Tree t{"new", tree.root(), settings};
  CodeModules modules(sources, t);
  MigrationInputs m = load_migrations(sources, modules, t, Dialect::sqlite);
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
  settings.migrations = {"migrations.ts"};
  Tree t{"new", tree.root(), settings};
  CodeModules modules(sources, t);
  MigrationInputs m = load_migrations(sources, modules, t, Dialect::sqlite);
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

namespace mc {
namespace {

TEST(ForwardSections, GooseUpOnlyWithStatementBlocks) {
  SourceManager sources;
  const SourceFile& f = sources.add("m.sql", "m.sql",
                                    "-- +goose Up\nCREATE TABLE a (x int);\n-- +goose StatementBegin\nCREATE FUNCTION f() "
                                    "RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql;\n-- +goose StatementEnd\n-- +goose Down\nDROP TABLE a;\n");
  auto sections = forward_sections(f);
  ASSERT_EQ(sections.size(), 2u);
  EXPECT_EQ(sections[0].text, "CREATE TABLE a (x int);\n");
  EXPECT_FALSE(sections[0].single_statement);
  EXPECT_TRUE(sections[1].single_statement);
  EXPECT_EQ(sections[1].span(0, 6).to_string(), "m.sql:4:1");
}

TEST(ForwardSections, DbmateAndDrizzle) {
  SourceManager sources;
  const SourceFile& dbmate = sources.add("d.sql", "d.sql", "-- migrate:up\nSELECT 1;\n-- migrate:down\nSELECT 2;\n");
  auto up = forward_sections(dbmate);
  ASSERT_EQ(up.size(), 1u);
  EXPECT_EQ(up[0].text, "SELECT 1;\n");
  const SourceFile& drizzle = sources.add("z.sql", "z.sql", "SELECT 1;\n--> statement-breakpoint\nSELECT 2;\n");
  auto chunks = forward_sections(drizzle);
  ASSERT_EQ(chunks.size(), 2u);
  EXPECT_TRUE(chunks[1].single_statement);
  EXPECT_EQ(chunks[1].span(1, 2).to_string(), "z.sql:3:1");
}

TEST(Migrations, FlywayUndoAndDownFilesAreNotApplied) {
  EXPECT_TRUE(is_down_migration("U3__undo.sql"));
  EXPECT_TRUE(is_down_migration("0001_x.down.sql"));
  EXPECT_FALSE(is_down_migration("V3__do.sql"));
  EXPECT_FALSE(is_down_migration("Users_table.sql"));
}

}  // namespace
}  // namespace mc
