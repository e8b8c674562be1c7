// MC143 create-domain-with-constraint (doc.md beside this file).
#include "analyses/rules/helpers.h"

namespace mc::rules {

namespace {

void check(const RuleContext& c, std::vector<Finding>& out) {
  if (c.facts.command != Command::create_domain || c.facts.constraints.empty()) return;
  out.push_back({.message = "creates a domain with a CHECK constraint: changing it later (ALTER DOMAIN … ADD CONSTRAINT) "
                            "checks every column of the domain under lock",
                 .help = "prefer CHECK constraints on the columns, which can be changed with NOT VALID and VALIDATE"});
}

}  // namespace

extern const Rule create_domain_with_constraint;
const Rule create_domain_with_constraint{{"MC143", "create-domain-with-constraint", Category::lock_hazard, Severity::note, postgres_only,
    "a domain with a CHECK constraint is hard to change later without locks"},
    check, nullptr};

}  // namespace mc::rules
