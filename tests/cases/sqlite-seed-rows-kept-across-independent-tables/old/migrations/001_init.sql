-- Four tables that share no name: the replay runs them as independent parts and merges them,
-- rows and AUTOINCREMENT counters included.
PRAGMA foreign_keys = ON;
CREATE TABLE roles (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL);
CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL);
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;
CREATE TABLE audit_log (at TEXT, what TEXT);
INSERT INTO roles (name) VALUES ('admin'), ('member');
INSERT INTO settings VALUES ('theme', 'dark');
