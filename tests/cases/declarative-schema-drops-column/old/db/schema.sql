-- The whole schema, applied by `atlas schema apply` at deploy time.
CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  avatar_url TEXT
);

CREATE INDEX users_name ON users (name);
