#include "analyses/plan.h"

#include <fmt/format.h>

#include <filesystem>
#include <map>
#include <set>

#include "analyses/checks.h"
#include "base/parallel.h"
#include "base/text.h"
#include "inputs/code_sql.h"

namespace mc {

namespace {

std::vector<Statement> split_source(const MigrationSource& source, const Splitter& split) {
  std::vector<Statement> out;
  for (const SqlText& text : source.texts) {
    for (Statement& s : split(text)) out.push_back(std::move(s));
  }
  return out;
}

// The statements of every source `wanted` picks (others stay empty), split on every core: files
// are independent.
template <class Wanted>
std::vector<std::vector<Statement>> split_sources(const std::vector<MigrationSource>& sources, const Splitter& split,
                                                  Wanted wanted) {
  std::vector<std::vector<Statement>> out(sources.size());
  parallel_for(sources.size(), 8, [&](size_t i) {
    if (wanted(sources[i])) out[i] = split_source(sources[i], split);
  });
  return out;
}
bool every_source(const MigrationSource&) { return true; }

bool repeatable(const std::string& path) { return std::filesystem::path(path).filename().string().rfind("R__", 0) == 0; }

bool same_statements(const std::vector<Statement>& a, const std::vector<Statement>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (normalize_sql(a[i].text()) != normalize_sql(b[i].text())) return false;
  }
  return true;
}

// The language of a code migration, by the extension the scanners go by (inputs/code_sql.h).
const char* language_name(const std::string& path) {
  switch (language_of(path)) {
    case Language::go: return "Go";
    case Language::python: return "Python";
    case Language::ruby: return "Ruby";
    case Language::java: return "Java";
    case Language::kotlin: return "Kotlin";
    case Language::rust: return "Rust";
    case Language::php: return "PHP";
    default: return "JavaScript/TypeScript";
  }
}

// Migrations written as code run whatever the code decides: their effects are not seen. A new one
// is a warning (its changes are not checked); a deployed one a note (the deployed schema lacks
// what it did, so queries that need it cannot be proved).
void note_not_replayable(const MigrationInputs& old_tree, const MigrationInputs& new_tree, std::vector<Diagnostic>& out) {
  std::set<std::string> deployed;
  for (const MigrationFile& f : old_tree.not_replayable) deployed.insert(f.path);
  for (const MigrationFile& f : new_tree.not_replayable) {
    Diagnostic d = make_diagnostic(checks::migration_not_replayable);
    if (deployed.count(f.path)) {
      d.severity = Severity::note;
      d.message = fmt::format("deployed migration {} is {} code, not SQL: the deployed schema migcompat builds lacks "
                              "whatever it changed",
                              f.path, language_name(f.path));
    } else {
      d.message = fmt::format("could not check new migration {}: it is {} code, not SQL, so its schema changes are not seen",
                              f.path, language_name(f.path));
      d.help = "write schema changes as SQL migrations; keep code migrations for data (or list it in migrations_ignore)";
    }
    out.push_back(std::move(d));
  }
}

}  // namespace

MigrationPlan plan_migrations(const MigrationInputs& old_tree, const MigrationInputs& new_tree, const Splitter& split) {
  MigrationPlan plan;
  plan.deployed_search_path = old_tree.search_path;
  plan.incoming_search_path = new_tree.search_path;
  std::map<std::string, std::vector<Statement>> old_by_path;
  std::set<std::string> old_statement_texts;
  std::vector<std::vector<Statement>> old_split = split_sources(old_tree.sources, split, every_source);
  for (size_t i = 0; i < old_tree.sources.size(); ++i) {
    const MigrationSource& source = old_tree.sources[i];
    std::vector<Statement>& statements = old_split[i];
    for (const Statement& s : statements) {
      if (source.covered_by.empty()) plan.deployed.push_back(s);  // the baseline stands in for it
      if (source.per_statement) old_statement_texts.insert(normalize_sql(s.text()));
    }
    old_by_path[source.path] = std::move(statements);
  }

  if (new_tree.format == MigrationFormat::declarative) {
    std::set<std::string> old_texts;
    for (const Statement& s : plan.deployed) old_texts.insert(normalize_sql(s.text()));
    plan.target.emplace();
    for (std::vector<Statement>& statements : split_sources(new_tree.sources, split, every_source)) {
      for (Statement& s : statements) {
        if (!old_texts.count(normalize_sql(s.text()))) plan.incoming.push_back(s);
        plan.target->push_back(std::move(s));
      }
    }
    note_not_replayable(old_tree, new_tree, plan.findings);
    return plan;
  }

  std::set<std::string> new_paths;
  auto replayed = [&](const MigrationSource& source) { return !source.baseline || old_by_path.count(source.path) > 0; };
  std::vector<std::vector<Statement>> new_split = split_sources(new_tree.sources, split, replayed);
  for (size_t k = 0; k < new_tree.sources.size(); ++k) {
    const MigrationSource& source = new_tree.sources[k];
    new_paths.insert(source.path);
    // The deployed schema is OLD's; a baseline only stands in for migrations that already ran.
    if (!replayed(source)) continue;
    std::vector<Statement>& statements = new_split[k];
    if (source.per_statement) {
      for (Statement& s : statements) {
        if (!old_statement_texts.count(normalize_sql(s.text()))) plan.incoming.push_back(std::move(s));
      }
      continue;
    }
    auto old = old_by_path.find(source.path);
    if (old == old_by_path.end()) {
      for (Statement& s : statements) plan.incoming.push_back(std::move(s));
      continue;
    }
    // Flyway runs a repeatable migration (R__) again, after the versioned ones, whenever it changed.
    if (repeatable(source.path) && !same_statements(old->second, statements)) {
      for (Statement& s : statements) plan.incoming.push_back(std::move(s));
      continue;
    }
    // A deployed file: it will not run again. Report the first statement that differs.
    const auto& before = old->second;
    for (size_t i = 0; i < std::max(before.size(), statements.size()); ++i) {
      bool same = i < before.size() && i < statements.size() &&
                  normalize_sql(before[i].text()) == normalize_sql(statements[i].text());
      if (same) continue;
      Diagnostic d = make_diagnostic(checks::deployed_migration_edited);
      d.message = fmt::format("deployed migration {} was edited; it already ran, so the edit will never run", source.path);
      if (i < statements.size()) {
        d.primary = statements[i].span();
        d.primary_label = "this statement differs from the deployed version";
      } else {
        d.primary = Span{source.file, 0, 0};
        d.primary_label = "statements were removed from this deployed migration";
      }
      d.help = "leave deployed migrations as they are and put the change in a new migration";
      plan.findings.push_back(std::move(d));
      break;
    }
  }
  std::optional<Version> new_baseline = new_tree.baseline_version();
  for (const MigrationSource& source : old_tree.sources) {
    if (source.per_statement || new_paths.count(source.path)) continue;
    // Squashed into the new tree's baseline: fresh installs no longer need it.
    if (new_baseline && source.version && !version_less(*new_baseline, *source.version)) continue;
    Diagnostic d = make_diagnostic(checks::deployed_migration_removed);
    d.message = fmt::format("deployed migration {} is missing from the new tree", source.path);
    d.help = "keep deployed migrations; fresh installs replay them to build the schema";
    plan.findings.push_back(std::move(d));
  }
  note_not_replayable(old_tree, new_tree, plan.findings);
  return plan;
}

}  // namespace mc
