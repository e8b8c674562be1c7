// PostgreSQL statement splitting (dollar quotes, E'' strings, comments, parentheses) and the
// positions it maps back to; the splitter's scanner is held to libpg_query's on every input the
// latter accepts.
#include "fuzz/harness.h"
#include "sql/postgres/splitter.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  mc::SourceManager sources;
  std::string_view text = mc::fuzz::as_text(data, size);
  const mc::SourceFile& file = sources.add("fuzz.sql", "fuzz.sql", std::string(text));
  mc::SqlText sql = mc::fuzz::whole_file(file);
  mc::fuzz::expect_well_split(sql, mc::postgres::split(sql), mc::CommentRules::postgres);
  if (text.find('\0') == std::string_view::npos) {
    if (auto expected = mc::postgres::terminators_by_scanner(text)) {
      MC_FUZZ_EXPECT(*expected == mc::postgres::statement_terminators(text));
    }
  }
  return 0;
}
