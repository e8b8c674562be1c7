// Migration formats: goose Up/Down and StatementBegin/End, dbmate up/down (both directions),
// Drizzle breakpoints.
// The first line is taken as the file name (Flyway's U…__, *.down.sql).
#include "fuzz/harness.h"
#include "inputs/migrations.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text = mc::fuzz::as_text(data, size);
  size_t newline = text.find('\n');
  std::string_view name = text.substr(0, newline == std::string_view::npos ? text.size() : newline);
  mc::is_down_migration(name);
  mc::SourceManager sources;
  const mc::SourceFile& file = sources.add(std::string(name), std::string(name), std::string(text));
  for (const auto& sections : {mc::forward_sections(file), mc::down_sections(file)}) {
    for (const mc::SqlText& section : sections) {
      MC_FUZZ_EXPECT(section.file == &file);
      if (!section.text.empty()) {
        mc::Span span = section.span(0, section.text.size());
        MC_FUZZ_EXPECT(span.begin <= span.end && span.end <= text.size());
      }
    }
  }
  return 0;
}
