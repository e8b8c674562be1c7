// Applying migration statements on a PostgreSQL server, one transaction each (where PostgreSQL
// allows one), optionally tracing what each takes: relation locks (from pg_locks of its own
// backend, while the transaction is still open), table rewrites (relfilenode changed) and table
// scans (the backend's pending sequential-scan counts).
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "base/source.h"
#include "sql/pgserver/connection.h"
#include "sql/placeholders.h"
#include "sql/statement.h"

namespace mc {

struct StatementTrace {
  bool skipped = false;              // transaction control or COPY … FROM STDIN: not run
  bool outside_transaction = false;  // PostgreSQL refused it inside a transaction block
  std::map<unsigned, std::string> locks;  // relation OID → strongest lock mode taken
  std::vector<unsigned> rewritten;        // tables whose storage was rewritten
  std::vector<unsigned> scanned;          // tables read in full
  double milliseconds = 0;
};

// The span of a server error position (1-based characters) in the text that was sent.
Span server_error_span(const Statement& statement, std::string_view sent, size_t position);
// The same for a query whose placeholders were rewritten before it was sent.
Span server_error_span(const Statement& statement, const sql::NormalizedSql& sent, size_t position);

// Lock modes in PostgreSQL's order, weakest first; "" when unknown.
int lock_strength(std::string_view mode);
// Whether lock `held` keeps a statement that needs `wanted` waiting.
bool locks_conflict(std::string_view held, std::string_view wanted);

class MigrationRunner {
 public:
  // `create_missing_roles`: in a throwaway cluster, roles that GRANT/OWNER TO name are created
  // on first use (roles live outside databases; an existing server is never written to).
  MigrationRunner(pgserver::Connection& connection, bool create_missing_roles)
      : connection_(connection), create_missing_roles_(create_missing_roles) {}

  // Applies one statement. Throws InputError, naming `which` ("deployed" or "new"), when the
  // server rejects it; pgserver::ConnectionError when the connection fails.
  StatementTrace apply(const Statement& statement, const char* which, bool trace);

 private:
  pgserver::Result run_with_roles(const std::string& sql, bool in_transaction);

  pgserver::Connection& connection_;
  bool create_missing_roles_;
  // Each migration file runs in a session of its own: a SET search_path in one does not reach
  // the next (RESET returns to the connection's configured one).
  const SourceFile* file_ = nullptr;
};

}  // namespace mc
