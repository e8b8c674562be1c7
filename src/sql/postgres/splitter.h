// Splits PostgreSQL SQL into statements where PostgreSQL's scanner sees a `;` token outside
// parentheses, so that dollar-quoted bodies, E'' strings and nested comments are cut exactly as
// the server cuts them.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "base/source.h"
#include "sql/statement.h"

namespace mc::postgres {

std::vector<Statement> split(const SqlText& sql);

// Offsets of the `;` that end statements: outside string constants, quoted identifiers, dollar
// quotes, comments and parentheses (a `)` without its `(` is not counted). Read by a scanner of
// its own that knows only what hides a `;`, since libpg_query's split scans every statement twice
// and costs as much as parsing it; held to libpg_query's scanner by `terminators_by_scanner`.
std::vector<size_t> statement_terminators(std::string_view text);

// The same offsets, from libpg_query's scanner: the reference the splitter's tests and fuzz
// target hold it to. Nullopt where that scanner rejects the text (an unterminated literal).
std::optional<std::vector<size_t>> terminators_by_scanner(std::string_view text);

}  // namespace mc::postgres
