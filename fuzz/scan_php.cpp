// The PHP scanner: every literal, its cooked value mapped byte by byte into the file, its holes.
#include "fuzz/scan_invariants.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text = mc::fuzz::as_text(data, size);
  mc::fuzz::expect_well_scanned(text, mc::scan_php(text));
  return 0;
}
