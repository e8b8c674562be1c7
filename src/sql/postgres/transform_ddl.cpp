// DDL parse trees -> sql::SchemaChange: what each statement asks of the catalog.
#include <fmt/format.h>

#include <cctype>
#include <climits>

#include "base/text.h"
#include "sql/postgres/nodes.h"

namespace mc::postgres {

using sql::SchemaChange;
using Kind = SchemaChange::Kind;

namespace {

// "create_policy_stmt" -> "CREATE POLICY", for messages.
std::string node_kind_name(const Node* node) {
  for (unsigned i = 0; i < pg_query__node__descriptor.n_fields; ++i) {
    if (pg_query__node__descriptor.fields[i].id != static_cast<unsigned>(node->node_case)) continue;
    std::string name = pg_query__node__descriptor.fields[i].name;
    if (name.size() > 5 && name.compare(name.size() - 5, 5, "_stmt") == 0) name.resize(name.size() - 5);
    for (char& c : name) c = c == '_' ? ' ' : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return name;
  }
  return "statement";
}

// A relation's name as written: "schema.name" when qualified, else bare (the replay looks bare
// names up through the search_path).
std::string written_name(const std::string& schema, const std::string& name) { return schema.empty() ? name : schema + "." + name; }

std::string relation_name(const PgQuery__RangeVar* rv) {
  if (!rv || !rv->relname) return "";
  return written_name(rv->schemaname ? rv->schemaname : "", rv->relname);
}

// The input argument types a DROP or ALTER FUNCTION names, when it names them (`f(int, text)`;
// not `DROP FUNCTION f`).
std::optional<std::vector<std::string>> named_argument_types(const PgQuery__ObjectWithArgs* owa) {
  if (owa->args_unspecified) return std::nullopt;
  std::vector<std::string> types;
  for (size_t i = 0; i < owa->n_objargs; ++i) {
    const Node* arg = owa->objargs[i];
    types.push_back(arg->node_case == PG_QUERY__NODE__NODE_TYPE_NAME ? type_text(arg->type_name) : "");
  }
  return types;
}

// SET search_path TO a, 'b' / RESET search_path: each argument names one schema exactly (the
// server quotes string arguments, so 'a, b' is one schema named "a, b").
SchemaChange search_path_change(const PgQuery__VariableSetStmt* v) {
  SchemaChange ch;
  ch.kind = Kind::set_search_path;
  if (v->kind != PG_QUERY__VARIABLE_SET_KIND__VAR_SET_VALUE) return ch;  // the grammar allows no empty list otherwise
  for (size_t i = 0; i < v->n_args; ++i) {
    const Node* arg = v->args[i];
    if (arg->node_case != PG_QUERY__NODE__NODE_A_CONST || arg->a_const->val_case != PG_QUERY__A__CONST__VAL_SVAL) continue;
    ch.names.push_back(arg->a_const->sval->sval);
  }
  return ch;
}

std::vector<std::string> key_names(Node* const* keys, size_t n) {
  std::vector<std::string> out;
  for (size_t i = 0; i < n; ++i) out.push_back(string_of(keys[i]));
  return out;
}

// GENERATED { ALWAYS | BY DEFAULT } AS IDENTITY.
sql::Identity identity_kind(const PgQuery__Constraint* con) {
  bool always = con->generated_when && std::string_view(con->generated_when) == "a";
  return always ? sql::Identity::always : sql::Identity::by_default;
}

// ALTER COLUMN ... SET GENERATED { ALWAYS | BY DEFAULT }: a "generated" option holding the
// attribute's character code; nullopt when the command only sets sequence options.
std::optional<bool> set_generated_always(const Node* def) {
  if (!def || def->node_case != PG_QUERY__NODE__NODE_LIST) return std::nullopt;
  for (size_t i = 0; i < def->list->n_items; ++i) {
    const Node* item = def->list->items[i];
    if (item->node_case != PG_QUERY__NODE__NODE_DEF_ELEM || !item->def_elem->defname) continue;
    if (std::string_view(item->def_elem->defname) != "generated" || !item->def_elem->arg) continue;
    const Node* arg = item->def_elem->arg;
    if (arg->node_case == PG_QUERY__NODE__NODE_INTEGER) return arg->integer->ival == 'a';
  }
  return std::nullopt;
}

sql::ColumnDefinition column_definition(const PgQuery__ColumnDef* def, std::string_view text) {
  sql::ColumnDefinition c;
  c.name = def->colname ? def->colname : "";
  c.type = type_text(def->type_name);
  for (auto [serial, base] : {std::pair{"serial", "integer"}, {"bigserial", "bigint"}, {"smallserial", "smallint"},
                              {"serial4", "integer"}, {"serial8", "bigint"}, {"serial2", "smallint"}}) {
    if (c.type == serial) {
      c.type = base;
      c.generated = true;
      c.not_null = true;
    }
  }
  c.not_null = c.not_null || def->is_not_null;
  if (def->identity && *def->identity) {
    c.generated = true;
    c.identity = std::string_view(def->identity) == "a" ? sql::Identity::always : sql::Identity::by_default;
  }
  for (size_t i = 0; i < def->n_constraints; ++i) {
    const Node* n = def->constraints[i];
    if (n->node_case != PG_QUERY__NODE__NODE_CONSTRAINT) continue;
    const PgQuery__Constraint* con = n->constraint;
    switch (con->contype) {
      case PG_QUERY__CONSTR_TYPE__CONSTR_NOTNULL: c.not_null = true; break;
      case PG_QUERY__CONSTR_TYPE__CONSTR_DEFAULT:
        if (con->raw_expr) {
          size_t at = start_of(con->raw_expr);
          c.default_expr = at == sql::no_location ? std::string("<expression>") : expression_text(text, at);
        }
        break;
      case PG_QUERY__CONSTR_TYPE__CONSTR_IDENTITY:
        c.generated = true;
        c.identity = identity_kind(con);
        break;
      case PG_QUERY__CONSTR_TYPE__CONSTR_GENERATED:
        c.generated = true;
        c.computed = true;
        break;
      case PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY:
        c.primary_key = true;
        c.not_null = true;
        break;
      case PG_QUERY__CONSTR_TYPE__CONSTR_UNIQUE: c.unique = true; break;
      case PG_QUERY__CONSTR_TYPE__CONSTR_CHECK:
        c.checks.push_back(parenthesized_after(text, static_cast<size_t>(std::max(0, con->location))));
        break;
      default: break;
    }
  }
  return c;
}

// A table constraint (CREATE TABLE's list, or ALTER TABLE ADD CONSTRAINT) as a change.
std::optional<SchemaChange> table_constraint(const PgQuery__Constraint* con, const std::string& table, std::string_view text) {
  SchemaChange ch;
  ch.relation = table;
  ch.name = con->conname ? con->conname : "";
  ch.location = static_cast<size_t>(std::max(0, con->location));
  switch (con->contype) {
    case PG_QUERY__CONSTR_TYPE__CONSTR_CHECK:
      ch.kind = Kind::add_check;
      ch.detail = parenthesized_after(text, ch.location);
      return ch;
    case PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY:
    case PG_QUERY__CONSTR_TYPE__CONSTR_UNIQUE:
      ch.kind = Kind::add_unique;
      ch.primary = con->contype == PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY;
      ch.key_columns = key_names(con->keys, con->n_keys);
      if (ch.key_columns.empty() && con->indexname && *con->indexname) ch.detail = con->indexname;  // USING INDEX
      return ch;
    default:
      ch.kind = Kind::no_schema_effect;  // foreign keys and exclusion constraints are not modeled yet
      ch.detail = "constraint";
      return ch;
  }
}

std::vector<SchemaChange> create_table(const PgQuery__CreateStmt* stmt, std::string_view text) {
  std::vector<SchemaChange> out;
  SchemaChange create;
  create.kind = Kind::create_table;
  create.relation = relation_name(stmt->relation);
  create.if_not_exists = stmt->if_not_exists;
  std::vector<SchemaChange> constraints;
  for (size_t i = 0; i < stmt->n_table_elts; ++i) {
    const Node* el = stmt->table_elts[i];
    if (el->node_case == PG_QUERY__NODE__NODE_COLUMN_DEF) {
      create.columns.push_back(column_definition(el->column_def, text));
    } else if (el->node_case == PG_QUERY__NODE__NODE_CONSTRAINT) {
      if (auto c = table_constraint(el->constraint, create.relation, text)) constraints.push_back(std::move(*c));
    }
  }
  if (stmt->n_inh_relations > 0 || stmt->partbound || stmt->of_typename) {
    SchemaChange note;
    note.kind = Kind::unmodeled;
    note.relation = create.relation;
    note.detail = "inherited, partition or typed table columns";
    constraints.push_back(std::move(note));
  }
  out.push_back(std::move(create));
  for (auto& c : constraints) out.push_back(std::move(c));
  return out;
}

std::vector<SchemaChange> alter_table(const PgQuery__AlterTableStmt* stmt, std::string_view text) {
  std::vector<SchemaChange> out;
  std::string table = relation_name(stmt->relation);
  if (stmt->objtype != PG_QUERY__OBJECT_TYPE__OBJECT_TABLE) {
    SchemaChange ch;
    ch.kind = Kind::unmodeled;
    ch.relation = table;
    ch.detail = "ALTER of a non-table relation";
    out.push_back(ch);
    return out;
  }
  for (size_t i = 0; i < stmt->n_cmds; ++i) {
    if (stmt->cmds[i]->node_case != PG_QUERY__NODE__NODE_ALTER_TABLE_CMD) continue;
    const PgQuery__AlterTableCmd* cmd = stmt->cmds[i]->alter_table_cmd;
    SchemaChange ch;
    ch.relation = table;
    ch.if_exists = stmt->missing_ok;
    ch.name = cmd->name ? cmd->name : "";
    switch (cmd->subtype) {
      case PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumn:
        ch.kind = Kind::add_column;
        ch.if_not_exists = cmd->missing_ok;
        if (cmd->def && cmd->def->node_case == PG_QUERY__NODE__NODE_COLUMN_DEF) {
          ch.columns.push_back(column_definition(cmd->def->column_def, text));
          ch.name = ch.columns.back().name;
        }
        break;
      case PG_QUERY__ALTER_TABLE_TYPE__AT_DropColumn:
        ch.kind = Kind::drop_column;
        ch.if_exists = cmd->missing_ok;
        ch.cascade = cmd->behavior == PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE;
        break;
      case PG_QUERY__ALTER_TABLE_TYPE__AT_ColumnDefault:
        if (cmd->def) {
          ch.kind = Kind::set_default;
          size_t at = start_of(cmd->def);
          ch.detail = at == sql::no_location ? "<expression>" : expression_text(text, at);
        } else {
          ch.kind = Kind::drop_default;
        }
        break;
      case PG_QUERY__ALTER_TABLE_TYPE__AT_SetNotNull: ch.kind = Kind::set_not_null; break;
      case PG_QUERY__ALTER_TABLE_TYPE__AT_DropNotNull: ch.kind = Kind::drop_not_null; break;
      case PG_QUERY__ALTER_TABLE_TYPE__AT_AlterColumnType:
        ch.kind = Kind::alter_column_type;
        if (cmd->def && cmd->def->node_case == PG_QUERY__NODE__NODE_COLUMN_DEF) ch.detail = type_text(cmd->def->column_def->type_name);
        break;
      case PG_QUERY__ALTER_TABLE_TYPE__AT_AddConstraint:
        if (cmd->def && cmd->def->node_case == PG_QUERY__NODE__NODE_CONSTRAINT) {
          if (auto c = table_constraint(cmd->def->constraint, table, text)) ch = std::move(*c);
        }
        break;
      case PG_QUERY__ALTER_TABLE_TYPE__AT_DropConstraint:
        ch.kind = Kind::drop_constraint;
        ch.if_exists = cmd->missing_ok;
        break;
      case PG_QUERY__ALTER_TABLE_TYPE__AT_ValidateConstraint: ch.kind = Kind::no_schema_effect; break;
      case PG_QUERY__ALTER_TABLE_TYPE__AT_AddIdentity:
        ch.kind = Kind::set_identity;
        if (cmd->def && cmd->def->node_case == PG_QUERY__NODE__NODE_CONSTRAINT) ch.identity = identity_kind(cmd->def->constraint);
        ch.detail = "add";
        break;
      case PG_QUERY__ALTER_TABLE_TYPE__AT_SetIdentity:
        if (auto always = set_generated_always(cmd->def)) {
          ch.kind = Kind::set_identity;
          ch.identity = *always ? sql::Identity::always : sql::Identity::by_default;
        } else {
          ch.kind = Kind::no_schema_effect;  // sequence options (RESTART, INCREMENT): invisible to queries
        }
        break;
      case PG_QUERY__ALTER_TABLE_TYPE__AT_DropIdentity:
        ch.kind = Kind::drop_identity;
        ch.if_exists = cmd->missing_ok;
        break;
      default:
        ch.kind = Kind::unmodeled;
        ch.detail = fmt::format("ALTER TABLE sub-command {}", protobuf_c_enum_descriptor_get_value(
                                                                 &pg_query__alter_table_type__descriptor, cmd->subtype)
                                                                 ? protobuf_c_enum_descriptor_get_value(
                                                                       &pg_query__alter_table_type__descriptor, cmd->subtype)
                                                                       ->name
                                                                 : "?");
        break;
    }
    out.push_back(std::move(ch));
  }
  return out;
}

std::vector<std::string> object_name(const Node* object) {
  std::vector<std::string> parts;
  if (object->node_case == PG_QUERY__NODE__NODE_LIST) {
    for (size_t i = 0; i < object->list->n_items; ++i) parts.push_back(string_of(object->list->items[i]));
  } else if (object->node_case == PG_QUERY__NODE__NODE_STRING) {
    parts.push_back(string_of(object));
  } else if (object->node_case == PG_QUERY__NODE__NODE_TYPE_NAME) {  // DROP TYPE, DROP DOMAIN
    for (size_t i = 0; i < object->type_name->n_names; ++i) parts.push_back(string_of(object->type_name->names[i]));
  }
  return parts;
}

}  // namespace

std::vector<SchemaChange> transform_ddl(const Node* stmt, std::string_view text) {
  std::vector<SchemaChange> out;
  SchemaChange ch;
  switch (stmt->node_case) {
    case PG_QUERY__NODE__NODE_CREATE_STMT: return create_table(stmt->create_stmt, text);
    case PG_QUERY__NODE__NODE_ALTER_TABLE_STMT: return alter_table(stmt->alter_table_stmt, text);
    case PG_QUERY__NODE__NODE_RENAME_STMT: {
      const PgQuery__RenameStmt* r = stmt->rename_stmt;
      ch.relation = relation_name(r->relation);
      ch.new_name = r->newname ? r->newname : "";
      ch.if_exists = r->missing_ok;
      switch (r->rename_type) {
        case PG_QUERY__OBJECT_TYPE__OBJECT_TABLE:
        case PG_QUERY__OBJECT_TYPE__OBJECT_VIEW:
        case PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW: ch.kind = Kind::rename_relation; break;
        case PG_QUERY__OBJECT_TYPE__OBJECT_COLUMN:
          ch.kind = Kind::rename_column;
          ch.name = r->subname ? r->subname : "";
          break;
        case PG_QUERY__OBJECT_TYPE__OBJECT_TABCONSTRAINT:
        case PG_QUERY__OBJECT_TYPE__OBJECT_INDEX: ch.kind = Kind::no_schema_effect; break;
        case PG_QUERY__OBJECT_TYPE__OBJECT_SCHEMA:
          ch.kind = Kind::rename_schema;
          ch.name = r->subname ? r->subname : "";
          break;
        case PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE:
          ch.kind = Kind::rename_sequence;
          ch.name = ch.relation;
          ch.relation.clear();
          break;
        case PG_QUERY__OBJECT_TYPE__OBJECT_FUNCTION:
        case PG_QUERY__OBJECT_TYPE__OBJECT_PROCEDURE:
          ch.kind = Kind::rename_function;
          if (r->object && r->object->node_case == PG_QUERY__NODE__NODE_OBJECT_WITH_ARGS) {
            const PgQuery__ObjectWithArgs* owa = r->object->object_with_args;
            ch.name = last_name(owa->objname, owa->n_objname);
            ch.argument_types = named_argument_types(owa);
          }
          break;
        case PG_QUERY__OBJECT_TYPE__OBJECT_TYPE:
        case PG_QUERY__OBJECT_TYPE__OBJECT_DOMAIN: {
          ch.kind = Kind::rename_type;
          auto parts = r->object ? object_name(r->object) : std::vector<std::string>{};
          ch.name = parts.empty() ? "" : parts.back();
          break;
        }
        default:
          ch.kind = Kind::unmodeled;
          ch.detail = "RENAME of this kind of object";
      }
      out.push_back(ch);
      return out;
    }
    case PG_QUERY__NODE__NODE_DROP_STMT: {
      const PgQuery__DropStmt* d = stmt->drop_stmt;
      ch.if_exists = d->missing_ok;
      ch.cascade = d->behavior == PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE;
      switch (d->remove_type) {
        case PG_QUERY__OBJECT_TYPE__OBJECT_TABLE:
        case PG_QUERY__OBJECT_TYPE__OBJECT_VIEW:
        case PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW: ch.kind = Kind::drop_relation; break;
        case PG_QUERY__OBJECT_TYPE__OBJECT_INDEX: ch.kind = Kind::drop_index; break;
        case PG_QUERY__OBJECT_TYPE__OBJECT_TYPE:
        case PG_QUERY__OBJECT_TYPE__OBJECT_DOMAIN: ch.kind = Kind::drop_type; break;
        case PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE: ch.kind = Kind::drop_sequence; break;
        case PG_QUERY__OBJECT_TYPE__OBJECT_SCHEMA: ch.kind = Kind::drop_schema; break;
        case PG_QUERY__OBJECT_TYPE__OBJECT_TRIGGER: {  // DROP TRIGGER name ON [schema.]table, one object
          ch.kind = Kind::drop_trigger;
          auto parts = d->n_objects > 0 ? object_name(d->objects[0]) : std::vector<std::string>{};
          if (parts.size() >= 2) {
            ch.name = parts.back();
            ch.relation = parts.size() >= 3 ? written_name(parts[parts.size() - 3], parts[parts.size() - 2]) : parts[parts.size() - 2];
          }
          out.push_back(ch);
          return out;
        }
        case PG_QUERY__OBJECT_TYPE__OBJECT_FUNCTION:
        case PG_QUERY__OBJECT_TYPE__OBJECT_PROCEDURE: {
          ch.kind = Kind::drop_function;
          for (size_t i = 0; i < d->n_objects; ++i) {  // one change per function: each names its own overload
            const Node* o = d->objects[i];
            if (o->node_case != PG_QUERY__NODE__NODE_OBJECT_WITH_ARGS) continue;
            const PgQuery__ObjectWithArgs* owa = o->object_with_args;
            SchemaChange one = ch;
            one.names = {last_name(owa->objname, owa->n_objname)};
            one.max_args = owa->args_unspecified ? -1 : static_cast<int>(owa->n_objargs);
            one.argument_types = named_argument_types(owa);
            out.push_back(std::move(one));
          }
          if (out.empty()) out.push_back(ch);
          return out;
        }
        default: ch.kind = Kind::no_schema_effect; break;
      }
      for (size_t i = 0; i < d->n_objects; ++i) {
        auto parts = object_name(d->objects[i]);
        if (parts.empty()) continue;
        ch.names.push_back(parts.size() >= 2 ? written_name(parts[parts.size() - 2], parts.back()) : parts.back());
      }
      out.push_back(ch);
      return out;
    }
    case PG_QUERY__NODE__NODE_INDEX_STMT: {
      const PgQuery__IndexStmt* ix = stmt->index_stmt;
      ch.kind = Kind::create_index;
      ch.relation = relation_name(ix->relation);
      ch.name = ix->idxname ? ix->idxname : "";
      ch.unique = ix->unique || ix->primary;
      ch.if_not_exists = ix->if_not_exists;
      for (size_t i = 0; i < ix->n_index_params; ++i) {
        const Node* p = ix->index_params[i];
        if (p->node_case == PG_QUERY__NODE__NODE_INDEX_ELEM) {
          const char* name = p->index_elem->name;
          ch.key_columns.push_back(name && *name ? name : "<expression>");
        }
      }
      if (ix->where_clause) ch.detail = "partial";
      out.push_back(ch);
      return out;
    }
    case PG_QUERY__NODE__NODE_VIEW_STMT: {
      const PgQuery__ViewStmt* v = stmt->view_stmt;
      ch.kind = Kind::create_view;
      ch.relation = relation_name(v->view);
      ch.or_replace = v->replace;
      for (size_t i = 0; i < v->n_aliases; ++i) ch.view_column_aliases.push_back(string_of(v->aliases[i]));
      if (v->query && v->query->node_case == PG_QUERY__NODE__NODE_SELECT_STMT) ch.view_query = transform_select(v->query->select_stmt);
      out.push_back(ch);
      return out;
    }
    case PG_QUERY__NODE__NODE_CREATE_ENUM_STMT: {
      const PgQuery__CreateEnumStmt* e = stmt->create_enum_stmt;
      ch.kind = Kind::create_enum;
      ch.name = last_name(e->type_name, e->n_type_name);
      for (size_t i = 0; i < e->n_vals; ++i) ch.names.push_back(string_of(e->vals[i]));
      out.push_back(ch);
      return out;
    }
    case PG_QUERY__NODE__NODE_CREATE_TRIG_STMT: {
      const PgQuery__CreateTrigStmt* t = stmt->create_trig_stmt;
      ch.kind = Kind::create_trigger;
      ch.relation = relation_name(t->relation);
      ch.name = t->trigname ? t->trigname : "";
      ch.detail = last_name(t->funcname, t->n_funcname);
      ch.or_replace = t->replace;
      out.push_back(ch);
      return out;
    }
    case PG_QUERY__NODE__NODE_CREATE_DOMAIN_STMT: {
      // The domain as a type columns may have (for DROP and RENAME); its NOT NULL, CHECK and
      // DEFAULT are not modeled (the server proof sees them).
      const PgQuery__CreateDomainStmt* d = stmt->create_domain_stmt;
      ch.kind = Kind::create_domain;
      ch.name = last_name(d->domainname, d->n_domainname);
      ch.detail = type_text(d->type_name);
      out.push_back(ch);
      return out;
    }
    case PG_QUERY__NODE__NODE_ALTER_ENUM_STMT: {
      const PgQuery__AlterEnumStmt* e = stmt->alter_enum_stmt;
      ch.name = last_name(e->type_name, e->n_type_name);
      ch.new_name = e->new_val ? e->new_val : "";
      if (e->old_val && *e->old_val) {
        ch.kind = Kind::rename_enum_label;
        ch.detail = e->old_val;
      } else {
        ch.kind = Kind::add_enum_label;
        ch.if_not_exists = e->skip_if_new_val_exists;
      }
      out.push_back(ch);
      return out;
    }
    case PG_QUERY__NODE__NODE_ALTER_OBJECT_SCHEMA_STMT: {
      const PgQuery__AlterObjectSchemaStmt* a = stmt->alter_object_schema_stmt;
      bool relation = a->object_type == PG_QUERY__OBJECT_TYPE__OBJECT_TABLE ||
                      a->object_type == PG_QUERY__OBJECT_TYPE__OBJECT_VIEW ||
                      a->object_type == PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW;
      if (!relation || !a->relation) {
        ch.kind = Kind::unmodeled;
        ch.detail = "SET SCHEMA of this kind of object";
      } else {
        ch.kind = Kind::rename_relation;
        ch.relation = relation_name(a->relation);
        ch.new_name = written_name(a->newschema ? a->newschema : "public", a->relation->relname);  // always qualified
        ch.if_exists = a->missing_ok;
      }
      out.push_back(ch);
      return out;
    }
    case PG_QUERY__NODE__NODE_CREATE_FUNCTION_STMT: {
      const PgQuery__CreateFunctionStmt* f = stmt->create_function_stmt;
      ch.kind = Kind::create_function;
      ch.name = last_name(f->funcname, f->n_funcname);
      ch.or_replace = f->replace;
      ch.max_args = 0;
      ch.argument_types.emplace();
      for (size_t i = 0; i < f->n_parameters; ++i) {
        if (f->parameters[i]->node_case != PG_QUERY__NODE__NODE_FUNCTION_PARAMETER) continue;
        const PgQuery__FunctionParameter* p = f->parameters[i]->function_parameter;
        switch (p->mode) {
          case PG_QUERY__FUNCTION_PARAMETER_MODE__FUNC_PARAM_OUT:
          case PG_QUERY__FUNCTION_PARAMETER_MODE__FUNC_PARAM_TABLE: break;
          case PG_QUERY__FUNCTION_PARAMETER_MODE__FUNC_PARAM_VARIADIC:
            ch.max_args = -1;
            ch.argument_types->push_back(type_text(p->arg_type));
            break;
          default:
            if (ch.max_args >= 0) ++ch.max_args;
            if (!p->defexpr) ++ch.min_args;
            ch.argument_types->push_back(type_text(p->arg_type));
        }
      }
      out.push_back(ch);
      return out;
    }
    case PG_QUERY__NODE__NODE_CREATE_SEQ_STMT:
      ch.kind = Kind::create_sequence;
      ch.name = relation_name(stmt->create_seq_stmt->sequence);
      ch.if_not_exists = stmt->create_seq_stmt->if_not_exists;
      out.push_back(ch);
      return out;
    case PG_QUERY__NODE__NODE_VARIABLE_SET_STMT: {
      const PgQuery__VariableSetStmt* v = stmt->variable_set_stmt;
      bool all = v->kind == PG_QUERY__VARIABLE_SET_KIND__VAR_RESET_ALL;
      if (all || (v->name && std::string_view(v->name) == "search_path")) {
        out.push_back(search_path_change(v));
        return out;
      }
      ch.kind = Kind::no_schema_effect;
      ch.detail = node_kind_name(stmt);
      out.push_back(ch);
      return out;
    }
    case PG_QUERY__NODE__NODE_CREATE_SCHEMA_STMT: {
      const PgQuery__CreateSchemaStmt* c = stmt->create_schema_stmt;
      if (!c->schemaname || c->n_schema_elts > 0) {  // AUTHORIZATION without a name; objects created inside
        ch.kind = Kind::unmodeled;
        ch.detail = c->schemaname ? "CREATE SCHEMA with the objects it creates" : "CREATE SCHEMA named after a role";
      } else {
        ch.kind = Kind::create_schema;
        ch.name = c->schemaname;
        ch.if_not_exists = c->if_not_exists;
      }
      out.push_back(ch);
      return out;
    }
    case PG_QUERY__NODE__NODE_TRANSACTION_STMT:
    case PG_QUERY__NODE__NODE_COMMENT_STMT:
    case PG_QUERY__NODE__NODE_GRANT_STMT:
    case PG_QUERY__NODE__NODE_GRANT_ROLE_STMT:
    case PG_QUERY__NODE__NODE_CREATE_EXTENSION_STMT:
    case PG_QUERY__NODE__NODE_ALTER_SEQ_STMT:
    case PG_QUERY__NODE__NODE_VARIABLE_SHOW_STMT:
    case PG_QUERY__NODE__NODE_LOCK_STMT:
    case PG_QUERY__NODE__NODE_VACUUM_STMT:
    case PG_QUERY__NODE__NODE_REINDEX_STMT:
    case PG_QUERY__NODE__NODE_REFRESH_MAT_VIEW_STMT:
      ch.kind = Kind::no_schema_effect;
      ch.detail = node_kind_name(stmt);
      out.push_back(ch);
      return out;
    default:
      ch.kind = Kind::unmodeled;
      ch.detail = node_kind_name(stmt);
      out.push_back(ch);
      return out;
  }
}

}  // namespace mc::postgres
