// Driver placeholders in application SQL — `?`, `%s`, `%(name)s`, `:name`, `@name`, `$1` — are
// rewritten into the form the dialect's parser accepts, keeping byte offsets where the new form
// fits (the rewrite pads with spaces). Only a PostgreSQL `$N` for a `?` with no space after it
// (JDBC's `(?, ?)`, `= ?` at the end) needs more bytes: those are recorded, so that locations in
// the rewritten text map back to the original.
#pragma once

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

namespace mc::sql {

enum class PlaceholderStyle { sqlite, postgres };

struct NormalizedSql {
  std::string text;
  std::vector<size_t> inserted;  // offsets in `text` of bytes the original lacks, ascending

  // The original offset of a byte of `text` (an inserted byte maps to the placeholder it is part of).
  size_t to_original(size_t offset) const {
    return offset - static_cast<size_t>(std::upper_bound(inserted.begin(), inserted.end(), offset) - inserted.begin());
  }
};

NormalizedSql normalize_placeholders_mapped(std::string_view sql, PlaceholderStyle style);
// The text alone, for callers that only send it.
inline std::string normalize_placeholders(std::string_view sql, PlaceholderStyle style) {
  return normalize_placeholders_mapped(sql, style).text;
}

}  // namespace mc::sql
