// The SQLite proof end to end: replay in the engine, catalog read back, old queries compiled and
// run differentially, the rule catalog. Statements are bounded (0.2 s, 64 MiB) as a user's are.
#include "analyses/rules/run.h"
#include "analyses/sqlite_proof.h"
#include "fuzz/pipeline.h"
#include "sql/sqlite/engine.h"
#include "sql/sqlite/splitter.h"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  mc::sqlite::set_limits({.statement_seconds = 0.2, .heap_bytes = int64_t{64} << 20});
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  mc::fuzz::PipelineInput in;
  mc::fuzz::load_pipeline(in, mc::fuzz::as_text(data, size), mc::sqlite::split);
  try {
    mc::ProofStats stats;
    mc::ReplayRecord replay;
    mc::prove_on_sqlite(in.plan, in.queries, stats, &replay);
    mc::rules::run_rules({mc::Dialect::sqlite, &in.plan.incoming, &replay, nullptr, false, false});
  } catch (const mc::InputError& error) {
    MC_FUZZ_EXPECT(!error.message.empty());
  }
  return 0;
}
