#include "inputs/formatting.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace mc {

namespace {

constexpr size_t max_call_length = 1 << 16;  // a call longer than this is not evaluated

bool word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

bool is_identifier(std::string_view s) {
  if (s.empty() || std::isdigit(static_cast<unsigned char>(s[0]))) return false;
  return std::all_of(s.begin(), s.end(), word_char);
}

std::string_view trim_view(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

struct Arg {
  size_t begin = 0, end = 0;          // the argument's text, trimmed
  std::optional<size_t> literal;      // exactly one literal (or an evaluated call)
  std::string keyword;                // `key=value` (Python) or `key = value` (Rust)
};

class Evaluator {
 public:
  Evaluator(CodeScan& scan, std::string_view text, FormatSyntax syntax) : scan_(scan), text_(text), syntax_(syntax) {
    for (size_t i = 0; i < scan_.literals.size(); ++i) index(i);
  }

  void run() {
    if (syntax_ == FormatSyntax::go) {
      for_each_call("strings.Join(", [&](size_t begin, size_t open) { go_join(begin, open); });
      for_each_call("fmt.Sprintf(", [&](size_t begin, size_t open) { printf_call(begin, open, true); });
    } else if (syntax_ == FormatSyntax::python) {
      for_each_call(".join(", [&](size_t begin, size_t open) { python_join(begin, open); });
      for_each_call(".format(", [&](size_t begin, size_t open) { python_format(begin, open); });
      python_percent();
    } else if (syntax_ == FormatSyntax::rust) {
      for_each_call("format!(", [&](size_t begin, size_t open) { printf_call(begin, open, false); });
    }
  }

 private:
  // Literals by where they start, the widest first (an evaluated call over its pieces).
  void index(size_t i) {
    const CodeLiteral& l = scan_.literals[i];
    auto it = by_begin_.find(l.file_begin);
    if (it == by_begin_.end() || scan_.literals[it->second].file_end < l.file_end) by_begin_[l.file_begin] = i;
  }

  std::optional<size_t> literal_at(size_t begin, size_t end) const {
    auto it = by_begin_.find(begin);
    if (it == by_begin_.end() || scan_.literals[it->second].file_end != end) return std::nullopt;
    return it->second;
  }

  bool inside_literal(size_t at) const {
    auto it = by_begin_.upper_bound(at);
    while (it != by_begin_.begin()) {
      --it;
      const CodeLiteral& l = scan_.literals[it->second];
      if (l.file_begin <= at && at < l.file_end) return true;
      if (at - l.file_begin > max_call_length) break;
    }
    return false;
  }

  template <class F>
  void for_each_call(std::string_view needle, F&& on_call) {
    for (size_t at = text_.find(needle); at != std::string_view::npos; at = text_.find(needle, at + 1)) {
      bool word_before = at > 0 && word_char(text_[at - 1]) && needle[0] != '.';
      if (word_before || inside_literal(at)) continue;
      on_call(at, at + needle.size() - 1);
    }
  }

  // The arguments of the call whose `(` (or `[`, `{`) is at `open`; nullopt when it does not close.
  std::optional<std::vector<Arg>> args(size_t open, size_t& close) {
    char closer = text_[open] == '(' ? ')' : text_[open] == '[' ? ']' : '}';
    std::vector<Arg> out;
    int depth = 0;
    size_t start = open + 1;
    size_t limit = std::min(text_.size(), open + max_call_length);
    for (size_t i = open + 1; i < limit; ++i) {
      if (auto it = by_begin_.find(i); it != by_begin_.end()) {
        i = scan_.literals[it->second].file_end - 1;
        continue;
      }
      char c = text_[i];
      if (c == '(' || c == '[' || c == '{') ++depth;
      else if ((c == ')' || c == ']' || c == '}') && depth > 0) --depth;
      else if ((c == closer && depth == 0) || (c == ',' && depth == 0)) {
        add_arg(start, i, out);
        start = i + 1;
        if (c == closer) {
          close = i;
          return out;
        }
      }
    }
    return std::nullopt;
  }

  void add_arg(size_t begin, size_t end, std::vector<Arg>& out) {
    auto space = [&](size_t i) { return std::isspace(static_cast<unsigned char>(text_[i])) != 0; };
    while (begin < end && space(begin)) ++begin;
    while (end > begin && space(end - 1)) --end;
    if (begin == end) return;  // a trailing comma
    Arg arg;
    arg.begin = begin;
    arg.end = end;
    // `key=value`: Python's keyword arguments, Rust's named ones.
    std::string_view t = text_.substr(begin, end - begin);
    size_t eq = t.find('=');
    if (eq != std::string_view::npos && eq > 0 && eq + 1 < t.size() && t[eq + 1] != '=' &&
        is_identifier(trim_view(t.substr(0, eq)))) {
      arg.keyword = std::string(trim_view(t.substr(0, eq)));
      arg.begin = begin + eq + 1;
      while (arg.begin < end && space(arg.begin)) ++arg.begin;
      if (arg.begin == end) return;
    }
    arg.literal = literal_at(arg.begin, arg.end);
    out.push_back(arg);
  }

  // The evaluated literal being built over [begin, end) of the file.
  struct Builder {
    CodeLiteral out;
    std::vector<size_t> pieces;  // literals it absorbs
  };

  void inline_literal(Builder& b, size_t index) {
    const CodeLiteral& l = scan_.literals[index];
    for (CodeHole hole : l.holes) {
      hole.cooked_offset += b.out.cooked.size();
      b.out.holes.push_back(std::move(hole));
    }
    b.out.cooked += l.cooked;
    b.out.origin.insert(b.out.origin.end(), l.origin.begin(), l.origin.end());
    b.out.interpolated = b.out.interpolated || l.interpolated;
    b.pieces.push_back(index);
  }

  void neutral(Builder& b, std::string_view value, size_t at) {
    for (char c : value) {
      b.out.cooked += c;
      b.out.origin.push_back(static_cast<uint32_t>(at));
    }
  }

  // A hole over [begin, end) of the file, named by that text or by `expression`.
  void hole(Builder& b, size_t begin, size_t end, std::string expression) {
    b.out.holes.push_back({b.out.cooked.size(), begin, end, std::move(expression)});
    b.out.interpolated = true;
  }
  void hole(Builder& b, size_t begin, size_t end) { hole(b, begin, end, std::string(text_.substr(begin, end - begin))); }

  // An argument in a formatted place: inlined, a hole for its name, or a neutral value where the
  // place is a value (a number, or inside SQL quotes).
  void place(Builder& b, const Arg* arg, bool numeric, bool quoted, size_t verb_at, size_t verb_end) {
    if (arg && arg->literal) {
      inline_literal(b, *arg->literal);
    } else if (numeric) {
      neutral(b, "0", verb_at);
    } else if (quoted) {
      neutral(b, "x", verb_at);
    } else if (arg) {
      hole(b, arg->begin, arg->end);
    } else {
      hole(b, verb_at, verb_end);  // no argument for it: unresolvable
    }
  }

  void finish(Builder& b, size_t begin, size_t end) {
    b.out.file_begin = begin;
    b.out.file_end = end;
    for (size_t p : b.pieces) scan_.literals[p].absorbed = true;
    scan_.literals.push_back(std::move(b.out));
    size_t index = scan_.literals.size() - 1;
    this->index(index);
    declare_constant(begin, index);
  }

  // `NAME = <call>`, `NAME := <call>`, `var NAME = <call>`, `let NAME = <call>` starting a line.
  void declare_constant(size_t call_begin, size_t index) {
    size_t line = text_.rfind('\n', call_begin == 0 ? 0 : call_begin - 1);
    line = line == std::string_view::npos ? 0 : line + 1;
    std::string_view before = trim_view(text_.substr(line, call_begin - line));
    if (before.size() < 2 || before.back() != '=' || before[before.size() - 2] == '=' || before[before.size() - 2] == '!') return;
    before.remove_suffix(before[before.size() - 2] == ':' ? 2 : 1);
    before = trim_view(before);
    for (std::string_view keyword : {"const ", "var ", "let ", "static "}) {
      if (before.substr(0, keyword.size()) == keyword) before = trim_view(before.substr(keyword.size()));
    }
    size_t colon = before.find(':');  // `let NAME: String`
    if (colon != std::string_view::npos) before = trim_view(before.substr(0, colon));
    if (!is_identifier(before)) return;
    scan_.constants.emplace(std::string(before), index);
  }

  bool quoted_so_far(const Builder& b) const { return std::count(b.out.cooked.begin(), b.out.cooked.end(), '\'') % 2 == 1; }

  // fmt.Sprintf (Go, `%s`) and format! (Rust, `{}`): the first argument is the format.
  void printf_call(size_t begin, size_t open, bool go) {
    size_t close = 0;
    auto list = args(open, close);
    if (!list || list->empty() || !(*list)[0].literal) return;
    const CodeLiteral& format = scan_.literals[*(*list)[0].literal];
    if (!format.holes.empty()) return;
    std::vector<Arg> rest(list->begin() + 1, list->end());
    Builder b;
    b.pieces.push_back(*(*list)[0].literal);
    bool ok = go ? expand_percent(format, rest, b) : expand_braces(format, rest, b, true);
    if (ok) finish(b, begin, close + 1);
    else unknown(*(*list)[0].literal, (*list)[0].end, close, begin, close + 1);
  }

  // A formatting call whose format this evaluation does not follow (`%(name)s`, `%[1]d`): the
  // format whole, then a hole for the arguments that cannot be resolved — could-not-check, not a
  // pass with the verbs taken for placeholders.
  void unknown(size_t format_index, size_t args_begin, size_t args_end, size_t begin, size_t end) {
    Builder b;
    inline_literal(b, format_index);
    while (args_begin < args_end && (text_[args_begin] == ',' || text_[args_begin] == '%' ||
                                     std::isspace(static_cast<unsigned char>(text_[args_begin])))) {
      ++args_begin;
    }
    if (args_begin >= args_end) return;
    hole(b, args_begin, args_end);
    finish(b, begin, end);
  }

  // Go's and Python's `%` verbs; arguments in order.
  bool expand_percent(const CodeLiteral& format, const std::vector<Arg>& rest, Builder& b) {
    const std::string& f = format.cooked;
    size_t next = 0;
    for (size_t i = 0; i < f.size(); ++i) {
      if (f[i] != '%') {
        b.out.cooked += f[i];
        b.out.origin.push_back(format.origin[i]);
        continue;
      }
      size_t j = i + 1;
      if (j < f.size() && f[j] == '%') {
        b.out.cooked += '%';
        b.out.origin.push_back(format.origin[i]);
        i = j;
        continue;
      }
      if (j < f.size() && (f[j] == '(' || f[j] == '[')) return false;  // %(name)s, %[1]d: not evaluated
      while (j < f.size() && std::string_view("+-# 0123456789.*").find(f[j]) != std::string_view::npos) ++j;
      if (j >= f.size()) return false;
      char verb = f[j];
      bool numeric = std::string_view("dibxXofFeEgG").find(verb) != std::string_view::npos;
      const Arg* arg = next < rest.size() ? &rest[next] : nullptr;
      ++next;
      size_t verb_end = format.origin[j] + 1;
      place(b, arg, numeric, quoted_so_far(b), format.origin[i], std::max<size_t>(verb_end, format.origin[i] + 1));
      i = j;
    }
    return true;
  }

  // `{}`, `{0}`, `{name}` (with an optional `:spec`), `{{` and `}}`: Python's str.format and
  // Rust's format!, whose `{NAME}` may also name a variable in scope.
  bool expand_braces(const CodeLiteral& format, const std::vector<Arg>& rest, Builder& b, bool capture_names) {
    const std::string& f = format.cooked;
    std::vector<const Arg*> positional;
    std::map<std::string, const Arg*> named;
    for (const Arg& a : rest) {
      if (a.keyword.empty()) positional.push_back(&a);
      else named[a.keyword] = &a;
    }
    size_t next = 0;
    for (size_t i = 0; i < f.size(); ++i) {
      char c = f[i];
      if ((c == '{' || c == '}') && i + 1 < f.size() && f[i + 1] == c) {
        b.out.cooked += c;
        b.out.origin.push_back(format.origin[i]);
        ++i;
        continue;
      }
      if (c != '{') {
        b.out.cooked += c;
        b.out.origin.push_back(format.origin[i]);
        continue;
      }
      size_t close = f.find('}', i);
      if (close == std::string::npos) return false;
      std::string field = f.substr(i + 1, close - i - 1);
      std::string spec;
      if (size_t colon = field.find(':'); colon != std::string::npos) {
        spec = field.substr(colon + 1);
        field.resize(colon);
      }
      bool numeric = !spec.empty() && std::string_view("dxXobeEfFgGn").find(spec.back()) != std::string_view::npos;
      const Arg* arg = nullptr;
      size_t verb_at = format.origin[i], verb_end = format.origin[close] + 1;
      if (field.empty()) {
        arg = next < positional.size() ? positional[next] : nullptr;
        ++next;
      } else if (std::all_of(field.begin(), field.end(), [](char d) { return std::isdigit(static_cast<unsigned char>(d)); })) {
        size_t k = std::stoul(field.substr(0, 6));
        arg = k < positional.size() ? positional[k] : nullptr;
      } else if (auto it = named.find(field); it != named.end()) {
        arg = it->second;
      } else if (capture_names && is_identifier(field)) {
        // Rust's captured identifier (and Python's unknown keyword): the name itself is the hole.
        if (numeric) neutral(b, "0", verb_at);
        else if (quoted_so_far(b)) neutral(b, "x", verb_at);
        else hole(b, verb_at + 1, verb_at + 1 + field.size(), field);
        i = close;
        continue;
      }
      place(b, arg, numeric, quoted_so_far(b), verb_at, verb_end);
      i = close;
    }
    return true;
  }

  // SEP.join([A, B, …]) / SEP.join((A, B, …)) in Python; strings.Join([]string{A, B, …}, SEP) in Go.
  bool join(Builder& b, const CodeLiteral& separator, size_t separator_index, const std::vector<Arg>& elements) {
    if (elements.empty() || !separator.holes.empty()) return false;
    for (size_t k = 0; k < elements.size(); ++k) {
      if (k > 0) {
        b.out.cooked += separator.cooked;
        b.out.origin.insert(b.out.origin.end(), separator.origin.begin(), separator.origin.end());
      }
      const Arg& e = elements[k];
      if (e.literal) inline_literal(b, *e.literal);
      else if (is_identifier(text_.substr(e.begin, e.end - e.begin))) hole(b, e.begin, e.end);
      else return false;
    }
    b.pieces.push_back(separator_index);
    return true;
  }

  void go_join(size_t begin, size_t open) {
    size_t close = 0;
    auto list = args(open, close);
    if (!list || list->size() != 2 || !(*list)[1].literal) return;
    std::string_view slice = text_.substr((*list)[0].begin, (*list)[0].end - (*list)[0].begin);
    if (slice.substr(0, 9) != "[]string{" || slice.back() != '}') return;
    size_t slice_close = 0;
    auto elements = args((*list)[0].begin + 8, slice_close);
    if (!elements) return;
    Builder b;
    size_t sep = *(*list)[1].literal;
    if (join(b, scan_.literals[sep], sep, *elements)) finish(b, begin, close + 1);
  }

  // The literal that ends right before `at` (spaces between allowed).
  std::optional<size_t> literal_ending_at(size_t at) const {
    size_t end = at;
    while (end > 0 && (text_[end - 1] == ' ' || text_[end - 1] == '\t')) --end;
    auto it = by_begin_.upper_bound(end);
    while (it != by_begin_.begin()) {
      --it;
      const CodeLiteral& l = scan_.literals[it->second];
      if (l.file_end == end && !l.absorbed) return it->second;
      if (end - l.file_begin > max_call_length) break;
    }
    return std::nullopt;
  }

  void python_join(size_t dot, size_t open) {
    auto sep = literal_ending_at(dot);
    if (!sep) return;
    size_t close = 0;
    auto list = args(open, close);
    if (!list || list->size() != 1) return;
    size_t inner = (*list)[0].begin;
    if (text_[inner] != '[' && text_[inner] != '(') return;
    size_t inner_close = 0;
    auto elements = args(inner, inner_close);
    if (!elements || inner_close + 1 != (*list)[0].end) return;
    Builder b;
    if (join(b, scan_.literals[*sep], *sep, *elements)) finish(b, scan_.literals[*sep].file_begin, close + 1);
  }

  void python_format(size_t dot, size_t open) {
    auto fmt = literal_ending_at(dot);
    if (!fmt || !scan_.literals[*fmt].holes.empty()) return;
    size_t close = 0;
    auto list = args(open, close);
    if (!list) return;
    Builder b;
    b.pieces.push_back(*fmt);
    const CodeLiteral& format = scan_.literals[*fmt];
    if (expand_braces(format, *list, b, false)) finish(b, format.file_begin, close + 1);
  }

  // "…" % ARG and "…" % (ARG, …).
  void python_percent() {
    size_t count = scan_.literals.size();
    for (size_t i = 0; i < count; ++i) {
      const CodeLiteral& format = scan_.literals[i];
      if (format.absorbed || !format.holes.empty() || format.cooked.find('%') == std::string::npos) continue;
      size_t at = format.file_end;
      while (at < text_.size() && (text_[at] == ' ' || text_[at] == '\t')) ++at;
      if (at + 1 >= text_.size() || text_[at] != '%' || text_[at + 1] == '=') continue;
      ++at;
      while (at < text_.size() && (text_[at] == ' ' || text_[at] == '\t')) ++at;
      std::vector<Arg> list;
      size_t end = at;
      if (at < text_.size() && (text_[at] == '{' || text_[at] == '[')) {  // a dict or a list: not followed
        size_t close = 0;
        if (!args(at, close)) continue;
        unknown(i, format.file_end, close + 1, format.file_begin, close + 1);
        continue;
      }
      if (at < text_.size() && text_[at] == '(') {
        size_t close = 0;
        auto parsed = args(at, close);
        if (!parsed) continue;
        list = std::move(*parsed);
        end = close + 1;
      } else {
        if (auto it = by_begin_.find(at); it != by_begin_.end()) {
          end = scan_.literals[it->second].file_end;
        } else {
          while (end < text_.size() && word_char(text_[end])) ++end;
        }
        if (end == at) continue;
        add_arg(at, end, list);
      }
      Builder b;
      b.pieces.push_back(i);
      size_t begin = format.file_begin, operand = format.file_end;
      CodeLiteral copy = format;  // `finish` may grow the literals
      if (expand_percent(copy, list, b)) finish(b, begin, end);
      else unknown(i, operand, end, begin, end);
    }
  }

  CodeScan& scan_;
  std::string_view text_;
  FormatSyntax syntax_;
  std::map<size_t, size_t> by_begin_;
};

}  // namespace

void fold_formatting(CodeScan& scan, std::string_view text, FormatSyntax syntax) {
  if (syntax == FormatSyntax::none) return;
  Evaluator(scan, text, syntax).run();
}

void template_placeholders(CodeLiteral& literal) {
  const std::string& s = literal.cooked;
  if (s.find("{{") == std::string::npos) return;
  CodeLiteral out;
  out.file_begin = literal.file_begin;
  out.file_end = literal.file_end;
  out.interpolated = literal.interpolated;
  out.absorbed = literal.absorbed;
  size_t next_hole = 0;
  auto flush_holes = [&](size_t upto) {
    while (next_hole < literal.holes.size() && literal.holes[next_hole].cooked_offset <= upto) {
      CodeHole h = literal.holes[next_hole++];
      h.cooked_offset = out.cooked.size();
      out.holes.push_back(std::move(h));
    }
  };
  for (size_t i = 0; i < s.size(); ++i) {
    flush_holes(i);
    if (s.compare(i, 2, "{{") == 0) {
      size_t close = s.find("}}", i + 2);
      std::string_view name = close == std::string::npos ? std::string_view() : trim_view(std::string_view(s).substr(i + 2, close - i - 2));
      bool hole_inside = next_hole < literal.holes.size() && literal.holes[next_hole].cooked_offset < (close == std::string::npos ? 0 : close + 2);
      bool contiguous = close != std::string::npos && literal.origin[close + 1] >= literal.origin[i];
      if (is_identifier(name) && !hole_inside && contiguous) {
        out.holes.push_back({out.cooked.size(), literal.origin[i], literal.origin[close + 1] + 1, std::string(name)});
        out.interpolated = true;
        i = close + 1;
        continue;
      }
    }
    out.cooked += s[i];
    out.origin.push_back(literal.origin[i]);
  }
  flush_holes(s.size());
  literal = std::move(out);
}

}  // namespace mc
