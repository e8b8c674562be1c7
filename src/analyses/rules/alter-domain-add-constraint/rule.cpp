// MC142 alter-domain-add-constraint (doc.md beside this file).
#include "analyses/rules/helpers.h"

namespace mc::rules {

namespace {

void check(const RuleContext& c, std::vector<Finding>& out) {
  if (c.facts.command != Command::alter_domain_add_constraint) return;
  out.push_back({.message = "adds a constraint to a domain: PostgreSQL checks every column of that type in every table "
                            "while holding locks, and old writes that violate it fail",
                 .help = "add the constraint NOT VALID and VALIDATE CONSTRAINT separately, or put the CHECK on the columns "
                         "instead"});
}

}  // namespace

extern const Rule alter_domain_add_constraint;
const Rule alter_domain_add_constraint{{"MC142", "alter-domain-add-constraint", Category::lock_hazard, Severity::warning, postgres_only,
    "ALTER DOMAIN ADD CONSTRAINT checks every column of the domain under lock"},
    check, nullptr};

}  // namespace mc::rules
