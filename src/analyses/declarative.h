// A declarative schema (`migrations_format = "declarative"`): the schema file is edited in place
// and a tool (Atlas, pg-schema-diff, sqldef, …) works out the migration at deploy time. The new
// schema is the new file built fresh; what changed is the difference between the two schemas.
#pragma once

#include <vector>

#include "analyses/statement_diff.h"
#include "catalog/catalog.h"
#include "sql/statement.h"

namespace mc {

// The changes from `deployed` to `next`, each given to the first edited statement (`edited`, the
// new file's statements the old file lacks) that names its relation; one StatementDiff per edited
// statement, its before/after holding the relations it was given. A change no edited statement
// names (a table whose CREATE was deleted) is given to none: the old queries still find it.
std::vector<StatementDiff> attribute_changes(const catalog::Catalog& deployed, const catalog::Catalog& next,
                                             const std::vector<Statement>& edited);

}  // namespace mc
