#include <fmt/format.h>

#include <optional>

#include "base/text.h"
#include "inputs/log_reading.h"

namespace mc {

namespace {

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

}  // namespace

void read_stderr_log(LineStream& in, EntrySink& collect, const LogFile& log, const LogProgress& progress) {
  std::optional<Entry> current;
  bool recognized = false;
  uint64_t next_progress = log_progress_every;
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
      next_progress = in.consumed() + log_progress_every;
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

void read_log_csv(LineStream& in, EntrySink& collect, const LogFile& log, const LogProgress& progress) {
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
  uint64_t next_progress = log_progress_every;
  bool header = query_column.has_value();
  do {
    if (header) {
      header = false;
      continue;
    }
    if (progress && in.consumed() >= next_progress) {
      progress(log.display_path, in.consumed(), in.size());
      next_progress = in.consumed() + log_progress_every;
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

void read_log_sql(LineStream& in, EntrySink& collect) {
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

}  // namespace mc
