#include "inputs/concatenation.h"

#include <algorithm>
#include <cctype>
#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace mc {

namespace {

constexpr size_t none = std::numeric_limits<size_t>::max();

bool word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$'; }

// The operator that joins two strings.
char join_operator(ConcatenationSyntax syntax) { return syntax == ConcatenationSyntax::dot ? '.' : '+'; }
bool hash_comments(ConcatenationSyntax syntax) {
  return syntax == ConcatenationSyntax::plus_or_adjacent || syntax == ConcatenationSyntax::dot;
}
bool slash_comments(ConcatenationSyntax syntax) { return syntax != ConcatenationSyntax::plus_or_adjacent; }

// The end of the name starting at text[i]; PHP's class constants (`self::TABLE`) count as one.
size_t name_end(std::string_view text, size_t i, size_t limit, ConcatenationSyntax syntax) {
  while (i < limit) {
    if (word_char(text[i])) {
      ++i;
    } else if (syntax == ConcatenationSyntax::dot && i + 2 < limit && text[i] == ':' && text[i + 1] == ':' && word_char(text[i + 2])) {
      i += 2;
    } else {
      break;
    }
  }
  return i;
}

// The start of the name ending at text[end] (exclusive), as name_end reads it.
size_t name_begin(std::string_view text, size_t end, ConcatenationSyntax syntax) {
  size_t i = end;
  while (i > 0) {
    if (word_char(text[i - 1])) {
      --i;
    } else if (syntax == ConcatenationSyntax::dot && i >= 3 && text[i - 1] == ':' && text[i - 2] == ':' && word_char(text[i - 3])) {
      i -= 2;
    } else {
      break;
    }
  }
  return i;
}

// The code between two literals, as the few tokens a concatenation may hold.
struct Gap {
  struct Token {
    std::string_view text;
    size_t offset = 0;
    bool newline_before = false;  // a line break (not escaped with `\`) since the previous token
  };
  std::vector<Token> tokens;
  bool trailing_newline = false;  // a line break after the last token
  int depth_change = 0;           // brackets opened minus closed
};

Gap read_gap(std::string_view text, size_t from, size_t to, ConcatenationSyntax syntax) {
  Gap gap;
  bool newline = false;
  size_t i = from;
  while (i < to) {
    char c = text[i];
    if (c == '\n') {
      newline = true;
      ++i;
    } else if (c == '\\' && i + 1 < to && text[i + 1] == '\n' && syntax == ConcatenationSyntax::plus_or_adjacent) {
      i += 2;  // an explicit line continuation
    } else if (std::isspace(static_cast<unsigned char>(c))) {
      ++i;
    } else if (hash_comments(syntax) && c == '#') {
      while (i < to && text[i] != '\n') ++i;
    } else if (slash_comments(syntax) && c == '/' && i + 1 < to && text[i + 1] == '/') {
      while (i < to && text[i] != '\n') ++i;
    } else if (slash_comments(syntax) && c == '/' && i + 1 < to && text[i + 1] == '*') {
      size_t close = text.find("*/", i + 2);
      i = close == std::string_view::npos || close + 2 > to ? to : close + 2;
    } else {
      size_t start = i;
      if (word_char(c)) {
        i = name_end(text, i, to, syntax);
      } else {
        ++i;
        if (c == '(' || c == '[' || c == '{') ++gap.depth_change;
        if (c == ')' || c == ']' || c == '}') --gap.depth_change;
      }
      gap.tokens.push_back({text.substr(start, i - start), start, newline});
      newline = false;
    }
  }
  gap.trailing_newline = newline;
  return gap;
}

bool is_name(std::string_view token) {
  return !token.empty() && (std::isalpha(static_cast<unsigned char>(token[0])) || token[0] == '_' || token[0] == '$');
}

// How two neighbouring literals are joined, if they are.
struct Join {
  bool joined = false;
  std::optional<Gap::Token> name;  // `+ NAME +` between them
};

Join join_of(const Gap& gap, ConcatenationSyntax syntax, int depth) {
  auto line_break_ok = [&](const Gap::Token& t) {
    if (!t.newline_before) return true;
    if (syntax == ConcatenationSyntax::plus_same_line) return false;  // Go ends the statement there
    if (syntax == ConcatenationSyntax::plus_or_adjacent) return depth > 0;
    return true;
  };
  const auto& t = gap.tokens;
  if (t.empty()) {
    bool adjacent_ok = syntax == ConcatenationSyntax::plus_or_adjacent && (!gap.trailing_newline || depth > 0);
    return {adjacent_ok, std::nullopt};
  }
  bool lines_ok = std::all_of(t.begin(), t.end(), line_break_ok) &&
                  (!gap.trailing_newline || syntax != ConcatenationSyntax::plus_or_adjacent || depth > 0);
  if (!lines_ok) return {};
  const char op[] = {join_operator(syntax), '\0'};
  if (t.size() == 1 && t[0].text == op) return {true, std::nullopt};
  if (t.size() == 3 && t[0].text == op && is_name(t[1].text) && t[2].text == op) return {true, t[1]};
  return {};
}

// `NAME +` just before `at`, itself after an opener (`(`, `,`, `=`, `[`, `{`, `:`, `return`).
std::optional<Gap::Token> leading_name(std::string_view text, size_t at, ConcatenationSyntax syntax) {
  char op = join_operator(syntax);
  size_t i = at;
  auto skip_back = [&] {
    while (i > 0 && (text[i - 1] == ' ' || text[i - 1] == '\t')) --i;
  };
  skip_back();
  if (i == 0 || text[i - 1] != op) return std::nullopt;
  --i;
  skip_back();
  size_t end = i;
  i = name_begin(text, i, syntax);
  std::string_view name = text.substr(i, end - i);
  if (!is_name(name)) return std::nullopt;
  size_t begin = i;
  skip_back();
  size_t word_end = i;
  while (i > 0 && word_char(text[i - 1])) --i;
  bool opener = word_end > 0 && std::string_view("(,=[{:").find(text[word_end - 1]) != std::string_view::npos;
  if (!opener && text.substr(i, word_end - i) != "return") return std::nullopt;
  return Gap::Token{name, begin, false};
}

// The first character after `at` that is not a space or tab, or '\n' at a line end or the end.
char next_char(std::string_view text, size_t at) {
  while (at < text.size() && (text[at] == ' ' || text[at] == '\t' || text[at] == '\r')) ++at;
  return at < text.size() ? text[at] : '\n';
}

bool ends_expression(char c) { return std::string_view("),;]}\n").find(c) != std::string_view::npos; }

// `+ NAME` just after `at`, ending the expression.
std::optional<Gap::Token> trailing_name(std::string_view text, size_t at, ConcatenationSyntax syntax) {
  char op = join_operator(syntax);
  size_t i = at;
  while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
  if (i >= text.size() || text[i] != op) return std::nullopt;
  ++i;
  while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
  size_t begin = i;
  i = name_end(text, i, text.size(), syntax);
  std::string_view name = text.substr(begin, i - begin);
  if (!is_name(name) || !ends_expression(next_char(text, i))) return std::nullopt;
  return Gap::Token{name, begin, false};
}

void add_hole(CodeLiteral& out, const Gap::Token& name) {
  // A PHP class constant of the same class is the constant of the file.
  std::string_view expression = name.text;
  for (std::string_view scope : {"self::", "static::"}) {
    if (expression.substr(0, scope.size()) == scope) expression.remove_prefix(scope.size());
  }
  out.holes.push_back({out.cooked.size(), name.offset, name.offset + name.text.size(), std::string(expression)});
  out.interpolated = true;
}

void append(CodeLiteral& out, const CodeLiteral& piece) {
  for (CodeHole hole : piece.holes) {
    hole.cooked_offset += out.cooked.size();
    out.holes.push_back(std::move(hole));
  }
  out.cooked += piece.cooked;
  out.origin.insert(out.origin.end(), piece.origin.begin(), piece.origin.end());
  out.interpolated = out.interpolated || piece.interpolated;
}

}  // namespace

void fold_concatenations(CodeScan& scan, std::string_view text, ConcatenationSyntax syntax) {
  // Literals outside any other, in file order (nested template literals stay as they are).
  std::vector<size_t> order(scan.literals.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return scan.literals[a].file_begin < scan.literals[b].file_begin; });
  std::vector<size_t> top;
  for (size_t i : order) {
    if (!top.empty() && scan.literals[i].file_begin < scan.literals[top.back()].file_end) continue;
    top.push_back(i);
  }

  std::vector<size_t> folded_into(scan.literals.size(), none);
  int depth = 0;
  size_t previous_end = 0;
  for (size_t k = 0; k < top.size();) {
    const CodeLiteral& head = scan.literals[top[k]];
    depth += read_gap(text, previous_end, head.file_begin, syntax).depth_change;
    // Extend the chain while neighbours join.
    size_t last = k;
    std::vector<Join> joins;
    while (last + 1 < top.size()) {
      const CodeLiteral& a = scan.literals[top[last]];
      const CodeLiteral& b = scan.literals[top[last + 1]];
      Gap gap = read_gap(text, a.file_end, b.file_begin, syntax);
      Join join = join_of(gap, syntax, depth);
      if (!join.joined) break;
      depth += gap.depth_change;
      joins.push_back(join);
      ++last;
    }
    std::optional<Gap::Token> lead = leading_name(text, head.file_begin, syntax);
    std::optional<Gap::Token> trail = trailing_name(text, scan.literals[top[last]].file_end, syntax);
    bool any_name = lead || trail || std::any_of(joins.begin(), joins.end(), [](const Join& j) { return j.name.has_value(); });
    if (last > k || any_name) {
      CodeLiteral merged;
      merged.file_begin = lead ? lead->offset : head.file_begin;
      if (lead) add_hole(merged, *lead);
      for (size_t m = k; m <= last; ++m) {
        if (m > k && joins[m - k - 1].name) add_hole(merged, *joins[m - k - 1].name);
        append(merged, scan.literals[top[m]]);
      }
      if (trail) add_hole(merged, *trail);
      merged.file_end = trail ? trail->offset + trail->text.size() : scan.literals[top[last]].file_end;
      for (size_t m = k; m <= last; ++m) {
        scan.literals[top[m]].absorbed = true;
        folded_into[top[m]] = scan.literals.size();
      }
      scan.literals.push_back(std::move(merged));
    }
    previous_end = scan.literals[top[last]].file_end;
    k = last + 1;
  }

  // A constant declared by a chain names the folded literal when the chain starts its value and
  // the expression ends with it; a value that goes on (`"a" + f()`) is no constant.
  for (auto it = scan.constants.begin(); it != scan.constants.end();) {
    size_t index = it->second;
    if (folded_into[index] != none) {
      const CodeLiteral& merged = scan.literals[folded_into[index]];
      if (merged.file_begin != scan.literals[index].file_begin) {
        it = scan.constants.erase(it);
        continue;
      }
      index = it->second = folded_into[index];
    }
    char after = next_char(text, scan.literals[index].file_end);
    if (after == join_operator(syntax) || after == '"' || after == '\'') {
      it = scan.constants.erase(it);
      continue;
    }
    ++it;
  }
}

}  // namespace mc
