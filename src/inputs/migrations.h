// The migrations of a tree, in the order they are applied.
#pragma once

#include <string>
#include <vector>

#include "base/source.h"
#include "inputs/code_sql.h"
#include "inputs/migration_files.h"
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
  std::optional<Version> version;  // from the file's name or version folder
  bool baseline = false;           // a full schema standing in for the migrations up to `version`
  std::string covered_by;          // the baseline holding this migration's changes, if any
  // What undoes it, kept for a rollback check and never applied: its down sections, or its down
  // file's text (`x.down.sql`, Flyway's `U<version>__…`), whose path is `down_path`.
  std::vector<SqlText> down;
  std::string down_path;
};

struct MigrationInputs {
  std::string location;  // the configured directories and files, comma-separated ("" when none)
  MigrationFormat format = MigrationFormat::auto_detect;
  std::string search_path;  // what each migration file's session starts with ("" for the server's default)
  std::vector<MigrationSource> sources;  // in apply order
  std::vector<MigrationFile> not_replayable;  // migrations written as code: their effects are not seen
  std::vector<SkippedFile> skipped;           // files under the migrations that are not applied, and why

  // The version of the baseline applied first, if any: the migrations up to it need not be in
  // the tree.
  std::optional<Version> baseline_version() const;
};

// Reads the tree's migrations (`dialect` picks per-dialect variants). Throws InputError when a
// configured location does not exist, a file breaks its format, or a statement in a source file
// cannot be determined statically.
MigrationInputs load_migrations(SourceManager& sources, CodeModules& modules, const Tree& tree,
                                std::optional<Dialect> dialect);

// True for files that undo a migration and are never applied forward: `*.down.sql`,
// `*.undo.sql`, Flyway's `U<version>__*.sql`.
bool is_down_migration(std::string_view file_name);

// The parts of a migration file that run forward, in order: goose's `-- +goose Up` section (with
// `StatementBegin`/`StatementEnd` blocks as single statements), dbmate's `-- migrate:up`
// section, Drizzle's chunks between `--> statement-breakpoint`; otherwise the whole file.
// `auto_detect` looks for the markers; a stated goose or dbmate format requires its up marker
// (InputError without it), and the other formats take the file whole.
std::vector<SqlText> forward_sections(const SourceFile& file, MigrationFormat format = MigrationFormat::auto_detect);

// The parts that undo it: goose's `-- +goose Down` and dbmate's `-- migrate:down` sections (none
// for other files, whose undo is a file of its own). Kept, never applied forward.
std::vector<SqlText> down_sections(const SourceFile& file, MigrationFormat format = MigrationFormat::auto_detect);

}  // namespace mc
