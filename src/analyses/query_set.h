// The old code's queries, split into statements, plus what could not be read as SQL.
#pragma once

#include <vector>

#include "analyses/plan.h"
#include "base/diagnostic.h"
#include "inputs/queries.h"

namespace mc {

struct QuerySet {
  std::vector<Statement> queries;
  std::vector<Diagnostic> findings;  // could-not-check for unresolved literals, notes from inputs
};

QuerySet collect_queries(const QueryInputs& inputs, const Splitter& split);

// Offset in `sql` of the first identifier token equal to `name` (case-insensitive, bare or
// quoted), outside strings and comments; nullopt if none.
std::optional<size_t> find_identifier(std::string_view sql, std::string_view name);

}  // namespace mc
