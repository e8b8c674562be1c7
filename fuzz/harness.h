// What every fuzz target shares: the input as a source file, its parts, and the invariants a
// splitter or scanner result must keep. An invariant that fails aborts, which libFuzzer reports
// as a crash with the input that broke it.
#pragma once

#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "base/source.h"
#include "base/text.h"
#include "sql/statement.h"

namespace mc::fuzz {

[[noreturn]] inline void violated(const char* what) {
  std::fprintf(stderr, "fuzz invariant violated: %s\n", what);
  std::abort();
}

#define MC_FUZZ_EXPECT(condition) \
  do {                            \
    if (!(condition)) ::mc::fuzz::violated(#condition); \
  } while (0)

inline std::string_view as_text(const uint8_t* data, size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// A private directory for targets that read files, removed at exit: in memory (/dev/shm) where
// there is one, or fuzzing waits on the disk more than it runs.
inline std::filesystem::path scratch_directory() {
  static std::filesystem::path dir;
  if (!dir.empty()) return dir;
  std::error_code ec;
  std::filesystem::path base = std::filesystem::is_directory("/dev/shm", ec) ? std::filesystem::path("/dev/shm")
                                                                              : std::filesystem::temp_directory_path();
  std::string pattern = (base / "migcompat-fuzz-XXXXXX").string();
  if (!mkdtemp(pattern.data())) std::abort();
  dir = pattern;
  std::atexit([] {
    std::error_code ignored;
    std::filesystem::remove_all(dir, ignored);
  });
  return dir;
}

// The input cut at each line that is exactly `separator` (at most `parts` pieces): one fuzz
// input can carry the deployed migrations, the new ones and the old queries.
inline std::vector<std::string> split_parts(std::string_view text, std::string_view separator, size_t parts) {
  std::vector<std::string> out;
  std::string marker = "\n" + std::string(separator) + "\n";
  size_t from = 0;
  while (out.size() + 1 < parts) {
    size_t at = text.find(marker, from);
    if (at == std::string_view::npos) break;
    out.emplace_back(text.substr(from, at - from + 1));
    from = at + marker.size();
  }
  out.emplace_back(text.substr(from));
  out.resize(parts);
  return out;
}

// A whole file as one SqlText, as a `.sql` migration or query file is read.
inline SqlText whole_file(const SourceFile& file) {
  return SqlText{&file, file.text(), SourceMap::identity(0)};
}

// Between statements there is nothing but whitespace, comments and semicolons: a splitter that
// drops text drops SQL the check would then never see.
inline void expect_only_trivia(std::string_view text, size_t from, size_t to, CommentRules rules) {
  for (size_t i = from; i < to;) {
    i = skip_sql_trivia(text.substr(0, to), i, rules);
    if (i < to) MC_FUZZ_EXPECT(text[i] == ';');
    ++i;
  }
}

// Statements lie inside the text, in order, without overlap, and begin and end on tokens.
inline void expect_well_split(const SqlText& sql, const std::vector<Statement>& statements, CommentRules rules) {
  size_t previous_end = 0;
  for (const Statement& s : statements) {
    expect_only_trivia(sql.text, previous_end, s.begin, rules);
    MC_FUZZ_EXPECT(s.origin == &sql);
    MC_FUZZ_EXPECT(s.begin >= previous_end);
    MC_FUZZ_EXPECT(s.begin < s.end);
    MC_FUZZ_EXPECT(s.end <= sql.text.size());
    previous_end = s.end;
    Span span = s.span();
    MC_FUZZ_EXPECT(span.begin <= span.end && span.end <= sql.file->text().size());
    LineCol at = span.start();
    MC_FUZZ_EXPECT(at.line >= 1 && at.line <= sql.file->line_count() && at.column >= 1);
  }
  expect_only_trivia(sql.text, previous_end, sql.text.size(), rules);
}

}  // namespace mc::fuzz
