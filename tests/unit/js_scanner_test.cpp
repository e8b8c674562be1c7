#include <gtest/gtest.h>

#include "base/source.h"
#include "inputs/js_scanner.h"
#include "inputs/code_sql.h"
#include "inputs/concatenation.h"
#include "inputs/sql_shape.h"
#include "test_tree.h"

namespace mc {
namespace {

TEST(CodeScanner, FindsStringsAndTemplatesWithOffsets) {
  std::string src = "const a = 'x\\'y';\nconst b = `SELECT ${a} FROM t`;\n// 'not a string'\n";
  CodeScan scan = scan_js(src);
  ASSERT_EQ(scan.literals.size(), 2u);
  EXPECT_EQ(scan.literals[0].cooked, "x'y");
  EXPECT_EQ(scan.literals[1].cooked, "SELECT  FROM t");
  ASSERT_EQ(scan.literals[1].holes.size(), 1u);
  EXPECT_EQ(scan.literals[1].holes[0].expression, "a");
  EXPECT_EQ(scan.literals[1].holes[0].cooked_offset, 7u);
  // Every cooked byte knows where it came from.
  EXPECT_EQ(src[scan.literals[1].origin[0]], 'S');
  EXPECT_EQ(scan.constants.at("a"), 0u);
  EXPECT_EQ(scan.constants.at("b"), 1u);
}

TEST(CodeScanner, RegexLiteralsDoNotStartStrings) {
  CodeScan scan = scan_js("const re = /it's/g; const s = \"SELECT 1 FROM t\";");
  ASSERT_EQ(scan.literals.size(), 1u);
  EXPECT_EQ(scan.literals[0].cooked, "SELECT 1 FROM t");
}

TEST(CodeScanner, DivisionIsNotARegex) {
  CodeScan scan = scan_js("const x = a / b; const s = 'q'; const y = c / d;");
  ASSERT_EQ(scan.literals.size(), 1u);
  EXPECT_EQ(scan.literals[0].cooked, "q");
}

TEST(CodeScanner, NestedTemplatesInHoles) {
  CodeScan scan = scan_js("const s = `a ${cond ? `b${c}` : 'd'} e`;");
  // The outer template is recorded with its hole expression intact.
  bool found = false;
  for (const auto& lit : scan.literals) {
    if (lit.cooked == "a  e") {
      found = true;
      ASSERT_EQ(lit.holes.size(), 1u);
      EXPECT_EQ(lit.holes[0].expression, "cond ? `b${c}` : 'd'");
    }
  }
  EXPECT_TRUE(found);
}

TEST(CodeScanner, ImportsAndExports) {
  CodeScan scan = scan_js("import { TABLE, OTHER as O } from './migrations.ts';\nexport const X: string = \"v\";\n");
  EXPECT_EQ(scan.imports.at("TABLE").module, "./migrations.ts");
  EXPECT_EQ(scan.imports.at("O").exported, "OTHER");
  EXPECT_TRUE(scan.exported.count("X"));
}

TEST(CodeScanner, ConcatenationIsAConstantOnlyWhenItFolds) {
  const char* text = "const T = 'a' + b;\nconst U = 'a' + f();\n";
  CodeScan scan = scan_js(text);
  fold_concatenations(scan, text, ConcatenationSyntax::plus);
  ASSERT_TRUE(scan.constants.count("T"));
  const CodeLiteral& t = scan.literals[scan.constants["T"]];
  EXPECT_EQ(t.cooked, "a");
  ASSERT_EQ(t.holes.size(), 1u);
  EXPECT_EQ(t.holes[0].expression, "b");
  EXPECT_FALSE(scan.constants.count("U")) << "a call continues the value";
}

TEST(SqlShape, QueriesAndProse) {
  EXPECT_TRUE(looks_like_query("  SELECT id FROM t"));
  EXPECT_TRUE(looks_like_query("-- c\nINSERT INTO t (a) VALUES (?)"));
  EXPECT_TRUE(looks_like_query("update t set a = 1"));
  EXPECT_FALSE(looks_like_query("Select a file"));
  EXPECT_FALSE(looks_like_query("Update failed, try again"));
  EXPECT_FALSE(looks_like_query("Delete this item?"));
  EXPECT_TRUE(looks_like_migration_statement("CREATE TABLE t (a)"));
  EXPECT_FALSE(looks_like_migration_statement("Create an account"));
}

TEST(JsSql, ExactLocationsInsideMultilineTemplates) {
  testing::TempTree tree;
  tree.write("q.ts",
             "const TABLE = \"posts\";\n"
             "await db.execute(\n"
             "  `SELECT id,\n"
             "          body\n"
             "   FROM ${TABLE}`,\n"
             ");\n");
  SourceManager sources;
  Tree t{"old", tree.root(), {}};
  CodeModules modules(sources, t);
  CodeSqlResult r = modules.extract("q.ts", SqlRole::queries);
  ASSERT_EQ(r.sql.size(), 1u);
  const SqlText& sql = r.sql[0];
  EXPECT_EQ(sql.text, "SELECT id,\n          body\n   FROM posts");
  size_t body = sql.text.find("body");
  LineCol lc = sql.span(body, body + 4).start();
  EXPECT_EQ(lc.line, 4u);
  EXPECT_EQ(lc.column, 11u);
  // The substituted table name points at its `${`.
  size_t posts = sql.text.find("posts");
  LineCol at = sql.span(posts, posts + 5).start();
  EXPECT_EQ(at.line, 5u);
  EXPECT_EQ(at.column, 9u);
}

TEST(JsSql, ResolvesImportedConstantsAcrossModules) {
  testing::TempTree tree;
  tree.write("db/migrations.ts", "export const TABLE = `todos_${VERSION}`;\nexport const VERSION = \"v1\";\n");
  tree.write("db/queries.ts", "import { TABLE as T } from \"./migrations.ts\";\nq(`SELECT * FROM ${T}`);\n");
  SourceManager sources;
  Tree t{"old", tree.root(), {}};
  CodeModules modules(sources, t);
  CodeSqlResult r = modules.extract("db/queries.ts", SqlRole::queries);
  ASSERT_EQ(r.sql.size(), 1u);
  EXPECT_EQ(r.sql[0].text, "SELECT * FROM todos_v1");
  EXPECT_TRUE(r.unresolved.empty());
}

TEST(JsSql, UnresolvableInterpolationIsReportedWithItsLocation) {
  testing::TempTree tree;
  tree.write("q.ts", "function f(table) {\n  return db.execute(`SELECT a FROM ${table}`);\n}\n");
  SourceManager sources;
  Tree t{"old", tree.root(), {}};
  CodeModules modules(sources, t);
  CodeSqlResult r = modules.extract("q.ts", SqlRole::queries);
  EXPECT_TRUE(r.sql.empty());
  ASSERT_EQ(r.unresolved.size(), 1u);
  EXPECT_EQ(r.unresolved[0].where.to_string(), "q.ts:2:36");
  EXPECT_NE(r.unresolved[0].reason.find("table"), std::string::npos);
}

}  // namespace
}  // namespace mc
