#!/usr/bin/env python3
"""Differential test of the PostgreSQL static check against a real server.

For every (migration, query) pair of corpus.py, the server's verdict is: the query runs on the
old schema and fails on the new one (each query runs twice, as deployed code would, inside a
subtransaction that is rolled back). The static verdict is: `migcompat check --engine none`
reports an error at the query's line. Each migration is compared too: when the server rejects
it, migcompat must reject it (exit 2), and the other way round. The test lists every
disagreement and fails when there is one that known_limits.txt does not name (keys `mM:qQ` for
a pair, `mM` for a migration).

usage: run.py BINARY
"""
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cluster import Cluster  # noqa: E402
import corpus  # noqa: E402

PROBE = """
CREATE TEMP TABLE mc_results (i int, ok bool, err text);
{blocks}
SELECT i, ok, coalesce(err, '') FROM mc_results ORDER BY i;
"""
BLOCK = """DO $mc$ BEGIN
  BEGIN
    EXECUTE $mcq${query}$mcq$;
    EXECUTE $mcq${query}$mcq$;
    RAISE EXCEPTION 'mc_ok';
  EXCEPTION WHEN OTHERS THEN
    INSERT INTO mc_results VALUES ({i}, SQLERRM = 'mc_ok', CASE WHEN SQLERRM = 'mc_ok' THEN NULL ELSE SQLSTATE || ' ' || SQLERRM END);
  END;
END $mc$;"""


def server_verdicts(cluster, database):
    blocks = "\n".join(BLOCK.format(query=q, i=i) for i, q in enumerate(corpus.QUERIES))
    out = cluster.psql(database, PROBE.format(blocks=blocks))
    verdicts = {}
    for line in out.splitlines():
        i, ok, err = line.split("|", 2)
        verdicts[int(i)] = (ok == "t", err)
    return verdicts


def static_verdicts(binary, migration):
    """Line numbers (0-based query index) where migcompat reports an error, and where it could not
    check; (None, its message) when migcompat rejects the migration itself."""
    with tempfile.TemporaryDirectory() as d:
        for tree, migrations in (("old", [corpus.BASE]), ("new", [corpus.BASE, migration])):
            os.makedirs(f"{d}/{tree}/migrations")
            os.makedirs(f"{d}/{tree}/queries")
            for n, text in enumerate(migrations, 1):
                with open(f"{d}/{tree}/migrations/{n:04}.sql", "w") as f:
                    f.write(text + "\n")
            with open(f"{d}/{tree}/queries/q.sql", "w") as f:
                f.write(";\n".join(corpus.QUERIES) + ";\n")
            with open(f"{d}/{tree}/migcompat.toml", "w") as f:
                f.write('dialect = "postgres"\nmigrations = "migrations"\nqueries = ["queries/*.sql"]\n')
        result = subprocess.run([binary, "check", "--old", f"{d}/old", "--new", f"{d}/new", "--engine", "none"],
                                capture_output=True, text=True, env={**os.environ, "NO_COLOR": "1"})
        if result.returncode == 2 and "would fail on PostgreSQL" in result.stderr:
            return None, result.stderr.strip()
        if result.returncode not in (0, 1):
            raise RuntimeError(f"migcompat failed on migration {migration!r}: {result.stderr}")
        errors, unchecked = set(), set()
        current = None
        for line in result.stdout.splitlines():
            if line.startswith("error["):
                current = errors
            elif line.startswith("warning[MC010]"):
                current = unchecked
            elif line.startswith(("warning", "note")):
                current = None
            m = re.match(r"\s*--> queries/q\.sql:(\d+):", line)
            if m and current is not None:
                current.add(int(m.group(1)) - 1)
                current = None
        return errors, unchecked


def main():
    binary = os.path.abspath(sys.argv[1])
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "known_limits.txt")) as f:
        known = {line.split("#")[0].strip() for line in f if line.split("#")[0].strip()}
    pairs = agreed = skipped = migrations = agreed_migrations = 0
    disagreements = []
    with Cluster() as cluster:
        cluster.psql("postgres", "CREATE DATABASE base;")
        cluster.psql("base", corpus.BASE)
        old = server_verdicts(cluster, "base")
        for m, migration in enumerate(corpus.MIGRATIONS):
            db = f"m{m}"
            cluster.psql("postgres", f"CREATE DATABASE {db} TEMPLATE base;")
            try:
                cluster.psql(db, migration)
                rejected = None
            except RuntimeError as e:
                rejected = str(e).strip()
            errors, unchecked = static_verdicts(binary, migration)
            migrations += 1
            if (rejected is None) != (errors is not None):
                kind = "missed rejection" if rejected else "false rejection"
                detail = f"server: {rejected}" if rejected else f"migcompat: {unchecked}"
                disagreements.append((f"m{m}", kind, migration, "", detail))
                continue
            if rejected:
                agreed_migrations += 1
                continue
            agreed_migrations += 1
            new = server_verdicts(cluster, db)
            for q in range(len(corpus.QUERIES)):
                pairs += 1
                if not old[q][0]:
                    skipped += 1  # the query fails before the deploy: not a pair that tests anything
                    continue
                server_breaks = not new[q][0]
                static_breaks = q in errors
                if server_breaks == static_breaks and q not in unchecked:
                    agreed += 1
                    continue
                key = f"m{m}:q{q}"
                kind = "static says could not check" if q in unchecked else (
                    "missed" if server_breaks else "false alarm")
                disagreements.append((key, kind, migration, corpus.QUERIES[q], f"server: {new[q][1] or 'ok'}"))
    unexplained = [d for d in disagreements if d[0] not in known]
    for key, kind, migration, query, err in disagreements:
        mark = "known " if key in known else "NEW   "
        print(f"{mark}{key} {kind}: migration `{migration}` / query `{query}` / {err}")
    print(f"pg-differential: {migrations} migrations, {agreed_migrations} accepted or rejected alike; {pairs} pairs, "
          f"{skipped} invalid before the deploy, {agreed} agree; {len(disagreements)} disagreements "
          f"({len(unexplained)} not in known_limits.txt)")
    stale = known - {d[0] for d in disagreements}
    for key in sorted(stale):
        print(f"stale known limit (now agrees; remove it): {key}")
    return 1 if unexplained or stale else 0


if __name__ == "__main__":
    sys.exit(main())
