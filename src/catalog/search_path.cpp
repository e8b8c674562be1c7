#include "catalog/search_path.h"

#include <algorithm>
#include <iterator>

#include <fmt/format.h>

#include <cctype>

#include "base/text.h"

namespace mc::catalog {

namespace {

// Entries that never hold the app's objects here: the role's own schema is unknown, and the
// system catalogs are not in the catalog.
bool searchable(std::string_view schema) {
  return !schema.empty() && schema != "$user" && !iequals(schema, "pg_catalog") && !iequals(schema, "pg_temp");
}

}  // namespace

std::string catalog_key(std::string_view schema, std::string_view name) {
  if (schema.empty() || iequals(schema, "public") || iequals(schema, "pg_temp")) return std::string(name);
  return fmt::format("{}.{}", schema, name);
}

std::string_view schema_of(std::string_view name) {
  size_t dot = name.find('.');
  return dot == std::string_view::npos ? std::string_view() : name.substr(0, dot);
}

std::string_view unqualified(std::string_view name) {
  size_t dot = name.find('.');
  return dot == std::string_view::npos ? name : name.substr(dot + 1);
}

std::string key_prefix(std::string_view key) {
  std::string_view schema = schema_of(key);
  return schema.empty() ? std::string() : std::string(schema) + ".";
}

SearchPath::SearchPath(std::vector<std::string> schemas) : schemas_(std::move(schemas)) {}

SearchPath SearchPath::parse(std::string_view value) {
  std::vector<std::string> schemas;
  std::string current;
  bool quoted = false;
  bool any = false;
  for (size_t i = 0; i < value.size(); ++i) {
    char c = value[i];
    if (quoted) {
      if (c == '"' && i + 1 < value.size() && value[i + 1] == '"') {
        current += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        current += c;
      }
    } else if (c == '"') {
      quoted = any = true;
    } else if (c == ',') {
      schemas.push_back(std::move(current));
      current.clear();
      any = false;
    } else if (!std::isspace(static_cast<unsigned char>(c))) {
      current += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      any = true;
    }
  }
  if (any || !current.empty() || !schemas.empty()) schemas.push_back(std::move(current));
  return SearchPath(std::move(schemas));
}

std::string SearchPath::lookup(std::string_view written, const std::function<bool(const std::string&)>& exists) const {
  return lookup(schema_of(written), unqualified(written), exists);
}

std::string SearchPath::lookup(std::string_view schema, std::string_view name,
                               const std::function<bool(const std::string&)>& exists) const {
  if (!schema.empty()) return catalog_key(schema, name);
  // With one schema to look in (the default path), the name is there whether it exists or not:
  // asking would cost a catalog search per name of every replayed statement.
  auto first = std::find_if(schemas_.begin(), schemas_.end(), searchable);
  if (first != schemas_.end() && std::find_if(std::next(first), schemas_.end(), searchable) == schemas_.end()) {
    return catalog_key(*first, name);
  }
  for (const std::string& s : schemas_) {
    if (!searchable(s)) continue;
    std::string key = catalog_key(s, name);
    if (exists(key)) return key;
  }
  return creation(name);
}

std::string SearchPath::creation(std::string_view written, const std::function<bool(std::string_view)>& schema_exists) const {
  std::string_view schema = schema_of(written);
  if (!schema.empty()) return catalog_key(schema, unqualified(written));
  if (schema_exists) {
    for (const std::string& s : schemas_) {
      if (searchable(s) && schema_exists(s)) return catalog_key(s, written);
    }
  }
  for (const std::string& s : schemas_) {
    if (searchable(s)) return catalog_key(s, written);
  }
  return std::string(written);  // an empty path: the server refuses (3F000); named as in public here
}

bool SearchPath::is_default() const { return *this == SearchPath(); }

std::string SearchPath::to_string() const {
  std::string out;
  for (const std::string& s : schemas_) {
    if (!out.empty()) out += ", ";
    out += s;
  }
  return out;
}

}  // namespace mc::catalog
