// MC180 identifier-too-long (doc.md beside this file).
#include "analyses/rules/helpers.h"

namespace mc::rules {

namespace {

void check(const RuleContext& c, std::vector<Finding>& out) {
  for (const auto& [name, location] : c.facts.overlong_identifiers) {
    out.push_back({.message = fmt::format("the name {} is {} bytes long: PostgreSQL silently truncates it to 63 ({}), so later "
                                          "statements that use the full name miss it",
                                          name, name.size(), name.substr(0, 63)),
                   .at = location,
                   .help = "use a name of at most 63 bytes"});
  }
}

}  // namespace

extern const Rule identifier_too_long;
const Rule identifier_too_long{{"MC180", "identifier-too-long", Category::hygiene, Severity::warning, postgres_only,
    "names longer than 63 bytes are silently truncated by PostgreSQL"},
    check, nullptr};

}  // namespace mc::rules
