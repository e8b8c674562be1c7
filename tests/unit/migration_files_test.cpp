#include <gtest/gtest.h>

#include <map>

#include "base/diagnostic.h"
#include "inputs/migration_files.h"
#include "inputs/migrations.h"
#include "inputs/tree.h"
#include "test_tree.h"

namespace mc {
namespace {

std::vector<std::string> paths(const std::vector<MigrationFile>& files) {
  std::vector<std::string> out;
  for (const MigrationFile& f : files) out.push_back(f.path);
  return out;
}

TEST(Versions, ReadFromNames) {
  EXPECT_EQ(leading_version("V1_2__add.sql"), (Version{1, 2}));
  EXPECT_EQ(leading_version("B5__baseline.sql"), (Version{5}));
  EXPECT_EQ(leading_version("0.26"), (Version{0, 26}));
  EXPECT_EQ(leading_version("000001_create_users.up.sql"), (Version{1}));
  EXPECT_EQ(leading_version("20240101120000_init"), (Version{20240101120000}));
  EXPECT_EQ(leading_version("v2.1.0"), (Version{2, 1, 0}));
  EXPECT_EQ(leading_version("R__views.sql"), std::nullopt);
  EXPECT_EQ(leading_version("init.sql"), std::nullopt);
  EXPECT_EQ(leading_version("Vx.sql"), std::nullopt);
  // A version too long for 64 bits saturates instead of wrapping around.
  EXPECT_EQ(leading_version("99999999999999999999999_x"), (Version{UINT64_MAX}));
}

TEST(Versions, NumericOrderWithPrefixesFirst) {
  EXPECT_TRUE(version_less({0, 2}, {0, 10}));
  EXPECT_TRUE(version_less({0, 10}, {0, 10, 1}));
  EXPECT_FALSE(version_less({0, 10}, {0, 10}));
  EXPECT_FALSE(version_less({1}, {0, 99}));
  EXPECT_EQ(version_text({0, 26}), "0.26");
}

TEST(MigrationFiles, VersionFoldersInNumericOrder) {
  testing::TempTree tree;
  for (const char* name : {"m/0.10/01__b.sql", "m/0.10/00__a.sql", "m/0.2/00__init.sql", "m/0.9.sql", "m/notes/x.sql"}) {
    tree.write(name, "SELECT 1;");
  }
  Tree t{"new", tree.root(), {}};
  MigrationFileList list = list_migration_files(t, {"m"}, {});
  EXPECT_EQ(paths(list.files), (std::vector<std::string>{"m/0.2/00__init.sql", "m/0.9.sql", "m/0.10/00__a.sql", "m/0.10/01__b.sql"}));
  EXPECT_EQ(list.files[2].version, (Version{0, 10}));  // the folder's version
  ASSERT_EQ(list.skipped.size(), 1u);
  EXPECT_EQ(list.skipped[0].path, "m/notes/");
}

// The listing reads entry types from the directory; links are followed (a linked version folder
// and a linked file are migrations like any other), a dangling link is nothing.
TEST(MigrationFiles, LinksAreFollowed) {
  testing::TempTree tree;
  tree.write("shared/0.3/00__c.sql", "SELECT 1;");
  tree.write("shared/2_b.sql", "SELECT 1;");
  tree.write("m/1_a.sql", "SELECT 1;");
  std::filesystem::create_directory_symlink(tree.root() / "shared/0.3", tree.root() / "m/0.3");
  std::filesystem::create_symlink(tree.root() / "shared/2_b.sql", tree.root() / "m/2_b.sql");
  std::filesystem::create_symlink(tree.root() / "nowhere.sql", tree.root() / "m/4_gone.sql");
  Tree t{"new", tree.root(), {}};
  MigrationFileList list = list_migration_files(t, {"m"}, {});
  EXPECT_EQ(paths(list.files), (std::vector<std::string>{"m/0.3/00__c.sql", "m/1_a.sql", "m/2_b.sql"}));
}

TEST(MigrationFiles, RootsInTheStatedOrder) {
  testing::TempTree tree;
  tree.write("core/1_a.sql", "SELECT 1;");
  tree.write("app/1_b.sql", "SELECT 1;");
  tree.write("schema.ts", "");
  Tree t{"new", tree.root(), {}};
  MigrationFileList list = list_migration_files(t, {"core", "app", "schema.ts"}, {});
  EXPECT_EQ(paths(list.files), (std::vector<std::string>{"core/1_a.sql", "app/1_b.sql", "schema.ts"}));
  EXPECT_TRUE(list.files[2].root_file);
  EXPECT_THROW(list_migration_files(t, {"nowhere"}, {}), InputError);
}

TEST(MigrationFiles, DialectVariantsAndFolders) {
  testing::TempTree tree;
  for (const char* name : {"m/1_a.sql", "m/2_b.sql", "m/2_b.sql.postgres", "m/2_b.sql.sqlite", "m/postgres/3_c.sql",
                           "m/sqlite/3_c.sql", "m/4_d.sql"}) {
    tree.write(name, "SELECT 1;");
  }
  Tree t{"new", tree.root(), {}};
  MigrationFileOptions options;
  options.dialect = Dialect::postgres;
  MigrationFileList list = list_migration_files(t, {"m"}, options);
  EXPECT_EQ(paths(list.files), (std::vector<std::string>{"m/1_a.sql", "m/2_b.sql.postgres", "m/postgres/3_c.sql", "m/4_d.sql"}));
  options.dialect = Dialect::sqlite;
  list = list_migration_files(t, {"m"}, options);
  EXPECT_EQ(paths(list.files), (std::vector<std::string>{"m/1_a.sql", "m/2_b.sql.sqlite", "m/sqlite/3_c.sql", "m/4_d.sql"}));
  // Without a dialect, a variant cannot be chosen: an error, not a guess.
  EXPECT_THROW(list_migration_files(t, {"m"}, {}), InputError);
}

// Regression: a short name ending in a dialect (`app.sqlite`, a database file) is no `x.sql.<dialect>`
// variant; the check once took any three-character stem for one (an unsigned `dot - 4` wrapped).
TEST(MigrationFiles, ShortNamesEndingInADialectAreNoVariants) {
  testing::TempTree tree;
  for (const char* name : {"m/1_a.sql", "m/app.sqlite", "m/dev.pg"}) tree.write(name, "SELECT 1;");
  Tree t{"new", tree.root(), {}};
  MigrationFileOptions options;
  options.dialect = Dialect::postgres;
  MigrationFileList list = list_migration_files(t, {"m"}, options);
  EXPECT_EQ(paths(list.files), (std::vector<std::string>{"m/1_a.sql"}));
  EXPECT_TRUE(list.skipped.empty()) << list.skipped.front().path << ": " << list.skipped.front().reason;
}

TEST(MigrationFiles, HighestBaselineNotAboveTheNewestMigration) {
  testing::TempTree tree;
  for (const char* name : {"m/V1__a.sql", "m/V2__b.sql", "m/B2__base.sql", "m/V3__c.sql", "m/B9__future.sql", "m/B1__old.sql"}) {
    tree.write(name, "SELECT 1;");
  }
  Tree t{"new", tree.root(), {}};
  MigrationFileList list = list_migration_files(t, {"m"}, {});
  ASSERT_EQ(list.files.size(), 4u);
  EXPECT_EQ(list.files[0].path, "m/B2__base.sql");
  EXPECT_TRUE(list.files[0].baseline);
  EXPECT_EQ(list.files[1].covered_by, "m/B2__base.sql");  // V1
  EXPECT_EQ(list.files[2].covered_by, "m/B2__base.sql");  // V2
  EXPECT_EQ(list.files[3].path, "m/V3__c.sql");
  EXPECT_EQ(list.files[3].covered_by, "");
  EXPECT_EQ(list.skipped.size(), 2u);  // B9 (newer than V3) and B1 (older than B2)
}

TEST(MigrationFiles, BaselineDirectoryNeedsVersionedNames) {
  testing::TempTree tree;
  tree.write("m/0.21/00__x.sql", "SELECT 1;");
  tree.write("base/schema.sql", "SELECT 1;");
  Tree t{"new", tree.root(), {}};
  MigrationFileOptions options;
  options.baselines = "base";
  EXPECT_THROW(list_migration_files(t, {"m"}, options), InputError);
}

TEST(MigrationFiles, CodeMigrationsAndIgnoredFiles) {
  testing::TempTree tree;
  for (const char* name : {"m/00001_a.sql", "m/00002_b.go", "m/main.go", "m/00002_b_test.go", "m/00003_c.gen.sql", "m/00004_d.down.sql"}) {
    tree.write(name, "SELECT 1;");
  }
  Tree t{"new", tree.root(), {}};
  MigrationFileOptions options;
  options.ignore = {"m/*.gen.sql"};
  MigrationFileList list = list_migration_files(t, {"m"}, options);
  EXPECT_EQ(paths(list.files), (std::vector<std::string>{"m/00001_a.sql"}));
  EXPECT_EQ(paths(list.not_replayable), (std::vector<std::string>{"m/00002_b.go"}));
  EXPECT_EQ(list.skipped.size(), 2u);  // ignored, and the down file
}

TEST(MigrationFiles, DrizzleJournalMalformed) {
  testing::TempTree tree;
  tree.write("d/0000_a.sql", "SELECT 1;");
  tree.write("d/meta/_journal.json", "{\"entries\": [{\"idx\": 0}]}");
  Tree t{"new", tree.root(), {}};
  try {
    list_migration_files(t, {"d"}, {});
    FAIL() << "expected an InputError";
  } catch (const InputError& e) {
    EXPECT_NE(e.message.find("without a \"tag\""), std::string::npos) << e.message;
    EXPECT_EQ(e.location_text, "d/meta/_journal.json");
  }
  // A stated format other than Drizzle orders by name and never reads the journal.
  MigrationFileOptions options;
  options.format = MigrationFormat::plain;
  EXPECT_EQ(list_migration_files(t, {"d"}, options).files.size(), 1u);
}

}  // namespace
}  // namespace mc

namespace mc {
namespace {

TEST(MigrationFiles, DownFilesArePairedWithTheirMigrations) {
  testing::TempTree tree;
  for (const char* name : {"m/1_a.up.sql", "m/1_a.down.sql", "m/V2__b.sql", "m/U2__undo_b.sql", "m/3_c.sql", "m/9_x.down.sql"}) {
    tree.write(name, "SELECT 1;");
  }
  Tree t{"new", tree.root(), {}};
  MigrationFileList list = list_migration_files(t, {"m"}, {});
  std::map<std::string, std::string> down_of;
  for (const MigrationFile& f : list.files) down_of[f.path] = f.down_path;
  EXPECT_EQ(down_of, (std::map<std::string, std::string>{
                         {"m/1_a.up.sql", "m/1_a.down.sql"}, {"m/3_c.sql", ""}, {"m/V2__b.sql", "m/U2__undo_b.sql"}}));
  ASSERT_EQ(list.skipped.size(), 1u);
  EXPECT_EQ(list.skipped[0].path, "m/9_x.down.sql");
}

TEST(MigrationSections, GooseDownSectionsAreKeptApart) {
  SourceManager sources;
  const SourceFile& file = sources.add("m.sql", "m.sql",
                                       "-- +goose Up\nCREATE TABLE t (a int);\n-- +goose Down\n-- +goose StatementBegin\n"
                                       "DROP TABLE t;\n-- +goose StatementEnd\n",
                                       "new");
  std::vector<SqlText> up = forward_sections(file);
  std::vector<SqlText> down = down_sections(file);
  ASSERT_EQ(up.size(), 1u);
  EXPECT_EQ(up[0].text, "CREATE TABLE t (a int);\n");
  ASSERT_EQ(down.size(), 1u);
  EXPECT_EQ(down[0].text, "DROP TABLE t;\n");
  EXPECT_TRUE(down[0].single_statement);
}

}  // namespace
}  // namespace mc
