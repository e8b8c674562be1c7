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

namespace {

bool sectioned(std::string_view text, MigrationFormat format, bool& goose) {
  bool detect = format == MigrationFormat::auto_detect;
  goose = format == MigrationFormat::goose || (detect && text.find("-- +goose") != std::string_view::npos);
  bool dbmate = format == MigrationFormat::dbmate || (detect && !goose && text.find("-- migrate:") != std::string_view::npos);
  return goose || dbmate;
}

// goose's and dbmate's sections of one direction: what follows `-- +goose Up` (or Down) up to the
// next marker, with `StatementBegin`/`StatementEnd` blocks as single statements.
std::vector<SqlText> direction_sections(const SourceFile& file, bool goose, bool want_up, bool& seen_up) {
  std::string_view text = file.text();
  std::vector<SqlText> out;
  bool wanted = false;
  size_t run_begin = 0;
  bool in_block = false;
  size_t block_begin = 0;
  auto close_run = [&](size_t end) {
    if (wanted && !in_block && end > run_begin) out.push_back(section(file, run_begin, end, false));
  };
  for (auto [b, e] : lines_of(text)) {
    std::string_view line = text.substr(b, e - b);
    bool is_up = goose ? marker(line, "-- +goose Up") : marker(line, "-- migrate:up");
    bool is_down = goose ? marker(line, "-- +goose Down") : marker(line, "-- migrate:down");
    if (is_up || is_down) {
      seen_up = seen_up || is_up;
      close_run(b);
      wanted = want_up ? is_up : is_down;
      run_begin = std::min(e + 1, text.size());
    } else if (goose && wanted && marker(line, "-- +goose StatementBegin")) {
      close_run(b);
      in_block = true;
      block_begin = std::min(e + 1, text.size());
    } else if (goose && wanted && marker(line, "-- +goose StatementEnd")) {
      if (in_block) out.push_back(section(file, block_begin, b, true));
      in_block = false;
      run_begin = std::min(e + 1, text.size());
    }
  }
  close_run(text.size());
  return out;
}

}  // namespace

std::vector<SqlText> down_sections(const SourceFile& file, MigrationFormat format) {
  bool goose = false, seen_up = false;
  if (!sectioned(file.text(), format, goose)) return {};
  return direction_sections(file, goose, false, seen_up);
}

std::vector<SqlText> forward_sections(const SourceFile& file, MigrationFormat format) {
  std::string_view text = file.text();
  std::vector<SqlText> out;
  bool detect = format == MigrationFormat::auto_detect;
  bool goose = false;
  if (sectioned(text, format, goose)) {
    bool seen_up = false;
    out = direction_sections(file, goose, true, seen_up);
    if (!seen_up && !detect) {
      throw InputError{fmt::format("expected a `{}` line: the {} format runs only what follows it",
                                   goose ? "-- +goose Up" : "-- migrate:up", format_name(format)),
                       Span{&file, 0, 0}, {}};
    }
    return out;
  }
  const std::string_view breakpoint = "--> statement-breakpoint";
  bool drizzle = format == MigrationFormat::drizzle || (detect && text.find(breakpoint) != std::string_view::npos);
  if (drizzle) {
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

std::optional<Version> MigrationInputs::baseline_version() const {
  if (sources.empty() || !sources.front().baseline) return std::nullopt;
  return sources.front().version;
}

namespace {

MigrationSource load_source_file(CodeModules& modules, const Tree& tree, const std::string& path, SourceManager& sources,
                                 MigrationFormat format) {
  if (language_of(path) != Language::none) {
    CodeSqlResult found = modules.extract(path, SqlRole::migrations);
    if (!found.unresolved.empty()) {
      const UnresolvedSql& u = found.unresolved.front();
      throw InputError{fmt::format("cannot tell which SQL this migration runs: {}", u.reason), u.where, {}};
    }
    const SourceFile* file = found.sql.empty() ? &read_tree_file(sources, tree, path) : found.sql.front().file;
    return MigrationSource{path, file, std::move(found.sql), true, std::nullopt, false, {}, {}, {}};
  }
  const SourceFile& file = read_tree_file(sources, tree, path);
  return MigrationSource{path, &file, forward_sections(file, format), true, std::nullopt, false, {}, {}, {}};
}

std::vector<std::string> configured_locations(const Tree& tree) {
  if (tree.settings.migrations) return *tree.settings.migrations;
  for (const char* guess : {"migrations", "db/migrations"}) {
    std::error_code ec;
    if (fs::is_directory(tree.root / guess, ec)) return {guess};
  }
  return {};
}

}  // namespace

MigrationInputs load_migrations(SourceManager& sources, CodeModules& modules, const Tree& tree, std::optional<Dialect> dialect) {
  MigrationInputs out;
  out.search_path = tree.settings.search_path.value_or("");
  std::vector<std::string> locations = configured_locations(tree);
  if (locations.empty()) return out;
  for (const std::string& l : locations) {
    out.location += (out.location.empty() ? "" : ", ") + fs::path(l).lexically_normal().generic_string();
  }
  out.format = tree.settings.migrations_format.value_or(MigrationFormat::auto_detect);
  MigrationFileOptions options{dialect, out.format, tree.settings.migrations_ignore.value_or(std::vector<std::string>{}),
                               tree.settings.baselines};
  MigrationFileList list = list_migration_files(tree, locations, options);
  out.not_replayable = std::move(list.not_replayable);
  out.skipped = std::move(list.skipped);

  std::vector<std::string> paths;
  for (const MigrationFile& f : list.files) {
    if (!f.root_file) paths.push_back(f.path);
    if (!f.down_path.empty()) paths.push_back(f.down_path);
  }
  std::vector<const SourceFile*> files = read_tree_files(sources, tree, paths);
  out.sources.reserve(list.files.size());
  size_t next = 0;
  for (const MigrationFile& f : list.files) {
    if (f.root_file) {
      out.sources.push_back(load_source_file(modules, tree, f.path, sources, out.format));
      continue;
    }
    const SourceFile* file = files[next++];
    MigrationSource source{f.path, file, forward_sections(*file, out.format), false, f.version, f.baseline, f.covered_by, {}, {}};
    source.down = down_sections(*file, out.format);
    if (!f.down_path.empty()) {
      const SourceFile* down = files[next++];
      source.down.push_back(section(*down, 0, down->text().size(), false));
      source.down_path = f.down_path;
    }
    out.sources.push_back(std::move(source));
  }
  return out;
}

}  // namespace mc
