#include "analyses/postgres_values.h"

#include <fmt/format.h>

#include <cstdlib>

namespace mc {

using pgserver::quote_identifier;

namespace {

constexpr int value_variants = 2;

std::optional<std::string> base_value(const std::string& name, char category, int variant) {
  int n = variant + 1;
  switch (category) {
    case 'B': return variant % 2 == 0 ? "true" : "false";
    case 'N': return name == "money" ? fmt::format("{}.00", n) : std::to_string(n);
    case 'S':
      // Odd variants look like numbers: old code sends strings, and a column that became a
      // number still accepts numeric ones.
      if (name == "char") return std::string(1, static_cast<char>('a' + variant));
      return variant % 2 == 0 ? fmt::format("mc{}", n) : std::to_string(n);
    case 'D':
      if (name == "date") return fmt::format("2024-01-0{}", n);
      if (name == "time" || name == "timetz") return fmt::format("12:00:0{}", n);
      return fmt::format("2024-01-0{} 12:00:00", n);
    case 'T': return fmt::format("{} day", n);
    case 'I': return name == "cidr" ? fmt::format("10.0.{}.0/24", n) : fmt::format("10.0.0.{}", n);
    case 'A': return "{}";
    case 'V': return "1";
    case 'G':
      if (name == "point") return fmt::format("({},{})", n, n);
      return std::nullopt;
    case 'R': return "empty";
    default: break;
  }
  if (name == "uuid") return fmt::format("00000000-0000-4000-8000-00000000000{}", n);
  if (name == "json" || name == "jsonb") return variant % 2 == 0 ? "{}" : "[]";
  if (name == "bytea") return fmt::format("\\x0{}", n);
  if (name == "macaddr") return fmt::format("08:00:2b:01:02:0{}", n);
  if (name == "tsvector") return "mc";
  if (name == "xml") return "<mc/>";
  return std::nullopt;
}

}  // namespace

TypeCatalog::TypeCatalog(pgserver::Connection& connection) {
  pgserver::Result types = connection.must("SELECT oid, typname, typtype, typcategory, typbasetype FROM pg_type");
  for (int r = 0; r < types.rows(); ++r) {
    Type& t = types_[static_cast<unsigned>(std::strtoul(types.value(r, 0).c_str(), nullptr, 10))];
    t.name = types.value(r, 1);
    t.kind = types.value(r, 2).empty() ? 'b' : types.value(r, 2)[0];
    t.category = types.value(r, 3).empty() ? 'U' : types.value(r, 3)[0];
    t.base = static_cast<unsigned>(std::strtoul(types.value(r, 4).c_str(), nullptr, 10));
  }
  pgserver::Result labels = connection.must("SELECT enumtypid, enumlabel FROM pg_enum ORDER BY enumtypid, enumsortorder");
  for (int r = 0; r < labels.rows(); ++r) {
    enum_labels_[static_cast<unsigned>(std::strtoul(labels.value(r, 0).c_str(), nullptr, 10))].push_back(labels.value(r, 1));
  }
}

std::optional<std::string> TypeCatalog::value(unsigned type_oid, int variant) const {
  for (int depth = 0; depth < 8; ++depth) {  // domains over domains
    auto it = types_.find(type_oid);
    if (it == types_.end()) return std::nullopt;
    const Type& t = it->second;
    if (t.kind == 'd') {
      type_oid = t.base;
      continue;
    }
    if (t.kind == 'e') {
      auto labels = enum_labels_.find(type_oid);
      if (labels == enum_labels_.end() || labels->second.empty()) return std::nullopt;
      return labels->second[static_cast<size_t>(variant) % labels->second.size()];
    }
    if (t.kind == 'c' || t.kind == 'p') return std::nullopt;  // composites and pseudo-types
    return base_value(t.name, t.category, variant);
  }
  return std::nullopt;
}

std::string TypeCatalog::name(unsigned type_oid) const {
  auto it = types_.find(type_oid);
  return it == types_.end() ? std::to_string(type_oid) : it->second.name;
}

void seed_tables(pgserver::Connection& connection, const TypeCatalog& types) {
  struct Table {
    std::string qualified;
    std::vector<std::pair<std::string, unsigned>> columns;  // name, type
    bool identity = false;
    int seeded = 0;
  };
  pgserver::Result columns = connection.must(
      "SELECT c.oid, n.nspname, c.relname, a.attname, a.atttypid, a.attidentity <> '' "
      "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
      "JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = '' "
      "WHERE c.relkind IN ('r', 'p') AND c.oid >= 16384 AND n.nspname NOT IN ('pg_catalog', 'information_schema') "
      "AND n.nspname NOT LIKE 'pg_toast%' ORDER BY c.oid, a.attnum");
  std::map<std::string, Table> tables;
  for (int r = 0; r < columns.rows(); ++r) {
    Table& t = tables[columns.value(r, 0)];
    t.qualified = quote_identifier(columns.value(r, 1)) + "." + quote_identifier(columns.value(r, 2));
    t.columns.emplace_back(columns.value(r, 3), static_cast<unsigned>(std::strtoul(columns.value(r, 4).c_str(), nullptr, 10)));
    t.identity = t.identity || columns.value(r, 5) == "t";
  }
  for (auto& [_, t] : tables) {
    pgserver::Result has_rows = connection.exec("SELECT EXISTS (SELECT FROM " + t.qualified + ")");
    if (has_rows.ok() && has_rows.value(0, 0) == "t") t.seeded = value_variants;
  }
  // Each pass inserts what it can; a row whose foreign key points at a table not seeded yet
  // succeeds in a later pass.
  for (size_t pass = 0; pass <= tables.size(); ++pass) {
    bool progress = false;
    for (auto& [_, t] : tables) {
      for (int variant = t.seeded; variant < value_variants; ++variant) {
        std::string names, placeholders;
        std::vector<std::optional<std::string>> values;
        for (const auto& [column, type] : t.columns) {
          names += (values.empty() ? "" : ", ") + quote_identifier(column);
          values.push_back(types.value(type, variant));
          placeholders += fmt::format("{}${}", values.size() == 1 ? "" : ", ", values.size());
        }
        std::string sql = fmt::format("INSERT INTO {} ({}){} VALUES ({})", t.qualified, names,
                                      t.identity ? " OVERRIDING SYSTEM VALUE" : "", placeholders);
        if (!connection.exec_params(sql, values).ok()) break;
        t.seeded = variant + 1;
        progress = true;
      }
    }
    if (!progress) break;
  }
  pgserver::Result sequences = connection.must("SELECT oid::regclass::text FROM pg_class WHERE relkind = 'S' AND oid >= 16384");
  for (int r = 0; r < sequences.rows(); ++r) {
    connection.exec(fmt::format("SELECT setval({}, 1000)", pgserver::quote_literal(sequences.value(r, 0))));
  }
}

std::vector<std::vector<std::optional<std::string>>> parameter_sets(const std::vector<unsigned>& parameter_types,
                                                                     const TypeCatalog& types) {
  std::vector<std::vector<std::optional<std::string>>> sets;
  for (int variant = 0; variant < value_variants; ++variant) {
    std::vector<std::optional<std::string>> set;
    for (unsigned type : parameter_types) set.push_back(types.value(type, variant));
    sets.push_back(std::move(set));
  }
  return sets;
}

}  // namespace mc
