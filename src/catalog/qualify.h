// Names as a statement wrote them -> catalog keys, the way the server resolves them.
#pragma once

#include "catalog/catalog.h"
#include "catalog/search_path.h"
#include "sql/model.h"

namespace mc::catalog {

// Rewrites `change`'s relation, index and sequence names into catalog keys: bare names through
// `path` (found in the first schema that has them, created in the path's first schema);
// indexes, constraints and renamed relations in their table's schema; types by bare name (the
// catalog keeps enum types unqualified).
// A statement's changes are qualified together: a relation its first change creates is found by
// the changes after it (CREATE TABLE's constraints), though the catalog does not hold it yet.
// Schemas of `configured` (the search_path the user said the migrations start with) count as
// existing though no migration creates them.
void qualify(std::vector<sql::SchemaChange>& changes, const SearchPath& path, const Catalog& catalog,
             const SearchPath& configured = {});

}  // namespace mc::catalog
