// migcompat: will the code that is running now survive the migrations we are about to run?
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <optional>

#include "analyses/check.h"
#include "inputs/git_tree.h"
#include "base/diagnostic.h"
#include "report/json_report.h"
#include "report/text_report.h"

#include <fstream>

namespace {

enum class ColorChoice { auto_detect, always, never };

bool use_color(ColorChoice choice) {
  if (choice == ColorChoice::always) return true;
  if (choice == ColorChoice::never) return false;
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color && *no_color) return false;
  return isatty(STDOUT_FILENO) != 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"migcompat: proves that the code running now survives the migrations about to run", "migcompat"};
  app.set_version_flag("--version", std::string("migcompat ") + MIGCOMPAT_VERSION);
  app.require_subcommand(1);

  mc::CheckOptions options;
  std::string dialect, migrations, engine = "auto", color = "auto";
  std::vector<std::string> queries;
  CLI::App* check = app.add_subcommand("check", "Check that the old tree's queries survive the new tree's migrations");
  std::string base;
  auto* old_opt = check->add_option("--old", options.old_root, "The deployed tree (its code and the migrations already applied)");
  auto* base_opt = check->add_option("--base", base, "Take the deployed tree from this git commit (tag, branch, SHA) instead of --old");
  old_opt->excludes(base_opt);
  check->add_option("--new", options.new_root, "The tree about to be deployed")->default_str(".");
  check->add_option("--dialect", dialect, "sqlite or postgres (overrides migcompat.toml)")
      ->check(CLI::IsMember({"sqlite", "postgres", "postgresql"}));
  check->add_option("--migrations", migrations, "Migrations directory or source file, relative to each tree");
  check->add_option("--queries", queries, "Glob of files holding the old code's queries (repeatable)");
  check->add_option("--engine", engine, "What proves the queries: auto, none (static only), sqlite, postgres")
      ->check(CLI::IsMember({"auto", "none", "sqlite", "postgres"}));
  std::string format = "text", output;
  check->add_option("--format", format, "Report format: text, json (docs/json-format.md) or github (workflow annotations)")
      ->check(CLI::IsMember({"text", "json", "github"}));
  check->add_option("--output", output, "Write the report to this file instead of standard output");
  check->add_option("--color", color, "auto, always or never (NO_COLOR is respected)")
      ->check(CLI::IsMember({"auto", "always", "never"}));

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }

  mc::TextStyle style;
  style.color = use_color(color == "always" ? ColorChoice::always : color == "never" ? ColorChoice::never : ColorChoice::auto_detect);
  if (options.new_root.empty()) options.new_root = ".";
  if (!dialect.empty()) options.overrides.dialect = mc::parse_dialect(dialect);
  if (!migrations.empty()) options.overrides.migrations = migrations;
  if (!queries.empty()) options.overrides.queries = queries;
  options.engine = engine == "none" ? mc::Engine::none
                   : engine == "sqlite" ? mc::Engine::sqlite
                   : engine == "postgres" ? mc::Engine::postgres
                                          : mc::Engine::auto_select;

  std::ofstream file_out;
  if (!output.empty()) {
    file_out.open(output);
    if (!file_out) {
      std::cerr << "migcompat: error: cannot write --output " << output << "\n";
      return 2;
    }
    style.color = color == "always";
  }
  std::ostream& report = output.empty() ? std::cout : file_out;

  mc::SourceManager sources;
  try {
    std::optional<mc::GitSnapshot> snapshot;
    if (!base.empty()) {
      snapshot.emplace(options.new_root, base);
      options.old_root = snapshot->root();
    } else if (options.old_root.empty()) {
      throw mc::InputError{"check needs the deployed tree: --old DIR, or --base GITREF to take it from git", {}, {}};
    }
    mc::CheckResult result = mc::run_check(sources, options);
    if (format == "json") mc::write_json_report(report, result, MIGCOMPAT_VERSION);
    else if (format == "github") mc::write_github_report(report, result);
    else mc::write_text_report(report, result, style);
    return result.incompatible() ? 1 : 0;
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
