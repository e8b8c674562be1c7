#include "inputs/config.h"

#include <fmt/format.h>

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

std::string where(const std::filesystem::path& file, const toml::source_region& region) {
  return fmt::format("{}:{}:{}", file.lexically_normal().string(), region.begin.line, region.begin.column);
}

[[noreturn]] void fail(const std::filesystem::path& file, const toml::node& node, const std::string& message) {
  throw InputError{message, {}, where(file, node.source())};
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
      auto value = node.value<std::string>();
      if (!value) fail(file, node, "`migrations` must be a string: a directory or a file, relative to the tree");
      settings.migrations = *value;
    } else if (key == "queries" || key == "logs") {
      std::string example = key == "queries" ? "[\"db/queries/*.sql\"]" : "[\"logs/postgresql-*.csv\"]";
      std::vector<std::string> globs;
      if (auto single = node.value<std::string>()) {
        globs.push_back(*single);
      } else if (const toml::array* array = node.as_array()) {
        for (const toml::node& item : *array) {
          auto value = item.value<std::string>();
          if (!value) fail(file, item, fmt::format("`{}` must be a list of glob strings", key.str()));
          globs.push_back(*value);
        }
      } else {
        fail(file, node, fmt::format("`{}` must be a list of glob strings, e.g. {}", key.str(), example));
      }
      (key == "queries" ? settings.queries : settings.logs) = std::move(globs);
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
      fail(file, node, fmt::format("unknown key `{}` (expected dialect, migrations, queries, logs, rules)", key.str()));
    }
  }
  return settings;
}

TreeSettings merge(TreeSettings base, const TreeSettings& overrides) {
  if (overrides.dialect) base.dialect = overrides.dialect;
  if (overrides.migrations) base.migrations = overrides.migrations;
  if (overrides.queries) base.queries = overrides.queries;
  if (overrides.logs) base.logs = overrides.logs;
  base.rules.insert(base.rules.end(), overrides.rules.begin(), overrides.rules.end());
  return base;
}

}  // namespace mc
