// `-- migcompat:ignore MC101 reason` (or `//`, `#` comments in source files): on the lines
// right above a statement or query, or on its first or last line, it silences the findings of
// that code (or rule name) located in that statement. A reason is required; a suppression that
// silences nothing is reported, so stale ones do not pile up.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "sql/statement.h"

namespace mc {

class Suppressions {
 public:
  // Reads the comments around each statement (migration statements and old queries).
  void collect(const std::vector<Statement>& statements);

  // True when a suppression covers `d` (and marks it used).
  bool covers(const Diagnostic& d);

  // Suppressions without a reason, and ones that silenced nothing.
  std::vector<Diagnostic> problems() const;

 private:
  struct Suppression {
    std::vector<std::string> codes;  // lower-case codes or rule names
    std::string reason;
    Span where;
    bool used = false;
  };
  struct Scope {
    const SourceFile* file;
    size_t begin, end;  // the statement's bytes in the file
    size_t suppression;
  };
  void add(const Statement& statement, const SourceFile& file, size_t line_begin, size_t line_end);

  std::vector<Suppression> list_;
  std::vector<Scope> scopes_;
  std::vector<std::pair<const SourceFile*, size_t>> seen_;  // (file, offset) of comments read
  // Offsets of every marker in a file, found once per file: statements of a one-line file share
  // that line, and searching it per statement would be quadratic.
  const std::vector<size_t>& markers_in(const SourceFile& file);
  std::map<const SourceFile*, std::vector<size_t>> markers_;
};

}  // namespace mc
