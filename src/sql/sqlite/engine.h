// The SQLite engine, in process: the only place that includes sqlite3.h. Everything the
// analyses ask of SQLite (apply a statement, compile a query and see what it touches, run a
// write and roll it back, read the schema) goes through this class.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <variant>
#include <vector>

#include "catalog/catalog.h"

struct sqlite3;
struct sqlite3_stmt;

namespace mc::sqlite {

// Owns a compiled statement: finalized when dropped.
struct StatementFinalizer {
  void operator()(sqlite3_stmt* statement) const;
};
using StmtPtr = std::unique_ptr<sqlite3_stmt, StatementFinalizer>;

// What a compiled statement reads or writes, as the engine's authorizer reports it.
struct Access {
  enum Kind { read, insert, update, del } kind;
  std::string table;
  std::string column;  // for reads and updated columns; empty otherwise
};

struct Compiled {
  bool ok = false;
  std::string error;           // the engine's message when !ok
  std::optional<size_t> error_offset;  // byte offset in the statement the engine points at
  std::vector<Access> accesses;
  std::vector<std::string> result_columns;
  int parameter_count = 0;
  bool read_only = true;
};

using Value = std::variant<std::monostate, int64_t, double, std::string>;

struct RunResult {
  bool ok = false;
  std::string error;
  int extended_code = 0;
  int64_t changes = 0;  // rows inserted, updated or deleted (not counting triggers)
};

// Bounds on what one statement may cost. A migration or query is input, not code we trust: it
// may loop forever (a recursive CTE without an end) or ask for gigabytes (randomblob).
struct Limits {
  double statement_seconds = 30;          // per statement run; then SQLITE_INTERRUPT
  int64_t heap_bytes = int64_t{512} << 20;  // for all of SQLite in this process
};
// Applies to databases opened afterwards (the heap limit at once). Call before any Database.
void set_limits(const Limits& limits);

class Database {
 public:
  // A fresh in-memory database with foreign keys off (SQLite's default). It can write nothing but
  // itself: ATTACH and VACUUM INTO of a file are refused (see guard in engine.cpp).
  Database();
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  // Runs one statement to completion (all rows stepped). Returns the engine's error, if any.
  // With `touched`, the names of the tables, views and indexes' tables the statement creates,
  // alters or drops are added to it (as the authorizer reports them).
  std::optional<std::string> execute(std::string_view sql, std::vector<std::string>* touched = nullptr);

  // Compiles without running and records what the statement touches.
  Compiled compile(std::string_view sql);

  // Compiles, binds `params` (1-based order) and steps to completion. The compiled statement is
  // kept, by its text, for the next run of the same text: the proof runs each old write, its
  // savepoints and its seed rows once per value set, and compiling a write on a wide table costs
  // more than running it.
  RunResult run(std::string_view sql, const std::vector<Value>& params = {});

  // Copies this database's contents into `target` (the backup API): cheaper than replaying.
  void copy_to(Database& target);

  // Adds every table (with its rows, rowids and AUTOINCREMENT counters), index, view and trigger
  // of `part` to this database, in the order `part` created them; rows are copied before any
  // trigger exists, so none fires. The names must be new here: the partitioned replay merges
  // parts that share no object. Returns the engine's error; this database is then half merged.
  std::optional<std::string> merge_from(Database& part);

  // The schema as the dialect-neutral catalog: tables and views with their columns, indexes.
  // With `only`, just those relations (and their indexes): a per-statement diff's worth.
  catalog::Catalog read_catalog(const std::vector<std::string>* only = nullptr);

  // Everything a replay leaves, as text, to compare two databases: each schema object's SQL by
  // name, every table's rows (with rowids) in key order, user_version and the connection's
  // foreign_keys and legacy_alter_table settings.
  std::string dump();

  // Whether a table or view of that name exists.
  bool has_relation(std::string_view name);

 private:
  using Recorder = int (*)(void*, int, const char*, const char*, const char*, const char*);
  static int guard(void* self, int action, const char* a, const char* b, const char* database, const char* trigger);
  static int check_deadline(void* self);
  // Runs `prepare`d statements under the recorder and the time limit; resets both after.
  void start(Recorder recorder, void* data);
  void finish();
  struct Running {
    Database* db;
    ~Running() { db->finish(); }
  };
  // The engine's message, or ours when the guard or the deadline stopped the statement.
  std::string error_message() const;

  // The statement `run` compiled for `sql` before, or a new one (null when it does not compile).
  sqlite3_stmt* compiled_for_run(std::string_view sql);

  sqlite3* db_ = nullptr;
  // What `run` compiled, by text; bounded (emptied when full), finalized before the database closes.
  std::unordered_map<std::string, StmtPtr> run_statements_;
  Recorder recorder_ = nullptr;
  void* recorder_data_ = nullptr;
  std::string refused_;  // what the guard refused during the current statement
  bool timed_out_ = false;
  int64_t deadline_ns_ = 0;
};

// The engine's version, e.g. "3.40.1".
std::string engine_version();

}  // namespace mc::sqlite
