// The two routes to a PostgreSQL parse tree (libpg_query's JSON read into the protobuf structs,
// and its protobuf output unpacked; sql/postgres/json_tree.h) must give the same tree for every
// statement.
#include <cstdio>
#include <cstdlib>

#include "fuzz/harness.h"
#include "sql/postgres/json_tree.h"
#include "sql/postgres/splitter.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  mc::SourceManager sources;
  const mc::SourceFile& file = sources.add("fuzz.sql", "fuzz.sql", std::string(mc::fuzz::as_text(data, size)));
  mc::SqlText sql = mc::fuzz::whole_file(file);
  for (const mc::Statement& statement : mc::postgres::split(sql)) {
    std::string difference = mc::postgres::json_route_difference(std::string(statement.text()));
    if (!difference.empty()) {
      std::fprintf(stderr, "the parse routes disagree on: %s\n%s\n", std::string(statement.text()).c_str(), difference.c_str());
      std::abort();
    }
  }
  return 0;
}
