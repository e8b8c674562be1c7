"""A throwaway PostgreSQL cluster for tests: initdb into a private directory, unix socket only,
fsync off; stopped and deleted on exit. Runs as the `postgres` system user when started as root."""
import os
import shutil
import subprocess
import tempfile


def pg_bin(name):
    for version in ("17", "16", "15", "14", "13"):
        path = f"/usr/lib/postgresql/{version}/bin/{name}"
        if os.path.exists(path):
            return path
    found = shutil.which(name)
    if not found:
        raise RuntimeError(f"PostgreSQL server binary {name} not found (install Debian's postgresql)")
    return found


class Cluster:
    def __init__(self):
        self.dir = tempfile.mkdtemp(prefix="migcompat-pg-")
        self.data = os.path.join(self.dir, "data")
        self.as_user = []
        if os.geteuid() == 0:
            shutil.chown(self.dir, "postgres", "postgres")
            os.chmod(self.dir, 0o700)
            self.as_user = ["runuser", "-u", "postgres", "--"]
        self._run([pg_bin("initdb"), "-D", self.data, "-A", "trust", "-U", "postgres", "--no-sync"])
        opts = f"-k {self.dir} -c listen_addresses='' -c fsync=off -c full_page_writes=off -c synchronous_commit=off"
        self._run([pg_bin("pg_ctl"), "-D", self.data, "-o", opts, "-w", "-l", os.path.join(self.dir, "log"), "start"])

    def _run(self, argv):
        subprocess.run(self.as_user + argv, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)

    def psql(self, database, script):
        """Runs a script; returns stdout (tuples only, unaligned). Raises on connection errors."""
        result = subprocess.run(
            ["psql", "-h", self.dir, "-U", "postgres", "-d", database, "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1"],
            input=script, text=True, capture_output=True)
        if result.returncode != 0:
            raise RuntimeError(f"psql failed: {result.stderr}")
        return result.stdout

    def close(self):
        try:
            self._run([pg_bin("pg_ctl"), "-D", self.data, "-m", "immediate", "stop"])
        finally:
            shutil.rmtree(self.dir, ignore_errors=True)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
