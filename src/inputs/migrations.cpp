#include "inputs/migrations.h"

#include <algorithm>
#include <filesystem>

#include <fmt/format.h>

#include "base/diagnostic.h"
#include "base/text.h"

namespace mc {

namespace fs = std::filesystem;

bool is_down_migration(std::string_view name) {
  auto ends = [&](std::string_view suffix) {
    return name.size() >= suffix.size() && name.substr(name.size() - suffix.size()) == suffix;
  };
  return ends(".down.sql") || ends(".undo.sql");
}

namespace {

std::vector<MigrationSource> load_directory(SourceManager& sources, const Tree& tree, const std::string& dir) {
  std::vector<std::string> names;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(tree.root / dir, ec)) {
    std::string name = entry.path().filename().string();
    if (!entry.is_regular_file(ec) || name.size() < 5 || name.substr(name.size() - 4) != ".sql") continue;
    if (is_down_migration(name)) continue;
    names.push_back(name);
  }
  if (ec) throw InputError{fmt::format("{}: cannot list the migrations directory: {}", dir, ec.message()), {}, {}};
  std::sort(names.begin(), names.end(), [](const std::string& a, const std::string& b) { return natural_less(a, b); });

  std::vector<MigrationSource> out;
  for (const std::string& name : names) {
    std::string path = (fs::path(dir) / name).lexically_normal().generic_string();
    const SourceFile& file = read_tree_file(sources, tree, path);
    out.push_back(MigrationSource{path, &file, {SqlText{&file, file.text(), SourceMap::identity(0)}}, false});
  }
  return out;
}

MigrationSource load_source_file(CodeModules& modules, const Tree& tree, const std::string& path, SourceManager& sources) {
  if (language_of(path) != Language::none) {
    CodeSqlResult found = modules.extract(path, SqlRole::migrations);
    if (!found.unresolved.empty()) {
      const UnresolvedSql& u = found.unresolved.front();
      throw InputError{fmt::format("cannot tell which SQL this migration runs: {}", u.reason), u.where, {}};
    }
    const SourceFile* file = found.sql.empty() ? &read_tree_file(sources, tree, path) : found.sql.front().file;
    return MigrationSource{path, file, std::move(found.sql), true};
  }
  const SourceFile& file = read_tree_file(sources, tree, path);
  return MigrationSource{path, &file, {SqlText{&file, file.text(), SourceMap::identity(0)}}, true};
}

}  // namespace

MigrationInputs load_migrations(SourceManager& sources, CodeModules& modules, const Tree& tree) {
  MigrationInputs out;
  std::string location;
  if (tree.settings.migrations) {
    location = *tree.settings.migrations;
  } else {
    for (const char* guess : {"migrations", "db/migrations"}) {
      std::error_code ec;
      if (fs::is_directory(tree.root / guess, ec)) {
        location = guess;
        break;
      }
    }
    if (location.empty()) return out;
  }
  out.location = fs::path(location).lexically_normal().generic_string();
  fs::path absolute = tree.root / location;
  std::error_code ec;
  if (fs::is_directory(absolute, ec)) {
    out.sources = load_directory(sources, tree, out.location);
  } else if (fs::is_regular_file(absolute, ec)) {
    out.sources.push_back(load_source_file(modules, tree, out.location, sources));
  } else {
    throw InputError{fmt::format("migrations \"{}\" not found in the {} tree ({})", location, tree.label, absolute.string()),
                     {}, {}};
  }
  return out;
}

}  // namespace mc
