// MC161 sqlite-rebuild-loses-index (doc.md beside this file).
#include "analyses/rules/helpers.h"

namespace mc::rules {

namespace {

void check(const RuleContext& c, std::vector<Finding>& out) {
  if (!starts_with_ci(lowered(c), "alter table")) return;  // the rename that ends a rebuild
  for_each_change(c, ChangeKind::index_dropped, [&](const catalog::Change& change) {
    if (!c.diff.after.find_relation(change.relation) || starts_with_ci(change.new_name, "sqlite_autoindex") ||
        c.index_recreated_later(change)) {
      return;
    }
    out.push_back({.message = fmt::format("the rebuild of {} loses index {}: DROP TABLE dropped it with the old table, and "
                                          "this migration does not create it again",
                                          change.relation, change.new_name),
                   .object = change.relation,
                   .help = "after the rename, CREATE INDEX again (and the triggers and views that depended on the old "
                           "table), as step 8 of SQLite's table-rebuild procedure says"});
  });
}

}  // namespace

extern const Rule sqlite_rebuild_loses_index;
const Rule sqlite_rebuild_loses_index{{"MC161", "sqlite-rebuild-loses-index", Category::sqlite, Severity::warning, sqlite_only,
    "a SQLite table rebuild that does not create the old table's indexes again"},
    check, nullptr};

}  // namespace mc::rules
