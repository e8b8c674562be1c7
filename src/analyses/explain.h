// Words for schema changes: what a change did, and the safe expand/contract sequence instead.
#pragma once

#include <string>
#include <vector>

#include "catalog/diff.h"

namespace mc {

// "drops posts.body", "renames accounts.display_name to full_name", ...
std::string describe_change(const catalog::Change& change);

// The safe sequence for deploying this kind of change while old code keeps running.
std::string safe_sequence(const catalog::Change& change);

// "adds avatar_url; removes notes" for two lists of result columns.
std::string describe_column_list_change(const std::vector<std::string>& before, const std::vector<std::string>& after);

}  // namespace mc
