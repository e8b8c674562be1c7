// What a migration statement does that matters for its safety: the command and its options,
// the columns and constraints it writes. The catalog records a statement's *effect*; these are
// the facts about *how* it gets there (CONCURRENTLY, NOT VALID, a volatile default, BEGIN …)
// that the rules need. Filled by each dialect's front end: PostgreSQL from the parse tree,
// SQLite from the statement's keywords.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace mc::sql {

struct ColumnUse {
  std::string table;
  std::string column;
  std::string type;         // lower-case type name as written: "varchar", "int4", "serial", "timestamp"
  bool has_length = false;  // varchar(n), char(n)
  std::string default_expr; // as written, "" when none
  bool generated_stored = false;
  bool primary_key = false;
  bool not_null = false;
  bool added = false;       // ALTER TABLE … ADD COLUMN (not CREATE TABLE, not ALTER … TYPE)
  bool identity = false;    // GENERATED … AS IDENTITY
  size_t location = static_cast<size_t>(-1);  // of the type, in the statement
};

struct ConstraintUse {
  enum class Kind { check, unique, primary_key, foreign_key, exclusion } kind = Kind::check;
  std::string table;
  std::string name;
  bool not_valid = false;    // ADD CONSTRAINT … NOT VALID
  bool using_index = false;  // ADD CONSTRAINT … UNIQUE USING INDEX
  bool on_new_column = false;
  size_t location = static_cast<size_t>(-1);
};

struct StatementFacts {
  enum class Command {
    other,
    create_table,
    alter_table,
    drop_table,
    create_index,
    drop_index,
    create_view,
    drop_view,
    drop_sequence,
    truncate,
    drop_database,
    begin,
    commit,
    rollback,
    set,
    reindex,
    vacuum,
    cluster,
    create_domain,
    alter_domain_add_constraint,
    alter_enum,
    insert,
    update,
    del,
    pragma,
  } command = Command::other;
  std::string table;  // the table it acts on, when there is one
  bool concurrently = false;
  bool if_exists = false;
  bool if_not_exists = false;
  bool cascade = false;
  bool has_where = false;        // UPDATE, DELETE
  bool vacuum_full = false;
  bool validates_constraint = false;  // ALTER TABLE … VALIDATE CONSTRAINT
  bool detach_partition = false;      // ALTER TABLE … DETACH PARTITION (concurrently: see above)
  bool enum_value_positioned = false; // ALTER TYPE … ADD VALUE … BEFORE/AFTER
  bool enum_add_value = false;
  std::string setting;  // SET / PRAGMA: the lower-case name
  std::string value;    // and its value as written
  std::vector<ColumnUse> columns;          // columns it defines or retypes
  std::vector<ConstraintUse> constraints;  // constraints it adds
  // Identifiers as written that are longer than PostgreSQL's 63 bytes (which its scanner truncates
  // before any parse tree sees them), with their location.
  std::vector<std::pair<std::string, size_t>> overlong_identifiers;
};

}  // namespace mc::sql
