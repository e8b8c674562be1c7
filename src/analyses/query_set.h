// The old code's queries, split into statements, plus what could not be read as SQL.
#pragma once

#include <cstdint>
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

// Logged statements are split like `.sql` files and deduplicated again by shape (an entry may hold
// several statements). Not by pg_query_fingerprint: it takes relation names that differ only in
// digits for one (t12 and t14, events_2023 and events_2024), which would leave a break unseen.
QuerySet collect_queries(const QueryInputs& inputs, const Splitter& split);

// Adds "logged N times" to the findings whose place is a logged query.
void note_log_occurrences(std::vector<Diagnostic>& findings, const std::vector<LoggedQuery>& logged);

// Offset in `sql` of the first identifier token equal to `name` (case-insensitive, bare or
// quoted), outside strings and comments; nullopt if none.
std::optional<size_t> find_identifier(std::string_view sql, std::string_view name);

}  // namespace mc
