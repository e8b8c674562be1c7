#include "analyses/postgres_apply.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdlib>

#include "base/diagnostic.h"
#include "base/text.h"

namespace mc {

namespace {

constexpr std::array<std::string_view, 8> lock_modes = {
    "AccessShareLock", "RowShareLock",          "RowExclusiveLock", "ShareUpdateExclusiveLock",
    "ShareLock",       "ShareRowExclusiveLock", "ExclusiveLock",    "AccessExclusiveLock"};

// PostgreSQL's table-level lock conflict matrix, by lock_modes index (bit i: conflicts with mode i).
constexpr std::array<unsigned, 8> conflicts = {
    0b10000000,  // ACCESS SHARE: ACCESS EXCLUSIVE
    0b11000000,  // ROW SHARE: EXCLUSIVE, ACCESS EXCLUSIVE
    0b11110000,  // ROW EXCLUSIVE: SHARE and stronger
    0b11111000,  // SHARE UPDATE EXCLUSIVE: itself and stronger
    0b11101100,  // SHARE: ROW EXCLUSIVE, SHARE UPDATE EXCLUSIVE, SHARE ROW EXCLUSIVE and stronger
    0b11111100,  // SHARE ROW EXCLUSIVE: ROW EXCLUSIVE and stronger
    0b11111110,  // EXCLUSIVE: ROW SHARE and stronger
    0b11111111,  // ACCESS EXCLUSIVE: everything
};

std::string first_word(std::string_view sql) {
  size_t at = skip_sql_trivia(sql, 0, CommentRules::postgres);
  std::string word;
  while (at < sql.size() && (std::isalpha(static_cast<unsigned char>(sql[at])) != 0)) {
    word += static_cast<char>(std::tolower(static_cast<unsigned char>(sql[at++])));
  }
  return word;
}

// Statements migcompat does not send: each statement gets its own transaction anyway, and COPY
// data from the client is not part of the schema.
bool not_sent(std::string_view sql) {
  std::string word = first_word(sql);
  if (word == "begin" || word == "start" || word == "commit" || word == "end" || word == "rollback" ||
      word == "abort" || word == "savepoint" || word == "release") {
    return true;
  }
  if (word == "copy") {
    std::string lower = to_lower(normalize_sql(sql));
    return lower.find("from stdin") != std::string::npos;
  }
  return false;
}

unsigned to_oid(const std::string& text) { return static_cast<unsigned>(std::strtoul(text.c_str(), nullptr, 10)); }

// What a traced statement is measured by, per user table: its file (a rewrite gives it a new
// one) and the sequential scans this backend counted on it so far (pending statistics, which
// include earlier transactions not flushed yet, so only a difference means anything). One query
// over pg_class, the function pg_stat_xact_user_tables reads: the view's grouping over pg_index
// made it the costliest part of a traced statement.
struct TableCounters {
  std::map<unsigned, std::string> files;  // tables and materialized views
  std::map<unsigned, long> scans;         // user tables of every kind, where nonzero
};

TableCounters table_counters(pgserver::Connection& c, const char* before = "") {
  TableCounters out;
  pgserver::Result r = c.must(std::string(before) +
                              "SELECT oid, relkind, relfilenode, pg_stat_get_xact_numscans(oid) FROM pg_class "
                              "WHERE oid >= 16384 AND relkind IN ('r', 'm', 'p')");
  for (int i = 0; i < r.rows(); ++i) {
    unsigned oid = to_oid(r.value(i, 0));
    if (r.value(i, 1) != "p") out.files[oid] = r.value(i, 2);
    if (long scans = std::strtol(r.value(i, 3).c_str(), nullptr, 10); scans > 0) out.scans[oid] = scans;
  }
  return out;
}

std::string missing_role(const pgserver::ServerError& e) {
  if (e.sqlstate != "42704" || !e.message.starts_with("role \"")) return "";
  size_t end = e.message.find('"', 6);
  return end == std::string::npos ? "" : e.message.substr(6, end - 6);
}

}  // namespace

namespace {

// The byte offset in `sent` of PostgreSQL's 1-based character `position`.
size_t byte_of_position(std::string_view sent, size_t position) {
  size_t chars = 0, at = 0;
  while (at < sent.size() && chars + 1 < position) {
    if ((static_cast<unsigned char>(sent[at]) & 0xC0) != 0x80) ++chars;
    ++at;
    while (at < sent.size() && (static_cast<unsigned char>(sent[at]) & 0xC0) == 0x80) ++at;
  }
  return at;
}

}  // namespace

Span server_error_span(const Statement& statement, std::string_view sent, size_t position) {
  if (position == 0) return statement.span();
  size_t at = byte_of_position(sent, position);
  if (at >= statement.text().size()) return statement.span();
  return statement.span_at(at, at + 1);
}

Span server_error_span(const Statement& statement, const sql::NormalizedSql& sent, size_t position) {
  if (position == 0) return statement.span();
  size_t at = sent.to_original(byte_of_position(sent.text, position));
  if (at >= statement.text().size()) return statement.span();
  return statement.span_at(at, at + 1);
}

int lock_strength(std::string_view mode) {
  auto it = std::find(lock_modes.begin(), lock_modes.end(), mode);
  return it == lock_modes.end() ? -1 : static_cast<int>(it - lock_modes.begin());
}

bool locks_conflict(std::string_view held, std::string_view wanted) {
  int h = lock_strength(held), w = lock_strength(wanted);
  return h >= 0 && w >= 0 && (conflicts[static_cast<size_t>(h)] >> w & 1u) != 0;
}

pgserver::Result MigrationRunner::run_with_roles(const std::string& sql, bool in_transaction) {
  for (int attempt = 0;; ++attempt) {
    pgserver::Result r = connection_.exec(sql);
    std::string role = r.ok() || !create_missing_roles_ || attempt == 8 ? "" : missing_role(*r.error());
    if (role.empty()) return r;
    if (in_transaction) connection_.exec("ROLLBACK");
    connection_.must("CREATE ROLE " + pgserver::quote_identifier(role));
    if (in_transaction) connection_.must("BEGIN");
  }
}

StatementTrace MigrationRunner::apply(const Statement& statement, const char* which, bool trace) {
  StatementTrace out;
  const SourceFile* source = statement.file();
  if (source != file_) {
    if (file_) connection_.must("RESET search_path");
    file_ = source;
  }
  std::string sql(statement.text());
  if (not_sent(sql)) {
    out.skipped = true;
    return out;
  }
  // Traced statements run in a transaction of their own, so that their locks can be read before
  // it ends; untraced ones run in autocommit, which saves two round trips each.
  bool in_transaction = trace;
  TableCounters before;
  // Counted inside the transaction: statistics are flushed only outside one.
  if (trace) before = table_counters(connection_, "BEGIN; ");
  auto started = std::chrono::steady_clock::now();
  pgserver::Result result = run_with_roles(sql, in_transaction);
  if (in_transaction && !result.ok() && result.error()->sqlstate == "25001") {
    // CREATE INDEX CONCURRENTLY and friends: not inside a transaction block.
    connection_.exec("ROLLBACK");
    out.outside_transaction = true;
    started = std::chrono::steady_clock::now();
    result = connection_.exec(sql);
  }
  out.milliseconds = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  if (!result.ok()) {
    if (in_transaction && !out.outside_transaction) connection_.exec("ROLLBACK");
    const pgserver::ServerError& e = *result.error();
    std::string detail = e.detail.empty() ? "" : " (" + e.detail + ")";
    throw InputError{fmt::format("{} migration statement fails on PostgreSQL: {} [SQLSTATE {}]{}", which, e.message, e.sqlstate, detail),
                     server_error_span(statement, sql, e.position), {}};
  }
  if (!in_transaction || out.outside_transaction) return out;
  {
    pgserver::Result locks = connection_.must(
        "SELECT relation, mode FROM pg_locks WHERE pid = pg_backend_pid() AND locktype = 'relation' AND granted "
        "AND relation >= 16384");
    for (int i = 0; i < locks.rows(); ++i) {
      std::string& mode = out.locks[to_oid(locks.value(i, 0))];
      if (lock_strength(locks.value(i, 1)) > lock_strength(mode)) mode = locks.value(i, 1);
    }
    TableCounters after = table_counters(connection_);
    for (const auto& [oid, file] : after.files) {
      auto was = before.files.find(oid);
      if (was != before.files.end() && was->second != file) out.rewritten.push_back(oid);
    }
    for (const auto& [oid, count] : after.scans) {
      if (count > before.scans[oid]) out.scanned.push_back(oid);
    }
  }
  connection_.must("COMMIT");
  return out;
}

}  // namespace mc
