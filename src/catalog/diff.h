// The typed difference between two catalogs: what a migration (or a statement of one) changed.
#pragma once

#include <string>
#include <vector>

#include "catalog/catalog.h"

namespace mc::catalog {

enum class ChangeKind {
  relation_added,
  relation_dropped,
  relation_renamed,      // `name` is the old name, `new_name` the new one
  relation_redefined,    // a view's output columns changed
  column_added,
  column_dropped,
  column_renamed,        // `column` is the old name, `new_name` the new one
  column_type_changed,
  column_nullability_changed,
  column_default_changed,
  column_identity_changed,  // detail: "GENERATED ALWAYS AS IDENTITY", "... BY DEFAULT ...", "not an identity column"
  check_added,
  check_dropped,
  index_added,
  index_dropped,
  enum_label_added,    // relation: the type; new_name: the label
  enum_label_removed,  // relation: the type; column: the label
  enum_label_renamed,  // relation: the type; column: old label; new_name: new label
  function_dropped,    // relation: the function
  function_renamed,    // relation: the function; new_name: its new name
  sequence_dropped,    // relation: the sequence
  sequence_renamed,    // relation: the sequence; new_name: its new name
};

const char* change_kind_name(ChangeKind kind);

struct Change {
  ChangeKind kind;
  std::string relation;  // the relation as named *before* the change (after it for additions)
  std::string column;    // for column changes
  std::string new_name;  // for renames; the index name for index changes
  std::string detail;    // human detail: "TEXT -> INTEGER", "NOT NULL, no default"; "table" or "view" for drops

  // "table" or "table.column": the object old code would name.
  std::string object() const { return column.empty() ? relation : relation + "." + column; }
};

// What changed from `before` to `after`. A relation that disappears while another with the same
// columns appears is reported as a rename; so is a column dropped and another of the same type
// added at the same position of one table (the heuristic a rename in SQLite needs, since the
// engine only shows the resulting schema).
std::vector<Change> diff(const Catalog& before, const Catalog& after);

}  // namespace mc::catalog
