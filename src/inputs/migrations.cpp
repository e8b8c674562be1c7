#include "inputs/migrations.h"

#include <algorithm>
#include <cctype>
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
  bool flyway_undo = name.size() > 1 && name[0] == 'U' && std::isdigit(static_cast<unsigned char>(name[1])) &&
                     name.find("__") != std::string_view::npos;
  return ends(".down.sql") || ends(".undo.sql") || flyway_undo;
}

namespace {

SqlText section(const SourceFile& file, size_t begin, size_t end, bool single) {
  SqlText t{&file, file.text().substr(begin, end - begin), SourceMap::identity(begin), single};
  return t;
}

// Lines as [begin, end) offsets, end excluding the newline.
std::vector<std::pair<size_t, size_t>> lines_of(std::string_view text) {
  std::vector<std::pair<size_t, size_t>> out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t nl = text.find('\n', start);
    size_t end = nl == std::string_view::npos ? text.size() : nl;
    out.emplace_back(start, end);
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
  return out;
}

bool marker(std::string_view line, std::string_view what) { return istarts_with(trim(line), what); }

}  // namespace

std::vector<SqlText> forward_sections(const SourceFile& file) {
  std::string_view text = file.text();
  std::vector<SqlText> out;
  bool goose = text.find("-- +goose") != std::string_view::npos;
  bool dbmate = !goose && text.find("-- migrate:") != std::string_view::npos;
  if (goose || dbmate) {
    bool up = false;
    size_t run_begin = 0;
    bool in_block = false;
    size_t block_begin = 0;
    auto close_run = [&](size_t end) {
      if (up && !in_block && end > run_begin) out.push_back(section(file, run_begin, end, false));
    };
    for (auto [b, e] : lines_of(text)) {
      std::string_view line = text.substr(b, e - b);
      bool is_up = goose ? marker(line, "-- +goose Up") : marker(line, "-- migrate:up");
      bool is_down = goose ? marker(line, "-- +goose Down") : marker(line, "-- migrate:down");
      if (is_up || is_down) {
        close_run(b);
        up = is_up;
        run_begin = std::min(e + 1, text.size());
      } else if (goose && up && marker(line, "-- +goose StatementBegin")) {
        close_run(b);
        in_block = true;
        block_begin = std::min(e + 1, text.size());
      } else if (goose && up && marker(line, "-- +goose StatementEnd")) {
        if (in_block) out.push_back(section(file, block_begin, b, true));
        in_block = false;
        run_begin = std::min(e + 1, text.size());
      }
    }
    close_run(text.size());
    return out;
  }
  const std::string_view breakpoint = "--> statement-breakpoint";
  if (text.find(breakpoint) != std::string_view::npos) {
    size_t start = 0;
    while (start <= text.size()) {
      size_t at = text.find(breakpoint, start);
      size_t end = at == std::string_view::npos ? text.size() : at;
      out.push_back(section(file, start, end, true));
      if (at == std::string_view::npos) break;
      start = at + breakpoint.size();
    }
    return out;
  }
  out.push_back(section(file, 0, text.size(), false));
  return out;
}

namespace {

std::vector<MigrationSource> load_directory(SourceManager& sources, const Tree& tree, const std::string& dir) {
  // Files directly in the directory, and Prisma's `<timestamp>_<name>/migration.sql` folders.
  std::vector<std::string> names;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(tree.root / dir, ec)) {
    std::string name = entry.path().filename().string();
    if (entry.is_directory(ec)) {
      if (fs::is_regular_file(entry.path() / "migration.sql", ec)) names.push_back(name + "/migration.sql");
      continue;
    }
    if (!entry.is_regular_file(ec) || name.size() < 5 || name.substr(name.size() - 4) != ".sql") continue;
    if (is_down_migration(name)) continue;
    names.push_back(name);
  }
  if (ec) throw InputError{fmt::format("{}: cannot list the migrations directory: {}", dir, ec.message()), {}, {}};
  // Natural order; Flyway's repeatable `R__` migrations run after all versioned ones.
  auto repeatable = [](const std::string& n) { return n.rfind("R__", 0) == 0; };
  std::sort(names.begin(), names.end(), [&](const std::string& a, const std::string& b) {
    if (repeatable(a) != repeatable(b)) return repeatable(b);
    return natural_less(a, b);
  });

  std::vector<std::string> paths;
  paths.reserve(names.size());
  for (const std::string& name : names) paths.push_back((fs::path(dir) / name).lexically_normal().generic_string());
  std::vector<const SourceFile*> files = read_tree_files(sources, tree, paths);
  std::vector<MigrationSource> out;
  out.reserve(paths.size());
  for (size_t i = 0; i < paths.size(); ++i) out.push_back(MigrationSource{paths[i], files[i], forward_sections(*files[i]), false});
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
  return MigrationSource{path, &file, forward_sections(file), true};
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
