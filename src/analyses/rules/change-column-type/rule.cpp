// MC106 change-column-type (doc.md beside this file).
#include "analyses/rules/helpers.h"

namespace mc::rules {

namespace {

void check(const RuleContext& c, std::vector<Finding>& out) {
  for_each_change(c, ChangeKind::column_type_changed, [&](const catalog::Change& change) {
    if (c.created_here(change.relation)) return;
    Finding f{.message = fmt::format("changes the type of {} ({}): old code that compares, computes with or writes the old "
                                     "type may fail",
                                     change.object(), change.detail),
              .object = change.object(),
              .help = fmt::format("add a new column of the new type, keep both in sync (trigger or dual writes), backfill, "
                                  "switch the code, then drop {} in a later deploy",
                                  change.column)};
    if (c.dialect == Dialect::postgres) {
      f.notes.push_back("PostgreSQL rewrites the table and its indexes under ACCESS EXCLUSIVE unless the new type is "
                        "binary-compatible (varchar(n) to text or to a longer varchar)");
    }
    out.push_back(std::move(f));
  });
}

}  // namespace

extern const Rule change_column_type;
const Rule change_column_type{{"MC106", "change-column-type", Category::breaks_readers, Severity::warning, both_dialects,
    "changes a column's type under old code that reads and writes the old one"},
    check, nullptr};

}  // namespace mc::rules
