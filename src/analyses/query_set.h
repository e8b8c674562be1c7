// The old code's queries, split into statements, plus what could not be read as SQL.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

#include "analyses/plan.h"
#include "base/diagnostic.h"
#include "inputs/queries.h"

namespace mc {

// A query taken from a query log, and how often the deployed code ran it.
struct LoggedQuery {
  Span span;
  uint64_t occurrences = 0;
};

struct QuerySet {
  std::vector<Statement> queries;
  std::vector<Diagnostic> findings;  // could-not-check for unresolved literals, notes from inputs
  std::vector<LoggedQuery> logged;   // the queries that came from logs, in `queries` order
  uint64_t log_entries = 0;          // statements in the logs before deduplication
};

// The dialect's statement fingerprint (equal for statements that differ only in constants), or
// null when the dialect has none: logged statements are then deduplicated by shape only.
using Fingerprint = std::function<std::optional<uint64_t>(std::string_view)>;

QuerySet collect_queries(const QueryInputs& inputs, const Splitter& split, const Fingerprint& fingerprint = nullptr);

// Adds "logged N times" to the findings whose place is a logged query.
void note_log_occurrences(std::vector<Diagnostic>& findings, const std::vector<LoggedQuery>& logged);

// Offset in `sql` of the first identifier token equal to `name` (case-insensitive, bare or
// quoted), outside strings and comments; nullopt if none.
std::optional<size_t> find_identifier(std::string_view sql, std::string_view name);

}  // namespace mc
