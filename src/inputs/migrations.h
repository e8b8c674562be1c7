// The migrations of a tree, in the order they are applied.
#pragma once

#include <string>
#include <vector>

#include "base/source.h"
#include "inputs/code_sql.h"
#include "inputs/tree.h"

namespace mc {

// One file of migrations. A directory of `.sql` files gives one source per file, identified by
// its path; a migration source file (`migrations.ts`, a single `schema.sql`) gives one source
// whose statements are identified by their text, because the file is edited and re-run in place.
struct MigrationSource {
  std::string path;  // relative to the tree root
  const SourceFile* file = nullptr;
  std::vector<SqlText> texts;
  bool per_statement = false;
};

struct MigrationInputs {
  std::string location;  // the configured directory or file ("" when none)
  std::vector<MigrationSource> sources;  // in apply order
};

// Reads the tree's migrations. Throws InputError when the configured location does not exist or
// when a statement in a source file cannot be determined statically.
MigrationInputs load_migrations(SourceManager& sources, CodeModules& modules, const Tree& tree);

// True for files that undo a migration and are never applied forward: `*.down.sql`,
// `*.undo.sql`, Flyway's `U<version>__*.sql`.
bool is_down_migration(std::string_view file_name);

// The parts of a migration file that run forward, in order: goose's `-- +goose Up` section (with
// `StatementBegin`/`StatementEnd` blocks as single statements), dbmate's `-- migrate:up`
// section, Drizzle's chunks between `--> statement-breakpoint`; otherwise the whole file.
std::vector<SqlText> forward_sections(const SourceFile& file);

}  // namespace mc
