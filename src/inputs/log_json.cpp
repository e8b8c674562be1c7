#include <fmt/format.h>

#include <algorithm>

#include "base/text.h"
#include "inputs/lexing.h"
#include "inputs/log_reading.h"

namespace mc {

// Every string value of a "query" key, anywhere: arrays of objects and one object per line alike.
void read_log_json(LineStream& in, EntrySink& collect, const LogFile& log) {
  // Exports are bounded by pg_stat_statements.max (5,000 statements by default): held whole.
  std::string text;
  std::vector<size_t> line_starts;
  std::string_view line;
  while (in.next(line)) {
    line_starts.push_back(text.size());
    text += line;
    text += '\n';
  }
  auto fail = [&](size_t at, const std::string& what) {
    auto it = std::upper_bound(line_starts.begin(), line_starts.end(), at);
    size_t line_index = static_cast<size_t>(it - line_starts.begin());
    size_t column = at - (line_index ? line_starts[line_index - 1] : 0) + 1;
    return InputError{fmt::format("{}:{}:{}: malformed JSON query export: {}", log.display_path, line_index, column, what), {}, {}};
  };
  // A string token starting at `i` (a quote): its cooked text and pieces; `i` ends past it.
  auto read_string = [&](size_t& i, Entry* cooked) {
    size_t start = ++i;
    if (cooked) cooked->pieces.emplace_back(0, start);
    while (i < text.size() && text[i] != '"') {
      if (text[i] == '\n') throw fail(i, "a newline inside a string");
      if (text[i] != '\\') {
        if (cooked) cooked->sql += text[i];
        ++i;
        continue;
      }
      if (i + 1 >= text.size()) break;
      char e = text[i + 1];
      size_t length = 2;
      std::string out;
      switch (e) {
        case 'n': out = "\n"; break;
        case 't': out = "\t"; break;
        case 'r': out = "\r"; break;
        case 'b': out = "\b"; break;
        case 'f': out = "\f"; break;
        case '"': out = "\""; break;
        case '\\': out = "\\"; break;
        case '/': out = "/"; break;
        case 'u': {
          size_t digits = i + 2;
          uint32_t code = read_hex(text, digits, 4);
          if (digits != i + 6) throw fail(digits, "a \\u escape needs four hex digits");
          length = 6;
          // Surrogates stand alone here (queries are ASCII in practice): a replacement character.
          append_utf8(out, code);
          break;
        }
        default: throw fail(i, fmt::format("unknown escape \\{}", e));
      }
      if (cooked) {
        // The escape's bytes all map to its backslash; what follows is verbatim again.
        cooked->pieces.emplace_back(cooked->sql.size(), i);
        cooked->sql += out;
        cooked->pieces.emplace_back(cooked->sql.size(), i + length);
      }
      i += length;
    }
    if (i >= text.size()) throw fail(start - 1, "a string that never ends");
    ++i;
  };
  auto skip_space = [&](size_t i) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r')) ++i;
    return i;
  };
  size_t i = skip_space(0);
  if (i < text.size() && text[i] != '[' && text[i] != '{') throw fail(i, "expected an array or an object");
  bool found_key = false;
  while (i < text.size()) {
    char c = text[i];
    if (c != '"') {
      ++i;
      continue;
    }
    Entry key;
    read_string(i, &key);
    size_t after = skip_space(i);
    bool is_key = after < text.size() && text[after] == ':';
    if (!is_key || key.sql != "query") continue;
    found_key = true;
    size_t value = skip_space(after + 1);
    if (value >= text.size() || text[value] != '"') {
      i = value;
      continue;
    }
    Entry entry;
    i = value;
    read_string(i, &entry);
    // The entry's raw text is the value's line(s); offsets become relative to its first line.
    auto it = std::upper_bound(line_starts.begin(), line_starts.end(), value);
    size_t line_index = static_cast<size_t>(it - line_starts.begin());
    size_t line_begin = line_starts[line_index - 1];
    size_t line_end = text.find('\n', i);
    entry.first_line = static_cast<uint32_t>(line_index);
    entry.raw = text.substr(line_begin, (line_end == std::string::npos ? text.size() : line_end) - line_begin);
    for (auto& piece : entry.pieces) piece.second -= line_begin;
    if (!trim(entry.sql).empty()) collect.add(entry);
  }
  if (!found_key && !text.empty()) {
    throw InputError{fmt::format("{}:1:1: not a query export: no \"query\" key in this JSON (expected pg_stat_statements "
                                 "rows, e.g. [{{\"query\": \"SELECT …\", \"calls\": 12}}])",
                                 log.display_path),
                     {}, {}};
  }
}

}  // namespace mc
