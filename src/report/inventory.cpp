#include "report/inventory.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "base/text.h"

namespace mc {

namespace {

// The statement's first line, shortened for a listing.
std::string first_line(std::string_view text) {
  std::string_view line = text.substr(0, text.find('\n'));
  line = trim(line);
  if (line.size() > 72) return std::string(line.substr(0, 69)) + "...";
  return std::string(line);
}

}  // namespace

namespace {

// The files of one tree as migcompat understood them: apply order, baselines, what it left out.
void write_files(std::ostream& out, const MigrationInputs& m, const char* tree) {
  if (m.location.empty()) {
    out << fmt::format("{} tree: no migrations (set `migrations` in migcompat.toml)\n", tree);
    return;
  }
  out << fmt::format("{} tree: {} file{} in {} (format: {}), in apply order:\n", tree, m.sources.size(),
                     m.sources.size() == 1 ? "" : "s", m.location, format_name(m.format));
  for (const MigrationSource& s : m.sources) {
    std::string what = s.baseline             ? fmt::format("baseline, version {}", version_text(*s.version))
                       : !s.covered_by.empty() ? fmt::format("covered by {}: runs only if new", s.covered_by)
                       : s.version            ? fmt::format("version {}", version_text(*s.version))
                                              : std::string(s.per_statement ? "statements identified by their text" : "");
    if (!s.down_path.empty()) what += (what.empty() ? "" : "; ") + fmt::format("undone by {}", s.down_path);
    else if (!s.down.empty()) what += (what.empty() ? "" : "; ") + std::string("down section kept");
    out << fmt::format("  {}{}\n", s.path, what.empty() ? "" : "  (" + what + ")");
  }
  for (const MigrationFile& f : m.not_replayable) out << fmt::format("  {}  (code, not SQL: not replayed)\n", f.path);
  for (const SkippedFile& f : m.skipped) out << fmt::format("  {}  (not applied: {})\n", f.path, f.reason);
}

}  // namespace

void write_migrations_listing(std::ostream& out, const LoadedInputs& in, bool compare) {
  const char* dialect = dialect_name(in.dialect);
  if (!compare) {
    write_files(out, in.old_migrations, "this");
    out << fmt::format("{} statements in {} ({}):\n", in.plan.deployed.size(),
                       in.old_migrations.location.empty() ? "<none>" : in.old_migrations.location, dialect);
    for (const Statement& s : in.plan.deployed) out << fmt::format("  {}  {}\n", s.span().to_string(), first_line(s.text()));
    return;
  }
  write_files(out, in.old_migrations, "old");
  write_files(out, in.new_migrations, "new");
  out << fmt::format("deployed ({} statements in {} of the old tree):\n", in.plan.deployed.size(),
                     in.old_migrations.location.empty() ? "<none>" : in.old_migrations.location);
  for (const Statement& s : in.plan.deployed) out << fmt::format("  {}  {}\n", s.span().to_string(), first_line(s.text()));
  out << fmt::format("new ({} statements in {} of the new tree, applied after the deployed ones):\n", in.plan.incoming.size(),
                     in.new_migrations.location.empty() ? "<none>" : in.new_migrations.location);
  for (const Statement& s : in.plan.incoming) out << fmt::format("  {}  {}\n", s.span().to_string(), first_line(s.text()));
  for (const Diagnostic& d : in.plan.findings) out << fmt::format("{}[{}]: {}\n", severity_name(d.severity), d.code, d.message);
}

void write_queries_listing(std::ostream& out, const LoadedInputs& in, const std::vector<QueryUse>& uses) {
  const QuerySet& set = in.queries;
  out << fmt::format("{} queries:\n", set.queries.size());
  // Logged queries come last, in `logged` order.
  size_t first_logged = set.queries.size() - set.logged.size();
  for (size_t i = 0; i < set.queries.size(); ++i) {
    const Statement& q = set.queries[i];
    std::string seen = i >= first_logged ? fmt::format("  (logged {}×)", set.logged[i - first_logged].occurrences) : "";
    out << fmt::format("  {}  {}{}{}\n", q.span().to_string(), q.name.empty() ? "" : "[" + q.name + "] ", first_line(q.text()),
                       seen);
    if (i >= uses.size()) continue;
    const QueryUse& use = uses[i];
    if (!use.error.empty()) {
      out << fmt::format("      {} on the deployed schema: {}\n", use.kind, use.error);
    } else {
      out << fmt::format("      {} {}\n", use.kind, use.objects.empty() ? "(no table)" : fmt::format("{}", fmt::join(use.objects, ", ")));
    }
  }
  if (!set.logged.empty()) {
    out << fmt::format("{} distinct statements from {} logged\n", set.logged.size(), set.log_entries);
  }
  size_t unchecked = 0;
  for (const Diagnostic& d : in.queries.findings) unchecked += d.primary.valid();
  if (unchecked) out << fmt::format("{} could not be read as SQL:\n", unchecked);
  for (const Diagnostic& d : in.queries.findings) {
    if (d.primary.valid()) out << fmt::format("  {}  {}\n", d.primary.to_string(), d.primary_label);
  }
  for (const Diagnostic& d : in.queries.findings) {
    if (!d.primary.valid()) out << fmt::format("{}: {}\n", severity_name(d.severity), d.message);
  }
}

}  // namespace mc
