#include "base/diagnostic.h"

namespace mc {

const char* severity_name(Severity severity) {
  switch (severity) {
    case Severity::note: return "note";
    case Severity::warning: return "warning";
    case Severity::error: return "error";
  }
  return "error";
}

std::vector<Diagnostic> concatenate(std::vector<std::vector<Diagnostic>> lists) {
  size_t total = 0;
  for (const auto& list : lists) total += list.size();
  std::vector<Diagnostic> out;
  out.reserve(total);
  for (auto& list : lists) {
    for (Diagnostic& d : list) out.push_back(std::move(d));
  }
  return out;
}

}  // namespace mc
