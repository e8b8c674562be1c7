// SQL taken out of application code: which literals look like queries or migration statements,
// their `${CONST}` / `{name}` holes resolved from the file's constants, and every byte of the
// resulting SQL mapped back into the file. The first byte picks the language.
#include <fstream>

#include "base/diagnostic.h"
#include "fuzz/harness.h"
#include "inputs/code_sql.h"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  mc::fuzz::scratch_directory();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  static const char* names[] = {"app.ts", "app.py", "app.go", "App.java", "App.kt", "app.rs", "app.rb", "app.php"};
  std::string name = names[data[0] % 8];
  std::string_view text = mc::fuzz::as_text(data + 1, size - 1);
  std::ofstream(mc::fuzz::scratch_directory() / name, std::ios::binary | std::ios::trunc) << text;

  mc::Tree tree{"old", mc::fuzz::scratch_directory(), {}};
  mc::SourceManager sources;
  mc::CodeModules modules(sources, tree);
  try {
    for (mc::SqlRole role : {mc::SqlRole::queries, mc::SqlRole::migrations}) {
      mc::CodeSqlResult found = modules.extract(name, role);
      for (const mc::SqlText& sql : found.sql) {
        MC_FUZZ_EXPECT(sql.file && sql.file->text().size() == text.size());
        for (size_t i = 0; i < sql.text.size(); ++i) MC_FUZZ_EXPECT(sql.map.to_file(i) < text.size());
      }
      for (const mc::UnresolvedSql& u : found.unresolved) {
        MC_FUZZ_EXPECT(u.literal.begin <= u.where.begin && u.where.end <= u.literal.end && u.literal.end <= text.size());
        MC_FUZZ_EXPECT(!u.reason.empty());
      }
    }
  } catch (const mc::InputError& error) {
    MC_FUZZ_EXPECT(!error.message.empty());
  }
  return 0;
}
