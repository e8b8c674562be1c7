// The dialect-neutral schema model: what a database holds after a list of migrations ran.
// Filled by replaying migrations (PostgreSQL front end) or by reading a real engine (SQLite).
#pragma once

#include <compare>
#include <iterator>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "base/out_of_line.h"
#include "sql/model.h"

namespace mc::catalog {

struct Column {
  std::string name;
  std::string type;  // as declared, e.g. "TEXT", "bigint", "timestamp with time zone"
  bool not_null = false;
  std::optional<std::string> default_expr;
  bool generated = false;  // identity, serial, generated or computed: never written by callers
  sql::Identity identity = sql::Identity::none;
  bool computed = false;  // GENERATED ALWAYS AS (expression) STORED: writing it is refused
  int primary_key_position = 0;  // 1-based position in the primary key, 0 if not part of it

  // True when an INSERT may omit the column.
  bool optional_on_insert() const { return !not_null || default_expr.has_value() || generated; }
};

struct Index {
  std::string name;
  std::string table;
  std::vector<std::string> columns;  // expressions appear as written
  bool unique = false;
  bool partial = false;
  bool constraint = false;  // backs a PRIMARY KEY or UNIQUE constraint
};

enum class RelationKind { table, view };

// A column a view's query reads, by the relation's catalog name.
struct ColumnRead {
  std::string relation;
  std::string column;
  bool operator==(const ColumnRead&) const = default;
  auto operator<=>(const ColumnRead&) const = default;
};

// A table's trigger, and the function it runs ("" where the engine does not say: SQLite's
// triggers hold their body).
struct Trigger {
  std::string name;
  std::string function;
  bool operator==(const Trigger&) const = default;
};

struct Relation {
  std::string name;
  RelationKind kind = RelationKind::table;
  std::vector<Column> columns;
  std::vector<std::string> checks;  // CHECK expressions as written
  std::string definition;  // the CREATE statement's text where the engine keeps it (SQLite)
  std::vector<std::string> depends_on;  // views: the relations their query reads
  std::vector<ColumnRead> reads;        // views: the columns their query reads (stars expanded)
  std::vector<Trigger> triggers;        // tables

  const Column* find_column(std::string_view name) const;
  Column* find_column(std::string_view name);
};

// What `subset` takes along with the named relations; by default all that is theirs.
struct SubsetScope {
  // Just these of the relations' indexes (a statement that cannot change indexes passes an
  // empty list, so that a table's growing index list is not copied each time); all when null.
  const std::vector<std::string>* only_indexes = nullptr;
  // The sequences named, and those the relations own; left out for a statement that can
  // neither drop nor rename one, whose snapshots then allocate no sequence table.
  bool sequences = true;
};

// Names are compared case-insensitively (SQLite always, PostgreSQL after the parser folded
// unquoted identifiers), so keys are lower-cased.
//
// Relations are shared between a catalog and its copies and subsets, and copied on the first edit
// (`edit_relation`): replaying a history keeps a before/after snapshot of every statement, and a
// snapshot costs a pointer per relation instead of the relation. Copies of one catalog may live
// in several threads for reading; editing is for the thread that owns the catalog.
class Catalog {
  using RelationMap = std::map<std::string, std::shared_ptr<Relation>>;

 public:
  // Iterates (lower-cased name, relation) pairs in name order, read-only.
  class RelationRange {
   public:
    class iterator {
     public:
      using value_type = std::pair<const std::string&, const Relation&>;
      using difference_type = std::ptrdiff_t;
      explicit iterator(RelationMap::const_iterator at) : at_(at) {}
      value_type operator*() const { return {at_->first, *at_->second}; }
      iterator& operator++() {
        ++at_;
        return *this;
      }
      bool operator==(const iterator& other) const { return at_ == other.at_; }

     private:
      RelationMap::const_iterator at_;
    };
    explicit RelationRange(const RelationMap& map) : map_(map) {}
    iterator begin() const { return iterator(map_.begin()); }
    iterator end() const { return iterator(map_.end()); }
    size_t size() const { return map_.size(); }
    bool empty() const { return map_.empty(); }

   private:
    const RelationMap& map_;
  };

  Relation& add_relation(Relation relation);
  bool drop_relation(std::string_view name);
  // Views that read `name`, directly or through other views.
  std::vector<std::string> dependents_of(std::string_view name) const;
  // Renames a relation; views that read it follow the new name, as PostgreSQL's do.
  bool rename_relation(std::string_view from, std::string_view to);
  // Views that read a renamed column, and the sequences it owns, follow it (the relation's own
  // column is renamed by the caller).
  void follow_column_rename(std::string_view relation, std::string_view from, std::string_view to);
  // Views whose own query reads `relation.column` (not views over those views).
  std::vector<std::string> views_reading(std::string_view relation, std::string_view column) const;
  const Relation* find_relation(std::string_view name) const;
  // The relation for changing it: first copied if another catalog shares it.
  Relation* edit_relation(std::string_view name);

  Index& add_index(Index index);
  bool drop_index(std::string_view name);
  const Index* find_index(std::string_view name) const;
  std::vector<const Index*> indexes_on(std::string_view table) const;

  // A catalog holding only the named relations (missing names are skipped) and their indexes:
  // what a per-statement diff needs, at the cost of the statement's size, not the schema's.
  Catalog subset(const std::vector<std::string>& names, const SubsetScope& scope = {}) const;
  // The inverse: for each name, drop this catalog's relation (and its indexes) and take
  // `source`'s, if it has one. Keeps a catalog current from per-statement partial reads.
  void replace_relations(const Catalog& source, const std::vector<std::string>& names);

  // User-defined functions by (lower-cased) name, each overload by its input argument types.
  // Calls are checked by argument count (a call's argument types are not known statically).
  struct Overload {
    int min_args = 0;   // arguments without a default
    int max_args = -1;  // all input arguments; -1 for variadic
    std::vector<std::string> types;  // input argument types, normalized ("integer", "text[]")
    bool operator==(const Overload&) const = default;
  };
  // Adds an overload, replacing one with the same argument types. Returns false when there was one.
  bool add_function(std::string_view name, Overload overload);
  // The overload with these argument types, if there is one.
  const Overload* find_overload(std::string_view name, const std::vector<std::string>& types) const;
  // Drops the overload with `types` when given, else those taking `args` arguments (all of them
  // when `args` is -1).
  bool drop_function(std::string_view name, int args, const std::vector<std::string>* types = nullptr);
  // Renames the overload with `types` when given, else all of them.
  bool rename_function(std::string_view from, std::string_view to, const std::vector<std::string>* types = nullptr);
  bool has_function(std::string_view name) const;
  // The overloads a call with `args` arguments may resolve to.
  std::vector<const Overload*> overloads_accepting(std::string_view name, size_t args) const;
  bool function_accepts(std::string_view name, size_t args) const;
  const std::map<std::string, std::vector<Overload>>& functions() const { return objects_.get().functions; }

  // Enum types by (lower-cased) name: their labels in order.
  void set_enum(std::string_view name, std::vector<std::string> labels);
  bool drop_enum(std::string_view name);
  // Columns declared with type `from` now show `to` (a type renamed under them).
  void retype_columns(std::string_view from, std::string_view to);
  const std::vector<std::string>* find_enum(std::string_view name) const;
  const std::map<std::string, std::vector<std::string>>& enums() const { return objects_.get().enums; }

  // Domains by (lower-cased) name: their base type.
  void set_domain(std::string_view name, std::string base_type);
  bool drop_domain(std::string_view name);
  const std::string* find_domain(std::string_view name) const;
  // Whether `name` is a type the catalog models (an enum or a domain).
  bool has_type(std::string_view name) const { return find_enum(name) || find_domain(name); }
  // Keys of the relations whose columns have type `type` (or arrays of it), with the columns.
  std::vector<std::pair<std::string, std::string>> columns_of_type(std::string_view type) const;

  // Sequences by (lower-cased, schema-qualified outside public) name, with the column that owns
  // them ("" for none): a serial or identity column's goes with the column.
  struct SequenceOwner {
    std::string relation;
    std::string column;
    bool operator==(const SequenceOwner&) const = default;
  };
  void add_sequence(std::string_view name, SequenceOwner owner = {});
  bool drop_sequence(std::string_view name);
  bool rename_sequence(std::string_view from, std::string_view to);
  bool has_sequence(std::string_view name) const;
  // The sequences `relation` (or just its `column`, when given) owns.
  std::vector<std::string> sequences_owned_by(std::string_view relation, std::string_view column = {}) const;
  const std::map<std::string, SequenceOwner>& sequences() const { return objects_.get().sequences; }

  // Schemas the migrations created; `public` is there from the start. A schema also exists
  // while it holds objects: some are made where the catalog cannot see (extensions, platforms
  // such as Supabase's `auth`).
  void add_schema(std::string_view name);
  bool drop_schema(std::string_view name);
  bool has_schema(std::string_view name) const;
  // Keys of the relations, sequences and indexes in `schema` (bare keys are public's).
  std::vector<std::string> relations_in(std::string_view schema) const;
  std::vector<std::string> sequences_in(std::string_view schema) const;
  std::vector<std::string> indexes_in(std::string_view schema) const;
  bool rename_index(std::string_view from, std::string_view to);

  RelationRange relations() const { return RelationRange(relations_); }
  const std::map<std::string, Index>& indexes() const { return indexes_; }

 private:
  // Applies `change` to every view over `relation` that `selects` picks (each copied first if shared).
  template <class Selects, class Change>
  void edit_views_on(std::string_view relation, Selects selects, Change change);
  // Files view `key` under the relations it reads (or takes it out): every change to
  // relations_ goes through here, so that views_on_ stays exact.
  void index_view(const std::string& key, const Relation& view, bool add);
  void insert_relation(const std::string& key, std::shared_ptr<Relation> relation);
  // The keys of the views that read relation `key` (depends on it, or read one of its columns).
  const std::set<std::string>& views_on(const std::string& key) const;

  // What a catalog holds besides relations and indexes: types, functions, sequences, schemas. Kept
  // out of line because the per-statement snapshots of a replay (two per statement) seldom hold
  // any, and a snapshot of one table is then three maps instead of nine.
  struct Objects {
    std::map<std::string, std::vector<std::string>> enums;
    std::map<std::string, std::string> domains;
    std::map<std::string, std::vector<Overload>> functions;
    std::map<std::string, SequenceOwner> sequences;
    // Created schemas other than public, which is there until dropped (`public_schema_`).
    std::set<std::string> schemas;
    // lower-cased owning relation -> keys of the sequences it owns (for sequences_owned_by)
    std::map<std::string, std::set<std::string>> sequences_by_owner;
  };

  RelationMap relations_;
  std::map<std::string, Index> indexes_;
  // lower-cased table name -> lower-cased index names, so per-table lookups do not scan the schema
  std::map<std::string, std::set<std::string>> indexes_by_table_;
  // lower-cased relation name -> keys of the views that read it: what follows a relation or a
  // column (renames, drops, CASCADE) is found without a walk over the schema's every relation,
  // which made a history with many views quadratic
  std::map<std::string, std::set<std::string>> views_on_;
  OutOfLine<Objects> objects_;
  bool public_schema_ = true;
  void index_sequence_owner(const std::string& key, const SequenceOwner& owner, bool add);
  // For `subset`: copies a sequence or an index of another catalog under its (lower-cased) key,
  // unless there is one by that key already.
  void take_sequence(const std::string& key, const SequenceOwner& owner);
  void take_index(const std::string& key, const Index& index);
};

}  // namespace mc::catalog
