// PostgreSQL statement splitting (dollar quotes, BEGIN ATOMIC, COPY … FROM stdin, comments) and
// the positions it maps back to.
#include "fuzz/harness.h"
#include "sql/postgres/splitter.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  mc::SourceManager sources;
  const mc::SourceFile& file = sources.add("fuzz.sql", "fuzz.sql", std::string(mc::fuzz::as_text(data, size)));
  mc::SqlText sql = mc::fuzz::whole_file(file);
  mc::fuzz::expect_well_split(sql, mc::postgres::split(sql), mc::CommentRules::postgres);
  return 0;
}
