// SELECT / INSERT / UPDATE / DELETE parse trees -> the neutral scope model the resolver checks.
#include <optional>
#include <tuple>

#include "sql/postgres/nodes.h"

namespace mc::postgres {

using sql::ColumnRef;
using sql::FromItem;
using sql::Select;

namespace {

size_t loc(int32_t location) { return location >= 0 ? static_cast<size_t>(location) : sql::no_location; }

// The string value and location of a literal, looking through casts: 'x' or 'x'::mood.
std::optional<std::pair<std::string, size_t>> string_literal(const Node* n) {
  while (n && n->node_case == PG_QUERY__NODE__NODE_TYPE_CAST) n = n->type_cast->arg;
  if (!n || n->node_case != PG_QUERY__NODE__NODE_A_CONST || n->a_const->isnull) return std::nullopt;
  if (n->a_const->val_case != PG_QUERY__A__CONST__VAL_SVAL || !n->a_const->sval) return std::nullopt;
  return std::make_pair(std::string(n->a_const->sval->sval), loc(n->a_const->location));
}

// A non-null literal, looking through casts: the same value every time the statement runs.
bool is_literal(const Node* n) {
  while (n && n->node_case == PG_QUERY__NODE__NODE_TYPE_CAST) n = n->type_cast->arg;
  return n && n->node_case == PG_QUERY__NODE__NODE_A_CONST && !n->a_const->isnull;
}

std::optional<ColumnRef> column_of(const Node* n) {
  while (n && n->node_case == PG_QUERY__NODE__NODE_TYPE_CAST) n = n->type_cast->arg;
  if (!n || n->node_case != PG_QUERY__NODE__NODE_COLUMN_REF) return std::nullopt;
  ColumnRef ref;
  ref.name = column_ref_name(n->column_ref, &ref.qualifier, &ref.star);
  ref.location = loc(n->column_ref->location);
  if (ref.star) return std::nullopt;
  return ref;
}

// `col = 'x'`, `'x' <> col`, `col IN ('x', 'y')`.
void literal_comparisons(const PgQuery__AExpr* e, Select& scope) {
  if (e->kind == PG_QUERY__A__EXPR__KIND__AEXPR_OP) {
    std::string op = e->n_name ? string_of(e->name[e->n_name - 1]) : "";
    if (op != "=" && op != "<>" && op != "!=") return;
    auto column = column_of(e->lexpr);
    auto value = string_literal(e->rexpr);
    if (!column || !value) {
      column = column_of(e->rexpr);
      value = string_literal(e->lexpr);
    }
    if (column && value) scope.literals.push_back({*column, value->first, value->second});
  } else if (e->kind == PG_QUERY__A__EXPR__KIND__AEXPR_IN) {
    auto column = column_of(e->lexpr);
    if (!column || !e->rexpr || e->rexpr->node_case != PG_QUERY__NODE__NODE_LIST) return;
    for (size_t i = 0; i < e->rexpr->list->n_items; ++i) {
      if (auto value = string_literal(e->rexpr->list->items[i])) scope.literals.push_back({*column, value->first, value->second});
    }
  }
}

// Every column reference in an expression goes to `scope.refs`; subqueries become nested scopes.
void collect(const Node* expr, Select& scope, bool may_name_output = false) {
  if (!expr) return;
  walk(&expr->base, [&](const Node* n) {
    switch (n->node_case) {
      case PG_QUERY__NODE__NODE_A_EXPR:
        literal_comparisons(n->a_expr, scope);
        return true;
      case PG_QUERY__NODE__NODE_FUNC_CALL: {
        const PgQuery__FuncCall* call = n->func_call;
        sql::FunctionCall used{last_name(call->funcname, call->n_funcname), call->agg_star ? 0 : call->n_args, loc(call->location)};
        if (call->n_args > 0) {
          if (auto first = string_literal(call->args[0])) std::tie(used.first_literal, used.first_literal_location) = *first;
        }
        scope.calls.push_back(std::move(used));
        return true;  // arguments hold references too
      }
      case PG_QUERY__NODE__NODE_COLUMN_REF: {
        ColumnRef ref;
        ref.name = column_ref_name(n->column_ref, &ref.qualifier, &ref.star);
        ref.location = loc(n->column_ref->location);
        ref.may_name_output = may_name_output;
        scope.refs.push_back(std::move(ref));
        return false;
      }
      case PG_QUERY__NODE__NODE_SUB_LINK:
        collect(n->sub_link->testexpr, scope);
        if (n->sub_link->subselect && n->sub_link->subselect->node_case == PG_QUERY__NODE__NODE_SELECT_STMT) {
          scope.nested.push_back(transform_select(n->sub_link->subselect->select_stmt));
        }
        return false;
      case PG_QUERY__NODE__NODE_SELECT_STMT:
        scope.nested.push_back(transform_select(n->select_stmt));
        return false;
      default: return true;
    }
  });
}

void collect_all(Node* const* items, size_t n, Select& scope, bool may_name_output = false) {
  for (size_t i = 0; i < n; ++i) collect(items[i], scope, may_name_output);
}

std::vector<std::string> alias_columns(const PgQuery__Alias* alias) {
  std::vector<std::string> out;
  if (!alias) return out;
  for (size_t i = 0; i < alias->n_colnames; ++i) out.push_back(string_of(alias->colnames[i]));
  return out;
}

void from_item(const Node* node, Select& scope) {
  switch (node->node_case) {
    case PG_QUERY__NODE__NODE_RANGE_VAR: {
      const PgQuery__RangeVar* rv = node->range_var;
      FromItem item;
      item.relation = {rv->schemaname ? rv->schemaname : "", rv->relname ? rv->relname : "", loc(rv->location)};
      if (rv->alias && rv->alias->aliasname) item.alias = rv->alias->aliasname;
      item.column_aliases = alias_columns(rv->alias);
      scope.from.push_back(std::move(item));
      break;
    }
    case PG_QUERY__NODE__NODE_JOIN_EXPR: {
      const PgQuery__JoinExpr* j = node->join_expr;
      if (j->larg) from_item(j->larg, scope);
      if (j->rarg) from_item(j->rarg, scope);
      collect(j->quals, scope);
      break;
    }
    case PG_QUERY__NODE__NODE_RANGE_SUBSELECT: {
      const PgQuery__RangeSubselect* s = node->range_subselect;
      FromItem item;
      item.kind = FromItem::Kind::subquery;
      item.lateral = s->lateral;
      if (s->alias && s->alias->aliasname) item.alias = s->alias->aliasname;
      item.column_aliases = alias_columns(s->alias);
      if (s->subquery && s->subquery->node_case == PG_QUERY__NODE__NODE_SELECT_STMT) item.subquery = transform_select(s->subquery->select_stmt);
      scope.from.push_back(std::move(item));
      break;
    }
    case PG_QUERY__NODE__NODE_RANGE_FUNCTION: {
      const PgQuery__RangeFunction* f = node->range_function;
      FromItem item;
      item.kind = FromItem::Kind::function;
      item.lateral = true;
      if (f->alias && f->alias->aliasname) item.alias = f->alias->aliasname;
      item.column_aliases = alias_columns(f->alias);
      scope.from.push_back(std::move(item));
      // Function arguments may refer to earlier FROM items (implicitly LATERAL).
      collect_all(f->functions, f->n_functions, scope);
      break;
    }
    default: break;
  }
}

sql::OutputColumn output_of(const PgQuery__ResTarget* target) {
  sql::OutputColumn out;
  if (target->name && *target->name) {
    out.name = target->name;
    return out;
  }
  const Node* v = target->val;
  while (v && v->node_case == PG_QUERY__NODE__NODE_TYPE_CAST) v = v->type_cast->arg;
  if (v && v->node_case == PG_QUERY__NODE__NODE_COLUMN_REF) {
    std::string qualifier;
    bool star = false;
    out.name = column_ref_name(v->column_ref, &qualifier, &star);
    out.star = star;
    out.star_qualifier = star ? qualifier : "";
    return out;
  }
  if (v && v->node_case == PG_QUERY__NODE__NODE_FUNC_CALL) {
    out.name = last_name(v->func_call->funcname, v->func_call->n_funcname);
    return out;
  }
  out.name = "?column?";
  return out;
}

void with_clause(const PgQuery__WithClause* with, Select& scope) {
  if (!with) return;
  scope.recursive = with->recursive;
  for (size_t i = 0; i < with->n_ctes; ++i) {
    const Node* n = with->ctes[i];
    if (n->node_case != PG_QUERY__NODE__NODE_COMMON_TABLE_EXPR) continue;
    const PgQuery__CommonTableExpr* cte = n->common_table_expr;
    std::shared_ptr<Select> body;
    const Node* q = cte->ctequery;
    if (q && q->node_case == PG_QUERY__NODE__NODE_SELECT_STMT) {
      body = transform_select(q->select_stmt);
    } else if (q) {
      // A data-modifying CTE: check it as a query of its own, output from RETURNING.
      if (auto model = transform_query(q, {})) {
        body = std::make_shared<Select>(model->write.scope);
        body->from.insert(body->from.begin(), FromItem{FromItem::Kind::relation, model->write.target, model->write.alias, {}, nullptr, false});
      }
    }
    if (!body) body = std::make_shared<Select>();
    std::vector<std::string> aliases;
    for (size_t k = 0; k < cte->n_aliascolnames; ++k) aliases.push_back(string_of(cte->aliascolnames[k]));
    scope.ctes.emplace_back(cte->ctename ? cte->ctename : "", std::move(body));
    scope.cte_column_aliases.push_back(std::move(aliases));
  }
}

void returning(Node* const* list, size_t n, Select& scope) {
  for (size_t i = 0; i < n; ++i) {
    if (list[i]->node_case != PG_QUERY__NODE__NODE_RES_TARGET) continue;
    collect(list[i]->res_target->val, scope);
    scope.output.push_back(output_of(list[i]->res_target));
  }
}

sql::RelationRef relation_ref(const PgQuery__RangeVar* rv) {
  if (!rv) return {};
  return {rv->schemaname ? rv->schemaname : "", rv->relname ? rv->relname : "", loc(rv->location)};
}

std::string alias_of(const PgQuery__RangeVar* rv) { return rv && rv->alias && rv->alias->aliasname ? rv->alias->aliasname : ""; }

// What INSERT, UPDATE and DELETE share: the target, its alias, and WITH.
sql::Write& begin_write(sql::QueryModel& model, sql::QueryModel::Kind kind, const PgQuery__RangeVar* target,
                        const PgQuery__WithClause* with) {
  model.kind = kind;
  sql::Write& w = model.write;
  w.target = relation_ref(target);
  w.alias = alias_of(target);
  with_clause(with, w.scope);
  return w;
}

// `col = value` targets (UPDATE SET, ON CONFLICT DO UPDATE SET): the column, refs in the value
// (resolved in `scope`), and string literals written to the column. An UPDATE's also say which
// values are DEFAULT (an INSERT's `default_values` stay those of its VALUES).
void set_targets(Node* const* targets, size_t n, sql::Write& w, Select& scope, bool update) {
  for (size_t i = 0; i < n; ++i) {
    const PgQuery__ResTarget* t = targets[i]->res_target;
    w.columns.push_back({"", t->name ? t->name : "", loc(t->location), false});
    if (update) w.default_values.push_back(t->val && t->val->node_case == PG_QUERY__NODE__NODE_SET_TO_DEFAULT);
    collect(t->val, scope);
    if (auto value = string_literal(t->val)) w.assigned_literals.push_back({w.columns.back(), value->first, value->second});
  }
}

}  // namespace

std::shared_ptr<Select> transform_select(const PgQuery__SelectStmt* s) {
  auto out = std::make_shared<Select>();
  if (!s) return out;
  with_clause(s->with_clause, *out);
  if (s->op != PG_QUERY__SET_OPERATION__SETOP_NONE && s->larg && s->rarg) {
    out->set_arms.push_back(transform_select(s->larg));
    out->set_arms.push_back(transform_select(s->rarg));
    collect_all(s->sort_clause, s->n_sort_clause, *out, true);
    return out;
  }
  for (size_t i = 0; i < s->n_from_clause; ++i) from_item(s->from_clause[i], *out);
  for (size_t i = 0; i < s->n_target_list; ++i) {
    if (s->target_list[i]->node_case != PG_QUERY__NODE__NODE_RES_TARGET) continue;
    collect(s->target_list[i]->res_target->val, *out);
    out->output.push_back(output_of(s->target_list[i]->res_target));
  }
  if (s->n_values_lists > 0) {
    collect_all(s->values_lists, s->n_values_lists, *out);
    const Node* first = s->values_lists[0];
    size_t n = first->node_case == PG_QUERY__NODE__NODE_LIST ? first->list->n_items : 0;
    for (size_t i = 0; i < n; ++i) out->output.push_back({"column" + std::to_string(i + 1), false, {}});
  }
  collect(s->where_clause, *out);
  collect_all(s->group_clause, s->n_group_clause, *out, true);
  collect(s->having_clause, *out);
  collect_all(s->sort_clause, s->n_sort_clause, *out, true);
  collect_all(s->distinct_clause, s->n_distinct_clause, *out);
  collect(s->limit_count, *out);
  collect(s->limit_offset, *out);
  return out;
}

std::optional<sql::QueryModel> transform_query(const Node* stmt, std::string_view) {
  sql::QueryModel model;
  switch (stmt->node_case) {
    case PG_QUERY__NODE__NODE_SELECT_STMT:
      if (stmt->select_stmt->into_clause) return std::nullopt;  // SELECT INTO creates a table: DDL
      model.kind = sql::QueryModel::Kind::select;
      model.select = transform_select(stmt->select_stmt);
      return model;
    case PG_QUERY__NODE__NODE_INSERT_STMT: {
      const PgQuery__InsertStmt* ins = stmt->insert_stmt;
      sql::Write& w = begin_write(model, sql::QueryModel::Kind::insert, ins->relation, ins->with_clause);
      w.has_column_list = ins->n_cols > 0;
      w.overriding_system_value = ins->override == PG_QUERY__OVERRIDING_KIND__OVERRIDING_SYSTEM_VALUE;
      for (size_t i = 0; i < ins->n_cols; ++i) {
        const PgQuery__ResTarget* col = ins->cols[i]->res_target;
        w.columns.push_back({"", col->name ? col->name : "", loc(col->location), false});
      }
      w.inserted_columns = w.columns.size();
      if (ins->select_stmt && ins->select_stmt->node_case == PG_QUERY__NODE__NODE_SELECT_STMT) {
        w.source = transform_select(ins->select_stmt->select_stmt);
        const PgQuery__SelectStmt* src = ins->select_stmt->select_stmt;
        if (src->n_values_lists > 0 && src->values_lists[0]->node_case == PG_QUERY__NODE__NODE_LIST) {
          const PgQuery__List* row = src->values_lists[0]->list;
          w.values_per_row = row->n_items;
          if (src->n_values_lists == 1) {
            for (size_t i = 0; i < row->n_items; ++i) {
              w.constant_values.push_back(is_literal(row->items[i]));
              w.default_values.push_back(row->items[i]->node_case == PG_QUERY__NODE__NODE_SET_TO_DEFAULT);
              if (auto value = string_literal(row->items[i]); value && i < w.columns.size()) {
                w.assigned_literals.push_back({w.columns[i], value->first, value->second});
              }
            }
          }
        } else {
          w.values_per_row = w.source->output.size();
          // INSERT ... SELECT 'literal', ...: every row it writes has that value.
          if (src->op == PG_QUERY__SET_OPERATION__SETOP_NONE) {
            for (size_t i = 0; i < src->n_target_list; ++i) {
              const PgQuery__ResTarget* target = src->target_list[i]->res_target;
              w.constant_values.push_back(is_literal(target ? target->val : nullptr));
            }
          }
        }
      }
      returning(ins->returning_list, ins->n_returning_list, w.scope);
      if (const PgQuery__OnConflictClause* oc = ins->on_conflict_clause) {
        w.on_conflict = true;
        w.conflict_location = loc(oc->location);
        if (oc->infer) {
          for (size_t i = 0; i < oc->infer->n_index_elems; ++i) {
            const Node* e = oc->infer->index_elems[i];
            if (e->node_case == PG_QUERY__NODE__NODE_INDEX_ELEM && e->index_elem->name) w.conflict_columns.push_back(e->index_elem->name);
          }
        }
        set_targets(oc->target_list, oc->n_target_list, w, w.conflict_scope, false);
        collect(oc->where_clause, w.conflict_scope);
      }
      return model;
    }
    case PG_QUERY__NODE__NODE_UPDATE_STMT: {
      const PgQuery__UpdateStmt* up = stmt->update_stmt;
      sql::Write& w = begin_write(model, sql::QueryModel::Kind::update, up->relation, up->with_clause);
      set_targets(up->target_list, up->n_target_list, w, w.scope, true);
      for (size_t i = 0; i < up->n_from_clause; ++i) from_item(up->from_clause[i], w.scope);
      collect(up->where_clause, w.scope);
      returning(up->returning_list, up->n_returning_list, w.scope);
      return model;
    }
    case PG_QUERY__NODE__NODE_DELETE_STMT: {
      const PgQuery__DeleteStmt* del = stmt->delete_stmt;
      sql::Write& w = begin_write(model, sql::QueryModel::Kind::del, del->relation, del->with_clause);
      for (size_t i = 0; i < del->n_using_clause; ++i) from_item(del->using_clause[i], w.scope);
      collect(del->where_clause, w.scope);
      returning(del->returning_list, del->n_returning_list, w.scope);
      return model;
    }
    default: return std::nullopt;
  }
}

}  // namespace mc::postgres
