#include "analyses/rules/lookahead.h"

#include <algorithm>

#include "base/text.h"

namespace mc::rules {

namespace {

bool seen_after(const std::unordered_map<std::string, size_t>& last_seen, std::string_view name, size_t index) {
  auto it = last_seen.find(to_lower(name));
  return it != last_seen.end() && it->second > index;
}

// The index in `slot`, built by `build` the first time it is asked for.
template <class Index, class Build>
const Index& built(std::optional<Index>& slot, Build build) {
  if (!slot) build(slot.emplace());
  return *slot;
}

// The first of `entries` (ascending by statement) that comes after statement `index`.
template <class Entries, class Statement>
auto first_after(const Entries& entries, size_t index, Statement statement_of) {
  return std::upper_bound(entries.begin(), entries.end(), index,
                          [&](size_t i, const auto& entry) { return i < statement_of(entry); });
}

}  // namespace

template <class F>
void FileLookahead::each_diff(F f) const {
  if (!replay_) return;
  for (size_t j = begin_; j < end_; ++j) {
    if (const StatementDiff* diff = replay_->diff_of(j)) f(j, *diff);
  }
}

std::string FileLookahead::shape_key(std::string_view table, const std::vector<std::string>& columns) {
  // Columns are compared as written (expressions too): each is prefixed by its length, so that no
  // two lists share a key.
  std::string key = to_lower(table);
  for (const std::string& column : columns) {
    key += '\0';
    key += std::to_string(column.size());
    key += ':';
    key += column;
  }
  return key;
}

std::string FileLookahead::column_type_key(std::string_view table, std::string_view type) {
  return to_lower(table) + '\0' + to_lower(type);
}

const FileLookahead::Relations& FileLookahead::relations() const {
  return built(relations_, [&](Relations& out) {
    each_diff([&](size_t j, const StatementDiff& diff) {
      for (const catalog::Change& c : diff.changes) {
        if (c.kind == catalog::ChangeKind::relation_added) out.created[to_lower(c.relation)] = j;
        if (c.kind == catalog::ChangeKind::relation_renamed) {
          out.created[to_lower(c.new_name)] = j;
          out.renamed_away[to_lower(c.relation)] = j;
        }
      }
    });
  });
}

const FileLookahead::Indexes& FileLookahead::indexes() const {
  return built(indexes_, [&](Indexes& out) {
    each_diff([&](size_t j, const StatementDiff& diff) {
      for (const catalog::Change& c : diff.changes) {
        if (c.kind != catalog::ChangeKind::index_added) continue;
        out.by_name[to_lower(c.new_name)] = j;
        if (const catalog::Index* created = diff.after.find_index(c.new_name)) {
          out.by_shape[shape_key(created->table, created->columns)] = j;
        }
      }
    });
  });
}

const FileLookahead::ColumnsAdded& FileLookahead::columns_added() const {
  return built(columns_added_, [&](ColumnsAdded& out) {
    each_diff([&](size_t j, const StatementDiff& diff) {
      for (const catalog::Change& c : diff.changes) {
        if (c.kind != catalog::ChangeKind::column_added) continue;
        const catalog::Relation* table = diff.after.find_relation(c.relation);
        const catalog::Column* added = table ? table->find_column(c.column) : nullptr;
        if (added) out[column_type_key(c.relation, added->type)].emplace_back(j, c.column);
      }
    });
  });
}

const FileLookahead::FunctionsHeld& FileLookahead::functions_held() const {
  return built(functions_held_, [&](FunctionsHeld& out) {
    each_diff([&](size_t j, const StatementDiff& diff) {
      for (const auto& [name, _] : diff.after.functions()) out[name].push_back(j);
    });
  });
}

const FileLookahead::Texts& FileLookahead::texts() const {
  return built(texts_, [&](Texts& out) {
    for (size_t j = begin_; statements_ && j < end_ && j < statements_->size(); ++j) {
      std::string text = to_lower(normalize_sql((*statements_)[j].text()));
      if (text.find("start") != std::string::npos || text.find("setval") != std::string::npos) out.last_sequence_start = j;
      if (text.starts_with("create trigger") || text.starts_with("create temp trigger")) {
        out.triggers.emplace_back(j, std::move(text));
      }
    }
  });
}

bool FileLookahead::creates_relation(std::string_view relation, size_t index) const {
  return seen_after(relations().created, relation, index);
}

bool FileLookahead::renames_relation_away(std::string_view relation, size_t index) const {
  return seen_after(relations().renamed_away, relation, index);
}

bool FileLookahead::creates_index_named(std::string_view name, size_t index) const {
  return seen_after(indexes().by_name, name, index);
}

bool FileLookahead::creates_index_on(std::string_view table, const std::vector<std::string>& columns, size_t index) const {
  const LastSeen& by_shape = indexes().by_shape;
  auto it = by_shape.find(shape_key(table, columns));
  return it != by_shape.end() && it->second > index;
}

std::string FileLookahead::adds_column_of_type(std::string_view table, std::string_view type, size_t index) const {
  const ColumnsAdded& added = columns_added();
  auto it = added.find(column_type_key(table, type));
  if (it == added.end()) return "";
  auto first = first_after(it->second, index, [](const auto& entry) { return entry.first; });
  return first == it->second.end() ? "" : first->second;
}

std::vector<const StatementDiff*> FileLookahead::diffs_holding_function(std::string_view name, size_t index) const {
  std::vector<const StatementDiff*> out;
  const FunctionsHeld& held = functions_held();
  auto it = held.find(to_lower(name));
  if (it == held.end()) return out;
  for (auto j = first_after(it->second, index, [](size_t entry) { return entry; }); j != it->second.end(); ++j) {
    out.push_back(replay_->diff_of(*j));
  }
  return out;
}

bool FileLookahead::creates_trigger(std::string_view name, size_t index) const {
  const auto& triggers = texts().triggers;
  std::string wanted = to_lower(name);
  std::string spaced = " " + wanted + " ", quoted = "\"" + wanted + "\"";
  for (auto it = first_after(triggers, index, [](const auto& entry) { return entry.first; }); it != triggers.end(); ++it) {
    if (it->second.find(spaced) != std::string::npos || it->second.find(quoted) != std::string::npos) return true;
  }
  return false;
}

bool FileLookahead::mentions_sequence_start(size_t index) const {
  const std::optional<size_t>& last = texts().last_sequence_start;
  return last && *last > index;
}

}  // namespace mc::rules
