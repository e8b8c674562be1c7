#include "analyses/sqlite_differential.h"

#include <fmt/format.h>

#include <functional>
#include <set>

#include "base/text.h"

namespace mc {

namespace {

using sqlite::Value;

// A value set: the value of parameter `index` on run `run` (0, or 1 for the repeated INSERT).
struct Candidate {
  std::string label;
  std::function<Value(int index, int run)> value;
  bool varies_per_run;
};

std::vector<Candidate> candidates(const std::vector<std::string>& literals, int params) {
  std::vector<Candidate> out;
  out.push_back({"1", [](int, int run) { return Value{int64_t{1 + run}}; }, true});
  out.push_back({"distinct integers", [](int i, int run) { return Value{int64_t{1000 * (run + 1) + i}}; }, true});
  out.push_back({"distinct strings", [](int i, int run) { return Value{fmt::format("mc_{}_{}", i, run)}; }, true});
  // A constant of a CHECK in one parameter at a time, 1 in the others (which then match the
  // seeded row in WHERE clauses).
  for (const std::string& lit : literals) {
    for (int at = 0; at < params; ++at) {
      out.push_back({fmt::format("'{}' for parameter {}, 1 elsewhere", lit, at + 1),
                     [lit, at](int i, int) { return i == at ? Value{lit} : Value{int64_t{1}}; }, false});
    }
  }
  return out;
}

bool numeric_affinity(std::string_view type) {
  std::string t = to_lower(type);
  return t.find("int") != std::string::npos || t.find("real") != std::string::npos ||
         t.find("floa") != std::string::npos || t.find("doub") != std::string::npos ||
         t.find("num") != std::string::npos || t.find("dec") != std::string::npos || t.find("bool") != std::string::npos;
}

// One row in each table the write updates or deletes from, so it has something to act on. The
// value 1 (or '1') in every column without a default matches the "1" candidate's WHERE clauses.
void seed(sqlite::Database& db, const catalog::Catalog& cat, const std::set<std::string>& tables) {
  for (const std::string& table : tables) {
    const catalog::Relation* rel = cat.find_relation(table);
    if (!rel || rel->kind != catalog::RelationKind::table) continue;
    std::string columns, values;
    for (const catalog::Column& c : rel->columns) {
      // Defaults are left to the engine: they satisfy the table's constraints, our values may not.
      if ((c.generated && c.primary_key_position == 0) || c.default_expr) continue;
      columns += (columns.empty() ? "" : ", ") + fmt::format("\"{}\"", c.name);
      values += (values.empty() ? "" : ", ") + std::string(numeric_affinity(c.type) ? "1" : "'1'");
    }
    if (columns.empty()) continue;
    db.run(fmt::format("INSERT INTO \"{}\" ({}) VALUES ({})", rel->name, columns, values));
  }
}

struct Attempt {
  sqlite::RunResult first;
  sqlite::RunResult second;
  bool repeated = false;
};

Attempt attempt(sqlite::Database& db, const catalog::Catalog& cat, std::string_view sql, int params,
                const Candidate& candidate, bool insert, const std::set<std::string>& seeded) {
  Attempt out;
  // run, not execute: these, the seed rows and the write are compiled once and run per value set.
  db.run("SAVEPOINT migcompat_differential");
  seed(db, cat, seeded);
  auto values = [&](int run) {
    std::vector<Value> v;
    for (int i = 0; i < params; ++i) v.push_back(candidate.value(i, run));
    return v;
  };
  out.first = db.run(sql, values(0));
  if (out.first.ok && insert && candidate.varies_per_run) {
    out.repeated = true;
    out.second = db.run(sql, values(1));
  }
  db.run("ROLLBACK TO migcompat_differential");
  db.run("RELEASE migcompat_differential");
  return out;
}

void collect_literals(std::string_view expr, std::set<std::string>& out) {
  size_t i = 0;
  while (i < expr.size()) {
    char c = expr[i];
    if (c == '\'') {
      std::string value;
      size_t j = i + 1;
      while (j < expr.size()) {
        if (expr[j] == '\'') {
          if (j + 1 < expr.size() && expr[j + 1] == '\'') {
            value += '\'';
            j += 2;
            continue;
          }
          break;
        }
        value += expr[j++];
      }
      out.insert(value);
      i = j + 1;
    } else if (std::isdigit(static_cast<unsigned char>(c)) && (i == 0 || !std::isalnum(static_cast<unsigned char>(expr[i - 1])))) {
      size_t j = i;
      while (j < expr.size() && (std::isdigit(static_cast<unsigned char>(expr[j])) || expr[j] == '.')) ++j;
      out.insert(std::string(expr.substr(i, j - i)));
      i = j;
    } else {
      ++i;
    }
  }
}

}  // namespace

std::vector<std::string> check_literals(const catalog::Catalog& catalog) {
  std::set<std::string> found;
  for (const auto& [_, rel] : catalog.relations()) {
    for (const std::string& check : rel.checks) collect_literals(check, found);
  }
  std::vector<std::string> out(found.begin(), found.end());
  if (out.size() > 16) out.resize(16);  // bounded: each one is two more executions per write
  return out;
}

WriteVerdict run_differential(sqlite::Database& deployed, sqlite::Database& next, std::string_view sql,
                              const sqlite::Compiled& compiled, const catalog::Catalog& deployed_catalog,
                              const catalog::Catalog& next_catalog, const std::vector<std::string>& literals) {
  bool insert = false;
  std::set<std::string> seeded;
  for (const sqlite::Access& a : compiled.accesses) {
    if (a.kind == sqlite::Access::insert) insert = true;
    if (a.kind == sqlite::Access::update || a.kind == sqlite::Access::del) seeded.insert(a.table);
  }
  WriteVerdict verdict;
  bool any_rejection = false;
  for (const Candidate& candidate : candidates(literals, compiled.parameter_count)) {
    Attempt before = attempt(deployed, deployed_catalog, sql, compiled.parameter_count, candidate, insert, seeded);
    if (!before.first.ok) {
      if (verdict.error.empty()) verdict.error = before.first.error;
      continue;
    }
    // An UPDATE or DELETE that matched no row proves nothing: the values missed the seeded row.
    if (!seeded.empty() && before.first.changes == 0) {
      if (verdict.error.empty()) verdict.error = "no row matched the synthesized values";
      continue;
    }
    Attempt after = attempt(next, next_catalog, sql, compiled.parameter_count, candidate, insert, seeded);
    bool rejected = !after.first.ok;
    bool rejected_on_repeat = !rejected && before.repeated && before.second.ok && after.repeated && !after.second.ok;
    if (!rejected && !rejected_on_repeat) {
      return WriteVerdict{WriteVerdict::accepted, {}, false, candidate.label};
    }
    if (!any_rejection) {
      any_rejection = true;
      verdict.kind = WriteVerdict::rejected;
      verdict.error = rejected ? after.first.error : after.second.error;
      verdict.on_repeat = rejected_on_repeat;
      verdict.values = candidate.label;
    }
  }
  if (!any_rejection) verdict.kind = WriteVerdict::not_exercised;
  return verdict;
}

}  // namespace mc
