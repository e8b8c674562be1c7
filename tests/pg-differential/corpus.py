"""The differential corpus: one base schema, migrations that change it, and old queries (with
literal values, so the server can run them). Every (migration, query) pair is one test.

The hand-written migrations and queries come first (their indexes are stable); after them come
the generated ones: every change the catalog models, applied to every column and table of
TABLES, and the queries that read, filter, write and insert each column."""

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
-- A view reads some columns: dropping them is refused (or cascades), retyping them is refused.
CREATE VIEW order_summary AS SELECT o.id, o.total, a.email FROM orders o JOIN accounts a ON a.id = o.account_id;
"""

HAND_MIGRATIONS = [
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

HAND_QUERIES = [
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

# The generator's view of BASE: per table, (column, type, flags). Flags: n = NOT NULL, d = has a
# default, u = unique, k = primary key (implies serial), v = read by the view order_summary.
TABLES = {
    "accounts": [("id", "bigint", "nkdv"), ("email", "text", "nuv"), ("name", "text", ""), ("plan", "text", "nd"),
                 ("score", "int", "d"), ("mood", "mood", "nd"), ("created_at", "timestamptz", "nd")],
    "orders": [("id", "bigint", "nkdv"), ("account_id", "bigint", "nv"), ("total", "int", "nv"), ("note", "text", ""),
               ("status", "text", "nd")],
    "tags": [("id", "int", "nkd"), ("label", "text", "nu"), ("order_id", "bigint", "")],
}
LITERALS = {"text": "'v'", "int": "2", "bigint": "1", "timestamptz": "now()", "mood": "'sad'"}
WIDER = {"int": "bigint", "text": "varchar(200)"}


def literal(column, type_, flags):
    """A value for `column`: a literal, except where a literal would collide with itself on the
    second run against a unique index the base schema already has."""
    return "md5(random()::text)" if "u" in flags else LITERALS[type_]


def generated_migrations():
    out = []
    for table, columns in TABLES.items():
        for column, type_, flags in columns:
            at = f"ALTER TABLE {table} "
            out.append(at + f"DROP COLUMN {column};")
            if "v" in flags or "k" in flags:
                out.append(at + f"DROP COLUMN {column} CASCADE;")
            out.append(at + f"RENAME COLUMN {column} TO {column}_renamed;")
            if "n" not in flags:
                out.append(at + f"ALTER COLUMN {column} SET NOT NULL;")
            elif "k" not in flags:
                out.append(at + f"ALTER COLUMN {column} DROP NOT NULL;")
            if "d" in flags and "k" not in flags:
                out.append(at + f"ALTER COLUMN {column} DROP DEFAULT;")
            elif "k" not in flags:
                out.append(at + f"ALTER COLUMN {column} SET DEFAULT {LITERALS[type_]};")
            # Not on now()-defaulted columns: both runs of the probe share one transaction, so
            # now() repeats there as it would not across the app's transactions.
            if "u" not in flags and "k" not in flags and type_ != "timestamptz":
                out.append(at + f"ADD CONSTRAINT {table}_{column}_uniq UNIQUE ({column});")
            if type_ in WIDER and "k" not in flags:
                out.append(at + f"ALTER COLUMN {column} TYPE {WIDER[type_]};")
        out += [
            f"ALTER TABLE {table} RENAME TO {table}_renamed;",
            f"DROP TABLE {table};",
            f"DROP TABLE {table} CASCADE;",
            f"ALTER TABLE {table} ADD COLUMN extra text NOT NULL DEFAULT 'x';",
            f"ALTER TABLE {table} ADD COLUMN extra int NOT NULL DEFAULT 0, ADD COLUMN more text;",
        ]
    out += ["DROP VIEW order_summary;", "CREATE OR REPLACE VIEW order_summary AS SELECT o.id, o.total, a.email, o.note "
            "FROM orders o JOIN accounts a ON a.id = o.account_id;"]
    # Identity and generated columns: serial to identity, and what the server refuses on the way.
    for when in ("ALWAYS", "BY DEFAULT"):
        out.append(f"ALTER TABLE orders ALTER COLUMN id DROP DEFAULT;\nALTER TABLE orders ALTER COLUMN id ADD GENERATED {when} AS IDENTITY;")
        out.append(f"ALTER TABLE orders ALTER COLUMN account_id ADD GENERATED {when} AS IDENTITY;")
    out += [
        "ALTER TABLE accounts ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY;",
        "ALTER TABLE orders ALTER COLUMN note ADD GENERATED ALWAYS AS IDENTITY;",
        "ALTER TABLE orders ALTER COLUMN id SET GENERATED ALWAYS;",
        "ALTER TABLE orders ALTER COLUMN account_id ADD GENERATED BY DEFAULT AS IDENTITY;\n"
        "ALTER TABLE orders ALTER COLUMN account_id SET GENERATED ALWAYS;",
        "ALTER TABLE orders ALTER COLUMN account_id ADD GENERATED ALWAYS AS IDENTITY;\n"
        "ALTER TABLE orders ALTER COLUMN account_id DROP IDENTITY;",
        "ALTER TABLE orders ADD COLUMN cents int GENERATED ALWAYS AS (total * 100) STORED;",
    ]
    # Sequences: a serial column's own, and one the migrations create.
    out += [
        "DROP SEQUENCE orders_id_seq;",
        "DROP SEQUENCE orders_id_seq CASCADE;",
        "ALTER TABLE orders ALTER COLUMN id DROP DEFAULT;\nDROP SEQUENCE orders_id_seq;",
        "ALTER SEQUENCE orders_id_seq RENAME TO order_ids;",
        "ALTER TABLE orders RENAME COLUMN id TO order_id;\nALTER TABLE orders RENAME TO purchases;",
        "CREATE SEQUENCE invoice_numbers;\nCREATE SEQUENCE IF NOT EXISTS invoice_numbers;",
        "CREATE SEQUENCE tags_id_seq;",
        "DROP SEQUENCE IF EXISTS nothing_seq;",
    ]
    # Schemas and search_path: where bare names are created and found, what moves and drops a
    # schema's tables (the queries run with the default search_path).
    out += [
        "CREATE SCHEMA app;\nSET search_path TO app, public;\nCREATE TABLE accounts (id int);\nALTER TABLE accounts ADD COLUMN x int;",
        "CREATE SCHEMA app;\nSET search_path TO app, public;\nALTER TABLE orders DROP COLUMN note;",
        "CREATE SCHEMA app;\nALTER TABLE orders SET SCHEMA app;\nSET search_path TO app;\nALTER TABLE orders DROP COLUMN note;",
        "CREATE SCHEMA app;\nALTER TABLE accounts SET SCHEMA app;\nSET search_path TO app, public;\n"
        "CREATE VIEW public.accounts AS SELECT * FROM accounts;",
        "CREATE SCHEMA app;\nCREATE TABLE app.t (id int);\nDROP SCHEMA app;",
        "CREATE SCHEMA app;\nCREATE TABLE app.t (id int);\nDROP SCHEMA app CASCADE;",
        "CREATE SCHEMA app;\nALTER TABLE tags SET SCHEMA app;\nDROP SCHEMA app CASCADE;",
        "CREATE SCHEMA app;\nALTER TABLE tags SET SCHEMA app;\nALTER SCHEMA app RENAME TO app2;\nALTER TABLE app2.tags SET SCHEMA public;",
        "CREATE SCHEMA app;\nCREATE SCHEMA app;",
        "CREATE SCHEMA IF NOT EXISTS app;\nCREATE SCHEMA IF NOT EXISTS app;\nSET search_path TO nowhere, app;\nCREATE TABLE tags (id int);",
        "CREATE SCHEMA app;\nCREATE TABLE app.t (id int);\nCREATE INDEX t_id_idx ON app.t (id);\nDROP INDEX app.t_id_idx;",
        "CREATE SCHEMA app;\nCREATE TABLE app.t (id int);\nALTER TABLE app.t RENAME TO accounts;\nDROP TABLE app.accounts;",
        "SET search_path TO pg_catalog;\nALTER TABLE public.orders DROP COLUMN note;\nRESET search_path;\nALTER TABLE orders DROP COLUMN total;",
        "DROP SCHEMA public CASCADE;\nCREATE SCHEMA public;",
    ]
    # Types and domains under columns: DROP is refused, or with CASCADE takes the columns.
    out += [
        "DROP TYPE mood;",
        "DROP TYPE mood CASCADE;",
        "CREATE DOMAIN contact AS text;\nALTER TABLE orders ADD COLUMN contact contact;\nDROP DOMAIN contact;",
        "CREATE DOMAIN contact AS text;\nALTER TABLE orders ADD COLUMN contact contact;\nDROP DOMAIN contact CASCADE;",
        "CREATE DOMAIN contact AS text;\nALTER TABLE orders ALTER COLUMN note TYPE contact;\nDROP DOMAIN contact CASCADE;",
        "CREATE DOMAIN contact AS text;\nALTER DOMAIN contact RENAME TO reachable;\nCREATE DOMAIN contact AS int;",
        "CREATE DOMAIN mood AS text;",
    ]
    # Triggers: on a table, running a function that cannot be dropped from under them.
    touch = "CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;\n"
    trigger = "CREATE TRIGGER orders_touch BEFORE UPDATE ON orders FOR EACH ROW EXECUTE FUNCTION touch();\n"
    out += [
        touch + trigger + "DROP FUNCTION touch();",
        touch + trigger + "DROP FUNCTION touch() CASCADE;",
        touch + trigger + trigger,
        touch + trigger + trigger.replace("CREATE TRIGGER", "CREATE OR REPLACE TRIGGER"),
        touch + trigger + "DROP TRIGGER orders_touch ON orders;\nDROP TRIGGER IF EXISTS orders_touch ON orders;",
        "DROP TRIGGER nothing ON orders;",
        touch + trigger + "ALTER FUNCTION touch() RENAME TO touched;\nDROP FUNCTION touched();",
        touch + trigger + "DROP TABLE orders CASCADE;\nDROP FUNCTION touch();",
        touch + "CREATE TRIGGER ghost_touch BEFORE UPDATE ON ghost FOR EACH ROW EXECUTE FUNCTION touch();",
    ]
    # Function overloads, told apart by their argument types.
    out += [
        "CREATE FUNCTION norm(e integer) RETURNS text LANGUAGE sql AS $$ SELECT e::text $$;\nDROP FUNCTION norm(text, boolean);",
        "CREATE FUNCTION norm(e integer) RETURNS text LANGUAGE sql AS $$ SELECT e::text $$;\nDROP FUNCTION norm(integer);",
        "CREATE FUNCTION norm(e text, s boolean) RETURNS text LANGUAGE sql AS $$ SELECT e $$;",
        "CREATE OR REPLACE FUNCTION norm(e text, strict boolean DEFAULT false) RETURNS text LANGUAGE sql AS $$ SELECT upper(e) $$;",
        "CREATE FUNCTION norm(e varchar, strict boolean) RETURNS text LANGUAGE sql AS $$ SELECT e $$;\nDROP FUNCTION norm(varchar, bool);",
        "CREATE FUNCTION norm(e integer) RETURNS text LANGUAGE sql AS $$ SELECT e::text $$;\nALTER FUNCTION norm(text, boolean) RENAME TO normalize;",
        "CREATE FUNCTION normalized(e text, strict boolean) RETURNS text LANGUAGE sql AS $$ SELECT e $$;\nALTER FUNCTION norm(text, boolean) RENAME TO normalized;",
        "DROP FUNCTION norm(integer);",
        "DROP FUNCTION IF EXISTS norm(integer);",
    ]
    # An enum named like an existing domain clashes as a domain named like an enum does.
    out += ["CREATE DOMAIN contact AS text;\nCREATE TYPE contact AS ENUM ('mail', 'phone');"]
    return out


def generated_queries():
    out = []
    for table, columns in TABLES.items():
        required = [(c, t, f) for c, t, f in columns if "n" in f and "d" not in f]
        for column, type_, flags in columns:
            out.append(f"SELECT {column} FROM {table} WHERE id = 1")
            out.append(f"SELECT x.{column} FROM {table} x ORDER BY x.{column}")
            if type_ != "timestamptz":
                out.append(f"SELECT count(*) FROM {table} WHERE {column} = {LITERALS[type_]}")
            if "k" not in flags:
                out.append(f"UPDATE {table} SET {column} = {literal(column, type_, flags)} WHERE id = 1")
                written = required + ([(column, type_, flags)] if "d" in flags or "n" not in flags else [])
                names = ", ".join(c for c, _, _ in written)
                values = ", ".join(literal(c, t, f) for c, t, f in written)
                out.append(f"INSERT INTO {table} ({names}) VALUES ({values})")
        out.append(f"SELECT * FROM {table}")
        out.append(f"DELETE FROM {table} WHERE id = 0")
    out += ["SELECT email, total FROM order_summary", "SELECT s.id FROM order_summary s WHERE s.total > 1"]
    # Writes of an id column (which an identity defined ALWAYS refuses), and of the DEFAULT keyword.
    out += [
        "INSERT INTO orders (id, account_id, total) VALUES (nextval('orders_id_seq'), 1, 1)",
        "INSERT INTO orders VALUES (nextval('orders_id_seq'), 1, 5)",
        "INSERT INTO orders (id, account_id, total) VALUES (DEFAULT, 1, 1)",
        "INSERT INTO orders (id, account_id, total) OVERRIDING SYSTEM VALUE VALUES (nextval('orders_id_seq'), 1, 1)",
        "UPDATE orders SET id = id WHERE id = 0",
        "UPDATE orders SET account_id = DEFAULT WHERE id = 0",
        "SELECT nextval('orders_id_seq')",
        "SELECT nextval('public.orders_id_seq'::regclass), setval('tags_id_seq', 10)",
        "SELECT setval('accounts_id_seq', (SELECT max(id) FROM accounts))",
    ]
    return out


MIGRATIONS = HAND_MIGRATIONS + generated_migrations()
QUERIES = list(dict.fromkeys(HAND_QUERIES + generated_queries()))  # in order, each once
