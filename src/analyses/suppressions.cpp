#include "analyses/suppressions.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cctype>

#include "analyses/checks.h"
#include "base/text.h"

namespace mc {

namespace {

constexpr std::string_view marker = "migcompat:ignore";

size_t line_end(std::string_view text, size_t at) {
  size_t nl = text.find('\n', at);
  return nl == std::string_view::npos ? text.size() : nl;
}

// A line holding nothing but a comment.
bool comment_only(std::string_view line) {
  size_t i = 0;
  while (i < line.size() && std::isspace(static_cast<unsigned char>(line[i]))) ++i;
  std::string_view rest = line.substr(i);
  return rest.starts_with("--") || rest.starts_with("//") || rest.starts_with("#") || rest.starts_with("/*") ||
         rest.starts_with("*");
}

bool looks_like_code(std::string_view word) {
  if (word.size() > 2 && (word[0] == 'M' || word[0] == 'm') && (word[1] == 'C' || word[1] == 'c')) {
    return std::all_of(word.begin() + 2, word.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
  }
  // A rule name: kebab-case with at least one dash.
  return word.find('-') != std::string_view::npos &&
         std::all_of(word.begin(), word.end(), [](char c) { return std::islower(static_cast<unsigned char>(c)) || c == '-'; });
}

}  // namespace

void Suppressions::add(const Statement& statement, const SourceFile& file, size_t from, size_t to) {
  std::string_view text = file.text();
  const std::vector<size_t>& markers = markers_in(file);
  for (auto it = std::lower_bound(markers.begin(), markers.end(), from); it != markers.end() && *it < to; ++it) {
    size_t at = *it;
    Span span{&file, at, at + marker.size()};
    size_t index = list_.size();
    auto seen = std::find(seen_.begin(), seen_.end(), std::make_pair(&file, at));
    if (seen == seen_.end()) {
      seen_.emplace_back(&file, at);
      Suppression s;
      s.where = span;
      std::string_view rest = text.substr(at + marker.size(), line_end(text, at) - at - marker.size());
      if (size_t close = rest.find("*/"); close != std::string_view::npos) rest = rest.substr(0, close);
      std::string words(rest);
      for (char& c : words) c = c == ',' ? ' ' : c;
      size_t pos = 0;
      while (true) {
        while (pos < words.size() && std::isspace(static_cast<unsigned char>(words[pos]))) ++pos;
        size_t end = pos;
        while (end < words.size() && !std::isspace(static_cast<unsigned char>(words[end]))) ++end;
        std::string_view word = std::string_view(words).substr(pos, end - pos);
        if (word.empty() || !looks_like_code(word)) break;
        s.codes.push_back(to_lower(word));
        pos = end;
      }
      s.reason = std::string(trim(std::string_view(words).substr(std::min(pos, words.size()))));
      list_.push_back(std::move(s));
    } else {
      index = static_cast<size_t>(seen - seen_.begin());
    }
    Span whole = statement.span();
    scopes_.push_back({&file, whole.begin, whole.end, index});
  }
}

const std::vector<size_t>& Suppressions::markers_in(const SourceFile& file) {
  auto [it, inserted] = markers_.try_emplace(&file);
  if (inserted) {
    std::string_view text = file.text();
    for (size_t at = text.find(marker); at != std::string_view::npos; at = text.find(marker, at + 1)) it->second.push_back(at);
  }
  return it->second;
}

void Suppressions::collect(const std::vector<Statement>& statements) {
  for (const Statement& s : statements) {
    Span span = s.span();
    if (!span.valid()) continue;
    // Lines through the file's index: searching for newlines from each statement of a one-line
    // (minified) file would cost the line's length per statement.
    const SourceFile& file = *span.file;
    auto end_of = [&](uint32_t line) { return file.line_begin(line) + file.line_text(line).size(); };
    uint32_t first = file.line_of(span.begin);
    // The block of comment-only lines right above the statement's first line.
    uint32_t above = first;
    while (above > 1 && comment_only(file.line_text(above - 1))) --above;
    add(s, file, file.line_begin(above), end_of(first));
    uint32_t last = file.line_of(span.end > 0 ? span.end - 1 : 0);
    if (last > first) add(s, file, file.line_begin(last), end_of(last));
  }
}

bool Suppressions::covers(const Diagnostic& d) {
  if (!d.primary.valid()) return false;
  std::string code = to_lower(d.code), name = to_lower(d.name);
  for (const Scope& scope : scopes_) {
    if (scope.file != d.primary.file || d.primary.begin < scope.begin || d.primary.begin >= std::max(scope.end, scope.begin + 1)) continue;
    Suppression& s = list_[scope.suppression];
    if (s.reason.empty()) continue;
    if (std::find(s.codes.begin(), s.codes.end(), code) != s.codes.end() ||
        std::find(s.codes.begin(), s.codes.end(), name) != s.codes.end()) {
      s.used = true;
      return true;
    }
  }
  return false;
}

std::vector<Diagnostic> Suppressions::problems() const {
  std::vector<Diagnostic> out;
  for (const Suppression& s : list_) {
    if (s.codes.empty() || s.reason.empty()) {
      Diagnostic d = make_diagnostic(checks::invalid_suppression);
      d.message = s.codes.empty() ? "this suppression names no check: write `migcompat:ignore MC101 why it is safe`"
                                  : "this suppression gives no reason, so it silences nothing: say why the finding is safe to ignore";
      d.primary = s.where;
      out.push_back(std::move(d));
    } else if (!s.used) {
      std::vector<std::string> shown;
      for (const std::string& code : s.codes) shown.push_back(code.starts_with("mc") ? to_upper(code) : code);
      Diagnostic d = make_diagnostic(checks::unused_suppression);
      d.message = fmt::format("this suppression of {} silences nothing here; remove it", fmt::join(shown, ", "));
      d.primary = s.where;
      out.push_back(std::move(d));
    }
  }
  return out;
}

}  // namespace mc
