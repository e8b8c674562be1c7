#include "inputs/code_sql.h"

#include <filesystem>

#include <fmt/format.h>

#include "base/text.h"
#include "inputs/concatenation.h"
#include "inputs/formatting.h"
#include "inputs/sql_shape.h"

namespace mc {

namespace fs = std::filesystem;

namespace {

constexpr int kMaxDepth = 16;  // constant chains deeper than this are treated as unresolvable

bool is_identifier(std::string_view s) {
  if (s.empty()) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    bool ok = std::isalpha(static_cast<unsigned char>(c)) || c == '_' || c == '$' ||
              (i > 0 && std::isdigit(static_cast<unsigned char>(c)));
    if (!ok) return false;
  }
  return true;
}

// The cooked text with every hole replaced by a neutral identifier, for shape tests.
std::string with_placeholders(const CodeLiteral& literal) {
  std::string out;
  size_t prev = 0;
  for (const CodeHole& hole : literal.holes) {
    out.append(literal.cooked, prev, hole.cooked_offset - prev);
    out += "mc_hole";
    prev = hole.cooked_offset;
  }
  out.append(literal.cooked, prev, std::string::npos);
  return out;
}

}  // namespace

bool is_js_path(std::string_view path) {
  for (std::string_view ext : {".ts", ".tsx", ".js", ".jsx", ".mjs", ".cjs", ".mts", ".cts"}) {
    if (path.size() > ext.size() && path.substr(path.size() - ext.size()) == ext) return true;
  }
  return false;
}

Language language_of(std::string_view path) {
  auto ends = [&](std::string_view ext) { return path.size() > ext.size() && path.substr(path.size() - ext.size()) == ext; };
  if (is_js_path(path)) return Language::js;
  if (ends(".py")) return Language::python;
  if (ends(".go")) return Language::go;
  if (ends(".java")) return Language::java;
  if (ends(".kt") || ends(".kts")) return Language::kotlin;
  if (ends(".rs")) return Language::rust;
  if (ends(".rb") || ends(".rake")) return Language::ruby;
  if (ends(".php")) return Language::php;
  return Language::none;
}

std::optional<std::string> resolve_module_path(const Tree& tree, const std::string& importer,
                                               const std::string& specifier) {
  if (specifier.empty() || specifier[0] != '.') return std::nullopt;
  fs::path base = (fs::path(importer).parent_path() / specifier).lexically_normal();
  std::string b = base.generic_string();
  if (b.rfind("..", 0) == 0) return std::nullopt;  // outside the tree
  std::vector<std::string> candidates = {b, b + ".ts", b + ".tsx", b + ".js", b + ".mjs", b + "/index.ts", b + "/index.js", b + ".py", b + "/__init__.py"};
  if (b.size() > 3 && b.substr(b.size() - 3) == ".js") candidates.push_back(b.substr(0, b.size() - 3) + ".ts");
  std::error_code ec;
  for (const auto& c : candidates) {
    if (fs::is_regular_file(tree.root / c, ec)) return c;
  }
  return std::nullopt;
}

const CodeModules::Module* CodeModules::load(const std::string& relative_path) {
  auto it = modules_.find(relative_path);
  if (it != modules_.end()) return it->second.get();
  const SourceFile& file = read_tree_file(sources_, tree_, relative_path);
  Language language = language_of(relative_path);
  CodeScan scan;
  ConcatenationSyntax concatenation = ConcatenationSyntax::plus;
  switch (language) {
    case Language::python:
      scan = scan_python(file.text());
      concatenation = ConcatenationSyntax::plus_or_adjacent;
      break;
    case Language::go:
      scan = scan_go(file.text());
      concatenation = ConcatenationSyntax::plus_same_line;  // a line break before `+` ends the statement
      break;
    case Language::java: scan = scan_java(file.text()); break;
    case Language::kotlin:
      scan = scan_kotlin(file.text());
      concatenation = ConcatenationSyntax::plus_same_line;
      break;
    case Language::rust: scan = scan_rust(file.text()); break;  // `+` joins no two literals in Rust: nothing folds
    case Language::ruby:
      scan = scan_ruby(file.text());
      concatenation = ConcatenationSyntax::plus_or_adjacent;
      break;
    case Language::php:
      scan = scan_php(file.text());
      concatenation = ConcatenationSyntax::dot;
      break;
    default: scan = scan_js(file.text()); break;
  }
  FormatSyntax formatting = language == Language::go       ? FormatSyntax::go
                            : language == Language::python ? FormatSyntax::python
                            : language == Language::rust   ? FormatSyntax::rust
                                                           : FormatSyntax::none;
  fold_formatting(scan, file.text(), formatting);
  fold_concatenations(scan, file.text(), concatenation);
  for (CodeLiteral& literal : scan.literals) template_placeholders(literal);
  auto module = std::make_unique<Module>(Module{&file, std::move(scan)});
  const Module* raw = module.get();
  modules_.emplace(relative_path, std::move(module));
  return raw;
}

std::optional<std::string> CodeModules::resolve(const std::string& module_path, const std::string& name, int depth,
                                              std::string& why) {
  if (depth > kMaxDepth) {
    why = fmt::format("`{}` is defined through too many constants", name);
    return std::nullopt;
  }
  const Module* module = load(module_path);
  if (auto c = module->scan.constants.find(name); c != module->scan.constants.end()) {
    return render(module_path, module->scan.literals[c->second], depth + 1, why, nullptr);
  }
  if (auto imp = module->scan.imports.find(name); imp != module->scan.imports.end()) {
    auto target = resolve_module_path(tree_, module_path, imp->second.module);
    if (!target) {
      why = fmt::format("`{}` is imported from \"{}\", which is not a file of this tree", name, imp->second.module);
      return std::nullopt;
    }
    return resolve(*target, imp->second.exported, depth + 1, why);
  }
  why = fmt::format("`{}` is not a string constant of this file or of a relative import", name);
  return std::nullopt;
}

std::optional<std::string> CodeModules::render(const std::string& module_path, const CodeLiteral& literal, int depth,
                                             std::string& why, size_t* failed_hole) {
  std::string out;
  size_t prev = 0;
  for (size_t h = 0; h < literal.holes.size(); ++h) {
    const CodeHole& hole = literal.holes[h];
    out.append(literal.cooked, prev, hole.cooked_offset - prev);
    prev = hole.cooked_offset;
    std::optional<std::string> value;
    if (is_identifier(hole.expression)) {
      value = resolve(module_path, hole.expression, depth, why);
    } else {
      std::string_view text = load(module_path)->file->text();
      why = fmt::format("`{}` is computed at run time", text.substr(hole.file_begin, hole.file_end - hole.file_begin));
    }
    if (!value) {
      if (failed_hole) *failed_hole = h;
      return std::nullopt;
    }
    out += *value;
  }
  out.append(literal.cooked, prev, std::string::npos);
  return out;
}

CodeSqlResult CodeModules::extract(const std::string& relative_path, SqlRole role) {
  CodeSqlResult result;
  const Module* module = load(relative_path);
  for (const CodeLiteral& literal : module->scan.literals) {
    if (literal.absorbed) continue;
    auto is_sql = [&](std::string_view text) {
      return role == SqlRole::queries ? looks_like_query(text) : looks_like_migration_statement(text);
    };
    std::string why;
    size_t failed_hole = 0;
    std::optional<std::string> rendered = render(relative_path, literal, 0, why, &failed_hole);
    // SQL by its own words, or once its constants are in (`BASE + " WHERE id = $1"`).
    bool wanted = is_sql(with_placeholders(literal)) || (rendered && !literal.holes.empty() && is_sql(*rendered));
    if (!wanted) continue;
    if (!rendered) {
      const CodeHole& hole = literal.holes[failed_hole];
      result.unresolved.push_back({Span{module->file, hole.file_begin, hole.file_end},
                                   Span{module->file, literal.file_begin, literal.file_end}, why});
      continue;
    }
    // Build the SQL again, now with a source map: literal characters map to themselves,
    // substituted values to their `${`.
    SqlText sql;
    sql.file = module->file;
    size_t prev = 0;
    auto copy_verbatim = [&](size_t from, size_t to) {
      for (size_t i = from; i < to; ++i) {
        if (i == from || literal.origin[i] != literal.origin[i - 1] + 1) sql.map.add_verbatim(sql.text.size(), literal.origin[i]);
        sql.text += literal.cooked[i];
      }
    };
    for (const CodeHole& hole : literal.holes) {
      copy_verbatim(prev, hole.cooked_offset);
      prev = hole.cooked_offset;
      std::string ignored;
      sql.map.add_substitution(sql.text.size(), hole.file_begin);
      sql.text += *resolve(relative_path, hole.expression, 0, ignored);
    }
    copy_verbatim(prev, literal.cooked.size());
    if (sql.text.empty()) continue;
    result.sql.push_back(std::move(sql));
  }
  return result;
}

}  // namespace mc
