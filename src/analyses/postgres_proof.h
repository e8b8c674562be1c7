// The proof on a real PostgreSQL server (`--engine postgres`): the deployed schema is built once
// in a scratch database and cloned (CREATE DATABASE … TEMPLATE) for the new schema; every new
// migration statement runs with a lock and rewrite trace; every old query is prepared on both
// schemas and run differentially with the same synthesized values, over several connections.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "analyses/plan.h"
#include "analyses/postgres_apply.h"
#include "sql/model.h"
#include "sql/pgserver/connection.h"

namespace mc {

struct ServerProofOptions {
  std::string database_url;         // empty: a throwaway cluster
  std::string pg_user = "postgres";  // the user a throwaway cluster runs as when migcompat is root
  unsigned jobs = 0;                 // connections per schema; 0: one per core
  int statement_timeout_ms = 30000;  // for every statement migcompat sends
  int budget_seconds = 600;          // for the whole proof
};

// Whether a throwaway cluster can be started here (PostgreSQL's server binaries are installed).
bool postgres_server_available();

struct ResultColumn {
  std::string name;
  std::string type;
  bool operator==(const ResultColumn&) const = default;
};

struct ServerVerdict {
  enum class Outcome {
    not_run,            // not a query (DDL among the old code's SQL) or not parsable
    compatible,         // prepared on both schemas; runs on the new one where it ran on the old
    breaks,             // the new schema rejects it: when prepared, or when run (at_execution)
    fails_on_deployed,  // the deployed schema rejects it too: nothing to prove
    not_exercised,      // a write that prepared on both but never ran on the deployed schema
  } outcome = Outcome::not_run;
  sql::QueryModel::Kind kind = sql::QueryModel::Kind::other;
  std::string target;  // the table an INSERT, UPDATE or DELETE writes
  bool at_execution = false;
  pgserver::ServerError error;  // the new schema's (breaks) or the deployed schema's
  std::string values;           // the parameter values it ran with, for the report
  std::vector<ResultColumn> columns_before, columns_after;
  std::map<unsigned, std::string> needs;  // relation OID → the lock mode the query takes
  std::optional<size_t> culprit;          // index into plan.incoming: the statement that breaks it
};

struct ServerProof {
  std::string engine;  // "PostgreSQL 15.18 (throwaway cluster)"
  std::vector<ServerVerdict> verdicts;             // one per old query
  std::vector<StatementTrace> traces;              // one per incoming statement
  std::map<unsigned, std::string> relation_names;  // OID → the name old code uses (deployed schema)
  double startup_seconds = 0;                      // server start and both schemas built
  double proof_seconds = 0;                        // old queries proved
};

// Throws InputError: no server, a migration statement the server rejects, a lost connection,
// the time budget exceeded.
ServerProof prove_on_postgres(const MigrationPlan& plan, const std::vector<Statement>& queries,
                              const ServerProofOptions& options);

}  // namespace mc
