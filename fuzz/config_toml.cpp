// migcompat.toml: any text is settings or an InputError with file:line:col, nothing else.
#include "base/diagnostic.h"
#include "fuzz/harness.h"
#include "inputs/config.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  try {
    mc::parse_tree_settings(mc::fuzz::as_text(data, size), "migcompat.toml");
  } catch (const mc::InputError& error) {
    MC_FUZZ_EXPECT(!error.message.empty());
  }
  return 0;
}
