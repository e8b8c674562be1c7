// Query logs as the old code's workload: what the deployed code really ran, read from the
// database's own logs where the SQL is built by an ORM or at run time.
//
// Formats, told apart by content (and extension):
//   - PostgreSQL stderr logs (`log_statement = 'all'` or `log_min_duration_statement`): entries
//     `… LOG:  statement: …`, `… LOG:  duration: 1.2 ms  statement: …`, `… execute <name>: …`;
//     continuation lines begin with a tab. Any log_line_prefix; messages in English.
//   - PostgreSQL csvlog: the message column of LOG records, same markers.
//   - A pg_stat_statements export: CSV with a header naming a `query` column, or JSON (an array of
//     objects, or one object per line) whose objects have a "query" string.
//   - A plain `.sql` file of statements.
//
// Logs are streamed (memory grows with the distinct statements, not the log) and deduplicated by
// shape: statements that differ only in literal values, whitespace or comments are one statement,
// kept at its first occurrence and counted. (Not by pg_query_fingerprint, which also merges
// relation names that differ only in digits: a dropped events_2023 would hide behind events_2024.) Only the log lines of kept statements are held, in an
// excerpt SourceFile, so that locations are the log's real `path:line:col`.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "base/source.h"

namespace mc {

struct LoggedStatements {
  std::vector<SqlText> statements;   // one per distinct statement (a log entry may hold several)
  std::vector<uint64_t> occurrences;  // how often each was logged
  std::vector<Diagnostic> notes;      // logs that held no statement
  uint64_t bytes_read = 0;
  uint64_t entries = 0;  // statements seen in all, before deduplication
};

// Called now and then while a log is read: (display path, bytes done, file size).
using LogProgress = std::function<void(const std::string& path, uint64_t done, uint64_t total)>;

struct LogFile {
  std::filesystem::path path;  // to open
  std::string display_path;    // as reports show it
  std::string tree;            // "old" for a tree's file, "" for one named on the command line
};

// Reads every log, in order. Throws InputError (exit 2) for an unreadable file, binary data, or
// a file in none of the formats above.
LoggedStatements read_query_logs(SourceManager& sources, const std::vector<LogFile>& logs,
                                 const LogProgress& progress = nullptr);

// The shape of a statement: its text with literals as `?`, whitespace runs as one space and
// comments dropped. Statements of one shape differ only in values.
std::string statement_shape(std::string_view sql);

}  // namespace mc
