// PostgreSQL's own scanner (libpg_query's pg_query_scan), for what only its tokens tell: names as
// written before the parser truncates them, and the reference the splitter is held to.
#pragma once

#include <pg_query/pg_query.pb-c.h>

#include <optional>
#include <string_view>
#include <vector>

namespace mc::postgres {

struct Token {
  size_t begin = 0;  // byte offsets in the scanned text
  size_t end = 0;
  PgQuery__Token kind = PG_QUERY__TOKEN__NUL;  // ';' is PG_QUERY__TOKEN__ASCII_59, and so on
};

// The text's tokens, comments included; nullopt where the scanner rejects the text (an
// unterminated literal, trailing junk after a number). It costs about as much as a parse.
std::optional<std::vector<Token>> scan_tokens(std::string_view text);

}  // namespace mc::postgres
