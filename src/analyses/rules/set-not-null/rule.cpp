// MC112 set-not-null (doc.md beside this file).
#include "analyses/rules/helpers.h"

namespace mc::rules {

namespace {

void check(const RuleContext& c, std::vector<Finding>& out) {
  for_each_change(c, ChangeKind::column_nullability_changed, [&](const catalog::Change& change) {
    if (change.detail != "NOT NULL" || c.created_here(change.relation) || !column_before(c, change.relation, change.column)) return;
    Finding f{.message = fmt::format("makes {} NOT NULL: old writes that leave it NULL fail", change.object()),
              .object = change.object(),
              .help = "deploy code that always writes the column first, backfill the NULLs, then SET NOT NULL in a later deploy"};
    if (c.dialect == Dialect::postgres) {
      f.notes.push_back("PostgreSQL scans the whole table under ACCESS EXCLUSIVE to verify it; with a validated CHECK (col IS "
                        "NOT NULL) in place first (added NOT VALID, then validated), PostgreSQL 12+ skips the scan");
    }
    out.push_back(std::move(f));
  });
}

}  // namespace

extern const Rule set_not_null;
const Rule set_not_null{{"MC112", "set-not-null", Category::breaks_writers, Severity::warning, both_dialects,
    "makes an existing column NOT NULL under old writes that may leave it NULL"},
    check, nullptr};

}  // namespace mc::rules
