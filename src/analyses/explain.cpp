#include "analyses/explain.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

namespace mc {

using catalog::ChangeKind;

std::string describe_change(const catalog::Change& c) {
  switch (c.kind) {
    case ChangeKind::relation_added: return fmt::format("creates {}", c.relation);
    case ChangeKind::relation_dropped: return fmt::format("drops {} {}", c.detail.empty() ? "table" : c.detail, c.relation);
    case ChangeKind::relation_renamed: return fmt::format("renames {} to {}", c.relation, c.new_name);
    case ChangeKind::relation_redefined: return fmt::format("redefines {} ({})", c.relation, c.detail);
    case ChangeKind::column_added: return fmt::format("adds {}.{} ({})", c.relation, c.column, c.detail);
    case ChangeKind::column_dropped: return fmt::format("drops {}.{}", c.relation, c.column);
    case ChangeKind::column_renamed: return fmt::format("renames {}.{} to {}", c.relation, c.column, c.new_name);
    case ChangeKind::column_type_changed: return fmt::format("changes the type of {}.{} ({})", c.relation, c.column, c.detail);
    case ChangeKind::column_nullability_changed:
      return fmt::format("makes {}.{} {}", c.relation, c.column, c.detail);
    case ChangeKind::column_default_changed:
      return fmt::format("changes the default of {}.{} to {}", c.relation, c.column, c.detail);
    case ChangeKind::check_added: return fmt::format("adds CHECK ({}) to {}", c.detail, c.relation);
    case ChangeKind::check_dropped: return fmt::format("drops CHECK ({}) from {}", c.detail, c.relation);
    case ChangeKind::index_added:
      return fmt::format("creates {}index {} on {}", c.detail.empty() ? "" : c.detail + " ", c.new_name, c.relation);
    case ChangeKind::index_dropped: return fmt::format("drops index {} on {}", c.new_name, c.relation);
    case ChangeKind::enum_label_added: return fmt::format("adds label '{}' to enum {}", c.new_name, c.relation);
    case ChangeKind::enum_label_removed: return fmt::format("removes label '{}' from enum {}", c.column, c.relation);
    case ChangeKind::enum_label_renamed:
      return fmt::format("renames label '{}' of enum {} to '{}'", c.column, c.relation, c.new_name);
    case ChangeKind::function_dropped: return fmt::format("drops function {}", c.relation);
    case ChangeKind::function_renamed: return fmt::format("renames function {} to {}", c.relation, c.new_name);
  }
  return "changes the schema";
}

std::string safe_sequence(const catalog::Change& c) {
  switch (c.kind) {
    case ChangeKind::relation_dropped:
      return fmt::format("first deploy code that no longer uses {}; drop the {} in a later deploy", c.relation,
                         c.detail.empty() ? "table" : c.detail);
    case ChangeKind::relation_renamed:
      return fmt::format(
          "keep the old name working while old code runs: create the new table (or a view named {} over it), "
          "write to both from new code, switch reads, and drop the old name in a later deploy",
          c.relation);
    case ChangeKind::column_dropped:
      return fmt::format("first deploy code that no longer reads or writes {}.{}; drop the column in a later deploy",
                         c.relation, c.column);
    case ChangeKind::column_renamed:
      return fmt::format(
          "expand, then contract: add {} next to {}, write both from new code (or a trigger), backfill, switch reads, "
          "and drop {} in a later deploy",
          c.new_name, c.column, c.column);
    case ChangeKind::column_added:
      return fmt::format(
          "add {}.{} as nullable or with a DEFAULT, deploy code that writes it, backfill, then make it NOT NULL in a "
          "later deploy",
          c.relation, c.column);
    case ChangeKind::column_nullability_changed:
      return fmt::format("deploy code that always writes {}.{} first; add NOT NULL in a later deploy", c.relation, c.column);
    case ChangeKind::column_default_changed:
      return fmt::format("keep the old default of {}.{} until no running code relies on it", c.relation, c.column);
    case ChangeKind::column_type_changed:
      return fmt::format(
          "add a new column of the new type, keep both in sync (trigger or dual writes), backfill, switch, then drop {}",
          c.column);
    case ChangeKind::check_added:
      return "deploy code whose writes satisfy the constraint first; add the constraint in a later deploy";
    case ChangeKind::index_added:
      return "deploy code that never writes duplicates first; add the unique index in a later deploy";
    case ChangeKind::function_dropped:
    case ChangeKind::function_renamed:
      return fmt::format("keep {} until no running code calls it: create the new function next to it, switch the code, "
                         "then drop the old one in a later deploy",
                         c.relation);
    case ChangeKind::enum_label_renamed:
    case ChangeKind::enum_label_removed:
      return fmt::format(
          "add the new label next to '{}', deploy code that writes it, migrate the rows, and retire '{}' only when no "
          "running code uses it",
          c.column, c.column);
    default:
      return "split the change: deploy code that works with both schemas first, then the migration";
  }
}

std::string describe_column_list_change(const std::vector<std::string>& before, const std::vector<std::string>& after) {
  std::vector<std::string> added, removed;
  for (const auto& c : after) {
    if (std::find(before.begin(), before.end(), c) == before.end()) added.push_back(c);
  }
  for (const auto& c : before) {
    if (std::find(after.begin(), after.end(), c) == after.end()) removed.push_back(c);
  }
  std::string out;
  if (!added.empty()) out += fmt::format("adds {}", fmt::join(added, ", "));
  if (!removed.empty()) out += fmt::format("{}removes {}", out.empty() ? "" : "; ", fmt::join(removed, ", "));
  if (out.empty()) out = "changes their order";
  return out;
}

}  // namespace mc
