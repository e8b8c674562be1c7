#include "base/text.h"

#include <algorithm>
#include <cctype>

namespace mc {

std::string to_upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

// ASCII only (the catalog folds every name it looks up).
std::string to_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = ascii_lower(c);
  return out;
}

// ASCII case folding without the locale lookup of std::tolower: SQL identifiers and keywords
// fold ASCII only, and this runs in the catalog's innermost loops.
bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    unsigned char x = static_cast<unsigned char>(a[i]), y = static_cast<unsigned char>(b[i]);
    if (x == y) continue;
    if ((x | 0x20) != (y | 0x20) || (x | 0x20) < 'a' || (x | 0x20) > 'z') return false;
  }
  return true;
}

bool istarts_with(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && iequals(s.substr(0, prefix.size()), prefix);
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

bool natural_less(std::string_view a, std::string_view b) {
  size_t i = 0, j = 0;
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  while (i < a.size() && j < b.size()) {
    if (digit(a[i]) && digit(b[j])) {
      size_t ai = i, bj = j;
      while (ai < a.size() && a[ai] == '0') ++ai;
      while (bj < b.size() && b[bj] == '0') ++bj;
      size_t ae = ai, be = bj;
      while (ae < a.size() && digit(a[ae])) ++ae;
      while (be < b.size() && digit(b[be])) ++be;
      if (ae - ai != be - bj) return ae - ai < be - bj;
      int cmp = a.substr(ai, ae - ai).compare(b.substr(bj, be - bj));
      if (cmp != 0) return cmp < 0;
      i = ae;
      j = be;
    } else {
      if (a[i] != b[j]) return static_cast<unsigned char>(a[i]) < static_cast<unsigned char>(b[j]);
      ++i;
      ++j;
    }
  }
  if ((a.size() - i) != (b.size() - j)) return a.size() - i < b.size() - j;
  return a < b;
}

size_t skip_sql_trivia(std::string_view sql, size_t pos, CommentRules rules) {
  bool postgres = rules == CommentRules::postgres;
  while (pos < sql.size()) {
    char c = sql[pos];
    if (std::isspace(static_cast<unsigned char>(c))) {
      ++pos;
    } else if (c == '-' && pos + 1 < sql.size() && sql[pos + 1] == '-') {
      while (pos < sql.size() && sql[pos] != '\n' && !(postgres && sql[pos] == '\r')) ++pos;
    } else if (c == '/' && pos + 1 < sql.size() && sql[pos + 1] == '*') {
      int depth = 1;
      pos += 2;
      while (pos < sql.size() && depth > 0) {
        if (sql.compare(pos, 2, "*/") == 0) {
          --depth;
          pos += 2;
        } else if (postgres && sql.compare(pos, 2, "/*") == 0) {
          ++depth;
          pos += 2;
        } else {
          ++pos;
        }
      }
    } else {
      break;
    }
  }
  return pos;
}

std::string normalize_sql(std::string_view sql) {
  std::string out;
  out.reserve(sql.size());
  size_t i = 0;
  bool pending_space = false;
  while (i < sql.size()) {
    size_t next = skip_sql_trivia(sql, i);
    if (next != i) {
      pending_space = true;
      i = next;
      continue;
    }
    if (pending_space && !out.empty()) out += ' ';
    pending_space = false;
    char c = sql[i];
    if (c == '\'' || c == '"' || c == '`') {
      size_t j = i + 1;
      while (j < sql.size()) {
        if (sql[j] == c) {
          if (j + 1 < sql.size() && sql[j + 1] == c) { j += 2; continue; }
          break;
        }
        ++j;
      }
      size_t end = std::min(j + 1, sql.size());
      out.append(sql.substr(i, end - i));
      i = end;
    } else {
      out += c;
      ++i;
    }
  }
  while (!out.empty() && (out.back() == ';' || out.back() == ' ')) out.pop_back();
  return out;
}

std::string annotation_name(std::string_view trivia) {
  size_t at = trivia.rfind("-- name:");
  if (at == std::string_view::npos) return {};
  size_t i = at + 8;
  while (i < trivia.size() && (trivia[i] == ' ' || trivia[i] == '\t')) ++i;
  size_t start = i;
  while (i < trivia.size() && !std::isspace(static_cast<unsigned char>(trivia[i]))) ++i;
  return std::string(trivia.substr(start, i - start));
}

bool looks_binary(std::string_view bytes) {
  return bytes.substr(0, 8192).find('\0') != std::string_view::npos;
}

size_t first_non_text_byte(std::string_view bytes) {
  size_t i = 0;
  while (i < bytes.size()) {
    auto c = static_cast<unsigned char>(bytes[i]);
    if (c >= 0x01 && c < 0x80) {
      ++i;
      continue;
    }
    if (c == 0) return i;
    // Lead bytes of 2-, 3- and 4-byte sequences; C0, C1 and F5..FF never start one.
    size_t len = (c >= 0xC2 && c <= 0xDF) ? 2 : (c >> 4) == 0xE ? 3 : (c >= 0xF0 && c <= 0xF4) ? 4 : 0;
    if (len == 0 || i + len > bytes.size()) return i;
    for (size_t k = 1; k < len; ++k) {
      if ((static_cast<unsigned char>(bytes[i + k]) & 0xC0) != 0x80) return i;
    }
    i += len;
  }
  return std::string_view::npos;
}

}  // namespace mc
