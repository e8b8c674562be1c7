"""The differential corpus: one base schema, migrations that change it, and old queries (with
literal values, so the server can run them). Every (migration, query) pair is one test."""

BASE = """
CREATE TYPE mood AS ENUM ('ok', 'sad');
CREATE TABLE accounts (
  id bigserial PRIMARY KEY,
  email text NOT NULL,
  name text,
  plan text NOT NULL DEFAULT 'free',
  score int DEFAULT 0,
  mood mood NOT NULL DEFAULT 'ok',
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX accounts_email_key ON accounts (email);
CREATE TABLE orders (
  id bigserial PRIMARY KEY,
  account_id bigint NOT NULL,
  total int NOT NULL,
  note text,
  status text NOT NULL DEFAULT 'new'
);
CREATE TABLE tags (
  id serial PRIMARY KEY,
  label text NOT NULL,
  order_id bigint
);
CREATE UNIQUE INDEX tags_label_key ON tags (label);
CREATE FUNCTION norm(e text, strict boolean DEFAULT false) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT lower(e) $$;
-- One row each, so writes touch data as they would in production.
INSERT INTO accounts (email, name) VALUES ('seed@x', 'seed');
INSERT INTO orders (account_id, total, note) VALUES (1, 1, 'n');
INSERT INTO tags (label, order_id) VALUES ('seed', 1);
"""

MIGRATIONS = [
    "ALTER TABLE accounts DROP COLUMN name;",
    "ALTER TABLE accounts RENAME COLUMN name TO full_name;",
    "ALTER TABLE accounts RENAME TO users;",
    "ALTER TABLE accounts RENAME TO users;\nCREATE VIEW accounts AS SELECT * FROM users;",
    "ALTER TABLE accounts ADD COLUMN region text;\nUPDATE accounts SET region = 'eu';\nALTER TABLE accounts ALTER COLUMN region SET NOT NULL;",
    "ALTER TABLE accounts ALTER COLUMN name SET NOT NULL;",
    "ALTER TABLE accounts ALTER COLUMN plan DROP DEFAULT;",
    "ALTER TABLE accounts ADD COLUMN region text;",
    "DROP INDEX accounts_email_key;",
    "DROP TABLE tags;",
    "ALTER TABLE orders ADD COLUMN name text;",
    "ALTER TABLE orders DROP COLUMN note;",
    "ALTER TABLE orders RENAME COLUMN total TO amount;",
    "ALTER TABLE tags DROP COLUMN order_id;",
    "ALTER TABLE orders ALTER COLUMN note SET DEFAULT 'x';",
    "ALTER TABLE accounts ALTER COLUMN score DROP DEFAULT;",
    "ALTER TABLE orders ADD COLUMN email text;",
    "ALTER TABLE tags RENAME TO labels;",
    "ALTER TABLE accounts DROP COLUMN plan;",
    "ALTER TABLE orders ALTER COLUMN status DROP DEFAULT;",
    "ALTER TABLE orders ADD COLUMN created_at timestamptz;",
    "ALTER TABLE accounts ADD CONSTRAINT accounts_score_key UNIQUE (score);",
    "ALTER TABLE tags DROP CONSTRAINT tags_pkey;",
    "CREATE TABLE notes (id serial PRIMARY KEY, account_id bigint, body text);",
    "ALTER TYPE mood RENAME VALUE 'sad' TO 'blue';",
    "ALTER TYPE mood ADD VALUE 'glad';",
    "CREATE SCHEMA archive;\nALTER TABLE tags SET SCHEMA archive;",
    "ALTER TABLE accounts DROP CONSTRAINT accounts_pkey CASCADE;",
    "ALTER FUNCTION norm(text, boolean) RENAME TO normalize;",
    "DROP FUNCTION norm(text, boolean);\nCREATE FUNCTION norm(e text) RETURNS text LANGUAGE sql AS $$ SELECT lower(e) $$;",
]

QUERIES = [
    "SELECT id, email, name FROM accounts WHERE email = 'a'",
    "SELECT a.id, o.total FROM accounts a JOIN orders o ON o.account_id = a.id WHERE a.plan = 'pro'",
    "SELECT name, total FROM accounts JOIN orders ON orders.account_id = accounts.id",
    "INSERT INTO accounts (email, name) VALUES ('a@x', 'A') RETURNING id",
    "INSERT INTO accounts (email) VALUES ('b@x')",
    "UPDATE accounts SET name = 'z' WHERE id = 1",
    "DELETE FROM orders WHERE note IS NULL",
    "WITH big AS (SELECT account_id, sum(total) AS s FROM orders GROUP BY account_id) SELECT a.email, b.s FROM accounts a JOIN big b ON b.account_id = a.id",
    "SELECT email FROM accounts WHERE id IN (SELECT account_id FROM orders WHERE status = 'new')",
    "INSERT INTO accounts (email, name) VALUES ('c@x', 'C') ON CONFLICT (email) DO UPDATE SET name = excluded.name",
    "SELECT label FROM tags WHERE order_id = 1",
    "INSERT INTO orders (account_id, total) VALUES (1, 10)",
    "UPDATE orders o SET note = a.email FROM accounts a WHERE a.id = o.account_id",
    "SELECT t.label, o.total FROM tags t LEFT JOIN orders o ON o.id = t.order_id ORDER BY o.total",
    "SELECT email AS e, count(*) AS n FROM accounts GROUP BY e ORDER BY n",
    "INSERT INTO tags (label) VALUES ('x') ON CONFLICT (label) DO NOTHING",
    "SELECT x.email FROM (SELECT email, plan FROM accounts) x WHERE x.plan = 'free'",
    "SELECT id FROM accounts UNION SELECT id FROM orders WHERE note <> ''",
    "DELETE FROM tags t USING orders o WHERE o.id = t.order_id AND o.status = 'done'",
    "SELECT a.email, (SELECT count(*) FROM orders WHERE account_id = a.id AND total > 5) FROM accounts a",
    "SELECT email, created_at FROM accounts JOIN orders ON orders.account_id = accounts.id",
    "INSERT INTO accounts (email, score) VALUES ('d@x', 1) ON CONFLICT (score) DO NOTHING",
    "SELECT * FROM accounts WHERE id = 1",
    "INSERT INTO orders (account_id, total, note) SELECT id, 0, name FROM accounts",
    "SELECT o.id FROM orders o WHERE NOT EXISTS (SELECT 1 FROM tags WHERE tags.order_id = o.id)",
    "SELECT id FROM accounts WHERE mood = 'sad'",
    "UPDATE accounts SET mood = 'ok' WHERE mood IN ('sad', 'ok')",
    "INSERT INTO accounts (email, mood) VALUES ('m@x', 'sad')",
    "SELECT id FROM accounts WHERE email = norm('A@X')",
    "UPDATE accounts SET email = norm(email, true) WHERE id = 1",
]
