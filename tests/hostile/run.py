#!/usr/bin/env python3
"""Hostile inputs too big or too odd to commit as golden cases: each is generated into a temporary
directory, run through `migcompat check`, and must end with the expected exit code and message
within generous bounds of time and memory (they catch hangs and quadratic blow-ups, they are not
benchmarks). Usage: run.py BINARY [SCENARIO ...]"""
import json
import os
import pathlib
import pwd
import shutil
import subprocess
import sys
import tempfile
import threading
import time

BIN = os.path.abspath(sys.argv[1])
ONLY = sys.argv[2:]
SECONDS = 120
MAX_RSS_MB = 2048


def tree(root, dialect, queries, migrations=()):
    """A tree with a users table and the given extra migration and query files."""
    root.mkdir(parents=True)
    (root / "migrations").mkdir()
    (root / "queries").mkdir()
    globs = ", ".join(f'"{g}"' for g in ("queries/**/*.sql", "src/**/*.js"))
    (root / "migcompat.toml").write_text(f'dialect = "{dialect}"\nmigrations = "migrations"\nqueries = [{globs}]\n')
    (root / "migrations" / "0001_users.sql").write_text("CREATE TABLE users (id integer PRIMARY KEY, name text);\n")
    for name, text in list(queries) + list(migrations):
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text)


def run(args, user=None):
    """Runs migcompat; returns (exit code, output, seconds, peak RSS in MiB)."""
    command = [BIN, "check"] + args
    if user:
        command = ["setpriv", f"--reuid={user[0]}", f"--regid={user[1]}", "--clear-groups"] + command
    started = time.monotonic()
    with tempfile.TemporaryFile() as output:
        # posix_spawn (vfork-like in glibc): a forked child would start with this process's
        # resident pages, and they would count in migcompat's peak RSS.
        env = dict(os.environ, NO_COLOR="1")
        actions = [(os.POSIX_SPAWN_DUP2, output.fileno(), 1), (os.POSIX_SPAWN_DUP2, output.fileno(), 2)]
        pid = os.posix_spawn(shutil.which(command[0]) or command[0], command, env, file_actions=actions)
        timer = threading.Timer(SECONDS, os.kill, (pid, 9))
        timer.start()
        _, status, usage = os.wait4(pid, 0)
        timer.cancel()
        returncode = os.waitstatus_to_exitcode(status)
        seconds = time.monotonic() - started
        output.seek(0)
        out = output.read().decode(errors="replace")
    if seconds >= SECONDS:
        return None, out, seconds, usage.ru_maxrss // 1024
    # ru_maxrss of a vfork'd child starts at this process's own peak, so this one must stay small.
    return returncode, out, seconds, usage.ru_maxrss // 1024


SCENARIOS = {}


def scenario(fn):
    SCENARIOS[fn.__name__.replace("_", "-")] = fn
    return fn


@scenario
def query_file_of_100_mb_on_one_line(work):
    ids = ",".join(str(i) for i in range(14_000_000))
    text = ("SELECT id FROM users WHERE id IN (" + ids)[:99_999_000].rsplit(",", 1)[0] + ");\n"
    tree(work / "old", "postgres", [("queries/generated.sql", text)])
    tree(work / "new", "postgres", [])
    return ["--old", str(work / "old"), "--new", str(work / "new"), "--engine", "none"], 0, [
        "could not check this query: it is too large to parse", "migcompat parses statements up to 8 MiB"]


@scenario
def minified_bundle_of_100_mb(work):
    filler = "var q=function(a,b){return a+b*2};" * 300
    chunk = filler + 'db.query("SELECT id, name FROM users WHERE id = $1",[x]);'
    bundle = chunk * (100_000_000 // len(chunk))
    tree(work / "old", "postgres", [("src/bundle.min.js", bundle)])
    tree(work / "new", "postgres", [], [("migrations/0002_drop.sql", "ALTER TABLE users DROP COLUMN name;\n")])
    return ["--old", str(work / "old"), "--new", str(work / "new"), "--engine", "none"], 1, [
        "src/bundle.min.js:1:", "column \"name\" does not exist"]


@scenario
def migration_directory_of_100000_files(work):
    tree(work / "old", "sqlite", [("queries/q.sql", "SELECT id, name FROM users;\n")])
    shutil.copytree(work / "old", work / "new")
    migrations = work / "new" / "migrations"
    for i in range(2, 100_002):
        (migrations / f"{i:06d}_row.sql").write_text(f"INSERT INTO users (id, name) VALUES ({i}, 'u{i}');\n")
    return ["--old", str(work / "old"), "--new", str(work / "new")], 0, ["100000 new migration statements"]


@scenario
def one_migration_file_of_160000_drops_and_recreations(work):
    # Every statement asks the rules' look-ahead about the rest of its file (is the table, index,
    # column or function made again later?), and every drop has blame set its objects aside: when
    # the one scanned the rest of the file and the other every object blamed so far, this did not
    # finish within 120 s (half of it: 41 s).
    steps = []
    for k in range(20_000):
        steps += [f"CREATE TABLE t{k} (a int, b int);", f"CREATE UNIQUE INDEX t{k}_a ON t{k}(a);", f"DROP INDEX t{k}_a;",
                  f"ALTER TABLE t{k} DROP COLUMN b;", f"ALTER TABLE t{k} ADD COLUMN c int;",
                  f"CREATE FUNCTION f{k}() RETURNS int LANGUAGE sql AS 'SELECT 1';", f"DROP FUNCTION f{k}();",
                  f"DROP TABLE t{k};"]
    tree(work / "old", "postgres", [("queries/q.sql", "SELECT id, name FROM users;\n")])
    tree(work / "new", "postgres", [], [("migrations/0002_churn.sql", "\n".join(steps) + "\n")])
    return ["--old", str(work / "old"), "--new", str(work / "new"), "--engine", "none"], 0, [
        "160000 new migration statements"]


@scenario
def directory_symlink_loop_under_a_glob(work):
    tree(work / "old", "sqlite", [("queries/q.sql", "SELECT id FROM users;\n")])
    tree(work / "new", "sqlite", [])
    (work / "old" / "queries" / "nested").mkdir()
    os.symlink("..", work / "old" / "queries" / "nested" / "loop")
    return ["--old", str(work / "old"), "--new", str(work / "new")], 0, ["1 old query checked"]


@scenario
def file_symlink_loop_matched_by_a_glob(work):
    tree(work / "old", "sqlite", [("queries/q.sql", "SELECT id FROM users;\n")])
    tree(work / "new", "sqlite", [])
    os.symlink("b.sql", work / "old" / "queries" / "a.sql")
    os.symlink("a.sql", work / "old" / "queries" / "b.sql")
    return ["--old", str(work / "old"), "--new", str(work / "new")], 2, [
        "queries/a.sql: cannot read", "Too many levels of symbolic links"]


@scenario
def unreadable_query_file(work):
    tree(work / "old", "sqlite", [("queries/q.sql", "SELECT id FROM users;\n")])
    tree(work / "new", "sqlite", [])
    (work / "old" / "queries" / "q.sql").chmod(0)
    # root reads anything: run as nobody, in a directory nobody can enter.
    return ["--old", str(work / "old"), "--new", str(work / "new")], 2, [
        "queries/q.sql: cannot read", "Permission denied"]


@scenario
def empty_files_everywhere(work):
    tree(work / "old", "postgres", [("queries/empty.sql", "")], [("migrations/0002_empty.sql", "")])
    tree(work / "new", "postgres", [("queries/empty.sql", "")],
         [("migrations/0002_empty.sql", ""), ("migrations/0003_blank.sql", "\n\n  \n-- only a comment\n")])
    return ["--old", str(work / "old"), "--new", str(work / "new"), "--engine", "none"], 0, ["compatible: 0 errors"]


def build_apart(build, work):
    """Generates a scenario in a child process, so that this one stays small: a child forked from
    a process holding a 100 MB string starts with that much resident memory, which would count in
    migcompat's peak RSS."""
    result = work / ".scenario.json"
    pid = os.fork()
    if pid == 0:
        try:
            result.write_text(json.dumps(build(work)))
        finally:
            os._exit(0)
    os.waitpid(pid, 0)
    args, want, mentions = json.loads(result.read_text())
    result.unlink()
    return args, want, mentions


def main():
    failed = 0
    for name, build in SCENARIOS.items():
        if ONLY and name not in ONLY:
            continue
        work = pathlib.Path(tempfile.mkdtemp(prefix="migcompat-hostile-"))
        try:
            args, want, mentions = build_apart(build, work)
            user = None
            if name == "unreadable-query-file" and os.geteuid() == 0:
                if not shutil.which("setpriv"):
                    print(f"skip  {name}: running as root without setpriv")
                    continue
                subprocess.run(["chmod", "-R", "a+rX", str(work)], check=True)
                (work / "old" / "queries" / "q.sql").chmod(0)
                nobody = pwd.getpwnam("nobody")
                user = (nobody.pw_uid, nobody.pw_gid)
            rc, out, seconds, rss = run(args, user)
            why = []
            if rc is None:
                why.append(f"did not finish within {SECONDS} s")
            elif rc != want:
                why.append(f"exit {rc}, wanted {want}")
            why += [f"missing: {m}" for m in mentions if m not in out]
            if "internal error" in out:
                why.append("internal error")
            if rss > MAX_RSS_MB:
                why.append(f"peak RSS {rss} MiB > {MAX_RSS_MB} MiB")
            figures = f"{seconds:.1f} s, {rss} MiB"
            if why:
                failed += 1
                print(f"FAIL  {name} ({figures}): {'; '.join(why)}")
                print("\n".join("      | " + line for line in out.splitlines()[-15:]))
            else:
                print(f"ok    {name} ({figures})")
        finally:
            # chmod(1), not a walk here: this process stays small (see run()).
            subprocess.run(["chmod", "-R", "u+rwX", str(work)], check=False)
            shutil.rmtree(work, ignore_errors=True)
    sys.exit(1 if failed else 0)


main()
