#include "inputs/query_logs.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <memory>
#include <optional>
#include <string_view>
#include <unordered_map>

#include "base/text.h"
#include "inputs/lexing.h"

namespace mc {

namespace {

constexpr size_t chunk_bytes = size_t{4} << 20;
constexpr uint64_t progress_every = uint64_t{32} << 20;

std::string_view extension_of(std::string_view path) {
  size_t slash = path.rfind('/');
  size_t dot = path.rfind('.');
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) return {};
  return path.substr(dot);
}

// A log read line by line in constant memory: one chunk plus the longest line.
class LineStream {
 public:
  explicit LineStream(const LogFile& log) : log_(log) {
    fd_ = ::open(log.path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd_ < 0) throw error_at(0, 0, std::strerror(errno));
    struct stat info {};
    if (::fstat(fd_, &info) == 0) size_ = static_cast<uint64_t>(info.st_size);
    if (S_ISDIR(info.st_mode)) {
      ::close(fd_);
      fd_ = -1;
      throw error_at(0, 0, "it is a directory");
    }
  }
  ~LineStream() {
    if (fd_ >= 0) ::close(fd_);
  }
  LineStream(const LineStream&) = delete;
  LineStream& operator=(const LineStream&) = delete;

  // The next line without its newline (nor a CR before it); false at the end of the file.
  bool next(std::string_view& line) {
    for (;;) {
      const char* start = buffer_.get() + begin_;
      if (const void* nl = end_ > begin_ ? std::memchr(start, '\n', end_ - begin_) : nullptr) {
        size_t length = static_cast<const char*>(nl) - start;
        return take(line, length, length + 1);
      }
      if (eof_) {
        if (begin_ == end_) return false;
        return take(line, end_ - begin_, end_ - begin_);
      }
      fill();
    }
  }

  uint32_t line_number() const { return line_; }
  uint64_t consumed() const { return consumed_; }
  uint64_t size() const { return size_; }

  InputError error_at(uint32_t line, size_t column, const std::string& what) const {
    std::string where = line ? fmt::format("{}:{}:{}: ", log_.display_path, line, column + 1) : log_.display_path + ": ";
    return InputError{fmt::format("{}cannot read query log {}: {}", where, log_.path.string(), what), {}, {}};
  }

 private:
  bool take(std::string_view& line, size_t length, size_t advance) {
    line = std::string_view(buffer_.get() + begin_, length);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (const void* nul = std::memchr(line.data(), '\0', line.size())) {
      throw error_at(line_ + 1, static_cast<const char*>(nul) - line.data(), "a NUL byte: this is binary data, not a log");
    }
    begin_ += advance;
    consumed_ += advance;
    ++line_;
    return true;
  }

  void fill() {
    if (begin_ > 0) {
      std::memmove(buffer_.get(), buffer_.get() + begin_, end_ - begin_);
      end_ -= begin_;
      begin_ = 0;
    }
    // Reads of a chunk, or of what the file holds when that is less (many small logs must not
    // each cost a chunk); a line longer than the buffer grows it.
    size_t want = size_ > 0 ? static_cast<size_t>(std::min<uint64_t>(chunk_bytes, size_ + 1)) : 65536;
    if (capacity_ - end_ < want) {
      size_t grown = std::max(capacity_ * 2, end_ + want);
      auto bigger = std::make_unique_for_overwrite<char[]>(grown);
      if (end_ > 0) std::memcpy(bigger.get(), buffer_.get(), end_);
      buffer_ = std::move(bigger);
      capacity_ = grown;
    }
    ssize_t got;
    do {
      got = ::read(fd_, buffer_.get() + end_, capacity_ - end_);
    } while (got < 0 && errno == EINTR);
    if (got < 0) throw error_at(0, 0, std::strerror(errno));
    if (got == 0) eof_ = true;
    end_ += static_cast<size_t>(got);
  }

  const LogFile& log_;
  int fd_ = -1;
  uint64_t size_ = 0, consumed_ = 0;
  std::unique_ptr<char[]> buffer_;
  size_t capacity_ = 0, begin_ = 0, end_ = 0;
  bool eof_ = false;
  uint32_t line_ = 0;
};

// A statement as found in a log entry: the entry's raw lines (joined by '\n'), the SQL cooked out
// of them, and where each run of SQL bytes sits in the raw text.
struct Entry {
  uint32_t first_line = 0;
  std::string raw;
  std::string sql;
  std::vector<std::pair<size_t, size_t>> pieces;  // (sql offset, raw offset), verbatim from there on
};

// Keeps the first entry of each statement shape and builds the excerpt of the current file.
class Collector {
 public:
  explicit Collector(LoggedStatements& out) : out_(out) {}

  void add(Entry& entry) {
    ++out_.entries;
    ++file_entries_;
    auto [it, added] = seen_.try_emplace(std::hash<std::string>{}(statement_shape(entry.sql)), out_.statements.size());
    if (!added) {
      ++out_.occurrences[it->second];
      return;
    }
    HeldLines block{held_lines_ + 1, entry.first_line};
    if (!held_.empty() && held_.back().held_line + (entry.first_line - held_.back().file_line) == block.held_line) {
      // Continues the previous block: nothing to record.
    } else {
      held_.push_back(block);
    }
    size_t base = text_.size();
    text_ += entry.raw;
    text_ += '\n';
    held_lines_ += 1 + static_cast<uint32_t>(std::count(entry.raw.begin(), entry.raw.end(), '\n'));
    SqlText sql;
    sql.text = std::move(entry.sql);
    for (const auto& [sql_offset, raw_offset] : entry.pieces) sql.map.add_verbatim(sql_offset, base + raw_offset);
    out_.statements.push_back(std::move(sql));
    out_.occurrences.push_back(1);
  }

  uint64_t file_entries() const { return file_entries_; }

  // Ends a file: its excerpt becomes a SourceFile that its statements point into.
  void finish_file(SourceManager& sources, const LogFile& log) {
    if (size_t bad = first_non_text_byte(text_); bad != std::string::npos) {
      throw InputError{fmt::format("{}: a statement in this log is not valid UTF-8 (byte 0x{:02X}); logs are read as "
                                   "UTF-8: convert it, e.g. iconv -f latin1 -t utf-8",
                                   log.display_path, static_cast<unsigned char>(text_[bad])),
                       {}, {}};
    }
    const SourceFile& file = sources.add(log.path, log.display_path, std::move(text_), log.tree, std::move(held_));
    for (size_t i = file_first_; i < out_.statements.size(); ++i) out_.statements[i].file = &file;
    file_first_ = out_.statements.size();
    text_.clear();
    held_.clear();
    held_lines_ = 0;
    file_entries_ = 0;
  }

 private:
  LoggedStatements& out_;
  std::unordered_map<size_t, size_t> seen_;  // shape hash -> statement
  std::string text_;
  std::vector<HeldLines> held_;
  uint32_t held_lines_ = 0;
  size_t file_first_ = 0;
  uint64_t file_entries_ = 0;
};

// After a PostgreSQL log message's severity: the offset where the statement's SQL begins, if the
// message logs one (`statement: `, `execute <name>: `, either after `duration: … ms  `).
std::optional<size_t> statement_in_message(std::string_view message) {
  size_t at = 0;
  if (message.starts_with("duration: ")) {
    size_t ms = message.find(" ms  ");
    if (ms == std::string_view::npos) return std::nullopt;
    at = ms + 5;
  }
  std::string_view rest = message.substr(at);
  if (rest.starts_with("statement: ")) return at + 11;
  if (rest.starts_with("execute ")) {
    size_t colon = rest.find(": ");
    if (colon == std::string_view::npos) return std::nullopt;
    return at + colon + 2;
  }
  return std::nullopt;
}

// --- stderr logs -------------------------------------------------------------------------------

bool looks_like_log_line(std::string_view line) {
  for (std::string_view severity : {"LOG:  ", "ERROR:  ", "STATEMENT:  ", "DETAIL:  ", "FATAL:  ", "WARNING:  ", "HINT:  ",
                                    "CONTEXT:  ", "NOTICE:  ", "PANIC:  ", "INFO:  "}) {
    if (line.find(severity) != std::string_view::npos) return true;
  }
  return false;
}

void read_stderr_log(LineStream& in, Collector& collect, const LogFile& log, const LogProgress& progress) {
  std::optional<Entry> current;
  bool recognized = false;
  uint64_t next_progress = progress_every;
  std::string_view line;
  auto flush = [&] {
    if (current) collect.add(*current);
    current.reset();
  };
  while (in.next(line)) {
    if (current && !line.empty() && line.front() == '\t') {
      // A continuation of a multi-line statement: the tab is the log's, not the SQL's.
      current->raw += '\n';
      current->sql += '\n';
      current->pieces.emplace_back(current->sql.size(), current->raw.size() + 1);
      current->raw += line;
      current->sql += line.substr(1);
      continue;
    }
    flush();
    if (progress && in.consumed() >= next_progress) {
      progress(log.display_path, in.consumed(), in.size());
      next_progress = in.consumed() + progress_every;
    }
    size_t log_at = line.find("LOG:  ");
    if (log_at == std::string_view::npos) {
      if (!recognized) recognized = looks_like_log_line(line);
      continue;
    }
    recognized = true;
    size_t message = log_at + 6;
    std::optional<size_t> sql_at = statement_in_message(line.substr(message));
    if (!sql_at) continue;
    size_t begin = message + *sql_at;
    current.emplace();
    current->first_line = in.line_number();
    current->raw.assign(line);
    current->sql.assign(line.substr(begin));
    current->pieces.emplace_back(0, begin);
  }
  flush();
  if (!recognized && in.line_number() > 0) {
    throw InputError{fmt::format("{}:1:1: not a query log: expected PostgreSQL server log lines (`… LOG:  statement: "
                                 "SELECT …`), a csvlog, a pg_stat_statements export (CSV or JSON with a `query` "
                                 "column) or a .sql file",
                                 log.display_path),
                     {}, {}};
  }
}

// --- CSV: csvlog and pg_stat_statements exports -------------------------------------------------

// One CSV record (RFC 4180: quoted fields may hold commas, "" and newlines), as raw text.
bool next_csv_record(LineStream& in, std::string& record, uint32_t& first_line) {
  record.clear();
  std::string_view line;
  bool quoted = false;
  while (in.next(line)) {
    if (record.empty() && !quoted) first_line = in.line_number();
    else record += '\n';
    record += line;
    for (char c : line) {
      if (c == '"') quoted = !quoted;
    }
    if (!quoted) return true;
  }
  return !record.empty();
}

struct CsvField {
  size_t begin = 0, end = 0;  // raw, quotes excluded
  bool quoted = false;
};

std::vector<CsvField> csv_fields(std::string_view record) {
  std::vector<CsvField> fields;
  size_t i = 0;
  for (;;) {
    CsvField f;
    if (i < record.size() && record[i] == '"') {
      f.quoted = true;
      f.begin = ++i;
      while (i < record.size()) {
        if (record[i] == '"' && i + 1 < record.size() && record[i + 1] == '"') i += 2;
        else if (record[i] == '"') break;
        else ++i;
      }
      f.end = i;
      if (i < record.size()) ++i;  // the closing quote
      while (i < record.size() && record[i] != ',') ++i;
    } else {
      f.begin = i;
      while (i < record.size() && record[i] != ',') ++i;
      f.end = i;
    }
    fields.push_back(f);
    if (i >= record.size()) return fields;
    ++i;  // the comma
  }
}

// A field's text with `""` unescaped, and its pieces (sql offset, raw offset) from `skip` bytes in.
void cook_csv_field(std::string_view record, const CsvField& f, size_t skip, Entry& entry) {
  size_t i = f.begin + skip;
  entry.pieces.emplace_back(0, i);
  while (i < f.end) {
    if (f.quoted && record[i] == '"' && i + 1 < f.end && record[i + 1] == '"') {
      entry.sql += '"';
      i += 2;
      entry.pieces.emplace_back(entry.sql.size(), i);
    } else {
      entry.sql += record[i++];
    }
  }
}

std::string field_text(std::string_view record, const CsvField& f) {
  Entry e;
  cook_csv_field(record, f, 0, e);
  return e.sql;
}

void read_csv(LineStream& in, Collector& collect, const LogFile& log, const LogProgress& progress) {
  std::string record;
  uint32_t first_line = 0;
  if (!next_csv_record(in, record, first_line)) return;
  std::vector<CsvField> fields = csv_fields(record);
  // A pg_stat_statements export names its columns; a csvlog has none (its first field is a time).
  std::optional<size_t> query_column;
  for (size_t i = 0; i < fields.size(); ++i) {
    if (iequals(trim(field_text(record, fields[i])), "query")) query_column = i;
  }
  constexpr size_t csvlog_severity = 11, csvlog_message = 13;
  bool csvlog = !query_column && fields.size() > csvlog_message;
  if (!query_column && !csvlog) {
    throw InputError{fmt::format("{}:1:1: not a query log: a CSV query log is a PostgreSQL csvlog (log_destination = "
                                 "'csvlog') or a pg_stat_statements export whose header names a `query` column",
                                 log.display_path),
                     {}, {}};
  }
  uint64_t next_progress = progress_every;
  bool header = query_column.has_value();
  do {
    if (header) {
      header = false;
      continue;
    }
    if (progress && in.consumed() >= next_progress) {
      progress(log.display_path, in.consumed(), in.size());
      next_progress = in.consumed() + progress_every;
    }
    fields = csv_fields(record);
    Entry entry;
    entry.first_line = first_line;
    if (csvlog) {
      if (fields.size() <= csvlog_message || field_text(record, fields[csvlog_severity]) != "LOG") continue;
      const CsvField& message = fields[csvlog_message];
      std::optional<size_t> sql_at = statement_in_message(std::string_view(record).substr(message.begin, message.end - message.begin));
      if (!sql_at) continue;
      cook_csv_field(record, message, *sql_at, entry);
    } else {
      if (fields.size() <= *query_column) continue;
      cook_csv_field(record, fields[*query_column], 0, entry);
      if (trim(entry.sql).empty()) continue;
    }
    entry.raw = std::move(record);
    collect.add(entry);
    record.clear();
  } while (next_csv_record(in, record, first_line));
}

// --- JSON pg_stat_statements exports ------------------------------------------------------------

// Every string value of a "query" key, anywhere: arrays of objects and one object per line alike.
void read_json(LineStream& in, Collector& collect, const LogFile& log) {
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
    size_t key_start = i;
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
    (void)key_start;
  }
  if (!found_key && !text.empty()) {
    throw InputError{fmt::format("{}:1:1: not a query export: no \"query\" key in this JSON (expected pg_stat_statements "
                                 "rows, e.g. [{{\"query\": \"SELECT …\", \"calls\": 12}}])",
                                 log.display_path),
                     {}, {}};
  }
}

// --- plain SQL ----------------------------------------------------------------------------------

void read_plain_sql(LineStream& in, Collector& collect) {
  // One entry for the whole file; the front end splits it into statements later.
  Entry entry;
  entry.first_line = 1;
  std::string_view line;
  bool first = true;
  while (in.next(line)) {
    if (!first) entry.raw += '\n';
    first = false;
    entry.raw += line;
  }
  if (trim(entry.raw).empty()) return;
  entry.sql = entry.raw;
  entry.pieces.emplace_back(0, 0);
  collect.add(entry);
}

enum class LogFormat { stderr_log, csv, json, plain_sql };

LogFormat format_of(const LogFile& log) {
  std::string_view ext = extension_of(log.display_path);
  if (ext == ".csv") return LogFormat::csv;
  if (ext == ".json" || ext == ".jsonl" || ext == ".ndjson") return LogFormat::json;
  if (ext == ".sql") return LogFormat::plain_sql;
  return LogFormat::stderr_log;
}

}  // namespace

std::string statement_shape(std::string_view sql) {
  std::string out;
  out.reserve(sql.size());
  size_t i = 0;
  auto word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$' || (c & 0x80); };
  bool space = false;
  while (i < sql.size()) {
    char c = sql[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      space = true;
      ++i;
      continue;
    }
    if ((c == '-' && i + 1 < sql.size() && sql[i + 1] == '-') || (c == '/' && i + 1 < sql.size() && sql[i + 1] == '*')) {
      size_t next = skip_sql_trivia(sql, i, CommentRules::postgres);
      if (next > i) {
        space = true;
        i = next;
        continue;
      }
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    if (c == '\'' || ((c == 'E' || c == 'e') && i + 1 < sql.size() && sql[i + 1] == '\'' && (out.empty() || !word(out.back())))) {
      // A string literal ('' doubles a quote; E'' strings also escape with a backslash).
      bool escapes = c != '\'';
      i += escapes ? 2 : 1;
      while (i < sql.size()) {
        if (escapes && sql[i] == '\\') i += 2;
        else if (sql[i] == '\'' && i + 1 < sql.size() && sql[i + 1] == '\'') i += 2;
        else if (sql[i] == '\'') break;
        else ++i;
      }
      ++i;
      out += '?';
    } else if (std::isdigit(static_cast<unsigned char>(c)) && (out.empty() || !word(out.back()))) {
      // A number (not the digits of a name or of $1).
      while (i < sql.size() && (std::isalnum(static_cast<unsigned char>(sql[i])) || sql[i] == '.' || sql[i] == '_')) ++i;
      out += '?';
    } else if (c == '$' && i + 1 < sql.size() && !std::isdigit(static_cast<unsigned char>(sql[i + 1])) &&
               (out.empty() || !word(out.back()))) {
      // A dollar-quoted string: $$…$$ or $tag$…$tag$.
      size_t tag_end = sql.find('$', i + 1);
      std::string_view tag = tag_end == std::string_view::npos ? std::string_view() : sql.substr(i, tag_end - i + 1);
      size_t close = tag.empty() ? std::string_view::npos : sql.find(tag, tag_end + 1);
      if (close == std::string_view::npos) {
        out += sql.substr(i);
        break;
      }
      i = close + tag.size();
      out += '?';
    } else {
      out += c;
      ++i;
    }
  }
  return out;
}

LoggedStatements read_query_logs(SourceManager& sources, const std::vector<LogFile>& logs, const LogProgress& progress) {
  LoggedStatements out;
  Collector collect(out);
  for (const LogFile& log : logs) {
    LineStream in(log);
    switch (format_of(log)) {
      case LogFormat::stderr_log: read_stderr_log(in, collect, log, progress); break;
      case LogFormat::csv: read_csv(in, collect, log, progress); break;
      case LogFormat::json: read_json(in, collect, log); break;
      case LogFormat::plain_sql: read_plain_sql(in, collect); break;
    }
    out.bytes_read += in.consumed();
    if (collect.file_entries() == 0 && in.consumed() > 0) {
      Diagnostic d;
      d.severity = Severity::note;
      d.message = fmt::format("query log {} holds no statement (for PostgreSQL, set log_statement = 'all' or "
                              "log_min_duration_statement = 0)",
                              log.display_path);
      out.notes.push_back(std::move(d));
    }
    collect.finish_file(sources, log);
    if (progress) progress(log.display_path, in.consumed(), in.consumed());
  }
  return out;
}

}  // namespace mc
