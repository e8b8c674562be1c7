-- The whole schema, applied by `atlas schema apply` at deploy time.
CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL
);

CREATE TABLE avatars (
  user_id INTEGER PRIMARY KEY REFERENCES users (id),
  url TEXT NOT NULL
);

CREATE INDEX users_name ON users (name);
