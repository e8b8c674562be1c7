// What migcompat read, for people: `migcompat migrations` and `migcompat queries`.
#pragma once

#include <ostream>

#include "analyses/check.h"

namespace mc {

// Every migration statement in apply order, marked deployed or new (or just listed when both
// trees are the same), with its location and first line.
void write_migrations_listing(std::ostream& out, const LoadedInputs& in, bool compare);

// Every query of the (old) tree with its location, name and first line, then what could not be
// read as a query and why.
void write_queries_listing(std::ostream& out, const LoadedInputs& in);

}  // namespace mc
