#include "analyses/name_resolution.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cctype>
#include <optional>
#include <set>

#include "base/text.h"

namespace mc {

namespace {

bool has(const std::vector<std::string>& columns, const std::string& name) {
  return std::find(columns.begin(), columns.end(), name) != columns.end();
}

// A binding's column names: a catalog relation's, read where the catalog keeps them (every query
// binds the tables it names, and copying a wide table's names was most of resolving the query),
// or names of its own (subqueries, CTEs, column alias lists).
class BoundColumns {
 public:
  BoundColumns() = default;
  explicit BoundColumns(const std::vector<catalog::Column>& table) : table_(&table) {}
  BoundColumns(std::vector<std::string> names) : names_(std::move(names)) {}  // implicit: bound from a list of names

  size_t size() const { return table_ ? table_->size() : names_.size(); }
  const std::string& operator[](size_t i) const { return table_ ? (*table_)[i].name : names_[i]; }
  bool has(const std::string& name) const {
    if (!table_) return mc::has(names_, name);
    return std::any_of(table_->begin(), table_->end(), [&](const catalog::Column& c) { return c.name == name; });
  }
  // The first columns renamed (a FROM item's alias list); the names become the binding's own.
  void rename_first(const std::vector<std::string>& aliases) {
    if (table_) {
      names_.reserve(table_->size());
      for (const catalog::Column& c : *table_) names_.push_back(c.name);
      table_ = nullptr;
    }
    for (size_t i = 0; i < aliases.size() && i < names_.size(); ++i) names_[i] = aliases[i];
  }

 private:
  const std::vector<catalog::Column>* table_ = nullptr;
  std::vector<std::string> names_;
};

struct Binding {
  std::string name;      // alias, or the relation's name
  std::string relation;  // the catalog relation behind it ("" for subqueries, CTEs, functions)
  BoundColumns columns;
  bool known = true;     // false: columns unknown (set-returning functions); anything resolves
};

struct Env {
  std::vector<Binding> bindings;
  std::map<std::string, std::vector<std::string>> ctes;
  const Env* parent = nullptr;

  const std::vector<std::string>* find_cte(const std::string& name) const {
    for (const Env* e = this; e; e = e->parent) {
      if (auto it = e->ctes.find(name); it != e->ctes.end()) return &it->second;
    }
    return nullptr;
  }
  const Binding* find_binding(const std::string& name) const {
    for (const Env* e = this; e; e = e->parent) {
      for (const Binding& b : e->bindings) {
        if (b.name == name) return &b;
      }
    }
    return nullptr;
  }
};

// How an unqualified column name fares at one scope level.
struct LevelMatch {
  int matches = 0;                  // bindings with known columns that have it
  const Binding* found = nullptr;   // the last of them
  bool unknown = false;             // a binding whose columns are unknown could have it
};

LevelMatch match_at(const Env& level, const std::string& name) {
  LevelMatch m;
  for (const Binding& b : level.bindings) {
    if (!b.known) m.unknown = true;
    if (b.known && b.columns.has(name)) {
      ++m.matches;
      m.found = &b;
    }
  }
  return m;
}

class Walker {
 public:
  Walker(const catalog::Catalog& catalog, const catalog::SearchPath& path, std::vector<NameError>& errors,
         Resolutions* resolutions, const catalog::Catalog* before = nullptr, std::set<catalog::ColumnRead>* reads = nullptr,
         std::set<std::string>* relations = nullptr)
      : catalog_(catalog), path_(path), errors_(errors), resolutions_(resolutions), before_(before), reads_(reads),
        relations_(relations) {}

  std::vector<std::string> select(const sql::Select& s, const Env* outer, std::vector<Binding> pre = {}) {
    Env env;
    env.parent = outer;
    env.bindings = std::move(pre);
    bind_ctes(s, env);
    if (!s.set_arms.empty()) {
      std::vector<std::string> out = select(*s.set_arms.front(), &env);
      for (size_t i = 1; i < s.set_arms.size(); ++i) select(*s.set_arms[i], &env);
      for (const sql::ColumnRef& ref : s.refs) resolve(ref, env, out);  // ORDER BY of the union
      return out;
    }
    for (const sql::FromItem& item : s.from) bind(item, env, outer);
    std::vector<std::string> output_names;
    for (const auto& oc : s.output) output_names.push_back(oc.name);
    for (const sql::ColumnRef& ref : s.refs) resolve(ref, env, output_names);
    for (const sql::LiteralUse& use : s.literals) {
      if (auto target = lookup(use.column, env)) check_enum_literal(use, target->first, target->second);
    }
    for (const sql::FunctionCall& call : s.calls) check_call(call);
    for (const auto& nested : s.nested) select(*nested, &env);
    return expand_output(s, env);
  }

  void bind_ctes(const sql::Select& s, Env& env) {
    for (size_t i = 0; i < s.ctes.size(); ++i) {
      const auto& [name, body] = s.ctes[i];
      const auto& aliases = s.cte_column_aliases[i];
      if (s.recursive && !body->set_arms.empty()) {
        // The non-recursive arm defines the columns the recursive arm sees.
        auto first = select(*body->set_arms.front(), &env);
        env.ctes[name] = aliases.empty() ? first : aliases;
      }
      auto columns = select(*body, &env);
      env.ctes[name] = aliases.empty() ? columns : aliases;
    }
  }

  void bind(const sql::FromItem& item, Env& env, const Env* outer) {
    Binding b;
    switch (item.kind) {
      case sql::FromItem::Kind::relation: {
        const std::string& name = item.relation.name;
        b.name = item.alias.empty() ? name : item.alias;
        const std::vector<std::string>* cte = item.relation.schema.empty() ? env.find_cte(name) : nullptr;
        if (cte) {
          b.columns = *cte;
        } else if (const catalog::Relation* rel = find_relation(item.relation)) {
          b.relation = rel->name;
          if (relations_) relations_->insert(to_lower(rel->name));
          b.columns = BoundColumns(rel->columns);
        } else {
          missing_relation(item.relation);
          b.known = false;
        }
        break;
      }
      case sql::FromItem::Kind::subquery:
        b.name = item.alias;
        if (item.subquery) b.columns = select(*item.subquery, item.lateral ? &env : outer);
        break;
      case sql::FromItem::Kind::function:
        b.name = item.alias;
        b.known = !item.column_aliases.empty();
        break;
    }
    if (item.kind == sql::FromItem::Kind::function) b.columns = item.column_aliases;
    else if (!item.column_aliases.empty()) b.columns.rename_first(item.column_aliases);
    env.bindings.push_back(std::move(b));
  }

  void resolve(const sql::ColumnRef& ref, const Env& env, const std::vector<std::string>& output_names) {
    if (!ref.qualifier.empty()) {
      const Binding* b = env.find_binding(ref.qualifier);
      if (!b) {
        error("42P01", fmt::format("missing FROM-clause entry for table \"{}\"", ref.qualifier), ref.location, "", "",
              ref.qualifier);
        return;
      }
      if (ref.star || !b->known) return;
      if (!b->columns.has(ref.name)) {
        error("42703", fmt::format("column {}.{} does not exist", ref.qualifier, ref.name), ref.location, b->relation,
              ref.name, ref.qualifier + "." + ref.name);
        return;
      }
      note(ref.location, b->relation, ref.name);
      return;
    }
    if (ref.star) return;
    for (const Env* e = &env; e; e = e->parent) {
      LevelMatch m = match_at(*e, ref.name);
      if (m.matches > 1) {
        error("42702", fmt::format("column reference \"{}\" is ambiguous", ref.name), ref.location, "", ref.name, ref.name);
        return;
      }
      if (m.matches == 1) {
        note(ref.location, m.found->relation, ref.name);
        return;
      }
      if (m.unknown) return;  // a function's columns could hold it: do not guess
    }
    // ORDER BY / GROUP BY may name an output column; a table name alone is a whole-row reference.
    if ((ref.may_name_output && has(output_names, ref.name)) || env.find_binding(ref.name)) return;
    error("42703", fmt::format("column \"{}\" does not exist", ref.name), ref.location, "", ref.name, ref.name);
  }

  // The (relation, column) an unambiguous reference resolves to, without reporting anything.
  std::optional<std::pair<std::string, std::string>> lookup(const sql::ColumnRef& ref, const Env& env) const {
    if (!ref.qualifier.empty()) {
      const Binding* b = env.find_binding(ref.qualifier);
      if (b && b->known && !b->relation.empty() && b->columns.has(ref.name)) return std::make_pair(b->relation, ref.name);
      return std::nullopt;
    }
    for (const Env* e = &env; e; e = e->parent) {
      LevelMatch m = match_at(*e, ref.name);
      if (m.matches == 1 && !m.found->relation.empty()) return std::make_pair(m.found->relation, ref.name);
      if (m.matches > 0) return std::nullopt;
    }
    return std::nullopt;
  }

  // A user-defined function the deployed schema had and the new one no longer accepts the call
  // for (42883). Built-ins are in neither catalog and are not checked.
  // A user-defined function the deployed schema had: the call must still find an overload taking
  // its argument count. When no overload left takes the argument types of one the call could
  // have resolved to (for the arguments it passes), it resolves to another function or none:
  // the types of a call's arguments are not known statically, so a remaining overload of other
  // types may not accept them.
  void check_call(const sql::FunctionCall& call) {
    check_sequence_argument(call);
    if (!before_) return;
    std::vector<const catalog::Catalog::Overload*> called = before_->overloads_accepting(call.name, call.args);
    if (called.empty()) return;
    if (!catalog_.function_accepts(call.name, call.args)) {
      errors_.push_back({"42883",
                         fmt::format("function {}({} argument{}) does not exist", call.name, call.args, call.args == 1 ? "" : "s"),
                         call.location, "", "", call.name, call.name});
      return;
    }
    std::vector<const catalog::Catalog::Overload*> now = catalog_.overloads_accepting(call.name, call.args);
    auto passed = [&](const catalog::Catalog::Overload* o) {
      return std::vector<std::string>(o->types.begin(), o->types.begin() + static_cast<std::ptrdiff_t>(std::min(call.args, o->types.size())));
    };
    auto kept = [&](const catalog::Catalog::Overload* before) {
      return std::any_of(now.begin(), now.end(), [&](const catalog::Catalog::Overload* o) { return passed(o) == passed(before); });
    };
    if (std::any_of(called.begin(), called.end(), kept)) return;
    const catalog::Catalog::Overload& gone = *called.front();
    errors_.push_back({"42883",
                       fmt::format("function {}({}) does not exist: the call now resolves to another overload, or to none",
                                   call.name, fmt::join(gone.types, ", ")),
                       call.location, "", "", call.name, call.name});
  }

  // nextval('s'), currval('s'), setval('s', …): the literal names a sequence, looked up when the
  // statement is prepared (42P01). Only sequences the deployed schema had are checked.
  void check_sequence_argument(const sql::FunctionCall& call) {
    if (!before_ || call.first_literal.empty()) return;
    if (!iequals(call.name, "nextval") && !iequals(call.name, "currval") && !iequals(call.name, "setval")) return;
    // (a pair, not a structured binding: clang 14 cannot capture those in a lambda)
    std::pair<std::string, std::string> written = regclass_name(call.first_literal);
    auto in = [&](const catalog::Catalog& c) {
      return path_.lookup(written.first, written.second, [&](const std::string& key) { return c.has_sequence(key); });
    };
    std::string sequence = in(*before_);
    if (!before_->has_sequence(sequence) || catalog_.has_sequence(in(catalog_))) return;
    error("42P01", fmt::format("relation \"{}\" does not exist", call.first_literal), call.first_literal_location, sequence, "",
          "'" + call.first_literal + "'");
  }

  // 42P01 at a relation as written; its key where the deployed schema had it, so that blame
  // finds the statement that dropped or moved it.
  void missing_relation(const sql::RelationRef& ref) {
    std::string written = ref.written_name();
    std::string key = written;
    if (before_) {
      auto existed = [&](const std::string& k) { return before_->find_relation(k) != nullptr; };
      std::string found = path_.lookup(ref.schema, ref.name, existed);
      if (before_->find_relation(found)) key = before_->find_relation(found)->name;
    }
    error("42P01", fmt::format("relation \"{}\" does not exist", written), ref.location, key, "", written);
  }

  // A relation by its written name: a qualified one in its schema, a bare one through the path.
  const catalog::Relation* find_relation(const sql::RelationRef& ref) const {
    auto exists = [&](const std::string& key) { return catalog_.find_relation(key) != nullptr; };
    return catalog_.find_relation(path_.lookup(ref.schema, ref.name, exists));
  }

  // The (schema, name) of a regclass literal: unquoted parts fold to lower case.
  static std::pair<std::string, std::string> regclass_name(std::string_view literal) {
    std::vector<std::string> parts(1);
    bool quoted = false;
    for (char ch : literal) {
      if (ch == '"') {
        quoted = !quoted;
      } else if (ch == '.' && !quoted) {
        parts.emplace_back();
      } else {
        parts.back() += quoted ? ch : static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      }
    }
    if (parts.size() == 1) return {"", parts[0]};
    return {parts[parts.size() - 2], parts.back()};
  }

  // A string literal compared with or written to an enum column must be one of its labels (22P02).
  void check_enum_literal(const sql::LiteralUse& use, const std::string& relation, const std::string& column) {
    const catalog::Relation* rel = catalog_.find_relation(relation);
    const catalog::Column* c = rel ? rel->find_column(column) : nullptr;
    const std::vector<std::string>* labels = c ? catalog_.find_enum(c->type) : nullptr;
    if (!labels || has(*labels, use.value)) return;
    NameError e{"22P02", fmt::format("invalid input value for enum {}: \"{}\"", c->type, use.value), use.location,
                rel->name, c->name, "'" + use.value + "'", c->type};
    errors_.push_back(std::move(e));
  }

  std::vector<std::string> expand_output(const sql::Select& s, const Env& env) {
    std::vector<std::string> out;
    for (const auto& oc : s.output) {
      if (!oc.star) {
        out.push_back(oc.name);
        continue;
      }
      for (const Binding& b : env.bindings) {
        if (!oc.star_qualifier.empty() && b.name != oc.star_qualifier) continue;
        for (size_t i = 0; i < b.columns.size(); ++i) {
          out.push_back(b.columns[i]);
          record_read(b.relation, b.columns[i]);
        }
      }
    }
    return out;
  }

  void error(std::string sqlstate, std::string message, size_t location, std::string relation, std::string column,
             std::string name) {
    errors_.push_back({std::move(sqlstate), std::move(message), location, std::move(relation), std::move(column),
                       std::move(name), {}});
  }
  void note(size_t location, const std::string& relation, const std::string& column) {
    if (resolutions_ && location != sql::no_location) (*resolutions_)[location] = {relation, column};
    record_read(relation, column);
  }
  // Only columns the relation has under that name: a column renamed by an alias list is not
  // guessed at (a missed dependency, never an invented one).
  void record_read(const std::string& relation, const std::string& column) {
    if (!reads_ || relation.empty()) return;
    const catalog::Relation* rel = catalog_.find_relation(relation);
    if (rel && rel->find_column(column)) reads_->insert({relation, column});
  }

  void write(const sql::QueryModel& q) {
    const sql::Write& w = q.write;
    Env root;
    bind_ctes(w.scope, root);
    const catalog::Relation* target = nullptr;
    if (!w.target.schema.empty() || !root.find_cte(w.target.name)) target = find_relation(w.target);
    if (!target) {
      missing_relation(w.target);
      return;
    }
    Binding self{w.alias.empty() ? w.target.name : w.alias, target->name, BoundColumns(target->columns), true};

    // Columns an INSERT gives a value (the DEFAULT keyword is no value; DO UPDATE SET targets are
    // not inserted).
    auto given = [&](size_t position) { return !(position < w.default_values.size() && w.default_values[position]); };
    std::set<std::string> written;
    for (size_t i = 0; i < w.columns.size(); ++i) {
      const sql::ColumnRef& col = w.columns[i];
      if (!target->find_column(col.name)) {
        error("42703", fmt::format("column \"{}\" of relation \"{}\" does not exist", col.name, target->name), col.location,
              target->name, col.name, col.name);
      } else {
        note(col.location, target->name, col.name);
      }
      if (i < w.inserted_columns && given(i)) written.insert(col.name);
    }
    for (const sql::LiteralUse& use : w.assigned_literals) {
      if (target->find_column(use.column.name)) check_enum_literal(use, target->name, use.column.name);
    }
    check_generated_writes(q, *target);
    if (q.kind == sql::QueryModel::Kind::insert) {
      if (w.source) select(*w.source, &root);
      if (!w.has_column_list) {
        for (size_t i = 0; i < target->columns.size() && i < w.values_per_row; ++i) {
          if (given(i)) written.insert(target->columns[i].name);
        }
      }
      for (const auto& c : target->columns) {
        if (!written.count(c.name) && !c.optional_on_insert()) {
          error("23502", fmt::format("null value in column \"{}\" of relation \"{}\" violates not-null constraint", c.name, target->name),
                w.target.location, target->name, c.name, w.target.name);
        }
      }
      // Through a view, PostgreSQL infers the base table's unique index; the catalog does not
      // record which table a view is over, so only tables are checked.
      if (before_) check_new_unique_indexes(w, *target);
      if (w.on_conflict && !w.conflict_columns.empty() && target->kind == catalog::RelationKind::table) {
        check_conflict_target(w, *target);
      }
      if (w.on_conflict) {
        Binding excluded = self;
        excluded.name = "excluded";
        select(w.conflict_scope, &root, {self, excluded});
      }
    }
    select(w.scope, &root, {self});
  }

  // Values written to a GENERATED ALWAYS identity (unless OVERRIDING SYSTEM VALUE) or to a
  // computed column are refused when the statement is prepared (428C9); DEFAULT is allowed.
  void check_generated_writes(const sql::QueryModel& q, const catalog::Relation& target) {
    const sql::Write& w = q.write;
    bool insert = q.kind == sql::QueryModel::Kind::insert;
    // `position`: of the value in `default_values` (an INSERT's VALUES, an UPDATE's SET); `unknown`
    // for DO UPDATE SET targets, whose DEFAULTs are not recorded.
    constexpr size_t unknown = static_cast<size_t>(-1);
    auto check = [&](const catalog::Column& c, size_t position, bool inserting, size_t location, const std::string& name) {
      if (position < w.default_values.size() && w.default_values[position]) return;
      bool always = c.identity == sql::Identity::always && !(inserting && w.overriding_system_value);
      if (!always && !c.computed) return;
      std::string message = inserting ? fmt::format("cannot insert a non-DEFAULT value into column \"{}\"", c.name)
                                      : fmt::format("column \"{}\" can only be updated to DEFAULT", c.name);
      message += c.computed ? " (a generated column)" : " (an identity column defined as GENERATED ALWAYS)";
      error("428C9", std::move(message), location, target.name, c.name, name);
    };
    if (insert && !w.has_column_list) {
      for (size_t i = 0; i < target.columns.size() && i < w.values_per_row; ++i) {
        check(target.columns[i], i, true, w.target.location, w.target.name);
      }
    }
    for (size_t i = 0; i < w.columns.size(); ++i) {
      const catalog::Column* c = target.find_column(w.columns[i].name);
      bool inserting = insert && i < w.inserted_columns;
      if (c) check(*c, !insert || inserting ? i : unknown, inserting, w.columns[i].location, w.columns[i].name);
    }
  }

  // A unique index the deploy adds, whose every key column this INSERT fills with the same
  // non-null value each time (a literal, or a default it relies on): the second row is rejected.
  void check_new_unique_indexes(const sql::Write& w, const catalog::Relation& target) {
    if (w.on_conflict && w.conflict_columns.empty()) return;  // DO NOTHING without a target absorbs it
    // The same literal in every conflict-target column: the second run conflicts there first and
    // takes the ON CONFLICT branch instead of writing a second row. A default still collides:
    // other rows were written with it too.
    bool repeats_take_conflict_branch =
        w.on_conflict && std::all_of(w.conflict_columns.begin(), w.conflict_columns.end(), [&](const std::string& column) {
          return constant_value(w, target, column).has_value();
        });
    for (const catalog::Index* index : catalog_.indexes_on(target.name)) {
      if (!index->unique || index->partial || existed_before(*index)) continue;
      std::vector<std::string> reasons;
      bool from_default = false;
      for (const std::string& key : index->columns) {
        std::optional<ConstantValue> value = constant_value(w, target, key);
        if (!value) {
          reasons.clear();
          break;
        }
        reasons.push_back(value->why);
        from_default = from_default || value->from_default;
      }
      if (reasons.empty() || (repeats_take_conflict_branch && !from_default)) continue;
      error("23505",
            fmt::format("duplicate key value violates unique constraint \"{}\": every row this INSERT writes has {}",
                        index->name, fmt::join(reasons, ", ")),
            w.target.location, target.name, index->columns.size() == 1 ? index->columns.front() : "", w.target.name);
    }
  }

  bool existed_before(const catalog::Index& index) const {
    for (const catalog::Index* old : before_->indexes_on(index.table)) {
      if (old->unique && std::set<std::string>(old->columns.begin(), old->columns.end()) ==
                             std::set<std::string>(index.columns.begin(), index.columns.end())) {
        return true;
      }
    }
    return !before_->find_relation(index.table);  // a new table: no old code writes it
  }

  struct ConstantValue {
    std::string why;  // "score = its default 0"
    bool from_default = false;
  };
  // The value an INSERT always writes to `column`, when it is the same non-null value every time.
  static std::optional<ConstantValue> constant_value(const sql::Write& w, const catalog::Relation& target,
                                                     const std::string& column) {
    // The value's position: in the column list, or (without one) the column's place in the table.
    std::optional<size_t> position;
    for (size_t i = 0; i < w.inserted_columns && i < w.columns.size(); ++i) {
      if (w.columns[i].name == column) position = i;
    }
    if (!w.has_column_list) {
      for (size_t i = 0; i < target.columns.size() && i < w.values_per_row; ++i) {
        if (target.columns[i].name == column) position = i;
      }
    }
    if (position) {
      if (*position < w.constant_values.size() && w.constant_values[*position]) {
        return ConstantValue{column + " = the same literal", false};
      }
      return std::nullopt;
    }
    const catalog::Column* c = target.find_column(column);
    if (!c || c->generated || !c->default_expr || *c->default_expr == "NULL") return std::nullopt;
    std::string_view d = *c->default_expr;
    if (d.find('(') != std::string_view::npos) return std::nullopt;  // now(), nextval(...): may differ per row
    return ConstantValue{fmt::format("{} = its default {}", column, d), true};
  }

  void check_conflict_target(const sql::Write& w, const catalog::Relation& target) {
    std::set<std::string> wanted(w.conflict_columns.begin(), w.conflict_columns.end());
    for (const catalog::Index* index : catalog_.indexes_on(target.name)) {
      if (index->unique && !index->partial && std::set<std::string>(index->columns.begin(), index->columns.end()) == wanted) return;
    }
    error("42P10", "there is no unique or exclusion constraint matching the ON CONFLICT specification", w.conflict_location,
          target.name, w.conflict_columns.size() == 1 ? w.conflict_columns.front() : "", "ON CONFLICT");
  }

 private:
  const catalog::Catalog& catalog_;
  const catalog::SearchPath& path_;
  std::vector<NameError>& errors_;
  Resolutions* resolutions_;
  const catalog::Catalog* before_;
  std::set<catalog::ColumnRead>* reads_;
  std::set<std::string>* relations_;
};

}  // namespace

std::vector<NameError> NameResolver::check(const sql::QueryModel& query, Resolutions* resolutions) {
  std::vector<NameError> errors;
  Walker walker(catalog_, path_, errors, resolutions, before_);
  if (query.kind == sql::QueryModel::Kind::select) {
    if (query.select) walker.select(*query.select, nullptr);
  } else if (query.kind != sql::QueryModel::Kind::other) {
    walker.write(query);
  }
  return errors;
}

std::vector<std::string> NameResolver::output_columns(const sql::Select& select, std::vector<NameError>& errors,
                                                      std::vector<catalog::ColumnRead>* reads,
                                                      std::vector<std::string>* relations) {
  std::set<catalog::ColumnRead> read;
  std::set<std::string> bound;
  Walker walker(catalog_, path_, errors, nullptr, nullptr, reads ? &read : nullptr, relations ? &bound : nullptr);
  std::vector<std::string> columns = walker.select(select, nullptr);
  if (reads) reads->assign(read.begin(), read.end());
  if (relations) relations->assign(bound.begin(), bound.end());
  return columns;
}

}  // namespace mc
