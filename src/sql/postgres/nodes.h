// Helpers over libpg_query's protobuf-c parse tree. Internal to src/sql/postgres.
#pragma once

#include <pg_query.h>
#include <pg_query/pg_query.pb-c.h>

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "sql/facts.h"
#include "sql/model.h"

namespace mc::postgres {

using Node = PgQuery__Node;

// The text of a String node, or "".
std::string string_of(const Node* node);
// "schema.name" parts of a list of String nodes: the last one.
std::string last_name(Node* const* names, size_t n);
// The type as written: "bigint", "text[]", "varchar".
std::string type_text(const PgQuery__TypeName* type);
std::string column_ref_name(const PgQuery__ColumnRef* ref, std::string* qualifier, bool* star);

// The smallest `location` field in a subtree: where an expression starts in the text.
size_t start_of(const Node* node);

// Visits every message below `message` (depth first, oneof-aware), calling `visit` with each
// PgQuery__Node; when it returns false, that node's children are skipped.
void walk(const ProtobufCMessage* message, const std::function<bool(const Node*)>& visit);

// The text of an expression that starts at `begin` in `sql`: up to the first `,` or `)` at
// depth zero, or a keyword that ends a column definition.
std::string expression_text(std::string_view sql, size_t begin);
// The text inside the parentheses after `begin` (for CHECK (...)).
std::string parenthesized_after(std::string_view sql, size_t begin);

// Transformers: one per statement family.
std::vector<sql::SchemaChange> transform_ddl(const Node* stmt, std::string_view sql);
std::optional<sql::QueryModel> transform_query(const Node* stmt, std::string_view sql);
std::shared_ptr<sql::Select> transform_select(const PgQuery__SelectStmt* select);
sql::StatementFacts statement_facts(const Node* stmt, std::string_view sql);

}  // namespace mc::postgres
