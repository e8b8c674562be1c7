#!/usr/bin/env python3
"""Seed corpora for the fuzz targets, from the golden cases (tests/cases, the rule folders' cases
and fuzz/regressions): make-seeds.py OUT_DIR writes OUT_DIR/<target>/<sha1> files."""
import hashlib
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
PART = b"\n-- part --\n"
LANGUAGE = {"scan_js": 0, "scan_python": 1, "scan_go": 2, "scan_java": 3, "scan_kotlin": 4, "scan_rust": 5, "scan_ruby": 6,
            "scan_php": 7}  # extract_sql's first byte
CODE = {".ts": "scan_js", ".tsx": "scan_js", ".js": "scan_js", ".mjs": "scan_js", ".py": "scan_python", ".go": "scan_go",
        ".java": "scan_java", ".kt": "scan_kotlin", ".rs": "scan_rust", ".rb": "scan_ruby", ".php": "scan_php"}


def case_dirs():
    for expect in sorted(ROOT.glob("tests/cases/*/expect")):
        yield expect.parent
    for expect in sorted(ROOT.glob("src/analyses/rules/*/cases/*/expect")):
        yield expect.parent


def dialect_of(case):
    for tree in ("new", "old"):
        toml = case / tree / "migcompat.toml"
        if toml.exists() and "postgres" in toml.read_text(errors="replace"):
            return "postgres"
    return "sqlite"


def files(tree, under_migrations):
    if not tree.is_dir():
        return []
    out = []
    for p in sorted(tree.rglob("*")):
        if p.is_file() and p.suffix == ".sql" and ("migrations" in p.relative_to(tree).parts) == under_migrations:
            out.append(p)
    return out


def main():
    out = pathlib.Path(sys.argv[1])
    seeds = {}

    def add(target, data):
        if data:
            seeds.setdefault(target, {})[hashlib.sha1(data).hexdigest()] = data

    for case in case_dirs():
        dialect = dialect_of(case)
        old, new = case / "old", case / "new"
        deployed = files(old, True)
        deployed_names = {p.relative_to(old) for p in deployed}
        incoming = [p for p in files(new, True) if p.relative_to(new) not in deployed_names]
        queries = files(old, False)
        joined = lambda paths: b"\n".join(p.read_bytes() for p in paths)
        add(f"{dialect}_check", joined(deployed) + PART + joined(incoming) + PART + joined(queries))
        for p in deployed + incoming + queries:
            add(f"split_{dialect}", p.read_bytes())
            if dialect == "postgres":
                add("parse_routes", p.read_bytes())
            add("migration_sections", p.name.encode() + b"\n" + p.read_bytes())
        for p in case.rglob("*"):
            if p.name == "migcompat.toml":
                add("config_toml", p.read_bytes())
            elif p.suffix in CODE and p.is_file():
                add(CODE[p.suffix], p.read_bytes())
                add("extract_sql", bytes([LANGUAGE[CODE[p.suffix]]]) + p.read_bytes())
            if p.is_file() and "logs" in p.parent.parts:
                kind = {".log": 0, ".csv": 1, ".json": 2, ".sql": 3}.get(p.suffix)
                if kind is not None:
                    add("query_logs", bytes([kind]) + p.read_bytes())

    for target, by_hash in seeds.items():
        folder = out / target
        folder.mkdir(parents=True, exist_ok=True)
        for name, data in by_hash.items():
            (folder / name).write_bytes(data)
    print(" ".join(f"{t}:{len(s)}" for t, s in sorted(seeds.items())))


main()
