// libpq, opened on first use instead of linked. libpq brings some twenty libraries (TLS,
// Kerberos, LDAP, GnuTLS) that the dynamic loader would map and relocate at every start: 13 ms
// of every run on the reference machine (docs/performance.md), while most runs never talk to a
// server (lint, the SQLite proof, the static PostgreSQL check). The libpq functions migcompat
// calls are defined here, checked against libpq's own declarations (libpq-fe.h), and forward to
// the library, opened by the first call.
#include <dlfcn.h>
#include <fmt/format.h>
#include <libpq-fe.h>

#include <cstdlib>
#include <cstring>

#include "base/diagnostic.h"

namespace mc::pgserver {

namespace {

// Debian's libpq5, or the file MIGCOMPAT_LIBPQ names (a libpq elsewhere).
const char* library_name() {
  const char* chosen = std::getenv("MIGCOMPAT_LIBPQ");
  return chosen && *chosen ? chosen : "libpq.so.5";
}

void* library() {
  static void* const handle = [] {
    void* opened = dlopen(library_name(), RTLD_NOW | RTLD_LOCAL);
    if (!opened) {
      const char* why = dlerror();
      throw InputError{fmt::format("talking to PostgreSQL needs libpq, which could not be loaded ({}); install it "
                                   "(Debian: apt-get install libpq5) or name the file in MIGCOMPAT_LIBPQ",
                                   why ? why : library_name()),
                       {}, {}};
    }
    return opened;
  }();
  return handle;
}

// The library's `name`, as the function type libpq-fe.h declares for it.
template <class Function>
Function* resolve(const char* name) {
  void* symbol = dlsym(library(), name);
  if (!symbol) throw InputError{fmt::format("{} has no function {}: too old a libpq", library_name(), name), {}, {}};
  Function* function = nullptr;
  static_assert(sizeof function == sizeof symbol);
  std::memcpy(&function, &symbol, sizeof function);  // object pointer to function pointer, as POSIX allows
  return function;
}

}  // namespace

}  // namespace mc::pgserver

// Looked up once per function (a thread-safe static), then called straight through.
#define MC_LIBPQ(name)                                                                                   \
  static decltype(name)* const real = mc::pgserver::resolve<decltype(name)>(#name); /* NOLINT */         \
  return real

extern "C" {

// Connections.
PGconn* PQconnectdbParams(const char* const* keywords, const char* const* values, int expand_dbname) {
  MC_LIBPQ(PQconnectdbParams)(keywords, values, expand_dbname);
}
void PQfinish(PGconn* conn) { MC_LIBPQ(PQfinish)(conn); }
ConnStatusType PQstatus(const PGconn* conn) { MC_LIBPQ(PQstatus)(conn); }
char* PQerrorMessage(const PGconn* conn) { MC_LIBPQ(PQerrorMessage)(conn); }
PGPing PQping(const char* conninfo) { MC_LIBPQ(PQping)(conninfo); }
int PQserverVersion(const PGconn* conn) { MC_LIBPQ(PQserverVersion)(conn); }
const char* PQparameterStatus(const PGconn* conn, const char* paramName) { MC_LIBPQ(PQparameterStatus)(conn, paramName); }
PQnoticeProcessor PQsetNoticeProcessor(PGconn* conn, PQnoticeProcessor proc, void* arg) {
  MC_LIBPQ(PQsetNoticeProcessor)(conn, proc, arg);
}
PGVerbosity PQsetErrorVerbosity(PGconn* conn, PGVerbosity verbosity) { MC_LIBPQ(PQsetErrorVerbosity)(conn, verbosity); }
PQconninfoOption* PQconninfoParse(const char* conninfo, char** errmsg) { MC_LIBPQ(PQconninfoParse)(conninfo, errmsg); }
void PQconninfoFree(PQconninfoOption* connOptions) { MC_LIBPQ(PQconninfoFree)(connOptions); }
void PQfreemem(void* ptr) { MC_LIBPQ(PQfreemem)(ptr); }

// Statements.
PGresult* PQexec(PGconn* conn, const char* query) { MC_LIBPQ(PQexec)(conn, query); }
PGresult* PQexecParams(PGconn* conn, const char* command, int nParams, const Oid* paramTypes,
                       const char* const* paramValues, const int* paramLengths, const int* paramFormats,
                       int resultFormat) {
  MC_LIBPQ(PQexecParams)(conn, command, nParams, paramTypes, paramValues, paramLengths, paramFormats, resultFormat);
}
PGresult* PQprepare(PGconn* conn, const char* stmtName, const char* query, int nParams, const Oid* paramTypes) {
  MC_LIBPQ(PQprepare)(conn, stmtName, query, nParams, paramTypes);
}
PGresult* PQexecPrepared(PGconn* conn, const char* stmtName, int nParams, const char* const* paramValues,
                         const int* paramLengths, const int* paramFormats, int resultFormat) {
  MC_LIBPQ(PQexecPrepared)(conn, stmtName, nParams, paramValues, paramLengths, paramFormats, resultFormat);
}
PGresult* PQdescribePrepared(PGconn* conn, const char* stmt) { MC_LIBPQ(PQdescribePrepared)(conn, stmt); }
PGresult* PQgetResult(PGconn* conn) { MC_LIBPQ(PQgetResult)(conn); }

// Pipeline mode (libpq 14 and later): several statements per round trip.
int PQenterPipelineMode(PGconn* conn) { MC_LIBPQ(PQenterPipelineMode)(conn); }
int PQexitPipelineMode(PGconn* conn) { MC_LIBPQ(PQexitPipelineMode)(conn); }
int PQpipelineSync(PGconn* conn) { MC_LIBPQ(PQpipelineSync)(conn); }
int PQsendQueryParams(PGconn* conn, const char* command, int nParams, const Oid* paramTypes,
                      const char* const* paramValues, const int* paramLengths, const int* paramFormats, int resultFormat) {
  MC_LIBPQ(PQsendQueryParams)(conn, command, nParams, paramTypes, paramValues, paramLengths, paramFormats, resultFormat);
}
int PQsendPrepare(PGconn* conn, const char* stmtName, const char* query, int nParams, const Oid* paramTypes) {
  MC_LIBPQ(PQsendPrepare)(conn, stmtName, query, nParams, paramTypes);
}
int PQsendQueryPrepared(PGconn* conn, const char* stmtName, int nParams, const char* const* paramValues,
                        const int* paramLengths, const int* paramFormats, int resultFormat) {
  MC_LIBPQ(PQsendQueryPrepared)(conn, stmtName, nParams, paramValues, paramLengths, paramFormats, resultFormat);
}
int PQsendDescribePrepared(PGconn* conn, const char* stmt) { MC_LIBPQ(PQsendDescribePrepared)(conn, stmt); }
int PQputCopyEnd(PGconn* conn, const char* errormsg) { MC_LIBPQ(PQputCopyEnd)(conn, errormsg); }

// Results.
void PQclear(PGresult* res) { MC_LIBPQ(PQclear)(res); }
ExecStatusType PQresultStatus(const PGresult* res) { MC_LIBPQ(PQresultStatus)(res); }
char* PQresultErrorMessage(const PGresult* res) { MC_LIBPQ(PQresultErrorMessage)(res); }
char* PQresultErrorField(const PGresult* res, int fieldcode) { MC_LIBPQ(PQresultErrorField)(res, fieldcode); }
char* PQcmdTuples(PGresult* res) { MC_LIBPQ(PQcmdTuples)(res); }
int PQntuples(const PGresult* res) { MC_LIBPQ(PQntuples)(res); }
int PQnfields(const PGresult* res) { MC_LIBPQ(PQnfields)(res); }
int PQnparams(const PGresult* res) { MC_LIBPQ(PQnparams)(res); }
Oid PQparamtype(const PGresult* res, int param_num) { MC_LIBPQ(PQparamtype)(res, param_num); }
char* PQfname(const PGresult* res, int field_num) { MC_LIBPQ(PQfname)(res, field_num); }
Oid PQftype(const PGresult* res, int field_num) { MC_LIBPQ(PQftype)(res, field_num); }
char* PQgetvalue(const PGresult* res, int tup_num, int field_num) { MC_LIBPQ(PQgetvalue)(res, tup_num, field_num); }
int PQgetisnull(const PGresult* res, int tup_num, int field_num) { MC_LIBPQ(PQgetisnull)(res, tup_num, field_num); }

}  // extern "C"
