#include "sql/postgres/json_tree.h"

#include <pg_query.h>
#include <simdjson.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <string>
#include <unordered_map>
#include <vector>

#include "base/text.h"
#include "sql/postgres/unpack_arena.h"

namespace mc::postgres {

namespace {

namespace dom = simdjson::dom;

// A name with case folded and underscores dropped (`typeName`, `type_name` and `TypeName` meet),
// written into `out` and hashed (FNV-1a) on the way; false when longer than the buffer (no such
// name exists).
bool fold(std::string_view name, char (&out)[64], size_t& size, uint32_t& hash) {
  size = 0;
  hash = 2166136261U;
  for (char c : name) {
    if (c == '_') continue;
    if (size == sizeof out) return false;
    char lower = ascii_lower(c);
    out[size++] = lower;
    hash = (hash ^ static_cast<unsigned char>(lower)) * 16777619U;
  }
  return true;
}

// One message's fields by folded name, in an open-addressing hash table: a key costs one hash,
// computed while folding, and nearly always one comparison. (The Node message has a field per
// node type, a few hundred, and every node of every tree is looked up in it: a binary search
// there was a tenth of the reader's instructions.)
class FieldTable {
 public:
  struct Entry {
    const ProtobufCFieldDescriptor* field = nullptr;  // nullptr: two fields fold alike, never matched
    const FieldTable* sub = nullptr;                   // a message field's own table
  };

  bool built() const { return !slots_.empty(); }

  // `named`: each field by its name in the descriptor.
  void build(const std::vector<std::pair<std::string_view, Entry>>& named) {
    size_t capacity = 8;
    while (capacity < 2 * named.size()) capacity *= 2;
    slots_.assign(capacity, Slot{});
    for (const auto& [name, entry] : named) {
      char folded[64];
      size_t size = 0;
      uint32_t hash = 0;
      if (!fold(name, folded, size, hash)) continue;
      Slot& slot = slots_[probe(std::string_view(folded, size), hash)];
      if (slot.used) {
        slot.entry.field = nullptr;
        continue;
      }
      slot = Slot{true, hash, std::string(folded, size), entry};
    }
    build_spellings(named);
  }

  // The entry `key` names, or nullptr.
  const Entry* find(std::string_view key) const {
    if (!built()) return nullptr;
    if (const Entry* spelled = find_spelling(key)) return spelled;
    return find_folded(key);
  }

 private:
  struct Slot {
    bool used = false;
    uint32_t hash = 0;
    std::string name;  // folded
    Entry entry;
  };

  // The slot holding `folded`, or the empty one where it would go (the table is never full).
  size_t probe(std::string_view folded, uint32_t hash) const {
    size_t mask = slots_.size() - 1;
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
      const Slot& slot = slots_[i];
      if (!slot.used || (slot.hash == hash && slot.name == folded)) return i;
    }
  }

  // The spellings libpg_query's JSON writes a field's name in: as in the descriptor (`is_local`),
  // camelCase (`typeName`) and, for the Node message's fields, the node's type (`AlterTableStmt`,
  // `A_Const`). A key spelled so is found without folding it, which was a twentieth of a parse;
  // any other spelling still meets its field through the folded table. Fields that fold alike
  // (never matched) get no spellings.
  void build_spellings(const std::vector<std::pair<std::string_view, Entry>>& named) {
    std::vector<std::pair<std::string, Entry>> spelled;
    for (const auto& [name, entry] : named) {
      if (!find_folded(name)) continue;
      for (std::string& s : spellings(name)) spelled.emplace_back(std::move(s), entry);
    }
    size_t capacity = 8;
    while (capacity < 2 * spelled.size()) capacity *= 2;
    spellings_.assign(capacity, Spelling{});
    for (auto& [text, entry] : spelled) {
      uint64_t hash = spelling_hash(text);
      Spelling& slot = spellings_[probe_spelling(text, hash)];
      if (slot.entry.field) continue;  // the same spelling again (a name without underscores)
      slot = Spelling{hash, std::move(text), entry};
    }
  }

  static std::vector<std::string> spellings(std::string_view name) {
    std::string camel;
    bool up = false;
    for (char c : name) {
      if (c == '_') {
        up = true;
        continue;
      }
      camel += up ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
      up = false;
    }
    std::string type = camel;
    if (!type.empty()) type[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(type[0])));
    std::vector<std::string> out{std::string(name), camel, type};
    if (name.size() > 2 && name.substr(0, 2) == "a_") out.push_back("A_" + type.substr(1));  // A_Const, A_Expr
    return out;
  }

  // Hashes the first and last eight bytes and the length: a key is a short name, and this costs
  // the same for any length.
  static uint64_t spelling_hash(std::string_view key) {
    uint64_t head = 0, tail = 0;
    std::memcpy(&head, key.data(), std::min<size_t>(key.size(), 8));
    if (key.size() > 8) std::memcpy(&tail, key.data() + key.size() - 8, 8);
    uint64_t h = head * 0x9E3779B97F4A7C15ULL ^ tail * 0xC2B2AE3D27D4EB4FULL ^ key.size();
    return h ^ (h >> 29);
  }

  size_t probe_spelling(std::string_view key, uint64_t hash) const {
    size_t mask = spellings_.size() - 1;
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
      const Spelling& slot = spellings_[i];
      if (!slot.entry.field || (slot.hash == hash && slot.text == key)) return i;
    }
  }

  const Entry* find_spelling(std::string_view key) const {
    if (spellings_.empty()) return nullptr;
    const Spelling& slot = spellings_[probe_spelling(key, spelling_hash(key))];
    return slot.entry.field ? &slot.entry : nullptr;
  }

  const Entry* find_folded(std::string_view key) const {
    char folded[64];
    size_t size = 0;
    uint32_t hash = 0;
    if (!fold(key, folded, size, hash)) return nullptr;
    const Slot& slot = slots_[probe(std::string_view(folded, size), hash)];
    return slot.used && slot.entry.field ? &slot.entry : nullptr;
  }

  struct Spelling {
    uint64_t hash = 0;
    std::string text;
    Entry entry;  // entry.field is null in an empty slot
  };

  std::vector<Slot> slots_;
  std::vector<Spelling> spellings_;
};

// Every message's field table, built once from the descriptors (reached from ParseResult),
// read-only afterwards.
class FieldNames {
 public:
  FieldNames() { add(&pg_query__parse_result__descriptor); }

  const FieldTable& root() const { return tables_.at(&pg_query__parse_result__descriptor); }

 private:
  // A message field's table is linked before it is built (its address is known once it is in the
  // map), and built by the recursion.
  void add(const ProtobufCMessageDescriptor* message) {
    FieldTable& table = tables_[message];
    if (table.built()) return;
    std::vector<std::pair<std::string_view, FieldTable::Entry>> named;
    for (unsigned i = 0; i < message->n_fields; ++i) {
      const ProtobufCFieldDescriptor& field = message->fields[i];
      const FieldTable* sub = field.type == PROTOBUF_C_TYPE_MESSAGE ? &tables_[sub_message(field)] : nullptr;
      named.push_back({field.name, {&field, sub}});
    }
    table.build(named);
    for (unsigned i = 0; i < message->n_fields; ++i) {
      if (message->fields[i].type == PROTOBUF_C_TYPE_MESSAGE) add(sub_message(message->fields[i]));
    }
  }

  static const ProtobufCMessageDescriptor* sub_message(const ProtobufCFieldDescriptor& field) {
    return static_cast<const ProtobufCMessageDescriptor*>(field.descriptor);
  }

  // Node-based: a table's address stays put as more are added.
  std::unordered_map<const ProtobufCMessageDescriptor*, FieldTable> tables_;
};

const FieldNames& field_names() {
  static const FieldNames names;
  return names;
}

// Stores `value` at a field's offset (memcpy: the field's declared type may be an enum or a
// protobuf_c_boolean, which the descriptors give only as a size).
template <class T>
void put(char* at, T value) {
  std::memcpy(at, &value, sizeof value);
}

// Writes JSON values into messages laid out as protobuf-c describes them. Every method returns
// false on anything unexpected; the half-built tree is then dropped with the arena.
class Builder {
 public:
  explicit Builder(ProtobufCAllocator* allocator) : allocator_(allocator) {}

  // Whether the last refusal was a lossy Integer (else something unknown).
  bool lossy() const { return lossy_; }

  void* message(const ProtobufCMessageDescriptor* descriptor, const FieldTable& fields, dom::element value) {
    dom::object object;
    if (value.get_object().get(object) != simdjson::SUCCESS) return nullptr;
    // libpg_query 15 writes an Integer's value only when it is above zero: `{}` is 0 or any
    // negative number. Such a tree takes the protobuf route.
    if (descriptor == &pg_query__integer__descriptor && object.size() == 0) {
      lossy_ = true;
      return nullptr;
    }
    void* message = allocate(descriptor->sizeof_message);
    protobuf_c_message_init(descriptor, message);
    for (dom::key_value_pair member : object) {
      const FieldTable::Entry* entry = fields.find(member.key);
      if (!entry || !set(static_cast<char*>(message), *entry, member.value)) return nullptr;
    }
    return message;
  }

 private:
  void* allocate(size_t size) { return allocator_->alloc(allocator_->allocator_data, size); }

  bool set(char* message, const FieldTable::Entry& entry, dom::element value) {
    const ProtobufCFieldDescriptor& field = *entry.field;
    if (field.label == PROTOBUF_C_LABEL_REPEATED) return repeated(message, entry, value);
    if (!one(message + field.offset, entry, value)) return false;
    if (field.flags & PROTOBUF_C_FIELD_FLAG_ONEOF) {
      put<uint32_t>(message + field.quantifier_offset, field.id);
    } else if (field.label == PROTOBUF_C_LABEL_OPTIONAL && field.quantifier_offset != 0 &&
               field.type != PROTOBUF_C_TYPE_MESSAGE && field.type != PROTOBUF_C_TYPE_STRING) {
      put<protobuf_c_boolean>(message + field.quantifier_offset, 1);  // proto2's has_ flag
    }
    return true;
  }

  bool repeated(char* message, const FieldTable::Entry& entry, dom::element value) {
    const ProtobufCFieldDescriptor& field = *entry.field;
    dom::array items;
    if (value.get_array().get(items) != simdjson::SUCCESS) return false;
    size_t count = items.size();
    size_t width = element_size(field.type);
    if (width == 0) return false;
    char* array = static_cast<char*>(allocate(std::max<size_t>(count, 1) * width));
    size_t i = 0;
    for (dom::element item : items) {
      if (!one(array + i * width, entry, item)) return false;
      ++i;
    }
    put<size_t>(message + field.quantifier_offset, count);
    put<void*>(message + field.offset, array);
    return true;
  }

  static size_t element_size(ProtobufCType type) {
    switch (type) {
      case PROTOBUF_C_TYPE_INT32:
      case PROTOBUF_C_TYPE_SINT32:
      case PROTOBUF_C_TYPE_SFIXED32:
      case PROTOBUF_C_TYPE_UINT32:
      case PROTOBUF_C_TYPE_FIXED32: return 4;
      case PROTOBUF_C_TYPE_INT64:
      case PROTOBUF_C_TYPE_SINT64:
      case PROTOBUF_C_TYPE_SFIXED64:
      case PROTOBUF_C_TYPE_UINT64:
      case PROTOBUF_C_TYPE_FIXED64: return 8;
      case PROTOBUF_C_TYPE_FLOAT: return sizeof(float);
      case PROTOBUF_C_TYPE_DOUBLE: return sizeof(double);
      case PROTOBUF_C_TYPE_BOOL: return sizeof(protobuf_c_boolean);
      case PROTOBUF_C_TYPE_ENUM: return sizeof(int);
      case PROTOBUF_C_TYPE_STRING:
      case PROTOBUF_C_TYPE_MESSAGE: return sizeof(void*);
      default: return 0;  // bytes: not in the parse tree
    }
  }

  // One value of `field` at `at` (the field itself, or an element of its array).
  bool one(char* at, const FieldTable::Entry& entry, dom::element value) {
    const ProtobufCFieldDescriptor& field = *entry.field;
    switch (field.type) {
      case PROTOBUF_C_TYPE_MESSAGE: {
        if (!entry.sub) return false;
        void* sub = message(static_cast<const ProtobufCMessageDescriptor*>(field.descriptor), *entry.sub, value);
        put(at, sub);
        return sub != nullptr;
      }
      case PROTOBUF_C_TYPE_STRING: {
        std::string_view text;
        if (value.get_string().get(text) != simdjson::SUCCESS) return false;
        char* copy = static_cast<char*>(allocate(text.size() + 1));
        std::memcpy(copy, text.data(), text.size());
        copy[text.size()] = '\0';
        put(at, copy);
        return true;
      }
      case PROTOBUF_C_TYPE_BOOL: {
        bool b = false;
        if (value.get_bool().get(b) != simdjson::SUCCESS) return false;
        put<protobuf_c_boolean>(at, b ? 1 : 0);
        return true;
      }
      case PROTOBUF_C_TYPE_ENUM: return enumerator(at, field, value);
      case PROTOBUF_C_TYPE_FLOAT:
      case PROTOBUF_C_TYPE_DOUBLE: {
        double d = 0;
        if (value.get_double().get(d) != simdjson::SUCCESS) return false;
        if (field.type == PROTOBUF_C_TYPE_FLOAT) put(at, static_cast<float>(d));
        else put(at, d);
        return true;
      }
      default: return integer(at, field, value);
    }
  }

  static bool integer(char* at, const ProtobufCFieldDescriptor& field, dom::element value) {
    int64_t n = 0;
    if (value.get_int64().get(n) != simdjson::SUCCESS) {
      uint64_t u = 0;
      if (value.get_uint64().get(u) != simdjson::SUCCESS) return false;
      n = static_cast<int64_t>(u);
    }
    switch (element_size(field.type)) {
      case 4: put(at, static_cast<uint32_t>(n)); return true;  // two's complement: int32 and uint32 alike
      case 8: put(at, n); return true;
      default: return false;
    }
  }

  static bool enumerator(char* at, const ProtobufCFieldDescriptor& field, dom::element value) {
    const auto* type = static_cast<const ProtobufCEnumDescriptor*>(field.descriptor);
    int n = 0;
    if (const char* name = nullptr; value.get_c_str().get(name) == simdjson::SUCCESS) {
      const ProtobufCEnumValue* known = protobuf_c_enum_descriptor_get_value_by_name(type, name);
      if (!known) return false;
      n = known->value;
    } else {
      int64_t number = 0;
      if (value.get_int64().get(number) != simdjson::SUCCESS) return false;
      n = static_cast<int>(number);
    }
    put(at, n);
    return true;
  }

  ProtobufCAllocator* allocator_;
  bool lossy_ = false;
};

}  // namespace

PgQuery__ParseResult* read_json_tree(std::string_view json, ProtobufCAllocator* allocator, JsonRefusal* why) {
  auto refuse = [why](JsonRefusal reason) -> PgQuery__ParseResult* {
    if (why) *why = reason;
    return nullptr;
  };
  // simdjson reads a few bytes past the end: the text is copied into a buffer with that padding.
  // Parser and buffer are kept per thread (allocating them per statement cost more than the
  // parse), except for a huge tree, whose memory should not stay with the thread.
  constexpr size_t kept_up_to = 1 << 20;
  thread_local dom::parser kept_parser;
  thread_local std::string kept_buffer;
  dom::parser own_parser;
  std::string own_buffer;
  bool huge = json.size() > kept_up_to;
  dom::parser& parser = huge ? own_parser : kept_parser;
  std::string& padded = huge ? own_buffer : kept_buffer;
  padded.resize(json.size() + simdjson::SIMDJSON_PADDING);
  std::memcpy(padded.data(), json.data(), json.size());
  dom::element root;
  if (parser.parse(padded.data(), json.size(), false).get(root) != simdjson::SUCCESS) return refuse(JsonRefusal::not_json);
  Builder builder(allocator);
  auto* tree = static_cast<PgQuery__ParseResult*>(builder.message(&pg_query__parse_result__descriptor, field_names().root(), root));
  if (!tree) return refuse(builder.lossy() ? JsonRefusal::lossy : JsonRefusal::unknown);
  if (why) *why = JsonRefusal::none;
  return tree;
}

std::string json_route_difference(const std::string& sql) {
  PgQueryProtobufParseResult packed = pg_query_parse_protobuf(sql.c_str());
  PgQueryParseResult json = pg_query_parse(sql.c_str());
  std::string problem;
  if (packed.error || json.error) {
    if (!packed.error != !json.error) problem = "one route parsed the statement, the other did not";
  } else {
    UnpackArena arena;
    JsonRefusal why = JsonRefusal::none;
    PgQuery__ParseResult* tree = read_json_tree(json.parse_tree, arena.allocator(), &why);
    if (!tree) {
      if (why == JsonRefusal::unknown) problem = std::string("the JSON reader refused ") + json.parse_tree;
    } else {
      std::string again(pg_query__parse_result__get_packed_size(tree), '\0');
      pg_query__parse_result__pack(tree, reinterpret_cast<uint8_t*>(again.data()));
      if (again != std::string_view(packed.parse_tree.data, packed.parse_tree.len)) {
        problem = std::string("the trees differ; the JSON was ") + json.parse_tree;
      }
    }
  }
  pg_query_free_protobuf_parse_result(packed);
  pg_query_free_parse_result(json);
  return problem;
}

}  // namespace mc::postgres
