// migcompat.toml: what a tree says about itself, and the command-line flags that override it.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace mc {

enum class Dialect { sqlite, postgres };

const char* dialect_name(Dialect dialect);
std::optional<Dialect> parse_dialect(std::string_view name);

// How the migration files are written. `auto_detect` tells it from names and contents; the others
// say so (`migrations_format`), so a marker that happens to appear in a file cannot mislead it.
// `declarative` is a schema file edited in place: the deployed schema is the old tree's file,
// the new schema the new tree's, and the change is their difference.
enum class MigrationFormat { auto_detect, plain, goose, dbmate, drizzle, flyway, golang_migrate, sqlx, prisma, declarative };

const char* format_name(MigrationFormat format);
std::optional<MigrationFormat> parse_format(std::string_view name);

// `[rules]` in migcompat.toml: `MC101 = "off"`, `drop-column = "error"`. The rule is checked
// against the catalog later; `where` is its file:line:col for that error.
struct RuleSetting {
  std::string rule;
  std::string level;  // "off", "note", "warning" or "error"
  std::string where;
};

// Every field is optional: a tree may say nothing, and flags may fill in what it leaves out.
struct TreeSettings {
  std::optional<Dialect> dialect;
  // Directories or single files, relative to the tree root, applied in this order.
  std::optional<std::vector<std::string>> migrations;
  std::optional<MigrationFormat> migrations_format;
  std::optional<std::vector<std::string>> migrations_ignore;  // globs of files under `migrations` that are not migrations
  std::optional<std::string> baselines;  // a directory of full-schema files named by version (`0.26.sql`, `B5__x.sql`)
  std::optional<std::vector<std::string>> queries;  // globs, relative to the tree root
  std::optional<std::vector<std::string>> logs;     // query logs (the deployed code's workload): globs, as queries
  // PostgreSQL: the search_path the app's connections and each migration file start with, in
  // the setting's syntax ("app, public"); unset is the server's default ("$user", public).
  std::optional<std::string> search_path;
  std::vector<RuleSetting> rules;
};

// Reads ROOT/migcompat.toml when present. Throws InputError (with file:line:col) on malformed
// TOML, unknown keys or values of the wrong type.
TreeSettings load_tree_settings(const std::filesystem::path& root);
// The same for the text of a migcompat.toml; `file` names it in errors.
TreeSettings parse_tree_settings(std::string_view text, const std::filesystem::path& file);

// `overrides` wins field by field.
TreeSettings merge(TreeSettings base, const TreeSettings& overrides);

}  // namespace mc
