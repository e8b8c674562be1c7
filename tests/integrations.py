#!/usr/bin/python3
"""The integration files do what they say: action.yml (GitHub Action), .pre-commit-hooks.yaml and
docs/ci/gitlab-ci.yml are parsed, checked for the keys their hosts require, and the commands they
contain are run against a throwaway git repository whose last commit drops a column the deployed
code reads. usage: integrations.py MIGCOMPAT"""
import json
import os
import re
import shlex
import subprocess
import sys
import tempfile

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def fail(message):
    print(f"integrations: FAIL: {message}")
    sys.exit(1)


def sh(cmd, cwd, env=None, check=True):
    r = subprocess.run(["bash", "-c", cmd], cwd=cwd, env=env, capture_output=True, text=True)
    if check and r.returncode != 0:
        fail(f"`{cmd}` exited {r.returncode}: {r.stdout}{r.stderr}")
    return r


def make_repo(base):
    """origin (bare) holds main = the deployed app; the clone's HEAD adds a migration dropping posts.body."""
    work = os.path.join(base, "repo")
    os.makedirs(os.path.join(work, "app", "migrations"))
    os.makedirs(os.path.join(work, "app", "queries"))
    files = {
        "app/migcompat.toml": 'dialect = "sqlite"\nmigrations = "migrations"\nqueries = ["queries/*.sql"]\n',
        "app/migrations/001_posts.sql": "CREATE TABLE posts (id INTEGER PRIMARY KEY, title TEXT, body TEXT);\n",
        "app/queries/posts.sql": "SELECT id, title, body FROM posts;\n",
    }
    for path, text in files.items():
        with open(os.path.join(work, path), "w") as f:
            f.write(text)
    sh("git init -q -b main && git config user.email t@example.com && git config user.name t && git add -A && "
       "git commit -qm deployed", work)
    sh(f"git clone -q --bare {work} {base}/origin.git && git remote add origin {base}/origin.git && git fetch -q origin", work)
    with open(os.path.join(work, "app", "migrations", "002_drop_body.sql"), "w") as f:
        f.write("ALTER TABLE posts DROP COLUMN body;\n")
    with open(os.path.join(work, "app", "queries", "posts.sql"), "w") as f:
        f.write("SELECT id, title FROM posts;\n")
    sh("git add -A && git commit -qm 'drop body'", work)
    return work


def check_action(binary, repo, base):
    with open(os.path.join(ROOT, "action.yml")) as f:
        action = yaml.safe_load(f)
    for key in ("name", "description", "runs"):
        if key not in action:
            fail(f"action.yml lacks `{key}`")
    if action["runs"].get("using") != "composite":
        fail("action.yml: runs.using must be composite")
    inputs = {name: spec.get("default", "") for name, spec in action.get("inputs", {}).items()}
    for name, spec in action.get("inputs", {}).items():
        if "description" not in spec:
            fail(f"action.yml: input {name} has no description")
    inputs.update({"migcompat": binary, "base": "", "working-directory": "app"})
    env_file = os.path.join(base, "github_env")
    summary = os.path.join(base, "summary.md")
    open(env_file, "w").close()
    env = dict(os.environ, GITHUB_ENV=env_file, GITHUB_STEP_SUMMARY=summary, GITHUB_BASE_REF="main")

    def expand(text):
        text = re.sub(r"\$\{\{\s*inputs\.([\w-]+)\s*\}\}", lambda m: inputs[m.group(1)], text)
        return text.replace("${{ github.action_path }}", ROOT)

    ran_check = False
    for step in action["runs"]["steps"]:
        condition = step.get("if", "")
        m = re.fullmatch(r"inputs\.([\w-]+) (==|!=) ''", condition)
        if m and ((inputs[m.group(1)] == "") != (m.group(2) == "==")):
            continue
        if "uses" in step:
            sarif = os.path.join(repo, inputs["working-directory"], step["with"]["sarif_file"].split("/")[-1])
            with open(sarif) as f:
                if json.load(f).get("version") != "2.1.0":
                    fail("the SARIF file the action uploads is not SARIF 2.1.0")
            continue
        if "shell" not in step:
            fail(f"action.yml: step {step.get('name')} has `run` without `shell`")
        with open(env_file) as f:
            for line in f:
                if "=" in line:
                    k, v = line.rstrip("\n").split("=", 1)
                    env[k] = v
        cwd = os.path.join(repo, expand(step.get("working-directory", ".")))
        r = sh(expand(step["run"]), cwd, env, check=False)
        if "check --base" in step["run"]:
            ran_check = True
            if r.returncode != 1 or "::error file=queries/posts.sql" not in r.stdout:
                fail(f"the action's check step should fail with an annotation, got {r.returncode}: {r.stdout}{r.stderr}")
        elif r.returncode != 0:
            fail(f"action step {step.get('name')} failed: {r.stderr}")
    if not ran_check:
        fail("the action never ran `migcompat check`")
    with open(summary) as f:
        if "## migcompat: ❌ incompatible" not in f.read():
            fail("the action wrote no job summary")
    print("ok    action.yml: steps run, annotations, job summary, SARIF for upload")


def check_pre_commit(binary, repo, base):
    with open(os.path.join(ROOT, ".pre-commit-hooks.yaml")) as f:
        hooks = yaml.safe_load(f)
    bindir = os.path.join(base, "bin")
    os.makedirs(bindir)
    os.symlink(binary, os.path.join(bindir, "migcompat"))
    env = dict(os.environ, PATH=bindir + os.pathsep + os.environ["PATH"])
    app = os.path.join(repo, "app")
    for hook in hooks:
        for key in ("id", "name", "entry", "language"):
            if key not in hook:
                fail(f".pre-commit-hooks.yaml: hook {hook.get('id')} lacks `{key}`")
        files = []
        if hook.get("pass_filenames", True):
            pattern = re.compile(hook.get("files", ""))
            files = [os.path.join("migrations", n) for n in sorted(os.listdir(os.path.join(app, "migrations"))) if pattern.search(n)]
        cmd = hook["entry"] + ("" if hook["id"] == "migcompat-lint" else "") + " " + " ".join(shlex.quote(x) for x in files)
        if hook["id"] == "migcompat-lint":
            cmd = cmd.replace("migcompat lint", "migcompat lint --dialect sqlite", 1)
            r = sh(cmd, app, env, check=False)
            if r.returncode != 0 or "MC101" not in r.stdout:
                fail(f"pre-commit lint hook: wanted exit 0 with MC101, got {r.returncode}: {r.stdout}{r.stderr}")
        else:
            r = sh(cmd, app, env, check=False)
            if r.returncode != 0:
                fail(f"pre-commit check hook on a clean tree: wanted exit 0, got {r.returncode}: {r.stdout}{r.stderr}")
            with open(os.path.join(app, "migrations", "003_drop_title.sql"), "w") as f:
                f.write("ALTER TABLE posts DROP COLUMN title;\n")
            r = sh(cmd, app, env, check=False)
            os.remove(os.path.join(app, "migrations", "003_drop_title.sql"))
            if r.returncode != 1 or "posts.title" not in r.stdout:
                fail(f"pre-commit check hook on a breaking change: wanted exit 1, got {r.returncode}: {r.stdout}{r.stderr}")
    print("ok    .pre-commit-hooks.yaml: both hooks run as written")


def check_gitlab(binary, repo, base):
    with open(os.path.join(ROOT, "docs", "ci", "gitlab-ci.yml")) as f:
        ci = yaml.safe_load(f)
    job = ci.get("migcompat")
    if not job or "script" not in job or "junit" not in job.get("artifacts", {}).get("reports", {}):
        fail("gitlab-ci.yml: the migcompat job needs a script and a JUnit report")
    env = dict(os.environ, CI_MERGE_REQUEST_TARGET_BRANCH_NAME="main")
    app = os.path.join(repo, "app")
    migcompat_root = os.path.dirname(os.path.dirname(binary))
    codes = []
    for line in job["script"]:
        r = sh(line.replace("/opt/migcompat/build/migcompat", binary).replace("/opt/migcompat", migcompat_root), app, env, check=False)
        codes.append(r.returncode)
    if codes[-1] != 1:
        fail(f"the GitLab job's check should fail on the breaking change, exit codes {codes}")
    report = os.path.join(app, job["artifacts"]["reports"]["junit"])
    with open(report) as f:
        if "<testsuites" not in f.read():
            fail("the GitLab job wrote no JUnit report")
    print("ok    docs/ci/gitlab-ci.yml: the job's script runs and writes its JUnit report")


def main():
    binary = os.path.abspath(sys.argv[1])
    with tempfile.TemporaryDirectory() as base:
        repo = make_repo(base)
        check_action(binary, repo, base)
        check_pre_commit(binary, repo, base)
        check_gitlab(binary, repo, base)
    print("integrations: all passed")


if __name__ == "__main__":
    main()
