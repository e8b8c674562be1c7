#include "inputs/queries.h"

#include <fmt/format.h>

namespace mc {

namespace {

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

Diagnostic note(std::string message) {
  Diagnostic d;
  d.severity = Severity::note;
  d.message = std::move(message);
  return d;
}

}  // namespace

QueryInputs load_queries(SourceManager& sources, CodeModules& modules, const Tree& tree,
                         const std::set<std::string>& exclude) {
  QueryInputs out;
  if (!tree.settings.queries) return out;
  std::set<std::string> seen;
  for (const std::string& pattern : *tree.settings.queries) {
    auto files = glob_files(tree, pattern);
    if (files.empty()) out.notes.push_back(note(fmt::format("queries glob \"{}\" matched no file in the {} tree", pattern, tree.label)));
    for (const std::string& path : files) {
      if (exclude.count(path) || !seen.insert(path).second) continue;
      if (ends_with(path, ".sql")) {
        const SourceFile& file = read_tree_file(sources, tree, path);
        out.sql_files.push_back(SqlText{&file, file.text(), SourceMap::identity(0)});
      } else if (language_of(path) != Language::none) {
        CodeSqlResult found = modules.extract(path, SqlRole::queries);
        for (auto& sql : found.sql) out.literals.push_back(std::move(sql));
        for (auto& u : found.unresolved) out.unresolved.push_back(std::move(u));
      } else {
        out.notes.push_back(note(fmt::format("{}: no query extractor for this kind of file yet; skipped", path)));
      }
    }
  }
  return out;
}

std::vector<LogFile> query_log_files(const Tree& tree, const std::vector<std::filesystem::path>& files,
                                     std::vector<Diagnostic>& notes) {
  std::vector<LogFile> out;
  if (!files.empty()) {
    for (const auto& file : files) out.push_back(LogFile{file, file.lexically_normal().generic_string(), ""});
    return out;
  }
  if (!tree.settings.logs) return out;
  std::set<std::string> seen;
  for (const std::string& pattern : *tree.settings.logs) {
    auto matched = glob_files(tree, pattern);
    if (matched.empty()) notes.push_back(note(fmt::format("logs glob \"{}\" matched no file in the {} tree", pattern, tree.label)));
    for (const std::string& path : matched) {
      if (seen.insert(path).second) out.push_back(LogFile{tree.root / path, path, tree.label});
    }
  }
  return out;
}

}  // namespace mc
