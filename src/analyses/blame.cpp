#include "analyses/blame.h"

#include "base/text.h"

namespace mc {

using catalog::ChangeKind;

void Blame::move_prefix(const std::string& from, const std::string& to) {
  // The keys under `from` are two ranges of the sorted map, "from#…" and "from.…": found by
  // lookup, not by a walk over every key (which made a history of many drops quadratic).
  std::vector<std::pair<std::string, Origin>> moved;
  for (char separator : {'#', '.'}) {
    const std::string prefix = from + separator;
    auto it = by_object_.lower_bound(prefix);
    while (it != by_object_.end() && it->first.compare(0, prefix.size(), prefix) == 0) {
      moved.emplace_back(to + it->first.substr(from.size()), std::move(it->second));
      it = by_object_.erase(it);
    }
  }
  for (auto& [key, origin] : moved) {
    origin.change.relation = std::string(key.substr(0, to.size()));
    by_object_.insert_or_assign(key, std::move(origin));
  }
}

void Blame::record(const std::vector<catalog::Change>& changes, const catalog::Catalog& after, Span statement) {
  for (const catalog::Change& change : changes) {
    std::string relation = to_lower(change.relation);
    Origin origin{change, statement};
    switch (change.kind) {
      case ChangeKind::relation_renamed: {
        std::string to = to_lower(change.new_name);
        move_prefix(relation, to);
        by_object_.insert_or_assign(relation, origin);
        by_object_.insert_or_assign(to, origin);
        break;
      }
      case ChangeKind::relation_added: {
        by_object_.insert_or_assign(relation, origin);
        if (const catalog::Relation* rel = after.find_relation(change.relation)) {
          for (const catalog::Column& column : rel->columns) {
            catalog::Change added{ChangeKind::column_added, rel->name, column.name, {}, {}};
            added.detail = column.type + (column.not_null ? " NOT NULL" : "") +
                           (column.default_expr ? " DEFAULT " + *column.default_expr
                                                : (column.not_null && !column.generated ? ", no default" : ""));
            by_object_.insert_or_assign(relation + "." + to_lower(column.name), Origin{added, statement});
          }
          for (const std::string& check : rel->checks) {
            by_object_.insert_or_assign(relation + "#check:" + check,
                                        Origin{{ChangeKind::check_added, rel->name, {}, {}, check}, statement});
          }
        }
        break;
      }
      case ChangeKind::relation_dropped:
        move_prefix(relation, relation + "(dropped)");
        by_object_.insert_or_assign(relation, origin);
        break;
      case ChangeKind::column_renamed:
        by_object_.insert_or_assign(relation + "." + to_lower(change.column), origin);
        by_object_.insert_or_assign(relation + "." + to_lower(change.new_name), origin);
        break;
      case ChangeKind::check_added:
      case ChangeKind::check_dropped:
        by_object_.insert_or_assign(relation + "#check:" + change.detail, origin);
        break;
      case ChangeKind::index_added:
      case ChangeKind::index_dropped:
        by_object_.insert_or_assign(relation + "#index:" + to_lower(change.new_name), origin);
        break;
      default:
        by_object_.insert_or_assign(change.column.empty() ? relation : relation + "." + to_lower(change.column), origin);
        break;
    }
  }
}

const Origin* Blame::find(std::string_view object) const {
  auto it = by_object_.find(to_lower(object));
  return it == by_object_.end() ? nullptr : &it->second;
}

std::vector<const Origin*> Blame::constraints_of(std::string_view relation) const {
  std::vector<const Origin*> out;
  std::string prefix = to_lower(relation) + "#";
  for (auto it = by_object_.lower_bound(prefix); it != by_object_.end() && it->first.compare(0, prefix.size(), prefix) == 0; ++it) {
    out.push_back(&it->second);
  }
  return out;
}

}  // namespace mc
