// Driver placeholders in application SQL — `?`, `%s`, `%(name)s`, `:name`, `@name`, `$1` — are
// rewritten into the form the dialect's parser accepts, keeping every byte offset: the rewrite
// pads with spaces, so locations found in the rewritten text are locations in the original.
#pragma once

#include <string>
#include <string_view>

namespace mc::sql {

enum class PlaceholderStyle { sqlite, postgres };

std::string normalize_placeholders(std::string_view sql, PlaceholderStyle style);

}  // namespace mc::sql
