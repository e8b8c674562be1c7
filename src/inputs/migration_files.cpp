#include "inputs/migration_files.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include <dirent.h>
#include <sys/stat.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <fstream>
#include <map>
#include <sstream>

#include "base/text.h"
#include "inputs/migrations.h"

namespace mc {

namespace fs = std::filesystem;

std::optional<Version> leading_version(std::string_view name) {
  auto digit = [&](size_t i) { return i < name.size() && std::isdigit(static_cast<unsigned char>(name[i])) != 0; };
  size_t i = 0;
  if (!name.empty() && std::string_view("VvBbUuRr").find(name[0]) != std::string_view::npos && digit(1)) i = 1;
  if (!digit(i)) return std::nullopt;
  Version v;
  while (true) {
    uint64_t n = 0;
    for (; digit(i); ++i) n = n > (UINT64_MAX - 9) / 10 ? UINT64_MAX : n * 10 + static_cast<uint64_t>(name[i] - '0');
    v.push_back(n);
    // `.` or a single `_` between digit groups continues the version; Flyway's `__` ends it.
    if (i + 1 < name.size() && (name[i] == '.' || name[i] == '_') && digit(i + 1)) {
      ++i;
      continue;
    }
    return v;
  }
}

bool version_less(const Version& a, const Version& b) { return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end()); }

std::string version_text(const Version& v) {
  std::string out;
  for (uint64_t n : v) out += (out.empty() ? "" : ".") + std::to_string(n);
  return out;
}

namespace {

std::optional<Dialect> dialect_named(std::string_view name) {
  if (name == "pg") return Dialect::postgres;
  return parse_dialect(to_lower(name));
}

bool is_code_file(std::string_view ext) {
  static constexpr std::string_view code[] = {".go", ".js", ".ts", ".mjs", ".cjs", ".py", ".rb", ".java", ".kt", ".rs", ".php"};
  return std::find(std::begin(code), std::end(code), ext) != std::end(code);
}

bool repeatable(std::string_view name) { return name.rfind("R__", 0) == 0; }

// A file found under a root, with the names that order it (dialect folders left out, a dialect
// variant's suffix removed).
struct Candidate {
  MigrationFile file;
  std::vector<std::string> order;
  bool variant = false;
};

bool order_less(const Candidate& a, const Candidate& b) {
  bool ra = repeatable(a.order.back()), rb = repeatable(b.order.back());
  if (ra != rb) return rb;
  return std::lexicographical_compare(a.order.begin(), a.order.end(), b.order.begin(), b.order.end(),
                                      [](const std::string& x, const std::string& y) { return natural_less(x, y); });
}

// Sorts by order_less (ties kept in the order found). A candidate is a few hundred bytes and a
// sort moves each one log n times: the order is found on pointers, then each is moved once.
void sort_candidates(std::vector<Candidate>& found) {
  std::vector<Candidate*> order;
  order.reserve(found.size());
  for (Candidate& c : found) order.push_back(&c);
  std::stable_sort(order.begin(), order.end(), [](const Candidate* a, const Candidate* b) { return order_less(*a, *b); });
  std::vector<Candidate> sorted;
  sorted.reserve(found.size());
  for (Candidate* c : order) sorted.push_back(std::move(*c));
  found = std::move(sorted);
}

// What pairs a migration with the file that undoes it: `x.up.sql`/`x.down.sql` (and `x.sql`/
// `x.undo.sql`) by name, Flyway's `V5__a.sql`/`U5__b.sql` by version.
std::string pair_key(const std::string& path) {
  fs::path p(path);
  std::string dir = p.parent_path().generic_string() + "/";
  std::string name = p.filename().string();
  bool flyway = name.size() > 1 && (name[0] == 'V' || name[0] == 'U') && std::isdigit(static_cast<unsigned char>(name[1])) &&
                name.find("__") != std::string::npos;
  if (flyway) return dir + "V#" + version_text(*leading_version(name));
  for (std::string_view suffix : {".down.sql", ".undo.sql", ".up.sql", ".sql"}) {
    if (name.size() > suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0) {
      return dir + name.substr(0, name.size() - suffix.size());
    }
  }
  return dir + name;
}

// A directory's entry: its name and what it is (symbolic links followed).
struct Entry {
  std::string name;
  bool directory = false;
  bool regular = false;
};

// The entries of `dir` (not `.` and `..`), read with readdir: std::filesystem builds and parses a
// whole path for every entry, most of the listing's time in a directory of thousands of files.
std::vector<Entry> list_directory(const fs::path& dir, std::error_code& ec) {
  std::vector<Entry> out;
  DIR* stream = opendir(dir.c_str());
  if (!stream) {
    ec = std::error_code(errno, std::generic_category());
    return out;
  }
  while (const dirent* d = readdir(stream)) {
    std::string_view name = d->d_name;
    if (name == "." || name == "..") continue;
    Entry entry{std::string(name)};
    if (d->d_type == DT_DIR || d->d_type == DT_REG) {
      entry.directory = d->d_type == DT_DIR;
      entry.regular = d->d_type == DT_REG;
    } else if (struct stat st {}; fstatat(dirfd(stream), d->d_name, &st, 0) == 0) {  // a link, or a file system without types
      entry.directory = S_ISDIR(st.st_mode);
      entry.regular = S_ISREG(st.st_mode);
    }
    out.push_back(std::move(entry));
  }
  closedir(stream);
  return out;
}

class Walker {
 public:
  Walker(const Tree& tree, const MigrationFileOptions& options, MigrationFileList& out)
      : tree_(tree), options_(options), out_(out) {}

  // The down files seen so far, by pair_key.
  std::map<std::string, std::string> take_downs() { return std::move(downs_); }

  // Files under `dir` (relative to the tree root); `order` are the ordering names above it.
  void walk(const std::string& dir, std::vector<std::string> order, std::optional<Version> version,
            std::vector<Candidate>& found) {
    std::error_code ec;
    std::vector<Entry> entries = list_directory(tree_.root / dir, ec);
    if (ec) throw InputError{fmt::format("{}: cannot list the migrations directory: {}", dir, ec.message()), {}, {}};
    // `dir` is normal already: its entries' paths are joined as strings (a directory may hold
    // thousands of files, and each path operation re-parses the whole path).
    std::string prefix = dir == "." || dir.empty() ? "" : dir.back() == '/' ? dir : dir + "/";
    found.reserve(found.size() + entries.size());
    for (Entry& entry : entries) {
      if (entry.name.empty() || entry.name[0] == '.') continue;
      std::string path = prefix + entry.name;
      if (ignored(path)) continue;
      if (entry.directory) {
        enter(path, entry.name, order, version, found);
        continue;
      }
      if (entry.regular) add_file(path, std::move(entry.name), order, version, found);
    }
  }

 private:
  bool ignored(const std::string& path) {
    for (const std::string& glob : options_.ignore) {
      if (glob_match(glob, path)) {
        out_.skipped.push_back({path, "ignored (migrations_ignore)"});
        return true;
      }
    }
    return false;
  }

  std::optional<Dialect> dialect_for(const std::string& path) {
    if (!options_.dialect) {
      throw InputError{fmt::format("{} is meant for one dialect only; set `dialect` in migcompat.toml or pass --dialect", path),
                       {}, {}};
    }
    return options_.dialect;
  }

  // Version folders (`0.26/`, Prisma's `20240101_x/`) and dialect folders (`postgres/`) are
  // entered; a dialect folder is invisible in the order, so its files sort among its siblings'.
  void enter(const std::string& path, const std::string& name, const std::vector<std::string>& order,
             const std::optional<Version>& version, std::vector<Candidate>& found) {
    if (std::optional<Dialect> only = dialect_named(name)) {
      if (*only != *dialect_for(path)) {
        out_.skipped.push_back({path + "/", fmt::format("for {} only", dialect_name(*only))});
        return;
      }
      walk(path, order, version, found);
      return;
    }
    std::optional<Version> own = leading_version(name);
    if (!own) {
      if (name != "meta") out_.skipped.push_back({path + "/", "not a version folder"});
      return;
    }
    std::vector<std::string> deeper = order;
    deeper.push_back(name);
    walk(path, deeper, version ? version : own, found);
  }

  void add_file(const std::string& path, std::string name, const std::vector<std::string>& order, std::optional<Version> version,
                std::vector<Candidate>& found) {
    bool variant = false;
    // `x.sql.postgres` is `x.sql` for PostgreSQL only.
    if (size_t dot = name.rfind('.'); dot != std::string::npos && dot >= 4 && iequals(std::string_view(name).substr(dot - 4, 5), ".sql.")) {
      if (std::optional<Dialect> only = dialect_named(name.substr(dot + 1))) {
        if (*only != *dialect_for(path)) {
          out_.skipped.push_back({path, fmt::format("for {} only", dialect_name(*only))});
          return;
        }
        name.resize(dot);
        variant = true;
      }
    }
    size_t dot = name.rfind('.');
    std::string ext = dot == std::string::npos || dot == 0 ? "" : to_lower(std::string_view(name).substr(dot));
    if (!version) version = leading_version(name);
    if (ext == ".sql") {
      if (is_down_migration(name)) {
        downs_[pair_key(path)] = path;
        return;
      }
      bool baseline = name.size() > 1 && name[0] == 'B' && std::isdigit(static_cast<unsigned char>(name[1])) &&
                      name.find("__") != std::string::npos;
      std::vector<std::string> ordered_by = order;
      ordered_by.push_back(std::move(name));
      found.push_back({MigrationFile{path, version, baseline, false}, std::move(ordered_by), variant});
      return;
    }
    bool go_test = name.size() > 8 && name.substr(name.size() - 8) == "_test.go";
    if (is_code_file(ext) && leading_version(name) && !go_test && name.find(".down.") == std::string::npos) {
      out_.not_replayable.push_back(MigrationFile{path, version, false, false});
    }
  }

  const Tree& tree_;
  const MigrationFileOptions& options_;
  MigrationFileList& out_;
  std::map<std::string, std::string> downs_;  // pair_key -> the down file's path
};

// A variant (`x.sql.postgres`) replaces the plain file (`x.sql`) it sits beside.
void drop_replaced_by_variants(std::vector<Candidate>& found, MigrationFileList& out) {
  std::map<std::vector<std::string>, size_t> variant_at;
  for (size_t i = 0; i < found.size(); ++i) {
    if (found[i].variant) variant_at[found[i].order] = i;
  }
  if (variant_at.empty()) return;
  std::vector<Candidate> kept;
  for (Candidate& c : found) {
    auto it = variant_at.find(c.order);
    if (!c.variant && it != variant_at.end()) {
      out.skipped.push_back({c.file.path, fmt::format("replaced by its variant {}", found[it->second].file.path)});
      continue;
    }
    kept.push_back(std::move(c));
  }
  found = std::move(kept);
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// drizzle-kit applies the files its journal lists, in the journal's order, and no others.
bool order_by_drizzle_journal(const Tree& tree, const std::string& root, std::vector<Candidate>& found,
                              MigrationFileList& out) {
  std::string journal = (fs::path(root) / "meta" / "_journal.json").lexically_normal().generic_string();
  std::error_code ec;
  if (!fs::is_regular_file(tree.root / journal, ec)) return false;
  std::string text = read_file(tree.root / journal);
  nlohmann::json json = nlohmann::json::parse(text, nullptr, false);
  auto malformed = [&](const std::string& what) {
    return InputError{fmt::format("malformed Drizzle journal: {} (expected {{\"entries\": [{{\"idx\": 0, \"tag\": "
                                  "\"0000_name\"}}, …]}})",
                                  what),
                      {}, journal};
  };
  if (json.is_discarded()) throw malformed("not valid JSON");
  if (!json.is_object() || !json.contains("entries") || !json["entries"].is_array()) throw malformed("no \"entries\" array");
  std::vector<std::pair<int64_t, std::string>> entries;
  for (const nlohmann::json& entry : json["entries"]) {
    if (!entry.is_object() || !entry.contains("tag") || !entry["tag"].is_string()) throw malformed("an entry without a \"tag\"");
    int64_t idx = entry.contains("idx") && entry["idx"].is_number_integer() ? entry["idx"].get<int64_t>()
                                                                             : static_cast<int64_t>(entries.size());
    entries.emplace_back(idx, entry["tag"].get<std::string>());
  }
  std::stable_sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) { return a.first < b.first; });

  std::map<std::string, Candidate> by_path;
  for (Candidate& c : found) by_path.emplace(c.file.path, std::move(c));
  std::vector<Candidate> ordered;
  for (const auto& [idx, tag] : entries) {
    std::string path = (fs::path(root) / (tag + ".sql")).lexically_normal().generic_string();
    std::string folder = (fs::path(root) / tag / "migration.sql").lexically_normal().generic_string();
    auto it = by_path.find(path);
    if (it == by_path.end()) it = by_path.find(folder);
    if (it == by_path.end()) {
      throw InputError{fmt::format("the Drizzle journal lists migration \"{}\", but {} does not exist", tag, path), {}, journal};
    }
    ordered.push_back(std::move(it->second));
    by_path.erase(it);
  }
  for (auto& [path, c] : by_path) out.skipped.push_back({path, "not in meta/_journal.json; drizzle-kit does not apply it"});
  found = std::move(ordered);
  return true;
}

// The highest baseline not above the newest migration is applied first; the migrations it
// covers (versions up to its own) are not.
void choose_baseline(std::vector<MigrationFile>& files, std::vector<MigrationFile> baselines, MigrationFileList& out) {
  bool any = !baselines.empty() || std::any_of(files.begin(), files.end(), [](const MigrationFile& f) { return f.baseline; });
  if (!any) return;
  std::vector<MigrationFile> deltas;
  for (MigrationFile& f : files) {
    if (f.baseline) baselines.push_back(std::move(f));
    else deltas.push_back(std::move(f));
  }
  std::optional<Version> current;
  for (const MigrationFile& f : deltas) {
    if (f.version && (!current || version_less(*current, *f.version))) current = f.version;
  }
  const MigrationFile* chosen = nullptr;
  for (const MigrationFile& b : baselines) {
    if (current && version_less(*current, *b.version)) continue;
    if (!chosen || version_less(*chosen->version, *b.version)) chosen = &b;
  }
  for (const MigrationFile& b : baselines) {
    if (&b == chosen) continue;
    out.skipped.push_back({b.path, chosen ? fmt::format("baseline {} is the one applied", chosen->path)
                                          : fmt::format("baseline newer than the newest migration ({})", version_text(*current))});
  }
  files.clear();
  if (chosen) files.push_back(*chosen);
  for (MigrationFile& f : deltas) {
    if (chosen && f.version && !version_less(*chosen->version, *f.version)) f.covered_by = chosen->path;
    files.push_back(std::move(f));
  }
}

std::vector<MigrationFile> baseline_files(const Tree& tree, const MigrationFileOptions& options, MigrationFileList& out) {
  if (!options.baselines) return {};
  std::string dir = fs::path(*options.baselines).lexically_normal().generic_string();
  std::error_code ec;
  if (!fs::is_directory(tree.root / dir, ec)) {
    throw InputError{fmt::format("baselines \"{}\" is not a directory in the {} tree", dir, tree.label), {}, {}};
  }
  std::vector<Candidate> found;
  Walker(tree, options, out).walk(dir, {}, std::nullopt, found);
  std::vector<MigrationFile> out_files;
  for (Candidate& c : found) {
    if (!c.file.version) {
      throw InputError{fmt::format("baseline {} has no version in its name (expected e.g. 0.26.sql or B5__schema.sql)",
                                   c.file.path),
                       {}, {}};
    }
    c.file.baseline = true;
    out_files.push_back(std::move(c.file));
  }
  return out_files;
}

}  // namespace

MigrationFileList list_migration_files(const Tree& tree, const std::vector<std::string>& roots,
                                       const MigrationFileOptions& options) {
  MigrationFileList out;
  for (const std::string& root : roots) {
    std::string location = fs::path(root).lexically_normal().generic_string();
    fs::path absolute = tree.root / location;
    std::error_code ec;
    if (fs::is_regular_file(absolute, ec)) {
      out.files.push_back(MigrationFile{location, std::nullopt, false, true});
      continue;
    }
    if (!fs::is_directory(absolute, ec)) {
      throw InputError{fmt::format("migrations \"{}\" not found in the {} tree ({})", root, tree.label, absolute.string()),
                       {}, {}};
    }
    std::vector<Candidate> found;
    Walker walker(tree, options, out);
    walker.walk(location, {}, std::nullopt, found);
    drop_replaced_by_variants(found, out);
    std::map<std::string, std::string> downs = walker.take_downs();
    for (size_t i = 0; i < found.size() && !downs.empty(); ++i) {  // most directories have no down files
      Candidate& c = found[i];
      auto down = downs.find(pair_key(c.file.path));
      if (down == downs.end()) continue;
      c.file.down_path = down->second;
      downs.erase(down);
    }
    for (const auto& [key, path] : downs) out.skipped.push_back({path, "undoes a migration that is not there"});
    bool journal = (options.format == MigrationFormat::auto_detect || options.format == MigrationFormat::drizzle) &&
                   order_by_drizzle_journal(tree, location, found, out);
    if (!journal) sort_candidates(found);
    out.files.reserve(out.files.size() + found.size());
    for (Candidate& c : found) out.files.push_back(std::move(c.file));
  }
  choose_baseline(out.files, baseline_files(tree, options, out), out);
  return out;
}

}  // namespace mc
