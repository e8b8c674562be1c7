#include "analyses/declarative.h"

#include <map>

#include "analyses/query_set.h"

namespace mc {

std::vector<StatementDiff> attribute_changes(const catalog::Catalog& deployed, const catalog::Catalog& next,
                                             const std::vector<Statement>& edited) {
  std::vector<std::vector<catalog::Change>> given(edited.size());
  std::vector<std::vector<std::string>> relations(edited.size());
  std::map<std::string, size_t> owner_of;  // relation -> the edited statement that names it
  for (catalog::Change& change : catalog::diff(deployed, next)) {
    auto owner = owner_of.find(change.relation);
    if (owner == owner_of.end()) {
      size_t k = 0;
      for (; k < edited.size(); ++k) {
        bool names = find_identifier(edited[k].text(), change.relation).has_value() ||
                     (!change.new_name.empty() && find_identifier(edited[k].text(), change.new_name).has_value());
        if (names) break;
      }
      owner = owner_of.emplace(change.relation, k).first;
      if (k < edited.size()) {
        relations[k].push_back(change.relation);
        if (!change.new_name.empty()) relations[k].push_back(change.new_name);
      }
    }
    if (owner->second < edited.size()) given[owner->second].push_back(std::move(change));
  }
  std::vector<StatementDiff> out;
  out.reserve(edited.size());  // StatementDiff's move is not noexcept
  for (size_t k = 0; k < edited.size(); ++k) {
    out.push_back(StatementDiff{std::move(given[k]), deployed.subset(relations[k]), next.subset(relations[k])});
  }
  return out;
}

}  // namespace mc
