// Google Benchmark micro-benchmarks of the hot paths: statement splitting (both dialects), SQL
// literal extraction from TypeScript, PostgreSQL parse trees (both routes) and parse-to-model,
// catalog replay and name resolution. Inputs are generated here, deterministically. Run: build/bench/micro
#include <benchmark/benchmark.h>
#include <fmt/format.h>
#include <pg_query.h>

#include <string>
#include <vector>

#include "analyses/name_resolution.h"
#include "analyses/postgres_check.h"
#include "inputs/code_scan.h"
#include "sql/postgres/json_tree.h"
#include "sql/postgres/parser.h"
#include "sql/postgres/splitter.h"
#include "sql/postgres/unpack_arena.h"
#include "sql/sqlite/splitter.h"

namespace {

using namespace mc;

// N migration statements over a few tables: creates, ALTER sub-commands, indexes, views, backfills.
std::string migration_text(int n) {
  std::string out;
  for (int i = 0; i < n; ++i) {
    int t = i % 20;
    if (i < 20) out += fmt::format("CREATE TABLE t{} (id bigint PRIMARY KEY, a text NOT NULL DEFAULT '', b integer);\n", t);
    else if (i % 4 == 0) out += fmt::format("ALTER TABLE t{} ADD COLUMN c{} text;\n", t, i);
    else if (i % 4 == 1) out += fmt::format("CREATE INDEX t{}_i{} ON t{} (a);\n", t, i, t);
    else if (i % 4 == 2) out += fmt::format("UPDATE t{} SET b = 1 WHERE b IS NULL;\n", t);
    else out += fmt::format("CREATE OR REPLACE VIEW t{}_v{} AS SELECT id, a FROM t{};\n", t, i, t);
  }
  return out;
}

std::string query_text(int i) {
  int t = i % 20;
  switch (i % 3) {
    case 0: return fmt::format("SELECT x.id, x.a, y.b FROM t{} x JOIN t{} y ON y.id = x.id WHERE x.a = $1", t, (t + 1) % 20);
    case 1: return fmt::format("INSERT INTO t{} (a, b) VALUES ($1, $2) RETURNING id", t);
    default: return fmt::format("WITH r AS (SELECT id FROM t{} WHERE b > $1) UPDATE t{} SET a = $2 WHERE id IN (SELECT id FROM r)", t, t);
  }
}

struct Fixture {
  SourceManager sources;
  const SourceFile* file;
  SqlText text;
  explicit Fixture(std::string sql)
      : file(&sources.add("bench.sql", "bench.sql", std::move(sql))), text{file, file->text(), SourceMap::identity(0)} {}
};

void BM_SplitPostgres(benchmark::State& state) {
  Fixture f(migration_text(static_cast<int>(state.range(0))));
  for (auto _ : state) benchmark::DoNotOptimize(postgres::split(f.text));
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_SplitPostgres)->Arg(1000)->Arg(4000);

void BM_SplitSqlite(benchmark::State& state) {
  Fixture f(migration_text(static_cast<int>(state.range(0))));
  for (auto _ : state) benchmark::DoNotOptimize(sqlite::split(f.text));
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_SplitSqlite)->Arg(1000)->Arg(4000);

void BM_ScanTypeScript(benchmark::State& state) {
  std::string ts;
  for (int i = 0; i < state.range(0); ++i) {
    ts += fmt::format("export async function q{}(db: Db, v: string) {{\n  return db.query(`{}`, [v]);\n}}\n", i, query_text(i));
  }
  for (auto _ : state) benchmark::DoNotOptimize(scan_js(ts));
  state.SetItemsProcessed(state.iterations() * state.range(0));
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(ts.size()));
}
BENCHMARK(BM_ScanTypeScript)->Arg(1000);

std::vector<std::string> migration_statements() {
  Fixture f(migration_text(400));
  std::vector<std::string> out;
  for (const Statement& s : postgres::split(f.text)) out.emplace_back(s.text());
  return out;
}

// The two routes from a migration statement to its protobuf-c tree (sql/postgres/json_tree.h):
// libpg_query's protobuf output unpacked, and its JSON output read through the descriptors.
void BM_TreeViaProtobuf(benchmark::State& state) {
  std::vector<std::string> statements = migration_statements();
  size_t i = 0;
  for (auto _ : state) {
    PgQueryProtobufParseResult result = pg_query_parse_protobuf(statements[i++ % statements.size()].c_str());
    postgres::UnpackArena arena;
    benchmark::DoNotOptimize(pg_query__parse_result__unpack(arena.allocator(), result.parse_tree.len,
                                                            reinterpret_cast<const uint8_t*>(result.parse_tree.data)));
    pg_query_free_protobuf_parse_result(result);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_TreeViaProtobuf);

void BM_TreeViaJson(benchmark::State& state) {
  std::vector<std::string> statements = migration_statements();
  size_t i = 0;
  for (auto _ : state) {
    PgQueryParseResult result = pg_query_parse(statements[i++ % statements.size()].c_str());
    postgres::UnpackArena arena;
    benchmark::DoNotOptimize(postgres::read_json_tree(result.parse_tree, arena.allocator()));
    pg_query_free_parse_result(result);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_TreeViaJson);

void BM_ParsePostgresQuery(benchmark::State& state) {
  std::vector<std::string> queries;
  for (int i = 0; i < 300; ++i) queries.push_back(query_text(i));
  size_t i = 0;
  for (auto _ : state) benchmark::DoNotOptimize(postgres::parse(queries[i++ % queries.size()]));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ParsePostgresQuery);

// Replay into the catalog, with the diff and blame of every statement (the static check).
void BM_CatalogReplay(benchmark::State& state) {
  Fixture f(migration_text(static_cast<int>(state.range(0))));
  MigrationPlan plan;
  plan.incoming = postgres::split(f.text);
  for (auto _ : state) benchmark::DoNotOptimize(check_postgres_statically(plan, {}));
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_CatalogReplay)->Arg(1000)->Arg(2000)->Unit(benchmark::kMillisecond);

void BM_NameResolution(benchmark::State& state) {
  Fixture f(migration_text(400));
  MigrationPlan plan;
  plan.deployed = postgres::split(f.text);
  PostgresStaticResult replayed = check_postgres_statically(plan, {});
  std::vector<sql::QueryModel> models;
  for (int i = 0; i < 300; ++i) models.push_back(*postgres::parse(query_text(i)).query);
  NameResolver resolver(replayed.replay.deployed);
  size_t i = 0;
  for (auto _ : state) benchmark::DoNotOptimize(resolver.check(models[i++ % models.size()]));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_NameResolution);

}  // namespace

BENCHMARK_MAIN();
