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

// What replaying migrations recorded for the rules: the deployed schema, whole, and what each
// new statement changed.
struct ReplayRecord {
  catalog::Catalog deployed;
  std::vector<StatementDiff> diffs;  // one per incoming statement, from statement `first` on
  // The position among the incoming statements of diffs[0]: lint holds one file's diffs at a time.
  size_t first = 0;

  // What incoming statement i changed; null when it is not held.
  const StatementDiff* diff_of(size_t i) const { return i >= first && i - first < diffs.size() ? &diffs[i - first] : nullptr; }
};

}  // namespace mc
