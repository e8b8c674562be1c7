// The PostgreSQL front end: PostgreSQL 15's own parser (libpg_query) turned into the neutral
// statement model. Only this folder sees pg_query.h; parse trees never leave it.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sql/facts.h"
#include "sql/model.h"

namespace mc::postgres {

struct ParseError {
  std::string message;
  size_t offset = 0;  // byte offset in the statement
};

// Statements longer than this are not parsed: libpg_query needs about 40 bytes of memory per byte
// of a statement (a 100 MB generated IN list took 3.9 GB), and nothing hand-written is this long.
inline constexpr size_t max_parsed_statement_bytes = size_t{8} << 20;

struct ParsedStatement {
  std::optional<ParseError> error;
  bool oversized = false;  // longer than max_parsed_statement_bytes: `error` says so, `changes` is one unmodeled
  std::vector<sql::SchemaChange> changes;  // what DDL asks of the catalog
  // SELECT, INSERT, UPDATE, DELETE. Boxed: most migration statements are DDL, and a run keeps
  // every statement's parse (an inline model would triple the size of each).
  std::shared_ptr<const sql::QueryModel> query;
  sql::StatementFacts facts;               // how it does it: options, types, constraints
};

// Parses one statement (as cut by postgres::split).
ParsedStatement parse(std::string_view statement);

}  // namespace mc::postgres
