#include <algorithm>
#include <map>

#include "analyses/rules/rule.h"
#include "base/text.h"

namespace mc::rules {

#define MC_RULE(id) extern const Rule id;
#include "analyses/rules/list.def"
#undef MC_RULE

const std::map<std::string_view, std::string_view>& embedded_rule_docs();  // generated at build time

const char* category_name(Category category) {
  switch (category) {
    case Category::breaks_readers: return "breaks old readers";
    case Category::breaks_writers: return "breaks old writers";
    case Category::data_loss: return "data loss";
    case Category::rollback_hazard: return "rollback hazard";
    case Category::lock_hazard: return "lock and rewrite hazard";
    case Category::sqlite: return "SQLite specifics";
    case Category::hygiene: return "migration hygiene";
  }
  return "";
}

const std::vector<const Rule*>& all_rules() {
  static const std::vector<const Rule*> rules = [] {
    std::vector<const Rule*> list = {
#define MC_RULE(id) &id,
#include "analyses/rules/list.def"
#undef MC_RULE
    };
    std::sort(list.begin(), list.end(), [](const Rule* a, const Rule* b) { return a->info.code < b->info.code; });
    return list;
  }();
  return rules;
}

const Rule* find_rule(std::string_view code_or_name) {
  for (const Rule* rule : all_rules()) {
    if (iequals(rule->info.code, code_or_name) || iequals(rule->info.name, code_or_name)) return rule;
  }
  return nullptr;
}

std::string_view rule_doc(std::string_view name) {
  auto it = embedded_rule_docs().find(name);
  return it == embedded_rule_docs().end() ? std::string_view() : it->second;
}

}  // namespace mc::rules
