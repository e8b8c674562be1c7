// A PostgreSQL client connection (libpq). Only src/sql/pgserver includes libpq-fe.h.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

struct pg_conn;
struct pg_result;

namespace mc::pgserver {

// What the server said when it rejected a statement.
struct ServerError {
  std::string sqlstate;
  std::string message;
  std::string detail;
  std::string hint;
  size_t position = 0;  // 1-based *character* position in the statement text; 0 when none
};

// Thrown when the server cannot be reached or a connection drops. Never holds a password.
struct ConnectionError {
  std::string message;
};

class Result {
 public:
  explicit Result(pg_result* result);
  bool ok() const { return !error_; }
  const std::optional<ServerError>& error() const { return error_; }
  int rows() const;
  int columns() const;
  std::string value(int row, int column) const;
  bool is_null(int row, int column) const;
  std::string column_name(int column) const;
  unsigned column_type(int column) const;  // type OID
  int parameters() const;                  // of a described prepared statement
  unsigned parameter_type(int index) const;
  long affected_rows() const;              // INSERT/UPDATE/DELETE row count; -1 when none

 private:
  std::shared_ptr<pg_result> result_;
  std::optional<ServerError> error_;
};

// One statement of a pipeline (Connection::pipeline).
struct PipelineStep {
  enum class Kind { statement, prepare, describe, execute };
  Kind kind = Kind::statement;
  std::string text;  // the SQL of a statement or of the statement prepared; unused otherwise
  std::string name;  // the prepared statement's name (prepare, describe, execute)
  std::vector<std::optional<std::string>> params;  // execute's values
  // Ends a sync group: when a statement fails, the server skips the rest of its group (their
  // results say so) and carries on with the next group.
  bool sync = false;

  static PipelineStep statement(std::string sql, bool sync = false) { return {Kind::statement, std::move(sql), {}, {}, sync}; }
  static PipelineStep prepare(std::string name, std::string sql) { return {Kind::prepare, std::move(sql), std::move(name), {}, false}; }
  static PipelineStep describe(std::string name, bool sync = false) { return {Kind::describe, {}, std::move(name), {}, sync}; }
  static PipelineStep execute(std::string name, std::vector<std::optional<std::string>> params, bool sync = false) {
    return {Kind::execute, {}, std::move(name), std::move(params), sync};
  }
};

struct ConnectTarget {
  std::string conninfo;  // keyword=value string or postgresql:// URL; may hold a password
  std::string database;  // overrides the database of conninfo when not empty
  int statement_timeout_ms = 0;
  std::string search_path;  // the session's search_path, in the setting's syntax; "" for the server's
};

class Connection {
 public:
  // Throws ConnectionError.
  explicit Connection(const ConnectTarget& target);
  ~Connection();
  Connection(Connection&& other) noexcept : conn_(other.conn_) { other.conn_ = nullptr; }
  Connection& operator=(Connection&&) = delete;
  Connection(const Connection&) = delete;

  // Simple query protocol. Throws ConnectionError when the connection is lost.
  Result exec(const std::string& sql);
  // Throws ConnectionError unless the statement succeeds; for migcompat's own bookkeeping SQL.
  Result must(const std::string& sql);
  Result exec_params(const std::string& sql, const std::vector<std::optional<std::string>>& params);
  Result prepare(const std::string& name, const std::string& sql);
  Result describe_prepared(const std::string& name);
  Result exec_prepared(const std::string& name, const std::vector<std::optional<std::string>>& params);
  // Sends the steps at once (libpq's pipeline mode, extended protocol) and returns their results
  // in order: one round trip instead of one per statement. A step skipped after an earlier
  // failure in its sync group comes back as an error. Throws ConnectionError when the connection
  // is lost or the library has no pipeline mode.
  std::vector<Result> pipeline(const std::vector<PipelineStep>& steps);

  int server_version() const;  // e.g. 150018
  std::string server_version_text() const;

 private:
  Result checked(pg_result* result);
  pg_conn* conn_ = nullptr;
};

// Where a connection string points, for messages: "host:port/dbname as user", never the password.
std::string describe_target(const std::string& conninfo);

// Quotes an identifier or a literal for SQL text.
std::string quote_identifier(const std::string& name);
std::string quote_literal(const std::string& value);

}  // namespace mc::pgserver
