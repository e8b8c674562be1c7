// MC123 drop-database (doc.md beside this file).
#include "analyses/rules/helpers.h"

namespace mc::rules {

namespace {

void check(const RuleContext& c, std::vector<Finding>& out) {
  if (c.facts.command != Command::drop_database) return;
  out.push_back({.message = "drops a whole database from a migration", .help = "remove the statement: databases are "
                                                                               "created and dropped by people, not by migrations"});
}

}  // namespace

extern const Rule drop_database;
const Rule drop_database{{"MC123", "drop-database", Category::data_loss, Severity::error, postgres_only,
    "DROP DATABASE in a migration"},
    check, nullptr};

}  // namespace mc::rules
