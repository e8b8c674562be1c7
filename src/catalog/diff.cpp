#include "catalog/diff.h"

#include <unordered_map>

#include <algorithm>
#include <map>
#include <set>

#include "base/text.h"

namespace mc::catalog {

const char* change_kind_name(ChangeKind kind) {
  switch (kind) {
    case ChangeKind::relation_added: return "relation added";
    case ChangeKind::relation_dropped: return "relation dropped";
    case ChangeKind::relation_renamed: return "relation renamed";
    case ChangeKind::relation_redefined: return "relation redefined";
    case ChangeKind::column_added: return "column added";
    case ChangeKind::column_dropped: return "column dropped";
    case ChangeKind::column_renamed: return "column renamed";
    case ChangeKind::column_type_changed: return "column type changed";
    case ChangeKind::column_nullability_changed: return "column nullability changed";
    case ChangeKind::column_default_changed: return "column default changed";
    case ChangeKind::check_added: return "check added";
    case ChangeKind::check_dropped: return "check dropped";
    case ChangeKind::index_added: return "index added";
    case ChangeKind::index_dropped: return "index dropped";
    case ChangeKind::enum_label_added: return "enum label added";
    case ChangeKind::enum_label_removed: return "enum label removed";
    case ChangeKind::enum_label_renamed: return "enum label renamed";
    case ChangeKind::function_dropped: return "function dropped";
    case ChangeKind::function_renamed: return "function renamed";
  }
  return "change";
}

namespace {

bool same_shape(const Relation& a, const Relation& b) {
  if (a.kind != b.kind || a.columns.size() != b.columns.size()) return false;
  for (size_t i = 0; i < a.columns.size(); ++i) {
    if (!iequals(a.columns[i].name, b.columns[i].name) || !iequals(a.columns[i].type, b.columns[i].type)) return false;
  }
  return true;
}

std::string describe_column(const Column& c) {
  std::string out = c.type.empty() ? "untyped" : c.type;
  if (c.not_null) out += " NOT NULL";
  if (c.default_expr) out += " DEFAULT " + *c.default_expr;
  else if (c.not_null && !c.generated) out += ", no default";
  return out;
}

// Columns by folded name: looking each one up by a linear scan made wide tables quadratic.
std::unordered_map<std::string, const Column*> by_name(const Relation& r) {
  std::unordered_map<std::string, const Column*> out;
  out.reserve(r.columns.size());
  for (const Column& c : r.columns) out.emplace(to_lower(c.name), &c);
  return out;
}

// Columns of `before` and `after` matched by name: the pairs, the dropped and the added.
struct ColumnMatch {
  std::vector<std::pair<const Column*, const Column*>> kept;
  std::vector<const Column*> dropped, added;
};

ColumnMatch match_columns(const Relation& before, const Relation& after) {
  ColumnMatch m;
  // Most statements keep the columns' order or append to it: match by position while names agree.
  size_t common = 0, shorter = std::min(before.columns.size(), after.columns.size());
  while (common < shorter && iequals(before.columns[common].name, after.columns[common].name)) ++common;
  if (common == shorter) {
    for (size_t i = 0; i < common; ++i) m.kept.emplace_back(&before.columns[i], &after.columns[i]);
    for (size_t i = common; i < before.columns.size(); ++i) m.dropped.push_back(&before.columns[i]);
    for (size_t i = common; i < after.columns.size(); ++i) m.added.push_back(&after.columns[i]);
    return m;
  }
  std::unordered_map<std::string, const Column*> before_columns = by_name(before), after_columns = by_name(after);
  auto find = [](const std::unordered_map<std::string, const Column*>& in, const std::string& name) -> const Column* {
    auto it = in.find(to_lower(name));
    return it == in.end() ? nullptr : it->second;
  };
  for (const Column& c : before.columns) {
    if (!find(after_columns, c.name)) m.dropped.push_back(&c);
  }
  for (const Column& c : after.columns) {
    if (const Column* b = find(before_columns, c.name)) m.kept.emplace_back(b, &c);
    else m.added.push_back(&c);
  }
  return m;
}

void diff_columns(const Relation& before, const Relation& after, std::vector<Change>& out) {
  ColumnMatch m = match_columns(before, after);
  // One column out and one of the same type in: most likely a rename.
  if (m.dropped.size() == 1 && m.added.size() == 1 && iequals(m.dropped[0]->type, m.added[0]->type)) {
    out.push_back({ChangeKind::column_renamed, after.name, m.dropped[0]->name, m.added[0]->name, {}});
    m.dropped.clear();
    m.added.clear();
  }
  for (const Column* c : m.dropped) out.push_back({ChangeKind::column_dropped, after.name, c->name, {}, describe_column(*c)});
  for (const Column* c : m.added) out.push_back({ChangeKind::column_added, after.name, c->name, {}, describe_column(*c)});
  for (const auto& [b, a] : m.kept) {
    if (!iequals(a->type, b->type)) {
      out.push_back({ChangeKind::column_type_changed, after.name, a->name, {}, b->type + " -> " + a->type});
    }
    if (a->not_null != b->not_null) {
      out.push_back({ChangeKind::column_nullability_changed, after.name, a->name, {}, a->not_null ? "NOT NULL" : "NULL"});
    }
    if (a->default_expr != b->default_expr) {
      out.push_back({ChangeKind::column_default_changed, after.name, a->name, {},
                     a->default_expr ? "DEFAULT " + *a->default_expr : "no default"});
    }
  }
  if (before.checks == after.checks) return;
  std::set<std::string> before_checks(before.checks.begin(), before.checks.end());
  std::set<std::string> after_checks(after.checks.begin(), after.checks.end());
  for (const auto& c : after_checks) {
    if (!before_checks.count(c)) out.push_back({ChangeKind::check_added, after.name, {}, {}, c});
  }
  for (const auto& c : before_checks) {
    if (!after_checks.count(c)) out.push_back({ChangeKind::check_dropped, after.name, {}, {}, c});
  }
}

// An index is the same when its table, columns (after the renames found above), uniqueness and
// predicate are: a name that changed with them (a declarative schema's `accounts_email_key` for
// `accounts_email_address_key`) or columns renamed under it change nothing old code sees.
void diff_indexes(const Catalog& before, const Catalog& after, std::vector<Change>& out) {
  std::map<std::pair<std::string, std::string>, std::string> renamed;  // (table, old column) -> new
  std::map<std::string, std::string> table_renamed;
  for (const Change& c : out) {
    if (c.kind == ChangeKind::column_renamed) renamed[{to_lower(c.relation), to_lower(c.column)}] = to_lower(c.new_name);
    if (c.kind == ChangeKind::relation_renamed) table_renamed[to_lower(c.relation)] = to_lower(c.new_name);
  }
  // The shape of a before-index, in the after schema's names.
  auto shape_after_renames = [&](const Index& index) {
    std::string table = to_lower(index.table);
    if (auto t = table_renamed.find(table); t != table_renamed.end()) table = t->second;
    std::string key = table + (index.unique ? "|u" : "|") + (index.partial ? "p" : "");
    for (const std::string& column : index.columns) {
      auto r = renamed.find({table, to_lower(column)});
      key += "|" + (r == renamed.end() ? to_lower(column) : r->second);
    }
    return key;
  };
  auto shape = [](const Index& index) {
    std::string key = to_lower(index.table) + (index.unique ? "|u" : "|") + (index.partial ? "p" : "");
    for (const std::string& column : index.columns) key += "|" + to_lower(column);
    return key;
  };
  std::multiset<std::string> before_shapes, after_shapes;
  for (const auto& [key, index] : before.indexes()) before_shapes.insert(shape_after_renames(index));
  for (const auto& [key, index] : after.indexes()) after_shapes.insert(shape(index));
  for (const auto& [key, index] : before.indexes()) {
    if (after_shapes.count(shape_after_renames(index))) continue;
    out.push_back({ChangeKind::index_dropped, index.table, {}, index.name, index.unique ? "unique" : ""});
  }
  for (const auto& [key, index] : after.indexes()) {
    if (before_shapes.count(shape(index))) continue;
    out.push_back({ChangeKind::index_added, index.table, {}, index.name, index.unique ? "unique" : ""});
  }
}

}  // namespace

std::vector<Change> diff(const Catalog& before, const Catalog& after) {
  std::vector<Change> out;
  std::vector<const Relation*> dropped, added;
  for (const auto& [key, rel] : before.relations()) {
    if (!after.find_relation(key)) dropped.push_back(&rel);
  }
  for (const auto& [key, rel] : after.relations()) {
    if (!before.find_relation(key)) added.push_back(&rel);
  }
  // Pair drops with additions of the same shape: renames.
  for (auto d = dropped.begin(); d != dropped.end();) {
    auto match = std::find_if(added.begin(), added.end(), [&](const Relation* a) { return same_shape(**d, *a); });
    if (match != added.end()) {
      out.push_back({ChangeKind::relation_renamed, (*d)->name, {}, (*match)->name, {}});
      added.erase(match);
      d = dropped.erase(d);
    } else {
      ++d;
    }
  }
  for (const Relation* r : dropped) {
    out.push_back({ChangeKind::relation_dropped, r->name, {}, {}, r->kind == RelationKind::view ? "view" : "table"});
  }
  for (const Relation* r : added) out.push_back({ChangeKind::relation_added, r->name, {}, {}, {}});

  for (const auto& [key, rel] : after.relations()) {
    const Relation* b = before.find_relation(key);
    if (!b) continue;
    if (b->kind != rel.kind) {
      out.push_back({ChangeKind::relation_redefined, rel.name, {}, {}, "changed between table and view"});
      continue;
    }
    if (b != &rel) diff_columns(*b, rel, out);  // the same object: shared, so unchanged
  }

  for (const auto& [type, labels] : before.enums()) {
    const auto* after_labels = after.find_enum(type);
    if (!after_labels) {
      for (const auto& label : labels) out.push_back({ChangeKind::enum_label_removed, type, label, {}, {}});
      continue;
    }
    std::vector<std::string> labels_removed, labels_added;
    for (const auto& l : labels) {
      if (std::find(after_labels->begin(), after_labels->end(), l) == after_labels->end()) labels_removed.push_back(l);
    }
    for (const auto& l : *after_labels) {
      if (std::find(labels.begin(), labels.end(), l) == labels.end()) labels_added.push_back(l);
    }
    if (labels_removed.size() == 1 && labels_added.size() == 1) {
      out.push_back({ChangeKind::enum_label_renamed, type, labels_removed[0], labels_added[0], {}});
      continue;
    }
    for (const auto& l : labels_removed) out.push_back({ChangeKind::enum_label_removed, type, l, {}, {}});
    for (const auto& l : labels_added) out.push_back({ChangeKind::enum_label_added, type, {}, l, {}});
  }
  std::vector<std::string> functions_gone, functions_new;
  for (const auto& [name, _] : before.functions()) {
    if (!after.has_function(name)) functions_gone.push_back(name);
  }
  for (const auto& [name, _] : after.functions()) {
    if (!before.has_function(name)) functions_new.push_back(name);
  }
  if (functions_gone.size() == 1 && functions_new.size() == 1) {
    out.push_back({ChangeKind::function_renamed, functions_gone[0], {}, functions_new[0], {}});
  } else {
    for (const auto& name : functions_gone) out.push_back({ChangeKind::function_dropped, name, {}, {}, {}});
  }
  diff_indexes(before, after, out);
  return out;
}

}  // namespace mc::catalog
