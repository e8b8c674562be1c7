#include "catalog/catalog.h"

#include "base/text.h"

namespace mc::catalog {

const Column* Relation::find_column(std::string_view column) const {
  for (const Column& c : columns) {
    if (iequals(c.name, column)) return &c;
  }
  return nullptr;
}

Column* Relation::find_column(std::string_view column) {
  return const_cast<Column*>(static_cast<const Relation*>(this)->find_column(column));
}

Relation& Catalog::add_relation(Relation relation) {
  std::string key = to_lower(relation.name);
  auto [it, _] = relations_.insert_or_assign(key, std::move(relation));
  return it->second;
}

bool Catalog::drop_relation(std::string_view name) {
  std::string key = to_lower(name);
  if (relations_.erase(key) == 0) return false;
  for (auto it = indexes_.begin(); it != indexes_.end();) {
    it = iequals(it->second.table, name) ? indexes_.erase(it) : std::next(it);
  }
  return true;
}

bool Catalog::rename_relation(std::string_view from, std::string_view to) {
  auto node = relations_.extract(to_lower(from));
  if (node.empty()) return false;
  node.key() = to_lower(to);
  node.mapped().name = std::string(to);
  relations_.insert(std::move(node));
  for (auto& [_, index] : indexes_) {
    if (iequals(index.table, from)) index.table = std::string(to);
  }
  return true;
}

const Relation* Catalog::find_relation(std::string_view name) const {
  auto it = relations_.find(to_lower(name));
  return it == relations_.end() ? nullptr : &it->second;
}

Relation* Catalog::find_relation(std::string_view name) {
  auto it = relations_.find(to_lower(name));
  return it == relations_.end() ? nullptr : &it->second;
}

Index& Catalog::add_index(Index index) {
  std::string key = to_lower(index.name);
  auto [it, _] = indexes_.insert_or_assign(key, std::move(index));
  return it->second;
}

bool Catalog::drop_index(std::string_view name) { return indexes_.erase(to_lower(name)) > 0; }

const Index* Catalog::find_index(std::string_view name) const {
  auto it = indexes_.find(to_lower(name));
  return it == indexes_.end() ? nullptr : &it->second;
}

std::vector<const Index*> Catalog::indexes_on(std::string_view table) const {
  std::vector<const Index*> out;
  for (const auto& [_, index] : indexes_) {
    if (iequals(index.table, table)) out.push_back(&index);
  }
  return out;
}

}  // namespace mc::catalog
