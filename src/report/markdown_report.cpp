#include "report/markdown_report.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "base/text.h"

namespace mc {

namespace {

std::string cell(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '|') out += "\\|";
    else if (c == '\n') out += ' ';
    else out += c;
  }
  return out;
}

std::string where(const Span& span) { return span.valid() ? fmt::format("`{}`", span.to_string()) : ""; }

const char* mark(Severity s) { return s == Severity::error ? "❌ error" : s == Severity::warning ? "⚠️ warning" : "ℹ️ note"; }

bool within(const Span& inner, const Span& outer) {
  return inner.valid() && outer.valid() && inner.file == outer.file && inner.begin >= outer.begin &&
         inner.begin < std::max(outer.end, outer.begin + 1);
}

std::string xml(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default:
        // XML 1.0 forbids most control characters, even escaped.
        if (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t' && c != '\r') out += ' ';
        else out += c;
    }
  }
  return out;
}

// The statement's own first line (inside a source file, not the code around it).
std::string first_line(const Span& span) {
  std::string_view text = std::string_view(span.file->text()).substr(span.begin, span.end - span.begin);
  std::string line(trim(text.substr(0, text.find('\n'))));
  return line.size() > 80 ? line.substr(0, 77) + "..." : line;
}

std::string diagnostic_text(const Diagnostic& d) {
  std::string text = fmt::format("{}[{}] {}", severity_name(d.severity), d.code, d.message);
  if (d.primary.valid()) text += "\n  at " + d.primary.to_string();
  for (const RelatedSpan& r : d.related) text += fmt::format("\n  {}: {}", r.span.valid() ? r.span.to_string() : "", r.label);
  for (const std::string& n : d.notes) text += "\n  note: " + n;
  if (!d.help.empty()) text += "\n  help: " + d.help;
  return text;
}

}  // namespace

void write_markdown_report(std::ostream& out, const CheckResult& result) {
  size_t errors = 0, warnings = 0, notes = 0;
  for (const Diagnostic& d : result.diagnostics) {
    errors += d.severity == Severity::error;
    warnings += d.severity == Severity::warning;
    notes += d.severity == Severity::note;
  }
  if (result.lint) {
    out << fmt::format("## migcompat lint: {}\n\n", errors ? "❌ failed" : "✅ passed");
  } else if (errors) {
    out << "## migcompat: ❌ incompatible\n\nThe code that is deployed now **does not survive** these migrations: "
           "while they have run and the old code still serves (the deploy window, or after a rollback of the code), "
           "the errors below fail in production.\n\n";
  } else {
    out << "## migcompat: ✅ compatible\n\nThe code that is deployed now survives these migrations.\n\n";
  }
  out << fmt::format("{} error{}, {} warning{}, {} note{} · {} old quer{} checked against {} new migration statement{} · {}\n\n",
                     errors, errors == 1 ? "" : "s", warnings, warnings == 1 ? "" : "s", notes, notes == 1 ? "" : "s",
                     result.queries, result.queries == 1 ? "y" : "ies", result.incoming_statements,
                     result.incoming_statements == 1 ? "" : "s", result.engine);
  if (result.diagnostics.empty()) return;
  out << "| | check | finding | where | migration / related |\n|---|---|---|---|---|\n";
  for (const Diagnostic& d : result.diagnostics) {
    std::string related;
    for (const RelatedSpan& r : d.related) related += (related.empty() ? "" : "<br>") + where(r.span);
    out << fmt::format("| {} | `{}` {} | {} | {} | {} |\n", mark(d.severity), d.code, cell(d.name), cell(d.message),
                       where(d.primary), related);
  }
  bool any_help = std::any_of(result.diagnostics.begin(), result.diagnostics.end(),
                              [](const Diagnostic& d) { return !d.help.empty() && d.severity != Severity::note; });
  if (any_help) {
    out << "\n<details><summary>How to ship these changes safely</summary>\n\n";
    std::set<std::string> told;
    for (const Diagnostic& d : result.diagnostics) {
      if (d.help.empty() || d.severity == Severity::note) continue;
      std::string line = fmt::format("- **{}**{}: {}\n", d.code, d.object.empty() ? "" : " `" + d.object + "`", cell(d.help));
      if (told.insert(line).second) out << line;
    }
    out << "\n</details>\n";
  }
  out << "\nEach check is documented: `migcompat explain CODE`.\n";
}

void write_junit_report(std::ostream& out, const CheckResult& result) {
  struct Case {
    std::string classname, name, file;
    uint32_t line = 0;
    std::vector<const Diagnostic*> failures;
  };
  auto make_cases = [&](const std::vector<Span>& spans, const char* kind, bool by_related) {
    std::vector<Case> cases;
    for (const Span& span : spans) {
      Case c{std::string(kind) + "." + span.file->display_path(), fmt::format("{} {}", span.to_string(), first_line(span)),
             span.file->display_path(), span.start().line, {}};
      for (const Diagnostic& d : result.diagnostics) {
        if (d.severity != Severity::error) continue;
        bool hit = within(d.primary, span);
        if (by_related) {
          for (const RelatedSpan& r : d.related) hit = hit || within(r.span, span);
        }
        if (hit) c.failures.push_back(&d);
      }
      cases.push_back(std::move(c));
    }
    return cases;
  };
  std::vector<Case> queries = make_cases(result.query_spans, "old-queries", false);
  std::vector<Case> migrations = make_cases(result.statement_spans, "new-migrations", true);
  auto failures = [](const std::vector<Case>& cases) {
    return std::count_if(cases.begin(), cases.end(), [](const Case& c) { return !c.failures.empty(); });
  };
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out << fmt::format("<testsuites name=\"migcompat\" tests=\"{}\" failures=\"{}\" errors=\"0\">\n",
                     queries.size() + migrations.size(), failures(queries) + failures(migrations));
  auto suite = [&](const char* name, const std::vector<Case>& cases) {
    out << fmt::format("  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"0\" skipped=\"0\">\n", name, cases.size(),
                       failures(cases));
    for (const Case& c : cases) {
      out << fmt::format("    <testcase classname=\"{}\" name=\"{}\" file=\"{}\" line=\"{}\"", xml(c.classname), xml(c.name),
                         xml(c.file), c.line);
      if (c.failures.empty()) {
        out << "/>\n";
        continue;
      }
      // One <failure> per test case (what JUnit consumers expect); every finding in its text.
      std::string text;
      for (const Diagnostic* d : c.failures) text += (text.empty() ? "" : "\n\n") + diagnostic_text(*d);
      const Diagnostic& first = *c.failures.front();
      std::string message = c.failures.size() == 1 ? first.message
                                                   : fmt::format("{} (and {} more)", first.message, c.failures.size() - 1);
      out << fmt::format(">\n      <failure type=\"{}\" message=\"{}\">{}</failure>\n    </testcase>\n", xml(first.code),
                         xml(message), xml(text));
    }
    out << "  </testsuite>\n";
  };
  suite("old queries", queries);
  suite("new migration statements", migrations);
  out << "</testsuites>\n";
}

}  // namespace mc
