#!/usr/bin/env python3
"""The PostgreSQL proof's promises about the servers it touches:

* --database-url: the database the URL names is left byte-for-byte unchanged (pg_dump before and
  after), every scratch database is dropped, the password never appears in the output, and a
  role without CREATEDB is refused with a clear error (exit 2).
* The password appears in no report format (text, json, sarif, junit, markdown, github, the
  --sarif file) and in no error.
* SIGINT and SIGTERM: a run interrupted while proving leaves no scratch database
  (--database-url), and no postgres process and no temporary directory (throwaway cluster);
  nor does a run that fails (the time budget exceeded).

usage: run.py MIGCOMPAT"""
import os
import signal
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "pg-differential"))
from cluster import Cluster  # noqa: E402

CASES = os.path.join(HERE, "..", "cases")
PASSWORD = "s3cret-Pa55word"


def fail(message):
    print(f"pg-server: FAIL: {message}")
    sys.exit(1)


def run(binary, case, *args, env=None):
    result = subprocess.run([binary, "check", "--old", os.path.join(case, "old"), "--new", os.path.join(case, "new"), *args],
                            capture_output=True, text=True, env=env, timeout=300)
    return result.returncode, result.stdout + result.stderr


def dump(cluster, database):
    result = subprocess.run(["pg_dump", "-h", cluster.dir, "-U", "postgres", "--no-owner", database],
                            capture_output=True, text=True, check=True)
    # pg_dump brackets its script with a random \restrict key: not part of the database.
    return "\n".join(line for line in result.stdout.splitlines() if not line.startswith(("\\restrict", "\\unrestrict")))


def scratch_databases(cluster):
    return cluster.psql("postgres", "SELECT datname FROM pg_database WHERE datname LIKE 'migcompat%' ORDER BY 1").split()


def database_url(cluster, user, database):
    return f"postgresql://{user}:{PASSWORD}@/{database}?host={cluster.dir}"


def check_existing_server(binary, cluster):
    cluster.psql("postgres", "CREATE DATABASE appdb")
    cluster.psql("appdb", """
        CREATE TABLE customers (id bigserial PRIMARY KEY, email text NOT NULL UNIQUE, plan text DEFAULT 'free');
        INSERT INTO customers (email) SELECT 'user' || g || '@example.com' FROM generate_series(1, 500) g;
        CREATE ROLE ci LOGIN CREATEDB;
        CREATE ROLE readonly LOGIN;""")
    before = dump(cluster, "appdb")

    case = os.path.join(CASES, "pg-server-operator-gone-after-type-change")
    code, out = run(binary, case, "--database-url", database_url(cluster, "ci", "appdb"))
    if code != 1:
        fail(f"--database-url run: expected exit 1, got {code}:\n{out}")
    if "operator does not exist: integer ~~ unknown" not in out:
        fail(f"--database-url run did not prove the break on the server:\n{out}")
    if f"at {cluster.dir}/appdb as ci" not in out:
        fail(f"the report does not name the server it used:\n{out}")
    if PASSWORD in out:
        fail("the password appears in the output")
    if dump(cluster, "appdb") != before:
        fail("the database named by --database-url changed")
    if scratch_databases(cluster):
        fail(f"scratch databases left behind: {scratch_databases(cluster)}")
    print("ok    --database-url leaves its database unchanged and drops its scratch databases")

    with tempfile.TemporaryDirectory() as reports:
        sarif = os.path.join(reports, "report.sarif")
        for fmt in ("json", "sarif", "junit", "markdown", "github"):
            code, out = run(binary, case, "--database-url", database_url(cluster, "ci", "appdb"), "--format", fmt,
                            "--sarif", sarif, env={**os.environ, "GITHUB_STEP_SUMMARY": os.path.join(reports, "summary.md")})
            written = "".join(open(os.path.join(reports, f)).read() for f in os.listdir(reports))
            if code != 1 or PASSWORD in out or PASSWORD in written:
                fail(f"--format {fmt}: expected exit 1 without the password anywhere, got {code}:\n{out}")
    print("ok    no report format carries the password")

    code, out = run(binary, case, "--database-url", database_url(cluster, "readonly", "appdb"))
    if code != 2 or "may not create databases" not in out or PASSWORD in out:
        fail(f"a role without CREATEDB: expected exit 2 with a clear error, got {code}:\n{out}")
    print("ok    a role without CREATEDB is refused")

    code, out = run(binary, case, "--database-url", f"postgresql://ci:{PASSWORD}@/appdb?host=/nonexistent")
    if code != 2 or "cannot connect to PostgreSQL at /nonexistent/appdb as ci" not in out or PASSWORD in out:
        fail(f"an unreachable server: expected exit 2 naming it without the password, got {code}:\n{out}")
    print("ok    an unreachable server is an input error that names it, without the password")

    code, out = run(binary, case, "--engine", "postgres", env={**os.environ, "MIGCOMPAT_DATABASE_URL": database_url(cluster, "ci", "appdb")})
    if code != 1 or "as ci" not in out:
        fail(f"MIGCOMPAT_DATABASE_URL was not used:\n{out}")
    print("ok    MIGCOMPAT_DATABASE_URL")


def big_corpus(root):
    subprocess.run([sys.executable, os.path.join(HERE, "..", "..", "bench", "gen_corpus.py"), root, "200", "5", "40", "4000",
                    "postgres", "0.5"], check=True, stdout=subprocess.DEVNULL)
    return root


def wait_for(predicate, seconds, what):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if predicate():
            return
        time.sleep(0.02)
    fail(f"timed out waiting for {what}")


def interrupt_when(binary, case, ready, *args, env=None, how=signal.SIGINT):
    process = subprocess.Popen([binary, "check", "--old", os.path.join(case, "old"), "--new", os.path.join(case, "new"), *args],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env)
    wait_for(lambda: ready() or process.poll() is not None, 120, "the run to get going")
    if process.poll() is not None:
        fail(f"the run ended before it could be interrupted (exit {process.returncode}): {process.stderr.read()}")
    process.send_signal(how)
    try:
        code = process.wait(timeout=60)
    except subprocess.TimeoutExpired:
        process.kill()
        fail(f"the run did not end within 60 s of {how.name}")
    if code != -how:
        fail(f"an interrupted run should end by {how.name}, got exit {code}")


def private_tmp():
    """A TMPDIR of the test's own, so that leftovers are this run's; the cluster's user must reach it."""
    path = tempfile.mkdtemp(prefix="mc-signal-")
    os.chmod(path, 0o755)
    return path


def cluster_dirs(tmp):
    return [d for d in os.listdir(tmp) if d.startswith("migcompat-pg-")]


def servers_running(tmp):
    found = subprocess.run(["pgrep", "-f", tmp], capture_output=True, text=True).stdout.split()
    return [p for p in found if int(p) != os.getpid()]


def check_interrupts(binary, cluster, corpus):
    url = database_url(cluster, "ci", "appdb")
    for how in (signal.SIGINT, signal.SIGTERM):
        interrupt_when(binary, corpus, lambda: len(scratch_databases(cluster)) >= 2, "--database-url", url, how=how)
        if scratch_databases(cluster):
            fail(f"{how.name} left scratch databases behind: {scratch_databases(cluster)}")
        print(f"ok    {how.name} drops the scratch databases of an existing server")

        tmp = private_tmp()
        server_up = lambda: any(os.path.exists(os.path.join(tmp, d, ".s.PGSQL.5432")) for d in cluster_dirs(tmp))  # noqa: E731
        interrupt_when(binary, corpus, server_up, env={**os.environ, "TMPDIR": tmp}, how=how)
        wait_for(lambda: not servers_running(tmp), 10, "the postgres processes to end")
        if cluster_dirs(tmp):
            fail(f"{how.name} left the cluster directory behind: {cluster_dirs(tmp)}")
        os.rmdir(tmp)
        print(f"ok    {how.name} stops the throwaway cluster and deletes its directory")


def check_budget(binary, corpus):
    tmp = private_tmp()
    code, out = run(binary, corpus, "--engine", "postgres", "--timeout", "1", "--jobs", "1", env={**os.environ, "TMPDIR": tmp})
    if code != 2 or "exceeded its time budget of 1 s" not in out:
        fail(f"--timeout 1 on a large corpus: expected exit 2 with the budget message, got {code}:\n{out}")
    wait_for(lambda: not servers_running(tmp), 10, "the postgres processes to end")
    if cluster_dirs(tmp):
        fail(f"a failed run left the cluster directory behind: {cluster_dirs(tmp)}")
    os.rmdir(tmp)
    print("ok    the time budget stops a long proof with a clear message, and the cluster is gone")


def main():
    binary = os.path.abspath(sys.argv[1])
    with tempfile.TemporaryDirectory() as scratch, Cluster() as cluster:
        check_existing_server(binary, cluster)
        corpus = big_corpus(os.path.join(scratch, "corpus"))
        check_interrupts(binary, cluster, corpus)
        check_budget(binary, corpus)
    print("pg-server: all passed")


if __name__ == "__main__":
    main()
