// Which incoming migration statement made each schema object what it is in the new schema.
// Fed statement by statement with the catalog difference each one caused; follows renames, so a
// column defined in `users_new` and carried into `users` by a table rebuild is blamed on the
// CREATE TABLE that defined it.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "base/source.h"
#include "catalog/catalog.h"
#include "catalog/diff.h"

namespace mc {

struct Origin {
  catalog::Change change;
  Span statement;
};

class Blame {
 public:
  // Records what `statement` changed; `after` is the catalog right after it ran.
  void record(const std::vector<catalog::Change>& changes, const catalog::Catalog& after, Span statement);

  // The latest statement that changed `object` ("table" or "table.column"), or nullptr.
  const Origin* find(std::string_view object) const;
  // Changes of checks and indexes on a relation, newest last.
  std::vector<const Origin*> constraints_of(std::string_view relation) const;

 private:
  void move_prefix(const std::string& from, const std::string& to);
  std::map<std::string, Origin> by_object_;  // keys lower-cased: "t", "t.c", "t#check:expr", "t#index:name"
};

}  // namespace mc
