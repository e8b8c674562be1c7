#include "catalog/catalog.h"

#include <algorithm>
#include <utility>

#include "base/text.h"
#include "catalog/search_path.h"

namespace mc::catalog {

namespace {

// Makes `relation` private to this catalog if it is shared, with room for one more column: the usual edit adds one,
// and a vector copied at its exact size would double on that push_back (each snapshot keeps its copy).
void own(std::shared_ptr<Relation>& relation) {
  if (relation.use_count() == 1) return;
  auto copy = std::make_shared<Relation>(*relation);
  copy->columns.reserve(relation->columns.size() + 1);
  relation = std::move(copy);
}

}  // namespace

const Column* Relation::find_column(std::string_view column) const {
  for (const Column& c : columns) {
    if (iequals(c.name, column)) return &c;
  }
  return nullptr;
}

Column* Relation::find_column(std::string_view column) {
  return const_cast<Column*>(static_cast<const Relation*>(this)->find_column(column));
}

void Catalog::index_view(const std::string& key, const Relation& view, bool add) {
  if (view.kind != RelationKind::view) return;
  auto file = [&](const std::string& relation) {
    if (add) {
      views_on_[to_lower(relation)].insert(key);
    } else if (auto it = views_on_.find(to_lower(relation)); it != views_on_.end()) {
      it->second.erase(key);
      if (it->second.empty()) views_on_.erase(it);
    }
  };
  for (const std::string& relation : view.depends_on) file(relation);
  for (const ColumnRead& read : view.reads) file(read.relation);
}

void Catalog::insert_relation(const std::string& key, std::shared_ptr<Relation> relation) {
  auto [it, fresh] = relations_.try_emplace(key);
  if (!fresh) index_view(key, *it->second, false);  // the relation it replaces
  it->second = std::move(relation);
  index_view(key, *it->second, true);
}

const std::set<std::string>& Catalog::views_on(const std::string& key) const {
  static const std::set<std::string> none;
  auto it = views_on_.find(key);
  return it == views_on_.end() ? none : it->second;
}

template <class Selects, class Change>
void Catalog::edit_views_on(std::string_view relation, Selects selects, Change change) {
  // A copy of the keys: editing a view files it again under what it reads.
  const std::set<std::string>& on = views_on(to_lower(relation));
  for (const std::string& key : std::vector<std::string>(on.begin(), on.end())) {
    std::shared_ptr<Relation>& view = relations_.at(key);
    if (!selects(*view)) continue;
    index_view(key, *view, false);
    own(view);
    change(*view);
    index_view(key, *view, true);
  }
}

Relation& Catalog::add_relation(Relation relation) {
  std::string key = to_lower(relation.name);
  insert_relation(key, std::make_shared<Relation>(std::move(relation)));
  return *relations_.at(key);
}

bool Catalog::drop_relation(std::string_view name) {
  std::string key = to_lower(name);
  auto found = relations_.find(key);
  if (found == relations_.end()) return false;
  index_view(key, *found->second, false);
  relations_.erase(found);
  if (auto it = indexes_by_table_.find(key); it != indexes_by_table_.end()) {
    for (const std::string& index : it->second) indexes_.erase(index);
    indexes_by_table_.erase(it);
  }
  return true;
}

bool Catalog::rename_relation(std::string_view from, std::string_view to) {
  auto node = relations_.extract(to_lower(from));
  if (node.empty()) return false;
  index_view(node.key(), *node.mapped(), false);
  node.key() = to_lower(to);
  own(node.mapped());
  node.mapped()->name = std::string(to);
  index_view(node.key(), *node.mapped(), true);
  relations_.insert(std::move(node));
  auto owned = indexes_by_table_.extract(to_lower(from));
  if (!owned.empty()) {
    for (const std::string& index : owned.mapped()) indexes_[index].table = std::string(to);
    owned.key() = to_lower(to);
    indexes_by_table_.insert(std::move(owned));
  }
  // Views and owned sequences hold the relation, not its name: they follow it.
  std::string renamed(to);
  std::vector<std::string> sequences = sequences_owned_by(from);
  for (const std::string& name : sequences) {
    SequenceOwner owner = objects_.get().sequences.at(name);
    owner.relation = renamed;
    add_sequence(name, std::move(owner));
  }
  // SET SCHEMA moves the owned sequences too (a rename does not rename them).
  if (!iequals(key_prefix(from), key_prefix(to))) {
    for (const std::string& name : sequences) rename_sequence(name, key_prefix(to) + std::string(unqualified(name)));
  }
  auto reads_it = [&](const std::string& name) { return iequals(name, from); };
  edit_views_on(from, [&](const Relation& view) { return std::any_of(view.depends_on.begin(), view.depends_on.end(), reads_it); },
                [&](Relation& view) {
                  for (std::string& dep : view.depends_on) {
                    if (iequals(dep, from)) dep = renamed;
                  }
                  for (ColumnRead& read : view.reads) {
                    if (iequals(read.relation, from)) read.relation = renamed;
                  }
                });
  return true;
}

void Catalog::follow_column_rename(std::string_view relation, std::string_view from, std::string_view to) {
  for (const std::string& name : sequences_owned_by(relation, from)) objects_.edit().sequences.at(name).column = std::string(to);
  auto reads_it = [&](const ColumnRead& r) { return iequals(r.relation, relation) && iequals(r.column, from); };
  edit_views_on(relation, [&](const Relation& view) { return std::any_of(view.reads.begin(), view.reads.end(), reads_it); },
                [&](Relation& view) {
                  for (ColumnRead& read : view.reads) {
                    if (reads_it(read)) read.column = std::string(to);
                  }
                });
}

std::vector<std::string> Catalog::views_reading(std::string_view relation, std::string_view column) const {
  std::vector<std::string> out;
  for (const std::string& key : views_on(to_lower(relation))) {
    const Relation& view = *relations_.at(key);
    for (const ColumnRead& read : view.reads) {
      if (iequals(read.relation, relation) && iequals(read.column, column)) {
        out.push_back(view.name);
        break;
      }
    }
  }
  return out;
}

const Relation* Catalog::find_relation(std::string_view name) const {
  auto it = relations_.find(to_lower(name));
  return it == relations_.end() ? nullptr : it->second.get();
}

Relation* Catalog::edit_relation(std::string_view name) {
  auto it = relations_.find(to_lower(name));
  if (it == relations_.end()) return nullptr;
  own(it->second);
  return it->second.get();
}

Index& Catalog::add_index(Index index) {
  std::string key = to_lower(index.name);
  drop_index(key);  // replacing: the old entry may belong to another table
  indexes_by_table_[to_lower(index.table)].insert(key);
  auto [it, _] = indexes_.insert_or_assign(key, std::move(index));
  return it->second;
}

bool Catalog::drop_index(std::string_view name) {
  auto it = indexes_.find(to_lower(name));
  if (it == indexes_.end()) return false;
  auto owner = indexes_by_table_.find(to_lower(it->second.table));
  if (owner != indexes_by_table_.end()) {
    owner->second.erase(it->first);
    if (owner->second.empty()) indexes_by_table_.erase(owner);
  }
  indexes_.erase(it);
  return true;
}

const Index* Catalog::find_index(std::string_view name) const {
  auto it = indexes_.find(to_lower(name));
  return it == indexes_.end() ? nullptr : &it->second;
}

void Catalog::set_enum(std::string_view name, std::vector<std::string> labels) {
  objects_.edit().enums[to_lower(name)] = std::move(labels);
}
bool Catalog::drop_enum(std::string_view name) {
  Objects* objects = objects_.existing();
  return objects && objects->enums.erase(to_lower(name)) > 0;
}
void Catalog::retype_columns(std::string_view from, std::string_view to) {
  for (auto& [key, rel] : relations_) {
    bool uses = std::any_of(rel->columns.begin(), rel->columns.end(), [&](const Column& c) { return iequals(c.type, from); });
    if (!uses) continue;
    for (Column& c : edit_relation(key)->columns) {
      if (iequals(c.type, from)) c.type = std::string(to);
    }
  }
}
void Catalog::set_domain(std::string_view name, std::string base_type) {
  objects_.edit().domains[to_lower(name)] = std::move(base_type);
}
bool Catalog::drop_domain(std::string_view name) {
  Objects* objects = objects_.existing();
  return objects && objects->domains.erase(to_lower(name)) > 0;
}
const std::string* Catalog::find_domain(std::string_view name) const {
  const auto& domains = objects_.get().domains;
  auto it = domains.find(to_lower(name));
  return it == domains.end() ? nullptr : &it->second;
}

std::vector<std::pair<std::string, std::string>> Catalog::columns_of_type(std::string_view type) const {
  std::string array = std::string(type) + "[]";
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& [key, rel] : relations_) {
    if (rel->kind != RelationKind::table) continue;
    for (const Column& c : rel->columns) {
      if (iequals(c.type, type) || iequals(c.type, array)) out.emplace_back(key, c.name);
    }
  }
  return out;
}

const std::vector<std::string>* Catalog::find_enum(std::string_view name) const {
  const auto& enums = objects_.get().enums;
  auto it = enums.find(to_lower(name));
  return it == enums.end() ? nullptr : &it->second;
}

std::vector<std::string> Catalog::dependents_of(std::string_view name) const {
  std::vector<std::string> out;
  std::vector<std::string> pending = {to_lower(name)};
  std::set<std::string> seen;
  while (!pending.empty()) {
    std::string current = pending.back();
    pending.pop_back();
    for (const std::string& key : views_on(current)) {
      if (seen.count(key)) continue;
      const Relation& view = *relations_.at(key);
      for (const std::string& dep : view.depends_on) {
        if (to_lower(dep) == current) {
          seen.insert(key);
          out.push_back(view.name);
          pending.push_back(key);
          break;
        }
      }
    }
  }
  return out;
}

namespace {

// Whether overload `o` is the one a DROP or ALTER names: by its argument types when the
// statement lists them, else by count (-1: every overload).
bool named(const Catalog::Overload& o, int args, const std::vector<std::string>* types) {
  if (types) return o.types == *types;
  return args < 0 || o.max_args == args;
}

}  // namespace

bool Catalog::add_function(std::string_view name, Overload overload) {
  auto& overloads = objects_.edit().functions[to_lower(name)];
  for (Overload& o : overloads) {
    if (o.types == overload.types) {
      o = std::move(overload);
      return false;
    }
  }
  overloads.push_back(std::move(overload));
  return true;
}

const Catalog::Overload* Catalog::find_overload(std::string_view name, const std::vector<std::string>& types) const {
  const auto& functions = objects_.get().functions;
  auto it = functions.find(to_lower(name));
  if (it == functions.end()) return nullptr;
  for (const Overload& o : it->second) {
    if (o.types == types) return &o;
  }
  return nullptr;
}

bool Catalog::drop_function(std::string_view name, int args, const std::vector<std::string>* types) {
  Objects* objects = objects_.existing();
  if (!objects) return false;
  auto& functions = objects->functions;
  auto it = functions.find(to_lower(name));
  if (it == functions.end()) return false;
  auto& overloads = it->second;
  auto before = overloads.size();
  overloads.erase(std::remove_if(overloads.begin(), overloads.end(), [&](const Overload& o) { return named(o, args, types); }),
                  overloads.end());
  bool dropped = overloads.size() != before;
  if (overloads.empty()) functions.erase(it);
  return dropped;
}

bool Catalog::rename_function(std::string_view from, std::string_view to, const std::vector<std::string>* types) {
  Objects* objects = objects_.existing();
  if (!objects) return false;
  auto& functions = objects->functions;
  auto it = functions.find(to_lower(from));
  if (it == functions.end()) return false;
  std::vector<Overload> moved;
  auto& overloads = it->second;
  for (auto o = overloads.begin(); o != overloads.end();) {
    if (named(*o, -1, types)) {
      moved.push_back(std::move(*o));
      o = overloads.erase(o);
    } else {
      ++o;
    }
  }
  if (overloads.empty()) functions.erase(it);
  if (moved.empty()) return false;
  auto& target = functions[to_lower(to)];
  for (Overload& o : moved) target.push_back(std::move(o));
  return true;
}

void Catalog::index_sequence_owner(const std::string& key, const SequenceOwner& owner, bool add) {
  if (owner.relation.empty()) return;
  std::string relation = to_lower(owner.relation);
  auto& by_owner = objects_.edit().sequences_by_owner;
  if (add) {
    by_owner[relation].insert(key);
    return;
  }
  auto it = by_owner.find(relation);
  if (it == by_owner.end()) return;
  it->second.erase(key);
  if (it->second.empty()) by_owner.erase(it);
}

void Catalog::add_sequence(std::string_view name, SequenceOwner owner) {
  std::string key = to_lower(name);
  auto [it, inserted] = objects_.edit().sequences.try_emplace(key);
  if (!inserted) index_sequence_owner(key, it->second, false);
  it->second = std::move(owner);
  index_sequence_owner(key, it->second, true);
}
bool Catalog::drop_sequence(std::string_view name) {
  Objects* objects = objects_.existing();
  if (!objects) return false;
  auto it = objects->sequences.find(to_lower(name));
  if (it == objects->sequences.end()) return false;
  index_sequence_owner(it->first, it->second, false);
  objects->sequences.erase(it);
  return true;
}
bool Catalog::rename_sequence(std::string_view from, std::string_view to) {
  Objects* objects = objects_.existing();
  if (!objects) return false;
  auto node = objects->sequences.extract(to_lower(from));
  if (node.empty()) return false;
  index_sequence_owner(node.key(), node.mapped(), false);
  node.key() = to_lower(to);
  index_sequence_owner(node.key(), node.mapped(), true);
  objects->sequences.insert(std::move(node));
  return true;
}
bool Catalog::has_sequence(std::string_view name) const { return objects_.get().sequences.count(to_lower(name)) > 0; }
std::vector<std::string> Catalog::sequences_owned_by(std::string_view relation, std::string_view column) const {
  std::vector<std::string> out;
  const Objects& objects = objects_.get();
  auto owned = objects.sequences_by_owner.find(to_lower(relation));
  if (owned == objects.sequences_by_owner.end()) return out;
  for (const std::string& name : owned->second) {
    const SequenceOwner& owner = objects.sequences.at(name);
    if (column.empty() || iequals(owner.column, column)) out.push_back(name);
  }
  return out;
}

bool Catalog::has_function(std::string_view name) const { return objects_.get().functions.count(to_lower(name)) > 0; }

bool Catalog::function_accepts(std::string_view name, size_t args) const { return !overloads_accepting(name, args).empty(); }

std::vector<const Catalog::Overload*> Catalog::overloads_accepting(std::string_view name, size_t args) const {
  std::vector<const Overload*> out;
  const auto& functions = objects_.get().functions;
  auto it = functions.find(to_lower(name));
  if (it == functions.end()) return out;
  auto n = static_cast<int>(args);
  for (const Overload& o : it->second) {
    if (n >= o.min_args && (o.max_args < 0 || n <= o.max_args)) out.push_back(&o);
  }
  return out;
}

Catalog Catalog::subset(const std::vector<std::string>& names, const SubsetScope& scope) const {
  Catalog out;
  const Objects& objects = objects_.get();
  // Taken twice per replayed statement: each name is folded once, each map is searched once for
  // it (an empty map costs nothing), and what is copied goes in under the keys it already has.
  for (const std::string& name : names) {
    const std::string key = to_lower(name);
    if (auto f = objects.functions.find(key); f != objects.functions.end()) {
      for (const Overload& o : f->second) out.add_function(name, o);
    }
    if (auto e = objects.enums.find(key); e != objects.enums.end()) out.set_enum(name, e->second);
    if (scope.sequences) {
      if (auto s = objects.sequences.find(key); s != objects.sequences.end()) out.take_sequence(s->first, s->second);
      if (auto owned = objects.sequences_by_owner.find(key); owned != objects.sequences_by_owner.end()) {
        for (const std::string& sequence : owned->second) out.take_sequence(sequence, objects.sequences.at(sequence));
      }
    }
    if (auto it = relations_.find(key); it != relations_.end()) {
      out.insert_relation(it->first, it->second);  // shared, not copied
      if (scope.only_indexes) continue;
      if (auto on = indexes_by_table_.find(to_lower(it->second->name)); on != indexes_by_table_.end()) {
        for (const std::string& index : on->second) out.take_index(index, indexes_.at(index));
      }
    }
  }
  if (scope.only_indexes) {
    for (const std::string& name : *scope.only_indexes) {
      auto it = indexes_.find(to_lower(name));
      if (it != indexes_.end() && out.find_relation(it->second.table)) out.take_index(it->first, it->second);
    }
  }
  return out;
}

void Catalog::take_sequence(const std::string& key, const SequenceOwner& owner) {
  Objects& objects = objects_.edit();
  // A sequence both named and owned is taken once.
  if (objects.sequences.emplace(key, owner).second) index_sequence_owner(key, owner, true);
}

void Catalog::take_index(const std::string& key, const Index& index) {
  if (indexes_.emplace(key, index).second) indexes_by_table_[to_lower(index.table)].insert(key);
}

void Catalog::replace_relations(const Catalog& source, const std::vector<std::string>& names) {
  for (const std::string& name : names) {
    drop_relation(name);
    if (auto it = source.relations_.find(to_lower(name)); it != source.relations_.end()) {
      insert_relation(it->first, it->second);
      for (const Index* index : source.indexes_on(name)) add_index(*index);
    }
  }
}

void Catalog::add_schema(std::string_view name) {
  if (iequals(name, "public")) public_schema_ = true;
  else objects_.edit().schemas.insert(to_lower(name));
}
bool Catalog::drop_schema(std::string_view name) {
  if (!iequals(name, "public")) {
    Objects* objects = objects_.existing();
    return objects && objects->schemas.erase(to_lower(name)) > 0;
  }
  return std::exchange(public_schema_, false);
}

namespace {

// Whether catalog key `key` names an object of `schema` (public's keys are bare).
bool in_schema(std::string_view key, std::string_view schema) {
  std::string_view own = schema_of(key);
  return own.empty() ? iequals(schema, "public") : iequals(own, schema);
}

template <class Map>
std::vector<std::string> keys_in(const Map& map, std::string_view schema) {
  std::vector<std::string> out;
  for (const auto& entry : map) {
    if (in_schema(entry.first, schema)) out.push_back(entry.first);
  }
  return out;
}

}  // namespace

bool Catalog::has_schema(std::string_view name) const {
  if (iequals(name, "public") && public_schema_) return true;
  return objects_.get().schemas.count(to_lower(name)) > 0 || !relations_in(name).empty() || !sequences_in(name).empty();
}
std::vector<std::string> Catalog::relations_in(std::string_view schema) const { return keys_in(relations_, schema); }
std::vector<std::string> Catalog::sequences_in(std::string_view schema) const { return keys_in(objects_.get().sequences, schema); }
std::vector<std::string> Catalog::indexes_in(std::string_view schema) const { return keys_in(indexes_, schema); }

bool Catalog::rename_index(std::string_view from, std::string_view to) {
  const Index* found = find_index(from);
  if (!found) return false;
  Index moved = *found;
  drop_index(from);
  moved.name = std::string(to);
  add_index(std::move(moved));
  return true;
}

std::vector<const Index*> Catalog::indexes_on(std::string_view table) const {
  std::vector<const Index*> out;
  auto it = indexes_by_table_.find(to_lower(table));
  if (it == indexes_by_table_.end()) return out;
  for (const std::string& name : it->second) out.push_back(&indexes_.at(name));
  return out;
}

}  // namespace mc::catalog
