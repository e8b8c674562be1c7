#!/usr/bin/env python3
"""Deterministic migration corpus: N migration files x M statements over K tables, and Q old
queries, for both dialects.  usage: gen_corpus.py OUT_DIR N M K Q [postgres|sqlite] [deployed_fraction]"""
import os
import random
import sys


def main():
    out, n, m, k, q = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
    dialect = sys.argv[6] if len(sys.argv) > 6 else "postgres"
    deployed = float(sys.argv[7]) if len(sys.argv) > 7 else 0.5
    rng = random.Random(42)
    pg = dialect == "postgres"
    tables = {}  # name -> list of columns
    files = []
    for f in range(n):
        stmts = []
        for _ in range(m):
            if len(tables) < k or rng.random() < 0.05:
                name = f"t{len(tables)}"
                tables[name] = ["id", "a", "b"]
                idtype = "bigserial PRIMARY KEY" if pg else "INTEGER PRIMARY KEY"
                stmts.append(f"CREATE TABLE {name} (id {idtype}, a text NOT NULL DEFAULT '', b integer)")
                continue
            name = rng.choice(sorted(tables))
            cols = tables[name]
            r = rng.random()
            if r < 0.5:
                col = f"c{len(cols)}_{f}"
                cols.append(col)
                stmts.append(f"ALTER TABLE {name} ADD COLUMN {col} text")
            elif r < 0.7:
                stmts.append(f"CREATE INDEX {name}_i{f}_{len(stmts)} ON {name} (a)")
            elif r < 0.85:
                stmts.append(f"UPDATE {name} SET b = 1 WHERE b IS NULL")
            else:
                stmts.append(f"CREATE {'OR REPLACE ' if pg else ''}VIEW {name}_v{f}_{len(stmts)} AS SELECT id, a FROM {name}")
        files.append(stmts)
    cut = int(n * deployed)
    for tree in ("old", "new"):
        mdir = os.path.join(out, tree, "migrations")
        qdir = os.path.join(out, tree, "queries")
        os.makedirs(mdir, exist_ok=True)
        os.makedirs(qdir, exist_ok=True)
        for i, stmts in enumerate(files[: cut if tree == "old" else n]):
            with open(os.path.join(mdir, f"{i + 1:05}_m.sql"), "w") as fh:
                fh.write(";\n".join(stmts) + ";\n")
        names = sorted(tables)
        with open(os.path.join(qdir, "q.sql"), "w") as fh:
            for i in range(q):
                t = names[i % min(len(names), k)]
                p = "$1" if pg else "?"
                kind = i % 4
                if kind == 0:
                    fh.write(f"SELECT id, a FROM {t} WHERE b = {p};\n")
                elif kind == 1:
                    fh.write(f"INSERT INTO {t} (a, b) VALUES ({p}, 2);\n")
                elif kind == 2:
                    fh.write(f"UPDATE {t} SET a = {p} WHERE id = 3;\n")
                else:
                    fh.write(f"WITH x AS (SELECT id FROM {t}) SELECT count(*) FROM x JOIN {t} USING (id);\n")
        with open(os.path.join(out, tree, "migcompat.toml"), "w") as fh:
            fh.write(f'dialect = "{dialect}"\nmigrations = "migrations"\nqueries = ["queries/*.sql"]\n')


if __name__ == "__main__":
    main()
