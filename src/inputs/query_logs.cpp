#include "inputs/query_logs.h"

#include <fmt/format.h>

#include <string_view>
#include <unordered_map>

#include "base/text.h"
#include "inputs/log_reading.h"

namespace mc {

namespace {

std::string_view extension_of(std::string_view path) {
  size_t slash = path.rfind('/');
  size_t dot = path.rfind('.');
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) return {};
  return path.substr(dot);
}

// Keeps the first entry of each statement shape and builds the excerpt of the current file.
class Collector : public EntrySink {
 public:
  explicit Collector(LoggedStatements& out) : out_(out) {}

  void add(Entry& entry) override {
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
      case LogFormat::csv: read_log_csv(in, collect, log, progress); break;
      case LogFormat::json: read_log_json(in, collect, log); break;
      case LogFormat::plain_sql: read_log_sql(in, collect); break;
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
