#include "sql/sqlite/facts.h"

#include <cctype>
#include <vector>

#include "base/text.h"

namespace mc::sqlite {

using Command = sql::StatementFacts::Command;

namespace {

// Lower-case words and quoted names of the statement, outside string literals and comments.
std::vector<std::string> words_of(std::string_view sql) {
  std::vector<std::string> out;
  size_t at = 0;
  while (at < sql.size()) {
    at = skip_sql_trivia(sql, at);
    if (at >= sql.size()) break;
    char c = sql[at];
    if (c == '\'') {  // a string literal: skipped whole ('' is a quote inside it)
      for (++at; at < sql.size(); ++at) {
        if (sql[at] != '\'') continue;
        if (at + 1 < sql.size() && sql[at + 1] == '\'') {
          ++at;
          continue;
        }
        break;
      }
      ++at;
      out.emplace_back("'");
    } else if (c == '"' || c == '`' || c == '[') {
      char close = c == '[' ? ']' : c;
      size_t end = sql.find(close, at + 1);
      if (end == std::string_view::npos) end = sql.size();
      out.emplace_back(to_lower(sql.substr(at + 1, end - at - 1)));
      at = end + 1;
    } else if (std::isalnum(static_cast<unsigned char>(c)) || c == '_') {
      size_t end = at;
      while (end < sql.size() && (std::isalnum(static_cast<unsigned char>(sql[end])) || sql[end] == '_' || sql[end] == '.')) ++end;
      out.emplace_back(to_lower(sql.substr(at, end - at)));
      at = end;
    } else {
      out.emplace_back(1, c);
      ++at;
    }
  }
  return out;
}

bool starts(const std::vector<std::string>& w, std::initializer_list<const char*> prefix) {
  size_t i = 0;
  for (const char* p : prefix) {
    if (i >= w.size() || w[i] != p) return false;
    ++i;
  }
  return true;
}

bool contains(const std::vector<std::string>& w, const char* word) {
  for (const auto& x : w) {
    if (x == word) return true;
  }
  return false;
}

// The name after a keyword sequence, skipping IF [NOT] EXISTS.
std::string name_after(const std::vector<std::string>& w, size_t at) {
  if (at < w.size() && w[at] == "if") at += w[at + 1 < w.size() ? at + 1 : at] == "not" ? 3 : 2;
  return at < w.size() ? w[at] : "";
}

}  // namespace

sql::StatementFacts statement_facts(std::string_view statement) {
  sql::StatementFacts f;
  std::vector<std::string> w = words_of(statement);
  if (w.empty()) return f;
  f.if_exists = contains(w, "if") && contains(w, "exists") && !contains(w, "not");
  f.if_not_exists = contains(w, "if") && contains(w, "not") && contains(w, "exists");
  bool temp = w.size() > 1 && (w[1] == "temp" || w[1] == "temporary");
  size_t kind = temp ? 2 : 1;
  if (w[0] == "create" && kind < w.size()) {
    if (w[kind] == "table") f.command = Command::create_table, f.table = name_after(w, kind + 1);
    else if (w[kind] == "index" || (w[kind] == "unique" && kind + 1 < w.size() && w[kind + 1] == "index")) {
      f.command = Command::create_index;
      for (size_t i = 0; i + 1 < w.size(); ++i) {
        if (w[i] == "on") f.table = w[i + 1];
      }
    } else if (w[kind] == "view") {
      f.command = Command::create_view;
    }
  } else if (starts(w, {"drop", "table"})) {
    f.command = Command::drop_table, f.table = name_after(w, 2);
  } else if (starts(w, {"drop", "index"})) {
    f.command = Command::drop_index;
  } else if (starts(w, {"drop", "view"})) {
    f.command = Command::drop_view;
  } else if (starts(w, {"alter", "table"})) {
    f.command = Command::alter_table, f.table = name_after(w, 2);
  } else if (w[0] == "begin" || starts(w, {"start", "transaction"})) {
    f.command = Command::begin;
  } else if (w[0] == "commit" || w[0] == "end") {
    f.command = Command::commit;
  } else if (w[0] == "rollback" && !contains(w, "to")) {
    f.command = Command::rollback;
  } else if (w[0] == "pragma" && w.size() > 1) {
    f.command = Command::pragma;
    f.setting = w[1];
    size_t eq = 2;
    while (eq < w.size() && (w[eq] == "=" || w[eq] == "(")) ++eq;
    if (eq < w.size()) f.value = w[eq];
  } else if (w[0] == "vacuum") {
    f.command = Command::vacuum;
  } else if (w[0] == "reindex") {
    f.command = Command::reindex;
  } else if (w[0] == "insert" || w[0] == "replace") {
    f.command = Command::insert;
  } else if (w[0] == "update") {
    f.command = Command::update, f.table = w.size() > 1 ? w[1] : "", f.has_where = contains(w, "where");
  } else if (starts(w, {"delete", "from"})) {
    f.command = Command::del, f.table = w.size() > 2 ? w[2] : "", f.has_where = contains(w, "where");
  }
  return f;
}

}  // namespace mc::sqlite
