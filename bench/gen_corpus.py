#!/usr/bin/env python3
"""Deterministic migration corpus: N migration files x M statements over K tables, and Q old
queries, for both dialects.  usage: gen_corpus.py OUT_DIR N M K Q [postgres|sqlite] [deployed_fraction]

The statements mix what real histories hold: CREATE TABLE; ALTER TABLE ADD COLUMN and, on columns
the history added, SET DEFAULT, RENAME COLUMN, DROP COLUMN and a type change (PostgreSQL); indexes;
views; enums (PostgreSQL's CREATE TYPE … AS ENUM, ALTER TYPE … ADD VALUE and columns of them;
SQLite's CHECK (… IN …) columns); UPDATE backfills. Every table keeps its first columns (id, a,
b), which the old queries read and write: the history stays compatible with them. Half of the
queries are in queries/q.sql, half in source files (src/*.ts template literals and src/*.py
triple-quoted strings), joins and CTEs among them."""
import os
import random
import sys


class History:
    def __init__(self, rng, pg, k):
        self.rng, self.pg, self.k = rng, pg, k
        # name -> columns, in order; the first three are never changed; added ones are c… (text)
        # or s… (an enum's, or text with a CHECK in SQLite)
        self.tables = {}
        self.enums = {}  # PostgreSQL: enum type -> its labels

    def statement(self, f, index):
        rng, pg = self.rng, self.pg
        if len(self.tables) < self.k or rng.random() < 0.05:
            name = f"t{len(self.tables)}"
            self.tables[name] = ["id", "a", "b"]
            idtype = "bigserial PRIMARY KEY" if pg else "INTEGER PRIMARY KEY"
            return f"CREATE TABLE {name} (id {idtype}, a text NOT NULL DEFAULT '', b integer)"
        name = rng.choice(sorted(self.tables))
        cols = self.tables[name]
        r = rng.random()
        if r < 0.40:
            return self.add_column(name, f"c{len(cols)}_{f}", "text")
        if r < 0.48:
            return self.alter_added_column(name, f)
        if r < 0.64:
            return f"CREATE INDEX {name}_i{f}_{index} ON {name} (a)"
        if r < 0.76:
            return f"UPDATE {name} SET b = 1 WHERE b IS NULL"
        if r < 0.88:
            return f"CREATE {'OR REPLACE ' if pg else ''}VIEW {name}_v{f}_{index} AS SELECT id, a FROM {name}"
        return self.enum_statement(name, f)

    def add_column(self, table, column, type_):
        self.tables[table].append(column)
        return f"ALTER TABLE {table} ADD COLUMN {column} {type_}"

    def alter_added_column(self, table, f):
        cols = self.tables[table]
        if len(cols) <= 3:  # nothing added yet: add one
            return self.add_column(table, f"c{len(cols)}_{f}", "text")
        i = self.rng.randrange(3, len(cols))
        column = cols[i]
        r = self.rng.random()
        if column.startswith("s") and (r < 0.3 or r >= 0.85):  # an enum's column: no text default, no retyping
            r = 0.5
        if r < 0.3 and self.pg:
            return f"ALTER TABLE {table} ALTER COLUMN {column} SET DEFAULT 'x'"
        if r < 0.6:
            cols[i] = f"{column}_r{f}"
            return f"ALTER TABLE {table} RENAME COLUMN {column} TO {cols[i]}"
        if r < 0.85:
            del cols[i]
            return f"ALTER TABLE {table} DROP COLUMN {column}"
        if self.pg:
            return f"ALTER TABLE {table} ALTER COLUMN {column} TYPE varchar(200)"
        cols[i] = f"{column}_r{f}"
        return f"ALTER TABLE {table} RENAME COLUMN {column} TO {cols[i]}"

    def enum_statement(self, table, f):
        cols = self.tables[table]
        if not self.pg:
            return self.add_column(table, f"s{len(cols)}_{f}", "text CHECK (s{0}_{1} IN ('new', 'active', 'gone'))".format(len(cols), f))
        r = self.rng.random()
        if not self.enums or r < 0.3:
            name = f"e{len(self.enums)}"
            self.enums[name] = ["new", "active"]
            return f"CREATE TYPE {name} AS ENUM ('new', 'active')"
        name = self.rng.choice(sorted(self.enums))
        if r < 0.6:
            label = f"v{len(self.enums[name])}_{f}"
            self.enums[name].append(label)
            return f"ALTER TYPE {name} ADD VALUE '{label}'"
        return self.add_column(table, f"s{len(cols)}_{f}", name)


def queries(names, q, k, pg):
    """Q old queries over the first K tables: (kind, text) in a fixed rotation."""
    p = "$1" if pg else "?"
    out = []
    for i in range(q):
        t = names[i % min(len(names), k)]
        u = names[(i + 1) % min(len(names), k)]
        kind = i % 5
        if kind == 0:
            out.append(f"SELECT id, a FROM {t} WHERE b = {p}")
        elif kind == 1:
            out.append(f"INSERT INTO {t} (a, b) VALUES ({p}, 2)")
        elif kind == 2:
            out.append(f"UPDATE {t} SET a = {p} WHERE id = 3")
        elif kind == 3:
            out.append(f"WITH x AS (SELECT id FROM {t}) SELECT count(*) FROM x JOIN {t} USING (id)")
        else:
            out.append(f"SELECT {t}.id, {u}.a FROM {t} JOIN {u} ON {u}.id = {t}.id WHERE {t}.b = {p}")
    return out


def broken(text, indent):
    """The query with its WHERE on a line of its own, as code is written."""
    return text.replace(" WHERE ", "\n" + indent + "WHERE ")


def write_sources(qdir, srcdir, texts):
    """Even queries to queries/q.sql; odd ones to source files of 50 queries each, alternating
    TypeScript (template literals, one line break inside) and Python (triple-quoted strings)."""
    with open(os.path.join(qdir, "q.sql"), "w") as fh:
        for text in texts[0::2]:
            fh.write(text + ";\n")
    in_code = texts[1::2]
    for start in range(0, len(in_code), 50):
        n = start // 50
        chunk = in_code[start:start + 50]
        if n % 2 == 0:
            body = "".join(f"export function q{n}_{j}(db, x) {{\n  return db.query(`{broken(t, '    ')}`, [x]);\n}}\n\n"
                           for j, t in enumerate(chunk))
            name = f"queries_{n}.ts"
        else:
            body = "".join(f'def q{n}_{j}(cur, x):\n    cur.execute("""{broken(t, "        ")}""", (x,))\n\n\n'
                           for j, t in enumerate(chunk))
            name = f"queries_{n}.py"
        with open(os.path.join(srcdir, name), "w") as fh:
            fh.write(body)


def main():
    out, n, m, k, q = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
    dialect = sys.argv[6] if len(sys.argv) > 6 else "postgres"
    deployed = float(sys.argv[7]) if len(sys.argv) > 7 else 0.5
    pg = dialect == "postgres"
    history = History(random.Random(42), pg, k)
    files = [[history.statement(f, index) for index in range(m)] for f in range(n)]
    cut = int(n * deployed)
    texts = queries(sorted(history.tables), q, k, pg)
    for tree in ("old", "new"):
        mdir = os.path.join(out, tree, "migrations")
        qdir = os.path.join(out, tree, "queries")
        srcdir = os.path.join(out, tree, "src")
        for d in (mdir, qdir, srcdir):
            os.makedirs(d, exist_ok=True)
        for i, stmts in enumerate(files[: cut if tree == "old" else n]):
            with open(os.path.join(mdir, f"{i + 1:05}_m.sql"), "w") as fh:
                fh.write(";\n".join(stmts) + ";\n")
        write_sources(qdir, srcdir, texts)
        with open(os.path.join(out, tree, "migcompat.toml"), "w") as fh:
            fh.write(f'dialect = "{dialect}"\nmigrations = "migrations"\n'
                     'queries = ["queries/*.sql", "src/*.ts", "src/*.py"]\n')


if __name__ == "__main__":
    main()
