#include "report/sarif_report.h"

#include <fmt/format.h>

#include <map>
#include <nlohmann/json.hpp>

#include "analyses/checks.h"
#include "analyses/rules/rule.h"
#include "base/text.h"

namespace mc {

namespace {

using nlohmann::ordered_json;

const char* level(Severity s) { return s == Severity::error ? "error" : s == Severity::warning ? "warning" : "note"; }

// Locations are relative to the tree roots; the old and the new tree are the same app, so both
// resolve against the checkout the report is about (%SRCROOT%). The tree is kept as a property.
ordered_json physical_location(const Span& span) {
  LineCol start = span.start();
  LineCol end = span.file->line_col(span.end > span.begin ? span.end : span.begin + 1);
  ordered_json region{{"startLine", start.line}, {"startColumn", start.column}};
  if (end.line >= start.line) {
    region["endLine"] = end.line;
    region["endColumn"] = std::max<uint32_t>(end.column, end.line == start.line ? start.column + 1 : 1);
  }
  region["snippet"] = {{"text", std::string(span.file->line_text(start.line))}};
  return ordered_json{{"artifactLocation", {{"uri", span.file->display_path()}, {"uriBaseId", "%SRCROOT%"}}},
                      {"region", region}};
}

// FNV-1a: small, stable across platforms and runs.
std::string fingerprint(const Diagnostic& d) {
  std::string key = d.code + "|" + d.object;
  if (d.primary.valid()) {
    key += "|" + d.primary.file->display_path() + "|" + std::string(trim(d.primary.file->line_text(d.primary.start().line)));
  } else {
    key += "|" + d.message;
  }
  uint64_t hash = 14695981039346656037ull;
  for (unsigned char c : key) hash = (hash ^ c) * 1099511628211ull;
  return fmt::format("{:016x}", hash);
}

struct RuleEntry {
  std::string id, name, summary, help;
  Severity severity;
  std::string category;
};

std::vector<RuleEntry> rule_entries() {
  std::vector<RuleEntry> out;
  for (const CheckInfo& check : all_checks) {
    out.push_back({std::string(check.code), std::string(check.name), std::string(check.summary),
                   fmt::format("{}. See docs/checks.md.", check.summary), check.severity, "check"});
  }
  for (const rules::Rule* rule : rules::all_rules()) {
    out.push_back({std::string(rule->info.code), std::string(rule->info.name), std::string(rule->info.summary),
                   std::string(rules::rule_doc(rule->info.name)), rule->info.severity,
                   rules::category_name(rule->info.category)});
  }
  return out;
}

}  // namespace

void write_sarif_report(std::ostream& out, const CheckResult& result, std::string_view tool_version) {
  std::vector<RuleEntry> entries = rule_entries();
  std::map<std::string, size_t> index;
  ordered_json rules = ordered_json::array();
  for (const RuleEntry& e : entries) {
    index[e.id] = rules.size();
    rules.push_back({{"id", e.id},
                     {"name", e.name},
                     {"shortDescription", {{"text", e.summary}}},
                     {"fullDescription", {{"text", e.summary}}},
                     {"help", {{"text", e.help}, {"markdown", e.help}}},
                     {"defaultConfiguration", {{"level", level(e.severity)}}},
                     {"properties", {{"category", e.category}, {"tags", {"migrations", "compatibility", e.category}}}}});
  }

  ordered_json results = ordered_json::array();
  std::string root;
  for (const Diagnostic& d : result.diagnostics) {
    std::string message = d.message;
    if (!d.help.empty()) message += "\n\nDo instead: " + d.help;
    ordered_json r{{"ruleId", d.code.empty() ? "MC000" : d.code}};
    if (auto it = index.find(d.code); it != index.end()) r["ruleIndex"] = it->second;
    r["level"] = level(d.severity);
    r["message"] = {{"text", message}};
    if (d.primary.valid()) {
      r["locations"] = ordered_json::array({{{"physicalLocation", physical_location(d.primary)}}});
      if (root.empty() && d.primary.file->tree() == "new") {
        std::string absolute = d.primary.file->absolute_path().string();
        std::string display = d.primary.file->display_path();
        if (absolute.size() >= display.size()) root = absolute.substr(0, absolute.size() - display.size());
      }
    }
    ordered_json related = ordered_json::array();
    int id = 1;
    for (const RelatedSpan& rel : d.related) {
      if (!rel.span.valid()) continue;
      related.push_back({{"id", id++}, {"message", {{"text", rel.label}}}, {"physicalLocation", physical_location(rel.span)}});
    }
    if (!related.empty()) r["relatedLocations"] = related;
    r["partialFingerprints"] = {{"migcompatFinding/v1", fingerprint(d)}};
    ordered_json properties = ordered_json::object();
    if (!d.object.empty()) properties["object"] = d.object;
    if (d.primary.valid()) properties["tree"] = d.primary.file->tree();
    if (!d.notes.empty()) properties["notes"] = d.notes;
    if (!properties.empty()) r["properties"] = properties;
    results.push_back(std::move(r));
  }

  ordered_json run{{"tool",
                    {{"driver",
                      {{"name", "migcompat"},
                       {"version", std::string(tool_version)},
                       {"semanticVersion", std::string(tool_version)},
                       {"informationUri", "https://github.com/migcompat/migcompat"},
                       {"rules", rules}}}}},
                   {"invocations", ordered_json::array({{{"executionSuccessful", true}}})},
                   {"columnKind", "unicodeCodePoints"},
                   {"results", results}};
  if (!root.empty()) {
    if (root.back() != '/') root += '/';
    run["originalUriBaseIds"] = {{"%SRCROOT%", {{"uri", "file://" + root}}}};
  }
  run["properties"] = {{"verdict", result.incompatible() ? "incompatible" : "compatible"}, {"engine", result.engine}};
  ordered_json log{{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"}, {"version", "2.1.0"}, {"runs", {run}}};
  out << log.dump(2) << "\n";
}

}  // namespace mc
