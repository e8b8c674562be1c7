#include "analyses/sqlite_parts.h"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <map>
#include <memory>
#include <numeric>
#include <string>
#include <unordered_map>
#include <utility>

#include "base/diagnostic.h"
#include "base/parallel.h"
#include "base/text.h"

namespace mc {

namespace {

// A token of SQLite SQL as far as the split needs it: names (bare, quoted, and string literals,
// which SQLite takes for names in places) case folded; any other character as itself.
struct Token {
  enum Kind { word, name, punct } kind;
  std::string text;
};

bool word_byte(unsigned char c) { return std::isalnum(c) || c == '_' || c == '$' || c >= 0x80; }

std::vector<Token> tokens_of(std::string_view sql) {
  std::vector<Token> out;
  size_t i = 0;
  while (i < sql.size()) {
    i = skip_sql_trivia(sql, i);
    if (i >= sql.size()) break;
    unsigned char c = static_cast<unsigned char>(sql[i]);
    if (c == '\'' || c == '"' || c == '`' || c == '[') {
      char close = c == '[' ? ']' : static_cast<char>(c);
      std::string text;
      size_t j = i + 1;
      for (; j < sql.size(); ++j) {
        if (sql[j] != close) {
          text += sql[j];
        } else if (close != ']' && j + 1 < sql.size() && sql[j + 1] == close) {
          text += close;  // a doubled quote
          ++j;
        } else {
          break;
        }
      }
      out.push_back({Token::name, to_lower(text)});
      i = j + 1;
    } else if (word_byte(c)) {
      size_t j = i;
      while (j < sql.size() && word_byte(static_cast<unsigned char>(sql[j]))) ++j;
      out.push_back({Token::word, to_lower(sql.substr(i, j - i))});
      i = j;
    } else {
      out.push_back({Token::punct, std::string(1, static_cast<char>(c))});
      ++i;
    }
  }
  return out;
}

// A name of SQLite's own tables (sqlite_schema, sqlite_sequence, ...): shared by every part.
bool sqlite_own(const Token& t) { return t.kind != Token::punct && t.text.rfind("sqlite_", 0) == 0; }

// PRAGMAs that set the connection or the file header only: every part runs them, in order.
bool connection_setting(std::string_view pragma) {
  for (std::string_view known : {"foreign_keys", "legacy_alter_table", "defer_foreign_keys", "recursive_triggers",
                                 "user_version", "application_id"}) {
    if (pragma == known) return true;
  }
  return false;
}

bool is(const std::vector<Token>& t, size_t i, std::string_view word) {
  return i < t.size() && t[i].kind == Token::word && t[i].text == word;
}

// `[main.]name` at t[i]: the name, or nullopt for another schema or no name at all.
std::optional<std::string> object_name(const std::vector<Token>& t, size_t i) {
  if (i >= t.size() || t[i].kind == Token::punct) return std::nullopt;
  if (i + 2 < t.size() && t[i + 1].kind == Token::punct && t[i + 1].text == ".") {
    if (t[i].text != "main" || t[i + 2].kind == Token::punct) return std::nullopt;
    return t[i + 2].text;
  }
  return t[i].text;
}

// How one statement takes part in the split.
struct Reach {
  enum Kind { objects, every_part, no_part, unknown } kind = unknown;
  std::optional<std::string> creates;  // the name a CREATE or RENAME TO brings in
};

Reach reach_of(const std::vector<Token>& t, bool in_transaction) {
  if (t.empty() || t[0].kind != Token::word) return {};
  const std::string& first = t[0].text;
  if (first == "begin" || first == "commit" || first == "end") return {Reach::no_part, {}};
  if (first == "pragma") {
    // Inside a transaction foreign_keys does nothing; out of it, it does: not told apart here.
    bool plain = t.size() >= 2 && t[1].kind == Token::word && (t.size() == 2 || t[2].text != ".");
    if (in_transaction || !plain || !connection_setting(t[1].text)) return {};
    bool sets = t.size() > 2 && (t[2].text == "=" || t[2].text == "(");
    return {sets ? Reach::every_part : Reach::no_part, {}};  // reading a setting changes nothing
  }
  if (first == "create") {
    size_t i = 1;
    if (is(t, i, "unique")) ++i;
    if (!(is(t, i, "table") || is(t, i, "index") || is(t, i, "view") || is(t, i, "trigger"))) return {};
    ++i;
    if (is(t, i, "if") && is(t, i + 1, "not") && is(t, i + 2, "exists")) i += 3;
    std::optional<std::string> name = object_name(t, i);
    if (!name) return {};
    return {Reach::objects, name};
  }
  if (first == "alter") {
    if (!is(t, 1, "table")) return {};
    std::optional<std::string> table = object_name(t, 2);
    if (!table) return {};
    size_t after = t.size() > 3 && t[3].text == "." ? 5 : 3;
    if (is(t, after, "rename") && is(t, after + 1, "to")) {
      std::optional<std::string> renamed = object_name(t, after + 2);
      if (!renamed) return {};
      return {Reach::objects, renamed};
    }
    return {Reach::objects, {}};
  }
  if (first == "drop") {
    if (!(is(t, 1, "table") || is(t, 1, "index") || is(t, 1, "view") || is(t, 1, "trigger"))) return {};
    return {Reach::objects, {}};
  }
  for (std::string_view dml : {"insert", "replace", "update", "delete", "select", "with", "values"}) {
    if (first == dml) return {Reach::objects, {}};
  }
  return {};
}

// Union-find over the names the history creates.
class Groups {
 public:
  uint32_t add() {
    parent_.push_back(static_cast<uint32_t>(parent_.size()));
    return parent_.back();
  }
  uint32_t root(uint32_t x) {
    while (parent_[x] != x) x = parent_[x] = parent_[parent_[x]];
    return x;
  }
  void join(uint32_t a, uint32_t b) {
    a = root(a), b = root(b);
    if (a != b) parent_[std::max(a, b)] = std::min(a, b);
  }

 private:
  std::vector<uint32_t> parent_;
};

}  // namespace

std::optional<ReplayParts> partition_statements(const std::vector<Statement>& statements) {
  std::vector<std::vector<Token>> tokens;
  std::vector<Reach> reaches;
  tokens.reserve(statements.size());
  reaches.reserve(statements.size());
  std::unordered_map<std::string, uint32_t> created;  // name -> group
  Groups groups;
  bool in_transaction = false;
  for (const Statement& s : statements) {
    tokens.push_back(tokens_of(s.text()));
    Reach reach = reach_of(tokens.back(), in_transaction);
    if (reach.kind == Reach::unknown) return std::nullopt;
    const std::string& first = tokens.back()[0].text;
    if (first == "begin" || first == "commit" || first == "end") in_transaction = first == "begin";
    if (std::any_of(tokens.back().begin(), tokens.back().end(), sqlite_own)) return std::nullopt;
    if (reach.creates && !created.count(*reach.creates)) created.emplace(*reach.creates, groups.add());
    reaches.push_back(std::move(reach));
  }

  ReplayParts out;
  out.part_of.resize(statements.size());
  out.setting.resize(statements.size());
  std::vector<uint32_t> group_of(statements.size(), ReplayParts::no_part);
  for (size_t i = 0; i < statements.size(); ++i) {
    if (reaches[i].kind == Reach::every_part) {
      out.part_of[i] = ReplayParts::every_part;
      out.setting[i] = tokens[i][1].text;
      continue;
    }
    if (reaches[i].kind != Reach::objects) {
      out.part_of[i] = ReplayParts::no_part;
      continue;
    }
    std::optional<uint32_t> group;
    for (const Token& t : tokens[i]) {
      if (t.kind == Token::punct) continue;
      auto found = created.find(t.text);
      if (found == created.end()) continue;
      if (group) groups.join(*group, found->second);
      else group = found->second;
    }
    group_of[i] = group ? *group : groups.add();  // names nothing the history creates: alone
  }
  // Parts numbered in the order of their first statement.
  std::unordered_map<uint32_t, uint32_t> part_of_root;
  for (size_t i = 0; i < statements.size(); ++i) {
    if (group_of[i] == ReplayParts::no_part) continue;
    auto [at, fresh] = part_of_root.emplace(groups.root(group_of[i]), out.parts);
    if (fresh) ++out.parts;
    out.part_of[i] = at->second;
  }
  for (const auto& [name, group] : created) out.part_of_name.emplace(name, part_of_root.at(groups.root(group)));
  return out;
}

std::vector<bool> parts_named_in(const ReplayParts& parts, const std::vector<std::string_view>& texts) {
  std::vector<bool> named(parts.parts, false);
  for (std::string_view text : texts) {
    for (const Token& t : tokens_of(text)) {
      if (sqlite_own(t)) return std::vector<bool>(parts.parts, true);
      if (t.kind == Token::punct) continue;
      if (auto found = parts.part_of_name.find(t.text); found != parts.part_of_name.end()) named[found->second] = true;
    }
  }
  return named;
}

namespace {

// Settings a new connection starts without; the file's own (user_version, ...) it keeps.
bool connection_only(const std::string& pragma) { return pragma != "user_version" && pragma != "application_id"; }

// What each part runs, in order: its statements, each after the settings that changed since the
// part last ran one (not every setting in every part, which would cost parts x settings).
struct PartPlans {
  std::vector<std::vector<size_t>> steps;
  std::map<std::string, size_t> settings_at_cut, settings_at_end;  // PRAGMA -> statement setting it
};

PartPlans plan_parts(const ReplayParts& parts, size_t cut) {
  PartPlans out;
  out.steps.resize(parts.parts);
  std::map<std::string, size_t> latest;
  std::vector<std::map<std::string, size_t>> in_force(parts.parts);
  auto at_cut = [&] {
    out.settings_at_cut = latest;
    auto forget = [](std::map<std::string, size_t>& settings) {
      std::erase_if(settings, [](const auto& setting) { return connection_only(setting.first); });
    };
    forget(latest);
    for (auto& part : in_force) forget(part);
  };
  for (size_t i = 0; i < parts.part_of.size(); ++i) {
    if (i == cut) at_cut();
    uint32_t p = parts.part_of[i];
    if (p == ReplayParts::no_part) continue;
    if (p == ReplayParts::every_part) {
      latest[parts.setting[i]] = i;
      continue;
    }
    for (const auto& [pragma, at] : latest) {
      auto [ran, fresh] = in_force[p].emplace(pragma, at);
      if (!fresh && ran->second == at) continue;
      ran->second = at;
      out.steps[p].push_back(at);
    }
    out.steps[p].push_back(i);
  }
  if (cut >= parts.part_of.size()) at_cut();
  out.settings_at_end = std::move(latest);
  return out;
}

// SQLite lets a view or trigger name what does not exist, and then refuses every later ALTER
// TABLE ... RENAME or DROP COLUMN anywhere in the schema. A part never sees another part's broken
// object, so each part is put to that test at its end, by renaming a probe table. (An object
// broken in a part is broken in the merged schema too: what it names, no part creates, or the
// name would have joined that part to it.)
bool passes_rename_test(sqlite::Database& db) {
  for (const char* sql : {"CREATE TABLE migcompat_probe (x)", "ALTER TABLE migcompat_probe RENAME TO migcompat_probe_renamed",
                          "DROP TABLE migcompat_probe_renamed"}) {
    if (db.execute(sql)) return false;
  }
  return true;
}

// The parts merged into `merged` (empty), those of `only` if given; each freed once merged.
bool merge_parts(sqlite::Database& merged, std::vector<std::shared_ptr<sqlite::Database>>& parts,
                 const std::vector<bool>* only) {
  for (size_t p = 0; p < parts.size(); ++p) {
    if ((!only || (*only)[p]) && merged.merge_from(*parts[p])) return false;
    parts[p].reset();
  }
  return true;
}

// `merged` copied into `target`, then `settings` run on the target's connection, in their order.
void settle(sqlite::Database& merged, sqlite::Database& target, const std::map<std::string, size_t>& settings,
            const PartsRun& run) {
  merged.copy_to(target);
  std::vector<size_t> in_order;
  for (const auto& [pragma, at] : settings) in_order.push_back(at);
  std::sort(in_order.begin(), in_order.end());
  for (size_t at : in_order) run.apply_setting(target, run.statements[at]);
}

}  // namespace

bool replay_in_parts(const ReplayParts& parts, const PartsRun& run, sqlite::Database& deployed, sqlite::Database* next) {
  PartPlans plans = plan_parts(parts, run.cut);
  // Largest parts first, so that the last one to finish is a small one.
  std::vector<size_t> order(plans.steps.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return plans.steps[a].size() > plans.steps[b].size(); });
  std::vector<std::shared_ptr<sqlite::Database>> as_deployed(plans.steps.size()), as_new(plans.steps.size());
  std::vector<catalog::Catalog> catalogs(run.deployed_catalog ? plans.steps.size() : 0);
  std::atomic<bool> failed{false};
  parallel_for(order.size(), 1, [&](size_t k) {
    if (failed) return;
    size_t p = order[k];
    auto db = std::make_shared<sqlite::Database>();
    bool past_cut = false;
    try {
      for (size_t i : plans.steps[p]) {
        if (!past_cut && i >= run.cut) {
          // The new statements run on a new connection, as on a copy of the deployed database.
          past_cut = true;
          auto copy = std::make_shared<sqlite::Database>();
          db->copy_to(*copy);
          as_deployed[p] = std::exchange(db, std::move(copy));
        }
        if (parts.part_of[i] == ReplayParts::every_part) run.apply_setting(*db, run.statements[i]);
        else if (i < run.cut) run.apply_deployed(*db, run.statements[i]);
        else run.apply_new(*db, i);
      }
      if (!passes_rename_test(*db)) failed = true;
    } catch (const InputError&) {
      failed = true;  // the whole replay will name the statement, with the error it gets there
      return;
    }
    if (past_cut) {
      as_new[p] = std::move(db);
    } else {
      as_deployed[p] = std::move(db);
      as_new[p] = as_deployed[p];  // no new statement changed it: merged into both
    }
    if (run.deployed_catalog) catalogs[p] = as_deployed[p]->read_catalog();
  });
  if (failed) return false;
  sqlite::Database merged_deployed, merged_next;
  if (!merge_parts(merged_deployed, as_deployed, run.merge_only)) return false;
  if (next && !merge_parts(merged_next, as_new, run.merge_only)) return false;
  if (run.deployed_catalog) {
    // The parts share no relation: each one's are added whole (shared, not copied).
    for (const catalog::Catalog& part : catalogs) {
      std::vector<std::string> names;
      for (const auto& [key, relation] : part.relations()) names.push_back(relation.name);
      run.deployed_catalog->replace_relations(part, names);
    }
  }
  settle(merged_deployed, deployed, plans.settings_at_cut, run);
  if (next) settle(merged_next, *next, plans.settings_at_end, run);
  return true;
}

}  // namespace mc
