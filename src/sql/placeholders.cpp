#include "sql/placeholders.h"

#include <algorithm>
#include <cctype>
#include <charconv>

namespace mc::sql {

namespace {

bool word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// Writes `replacement` over [at, at + length), padding with spaces; false if it does not fit.
bool overwrite(std::string& out, size_t at, size_t length, const std::string& replacement) {
  if (replacement.size() > length) return false;
  out.replace(at, length, replacement + std::string(length - replacement.size(), ' '));
  return true;
}

}  // namespace

NormalizedSql normalize_placeholders_mapped(std::string_view sql, PlaceholderStyle style) {
  NormalizedSql result;
  std::string& out = result.text;
  out = std::string(sql);
  int next_number = 1;
  size_t i = 0;
  while (i < out.size()) {
    char c = out[i];
    // Skip strings, quoted identifiers and comments.
    if (c == '\'' || c == '"') {
      size_t end = out.find(c, i + 1);
      i = end == std::string::npos ? out.size() : end + 1;
      continue;
    }
    if (c == '-' && i + 1 < out.size() && out[i + 1] == '-') {
      while (i < out.size() && out[i] != '\n') ++i;
      continue;
    }
    if (c == '$' && style == PlaceholderStyle::postgres && i + 1 < out.size() && !std::isdigit(static_cast<unsigned char>(out[i + 1]))) {
      // A dollar-quoted string: skip to its closing tag.
      size_t tag_end = out.find('$', i + 1);
      if (tag_end != std::string::npos) {
        std::string tag = out.substr(i, tag_end - i + 1);
        size_t close = out.find(tag, tag_end + 1);
        i = close == std::string::npos ? out.size() : close + tag.size();
        continue;
      }
    }
    if (c == '%' && i + 1 < out.size() && out[i + 1] == 's') {
      overwrite(out, i, 2, style == PlaceholderStyle::sqlite ? "?" : "$" + std::to_string(next_number++));
      i += 2;
      continue;
    }
    if (c == '%' && i + 1 < out.size() && out[i + 1] == '(') {
      size_t close = out.find(")s", i + 2);
      if (close != std::string::npos) {
        size_t length = close + 2 - i;
        std::string name = out.substr(i + 2, close - i - 2);
        overwrite(out, i, length, style == PlaceholderStyle::sqlite ? ":" + name : "$" + std::to_string(next_number++));
        i += length;
        continue;
      }
    }
    if (style == PlaceholderStyle::postgres) {
      // `:name` (not `::type`) and `@name` become numbered parameters when they fit.
      bool colon = c == ':' && i + 1 < out.size() && (std::isalpha(static_cast<unsigned char>(out[i + 1])) || out[i + 1] == '_') &&
                   (i == 0 || out[i - 1] != ':');
      if (colon) {
        size_t end = i + 1;
        while (end < out.size() && word_char(out[end])) ++end;
        if (overwrite(out, i, end - i, "$" + std::to_string(next_number))) ++next_number;
        i = end;
        continue;
      }
      // `?` followed by a space has room for `$N` (N < 10); elsewhere `$N` takes more bytes. A `?`
      // right after an operator character is an operator (jsonb `?|`, `?&`) and stays.
      bool operator_part = i + 1 < out.size() && (out[i + 1] == '|' || out[i + 1] == '&');
      if (c == '?' && !operator_part) {
        std::string number = "$" + std::to_string(next_number++);
        size_t room = i + 1 < out.size() && out[i + 1] == ' ' ? 2 : 1;
        if (number.size() <= room) {
          overwrite(out, i, room, number);
        } else {
          out.replace(i, 1, number);
          for (size_t k = 1; k < number.size(); ++k) result.inserted.push_back(i + k);
        }
        i += std::max(room, number.size());
        continue;
      }
    }
    if (c == '$' && style == PlaceholderStyle::postgres) {
      size_t end = i + 1;
      while (end < out.size() && std::isdigit(static_cast<unsigned char>(out[end]))) ++end;
      // PostgreSQL allows at most 65,535 parameters; a longer number is not ours to renumber past.
      int number = 0;
      auto [_, error] = std::from_chars(out.data() + i + 1, out.data() + end, number);
      if (end > i + 1) next_number = std::max(next_number, error == std::errc() ? std::min(number, 65535) + 1 : 65536);
      i = end;
      continue;
    }
    ++i;
  }
  return result;
}

}  // namespace mc::sql
