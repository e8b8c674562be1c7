#include "catalog/qualify.h"

#include <algorithm>

#include "base/text.h"

namespace mc::catalog {

namespace {

using Kind = sql::SchemaChange::Kind;

// A name written bare beside `key` (RENAME TO, an index or constraint of a table) lives in
// key's schema; a qualified one in its own.
std::string beside(std::string_view key, std::string_view written) {
  std::string_view schema = schema_of(written);
  if (!schema.empty()) return catalog_key(schema, unqualified(written));
  return key_prefix(key) + std::string(written);
}

void qualify(sql::SchemaChange& ch, const SearchPath& path, const Catalog& catalog, const SearchPath& configured,
             const std::vector<std::string>& created) {
  auto relation = [&](const std::string& key) {
    return catalog.find_relation(key) != nullptr || std::find(created.begin(), created.end(), to_lower(key)) != created.end();
  };
  auto index = [&](const std::string& key) { return catalog.find_index(key) != nullptr; };
  auto sequence = [&](const std::string& key) { return catalog.has_sequence(key); };
  auto schema = [&](std::string_view name) {
    const auto& assumed = configured.schemas();
    return catalog.has_schema(name) || std::find(assumed.begin(), assumed.end(), name) != assumed.end();
  };
  switch (ch.kind) {
    case Kind::create_table:
    case Kind::create_view: ch.relation = path.creation(ch.relation, schema); return;
    case Kind::create_sequence: ch.name = path.creation(ch.name, schema); return;
    case Kind::drop_relation:
      for (std::string& name : ch.names) name = path.lookup(name, relation);
      return;
    case Kind::drop_index:
      for (std::string& name : ch.names) name = path.lookup(name, index);
      return;
    case Kind::drop_sequence:
      for (std::string& name : ch.names) name = path.lookup(name, sequence);
      return;
    case Kind::rename_sequence:
      ch.name = path.lookup(ch.name, sequence);
      ch.new_name = beside(ch.name, ch.new_name);
      return;
    case Kind::drop_type:
      for (std::string& name : ch.names) name = std::string(unqualified(name));
      return;
    case Kind::create_schema:
    case Kind::drop_schema:
    case Kind::rename_schema:
    case Kind::set_search_path:
    case Kind::create_enum:
    case Kind::add_enum_label:
    case Kind::rename_enum_label:
    case Kind::rename_type:
    case Kind::create_function:
    case Kind::drop_function:
    case Kind::rename_function:
    case Kind::no_schema_effect:
    case Kind::unmodeled: return;
    default: break;
  }
  // The kinds that act on one existing relation.
  if (ch.relation.empty()) return;
  ch.relation = path.lookup(ch.relation, relation);
  switch (ch.kind) {
    case Kind::rename_relation: ch.new_name = beside(ch.relation, ch.new_name); break;
    case Kind::create_index:
    case Kind::drop_constraint:
      if (!ch.name.empty()) ch.name = beside(ch.relation, ch.name);
      break;
    case Kind::add_unique:
      if (!ch.name.empty()) ch.name = beside(ch.relation, ch.name);
      if (ch.key_columns.empty() && !ch.detail.empty()) ch.detail = beside(ch.relation, ch.detail);  // USING INDEX
      break;
    default: break;
  }
}

}  // namespace

void qualify(std::vector<sql::SchemaChange>& changes, const SearchPath& path, const Catalog& catalog,
             const SearchPath& configured) {
  std::vector<std::string> created;
  for (sql::SchemaChange& change : changes) {
    qualify(change, path, catalog, configured, created);
    if (change.kind == Kind::create_table || change.kind == Kind::create_view) created.push_back(to_lower(change.relation));
  }
}

}  // namespace mc::catalog
