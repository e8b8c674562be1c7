#include "sql/pgserver/connection.h"

#include <fmt/format.h>
#include <libpq-fe.h>

#include <cstdlib>

namespace mc::pgserver {

namespace {

std::string field(const PGresult* result, int code) {
  const char* value = PQresultErrorField(result, code);
  return value ? value : "";
}

std::string trimmed(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  return text;
}

struct ParamArrays {
  std::vector<const char*> values;
  explicit ParamArrays(const std::vector<std::optional<std::string>>& params) {
    for (const auto& p : params) values.push_back(p ? p->c_str() : nullptr);
  }
  int count() const { return static_cast<int>(values.size()); }
};

}  // namespace

Result::Result(pg_result* result) : result_(result, PQclear) {
  ExecStatusType status = result ? PQresultStatus(result) : PGRES_FATAL_ERROR;
  if (status == PGRES_FATAL_ERROR || status == PGRES_NONFATAL_ERROR || status == PGRES_BAD_RESPONSE) {
    ServerError e;
    if (result) {
      e.sqlstate = field(result, PG_DIAG_SQLSTATE);
      e.message = field(result, PG_DIAG_MESSAGE_PRIMARY);
      e.detail = field(result, PG_DIAG_MESSAGE_DETAIL);
      e.hint = field(result, PG_DIAG_MESSAGE_HINT);
      std::string position = field(result, PG_DIAG_STATEMENT_POSITION);
      if (!position.empty()) e.position = std::strtoul(position.c_str(), nullptr, 10);
      if (e.message.empty()) e.message = trimmed(PQresultErrorMessage(result));
    }
    if (e.message.empty()) e.message = "no response from the server";
    error_ = std::move(e);
  } else if (status == PGRES_PIPELINE_ABORTED) {
    error_ = ServerError{"", "not run: an earlier statement of its pipeline failed", "", "", 0};
  }
}

int Result::rows() const { return result_ ? PQntuples(result_.get()) : 0; }
int Result::columns() const { return result_ ? PQnfields(result_.get()) : 0; }
std::string Result::value(int row, int column) const { return PQgetvalue(result_.get(), row, column); }
bool Result::is_null(int row, int column) const { return PQgetisnull(result_.get(), row, column) != 0; }
std::string Result::column_name(int column) const { return PQfname(result_.get(), column); }
unsigned Result::column_type(int column) const { return PQftype(result_.get(), column); }
int Result::parameters() const { return result_ ? PQnparams(result_.get()) : 0; }
unsigned Result::parameter_type(int index) const { return PQparamtype(result_.get(), index); }
long Result::affected_rows() const {
  const char* n = result_ ? PQcmdTuples(result_.get()) : nullptr;
  return n && *n ? std::strtol(n, nullptr, 10) : -1;
}

Connection::Connection(const ConnectTarget& target) {
  std::string options = target.statement_timeout_ms > 0
                            ? fmt::format("-c statement_timeout={}", target.statement_timeout_ms)
                            : std::string();
  if (!target.search_path.empty()) {
    // Startup options split at spaces; a backslash keeps one in the value.
    std::string value;
    for (char c : target.search_path) {
      if (c == ' ' || c == '\\') value += '\\';
      value += c;
    }
    options += (options.empty() ? "" : " ") + std::string("-c search_path=") + value;
  }
  std::vector<const char*> keys = {"dbname", "application_name", "connect_timeout", "client_encoding"};
  std::vector<const char*> values = {target.conninfo.c_str(), "migcompat", "10", "UTF8"};
  if (!target.database.empty()) keys.push_back("dbname"), values.push_back(target.database.c_str());
  if (!options.empty()) keys.push_back("options"), values.push_back(options.c_str());
  keys.push_back(nullptr);
  values.push_back(nullptr);
  conn_ = PQconnectdbParams(keys.data(), values.data(), 1);
  if (!conn_ || PQstatus(conn_) != CONNECTION_OK) {
    std::string why = conn_ ? trimmed(PQerrorMessage(conn_)) : "out of memory";
    if (conn_) PQfinish(conn_);
    conn_ = nullptr;
    throw ConnectionError{fmt::format("cannot connect to PostgreSQL at {}: {}", describe_target(target.conninfo), why)};
  }
  PQsetErrorVerbosity(conn_, PQERRORS_DEFAULT);
  PQsetNoticeProcessor(conn_, [](void*, const char*) {}, nullptr);  // NOTICEs are not findings
}

Connection::~Connection() {
  if (conn_) PQfinish(conn_);
}

Result Connection::checked(pg_result* result) {
  if (!result || PQstatus(conn_) != CONNECTION_OK) {
    std::string why = trimmed(PQerrorMessage(conn_));
    if (result) PQclear(result);
    throw ConnectionError{fmt::format("the PostgreSQL connection was lost: {}", why)};
  }
  if (PQresultStatus(result) == PGRES_COPY_IN) {
    // A COPY … FROM STDIN with no data here: end it as failed so the connection stays usable.
    PQputCopyEnd(conn_, "migcompat sends no COPY data");
    PQclear(result);
    PGresult* outcome = PQgetResult(conn_);
    while (PGresult* next = PQgetResult(conn_)) PQclear(next);
    return Result(outcome);
  }
  return Result(result);
}

Result Connection::exec(const std::string& sql) { return checked(PQexec(conn_, sql.c_str())); }

Result Connection::must(const std::string& sql) {
  Result r = exec(sql);
  if (!r.ok()) throw ConnectionError{fmt::format("PostgreSQL rejected migcompat's own statement ({}): {}", sql, r.error()->message)};
  return r;
}

Result Connection::exec_params(const std::string& sql, const std::vector<std::optional<std::string>>& params) {
  ParamArrays p(params);
  return checked(PQexecParams(conn_, sql.c_str(), p.count(), nullptr, p.values.data(), nullptr, nullptr, 0));
}

Result Connection::prepare(const std::string& name, const std::string& sql) {
  return checked(PQprepare(conn_, name.c_str(), sql.c_str(), 0, nullptr));
}

Result Connection::describe_prepared(const std::string& name) { return checked(PQdescribePrepared(conn_, name.c_str())); }

Result Connection::exec_prepared(const std::string& name, const std::vector<std::optional<std::string>>& params) {
  ParamArrays p(params);
  return checked(PQexecPrepared(conn_, name.c_str(), p.count(), p.values.data(), nullptr, nullptr, 0));
}

std::vector<Result> Connection::pipeline(const std::vector<PipelineStep>& steps) {
  auto lost = [&](const char* doing) {
    return ConnectionError{fmt::format("the PostgreSQL connection failed while {}: {}", doing, trimmed(PQerrorMessage(conn_)))};
  };
  // Step i closes a sync group: a Sync follows it, and its own result is followed by the Sync's.
  auto ends_group = [&](size_t i) { return steps[i].sync || i + 1 == steps.size(); };
  if (PQenterPipelineMode(conn_) != 1) throw lost("entering pipeline mode");
  for (size_t i = 0; i < steps.size(); ++i) {
    const PipelineStep& step = steps[i];
    ParamArrays p(step.params);
    int sent = 0;
    switch (step.kind) {
      case PipelineStep::Kind::statement:
        sent = PQsendQueryParams(conn_, step.text.c_str(), 0, nullptr, nullptr, nullptr, nullptr, 0);
        break;
      case PipelineStep::Kind::prepare: sent = PQsendPrepare(conn_, step.name.c_str(), step.text.c_str(), 0, nullptr); break;
      case PipelineStep::Kind::describe: sent = PQsendDescribePrepared(conn_, step.name.c_str()); break;
      case PipelineStep::Kind::execute:
        sent = PQsendQueryPrepared(conn_, step.name.c_str(), p.count(), p.values.data(), nullptr, nullptr, 0);
        break;
    }
    if (sent != 1) throw lost("sending a pipeline");
    if (ends_group(i) && PQpipelineSync(conn_) != 1) throw lost("sending a pipeline");
  }
  std::vector<Result> out;
  out.reserve(steps.size());
  for (size_t i = 0; i < steps.size(); ++i) {
    PGresult* result = PQgetResult(conn_);
    if (!result) throw lost("reading a pipeline's results");
    out.push_back(Result(result));
    while (PGresult* rest = PQgetResult(conn_)) PQclear(rest);  // a statement's results end with a null
    if (ends_group(i)) {
      PGresult* sync = PQgetResult(conn_);
      bool synced = sync && PQresultStatus(sync) == PGRES_PIPELINE_SYNC;
      if (sync) PQclear(sync);
      if (!synced) throw lost("reading a pipeline's results");
    }
  }
  if (PQexitPipelineMode(conn_) != 1) throw lost("leaving pipeline mode");
  return out;
}

int Connection::server_version() const { return PQserverVersion(conn_); }

std::string Connection::server_version_text() const {
  // "15.18 (Debian 15.18-0+deb12u1)" → "15.18"
  const char* v = PQparameterStatus(conn_, "server_version");
  std::string text = v ? v : std::to_string(server_version());
  return text.substr(0, text.find(' '));
}

std::string describe_target(const std::string& conninfo) {
  char* error = nullptr;
  PQconninfoOption* options = PQconninfoParse(conninfo.c_str(), &error);
  if (error) PQfreemem(error);
  if (!options) return "(unparsable connection string)";
  std::string host = "localhost", port = "5432", db, user;
  for (PQconninfoOption* o = options; o->keyword; ++o) {
    if (!o->val) continue;
    std::string key = o->keyword;
    if (key == "host" || key == "hostaddr") host = o->val;
    else if (key == "port") port = o->val;
    else if (key == "dbname") db = o->val;
    else if (key == "user") user = o->val;
  }
  PQconninfoFree(options);
  std::string out = host.starts_with("/") ? host : host + ":" + port;
  if (!db.empty()) out += "/" + db;
  if (!user.empty()) out += " as " + user;
  return out;
}

std::string quote_identifier(const std::string& name) {
  std::string out = "\"";
  for (char c : name) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string quote_literal(const std::string& value) {
  std::string out = "'";
  for (char c : value) out += c == '\'' ? std::string("''") : std::string(1, c);
  return out + "'";
}

}  // namespace mc::pgserver
