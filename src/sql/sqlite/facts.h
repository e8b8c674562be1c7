// SQLite statement -> sql::StatementFacts, from its leading keywords (the engine itself has no
// public parse tree; what a statement changes comes from the engine's catalog instead).
#pragma once

#include <string_view>

#include "sql/facts.h"

namespace mc::sqlite {

sql::StatementFacts statement_facts(std::string_view statement);

}  // namespace mc::sqlite
