// PostgreSQL's search_path: where unqualified names are looked up and where CREATE puts them.
//
// Names reach the catalog as written: "schema.name" when qualified (including `public.`), bare
// when not. The catalog's keys keep relations of `public` bare and others as "schema.name", so
// the default path ("$user", public) maps an unqualified name to the key it always had.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace mc::catalog {

// The catalog key of `name` in `schema`: bare in public (and pg_temp), "schema.name" elsewhere.
std::string catalog_key(std::string_view schema, std::string_view name);
// The schema part of a written or key name, "" when it has none.
std::string_view schema_of(std::string_view name);
// The name without its schema.
std::string_view unqualified(std::string_view name);
// "s." for a key "s.x", "" for a key in public: what a name created beside `key` starts with.
std::string key_prefix(std::string_view key);

class SearchPath {
 public:
  SearchPath() = default;  // "$user", public: the server's default
  explicit SearchPath(std::vector<std::string> schemas);
  // A setting's value as PostgreSQL reads it: `app, "My Schema", public`. Entries are folded to
  // lower case unless quoted; `$user` is kept (and never matches: the role is unknown here).
  static SearchPath parse(std::string_view value);
  // A configured setting: "" is the server's default.
  static SearchPath from_setting(std::string_view value) { return value.empty() ? SearchPath() : parse(value); }

  // The key of a written name that refers to an existing object: qualified names go to their
  // schema; bare ones to the first schema in the path where `exists` finds them, else where
  // CREATE would put them (so the caller reports it missing under that name).
  std::string lookup(std::string_view written, const std::function<bool(const std::string&)>& exists) const;
  std::string lookup(std::string_view schema, std::string_view name, const std::function<bool(const std::string&)>& exists) const;
  // The key of a written name an object is created under: bare names go to the path's first
  // schema that `schema_exists` knows, as on the server; when it knows none of them (they may
  // have been made where the catalog cannot see), to the first.
  std::string creation(std::string_view written, const std::function<bool(std::string_view)>& schema_exists = {}) const;

  const std::vector<std::string>& schemas() const { return schemas_; }
  bool is_default() const;
  std::string to_string() const;
  bool operator==(const SearchPath&) const = default;

 private:
  std::vector<std::string> schemas_ = {"$user", "public"};
};

}  // namespace mc::catalog
