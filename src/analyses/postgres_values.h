// Values for running old queries on a PostgreSQL server: a text value for a parameter of any
// type (the way old code would send it), and a few seeded rows in every table so that old
// UPDATEs and DELETEs touch something.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "sql/pgserver/connection.h"

namespace mc {

// The types of one database, loaded once (pg_type, pg_enum).
class TypeCatalog {
 public:
  // Throws pgserver::ConnectionError.
  explicit TypeCatalog(pgserver::Connection& connection);

  // Variant 0, 1, …: different values of the type, in its text input form; nullopt means NULL
  // (a type migcompat has no value for).
  std::optional<std::string> value(unsigned type_oid, int variant) const;
  std::string name(unsigned type_oid) const;

 private:
  struct Type {
    std::string name;
    char kind = 'b';      // typtype: b base, d domain, e enum, c composite, r range, m multirange
    char category = 'U';  // typcategory
    unsigned base = 0;    // domains
  };
  std::map<unsigned, Type> types_;
  std::map<unsigned, std::vector<std::string>> enum_labels_;
};

// Inserts rows (variants 0 and 1) into every user table that is empty, in as many passes as
// foreign keys need; rows a table rejects are skipped. Then moves every sequence past them so
// that old INSERTs relying on defaults do not collide. Same column types give the same values
// in every database, so the deployed and the new schema hold matching rows.
void seed_tables(pgserver::Connection& connection, const TypeCatalog& types);

// The value sets for a prepared statement's parameters (types described on the deployed schema).
std::vector<std::vector<std::optional<std::string>>> parameter_sets(const std::vector<unsigned>& parameter_types,
                                                                     const TypeCatalog& types);

}  // namespace mc
