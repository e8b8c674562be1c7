// MC110 drop-sequence (doc.md beside this file).
#include "analyses/rules/helpers.h"

namespace mc::rules {

namespace {

void check(const RuleContext& c, std::vector<Finding>& out) {
  if (c.facts.command != Command::drop_sequence) return;
  for (const sql::SchemaChange& change : c.intent) {
    for (const std::string& name : change.names) {
      out.push_back({.message = fmt::format("drops sequence {}: old INSERTs whose default is nextval('{}'), and old queries "
                                            "that call nextval/currval on it, fail",
                                            name, name),
                     .object = name,
                     .help = "drop it in a later deploy, once no running code or column default uses it"});
    }
  }
}

}  // namespace

extern const Rule drop_sequence;
const Rule drop_sequence{{"MC110", "drop-sequence", Category::breaks_writers, Severity::warning, postgres_only,
    "drops a sequence that old INSERTs (serial defaults) or queries may still use"},
    check, nullptr};

}  // namespace mc::rules
