// The check's input from one fuzz input: deployed migrations, new migrations and old queries,
// separated by lines that read `-- part --`, each part one file.
#pragma once

#include "analyses/plan.h"
#include "fuzz/harness.h"

namespace mc::fuzz {

struct PipelineInput {
  SourceManager sources;
  std::vector<SqlText> texts;  // deployed, incoming, queries
  MigrationPlan plan;
  std::vector<Statement> queries;
};

inline void load_pipeline(PipelineInput& in, std::string_view data, const Splitter& split) {
  static const char* names[] = {"old/migrations.sql", "new/migrations.sql", "queries.sql"};
  auto parts = split_parts(data, "-- part --", 3);
  in.texts.reserve(3);  // statements point into these
  for (size_t i = 0; i < 3; ++i) in.texts.push_back(whole_file(in.sources.add(names[i], names[i], parts[i])));
  in.plan.deployed = split(in.texts[0]);
  in.plan.incoming = split(in.texts[1]);
  in.queries = split(in.texts[2]);
}

}  // namespace mc::fuzz
