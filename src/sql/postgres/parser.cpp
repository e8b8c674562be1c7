#include "sql/postgres/parser.h"

#include <string>

#include <fmt/format.h>

#include "sql/postgres/json_tree.h"
#include "sql/postgres/nodes.h"
#include "sql/postgres/unpack_arena.h"

namespace mc::postgres {

ParsedStatement parse(std::string_view statement) {
  ParsedStatement out;
  if (statement.size() > max_parsed_statement_bytes) {
    out.oversized = true;
    std::string size = fmt::format("{:.1f} MiB; migcompat parses statements up to {} MiB",
                                   static_cast<double>(statement.size()) / (1 << 20), max_parsed_statement_bytes >> 20);
    out.error = ParseError{"the statement is " + size, 0};
    out.changes.push_back({.kind = sql::SchemaChange::Kind::unmodeled, .detail = "it is not parsed: " + size});
    return out;
  }
  // The parser reads a C string; a NUL would silently end the statement early.
  if (size_t nul = statement.find('\0'); nul != std::string_view::npos) {
    out.error = ParseError{"invalid byte sequence for encoding \"UTF8\": 0x00", nul};
    return out;
  }
  std::string text(statement);
  // The tree comes as JSON, read into the protobuf structs (half the cost of libpg_query's
  // protobuf output and its unpack, see json_tree.h); a tree the JSON cannot carry exactly is
  // taken the protobuf way.
  PgQueryParseResult result = pg_query_parse(text.c_str());
  if (result.error) {
    size_t cursor = result.error->cursorpos > 0 ? static_cast<size_t>(result.error->cursorpos - 1) : 0;
    out.error = ParseError{result.error->message, cursor};
    pg_query_free_parse_result(result);
    return out;
  }
  UnpackArena arena;
  PgQuery__ParseResult* tree = read_json_tree(result.parse_tree, arena.allocator());
  pg_query_free_parse_result(result);
  if (!tree) {
    PgQueryProtobufParseResult packed = pg_query_parse_protobuf(text.c_str());
    if (!packed.error) {
      tree = pg_query__parse_result__unpack(arena.allocator(), packed.parse_tree.len,
                                            reinterpret_cast<const uint8_t*>(packed.parse_tree.data));
    }
    pg_query_free_protobuf_parse_result(packed);
  }
  if (!tree) {
    out.error = ParseError{"could not read the parse tree", 0};
    return out;
  }
  for (size_t i = 0; i < tree->n_stmts; ++i) {
    const Node* stmt = tree->stmts[i]->stmt;
    if (!stmt) continue;
    if (i == 0) out.facts = statement_facts(stmt, text);
    if (auto query = transform_query(stmt, text)) {
      out.query = std::make_shared<const sql::QueryModel>(std::move(*query));
    } else {
      for (auto& change : transform_ddl(stmt, text)) out.changes.push_back(std::move(change));
    }
  }
  return out;  // the tree goes with the arena
}

}  // namespace mc::postgres
