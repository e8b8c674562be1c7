// What one new migration statement changed, as the analyses that replay migrations see it.
#pragma once

#include <vector>

#include "catalog/catalog.h"
#include "catalog/diff.h"

namespace mc {

struct StatementDiff {
  std::vector<catalog::Change> changes;
  catalog::Catalog before;  // the relations the statement touched, before it ran
  catalog::Catalog after;   // and after
};

}  // namespace mc
