// What migcompat read, for people: `migcompat migrations` and `migcompat queries`.
#pragma once

#include <ostream>

#include "analyses/check.h"
#include "analyses/query_uses.h"

namespace mc {

// Every migration statement in apply order, marked deployed or new (or just listed when both
// trees are the same), with its location and first line.
void write_migrations_listing(std::ostream& out, const LoadedInputs& in, bool compare);

// Every query of the (old) tree with its location, name and first line, and under it what it
// uses on the deployed schema (`uses`, one per query: kind, tables and columns, or its error);
// then what could not be read as a query and why.
void write_queries_listing(std::ostream& out, const LoadedInputs& in, const std::vector<QueryUse>& uses);

}  // namespace mc
