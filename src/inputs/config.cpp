#include "inputs/config.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <toml++/toml.h>

#include <fstream>
#include <sstream>

#include "base/diagnostic.h"

namespace mc {

const char* dialect_name(Dialect dialect) {
  return dialect == Dialect::sqlite ? "sqlite" : "postgres";
}

std::optional<Dialect> parse_dialect(std::string_view name) {
  if (name == "sqlite" || name == "sqlite3" || name == "libsql") return Dialect::sqlite;
  if (name == "postgres" || name == "postgresql") return Dialect::postgres;
  return std::nullopt;
}

namespace {

constexpr std::pair<MigrationFormat, const char*> format_names[] = {
    {MigrationFormat::auto_detect, "auto"},   {MigrationFormat::plain, "sql"},
    {MigrationFormat::goose, "goose"},        {MigrationFormat::dbmate, "dbmate"},
    {MigrationFormat::drizzle, "drizzle"},    {MigrationFormat::flyway, "flyway"},
    {MigrationFormat::golang_migrate, "golang-migrate"}, {MigrationFormat::sqlx, "sqlx"},
    {MigrationFormat::prisma, "prisma"},      {MigrationFormat::declarative, "declarative"},
};

}  // namespace

const char* format_name(MigrationFormat format) {
  for (const auto& [f, name] : format_names) {
    if (f == format) return name;
  }
  return "auto";
}

std::optional<MigrationFormat> parse_format(std::string_view name) {
  for (const auto& [f, known] : format_names) {
    if (name == known) return f;
  }
  return std::nullopt;
}

namespace {

std::string where(const std::filesystem::path& file, const toml::source_region& region) {
  return fmt::format("{}:{}:{}", file.lexically_normal().string(), region.begin.line, region.begin.column);
}

[[noreturn]] void fail(const std::filesystem::path& file, const toml::node& node, const std::string& message) {
  throw InputError{message, {}, where(file, node.source())};
}

// A string or an array of strings; `what` and `example` tell the user which strings.
std::vector<std::string> string_list(const std::filesystem::path& file, const toml::node& node, std::string_view key,
                                     std::string_view what, std::string_view example) {
  std::vector<std::string> out;
  if (auto single = node.value<std::string>()) {
    out.push_back(*single);
  } else if (const toml::array* array = node.as_array()) {
    for (const toml::node& item : *array) {
      auto value = item.value<std::string>();
      if (!value) fail(file, item, fmt::format("`{}` must be a list of {}, e.g. {}", key, what, example));
      out.push_back(*value);
    }
  } else {
    fail(file, node, fmt::format("`{}` must be a list of {}, e.g. {}", key, what, example));
  }
  return out;
}

}  // namespace

TreeSettings load_tree_settings(const std::filesystem::path& root) {
  std::filesystem::path file = root / "migcompat.toml";
  std::error_code ec;
  if (!std::filesystem::exists(file, ec)) return {};
  std::string shown = file.lexically_normal().string();
  if (!std::filesystem::is_regular_file(file, ec)) throw InputError{"migcompat.toml is not a regular file", {}, shown};
  std::ifstream in(file, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  if (!in) throw InputError{"cannot read migcompat.toml", {}, shown};
  return parse_tree_settings(text.str(), file);
}

TreeSettings parse_tree_settings(std::string_view text, const std::filesystem::path& file) {
  TreeSettings settings;
  toml::table table;
  try {
    table = toml::parse(text, file.string());
  } catch (const toml::parse_error& err) {
    throw InputError{fmt::format("malformed migcompat.toml: {}", err.description()), {},
                     where(file, err.source())};
  }

  for (auto&& [key, node] : table) {
    if (key == "dialect") {
      auto value = node.value<std::string>();
      if (!value) fail(file, node, "`dialect` must be a string: \"sqlite\" or \"postgres\"");
      settings.dialect = parse_dialect(*value);
      if (!settings.dialect) fail(file, node, fmt::format("unknown dialect \"{}\": expected \"sqlite\" or \"postgres\"", *value));
    } else if (key == "migrations") {
      settings.migrations = string_list(file, node, "migrations", "directories or files", "\"db/migrations\" or [\"db/core\", \"db/app\"]");
      if (settings.migrations->empty()) fail(file, node, "`migrations` lists no directory or file");
    } else if (key == "migrations_format") {
      auto value = node.value<std::string>();
      std::optional<MigrationFormat> format = value ? parse_format(*value) : std::nullopt;
      if (!format) {
        std::vector<std::string> names;
        for (const auto& [f, name] : format_names) names.push_back(fmt::format("\"{}\"", name));
        fail(file, node, fmt::format("`migrations_format` must be one of {}", fmt::join(names, ", ")));
      }
      settings.migrations_format = format;
    } else if (key == "migrations_ignore") {
      settings.migrations_ignore = string_list(file, node, "migrations_ignore", "glob strings", "[\"db/migrations/*.generated.sql\"]");
    } else if (key == "baselines") {
      auto value = node.value<std::string>();
      if (!value) fail(file, node, "`baselines` must be a string: the directory of full-schema files, relative to the tree");
      settings.baselines = *value;
    } else if (key == "queries") {
      settings.queries = string_list(file, node, "queries", "glob strings", "[\"db/queries/*.sql\"]");
    } else if (key == "logs") {
      settings.logs = string_list(file, node, "logs", "glob strings", "[\"logs/postgresql-*.csv\"]");
    } else if (key == "search_path") {
      std::vector<std::string> schemas = string_list(file, node, "search_path", "schema names", "\"app, public\" or [\"app\", \"public\"]");
      if (schemas.empty()) fail(file, node, "`search_path` lists no schema");
      settings.search_path = fmt::format("{}", fmt::join(schemas, ", "));
    } else if (key == "rules") {
      const toml::table* rules = node.as_table();
      if (!rules) fail(file, node, "`rules` must be a table: [rules] with lines like MC101 = \"off\" or drop-column = \"error\"");
      for (auto&& [rule, level] : *rules) {
        auto value = level.value<std::string>();
        if (!value || (*value != "off" && *value != "note" && *value != "warning" && *value != "error")) {
          fail(file, level, fmt::format("rule `{}`: expected \"off\", \"note\", \"warning\" or \"error\"", rule.str()));
        }
        settings.rules.push_back({std::string(rule.str()), *value, where(file, level.source())});
      }
    } else if (key == "engine") {
      // Reserved for later settings; accepted so configs can be written ahead.
    } else {
      fail(file, node, fmt::format("unknown key `{}` (expected dialect, migrations, migrations_format, migrations_ignore, baselines, queries, logs, search_path, rules)", key.str()));
    }
  }
  return settings;
}

TreeSettings merge(TreeSettings base, const TreeSettings& overrides) {
  if (overrides.dialect) base.dialect = overrides.dialect;
  if (overrides.migrations) base.migrations = overrides.migrations;
  if (overrides.migrations_format) base.migrations_format = overrides.migrations_format;
  if (overrides.migrations_ignore) base.migrations_ignore = overrides.migrations_ignore;
  if (overrides.baselines) base.baselines = overrides.baselines;
  if (overrides.queries) base.queries = overrides.queries;
  if (overrides.logs) base.logs = overrides.logs;
  if (overrides.search_path) base.search_path = overrides.search_path;
  base.rules.insert(base.rules.end(), overrides.rules.begin(), overrides.rules.end());
  return base;
}

}  // namespace mc
