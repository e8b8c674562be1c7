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

// Where a run of consecutive lines of an excerpt starts: line `held_line` of the held text is
// line `file_line` of the file.
struct HeldLines {
  uint32_t held_line = 1;
  uint32_t file_line = 1;
};

// One file read into memory. `display_path` is relative to the tree root the file belongs to,
// which is how every location is printed.
//
// An excerpt holds only some of a file's lines (a query log of gigabytes keeps the lines of each
// distinct statement): `held` says which, in increasing order of both numbers. Line numbers in
// this interface are always the file's own.
class SourceFile {
 public:
  SourceFile(std::filesystem::path absolute_path, std::string display_path, std::string text, std::string tree = {},
             std::vector<HeldLines> held = {});

  const std::filesystem::path& absolute_path() const { return absolute_path_; }
  const std::string& display_path() const { return display_path_; }
  const std::string& text() const { return text_; }
  // The tree the file belongs to ("old", "new"), or "" for files of no tree.
  const std::string& tree() const { return tree_; }

  // Line and column of a byte offset; the newline index is built once, lookups are O(log lines).
  LineCol line_col(size_t offset) const;
  // The 1-based line holding `offset`, and the offset where a 1-based line begins (the end of
  // the text for a line an excerpt does not hold).
  uint32_t line_of(size_t offset) const;
  size_t line_begin(uint32_t line) const;
  // The text of the 1-based line, without its newline ("" for a line not held).
  std::string_view line_text(uint32_t line) const;
  // The number of the last line held (of a whole file: its line count).
  uint32_t line_count() const { return file_line(static_cast<uint32_t>(line_starts_.size())); }

 private:
  std::filesystem::path absolute_path_;
  std::string display_path_;
  std::string text_;
  std::string tree_;
  size_t continuations_before(size_t offset) const;
  uint32_t file_line(uint32_t held_line) const;
  uint32_t held_line(uint32_t file_line) const;  // 0 when not held

  std::vector<HeldLines> held_;  // empty: the whole file

  static constexpr size_t column_block = 256;
  std::vector<size_t> line_starts_;
  std::vector<uint32_t> continuations_before_block_;  // UTF-8 continuation bytes before each block; empty for ASCII
};

// Owns every SourceFile of a run so that spans can hold plain pointers.
class SourceManager {
 public:
  const SourceFile& add(std::filesystem::path absolute_path, std::string display_path, std::string text,
                        std::string tree = {}, std::vector<HeldLines> held = {});
  // A file made elsewhere (e.g. on a reading thread), kept from now on.
  const SourceFile& add(std::unique_ptr<SourceFile> file);

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
