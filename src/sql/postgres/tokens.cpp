#include "sql/postgres/tokens.h"

#include <pg_query.h>

#include <string>

#include "sql/postgres/unpack_arena.h"

namespace mc::postgres {

std::optional<std::vector<Token>> scan_tokens(std::string_view text) {
  std::string input(text);  // the scanner reads a C string
  PgQueryScanResult scanned = pg_query_scan(input.c_str());
  std::optional<std::vector<Token>> out;
  if (!scanned.error) {
    UnpackArena arena;
    PgQuery__ScanResult* result = pg_query__scan_result__unpack(arena.allocator(), scanned.pbuf.len,
                                                                reinterpret_cast<const uint8_t*>(scanned.pbuf.data));
    if (result) {
      out.emplace();
      out->reserve(result->n_tokens);
      for (size_t i = 0; i < result->n_tokens; ++i) {
        const PgQuery__ScanToken* t = result->tokens[i];
        if (t->start < 0 || t->end < t->start) continue;
        out->push_back({static_cast<size_t>(t->start), static_cast<size_t>(t->end), t->token});
      }
    }
  }
  pg_query_free_scan_result(scanned);
  return out;
}

}  // namespace mc::postgres
