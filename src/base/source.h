// Source files, locations and the maps that tie extracted SQL back to the file it came from.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace mc {

// A 1-based line and column (columns count UTF-8 code points, as editors do).
struct LineCol {
  uint32_t line = 0;
  uint32_t column = 0;
};

// One file read into memory. `display_path` is relative to the tree root the file belongs to,
// which is how every location is printed.
class SourceFile {
 public:
  SourceFile(std::filesystem::path absolute_path, std::string display_path, std::string text, std::string tree = {});

  const std::filesystem::path& absolute_path() const { return absolute_path_; }
  const std::string& display_path() const { return display_path_; }
  const std::string& text() const { return text_; }
  // The tree the file belongs to ("old", "new"), or "" for files of no tree.
  const std::string& tree() const { return tree_; }

  // Line and column of a byte offset; the newline index is built once, lookups are O(log lines).
  LineCol line_col(size_t offset) const;
  // The 1-based line holding `offset`, and the offset where a 1-based line begins.
  uint32_t line_of(size_t offset) const;
  size_t line_begin(uint32_t line) const;
  // The text of the 1-based line, without its newline.
  std::string_view line_text(uint32_t line) const;
  uint32_t line_count() const { return static_cast<uint32_t>(line_starts_.size()); }

 private:
  std::filesystem::path absolute_path_;
  std::string display_path_;
  std::string text_;
  std::string tree_;
  size_t continuations_before(size_t offset) const;

  static constexpr size_t column_block = 256;
  std::vector<size_t> line_starts_;
  std::vector<uint32_t> continuations_before_block_;  // UTF-8 continuation bytes before each block; empty for ASCII
};

// Owns every SourceFile of a run so that spans can hold plain pointers.
class SourceManager {
 public:
  const SourceFile& add(std::filesystem::path absolute_path, std::string display_path, std::string text,
                        std::string tree = {});

 private:
  std::vector<std::unique_ptr<SourceFile>> files_;
};

// A byte range in a source file.
struct Span {
  const SourceFile* file = nullptr;
  size_t begin = 0;
  size_t end = 0;

  bool valid() const { return file != nullptr; }
  LineCol start() const { return file->line_col(begin); }
  // "path:line:col"
  std::string to_string() const;
};

// Maps offsets in a piece of extracted SQL back to offsets in its source file. SQL taken from a
// `.sql` file maps one to one; SQL cooked out of a string literal (escapes, `${CONST}`
// substitutions) maps piecewise: each piece says "SQL offset X is file offset Y", and offsets
// between pieces advance together. A substituted constant maps to its `${` in the file.
class SourceMap {
 public:
  struct Piece {
    size_t sql_offset;
    size_t file_offset;
    bool verbatim;  // false: the piece stands for a substitution; all of it maps to file_offset
  };

  static SourceMap identity(size_t file_offset);
  void add_verbatim(size_t sql_offset, size_t file_offset);
  void add_substitution(size_t sql_offset, size_t file_offset);

  size_t to_file(size_t sql_offset) const;

 private:
  std::vector<Piece> pieces_;
};

// SQL text extracted from a source file: a whole `.sql` file, or one string literal in code.
struct SqlText {
  const SourceFile* file = nullptr;
  std::string text;
  SourceMap map;
  bool single_statement = false;  // one statement even if it holds `;` (goose StatementBegin/End, Drizzle breakpoints)

  Span span(size_t sql_begin, size_t sql_end) const;
};

}  // namespace mc
