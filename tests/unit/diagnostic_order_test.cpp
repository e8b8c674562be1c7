// The order findings are reported in: errors first, then by file and place, ties kept as found.
// sort_diagnostics sorts keys and then moves each finding once along the permutation's cycles;
// this checks it against a plain stable sort on many shuffles.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "analyses/check.h"
#include "base/diagnostic.h"

namespace mc {
namespace {

int rank(Severity s) { return s == Severity::error ? 0 : s == Severity::warning ? 1 : 2; }

bool reported_before(const Diagnostic& a, const Diagnostic& b) {
  if (rank(a.severity) != rank(b.severity)) return rank(a.severity) < rank(b.severity);
  if (a.primary.valid() != b.primary.valid()) return a.primary.valid();
  if (!a.primary.valid()) return false;
  if (a.primary.file != b.primary.file) return a.primary.file->display_path() < b.primary.file->display_path();
  return a.primary.begin < b.primary.begin;
}

TEST(DiagnosticOrder, MatchesAStableSortOnShuffledFindings) {
  SourceFile a("/t/a.sql", "a.sql", std::string(200, 'x'));
  SourceFile b("/t/b.sql", "b.sql", std::string(200, 'x'));
  std::mt19937 random(7);
  for (int round = 0; round < 200; ++round) {
    std::vector<Diagnostic> found;
    size_t count = 1 + random() % 60;
    for (size_t i = 0; i < count; ++i) {
      Diagnostic d;
      d.severity = static_cast<Severity>(random() % 3);
      d.message = "finding " + std::to_string(i);  // tells equal keys apart: their order must be kept
      if (random() % 5 != 0) d.primary = Span{random() % 2 ? &a : &b, random() % 20, 0};
      d.primary.end = d.primary.begin + 1;
      found.push_back(std::move(d));
    }
    std::vector<Diagnostic> expected = found;
    std::stable_sort(expected.begin(), expected.end(), reported_before);
    sort_diagnostics(found);
    ASSERT_EQ(found.size(), expected.size());
    for (size_t i = 0; i < found.size(); ++i) EXPECT_EQ(found[i].message, expected[i].message) << "round " << round << ", at " << i;
  }
}

}  // namespace
}  // namespace mc
