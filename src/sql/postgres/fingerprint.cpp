#include <pg_query.h>

#include <string>

#include "sql/postgres/parser.h"

namespace mc::postgres {

std::optional<uint64_t> fingerprint(std::string_view statement) {
  if (statement.size() > max_parsed_statement_bytes || statement.find('\0') != std::string_view::npos) return std::nullopt;
  std::string text(statement);
  PgQueryFingerprintResult result = pg_query_fingerprint(text.c_str());
  std::optional<uint64_t> out;
  if (!result.error) out = result.fingerprint;
  pg_query_free_fingerprint_result(result);
  return out;
}

}  // namespace mc::postgres
