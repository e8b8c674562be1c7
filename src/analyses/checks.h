// The checks `migcompat check` performs, with stable codes. Each is documented in
// docs/checks.md; the schema-change rules of the rule catalog will use codes from MC100 on.
#pragma once

#include <string_view>

#include "base/diagnostic.h"

namespace mc {

struct CheckInfo {
  std::string_view code;
  std::string_view name;
  Severity severity;
  std::string_view summary;
};

namespace checks {
inline constexpr CheckInfo old_query_breaks{"MC001", "old-query-breaks", Severity::error,
                                            "an old query no longer compiles against the new schema"};
inline constexpr CheckInfo old_write_rejected{"MC002", "old-write-rejected", Severity::error,
                                              "an old write runs on the deployed schema but is rejected by the new one"};
inline constexpr CheckInfo result_columns_changed{"MC003", "result-columns-changed", Severity::warning,
                                                  "an old query's result columns change (SELECT * readers by position)"};
inline constexpr CheckInfo could_not_check{"MC010", "could-not-check", Severity::warning,
                                           "a query could not be checked; migcompat does not know whether it survives"};
inline constexpr CheckInfo write_not_exercised{"MC011", "write-not-exercised", Severity::note,
                                               "an old write compiled but could not be run with synthesized values"};
inline constexpr CheckInfo deployed_migration_edited{"MC020", "deployed-migration-edited", Severity::warning,
                                                     "a migration that already ran was edited; the edit never runs"};
inline constexpr CheckInfo create_if_not_exists_no_effect{
    "MC021", "create-if-not-exists-no-effect", Severity::warning,
    "a changed CREATE ... IF NOT EXISTS does nothing where the object already exists"};
inline constexpr CheckInfo deployed_migration_removed{"MC022", "deployed-migration-removed", Severity::warning,
                                                      "a migration that already ran is missing from the new tree"};
inline constexpr CheckInfo migration_not_replayable{"MC023", "migration-not-replayable", Severity::warning,
                                                    "a migration is code (a Go or JavaScript function), not SQL: its changes are not seen"};
inline constexpr CheckInfo statement_not_modeled{"MC030", "statement-not-modeled", Severity::warning,
                                                 "a new migration statement changes the schema in a way migcompat does not model"};
inline constexpr CheckInfo lock_blocks_old_queries{
    "MC040", "lock-blocks-old-queries", Severity::warning,
    "a new migration statement holds a lock old queries wait for, for as long as it rewrites or scans a table"};
inline constexpr CheckInfo table_rewrite{"MC041", "table-rewrite", Severity::warning,
                                         "a new migration statement rewrites a whole table"};
inline constexpr CheckInfo missing_lock_timeout{
    "MC042", "missing-lock-timeout", Severity::warning,
    "a new migration statement takes a lock old queries conflict with, and no lock_timeout bounds its wait"};
inline constexpr CheckInfo outside_transaction{"MC043", "migration-outside-transaction", Severity::note,
                                               "a new migration statement cannot run inside a transaction"};
inline constexpr CheckInfo unused_suppression{"MC050", "unused-suppression", Severity::warning,
                                              "a migcompat:ignore comment silences nothing"};
inline constexpr CheckInfo invalid_suppression{"MC051", "invalid-suppression", Severity::warning,
                                               "a migcompat:ignore comment lacks a code or a reason, and silences nothing"};
}  // namespace checks

inline constexpr CheckInfo all_checks[] = {
    checks::old_query_breaks,     checks::old_write_rejected,        checks::result_columns_changed,
    checks::could_not_check,      checks::write_not_exercised,       checks::deployed_migration_edited,
    checks::create_if_not_exists_no_effect, checks::deployed_migration_removed, checks::migration_not_replayable, checks::statement_not_modeled,
    checks::lock_blocks_old_queries, checks::table_rewrite, checks::missing_lock_timeout, checks::outside_transaction,
    checks::unused_suppression, checks::invalid_suppression,
};

// A diagnostic with the check's code, name and default severity filled in.
inline Diagnostic make_diagnostic(const CheckInfo& check) {
  Diagnostic d;
  d.severity = check.severity;
  d.code = std::string(check.code);
  d.name = std::string(check.name);
  return d;
}

}  // namespace mc
