#include "base/source.h"

#include <algorithm>

#include <fmt/format.h>

namespace mc {

SourceFile::SourceFile(std::filesystem::path absolute_path, std::string display_path, std::string text, std::string tree,
                       std::vector<HeldLines> held)
    : absolute_path_(std::move(absolute_path)),
      display_path_(std::move(display_path)),
      text_(std::move(text)),
      tree_(std::move(tree)),
      held_(std::move(held)) {
  line_starts_.push_back(0);
  uint32_t continuations = 0;
  for (size_t i = 0; i < text_.size(); ++i) {
    if (i % column_block == 0) continuations_before_block_.push_back(continuations);
    auto c = static_cast<unsigned char>(text_[i]);
    if (c == '\n') line_starts_.push_back(i + 1);
    if ((c & 0xC0) == 0x80) ++continuations;
  }
  // ASCII text needs no counts: a column is a byte distance.
  if (continuations == 0) continuations_before_block_.clear();
}

size_t SourceFile::continuations_before(size_t offset) const {
  size_t block = offset / column_block;
  size_t count = continuations_before_block_[block];
  for (size_t i = block * column_block; i < offset; ++i) {
    if ((static_cast<unsigned char>(text_[i]) & 0xC0) == 0x80) ++count;
  }
  return count;
}

uint32_t SourceFile::file_line(uint32_t held_line) const {
  if (held_.empty()) return held_line;
  auto it = std::upper_bound(held_.begin(), held_.end(), held_line,
                             [](uint32_t line, const HeldLines& h) { return line < h.held_line; });
  if (it == held_.begin()) return held_line;
  --it;
  return it->file_line + (held_line - it->held_line);
}

uint32_t SourceFile::held_line(uint32_t file_line) const {
  if (held_.empty()) return file_line;
  auto it = std::upper_bound(held_.begin(), held_.end(), file_line,
                             [](uint32_t line, const HeldLines& h) { return line < h.file_line; });
  if (it == held_.begin()) return 0;
  auto next = it;
  --it;
  uint32_t line = it->held_line + (file_line - it->file_line);
  uint32_t run_end = next == held_.end() ? static_cast<uint32_t>(line_starts_.size()) + 1 : next->held_line;
  return line < run_end ? line : 0;
}

uint32_t SourceFile::line_of(size_t offset) const {
  offset = std::min(offset, text_.size());
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  return file_line(static_cast<uint32_t>(it - line_starts_.begin()));
}

size_t SourceFile::line_begin(uint32_t line) const {
  if (line == 0) return 0;
  line = held_line(line);
  return line != 0 && line <= line_starts_.size() ? line_starts_[line - 1] : text_.size();
}

LineCol SourceFile::line_col(size_t offset) const {
  offset = std::min(offset, text_.size());
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  auto held = static_cast<uint32_t>(it - line_starts_.begin());
  uint32_t line = file_line(held);
  size_t start = line_starts_[held - 1];
  // Code points: bytes less UTF-8 continuation bytes, counted from per-block sums so that a
  // 100 MB single-line file costs no more per lookup than a short line.
  size_t bytes = offset - start;
  if (!continuations_before_block_.empty()) bytes -= continuations_before(offset) - continuations_before(start);
  return {line, static_cast<uint32_t>(bytes + 1)};
}

std::string_view SourceFile::line_text(uint32_t line) const {
  line = held_line(line);
  if (line == 0 || line > line_starts_.size()) return {};
  size_t begin = line_starts_[line - 1];
  size_t end = line < line_starts_.size() ? line_starts_[line] - 1 : text_.size();
  if (end > begin && text_[end - 1] == '\r') --end;
  return std::string_view(text_).substr(begin, end - begin);
}

const SourceFile& SourceManager::add(std::filesystem::path absolute_path, std::string display_path, std::string text,
                                     std::string tree, std::vector<HeldLines> held) {
  return add(std::make_unique<SourceFile>(std::move(absolute_path), std::move(display_path), std::move(text), std::move(tree),
                                          std::move(held)));
}

const SourceFile& SourceManager::add(std::unique_ptr<SourceFile> file) {
  files_.push_back(std::move(file));
  return *files_.back();
}

std::string Span::to_string() const {
  if (!file) return "<unknown>";
  LineCol lc = start();
  return fmt::format("{}:{}:{}", file->display_path(), lc.line, lc.column);
}

SourceMap SourceMap::identity(size_t file_offset) {
  SourceMap map;
  map.add_verbatim(0, file_offset);
  return map;
}

void SourceMap::add_verbatim(size_t sql_offset, size_t file_offset) {
  pieces_.push_back({sql_offset, file_offset, true});
}

void SourceMap::add_substitution(size_t sql_offset, size_t file_offset) {
  pieces_.push_back({sql_offset, file_offset, false});
}

size_t SourceMap::to_file(size_t sql_offset) const {
  if (pieces_.empty()) return sql_offset;
  auto it = std::upper_bound(pieces_.begin(), pieces_.end(), sql_offset,
                             [](size_t off, const Piece& p) { return off < p.sql_offset; });
  if (it == pieces_.begin()) return pieces_.front().file_offset;
  const Piece& piece = *std::prev(it);
  if (!piece.verbatim) return piece.file_offset;
  return piece.file_offset + (sql_offset - piece.sql_offset);
}

Span SqlText::span(size_t sql_begin, size_t sql_end) const {
  size_t begin = map.to_file(sql_begin);
  size_t end = sql_end > sql_begin ? map.to_file(sql_end - 1) + 1 : begin;
  return {file, begin, std::max(begin, end)};
}

}  // namespace mc
