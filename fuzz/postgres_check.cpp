// The PostgreSQL static check end to end: libpg_query parse to our model, catalog replay, name
// resolution of old queries, the rule catalog. Bad migrations are InputErrors; nothing may crash.
#include "analyses/postgres_check.h"
#include "analyses/rules/run.h"
#include "fuzz/pipeline.h"
#include "sql/postgres/splitter.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  mc::fuzz::PipelineInput in;
  mc::fuzz::load_pipeline(in, mc::fuzz::as_text(data, size), mc::postgres::split);
  try {
    mc::PostgresStaticResult result = mc::check_postgres_statically(in.plan, in.queries);
    MC_FUZZ_EXPECT(result.query_findings.size() == in.queries.size());
    MC_FUZZ_EXPECT(result.parsed_incoming.size() == in.plan.incoming.size());
    mc::rules::run_rules({mc::Dialect::postgres, &in.plan.incoming, &result.replay, &result.parsed_incoming, false, false});
  } catch (const mc::InputError& error) {
    MC_FUZZ_EXPECT(!error.message.empty());
  }
  return 0;
}
