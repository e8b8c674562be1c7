#include "sql/sqlite/engine.h"

#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <mutex>
#include <set>
#include <stdexcept>

#include <fmt/format.h>

#include "base/text.h"
#include "sql/sqlite/heap.h"

namespace mc::sqlite {

namespace {

// Null when the statement does not compile (sqlite3_errmsg says why).
StmtPtr prepared(sqlite3* db, std::string_view sql) {
  sqlite3_stmt* raw = nullptr;
  sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &raw, nullptr);
  return StmtPtr(raw);
}

std::string column_text(sqlite3_stmt* stmt, int i) {
  const unsigned char* t = sqlite3_column_text(stmt, i);
  return t ? reinterpret_cast<const char*>(t) : "";
}

int record_access(void* data, int action, const char* a, const char* b, const char* database, const char*) {
  auto* out = static_cast<std::vector<Access>*>(data);
  if (database && std::string_view(database) != "main") return SQLITE_OK;
  auto table = [&] { return a ? std::string(a) : std::string(); };
  if (a && istarts_with(a, "sqlite_")) return SQLITE_OK;
  switch (action) {
    case SQLITE_READ: out->push_back({Access::read, table(), b ? b : ""}); break;
    case SQLITE_INSERT: out->push_back({Access::insert, table(), ""}); break;
    case SQLITE_UPDATE: out->push_back({Access::update, table(), b ? b : ""}); break;
    case SQLITE_DELETE: out->push_back({Access::del, table(), ""}); break;
    default: break;
  }
  return SQLITE_OK;
}

// The CHECK expressions of a CREATE TABLE statement, as written (SQLite keeps no other record).
std::vector<std::string> check_expressions(std::string_view sql) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < sql.size()) {
    char c = sql[i];
    if (c == '\'' || c == '"' || c == '`') {
      size_t end = sql.find(c, i + 1);
      i = end == std::string_view::npos ? sql.size() : end + 1;
      continue;
    }
    bool word_start = i == 0 || !(std::isalnum(static_cast<unsigned char>(sql[i - 1])) || sql[i - 1] == '_');
    if (word_start && istarts_with(sql.substr(i), "CHECK")) {
      size_t j = skip_sql_trivia(sql, i + 5);
      if (j < sql.size() && sql[j] == '(') {
        int depth = 0;
        size_t k = j;
        for (; k < sql.size(); ++k) {
          if (sql[k] == '(') ++depth;
          if (sql[k] == ')' && --depth == 0) break;
        }
        out.emplace_back(trim(sql.substr(j + 1, k - j - 1)));
        i = k;
        continue;
      }
    }
    ++i;
  }
  return out;
}

// Schema objects a statement changes: the authorizer names them at prepare time.
int record_schema_change(void* data, int action, const char* a, const char* b, const char*, const char*) {
  auto* out = static_cast<std::vector<std::string>*>(data);
  auto add = [&](const char* name) {
    if (name && !istarts_with(name, "sqlite_")) out->emplace_back(name);
  };
  switch (action) {
    case SQLITE_CREATE_TABLE:
    case SQLITE_DROP_TABLE:
    case SQLITE_CREATE_TEMP_TABLE:
    case SQLITE_CREATE_VIEW:
    case SQLITE_DROP_VIEW: add(a); break;
    case SQLITE_CREATE_INDEX:
    case SQLITE_DROP_INDEX:
    case SQLITE_ALTER_TABLE: add(b); break;  // (index, table) and (database, table)
    default: break;
  }
  return SQLITE_OK;
}

}  // namespace

namespace {

Limits limits;

int64_t now_ns() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

}  // namespace

void set_limits(const Limits& new_limits) {
  limits = new_limits;
  install_bounded_heap();
  set_heap_limit(limits.heap_bytes);
}

Database::Database() {
  install_bounded_heap();
  if (sqlite3_open_v2(":memory:", &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) {
    throw std::runtime_error("cannot open an in-memory SQLite database");
  }
  // Double-quoted strings as identifiers only, as SQLite recommends: a typo'd column must not
  // silently become a string literal.
  sqlite3_db_config(db_, SQLITE_DBCONFIG_DQS_DML, 0, nullptr);
  sqlite3_db_config(db_, SQLITE_DBCONFIG_DQS_DDL, 1, nullptr);
  sqlite3_db_config(db_, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, nullptr);
  sqlite3_exec(db_, "PRAGMA temp_store = MEMORY", nullptr, nullptr, nullptr);
  sqlite3_set_authorizer(db_, &Database::guard, this);
  sqlite3_progress_handler(db_, 10000, &Database::check_deadline, this);
}

Database::~Database() {
  run_statements_.clear();  // finalized first: a statement left open keeps the database alive
  sqlite3_close_v2(db_);
}

void StatementFinalizer::operator()(sqlite3_stmt* statement) const { sqlite3_finalize(statement); }

sqlite3_stmt* Database::compiled_for_run(std::string_view sql) {
  // Enough for the statements one old write runs (itself, savepoints, a seed row per table it
  // changes); emptied when full rather than tracking use, since the proof moves on query by query.
  constexpr size_t kept = 64;
  if (auto it = run_statements_.find(std::string(sql)); it != run_statements_.end()) {
    sqlite3_clear_bindings(it->second.get());
    return it->second.get();
  }
  sqlite3_stmt* raw = nullptr;
  if (sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &raw, nullptr) != SQLITE_OK || !raw) {
    sqlite3_finalize(raw);
    return nullptr;
  }
  if (run_statements_.size() >= kept) run_statements_.clear();
  run_statements_.emplace(std::string(sql), StmtPtr(raw));
  return raw;
}

// Every statement passes here at prepare time (and VACUUM INTO's inner ATTACH at run time). A
// file name in ATTACH or VACUUM INTO would make SQLite create or change a file on the user's disk
// (URI names can even pick another VFS), so only in-memory and temporary databases get through.
int Database::guard(void* self, int action, const char* a, const char* b, const char* database, const char* trigger) {
  auto* db = static_cast<Database*>(self);
  if (action == SQLITE_ATTACH) {
    std::string_view file = a ? a : "";
    if (!file.empty() && file != ":memory:") {
      db->refused_ = fmt::format("'{}': migcompat replays into memory and never writes a file (ATTACH and VACUUM "
                                 "INTO may name only ':memory:')",
                                 file);
      return SQLITE_DENY;
    }
  }
  return db->recorder_ ? db->recorder_(db->recorder_data_, action, a, b, database, trigger) : SQLITE_OK;
}

int Database::check_deadline(void* self) {
  auto* db = static_cast<Database*>(self);
  if (db->deadline_ns_ == 0 || now_ns() < db->deadline_ns_) return 0;
  db->timed_out_ = true;
  return 1;
}

void Database::start(Recorder recorder, void* data) {
  recorder_ = recorder;
  recorder_data_ = data;
  refused_.clear();
  timed_out_ = false;
  deadline_ns_ = now_ns() + static_cast<int64_t>(limits.statement_seconds * 1e9);
}

void Database::finish() {
  recorder_ = nullptr;
  recorder_data_ = nullptr;
  deadline_ns_ = 0;
}

namespace {

// SQLite stops reading a statement at a NUL even when given its length: the rest would vanish.
constexpr std::string_view nul_message = "the statement holds a NUL byte, where SQLite would stop reading it";

}  // namespace

std::string Database::error_message() const {
  if (!refused_.empty()) return "refused " + refused_;
  if (timed_out_) {
    return fmt::format("did not finish within {:g} s (the statement time limit): does it loop, e.g. a recursive "
                       "CTE without an end?",
                       limits.statement_seconds);
  }
  if (sqlite3_errcode(db_) == SQLITE_NOMEM) {
    return fmt::format("out of memory: SQLite may use {} MiB in all", limits.heap_bytes >> 20);
  }
  return sqlite3_errmsg(db_);
}

std::optional<std::string> Database::execute(std::string_view sql, std::vector<std::string>* touched) {
  if (sql.find('\0') != std::string_view::npos) return std::string(nul_message);
  sqlite3_stmt* raw = nullptr;
  const char* tail = nullptr;
  start(touched ? record_schema_change : nullptr, touched);
  Running running{this};
  int rc_prepare = sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &raw, &tail);
  // What the statement touches is known once it is prepared; running it records nothing more.
  recorder_ = nullptr;
  if (rc_prepare != SQLITE_OK) return error_message();
  StmtPtr stmt(raw);
  if (!stmt) return std::nullopt;  // only comments
  int rc;
  while ((rc = sqlite3_step(stmt.get())) == SQLITE_ROW) {
  }
  if (rc != SQLITE_DONE) return error_message();
  return std::nullopt;
}

Compiled Database::compile(std::string_view sql) {
  Compiled out;
  if (sql.find('\0') != std::string_view::npos) {
    out.error = nul_message;
    return out;
  }
  start(record_access, &out.accesses);
  sqlite3_stmt* raw = nullptr;
  int rc = sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &raw, nullptr);
  finish();
  StmtPtr stmt(raw);
  if (rc != SQLITE_OK) {
    out.error = error_message();
    int offset = sqlite3_error_offset(db_);
    if (offset >= 0) out.error_offset = static_cast<size_t>(offset);
    return out;
  }
  if (!stmt) {
    out.error = "no statement";
    return out;
  }
  out.ok = true;
  out.parameter_count = sqlite3_bind_parameter_count(stmt.get());
  out.read_only = sqlite3_stmt_readonly(stmt.get()) != 0;
  for (int i = 0; i < sqlite3_column_count(stmt.get()); ++i) out.result_columns.emplace_back(sqlite3_column_name(stmt.get(), i));
  return out;
}

RunResult Database::run(std::string_view sql, const std::vector<Value>& params) {
  RunResult out;
  if (sql.find('\0') != std::string_view::npos) {
    out.error = nul_message;
    return out;
  }
  start(nullptr, nullptr);
  Running running{this};
  sqlite3_stmt* stmt = compiled_for_run(sql);
  if (!stmt) {
    out.error = sqlite3_errcode(db_) == SQLITE_OK ? "no statement" : error_message();
    out.extended_code = sqlite3_extended_errcode(db_);
    return out;
  }
  for (size_t i = 0; i < params.size(); ++i) {
    int at = static_cast<int>(i + 1);
    const Value& v = params[i];
    if (std::holds_alternative<int64_t>(v)) sqlite3_bind_int64(stmt, at, std::get<int64_t>(v));
    else if (std::holds_alternative<double>(v)) sqlite3_bind_double(stmt, at, std::get<double>(v));
    else if (std::holds_alternative<std::string>(v)) {
      const auto& s = std::get<std::string>(v);
      sqlite3_bind_text(stmt, at, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
    } else sqlite3_bind_null(stmt, at);
  }
  int rc;
  while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
  }
  if (rc != SQLITE_DONE) {
    out.error = error_message();
    out.extended_code = sqlite3_extended_errcode(db_);
  } else {
    out.ok = true;
    out.changes = sqlite3_changes64(db_);
  }
  sqlite3_reset(stmt);  // kept for the next run, but not left active (a savepoint could not end)
  return out;
}

void Database::copy_to(Database& target) {
  sqlite3_backup* backup = sqlite3_backup_init(target.db_, "main", db_, "main");
  if (!backup) throw std::runtime_error(sqlite3_errmsg(target.db_));
  sqlite3_backup_step(backup, -1);
  sqlite3_backup_finish(backup);
}

namespace {

std::string quoted(std::string_view name) {
  std::string out = "\"";
  for (char c : name) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + '"';
}

std::optional<std::string> run_sql(sqlite3* db, const std::string& sql) {
  if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) return std::string(sqlite3_errmsg(db));
  return std::nullopt;
}

// Steps `from` (a SELECT on one connection) and runs `into` (an INSERT of as many parameters on
// another) for each row: values pass between connections without SQL text in between.
std::optional<std::string> copy_each_row(sqlite3* from_db, sqlite3_stmt* from, sqlite3* into_db, sqlite3_stmt* into) {
  if (!from) return std::string(sqlite3_errmsg(from_db));
  if (!into) return std::string(sqlite3_errmsg(into_db));
  int rc;
  while ((rc = sqlite3_step(from)) == SQLITE_ROW) {
    for (int i = 0; i < sqlite3_column_count(from); ++i) sqlite3_bind_value(into, i + 1, sqlite3_column_value(from, i));
    if (sqlite3_step(into) != SQLITE_DONE) return std::string(sqlite3_errmsg(into_db));
    sqlite3_reset(into);
  }
  if (rc != SQLITE_DONE) return std::string(sqlite3_errmsg(from_db));
  return std::nullopt;
}

// Every stored column of `table` with its rowid (under whichever of its three names no column
// took), so that rowids survive also where no INTEGER PRIMARY KEY holds them.
std::optional<std::string> copy_rows(sqlite3* from, sqlite3* into, const std::string& table) {
  std::vector<std::string> all, stored;
  StmtPtr columns = prepared(from, "SELECT name, hidden FROM pragma_table_xinfo(?1)");
  sqlite3_bind_text(columns.get(), 1, table.c_str(), -1, SQLITE_TRANSIENT);
  while (sqlite3_step(columns.get()) == SQLITE_ROW) {
    all.push_back(column_text(columns.get(), 0));
    if (sqlite3_column_int(columns.get(), 1) == 0) stored.push_back(all.back());
  }
  StmtPtr without_rowid = prepared(from, "SELECT 1 FROM pragma_table_list(?1) WHERE schema = 'main' AND wr");
  sqlite3_bind_text(without_rowid.get(), 1, table.c_str(), -1, SQLITE_TRANSIENT);
  std::string list;
  size_t count = stored.size();
  if (sqlite3_step(without_rowid.get()) != SQLITE_ROW) {
    auto taken = [&](std::string_view alias) {
      return std::any_of(all.begin(), all.end(), [&](const std::string& c) { return iequals(c, alias); });
    };
    std::string_view alias = !taken("rowid") ? "rowid" : !taken("oid") ? "oid" : !taken("_rowid_") ? "_rowid_" : "";
    if (alias.empty()) return "table " + table + " has columns named rowid, oid and _rowid_: its rowids cannot be copied";
    list = alias;
    ++count;
  }
  for (const std::string& c : stored) list += (list.empty() ? "" : ", ") + quoted(c);
  std::string parameters;
  for (size_t i = 0; i < count; ++i) parameters += i ? ", ?" : "?";
  StmtPtr select = prepared(from, fmt::format("SELECT {} FROM main.{}", list, quoted(table)));
  StmtPtr insert = prepared(into, fmt::format("INSERT INTO main.{} ({}) VALUES ({})", quoted(table), list, parameters));
  return copy_each_row(from, select.get(), into, insert.get());
}

}  // namespace

std::optional<std::string> Database::merge_from(Database& part) {
  struct Object {
    std::string type, name, sql;
  };
  std::vector<Object> objects;
  StmtPtr list = prepared(part.db_,
                          "SELECT type, name, sql FROM sqlite_schema WHERE sql IS NOT NULL AND name NOT LIKE "
                          "'sqlite\\_%' ESCAPE '\\' ORDER BY rowid");
  while (list && sqlite3_step(list.get()) == SQLITE_ROW) {
    objects.push_back({column_text(list.get(), 0), column_text(list.get(), 1), column_text(list.get(), 2)});
  }
  // Tables first, then their rows, then the indexes, views and triggers over them (a trigger
  // created before the rows would fire on their copy).
  for (const Object& o : objects) {
    if (o.type != "table") continue;
    if (auto error = run_sql(db_, o.sql)) return error;
  }
  for (const Object& o : objects) {
    if (o.type != "table") continue;
    if (auto error = copy_rows(part.db_, db_, o.name)) return error;
  }
  // Copying rows moved the AUTOINCREMENT counters to the largest rowid; the part's own are the
  // true ones (rows deleted at the end leave them higher).
  if (StmtPtr counters = prepared(part.db_, "SELECT name, seq FROM sqlite_sequence")) {
    StmtPtr replace = prepared(db_, "DELETE FROM sqlite_sequence WHERE name = ?1");
    StmtPtr insert = prepared(db_, "INSERT INTO sqlite_sequence (name, seq) VALUES (?1, ?2)");
    while (sqlite3_step(counters.get()) == SQLITE_ROW) {
      sqlite3_bind_value(replace.get(), 1, sqlite3_column_value(counters.get(), 0));
      sqlite3_bind_value(insert.get(), 1, sqlite3_column_value(counters.get(), 0));
      sqlite3_bind_value(insert.get(), 2, sqlite3_column_value(counters.get(), 1));
      if (sqlite3_step(replace.get()) != SQLITE_DONE || sqlite3_step(insert.get()) != SQLITE_DONE) {
        return std::string(sqlite3_errmsg(db_));
      }
      sqlite3_reset(replace.get());
      sqlite3_reset(insert.get());
    }
  }
  for (const Object& o : objects) {
    if (o.type == "table") continue;
    if (auto error = run_sql(db_, o.sql)) return error;
  }
  return std::nullopt;
}

std::string Database::dump() {
  std::string out;
  auto rows_of = [&](const std::string& query) {
    StmtPtr stmt = prepared(db_, query);
    if (!stmt) {
      out += fmt::format("  cannot read: {}\n", sqlite3_errmsg(db_));
      return;
    }
    while (sqlite3_step(stmt.get()) == SQLITE_ROW) {
      out += " ";
      for (int i = 0; i < sqlite3_column_count(stmt.get()); ++i) {
        switch (sqlite3_column_type(stmt.get(), i)) {
          case SQLITE_NULL: out += " NULL"; break;
          case SQLITE_INTEGER: out += fmt::format(" {}", sqlite3_column_int64(stmt.get(), i)); break;
          case SQLITE_FLOAT: out += fmt::format(" {}", sqlite3_column_double(stmt.get(), i)); break;
          default: out += fmt::format(" '{}'", column_text(stmt.get(), i)); break;
        }
      }
      out += "\n";
    }
  };
  std::vector<std::pair<std::string, bool>> tables;  // name, without rowid
  StmtPtr objects = prepared(db_,
                             "SELECT s.type, s.name, s.tbl_name, coalesce(s.sql, ''), coalesce(l.wr, 0) FROM sqlite_schema s "
                             "LEFT JOIN pragma_table_list l ON l.schema = 'main' AND l.name = s.name ORDER BY s.name");
  while (sqlite3_step(objects.get()) == SQLITE_ROW) {
    out += fmt::format("{} {} on {}: {}\n", column_text(objects.get(), 0), column_text(objects.get(), 1),
                       column_text(objects.get(), 2), column_text(objects.get(), 3));
    if (column_text(objects.get(), 0) == "table") tables.emplace_back(column_text(objects.get(), 1), sqlite3_column_int(objects.get(), 4) != 0);
  }
  for (const auto& [table, without_rowid] : tables) {
    out += fmt::format("rows of {}:\n", table);
    // sqlite_sequence's own rowids follow the order tables first got rows: not state anyone reads.
    bool keyed = without_rowid || table == "sqlite_sequence";
    rows_of(fmt::format("SELECT {}* FROM main.{} ORDER BY 1", keyed ? "" : "_rowid_, ", quoted(table)));
  }
  out += "settings:\n";
  rows_of("SELECT * FROM pragma_user_version, pragma_foreign_keys, pragma_legacy_alter_table");
  return out;
}

bool Database::has_relation(std::string_view name) {
  StmtPtr stmt = prepared(db_, "SELECT 1 FROM sqlite_schema WHERE type IN ('table','view') AND name = ?1 COLLATE NOCASE");
  sqlite3_bind_text(stmt.get(), 1, name.data(), static_cast<int>(name.size()), SQLITE_TRANSIENT);
  return sqlite3_step(stmt.get()) == SQLITE_ROW;
}

catalog::Catalog Database::read_catalog(const std::vector<std::string>* only) {
  catalog::Catalog out;
  std::vector<std::tuple<std::string, std::string, std::string, std::string>> rows;
  auto collect = [&](sqlite3_stmt* stmt) {
    while (sqlite3_step(stmt) == SQLITE_ROW) {
      rows.emplace_back(column_text(stmt, 0), column_text(stmt, 1), column_text(stmt, 2), column_text(stmt, 3));
    }
  };
  if (!only) {
    StmtPtr objects = prepared(db_,
                               "SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_schema "
                               "WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY rowid");
    collect(objects.get());
  } else {
    // The relations named, looked up by name (sqlite_schema is keyed for that).
    StmtPtr objects = prepared(db_,
                               "SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_schema "
                               "WHERE tbl_name = ?1 COLLATE NOCASE AND type IN ('table', 'view', 'trigger')");
    std::set<std::string> seen;
    for (const std::string& name : *only) {
      if (!seen.insert(to_lower(name)).second) continue;
      sqlite3_reset(objects.get());
      sqlite3_bind_text(objects.get(), 1, name.c_str(), -1, SQLITE_TRANSIENT);
      collect(objects.get());
    }
  }
  for (const auto& [type, name, table, sql] : rows) {
    if (type != "table" && type != "view") continue;
    catalog::Relation rel;
    rel.name = name;
    rel.kind = type == "view" ? catalog::RelationKind::view : catalog::RelationKind::table;
    rel.definition = sql;
    if (type == "table") rel.checks = check_expressions(sql);
    StmtPtr cols = prepared(db_, "SELECT name, type, \"notnull\", dflt_value, pk, hidden FROM pragma_table_xinfo(?1)");
    sqlite3_bind_text(cols.get(), 1, name.c_str(), -1, SQLITE_TRANSIENT);
    while (sqlite3_step(cols.get()) == SQLITE_ROW) {
      catalog::Column c;
      c.name = column_text(cols.get(), 0);
      c.type = column_text(cols.get(), 1);
      c.not_null = sqlite3_column_int(cols.get(), 2) != 0;
      if (sqlite3_column_type(cols.get(), 3) != SQLITE_NULL) c.default_expr = column_text(cols.get(), 3);
      c.primary_key_position = sqlite3_column_int(cols.get(), 4);
      int hidden = sqlite3_column_int(cols.get(), 5);
      c.generated = hidden == 2 || hidden == 3;
      // A lone INTEGER PRIMARY KEY is the rowid: the engine fills it when omitted.
      rel.columns.push_back(std::move(c));
    }
    int pk_columns = 0;
    for (const auto& c : rel.columns) pk_columns += c.primary_key_position > 0;
    for (auto& c : rel.columns) {
      if (pk_columns == 1 && c.primary_key_position == 1 && iequals(c.type, "INTEGER")) c.generated = true;
    }
    out.add_relation(std::move(rel));
  }
  for (const auto& [type, name, table, sql] : rows) {
    if (type != "table") continue;
    StmtPtr list = prepared(db_, "SELECT name, \"unique\", origin, partial FROM pragma_index_list(?1)");
    sqlite3_bind_text(list.get(), 1, name.c_str(), -1, SQLITE_TRANSIENT);
    while (sqlite3_step(list.get()) == SQLITE_ROW) {
      catalog::Index index;
      index.name = column_text(list.get(), 0);
      index.table = name;
      index.unique = sqlite3_column_int(list.get(), 1) != 0;
      index.constraint = column_text(list.get(), 2) != "c";
      index.partial = sqlite3_column_int(list.get(), 3) != 0;
      StmtPtr info = prepared(db_, "SELECT coalesce(name, '<expr>') FROM pragma_index_info(?1) ORDER BY seqno");
      sqlite3_bind_text(info.get(), 1, index.name.c_str(), -1, SQLITE_TRANSIENT);
      while (sqlite3_step(info.get()) == SQLITE_ROW) index.columns.push_back(column_text(info.get(), 0));
      out.add_index(std::move(index));
    }
  }
  for (const auto& [type, name, table, sql] : rows) {
    if (type != "trigger") continue;
    if (catalog::Relation* rel = out.edit_relation(table)) rel->triggers.push_back({name, ""});
  }
  return out;
}

std::string engine_version() { return sqlite3_libversion(); }

}  // namespace mc::sqlite
