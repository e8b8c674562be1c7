// MC161 sqlite-rebuild-loses-dependents (doc.md beside this file).
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
                   .help = "after the rename, CREATE INDEX again, as step 8 of SQLite's table-rebuild procedure says"});
  });
  for (const auto& [_, before] : c.diff.before.relations()) {
    const catalog::Relation* after = c.diff.after.find_relation(before.name);
    if (!after) continue;
    for (const catalog::Trigger& kept : before.triggers) {
      const std::string& trigger = kept.name;
      auto same = [&](const catalog::Trigger& t) { return t.name == trigger; };
      if (std::any_of(after->triggers.begin(), after->triggers.end(), same) || c.trigger_created_later(trigger)) {
        continue;
      }
      out.push_back({.message = fmt::format("the rebuild of {} loses trigger {}: DROP TABLE dropped it with the old table, "
                                            "and this migration does not create it again",
                                            before.name, trigger),
                     .object = before.name,
                     .help = "after the rename, CREATE TRIGGER again: what it did (audit rows, updated_at, counters) "
                             "silently stops for old and new code"});
    }
  }
}

}  // namespace

extern const Rule sqlite_rebuild_loses_dependents;
const Rule sqlite_rebuild_loses_dependents{{"MC161", "sqlite-rebuild-loses-dependents", Category::sqlite, Severity::warning, sqlite_only,
    "a SQLite table rebuild that does not create the old table's indexes and triggers again"},
    check, nullptr};

}  // namespace mc::rules
