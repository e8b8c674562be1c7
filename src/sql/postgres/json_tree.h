// libpg_query's JSON parse tree read into the protobuf-c structs the transformers walk (the same
// ones pg_query__parse_result__unpack makes from the protobuf output).
//
// Why: libpg_query makes its protobuf output with protobuf-c, whose packer sizes every nested
// message again at each level above it; on migration statements that pack, and the unpack after
// it, cost nine times the parse itself (docs/performance.md). Its JSON output of the same tree is
// a single pass. The JSON names are PostgreSQL's field names (`typeName`, `is_local`) and node
// type names (`ColumnDef`), the proto's the same in snake case: both are matched after folding
// case and dropping underscores, field by field through the protobuf-c descriptors, so that no
// node type is written out by hand here.
#pragma once

#include <protobuf-c/protobuf-c.h>

#include <pg_query/pg_query.pb-c.h>

#include <string>
#include <string_view>

namespace mc::postgres {

// Why a tree was not read; the caller then takes the protobuf route.
enum class JsonRefusal {
  none,
  not_json,  // simdjson refused the text: invalid UTF-8 in the statement, nesting past 1,024
  lossy,     // an Integer written as `{}`: libpg_query 15 writes 0 and negative values so
  unknown,   // a name or a value the descriptors do not have: the two outputs have parted
};

// The tree of `json` (pg_query_parse's parse_tree), allocated with `allocator`; nullptr when it
// cannot be read exactly, and then `why` (when given) says why.
PgQuery__ParseResult* read_json_tree(std::string_view json, ProtobufCAllocator* allocator, JsonRefusal* why = nullptr);

// The check that the two routes agree on one statement (for the tests and the fuzzer): "" when
// the tree read from the JSON, packed again, equals libpg_query's protobuf output byte for byte,
// or when the reader refused for a reason it knows (not JSON, lossy); else what differs.
std::string json_route_difference(const std::string& sql);

}  // namespace mc::postgres
