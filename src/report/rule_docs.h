// `migcompat rules`, `migcompat explain` and the generated docs/rules/.
#pragma once

#include <filesystem>
#include <ostream>
#include <string_view>

namespace mc {

// One line per rule: code, name, category, default severity, dialects, summary.
void write_rules_table(std::ostream& out);

// The rule's (or check's) header and doc. False when `code_or_name` names nothing.
bool write_explanation(std::ostream& out, std::string_view code_or_name);

// docs/rules/README.md (the index) and one page per rule, from the rules compiled in.
void write_rule_docs(const std::filesystem::path& dir);

}  // namespace mc
