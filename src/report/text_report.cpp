#include "report/text_report.h"

#include <fmt/compile.h>
#include <fmt/format.h>

#include <algorithm>
#include <iterator>

#include "base/parallel.h"

namespace mc {

namespace {

struct Palette {
  const char* bold = "";
  const char* red = "";
  const char* yellow = "";
  const char* cyan = "";
  const char* blue = "";
  const char* green = "";
  const char* reset = "";
};

Palette palette(const TextStyle& style) {
  if (!style.color) return {};
  return {"\x1b[1m", "\x1b[1;31m", "\x1b[1;33m", "\x1b[1;36m", "\x1b[1;34m", "\x1b[1;32m", "\x1b[0m"};
}

const char* severity_color(Severity s, const Palette& p) {
  return s == Severity::error ? p.red : s == Severity::warning ? p.yellow : p.cyan;
}

// Display width of a byte range of one line (code points; tabs count as one).
size_t width(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// Text goes to a buffer that is written out once per finding: a lint may print tens of thousands.
using Buffer = fmt::memory_buffer;
// Appends straight into the buffer (a back_insert_iterator would go through fmt's copy buffer).
using fmt::appender;

void write_excerpt(Buffer& out, const Span& span, const std::string& label, const Palette& p, const char* mark_color,
                   char mark, size_t gutter) {
  LineCol lc = span.start();
  std::string_view line = span.file->line_text(lc.line);
  // Underline from the start to the end of the span, but not past this line. Bytes before the
  // span come from offsets, not a walk from the line start: a minified line may be 100 MB.
  size_t prefix_bytes = std::min(span.begin - span.file->line_begin(lc.line), line.size());
  size_t span_bytes = std::min(span.end - span.begin, line.size() - prefix_bytes);
  // A long line (minified code, a generated statement) is shown as a window around the span.
  constexpr size_t kContext = 60;
  std::string clipped_line;
  if (line.size() > 2 * kContext + 40) {
    size_t from = prefix_bytes > kContext ? prefix_bytes - kContext : 0;
    size_t to = std::min(line.size(), prefix_bytes + std::min<size_t>(span_bytes, kContext) + kContext);
    while (from > 0 && (static_cast<unsigned char>(line[from]) & 0xC0) == 0x80) --from;
    while (to < line.size() && (static_cast<unsigned char>(line[to]) & 0xC0) == 0x80) ++to;
    clipped_line = std::string(from > 0 ? "..." : "") + std::string(line.substr(from, to - from)) + (to < line.size() ? "..." : "");
    size_t shift = from > 0 ? 3 : 0;
    span_bytes = std::min(span_bytes, to - prefix_bytes);
    prefix_bytes = prefix_bytes - from + shift;
    line = clipped_line;
  }
  std::string pad(gutter, ' ');
  // Keep tabs so the caret lines up with the source line as the terminal shows it.
  std::string caret_prefix;
  for (char c : line.substr(0, prefix_bytes)) {
    if (c == '\t') caret_prefix += '\t';
    else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) caret_prefix += ' ';
  }
  fmt::format_to(appender(out), FMT_COMPILE("{}{} |{}\n"), p.blue, pad, p.reset);
  fmt::format_to(appender(out), FMT_COMPILE("{}{:>{}} |{} {}\n"), p.blue, lc.line, gutter, p.reset, line);
  fmt::format_to(appender(out), FMT_COMPILE("{}{} |{} {}{}{}{}{}{}\n"), p.blue, pad, p.reset, caret_prefix, mark_color,
                 std::string(std::max<size_t>(1, width(line.substr(prefix_bytes, span_bytes))), mark),
                 label.empty() ? "" : " ", label, p.reset);
}

size_t gutter_width(const Diagnostic& d) {
  uint32_t max_line = 1;
  if (d.primary.valid()) max_line = std::max(max_line, d.primary.start().line);
  for (const auto& r : d.related) {
    if (r.span.valid()) max_line = std::max(max_line, r.span.start().line);
  }
  return std::to_string(max_line).size();
}

void format_diagnostic(Buffer& text, const Diagnostic& d, const TextStyle& style) {
  Palette p = palette(style);
  const char* color = severity_color(d.severity, p);
  appender to(text);
  fmt::format_to(to, FMT_COMPILE("{}{}{}{}{}{}: {}{}{}\n"), color, severity_name(d.severity), d.code.empty() ? "" : "[", d.code,
                 d.code.empty() ? "" : "]", p.reset, p.bold, d.message, p.reset);
  size_t gutter = gutter_width(d);
  std::string pad(gutter, ' ');
  if (d.primary.valid()) {
    fmt::format_to(to, FMT_COMPILE("{}{}-->{} {}\n"), pad, p.blue, p.reset, d.primary.to_string());
    write_excerpt(text, d.primary, d.primary_label, p, color, '^', gutter);
  } else if (!d.primary_label.empty()) {
    fmt::format_to(to, FMT_COMPILE("{} = {}\n"), pad, d.primary_label);
  }
  for (const RelatedSpan& r : d.related) {
    fmt::format_to(to, FMT_COMPILE("{}{}:::{} {}\n"), pad, p.blue, p.reset, r.span.to_string());
    write_excerpt(text, r.span, r.label, p, p.blue, '-', gutter);
  }
  for (const std::string& note : d.notes) fmt::format_to(to, FMT_COMPILE("{} {}={} note: {}\n"), pad, p.blue, p.reset, note);
  if (!d.help.empty()) fmt::format_to(to, FMT_COMPILE("{} {}={} {}help{}: {}\n"), pad, p.blue, p.reset, p.green, p.reset, d.help);
  text.push_back('\n');
}

}  // namespace

void write_diagnostic(std::ostream& out, const Diagnostic& d, const TextStyle& style) {
  Buffer text;
  format_diagnostic(text, d, style);
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
}

void write_text_report(std::ostream& out, const CheckResult& result, const TextStyle& style) {
  Palette p = palette(style);
  size_t errors = 0, warnings = 0;
  const std::vector<Diagnostic>& found = result.diagnostics;
  // A lint may print tens of thousands of findings: they are formatted on every core, a window
  // at a time (the text of one window in memory, not the whole report's), and written in order.
  constexpr size_t window = 4096;
  std::vector<Buffer> texts(std::min(window, found.size()));
  for (size_t start = 0; start < found.size(); start += window) {
    size_t count = std::min(window, found.size() - start);
    parallel_for(count, 64, [&](size_t i) {
      texts[i].clear();
      format_diagnostic(texts[i], found[start + i], style);
    });
    for (size_t i = 0; i < count; ++i) out.write(texts[i].data(), static_cast<std::streamsize>(texts[i].size()));
  }
  for (const Diagnostic& d : found) {
    errors += d.severity == Severity::error;
    warnings += d.severity == Severity::warning;
  }
  const char* verdict_color = errors ? p.red : p.green;
  if (result.lint) {
    out << fmt::format("{}{}{}: {} error{}, {} warning{} in {} migration statement{}\n", verdict_color,
                       errors ? "failed" : "passed", p.reset, errors, errors == 1 ? "" : "s", warnings,
                       warnings == 1 ? "" : "s", result.incoming_statements, result.incoming_statements == 1 ? "" : "s");
    return;
  }
  out << fmt::format("{}{}{}: {} error{}, {} warning{}; {} old quer{} checked against {} new migration statement{} "
                     "({} deployed), {}\n",
                     verdict_color, errors ? "incompatible" : "compatible", p.reset, errors, errors == 1 ? "" : "s",
                     warnings, warnings == 1 ? "" : "s", result.queries, result.queries == 1 ? "y" : "ies",
                     result.incoming_statements, result.incoming_statements == 1 ? "" : "s", result.deployed_statements,
                     result.engine);
}

void write_input_error(std::ostream& out, const InputError& error, const TextStyle& style) {
  Palette p = palette(style);
  std::string where = error.where.valid() ? error.where.to_string() : error.location_text;
  out << fmt::format("{}migcompat: error{}: {}{}\n", p.red, p.reset, where.empty() ? "" : where + ": ", error.message);
}

}  // namespace mc
