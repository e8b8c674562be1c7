// One SQL statement cut out of a SqlText by a dialect front end's splitter.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "base/source.h"
#include "base/text.h"

namespace mc {

struct Statement {
  const SqlText* origin = nullptr;
  size_t begin = 0;  // offset in origin->text of the first token
  size_t end = 0;    // offset just past the last token (the `;` is not included)
  std::string name;  // from a `-- name: X` annotation in the comments before it

  std::string_view text() const { return std::string_view(origin->text).substr(begin, end - begin); }
  // The file it was read from (none for SQL made up in memory).
  const SourceFile* file() const { return origin ? origin->file : nullptr; }
  Span span() const { return origin->span(begin, end); }
  // A span for a part of the statement, offsets relative to the statement's text.
  Span span_at(size_t relative_begin, size_t relative_end) const {
    return origin->span(begin + relative_begin, begin + relative_end);
  }
};

// The statement in origin->text between `from` (just after the previous statement) and `to`:
// leading whitespace and comments are skipped, and their `-- name:` annotation kept; trailing
// whitespace and `;` are trimmed. Nullopt when only trivia remains.
std::optional<Statement> statement_between(const SqlText& origin, size_t from, size_t to,
                                          CommentRules rules = CommentRules::sqlite);

}  // namespace mc
