#include "inputs/sql_shape.h"

#include <cctype>
#include <string>
#include <vector>

#include "base/text.h"

namespace mc {

namespace {

// The upper-cased words (identifier-like runs) of the text, outside quotes, up to `limit`.
std::vector<std::string> words(std::string_view text, size_t limit) {
  std::vector<std::string> out;
  size_t i = skip_sql_trivia(text);
  while (i < text.size() && out.size() < limit) {
    char c = text[i];
    if (std::isalpha(static_cast<unsigned char>(c)) || c == '_') {
      size_t start = i;
      while (i < text.size() && (std::isalnum(static_cast<unsigned char>(text[i])) || text[i] == '_')) ++i;
      std::string w(text.substr(start, i - start));
      for (char& ch : w) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
      out.push_back(std::move(w));
    } else if (c == '\'' || c == '"') {
      size_t end = text.find(c, i + 1);
      i = end == std::string_view::npos ? text.size() : end + 1;
    } else {
      ++i;
    }
  }
  return out;
}

bool contains(const std::vector<std::string>& ws, std::string_view w) {
  for (const auto& x : ws) {
    if (x == w) return true;
  }
  return false;
}

// The first word must start the text (after trivia): "x SELECT" is not SQL.
bool starts_with_word(std::string_view text) {
  size_t i = skip_sql_trivia(text);
  return i < text.size() && std::isalpha(static_cast<unsigned char>(text[i]));
}

}  // namespace

bool looks_like_query(std::string_view text) {
  if (!starts_with_word(text)) return false;
  auto ws = words(text, 4096);
  if (ws.size() < 2) return false;
  const std::string& first = ws[0];
  if (first == "SELECT") return contains(ws, "FROM");
  if (first == "INSERT") return ws[1] == "INTO" || ws[1] == "OR";
  if (first == "REPLACE") return ws[1] == "INTO";
  if (first == "UPDATE") return contains(ws, "SET");
  if (first == "DELETE") return ws[1] == "FROM";
  if (first == "WITH") {
    return contains(ws, "AS") &&
           (contains(ws, "SELECT") || contains(ws, "INSERT") || contains(ws, "UPDATE") || contains(ws, "DELETE"));
  }
  return false;
}

bool looks_like_migration_statement(std::string_view text) {
  if (!starts_with_word(text)) return false;
  auto ws = words(text, 3);
  if (ws.empty()) return false;
  const std::string& first = ws[0];
  if (first == "CREATE" || first == "ALTER" || first == "DROP") {
    static const std::vector<std::string> objects = {
        "TABLE", "INDEX",  "UNIQUE",   "VIEW",      "TRIGGER", "TEMP",     "TEMPORARY", "VIRTUAL",  "SCHEMA",
        "TYPE",  "DOMAIN", "SEQUENCE", "EXTENSION", "OR",      "FUNCTION", "PROCEDURE", "MATERIALIZED", "POLICY"};
    return ws.size() >= 2 && contains(objects, ws[1]);
  }
  if (first == "PRAGMA" || first == "BEGIN" || first == "COMMIT" || first == "END" || first == "ROLLBACK") return true;
  return looks_like_query(text);
}

}  // namespace mc
