#include "sql/postgres/nodes.h"

#include <cctype>
#include <climits>

#include "base/text.h"

namespace mc::postgres {

std::string string_of(const Node* node) {
  if (node && node->node_case == PG_QUERY__NODE__NODE_STRING && node->string) return node->string->sval;
  return {};
}

std::string last_name(Node* const* names, size_t n) { return n == 0 ? std::string() : string_of(names[n - 1]); }

std::string type_text(const PgQuery__TypeName* type) {
  if (!type) return {};
  std::string name = last_name(type->names, type->n_names);
  static const std::pair<const char*, const char*> aliases[] = {
      {"int8", "bigint"}, {"int4", "integer"}, {"int2", "smallint"}, {"float8", "double precision"},
      {"float4", "real"}, {"bool", "boolean"}, {"timestamptz", "timestamp with time zone"},
      {"timestamp", "timestamp without time zone"}, {"varchar", "character varying"}, {"bpchar", "character"}};
  for (const auto& [from, to] : aliases) {
    if (name == from) name = to;
  }
  for (size_t i = 0; i < type->n_array_bounds; ++i) name += "[]";
  return name;
}

std::string column_ref_name(const PgQuery__ColumnRef* ref, std::string* qualifier, bool* star) {
  *star = false;
  qualifier->clear();
  if (ref->n_fields == 0) return {};
  const Node* last = ref->fields[ref->n_fields - 1];
  if (ref->n_fields >= 2) *qualifier = string_of(ref->fields[ref->n_fields - 2]);
  if (last->node_case == PG_QUERY__NODE__NODE_A_STAR) {
    *star = true;
    return {};
  }
  return string_of(last);
}

namespace {

// The message a Node holds. A Node is one oneof over every node type (~250 fields): the field is
// looked up by its number (protobuf-c searches the descriptor's ranges) instead of scanning them all.
const ProtobufCMessage* held_message(const Node* node) {
  const ProtobufCFieldDescriptor* field =
      protobuf_c_message_descriptor_get_field(&pg_query__node__descriptor, static_cast<unsigned>(node->node_case));
  if (!field || field->type != PROTOBUF_C_TYPE_MESSAGE) return nullptr;
  return *reinterpret_cast<ProtobufCMessage* const*>(reinterpret_cast<const char*>(node) + field->offset);
}

}  // namespace

void walk(const ProtobufCMessage* message, const std::function<bool(const Node*)>& visit) {
  if (!message) return;
  const ProtobufCMessageDescriptor* desc = message->descriptor;
  if (desc == &pg_query__node__descriptor) {
    const Node* node = reinterpret_cast<const Node*>(message);
    if (visit(node)) walk(held_message(node), visit);
    return;
  }
  const auto* base = reinterpret_cast<const char*>(message);
  for (unsigned i = 0; i < desc->n_fields; ++i) {
    const ProtobufCFieldDescriptor& field = desc->fields[i];
    if (field.type != PROTOBUF_C_TYPE_MESSAGE) continue;
    if (field.flags & PROTOBUF_C_FIELD_FLAG_ONEOF) {
      uint32_t active = *reinterpret_cast<const uint32_t*>(base + field.quantifier_offset);
      if (active != field.id) continue;
    }
    if (field.label == PROTOBUF_C_LABEL_REPEATED) {
      size_t n = *reinterpret_cast<const size_t*>(base + field.quantifier_offset);
      auto* const* items = *reinterpret_cast<ProtobufCMessage* const* const*>(base + field.offset);
      for (size_t k = 0; k < n; ++k) walk(items[k], visit);
    } else {
      walk(*reinterpret_cast<ProtobufCMessage* const*>(base + field.offset), visit);
    }
  }
}

std::string expression_text(std::string_view sql, size_t begin) {
  int depth = 0;
  size_t i = begin;
  while (i < sql.size()) {
    char c = sql[i];
    if (c == '\'') {
      size_t end = sql.find('\'', i + 1);
      i = end == std::string_view::npos ? sql.size() : end + 1;
      continue;
    }
    if (c == '(') ++depth;
    if (c == ')') {
      if (depth == 0) break;
      --depth;
    }
    if (c == ',' && depth == 0) break;
    if (depth == 0 && std::isalpha(static_cast<unsigned char>(c)) && (i == begin || sql[i - 1] == ' ')) {
      std::string_view rest = sql.substr(i);
      bool stop = false;
      for (std::string_view kw : {"NOT NULL", "NULL", "CHECK", "REFERENCES", "PRIMARY", "UNIQUE", "CONSTRAINT", "GENERATED"}) {
        if (i > begin && istarts_with(rest, kw) && (rest.size() == kw.size() || !std::isalnum(static_cast<unsigned char>(rest[kw.size()])))) stop = true;
      }
      if (stop) break;
    }
    ++i;
  }
  return std::string(trim(sql.substr(begin, i - begin)));
}

std::string parenthesized_after(std::string_view sql, size_t begin) {
  size_t open = sql.find('(', begin);
  if (open == std::string_view::npos) return {};
  int depth = 0;
  for (size_t i = open; i < sql.size(); ++i) {
    if (sql[i] == '(') ++depth;
    if (sql[i] == ')' && --depth == 0) return std::string(trim(sql.substr(open + 1, i - open - 1)));
  }
  return {};
}

// The smallest `location` field in a subtree: where an expression starts in the text.
size_t start_of(const Node* node) {
  int best = INT_MAX;
  walk(&node->base, [&](const Node* n) {
    const ProtobufCMessage* inner = held_message(n);
    if (!inner) return true;
    const ProtobufCFieldDescriptor* loc = protobuf_c_message_descriptor_get_field_by_name(inner->descriptor, "location");
    if (loc) {
      int value = *reinterpret_cast<const int32_t*>(reinterpret_cast<const char*>(inner) + loc->offset);
      if (value >= 0 && value < best) best = value;
    }
    return true;
  });
  return best == INT_MAX ? sql::no_location : static_cast<size_t>(best);
}


}  // namespace mc::postgres
