// The dialect-neutral statement model the front ends produce: what a DDL statement asks of the
// catalog (intent, kept apart from catalog state), and the name structure of a query (scopes,
// relation and column references with their offsets) that the resolver checks.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace mc::sql {

inline constexpr size_t no_location = static_cast<size_t>(-1);

// An identity column's kind: BY DEFAULT takes explicit values, ALWAYS refuses them.
enum class Identity { none, by_default, always };

struct ColumnDefinition {
  std::string name;
  std::string type;
  bool not_null = false;
  std::optional<std::string> default_expr;
  bool generated = false;  // serial, identity, GENERATED ... STORED
  Identity identity = Identity::none;
  bool computed = false;  // GENERATED ALWAYS AS (expression) STORED: never written
  bool primary_key = false;
  bool unique = false;
  std::vector<std::string> checks;
};

struct SchemaChange {
  enum class Kind {
    create_table,
    drop_relation,
    rename_relation,
    add_column,
    drop_column,
    rename_column,
    set_identity,   // name: the column; identity: its kind; detail "add" for ADD GENERATED
    drop_identity,  // name: the column
    alter_column_type,
    set_not_null,
    drop_not_null,
    set_default,
    drop_default,
    add_check,
    add_unique,      // unique or primary key constraint: an index
    drop_constraint,
    create_index,
    drop_index,
    create_view,
    create_enum,         // name: the type; names: its labels
    add_enum_label,      // name: the type; new_name: the label
    rename_enum_label,   // name: the type; detail: old label; new_name: new label
    create_domain,       // name; detail: the base type
    create_trigger,      // relation, name; detail: the function it executes
    drop_trigger,        // relation, name
    drop_type,           // names (enums and domains)
    rename_type,         // name -> new_name; columns of the type follow it
    create_function,     // name, min_args..max_args, argument_types
    drop_function,       // names (one); max_args >= 0 and argument_types when the argument list was given
    rename_function,     // name -> new_name; argument_types when the argument list was given
    create_sequence,     // name
    drop_sequence,       // names
    rename_sequence,     // name -> new_name
    create_schema,       // name
    drop_schema,         // names
    rename_schema,       // name -> new_name
    set_search_path,     // names: the schemas in order; none for the default (RESET, SET ... TO DEFAULT)
    no_schema_effect,  // SET, BEGIN, COMMIT, DML backfills, comments, grants ...
    unmodeled          // changes the schema in ways the catalog does not model
  };
  Kind kind = Kind::no_schema_effect;
  // Relation, index and sequence names arrive as written ("schema.name", or bare when not
  // qualified); the replay turns them into catalog keys through the search_path.
  std::string relation;
  std::string name;      // column, index or constraint
  std::string new_name;  // renames
  std::vector<ColumnDefinition> columns;   // create_table; add_column has one
  std::vector<std::string> key_columns;    // indexes, unique and primary keys
  std::vector<std::string> names;          // drop lists
  bool unique = false;
  bool primary = false;
  bool if_exists = false;
  bool if_not_exists = false;
  bool or_replace = false;
  bool cascade = false;
  Identity identity = Identity::none;  // set_identity
  std::string detail;  // new type, default, CHECK expression, or what could not be modeled
  size_t location = no_location;
  int min_args = 0;   // functions: arguments without a default
  int max_args = -1;  // functions: all input arguments (-1: variadic, or not given)
  std::optional<std::vector<std::string>> argument_types;  // functions: input argument types, normalized
  std::shared_ptr<struct Select> view_query;  // create_view
  std::vector<std::string> view_column_aliases;
};

struct ColumnRef {
  std::string qualifier;  // "" or the table/alias (schema-qualified names keep only the last part)
  std::string name;       // "" for `t.*` / `*`
  size_t location = no_location;
  bool star = false;
  bool may_name_output = false;  // in ORDER BY / GROUP BY, where an output column's alias may be meant
};

// A column compared with, or assigned, a string literal: `status = 'open'`, `status IN ('a')`,
// `SET status = 'x'`, or a literal in an INSERT's VALUES. Checked against enum labels.
struct LiteralUse {
  ColumnRef column;
  std::string value;
  size_t location = no_location;  // of the literal
};

// A call of a function by name: `f(a, b)`. Built-in functions are not in the catalog and are
// not checked; user-defined ones the migrations create are.
struct FunctionCall {
  std::string name;
  size_t args = 0;
  size_t location = no_location;
  std::string first_literal;  // the first argument when it is a string literal: nextval('orders_id_seq')
  size_t first_literal_location = no_location;
};

struct RelationRef {
  std::string schema;  // "" when the name is not qualified (the resolver looks it up through the search_path)
  std::string name;
  size_t location = no_location;

  // As written: "schema.name" or "name".
  std::string written_name() const { return schema.empty() ? name : schema + "." + name; }
  // The name's key under the default search_path, where `public` relations go by their bare
  // name: what the per-statement facts for the rules use (the catalog's keys come from
  // catalog::qualify).
  static std::string qualified_name(const std::string& schema, const std::string& name) {
    return schema.empty() || schema == "public" || schema == "pg_temp" ? name : schema + "." + name;
  }
};

struct FromItem {
  enum class Kind { relation, subquery, function } kind = Kind::relation;
  RelationRef relation;
  std::string alias;
  std::vector<std::string> column_aliases;
  std::shared_ptr<struct Select> subquery;
  bool lateral = false;
};

struct OutputColumn {
  std::string name;  // "?column?" when PostgreSQL would invent one
  bool star = false;
  std::string star_qualifier;
};

struct Select {
  std::vector<std::pair<std::string, std::shared_ptr<Select>>> ctes;
  std::vector<std::vector<std::string>> cte_column_aliases;
  bool recursive = false;
  std::vector<FromItem> from;
  std::vector<ColumnRef> refs;                    // references that resolve in this scope
  std::vector<LiteralUse> literals;               // column-literal comparisons in this scope
  std::vector<FunctionCall> calls;                // function calls in this scope's expressions
  std::vector<std::shared_ptr<Select>> nested;    // subqueries in expressions: see this scope
  std::vector<OutputColumn> output;
  std::vector<std::shared_ptr<Select>> set_arms;  // UNION/INTERSECT/EXCEPT arms; output is the first's
};

struct Write {
  RelationRef target;
  std::string alias;
  std::vector<ColumnRef> columns;  // INSERT column list, UPDATE SET targets
  size_t inserted_columns = 0;     // INSERT: how many of `columns` are its list (the rest: DO UPDATE SET)
  bool has_column_list = false;
  size_t values_per_row = 0;       // INSERT ... VALUES without a column list
  std::vector<bool> constant_values;  // single-row VALUES or INSERT ... SELECT: which positions are literals
  std::vector<bool> default_values;   // single-row VALUES, or an UPDATE's SET: which values are the DEFAULT keyword
  bool overriding_system_value = false;  // INSERT ... OVERRIDING SYSTEM VALUE
  std::vector<LiteralUse> assigned_literals;  // string literals written to target columns (VALUES, SET)
  std::shared_ptr<Select> source;  // INSERT's SELECT or VALUES
  Select scope;                    // FROM / USING, WHERE, SET expressions, RETURNING
  bool on_conflict = false;
  std::vector<std::string> conflict_columns;
  size_t conflict_location = no_location;
  Select conflict_scope;           // ON CONFLICT DO UPDATE: sees the target and `excluded`
};

struct QueryModel {
  enum class Kind { select, insert, update, del, other } kind = Kind::other;
  std::shared_ptr<Select> select;
  Write write;
};

}  // namespace mc::sql
