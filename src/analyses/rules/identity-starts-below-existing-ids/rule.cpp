// MC120 identity-starts-below-existing-ids (doc.md beside this file).
#include "analyses/rules/helpers.h"

namespace mc::rules {

namespace {

// START WITH in the statement, or a later RESTART or setval() in the same migration.
bool numbering_moved(const RuleContext& c) {
  auto moves = [](const std::string& text) {
    return text.find("start") != std::string::npos || text.find("setval") != std::string::npos;
  };
  return moves(lowered(c)) || c.sequence_moved_later();
}

void check(const RuleContext& c, std::vector<Finding>& out) {
  for (const sql::SchemaChange& change : c.intent) {
    if (change.kind != sql::SchemaChange::Kind::set_identity || change.detail != "add") continue;
    if (!existing_table(c, change.relation) || !c.deployed().find_relation(change.relation) || numbering_moved(c)) continue;
    std::string object = change.relation + "." + change.name;
    out.push_back({.message = fmt::format("makes {} an identity column numbered from 1, below the ids its rows already have: "
                                          "INSERTs that leave it to the default fail (23505) until the numbers pass them",
                                          object),
                   .object = object,
                   .help = fmt::format("give the identity a start above the highest id (`ADD GENERATED … AS IDENTITY (START "
                                       "WITH n)`), or move it there in the same migration: `SELECT setval(pg_get_serial_"
                                       "sequence('{}', '{}'), (SELECT max({}) FROM {}))`",
                                       change.relation, change.name, change.name, change.relation)});
  }
}

}  // namespace

extern const Rule identity_starts_below_existing_ids;
const Rule identity_starts_below_existing_ids{{"MC120", "identity-starts-below-existing-ids", Category::breaks_writers,
    Severity::warning, postgres_only, "adds an identity to a column of a table with rows, numbered from 1 again",
    "preview"},
    check, nullptr};

}  // namespace mc::rules
