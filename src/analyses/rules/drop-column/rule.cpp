// MC101 drop-column (doc.md beside this file).
#include "analyses/rules/helpers.h"

namespace mc::rules {

namespace {

void check(const RuleContext& c, std::vector<Finding>& out) {
  for_each_change(c, ChangeKind::column_dropped, [&](const catalog::Change& change) {
    Finding f{.message = fmt::format("drops column {}: old code that reads or writes it fails", change.object()),
              .object = change.object(),
              .help = fmt::format("contract last: deploy code that no longer uses {} first; drop it in a later deploy",
                                  change.column)};
    // A drop and, later in the same migration, an add of the same type on the same table: most
    // likely a rename spelled out, which breaks old code the same way.
    if (const catalog::Column* was = column_before(c, change.relation, change.column)) {
      if (std::string added = c.column_added_later(change.relation, was->type); !added.empty()) {
        f.notes.push_back(fmt::format("{}.{} of the same type is added later in this migration: if this is a rename, "
                                      "expand/contract it instead (add, dual write, backfill, switch, then drop)",
                                      change.relation, added));
      }
    }
    out.push_back(std::move(f));
  });
}

}  // namespace

extern const Rule drop_column;
const Rule drop_column{{"MC101", "drop-column", Category::breaks_readers, Severity::warning, both_dialects,
    "drops a column that old code may still read or write"},
    check, nullptr};

}  // namespace mc::rules
