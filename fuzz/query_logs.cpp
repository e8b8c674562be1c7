// Query logs: PostgreSQL stderr logs, csvlog and pg_stat_statements CSV, JSON exports, .sql. The
// first byte picks the format (by file name). Every statement maps each of its bytes into the
// held excerpt, onto the same byte where the format has no escapes there; counts add up.
#include <fstream>

#include "fuzz/harness.h"
#include "inputs/query_logs.h"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  mc::fuzz::scratch_directory();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  static const char* names[] = {"postgresql.log", "postgresql.csv", "pg_stat_statements.json", "trace.sql"};
  std::string name = names[data[0] % 4];
  bool json = data[0] % 4 == 2;
  std::string_view text = mc::fuzz::as_text(data + 1, size - 1);
  std::ofstream(mc::fuzz::scratch_directory() / name, std::ios::binary | std::ios::trunc) << text;
  mc::SourceManager sources;
  try {
    mc::LoggedStatements logged = mc::read_query_logs(sources, {{mc::fuzz::scratch_directory() / name, name, "old"}});
    MC_FUZZ_EXPECT(logged.statements.size() == logged.occurrences.size());
    uint64_t total = 0;
    for (size_t k = 0; k < logged.statements.size(); ++k) {
      const mc::SqlText& sql = logged.statements[k];
      MC_FUZZ_EXPECT(sql.file && sql.file->display_path() == name);
      MC_FUZZ_EXPECT(logged.occurrences[k] >= 1);
      total += logged.occurrences[k];
      const std::string& held = sql.file->text();
      for (size_t i = 0; i < sql.text.size(); ++i) {
        size_t at = sql.map.to_file(i);
        MC_FUZZ_EXPECT(at < held.size());
        if (!json) MC_FUZZ_EXPECT(held[at] == sql.text[i]);
      }
      mc::LineCol start = sql.span(0, sql.text.size()).start();
      MC_FUZZ_EXPECT(start.line >= 1 && start.column >= 1 && start.line <= sql.file->line_count());
    }
    MC_FUZZ_EXPECT(total == logged.entries);
  } catch (const mc::InputError& error) {
    MC_FUZZ_EXPECT(!error.message.empty());
  }
  return 0;
}
