// Small text helpers shared by every stage.
#pragma once

#include <string>
#include <string_view>

namespace mc {

// ASCII case folding, as SQL folds identifiers and keywords, without std::tolower's call per
// byte (the same in the "C" locale migcompat runs in).
inline char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
std::string to_lower(std::string_view s);
std::string to_upper(std::string_view s);
bool iequals(std::string_view a, std::string_view b);
bool istarts_with(std::string_view s, std::string_view prefix);
std::string_view trim(std::string_view s);

// Orders names the way people number migrations: digit runs compare as numbers, so
// "2_x" < "10_x" and "V3__a" < "V10__a"; ties fall back to plain byte order.
bool natural_less(std::string_view a, std::string_view b);

// Text with comments removed and whitespace runs collapsed, for comparing SQL statements
// by meaning-preserving identity (string literals are kept as written).
std::string normalize_sql(std::string_view sql);

// How comments are lexed. PostgreSQL ends a `--` comment at \r as well as \n and nests block
// comments; SQLite (and this default) ends at \n only and does not nest.
enum class CommentRules { sqlite, postgres };

// Offset of the first character that is neither whitespace nor inside a SQL comment.
size_t skip_sql_trivia(std::string_view sql, size_t pos = 0, CommentRules rules = CommentRules::sqlite);

// The query name in sqlc-style annotations: "-- name: GetUser :one" gives "GetUser".
std::string annotation_name(std::string_view leading_trivia);

// True when the bytes look like a binary file: a NUL byte in the first 8 KiB (git's test).
bool looks_binary(std::string_view bytes);

// Offset of the first byte that keeps `bytes` from being UTF-8 text (a NUL, a byte that cannot
// start a sequence, a sequence cut short), or npos. Overlong 3-byte forms and surrogates pass.
size_t first_non_text_byte(std::string_view bytes);

}  // namespace mc
