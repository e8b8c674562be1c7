// Diagnostics are data: what the analyses found, where, and what to do about it.
// Emitters in src/report turn them into text, JSON and the other formats.
#pragma once

#include <string>
#include <vector>

#include "base/source.h"

namespace mc {

enum class Severity { note, warning, error };

const char* severity_name(Severity severity);

// A secondary place that explains the finding ("the migration that drops it", "defined here").
struct RelatedSpan {
  Span span;
  std::string label;
};

struct Diagnostic {
  Severity severity = Severity::error;
  std::string code;     // stable check code, e.g. "MC001"
  std::string name;     // readable name, e.g. "old-query-breaks"
  std::string message;  // one line
  std::string object;   // the broken object, "table.column" or "table"; may be empty
  Span primary;         // may be invalid for findings without a place
  std::string primary_label;
  std::vector<RelatedSpan> related;
  std::vector<std::string> notes;
  std::string help;
};

// The lists one after another, each finding moved once into a list of the exact size (findings
// gathered piecemeal, e.g. per file, would otherwise be moved again at every growth).
std::vector<Diagnostic> concatenate(std::vector<std::vector<Diagnostic>> lists);

// An error that ends the run: bad input, usage, a migration that does not apply. Exit code 2.
struct InputError {
  std::string message;
  Span where;  // optional
  std::string location_text;  // used when there is no span (e.g. a config file position)
};

}  // namespace mc
