#include "report/json_report.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

namespace mc {

namespace {

using nlohmann::ordered_json;

ordered_json location(const Span& span) {
  if (!span.valid()) return nullptr;
  LineCol start = span.start();
  LineCol end = span.file->line_col(span.end);
  return ordered_json{{"tree", span.file->tree()},
                      {"path", span.file->display_path()},
                      {"line", start.line},
                      {"column", start.column},
                      {"end_line", end.line},
                      {"end_column", end.column},
                      {"byte_begin", span.begin},
                      {"byte_end", span.end}};
}

ordered_json diagnostic(const Diagnostic& d) {
  ordered_json related = ordered_json::array();
  for (const RelatedSpan& r : d.related) related.push_back({{"location", location(r.span)}, {"label", r.label}});
  return ordered_json{{"severity", severity_name(d.severity)},
                      {"code", d.code},
                      {"name", d.name},
                      {"message", d.message},
                      {"object", d.object.empty() ? ordered_json(nullptr) : ordered_json(d.object)},
                      {"location", location(d.primary)},
                      {"label", d.primary_label},
                      {"related", related},
                      {"notes", d.notes},
                      {"help", d.help}};
}

// GitHub's annotation syntax: properties escape %, \r, \n, ':' and ','; messages %, \r, \n.
std::string escape(std::string_view s, bool property) {
  std::string out;
  for (char c : s) {
    if (c == '%') out += "%25";
    else if (c == '\r') out += "%0D";
    else if (c == '\n') out += "%0A";
    else if (property && c == ':') out += "%3A";
    else if (property && c == ',') out += "%2C";
    else out += c;
  }
  return out;
}

}  // namespace

void write_json_report(std::ostream& out, const CheckResult& result, std::string_view tool_version) {
  size_t errors = 0, warnings = 0, notes = 0;
  ordered_json diagnostics = ordered_json::array();
  for (const Diagnostic& d : result.diagnostics) {
    errors += d.severity == Severity::error;
    warnings += d.severity == Severity::warning;
    notes += d.severity == Severity::note;
    diagnostics.push_back(diagnostic(d));
  }
  ordered_json report{{"version", kJsonFormatVersion},
                      {"tool", {{"name", "migcompat"}, {"version", tool_version}}},
                      {"verdict", result.incompatible() ? "incompatible" : "compatible"},
                      {"dialect", dialect_name(result.dialect)},
                      {"engine", result.engine},
                      {"summary",
                       {{"errors", errors},
                        {"warnings", warnings},
                        {"notes", notes},
                        {"old_queries", result.queries},
                        {"new_statements", result.incoming_statements},
                        {"deployed_statements", result.deployed_statements}}},
                      {"diagnostics", diagnostics}};
  out << report.dump(2) << "\n";
}

void write_json_input_error(std::ostream& out, const InputError& error, std::string_view tool_version) {
  ordered_json report{{"version", kJsonFormatVersion},
                      {"tool", {{"name", "migcompat"}, {"version", tool_version}}},
                      {"verdict", "error"},
                      {"error",
                       {{"message", error.message},
                        {"location", error.where.valid() ? location(error.where) : ordered_json(nullptr)},
                        {"location_text", error.location_text}}}};
  out << report.dump(2) << "\n";
}

void write_github_report(std::ostream& out, const CheckResult& result) {
  for (const Diagnostic& d : result.diagnostics) {
    const char* level = d.severity == Severity::error ? "error" : d.severity == Severity::warning ? "warning" : "notice";
    std::string props;
    if (d.primary.valid()) {
      LineCol lc = d.primary.start();
      props = fmt::format(" file={},line={},col={},", escape(d.primary.file->display_path(), true), lc.line, lc.column);
    } else {
      props = " ";
    }
    std::string title = d.code.empty() ? std::string("migcompat") : fmt::format("{} {}", d.code, d.name);
    std::string message = d.message;
    if (!d.primary_label.empty()) message += "\n" + d.primary_label;
    for (const RelatedSpan& r : d.related) message += fmt::format("\n{}: {}", r.span.to_string(), r.label);
    if (!d.help.empty()) message += "\nhelp: " + d.help;
    out << fmt::format("::{}{}title={}::{}\n", level, props, escape(title, true), escape(message, false));
  }
  out << fmt::format("migcompat: {}\n", result.incompatible() ? "incompatible" : "compatible");
}

}  // namespace mc
