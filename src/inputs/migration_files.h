// Which files of a tree are its migrations, and in which order they apply: the layouts real
// projects have (version folders, several roots, per-dialect variants, baselines, Drizzle's
// journal), decided from names alone. Reading and splitting the files is migrations.h's job.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "inputs/config.h"
#include "inputs/tree.h"

namespace mc {

// A version read from a name: `V1_2__x.sql` → {1, 2}, `0.26` → {0, 26}, `20240101_x` → {20240101}.
using Version = std::vector<uint64_t>;

// The version a file or folder name starts with (after an optional V/B/U/R/v prefix); nullopt
// when it starts with none.
std::optional<Version> leading_version(std::string_view name);
// Component-wise numeric order, a prefix before its extensions: 0.2 < 0.10 < 0.10.1.
bool version_less(const Version& a, const Version& b);
std::string version_text(const Version& v);

struct MigrationFile {
  std::string path;  // relative to the tree root, '/'-separated
  std::optional<Version> version;  // of the first versioned name under the root
  bool baseline = false;           // a full schema up to `version`, applied instead of the older files
  bool root_file = false;          // a root that is a file (`migrations.ts`, `schema.sql`), not a directory
  // The baseline that already holds this migration's changes ("" when none): a fresh install
  // skips it, but a new one still runs on a deployed database that predates the baseline.
  std::string covered_by;
  std::string down_path;  // the file that undoes it (`x.down.sql`, Flyway's `U<version>__…`), if any
};

// A file that looks like a migration and was not taken, and why: shown by `migcompat migrations`.
struct SkippedFile {
  std::string path;
  std::string reason;  // "ignored by migrations_ignore", "for sqlite only", "covered by baseline …"
};

struct MigrationFileList {
  std::vector<MigrationFile> files;  // in apply order; the chosen baseline first, then the migrations, covered ones too
  std::vector<MigrationFile> not_replayable;  // migrations written as code (goose's Go migrations, …)
  std::vector<SkippedFile> skipped;
};

struct MigrationFileOptions {
  std::optional<Dialect> dialect;  // picks `x.sql.postgres` over `x.sql`, enters `postgres/` only for it
  MigrationFormat format = MigrationFormat::auto_detect;
  std::vector<std::string> ignore;  // globs, relative to the tree root
  std::optional<std::string> baselines;  // directory, relative to the tree root
};

// The migration files of `roots` (directories or files, relative to the tree), roots in the given
// order. Throws InputError for a root that does not exist, a Drizzle journal that is malformed or
// names a missing file, and per-dialect variants when the dialect is unknown.
MigrationFileList list_migration_files(const Tree& tree, const std::vector<std::string>& roots,
                                       const MigrationFileOptions& options);

}  // namespace mc
