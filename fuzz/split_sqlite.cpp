// SQLite statement splitting (the engine's own completeness test, triggers' BEGIN … END) and the
// statement facts read from each statement's keywords.
#include "fuzz/harness.h"
#include "sql/sqlite/facts.h"
#include "sql/sqlite/splitter.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  mc::SourceManager sources;
  const mc::SourceFile& file = sources.add("fuzz.sql", "fuzz.sql", std::string(mc::fuzz::as_text(data, size)));
  mc::SqlText sql = mc::fuzz::whole_file(file);
  auto statements = mc::sqlite::split(sql);
  mc::fuzz::expect_well_split(sql, statements, mc::CommentRules::sqlite);
  for (const mc::Statement& s : statements) mc::sqlite::statement_facts(s.text());
  return 0;
}
