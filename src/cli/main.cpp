// migcompat: will the code that is running now survive the migrations we are about to run?
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fmt/format.h>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>

#include "analyses/check.h"
#include "analyses/lint.h"
#include "base/diagnostic.h"
#include "base/interrupt.h"
#include "base/parallel.h"
#include "inputs/git_tree.h"
#include "inputs/layout.h"
#include "report/inventory.h"
#include "report/json_report.h"
#include "report/markdown_report.h"
#include "report/rule_docs.h"
#include "report/sarif_report.h"
#include "report/text_report.h"
#include "sql/sqlite/engine.h"

namespace {

// A progress line on standard error while big query logs are read, when it is a terminal.
mc::LogProgress terminal_progress() {
  if (isatty(STDERR_FILENO) == 0) return nullptr;
  return [](const std::string& path, uint64_t done, uint64_t total) {
    if (done >= total) {
      std::cerr << "\r\033[K" << std::flush;
      return;
    }
    std::cerr << fmt::format("\r\033[Kreading {}: {:3.0f}% ({} of {} MB)", path, 100.0 * static_cast<double>(done) / static_cast<double>(total),
                             done >> 20, total >> 20)
              << std::flush;
  };
}

// Flags shared by the subcommands that read trees.
struct TreeFlags {
  std::string old_root, new_root = ".", base, head, dialect, migrations_format, search_path, engine = "auto", color = "auto";
  mc::ServerProofOptions server;
  bool strict = false;
  double statement_seconds = 30;
  std::vector<std::string> migrations;
  std::vector<std::string> queries;
  std::vector<std::string> logs;

  void add(CLI::App* cmd, bool with_old, bool with_logs) {
    if (with_old) {
      auto* old_opt = cmd->add_option("--old", old_root, "The deployed tree (its code and the migrations already applied)");
      auto* base_opt = cmd->add_option("--base", base, "Take the deployed tree from this git commit (tag, branch, SHA)");
      old_opt->excludes(base_opt);
      cmd->add_option("--head", head,
                      "Take the new tree from this git commit instead of the working tree (the repository is --new, "
                      "default .)");
    }
    cmd->add_option("--dialect", dialect, "sqlite or postgres (overrides migcompat.toml)")
        ->check(CLI::IsMember({"sqlite", "postgres", "postgresql"}));
    cmd->add_option("--migrations", migrations,
                    "Migrations directory or source file, relative to each tree (repeatable: applied in this order)");
    cmd->add_option("--migrations-format", migrations_format, "How the migrations are written (overrides migcompat.toml)")
        ->check(CLI::IsMember({"auto", "sql", "goose", "dbmate", "drizzle", "flyway", "golang-migrate", "sqlx", "prisma",
                               "declarative"}));
    cmd->add_option("--queries", queries, "Glob of files holding the old code's queries (repeatable)");
    cmd->add_option("--search-path", search_path,
                    "PostgreSQL search_path of the app's connections and migrations, e.g. \"app, public\" (overrides "
                    "migcompat.toml)");
    if (with_logs) {
      cmd->add_option("--logs", logs,
                      "Query log of the deployed code's workload, instead of the old tree's `logs` (repeatable): a "
                      "PostgreSQL stderr log or csvlog, a pg_stat_statements export (CSV or JSON), or a .sql file");
    }
    cmd->add_option("--color", color, "auto, always or never (NO_COLOR is respected)")
        ->check(CLI::IsMember({"auto", "always", "never"}));
  }

  mc::CheckOptions options() const {
    mc::CheckOptions o;
    o.old_root = old_root;
    o.new_root = new_root.empty() ? "." : new_root;
    if (!dialect.empty()) o.overrides.dialect = mc::parse_dialect(dialect);
    if (!migrations.empty()) o.overrides.migrations = migrations;
    if (!migrations_format.empty()) o.overrides.migrations_format = mc::parse_format(migrations_format);
    if (!queries.empty()) o.overrides.queries = queries;
    if (!search_path.empty()) o.overrides.search_path = search_path;
    for (const std::string& log : logs) o.log_files.emplace_back(log);
    o.log_progress = terminal_progress();
    o.engine = engine == "none"       ? mc::Engine::none
               : engine == "sqlite"   ? mc::Engine::sqlite
               : engine == "postgres" ? mc::Engine::postgres
                                      : mc::Engine::auto_select;
    o.server = server;
    o.server.statement_timeout_ms = static_cast<int>(statement_seconds * 1000);
    o.strict = strict;
    if (o.server.database_url.empty()) {
      if (const char* url = std::getenv("MIGCOMPAT_DATABASE_URL"); url && *url) o.server.database_url = url;
    }
    return o;
  }

  bool color_on(bool to_terminal) const {
    if (color == "always") return true;
    if (color == "never" || !to_terminal) return false;
    const char* no_color = std::getenv("NO_COLOR");
    return !(no_color && *no_color) && isatty(STDOUT_FILENO) != 0;
  }
};

void write_report(std::ostream& out, const std::string& format, const mc::CheckResult& result, const mc::TextStyle& style) {
  if (format == "json") mc::write_json_report(out, result, MIGCOMPAT_VERSION);
  else if (format == "sarif") mc::write_sarif_report(out, result, MIGCOMPAT_VERSION);
  else if (format == "junit") mc::write_junit_report(out, result);
  else if (format == "markdown") mc::write_markdown_report(out, result);
  else if (format == "github") {
    mc::write_github_report(out, result);
    // In a GitHub Actions job, the same findings as the job's summary page.
    if (const char* summary = std::getenv("GITHUB_STEP_SUMMARY"); summary && *summary) {
      std::ofstream page(summary, std::ios::app);
      mc::write_markdown_report(page, result);
    }
  } else {
    mc::write_text_report(out, result, style);
  }
}

// --timings: each phase, then the whole run including the report.
void print_timings(const mc::CheckResult& result, std::chrono::steady_clock::time_point started) {
  for (const auto& [phase, seconds] : result.timings) std::cerr << fmt::format("timing: {:8.3f} s  {}\n", seconds, phase);
  double total = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::cerr << fmt::format("timing: {:8.3f} s  the whole run, report included\n", total);
}

int run_init(const std::string& dir, bool force, bool print) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    std::cerr << "migcompat: error: init: " << dir << " is not a directory\n";
    return 2;
  }
  mc::Layout layout = mc::detect_layout(dir);
  std::string config = mc::layout_config(layout);
  if (print) {
    std::cout << config;
    return 0;
  }
  std::filesystem::path file = std::filesystem::path(dir) / "migcompat.toml";
  if (std::filesystem::exists(file, ec) && !force) {
    std::cerr << "migcompat: error: init: " << file.string() << " exists; pass --force to replace it, or --print to see the proposal\n";
    return 2;
  }
  std::ofstream(file) << config;
  auto found = [](const std::string& what, const std::string& value, const std::string& evidence) {
    std::cout << fmt::format("  {:<11} {}{}\n", what, value.empty() ? "(not found: edit the file)" : value,
                             evidence.empty() ? "" : "  (" + evidence + ")");
  };
  std::cout << "migcompat init: wrote " << file.string() << "\n";
  found("dialect", layout.dialect ? mc::dialect_name(*layout.dialect) : "", layout.dialect_evidence);
  found("migrations", layout.migrations, layout.migrations_evidence);
  std::string queries;
  for (const std::string& q : layout.queries) queries += (queries.empty() ? "" : ", ") + q;
  found("queries", queries, "");
  std::cout << "\nNext, before a deploy (the deployed code from git, the new one from the checkout):\n"
               "  migcompat check --base origin/main\n"
               "or with two trees:\n"
               "  migcompat check --old path/to/deployed --new .\n";
  return 0;
}

// Ends the process once the report is out, without destroying the run's data (sources, parse
// trees, catalogs, findings): the kernel takes the memory back at once, while freeing it object by
// object costs as much as running the rules. Sanitizer builds return normally instead.
int finish(int code, std::ostream& report) {
  report.flush();
  std::cout.flush();
  std::cerr.flush();
#ifndef MIGCOMPAT_FULL_TEARDOWN
  std::exit(code);
#endif
  return code;
}

}  // namespace

int main(int argc, char** argv) {
  mc::install_interrupt_handling();
  // A report is written at the end, at once: into a pipe or file in 64 KiB writes rather than 4 KiB
  // (a lint of thousands of findings is megabytes). A terminal keeps its line buffering.
  // (glibc takes the size only with a buffer given.)
  static char stdout_buffer[1 << 16];
  if (isatty(STDOUT_FILENO) == 0) std::setvbuf(stdout, stdout_buffer, _IOFBF, sizeof stdout_buffer);
  CLI::App app{"migcompat: proves that the code running now survives the migrations about to run", "migcompat"};
  app.set_version_flag("--version", std::string("migcompat ") + MIGCOMPAT_VERSION);
  app.require_subcommand(1);

  TreeFlags flags;
  std::string format = "text", output;
  CLI::App* check = app.add_subcommand("check", "Check that the old tree's queries survive the new tree's migrations");
  flags.add(check, true, true);
  check->add_option("--new", flags.new_root, "The tree about to be deployed")->default_str(".");
  check->add_option("--engine", flags.engine, "What proves the queries: auto, none (static only), sqlite, postgres")
      ->check(CLI::IsMember({"auto", "none", "sqlite", "postgres"}))
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
  check->add_option("--database-url", flags.server.database_url,
                    "Prove on this PostgreSQL server (in scratch databases migcompat creates and drops) instead of a "
                    "throwaway cluster; also MIGCOMPAT_DATABASE_URL");
  check->add_option("--pg-user", flags.server.pg_user, "System user a throwaway cluster runs as when migcompat runs as root")
      ->default_str("postgres");
  check->add_option("--jobs,-j", flags.server.jobs,
                    "Threads reading, splitting and parsing, and connections proving old queries in parallel (default: "
                    "one per core)");
  check->add_option("--timeout", flags.server.budget_seconds, "Time budget in seconds for the proof on a server")
      ->default_str("600")
      ->check(CLI::PositiveNumber);
  check->add_option("--statement-timeout", flags.statement_seconds,
                    "Seconds any one migration statement or query may run on an engine (SQLite or PostgreSQL)")
      ->default_str("30")
      ->check(CLI::Range(0.001, 86400.0));
  check->add_option("--format", format,
                    "Report format: text, json (docs/json-format.md), sarif (code scanning), junit (CI test views), markdown "
                    "(a pull-request comment) or github (workflow annotations, and a job summary in $GITHUB_STEP_SUMMARY)")
      ->check(CLI::IsMember({"text", "json", "sarif", "junit", "markdown", "github"}));
  std::string sarif_file;
  check->add_option("--sarif", sarif_file, "Also write the report as SARIF to this file (for code scanning uploads)");
  bool timings = false;
  check->add_flag("--timings", timings, "Print how long each phase took to standard error");
  check->add_option("--output", output, "Write the report to this file instead of standard output");

  check->add_flag("--strict", flags.strict,
                  "Breaking changes that no known old query shows are errors, not warnings (code migcompat cannot see may use them)");

  std::vector<std::string> lint_paths;
  CLI::App* lint = app.add_subcommand("lint", "Run the rules over migration files alone (no old code): squawk-style");
  lint->add_option("paths", lint_paths, "Migration files or directories, each replayed from an empty schema")->required();
  lint->add_option("--dialect", flags.dialect, "sqlite or postgres (default: ./migcompat.toml)")
      ->check(CLI::IsMember({"sqlite", "postgres", "postgresql"}));
  lint->add_option("--format", format, "Report format: text, json, sarif, junit, markdown or github")
      ->check(CLI::IsMember({"text", "json", "sarif", "junit", "markdown", "github"}));
  lint->add_option("--color", flags.color, "auto, always or never")->check(CLI::IsMember({"auto", "always", "never"}));
  lint->add_flag("--timings", timings, "Print how long each phase took to standard error");
  lint->add_option("--jobs,-j", flags.server.jobs, "Threads reading, splitting, parsing and running rules (default: one per core)");

  std::string docs_dir;
  CLI::App* rules = app.add_subcommand("rules", "List every rule: code, name, default severity, category, dialects");
  rules->add_option("--write-docs", docs_dir, "Write the rule docs (index and one page per rule) into this directory");
  std::string explained;
  CLI::App* explain = app.add_subcommand("explain", "Print a rule's documentation: what it does, why it breaks, what to do instead");
  explain->add_option("rule", explained, "A rule or check code (MC101) or name (drop-column)")->required();

  std::string init_dir = ".";
  bool init_force = false, init_print = false;
  CLI::App* init = app.add_subcommand("init", "Look at a repository and write a commented migcompat.toml for it");
  init->add_option("dir", init_dir, "The repository (default: .)");
  init->add_flag("--force", init_force, "Overwrite an existing migcompat.toml");
  init->add_flag("--print", init_print, "Print the config instead of writing it");

  CLI::App* migrations = app.add_subcommand(
      "migrations", "List the migration statements in apply order; with --old or --base, which ones are new");
  flags.add(migrations, true, false);
  migrations->add_option("tree", flags.new_root, "The tree (default: .)");

  CLI::App* queries = app.add_subcommand("queries", "List the queries found in a tree, and what could not be read");
  flags.add(queries, false, true);
  queries->add_option("tree", flags.old_root, "The tree (default: .)");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }

  std::ofstream file_out;
  if (!output.empty()) {
    file_out.open(output);
    if (!file_out) {
      std::cerr << "migcompat: error: cannot write --output " << output << "\n";
      return 2;
    }
  }
  std::ostream& report = output.empty() ? std::cout : file_out;
  mc::TextStyle style;
  style.color = flags.color_on(output.empty());

  if (rules->parsed()) {
    if (!docs_dir.empty()) mc::write_rule_docs(docs_dir);
    else mc::write_rules_table(std::cout);
    return 0;
  }
  if (explain->parsed()) {
    if (mc::write_explanation(std::cout, explained)) return 0;
    std::cerr << "migcompat: error: no rule or check named `" << explained << "` (see `migcompat rules`)\n";
    return 2;
  }

  if (init->parsed()) return run_init(init_dir, init_force, init_print);

  mc::set_thread_count(flags.server.jobs);
  mc::SourceManager sources;
  try {
    mc::CheckOptions options = flags.options();
    std::optional<mc::GitSnapshot> snapshot;
    std::optional<mc::GitSnapshot> head_snapshot;
    if (!flags.base.empty()) {
      snapshot.emplace(options.new_root, flags.base);
      options.old_root = snapshot->root();
    }
    if (!flags.head.empty()) {
      head_snapshot.emplace(options.new_root, flags.head);
      options.new_root = head_snapshot->root();
    }
    if (queries->parsed()) {
      if (options.old_root.empty()) options.old_root = ".";
      options.new_root = options.old_root;
      std::unique_ptr<mc::LoadedInputs> in = mc::load_inputs(sources, options);
      mc::write_queries_listing(report, *in, mc::describe_queries(in->dialect, in->plan, in->queries.queries));
      return 0;
    }
    if (migrations->parsed()) {
      bool compare = !options.old_root.empty();
      if (!compare) options.old_root = options.new_root;
      mc::write_migrations_listing(report, *mc::load_inputs(sources, options), compare);
      return 0;
    }
    if (lint->parsed()) {
      mc::LintOptions lint_options;
      for (const std::string& p : lint_paths) lint_options.paths.emplace_back(p);
      if (!flags.dialect.empty()) lint_options.dialect = mc::parse_dialect(flags.dialect);
      auto started = std::chrono::steady_clock::now();
      mc::CheckResult result = mc::run_lint(sources, lint_options);
      write_report(report, format, result, style);
      report.flush();  // so that "report included" includes it, and the timings follow it
      if (timings) print_timings(result, started);
      return finish(result.incompatible() ? 1 : 0, report);
    }
    if (options.old_root.empty()) {
      throw mc::InputError{"check needs the deployed tree: --old DIR, or --base GITREF to take it from git", {}, {}};
    }
    auto started = std::chrono::steady_clock::now();
    mc::sqlite::Limits limits;
    limits.statement_seconds = flags.statement_seconds;
    mc::sqlite::set_limits(limits);
    mc::CheckResult result = mc::run_check(sources, options);
    write_report(report, format, result, style);
    report.flush();
    if (timings) print_timings(result, started);
    if (!sarif_file.empty()) {
      std::ofstream sarif(sarif_file);
      if (!sarif) throw mc::InputError{"cannot write --sarif " + sarif_file, {}, {}};
      mc::write_sarif_report(sarif, result, MIGCOMPAT_VERSION);
    }
    snapshot.reset();  // their temporary directories go; finish() runs no destructors
    head_snapshot.reset();
    return finish(result.incompatible() ? 1 : 0, report);
  } catch (const mc::InputError& error) {
    report.flush();
    if (format == "json") mc::write_json_input_error(report, error, MIGCOMPAT_VERSION);
    mc::write_input_error(std::cerr, error, style);
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "migcompat: internal error: " << e.what() << "\n";
    return 2;
  }
}
