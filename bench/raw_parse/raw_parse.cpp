// The floor `lint` is measured against: libpg_query's own cost on a corpus, with nothing of
// migcompat's around it. Reads the given .sql files, splits them with libpg_query's scanner and
// parses every statement on one thread, to JSON (what the 17 µs per statement refers to)
// and to protobuf (what migcompat uses). Prints seconds per step (the fastest of three runs) and
// per statement.
//   build/bench/raw_parse FILE...
#include <pg_query.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Every statement of every file, split by libpg_query's scanner.
std::vector<std::string> split_files(int argc, char** argv) {
  std::vector<std::string> statements;
  for (int i = 1; i < argc; ++i) {
    std::ifstream in(argv[i], std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    std::string sql = text.str();
    PgQuerySplitResult split = pg_query_split_with_scanner(sql.c_str());
    for (int k = 0; k < split.n_stmts; ++k) {
      const PgQuerySplitStmt* s = split.stmts[k];
      statements.push_back(sql.substr(static_cast<size_t>(s->stmt_location), static_cast<size_t>(s->stmt_len)));
    }
    pg_query_free_split_result(split);
  }
  return statements;
}

// Seconds of the fastest of three runs of `step` (the machine is shared: the least disturbed run).
template <class Step>
double fastest(Step step) {
  double best = 1e9;
  for (int round = 0; round < 3; ++round) {
    auto start = std::chrono::steady_clock::now();
    step();
    best = std::min(best, seconds_since(start));
  }
  return best;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: raw_parse FILE...\n");
    return 2;
  }
  // A directory or a missing file would read as empty and make the floor look free.
  for (int i = 1; i < argc; ++i) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(argv[i], ec)) {
      std::fprintf(stderr, "raw_parse: %s: not a readable file (pass the .sql files, e.g. DIR/*.sql)\n", argv[i]);
      return 2;
    }
  }
  std::vector<std::string> statements;
  double read_split = fastest([&] { statements = split_files(argc, argv); });
  size_t failed = 0;
  double json = fastest([&] {
    failed = 0;
    for (const std::string& s : statements) {
      PgQueryParseResult r = pg_query_parse(s.c_str());
      failed += r.error != nullptr;
      pg_query_free_parse_result(r);
    }
  });
  double protobuf = fastest([&] {
    for (const std::string& s : statements) {
      PgQueryProtobufParseResult r = pg_query_parse_protobuf(s.c_str());
      pg_query_free_protobuf_parse_result(r);
    }
  });
  double n = statements.empty() ? 1.0 : static_cast<double>(statements.size());
  std::printf("statements %zu (rejected %zu)\n", statements.size(), failed);
  std::printf("read_split %.3f s\n", read_split);
  std::printf("parse_json %.3f s (%.1f us per statement)\n", json, json / n * 1e6);
  std::printf("parse_protobuf %.3f s (%.1f us per statement)\n", protobuf, protobuf / n * 1e6);
  return 0;
}
