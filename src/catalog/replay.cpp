#include "catalog/replay.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

#include "base/text.h"
#include "catalog/search_path.h"

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
  c.identity = def.identity;
  c.computed = def.computed;
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

// Why PostgreSQL refuses an identity change of column `c`, if it does.
std::optional<std::string> identity_refused(const Column& c, const sql::SchemaChange& ch) {
  auto refused = [&](std::string_view why) {
    return fmt::format("column \"{}\" of relation \"{}\" {} (55000)", c.name, ch.relation, why);
  };
  bool adding = ch.kind == Kind::set_identity && ch.detail == "add";
  if (adding) {
    if (c.identity != sql::Identity::none) return refused("is already an identity column");
    if (c.default_expr || c.generated) return refused("already has a default value");
    if (!c.not_null) return refused("must be declared NOT NULL before identity can be added");
    return std::nullopt;
  }
  if (c.identity == sql::Identity::none && !(ch.kind == Kind::drop_identity && ch.if_exists)) {
    return refused("is not an identity column");
  }
  return std::nullopt;
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

// The sequence a serial or identity column gets: `table_column_seq`, in the table's schema.
std::string owned_sequence_name(const std::string& relation, const std::string& column) {
  return relation + "_" + column + "_seq";
}

bool is_serial(const Column& c) { return c.generated && c.identity == sql::Identity::none && !c.computed && !c.default_expr; }

// Serial and identity columns own a sequence.
void add_owned_sequence(Catalog& catalog, const std::string& relation, const Column& c) {
  if (is_serial(c) || c.identity != sql::Identity::none) catalog.add_sequence(owned_sequence_name(relation, c.name), {relation, c.name});
}

void drop_owned_sequences(Catalog& catalog, const std::string& relation, std::string_view column = {}) {
  for (const std::string& name : catalog.sequences_owned_by(relation, column)) catalog.drop_sequence(name);
}

// DROP SEQUENCE under a column default that calls it (a serial column's implicit one, or a
// written nextval('name')): refused, or with CASCADE the defaults go.
std::optional<std::string> drop_sequence_users(Catalog& catalog, const std::string& sequence, bool cascade) {
  std::string call = "nextval('" + to_lower(sequence) + "'";
  auto owner = catalog.sequences().find(to_lower(sequence));
  bool owned = owner != catalog.sequences().end();
  auto uses = [&](const Relation& rel, const Column& c) {
    bool serial_default = owned && is_serial(c) && iequals(owner->second.relation, rel.name) && iequals(owner->second.column, c.name);
    return serial_default || (c.default_expr && to_lower(*c.default_expr).find(call) != std::string::npos);
  };
  std::vector<std::pair<std::string, std::string>> users;  // (relation key, column)
  for (const auto& [key, rel] : catalog.relations()) {
    for (const Column& c : rel.columns) {
      if (uses(rel, c)) users.emplace_back(key, c.name);
    }
  }
  if (users.empty()) return std::nullopt;
  if (!cascade) {
    return fmt::format("cannot drop sequence {} because other objects depend on it: default value for column {} of table "
                       "{} (2BP01)",
                       sequence, users.front().second, catalog.find_relation(users.front().first)->name);
  }
  for (const auto& [key, column] : users) {
    Column* c = catalog.edit_relation(key)->find_column(column);
    c->default_expr.reset();
    c->generated = false;
  }
  return std::nullopt;
}

// The tables with a trigger that runs function `name` (a trigger function takes no arguments,
// so an overload taking `args` > 0 runs under none).
std::vector<std::string> tables_triggering(const Catalog& catalog, const std::string& name, int args) {
  std::vector<std::string> tables;
  if (args > 0) return tables;
  for (const auto& [key, rel] : catalog.relations()) {
    auto runs = [&](const Trigger& t) { return iequals(t.function, name); };
    if (std::any_of(rel.triggers.begin(), rel.triggers.end(), runs)) tables.push_back(key);
  }
  return tables;
}

// A DROP or ALTER FUNCTION naming argument types no overload of a function the catalog knows
// has (42883). Functions the catalog never saw may come from where it cannot see: not an error.
std::optional<std::string> missing_overload(const Catalog& catalog, const std::string& name, const sql::SchemaChange& ch) {
  if (!ch.argument_types || ch.if_exists || !catalog.has_function(name) || catalog.find_overload(name, *ch.argument_types)) {
    return std::nullopt;
  }
  return fmt::format("function {}({}) does not exist (42883)", name, fmt::join(*ch.argument_types, ", "));
}

// DROP FUNCTION under triggers that run it: refused, or with CASCADE the triggers go.
std::optional<std::string> drop_function_triggers(Catalog& catalog, const std::string& name, int args, bool cascade) {
  std::vector<std::string> tables = tables_triggering(catalog, name, args);
  auto runs = [&](const Trigger& t) { return iequals(t.function, name); };
  if (!tables.empty() && !cascade) {
    const Relation& table = *catalog.find_relation(tables.front());
    const Trigger& t = *std::find_if(table.triggers.begin(), table.triggers.end(), runs);
    return fmt::format("cannot drop function {}() because other objects depend on it: trigger {} on table {} (2BP01)", name,
                       t.name, table.name);
  }
  for (const std::string& key : tables) {
    std::vector<Trigger>& triggers = catalog.edit_relation(key)->triggers;
    triggers.erase(std::remove_if(triggers.begin(), triggers.end(), runs), triggers.end());
  }
  return std::nullopt;
}

// DROP TYPE / DROP DOMAIN under columns of that type: refused, or with CASCADE the columns go
// (and what goes with them: views that read them, their indexes).
std::optional<std::string> drop_type_users(Catalog& catalog, const std::string& type, bool cascade) {
  std::vector<std::pair<std::string, std::string>> users = catalog.columns_of_type(type);
  if (users.empty()) return std::nullopt;
  if (!cascade) {
    const auto& [relation, column] = users.front();
    return fmt::format("cannot drop type {} because other objects depend on it: column {} of table {} (2BP01)", type, column,
                       catalog.find_relation(relation)->name);
  }
  for (const auto& [relation, column] : users) {
    if (!catalog.find_relation(relation)) continue;  // gone with an earlier column's views
    sql::SchemaChange drop;
    drop.kind = Kind::drop_column;
    drop.relation = relation;
    drop.name = column;
    drop.cascade = true;
    if (auto error = apply(catalog, drop)) return error;
  }
  return std::nullopt;
}

// DROP SCHEMA: refused while it holds objects, or with CASCADE they go too (and the views
// elsewhere over its relations). A schema the catalog never saw is not an error: it may have
// been made where the catalog cannot see.
std::optional<std::string> drop_schema(Catalog& catalog, const std::string& schema, bool cascade) {
  std::vector<std::string> relations = catalog.relations_in(schema);
  std::vector<std::string> sequences = catalog.sequences_in(schema);
  if (!cascade && (!relations.empty() || !sequences.empty())) {
    const Relation* rel = relations.empty() ? nullptr : catalog.find_relation(relations.front());
    const char* kind = !rel ? "sequence" : rel->kind == RelationKind::view ? "view" : "table";
    return fmt::format("cannot drop schema {} because other objects depend on it: {} {} (2BP01)", schema, kind,
                       rel ? rel->name : sequences.front());
  }
  for (const std::string& key : relations) {
    for (const std::string& view : catalog.dependents_of(key)) catalog.drop_relation(view);
    drop_owned_sequences(catalog, key);
    catalog.drop_relation(key);
  }
  for (const std::string& key : catalog.sequences_in(schema)) catalog.drop_sequence(key);
  catalog.drop_schema(schema);
  return std::nullopt;
}

// ALTER SCHEMA RENAME: every object in it moves to the new name; views over them follow.
std::optional<std::string> rename_schema(Catalog& catalog, const std::string& from, const std::string& to) {
  if (!catalog.has_schema(from)) return std::nullopt;  // not one the catalog knows
  if (catalog.has_schema(to)) return fmt::format("schema \"{}\" already exists (42P06)", to);
  for (const std::string& key : catalog.relations_in(from)) catalog.rename_relation(key, catalog_key(to, unqualified(key)));
  for (const std::string& key : catalog.sequences_in(from)) catalog.rename_sequence(key, catalog_key(to, unqualified(key)));
  for (const std::string& key : catalog.indexes_in(from)) catalog.rename_index(key, catalog_key(to, unqualified(key)));
  catalog.drop_schema(from);
  catalog.add_schema(to);
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
      for (const Column& c : added.columns) add_owned_sequence(catalog, added.name, c);
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
        drop_owned_sequences(catalog, name);
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
      add_owned_sequence(catalog, table.name, table.columns.back());
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
      drop_owned_sequences(catalog, rel->name, ch.name);
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
      catalog.follow_column_rename(rel->name, ch.name, ch.new_name);
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
      if (ch.kind == Kind::drop_default) {
        c->default_expr.reset();
        // A serial column's default is its nextval(): without it, callers must write the column.
        if (c->identity == sql::Identity::none && !c->computed) c->generated = false;
      }
      return std::nullopt;
    }
    case Kind::set_identity:
    case Kind::drop_identity: {
      if (auto e = need_table()) return e;
      if (!rel) return std::nullopt;
      const Column* c = rel->find_column(ch.name);
      if (!c) return missing_column(ch.name, ch.relation);
      if (auto error = identity_refused(*c, ch)) return error;
      if (ch.kind == Kind::drop_identity && c->identity == sql::Identity::none) return std::nullopt;  // IF EXISTS
      Column* edited = edit().find_column(ch.name);
      edited->identity = ch.kind == Kind::drop_identity ? sql::Identity::none : ch.identity;
      edited->generated = edited->identity != sql::Identity::none;
      if (ch.kind == Kind::drop_identity) drop_owned_sequences(catalog, rel->name, ch.name);
      if (ch.detail == "add") add_owned_sequence(catalog, rel->name, *edited);
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
      if (catalog.has_type(ch.name)) return fmt::format("type \"{}\" already exists (42710)", ch.name);
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
      const std::string* base = catalog.find_domain(ch.name);
      if (!labels && !base) return std::nullopt;  // not a type the catalog models
      if (catalog.has_type(ch.new_name)) {
        return fmt::format("type \"{}\" already exists (42710)", ch.new_name);
      }
      if (labels) {
        auto moved = *labels;
        catalog.drop_enum(ch.name);
        catalog.set_enum(ch.new_name, std::move(moved));
      } else {
        std::string moved = *base;
        catalog.drop_domain(ch.name);
        catalog.set_domain(ch.new_name, std::move(moved));
      }
      catalog.retype_columns(ch.name, ch.new_name);
      return std::nullopt;
    }
    case Kind::create_domain:
      if (catalog.has_type(ch.name)) return fmt::format("type \"{}\" already exists (42710)", ch.name);
      catalog.set_domain(ch.name, ch.detail);
      return std::nullopt;
    // Functions also come from sources the catalog does not model (extensions, DO blocks), so a
    // drop or rename of an unknown one is not an error here.
    case Kind::create_function: {
      std::vector<std::string> types = ch.argument_types.value_or(std::vector<std::string>{});
      if (!ch.or_replace && catalog.find_overload(ch.name, types)) {
        return fmt::format("function \"{}\" already exists with same argument types (42723)", ch.name);
      }
      catalog.add_function(ch.name, {ch.min_args, ch.max_args, std::move(types)});
      return std::nullopt;
    }
    case Kind::drop_function:
      for (const std::string& name : ch.names) {
        if (auto missing = missing_overload(catalog, name, ch)) return missing;
        if (auto error = drop_function_triggers(catalog, name, ch.max_args, ch.cascade)) return error;
        catalog.drop_function(name, ch.max_args, ch.argument_types ? &*ch.argument_types : nullptr);
      }
      return std::nullopt;
    case Kind::rename_function:
      if (auto missing = missing_overload(catalog, ch.name, ch)) return missing;
      if (ch.argument_types && catalog.find_overload(ch.new_name, *ch.argument_types)) {
        return fmt::format("function {}({}) already exists (42723)", ch.new_name, fmt::join(*ch.argument_types, ", "));
      }
      catalog.rename_function(ch.name, ch.new_name, ch.argument_types ? &*ch.argument_types : nullptr);
      // Triggers run a function taking no arguments: they follow unless another overload was named.
      for (const std::string& key : tables_triggering(catalog, ch.name, ch.argument_types ? static_cast<int>(ch.argument_types->size()) : 0)) {
        for (Trigger& t : catalog.edit_relation(key)->triggers) {
          if (iequals(t.function, ch.name)) t.function = ch.new_name;
        }
      }
      return std::nullopt;
    case Kind::create_trigger: {
      if (auto e = need_table()) return e;
      if (!rel) return std::nullopt;
      auto same = [&](const Trigger& t) { return iequals(t.name, ch.name); };
      bool exists = std::any_of(rel->triggers.begin(), rel->triggers.end(), same);
      if (exists && !ch.or_replace) return fmt::format("trigger \"{}\" for relation \"{}\" already exists (42710)", ch.name, rel->name);
      std::vector<Trigger>& triggers = edit().triggers;
      triggers.erase(std::remove_if(triggers.begin(), triggers.end(), same), triggers.end());
      triggers.push_back({ch.name, ch.detail});
      return std::nullopt;
    }
    case Kind::drop_trigger: {
      if (!rel) return ch.if_exists ? std::nullopt : std::optional<std::string>(missing_relation(ch.relation));
      auto same = [&](const Trigger& t) { return iequals(t.name, ch.name); };
      if (std::none_of(rel->triggers.begin(), rel->triggers.end(), same)) {
        if (ch.if_exists) return std::nullopt;
        return fmt::format("trigger \"{}\" for table \"{}\" does not exist (42704)", ch.name, rel->name);
      }
      std::vector<Trigger>& triggers = edit().triggers;
      triggers.erase(std::remove_if(triggers.begin(), triggers.end(), same), triggers.end());
      return std::nullopt;
    }
    case Kind::create_sequence:
      if (catalog.has_sequence(ch.name) || catalog.find_relation(ch.name)) {
        if (ch.if_not_exists) return std::nullopt;
        return fmt::format("relation \"{}\" already exists (42P07)", ch.name);
      }
      catalog.add_sequence(ch.name);
      return std::nullopt;
    // Sequences also come from what the catalog does not model (DO blocks, extensions, names
    // PostgreSQL made unique), so dropping or renaming an unknown one is not an error here.
    case Kind::drop_sequence:
      for (const std::string& name : ch.names) {
        if (!catalog.has_sequence(name)) continue;
        if (auto error = drop_sequence_users(catalog, name, ch.cascade)) return error;
        catalog.drop_sequence(name);
      }
      return std::nullopt;
    case Kind::rename_sequence:
      if (!catalog.has_sequence(ch.name)) return std::nullopt;
      if (catalog.has_sequence(ch.new_name) || catalog.find_relation(ch.new_name)) {
        return fmt::format("relation \"{}\" already exists (42P07)", ch.new_name);
      }
      catalog.rename_sequence(ch.name, ch.new_name);
      return std::nullopt;
    case Kind::drop_type:
      for (const std::string& name : ch.names) {
        if (!catalog.has_type(name)) continue;  // not a type the catalog models
        if (auto error = drop_type_users(catalog, name, ch.cascade)) return error;
        catalog.drop_enum(name);
        catalog.drop_domain(name);
      }
      return std::nullopt;
    case Kind::create_schema:
      if (catalog.has_schema(ch.name)) {
        if (ch.if_not_exists) return std::nullopt;
        return fmt::format("schema \"{}\" already exists (42P06)", ch.name);
      }
      catalog.add_schema(ch.name);
      return std::nullopt;
    case Kind::drop_schema:
      for (const std::string& name : ch.names) {
        if (auto error = drop_schema(catalog, name, ch.cascade)) return error;
      }
      return std::nullopt;
    case Kind::rename_schema: return rename_schema(catalog, ch.name, ch.new_name);
    case Kind::set_search_path:  // session state: the caller keeps the path
    case Kind::no_schema_effect:
    case Kind::unmodeled: return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace mc::catalog
