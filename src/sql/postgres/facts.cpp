// Parse trees -> sql::StatementFacts: the options and definitions the migration-safety rules read.
#include <algorithm>
#include <cctype>

#include "base/text.h"
#include "sql/postgres/nodes.h"
#include "sql/postgres/tokens.h"

namespace mc::postgres {

using sql::ColumnUse;
using sql::ConstraintUse;
using sql::StatementFacts;
using Command = StatementFacts::Command;

namespace {

size_t loc(int32_t location) { return location >= 0 ? static_cast<size_t>(location) : sql::no_location; }

std::string table_of(const PgQuery__RangeVar* rv) {
  if (!rv || !rv->relname) return "";
  return sql::RelationRef::qualified_name(rv->schemaname ? rv->schemaname : "", rv->relname);
}

std::string lower_type(const PgQuery__TypeName* type) {
  if (!type) return "";
  std::string name = last_name(type->names, type->n_names);
  return to_lower(name);
}

void add_constraint(StatementFacts& facts, const PgQuery__Constraint* c, const std::string& table, bool on_new_column) {
  ConstraintUse use;
  switch (c->contype) {
    case PG_QUERY__CONSTR_TYPE__CONSTR_CHECK: use.kind = ConstraintUse::Kind::check; break;
    case PG_QUERY__CONSTR_TYPE__CONSTR_UNIQUE: use.kind = ConstraintUse::Kind::unique; break;
    case PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY: use.kind = ConstraintUse::Kind::primary_key; break;
    case PG_QUERY__CONSTR_TYPE__CONSTR_FOREIGN: use.kind = ConstraintUse::Kind::foreign_key; break;
    case PG_QUERY__CONSTR_TYPE__CONSTR_EXCLUSION: use.kind = ConstraintUse::Kind::exclusion; break;
    default: return;
  }
  use.table = table;
  use.name = c->conname ? c->conname : "";
  use.not_valid = c->skip_validation;
  use.using_index = c->indexname && *c->indexname;
  use.on_new_column = on_new_column;
  use.location = loc(c->location);
  facts.constraints.push_back(std::move(use));
}

void add_column(StatementFacts& facts, const PgQuery__ColumnDef* def, const std::string& table, std::string_view sql) {
  ColumnUse use;
  use.table = table;
  use.column = def->colname ? def->colname : "";
  use.type = lower_type(def->type_name);
  use.has_length = def->type_name && def->type_name->n_typmods > 0;
  use.location = def->type_name ? loc(def->type_name->location) : loc(def->location);
  use.not_null = def->is_not_null;
  if (def->raw_default) use.default_expr = expression_text(sql, start_of(def->raw_default));
  for (size_t i = 0; i < def->n_constraints; ++i) {
    const Node* n = def->constraints[i];
    if (n->node_case != PG_QUERY__NODE__NODE_CONSTRAINT) continue;
    const PgQuery__Constraint* c = n->constraint;
    if (c->contype == PG_QUERY__CONSTR_TYPE__CONSTR_NOTNULL) use.not_null = true;
    if (c->contype == PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY) use.primary_key = use.not_null = true;
    if (c->contype == PG_QUERY__CONSTR_TYPE__CONSTR_DEFAULT && c->raw_expr) {
      use.default_expr = expression_text(sql, start_of(c->raw_expr));
    }
    if (c->contype == PG_QUERY__CONSTR_TYPE__CONSTR_GENERATED) use.generated_stored = true;
    if (c->contype == PG_QUERY__CONSTR_TYPE__CONSTR_IDENTITY) use.identity = true;
    add_constraint(facts, c, table, true);
  }
  facts.columns.push_back(std::move(use));
}

std::string setting_value(Node* const* args, size_t n, std::string_view sql) {
  if (n == 0) return "";
  size_t at = start_of(args[0]);
  return at == sql::no_location ? "" : expression_text(sql, at);
}

bool has_option(Node* const* options, size_t n, std::string_view name) {
  for (size_t i = 0; i < n; ++i) {
    if (options[i]->node_case == PG_QUERY__NODE__NODE_DEF_ELEM && options[i]->def_elem->defname &&
        to_lower(options[i]->def_elem->defname) == name) {
      return true;
    }
  }
  return false;
}

void alter_table(StatementFacts& facts, const PgQuery__AlterTableStmt* stmt, std::string_view sql) {
  facts.command = Command::alter_table;
  facts.table = table_of(stmt->relation);
  facts.if_exists = stmt->missing_ok;
  for (size_t i = 0; i < stmt->n_cmds; ++i) {
    if (stmt->cmds[i]->node_case != PG_QUERY__NODE__NODE_ALTER_TABLE_CMD) continue;
    const PgQuery__AlterTableCmd* cmd = stmt->cmds[i]->alter_table_cmd;
    const Node* def = cmd->def;
    switch (cmd->subtype) {
      case PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumn:
        if (def && def->node_case == PG_QUERY__NODE__NODE_COLUMN_DEF) {
          add_column(facts, def->column_def, facts.table, sql);
          facts.columns.back().added = true;
        }
        break;
      case PG_QUERY__ALTER_TABLE_TYPE__AT_AlterColumnType:
        if (def && def->node_case == PG_QUERY__NODE__NODE_COLUMN_DEF) {
          ColumnUse use;
          use.table = facts.table;
          use.column = cmd->name ? cmd->name : "";
          use.type = lower_type(def->column_def->type_name);
          use.has_length = def->column_def->type_name && def->column_def->type_name->n_typmods > 0;
          use.location = def->column_def->type_name ? loc(def->column_def->type_name->location) : sql::no_location;
          facts.columns.push_back(std::move(use));
        }
        break;
      case PG_QUERY__ALTER_TABLE_TYPE__AT_AddConstraint:
        if (def && def->node_case == PG_QUERY__NODE__NODE_CONSTRAINT) add_constraint(facts, def->constraint, facts.table, false);
        break;
      case PG_QUERY__ALTER_TABLE_TYPE__AT_ValidateConstraint: facts.validates_constraint = true; break;
      case PG_QUERY__ALTER_TABLE_TYPE__AT_DetachPartition:
        facts.detach_partition = true;
        if (def && def->node_case == PG_QUERY__NODE__NODE_PARTITION_CMD) facts.concurrently = def->partition_cmd->concurrent;
        break;
      default: break;
    }
  }
}

// PostgreSQL's scanner truncates identifiers to 63 bytes (NAMEDATALEN - 1), so long names are
// found in the tokens, as written.
void find_overlong_identifiers(StatementFacts& facts, std::string_view sql) {
  // Scanning costs as much as parsing; only a run of more than 63 name characters can hold one.
  size_t run = 0, longest = 0;
  for (char c : sql) {
    bool name_char = std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$' || static_cast<unsigned char>(c) >= 0x80;
    run = name_char ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  if (longest <= 63 && sql.find('"') == std::string_view::npos) return;
  std::optional<std::vector<Token>> tokens = scan_tokens(sql);
  if (!tokens) return;
  for (const Token& t : *tokens) {
    if (t.kind != PG_QUERY__TOKEN__IDENT || t.end <= t.begin) continue;
    std::string name(sql.substr(t.begin, t.end - t.begin));
    if (name.size() >= 2 && name.front() == '"' && name.back() == '"') name = name.substr(1, name.size() - 2);
    if (name.size() > 63) facts.overlong_identifiers.emplace_back(name, t.begin);
  }
}

}  // namespace

StatementFacts statement_facts(const Node* stmt, std::string_view sql) {
  StatementFacts facts;
  find_overlong_identifiers(facts, sql);
  switch (stmt->node_case) {
    case PG_QUERY__NODE__NODE_CREATE_STMT: {
      const PgQuery__CreateStmt* c = stmt->create_stmt;
      facts.command = Command::create_table;
      facts.table = table_of(c->relation);
      facts.if_not_exists = c->if_not_exists;
      for (size_t i = 0; i < c->n_table_elts; ++i) {
        const Node* el = c->table_elts[i];
        if (el->node_case == PG_QUERY__NODE__NODE_COLUMN_DEF) add_column(facts, el->column_def, facts.table, sql);
        if (el->node_case == PG_QUERY__NODE__NODE_CONSTRAINT) add_constraint(facts, el->constraint, facts.table, true);
      }
      break;
    }
    case PG_QUERY__NODE__NODE_ALTER_TABLE_STMT: alter_table(facts, stmt->alter_table_stmt, sql); break;
    case PG_QUERY__NODE__NODE_INDEX_STMT: {
      const PgQuery__IndexStmt* ix = stmt->index_stmt;
      facts.command = Command::create_index;
      facts.table = table_of(ix->relation);
      facts.concurrently = ix->concurrent;
      facts.if_not_exists = ix->if_not_exists;
      break;
    }
    case PG_QUERY__NODE__NODE_DROP_STMT: {
      const PgQuery__DropStmt* d = stmt->drop_stmt;
      switch (d->remove_type) {
        case PG_QUERY__OBJECT_TYPE__OBJECT_TABLE: facts.command = Command::drop_table; break;
        case PG_QUERY__OBJECT_TYPE__OBJECT_INDEX: facts.command = Command::drop_index; break;
        case PG_QUERY__OBJECT_TYPE__OBJECT_VIEW:
        case PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW: facts.command = Command::drop_view; break;
        case PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE: facts.command = Command::drop_sequence; break;
        default: break;
      }
      facts.concurrently = d->concurrent;
      facts.if_exists = d->missing_ok;
      facts.cascade = d->behavior == PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE;
      break;
    }
    case PG_QUERY__NODE__NODE_TRUNCATE_STMT:
      facts.command = Command::truncate;
      facts.cascade = stmt->truncate_stmt->behavior == PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE;
      break;
    case PG_QUERY__NODE__NODE_DROPDB_STMT:
      facts.command = Command::drop_database;
      facts.if_exists = stmt->dropdb_stmt->missing_ok;
      break;
    case PG_QUERY__NODE__NODE_TRANSACTION_STMT:
      switch (stmt->transaction_stmt->kind) {
        case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_BEGIN:
        case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_START: facts.command = Command::begin; break;
        case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_COMMIT: facts.command = Command::commit; break;
        case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_ROLLBACK: facts.command = Command::rollback; break;
        default: break;
      }
      break;
    case PG_QUERY__NODE__NODE_VARIABLE_SET_STMT: {
      const PgQuery__VariableSetStmt* v = stmt->variable_set_stmt;
      facts.command = Command::set;
      facts.setting = v->name ? to_lower(v->name) : "";
      facts.value = setting_value(v->args, v->n_args, sql);
      break;
    }
    case PG_QUERY__NODE__NODE_REINDEX_STMT:
      facts.command = Command::reindex;
      facts.table = table_of(stmt->reindex_stmt->relation);
      facts.concurrently = has_option(stmt->reindex_stmt->params, stmt->reindex_stmt->n_params, "concurrently");
      break;
    case PG_QUERY__NODE__NODE_VACUUM_STMT:
      facts.command = Command::vacuum;
      facts.vacuum_full = has_option(stmt->vacuum_stmt->options, stmt->vacuum_stmt->n_options, "full");
      break;
    case PG_QUERY__NODE__NODE_CLUSTER_STMT:
      facts.command = Command::cluster;
      facts.table = table_of(stmt->cluster_stmt->relation);
      break;
    case PG_QUERY__NODE__NODE_CREATE_DOMAIN_STMT: {
      const PgQuery__CreateDomainStmt* d = stmt->create_domain_stmt;
      facts.command = Command::create_domain;
      for (size_t i = 0; i < d->n_constraints; ++i) {
        if (d->constraints[i]->node_case == PG_QUERY__NODE__NODE_CONSTRAINT) add_constraint(facts, d->constraints[i]->constraint, "", false);
      }
      break;
    }
    case PG_QUERY__NODE__NODE_ALTER_DOMAIN_STMT:
      if (stmt->alter_domain_stmt->subtype && std::string(stmt->alter_domain_stmt->subtype) == "C") {
        facts.command = Command::alter_domain_add_constraint;
      }
      break;
    case PG_QUERY__NODE__NODE_ALTER_ENUM_STMT: {
      const PgQuery__AlterEnumStmt* e = stmt->alter_enum_stmt;
      facts.command = Command::alter_enum;
      facts.enum_add_value = e->new_val && *e->new_val && !(e->old_val && *e->old_val);
      facts.enum_value_positioned = e->new_val_neighbor && *e->new_val_neighbor;
      break;
    }
    case PG_QUERY__NODE__NODE_VIEW_STMT: facts.command = Command::create_view; break;
    case PG_QUERY__NODE__NODE_INSERT_STMT:
      facts.command = Command::insert;
      facts.table = table_of(stmt->insert_stmt->relation);
      break;
    case PG_QUERY__NODE__NODE_UPDATE_STMT:
      facts.command = Command::update;
      facts.table = table_of(stmt->update_stmt->relation);
      facts.has_where = stmt->update_stmt->where_clause != nullptr;
      break;
    case PG_QUERY__NODE__NODE_DELETE_STMT:
      facts.command = Command::del;
      facts.table = table_of(stmt->delete_stmt->relation);
      facts.has_where = stmt->delete_stmt->where_clause != nullptr;
      break;
    default: break;
  }
  return facts;
}

}  // namespace mc::postgres
