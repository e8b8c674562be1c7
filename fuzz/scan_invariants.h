// What a language scanner's result must keep, whatever the input.
#pragma once

#include "fuzz/harness.h"
#include "inputs/code_scan.h"

namespace mc::fuzz {

// Literals come in the order they close; a template inside another's `${}` closes first. So two
// literals are disjoint or one holds the other, never half-overlapping.
inline void expect_well_scanned(std::string_view text, const CodeScan& scan) {
  std::vector<const CodeLiteral*> open;  // earlier literals not yet known to be inside a later one
  for (const CodeLiteral& literal : scan.literals) {
    MC_FUZZ_EXPECT(literal.file_begin < literal.file_end && literal.file_end <= text.size());
    MC_FUZZ_EXPECT(open.empty() || open.back()->file_end <= literal.file_end);
    while (!open.empty() && open.back()->file_begin >= literal.file_begin) open.pop_back();
    MC_FUZZ_EXPECT(open.empty() || open.back()->file_end <= literal.file_begin);
    open.push_back(&literal);
    MC_FUZZ_EXPECT(literal.origin.size() == literal.cooked.size());
    for (uint32_t at : literal.origin) MC_FUZZ_EXPECT(at >= literal.file_begin && at < literal.file_end);
    size_t previous_hole = literal.file_begin;
    for (const CodeHole& hole : literal.holes) {
      MC_FUZZ_EXPECT(hole.file_begin >= previous_hole && hole.file_begin < hole.file_end);
      MC_FUZZ_EXPECT(hole.file_end <= literal.file_end);
      MC_FUZZ_EXPECT(hole.cooked_offset <= literal.cooked.size());
      previous_hole = hole.file_end;
    }
  }
  for (const auto& [name, index] : scan.constants) MC_FUZZ_EXPECT(index < scan.literals.size());
}

}  // namespace mc::fuzz
