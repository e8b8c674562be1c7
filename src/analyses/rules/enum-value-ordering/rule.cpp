// MC181 enum-value-ordering (doc.md beside this file).
#include "analyses/rules/helpers.h"

namespace mc::rules {

namespace {

void check(const RuleContext& c, std::vector<Finding>& out) {
  if (c.facts.command != Command::alter_enum || !c.facts.enum_add_value || c.facts.enum_value_positioned) return;
  out.push_back({.message = "adds an enum label without BEFORE or AFTER: it sorts after every existing label, which ORDER BY "
                            "and comparisons on the enum follow",
                 .help = "say where it belongs: ALTER TYPE … ADD VALUE 'x' BEFORE 'y'"});
}

}  // namespace

extern const Rule enum_value_ordering;
const Rule enum_value_ordering{{"MC181", "enum-value-ordering", Category::hygiene, Severity::note, postgres_only,
    "ALTER TYPE ADD VALUE without BEFORE/AFTER sorts the label last"},
    check, nullptr};

}  // namespace mc::rules
