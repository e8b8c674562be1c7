#include "catalog/replay.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

namespace mc::catalog {

using Kind = sql::SchemaChange::Kind;

namespace {

Column column_from(const sql::ColumnDefinition& def) {
  Column c;
  c.name = def.name;
  c.type = def.type;
  c.not_null = def.not_null;
  c.default_expr = def.default_expr;
  c.generated = def.generated;
  return c;
}

std::string missing_relation(const std::string& name) { return fmt::format("relation \"{}\" does not exist (42P01)", name); }
std::string missing_column(const std::string& column, const std::string& relation) {
  return fmt::format("column \"{}\" of relation \"{}\" does not exist (42703)", column, relation);
}

void add_key_index(Catalog& catalog, Relation& rel, const std::string& name, const std::vector<std::string>& keys, bool primary) {
  Index index;
  index.table = rel.name;
  index.columns = keys;
  index.unique = true;
  index.constraint = true;
  index.name = !name.empty() ? name : primary ? rel.name + "_pkey" : fmt::format("{}_{}_key", rel.name, fmt::join(keys, "_"));
  if (primary) {
    int position = 1;
    for (const std::string& key : keys) {
      if (Column* c = rel.find_column(key)) {
        c->not_null = true;
        c->primary_key_position = position++;
      }
    }
  }
  catalog.add_index(std::move(index));
}

// DROP COLUMN under views that read it: refused, or with CASCADE the views go too (and the
// views over them).
std::optional<std::string> drop_column_readers(Catalog& catalog, const sql::SchemaChange& ch) {
  std::vector<std::string> views = catalog.views_reading(ch.relation, ch.name);
  if (views.empty()) return std::nullopt;
  if (!ch.cascade) {
    return fmt::format("cannot drop column {} of table {} because other objects depend on it: view {} (2BP01)", ch.name,
                       ch.relation, views.front());
  }
  for (const std::string& view : views) {
    for (const std::string& dependent : catalog.dependents_of(view)) catalog.drop_relation(dependent);
    catalog.drop_relation(view);
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> apply(Catalog& catalog, const sql::SchemaChange& ch, const ViewShape& view_shape) {
  const std::vector<std::string>& view_columns = view_shape.columns;
  // Read-only here; a case that changes the relation asks for `edit()` (a shared one is copied).
  const Relation* rel = ch.relation.empty() ? nullptr : catalog.find_relation(ch.relation);
  auto edit = [&]() -> Relation& { return *catalog.edit_relation(ch.relation); };
  auto need_table = [&]() -> std::optional<std::string> {
    if (!rel) return ch.if_exists ? std::optional<std::string>() : missing_relation(ch.relation);
    return std::nullopt;
  };
  switch (ch.kind) {
    case Kind::create_table: {
      if (rel) {
        if (ch.if_not_exists) return std::nullopt;
        return fmt::format("relation \"{}\" already exists (42P07)", ch.relation);
      }
      Relation created;
      created.name = ch.relation;
      for (const auto& def : ch.columns) {
        created.columns.push_back(column_from(def));
        for (const auto& check : def.checks) created.checks.push_back(check);
      }
      Relation& added = catalog.add_relation(std::move(created));
      for (const auto& def : ch.columns) {
        if (def.primary_key) add_key_index(catalog, added, "", {def.name}, true);
        if (def.unique) add_key_index(catalog, added, "", {def.name}, false);
      }
      return std::nullopt;
    }
    case Kind::drop_relation:
      for (const std::string& name : ch.names) {
        auto dependents = catalog.dependents_of(name);
        if (!dependents.empty() && catalog.find_relation(name)) {
          if (!ch.cascade) {
            return fmt::format("cannot drop {} because other objects depend on it: view {} (2BP01)", name, dependents.front());
          }
          for (const std::string& view : dependents) catalog.drop_relation(view);
        }
        if (!catalog.drop_relation(name) && !ch.if_exists) return fmt::format("table \"{}\" does not exist (42P01)", name);
      }
      return std::nullopt;
    case Kind::rename_relation:
      if (auto e = need_table()) return e;
      if (!rel) return std::nullopt;
      if (catalog.find_relation(ch.new_name)) return fmt::format("relation \"{}\" already exists (42P07)", ch.new_name);
      catalog.rename_relation(ch.relation, ch.new_name);
      return std::nullopt;
    case Kind::add_column: {
      if (auto e = need_table()) return e;
      if (!rel || ch.columns.empty()) return std::nullopt;
      const auto& def = ch.columns.front();
      if (rel->find_column(def.name)) {
        if (ch.if_not_exists) return std::nullopt;
        return fmt::format("column \"{}\" of relation \"{}\" already exists (42701)", def.name, ch.relation);
      }
      Relation& table = edit();
      table.columns.push_back(column_from(def));
      for (const auto& check : def.checks) table.checks.push_back(check);
      if (def.primary_key) add_key_index(catalog, table, "", {def.name}, true);
      if (def.unique) add_key_index(catalog, table, "", {def.name}, false);
      return std::nullopt;
    }
    case Kind::drop_column: {
      if (auto e = need_table()) return e;
      if (!rel) return std::nullopt;
      auto found = [&](const Column& c) { return c.name == ch.name; };
      if (std::none_of(rel->columns.begin(), rel->columns.end(), found)) {
        return ch.if_exists ? std::nullopt : std::optional<std::string>(missing_column(ch.name, ch.relation));
      }
      if (auto error = drop_column_readers(catalog, ch)) return error;
      std::vector<Column>& columns = edit().columns;
      columns.erase(std::find_if(columns.begin(), columns.end(), found));
      // Indexes on the column go with it.
      std::vector<std::string> doomed;
      for (const Index* index : catalog.indexes_on(rel->name)) {
        if (std::find(index->columns.begin(), index->columns.end(), ch.name) != index->columns.end()) doomed.push_back(index->name);
      }
      for (const auto& name : doomed) catalog.drop_index(name);
      return std::nullopt;
    }
    case Kind::rename_column: {
      if (auto e = need_table()) return e;
      if (!rel) return std::nullopt;
      if (!rel->find_column(ch.name)) return missing_column(ch.name, ch.relation);
      if (rel->find_column(ch.new_name)) return fmt::format("column \"{}\" of relation \"{}\" already exists (42701)", ch.new_name, ch.relation);
      edit().find_column(ch.name)->name = ch.new_name;
      catalog.rename_column_reads(rel->name, ch.name, ch.new_name);
      std::vector<Index> renamed;
      for (const Index* index : catalog.indexes_on(rel->name)) {
        Index copy = *index;
        for (auto& col : copy.columns) {
          if (col == ch.name) col = ch.new_name;
        }
        renamed.push_back(std::move(copy));
      }
      for (Index& index : renamed) catalog.add_index(std::move(index));
      return std::nullopt;
    }
    case Kind::alter_column_type:
    case Kind::set_not_null:
    case Kind::drop_not_null:
    case Kind::set_default:
    case Kind::drop_default: {
      if (auto e = need_table()) return e;
      if (!rel) return std::nullopt;
      if (!rel->find_column(ch.name)) return missing_column(ch.name, ch.relation);
      if (ch.kind == Kind::alter_column_type) {
        if (auto views = catalog.views_reading(rel->name, ch.name); !views.empty()) {
          return fmt::format("cannot alter type of a column used by a view or rule: view {} depends on column \"{}\" (0A000)",
                             views.front(), ch.name);
        }
      }
      Column* c = edit().find_column(ch.name);
      if (ch.kind == Kind::alter_column_type) c->type = ch.detail;
      if (ch.kind == Kind::set_not_null) c->not_null = true;
      if (ch.kind == Kind::drop_not_null) c->not_null = false;
      if (ch.kind == Kind::set_default) c->default_expr = ch.detail;
      if (ch.kind == Kind::drop_default) c->default_expr.reset();
      return std::nullopt;
    }
    case Kind::add_check:
      if (auto e = need_table()) return e;
      if (rel) edit().checks.push_back(ch.detail);
      return std::nullopt;
    case Kind::add_unique:
      if (auto e = need_table()) return e;
      if (!rel) return std::nullopt;
      for (const auto& key : ch.key_columns) {
        if (!rel->find_column(key)) return fmt::format("column \"{}\" named in key does not exist (42703)", key);
      }
      if (ch.key_columns.empty() && !ch.detail.empty()) {
        // ADD CONSTRAINT ... USING INDEX: the index becomes the constraint.
        if (const Index* existing = catalog.find_index(ch.detail)) {
          Index copy = *existing;
          catalog.drop_index(ch.detail);
          add_key_index(catalog, edit(), ch.name.empty() ? ch.detail : ch.name, copy.columns, ch.primary);
        }
        return std::nullopt;
      }
      add_key_index(catalog, edit(), ch.name, ch.key_columns, ch.primary);
      return std::nullopt;
    case Kind::drop_constraint:
      if (auto e = need_table()) return e;
      catalog.drop_index(ch.name);
      return std::nullopt;
    case Kind::create_index: {
      if (!rel) return missing_relation(ch.relation);
      std::string name = !ch.name.empty() ? ch.name : fmt::format("{}_{}_idx", ch.relation, fmt::join(ch.key_columns, "_"));
      if (catalog.find_index(name)) {
        if (ch.if_not_exists) return std::nullopt;
        return fmt::format("relation \"{}\" already exists (42P07)", name);
      }
      for (const auto& key : ch.key_columns) {
        if (key != "<expression>" && !rel->find_column(key)) return fmt::format("column \"{}\" does not exist (42703)", key);
      }
      Index index;
      index.name = name;
      index.table = rel->name;
      index.columns = ch.key_columns;
      index.unique = ch.unique;
      index.partial = ch.detail == "partial";
      catalog.add_index(std::move(index));
      return std::nullopt;
    }
    case Kind::drop_index:
      for (const std::string& name : ch.names) {
        if (!catalog.drop_index(name) && !ch.if_exists) return fmt::format("index \"{}\" does not exist (42704)", name);
      }
      return std::nullopt;
    case Kind::create_view: {
      if (rel && !ch.or_replace) return fmt::format("relation \"{}\" already exists (42P07)", ch.relation);
      Relation view;
      view.name = ch.relation;
      view.kind = RelationKind::view;
      view.depends_on = view_shape.depends_on;
      view.reads = view_shape.reads;
      for (size_t i = 0; i < view_columns.size(); ++i) {
        Column c;
        c.name = i < ch.view_column_aliases.size() ? ch.view_column_aliases[i] : view_columns[i];
        view.columns.push_back(std::move(c));
      }
      catalog.add_relation(std::move(view));
      return std::nullopt;
    }
    case Kind::create_enum:
      if (catalog.find_enum(ch.name)) return fmt::format("type \"{}\" already exists (42710)", ch.name);
      catalog.set_enum(ch.name, ch.names);
      return std::nullopt;
    case Kind::add_enum_label: {
      const auto* labels = catalog.find_enum(ch.name);
      if (!labels) return fmt::format("type \"{}\" does not exist (42704)", ch.name);
      if (std::find(labels->begin(), labels->end(), ch.new_name) != labels->end()) {
        if (ch.if_not_exists) return std::nullopt;
        return fmt::format("enum label \"{}\" already exists (42710)", ch.new_name);
      }
      auto updated = *labels;
      updated.push_back(ch.new_name);
      catalog.set_enum(ch.name, std::move(updated));
      return std::nullopt;
    }
    case Kind::rename_enum_label: {
      const auto* labels = catalog.find_enum(ch.name);
      if (!labels) return fmt::format("type \"{}\" does not exist (42704)", ch.name);
      auto updated = *labels;
      auto it = std::find(updated.begin(), updated.end(), ch.detail);
      if (it == updated.end()) return fmt::format("\"{}\" is not an existing enum label (22023)", ch.detail);
      *it = ch.new_name;
      catalog.set_enum(ch.name, std::move(updated));
      return std::nullopt;
    }
    case Kind::rename_type: {
      const auto* labels = catalog.find_enum(ch.name);
      if (!labels) return std::nullopt;  // not an enum the catalog models
      if (catalog.find_enum(ch.new_name)) return fmt::format("type \"{}\" already exists (42710)", ch.new_name);
      auto moved = *labels;
      catalog.drop_enum(ch.name);
      catalog.set_enum(ch.new_name, std::move(moved));
      catalog.retype_columns(ch.name, ch.new_name);
      return std::nullopt;
    }
    // Functions also come from sources the catalog does not model (extensions, DO blocks), so a
    // drop or rename of an unknown one is not an error here.
    case Kind::create_function:
      catalog.add_function(ch.name, ch.min_args, ch.max_args);
      return std::nullopt;
    case Kind::drop_function:
      for (const std::string& name : ch.names) catalog.drop_function(name, ch.max_args);
      return std::nullopt;
    case Kind::rename_function:
      catalog.rename_function(ch.name, ch.new_name);
      return std::nullopt;
    case Kind::drop_type:
      for (const std::string& name : ch.names) catalog.drop_enum(name);
      return std::nullopt;
    case Kind::no_schema_effect:
    case Kind::unmodeled: return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace mc::catalog
