// Deciding whether a string in application code is SQL, from its first words alone.
#pragma once

#include <string_view>

namespace mc {

// A query the application runs: SELECT … FROM, INSERT INTO/OR, UPDATE … SET, DELETE FROM,
// REPLACE INTO, WITH … AS, after leading whitespace and SQL comments. Strings such as
// "Select a file" or "Update failed" do not qualify.
bool looks_like_query(std::string_view text);

// A statement a migration source would run: DDL (CREATE, ALTER, DROP), PRAGMA, transaction
// control, or a data change (INSERT, UPDATE, DELETE, REPLACE, WITH).
bool looks_like_migration_statement(std::string_view text);

}  // namespace mc
