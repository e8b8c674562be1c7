#!/usr/bin/env python3
"""A deterministic PostgreSQL stderr log (log_statement = 'all' style) of about SIZE megabytes.

    bench/gen_pglog.py OUT.log SIZE_MB [SHAPES]

Lines as PostgreSQL writes them with log_line_prefix = '%m [%p] %q%u@%d ': simple-protocol
statements with inlined literals (so most lines differ in text but share a shape), extended-protocol
`execute` lines with their DETAIL parameters, `duration:` lines, multi-line statements (continuation
lines begin with a tab), and connection noise. SHAPES distinct query shapes (default 400) over the
tables of bench/gen_corpus.py's schema (t0 … t49, columns id, a, b).
"""
import random
import sys


def shapes(count, rng):
    out = []
    for i in range(count):
        t = f"t{i % 50}"
        kind = i % 6
        if kind == 0:
            out.append(("SELECT id, a, b FROM {t} WHERE id = {n}".replace("{t}", t), False))
        elif kind == 1:
            out.append((f"UPDATE {t} SET a = '{{s}}' WHERE id = {{n}}", False))
        elif kind == 2:
            out.append((f"INSERT INTO {t} (a, b) VALUES ('{{s}}', {{n}})", False))
        elif kind == 3:
            out.append((f"SELECT a.id, b.a\n\tFROM {t} a\n\tJOIN t{(i + 1) % 50} b ON b.id = a.id\n\tWHERE a.b > {{n}}\n\tORDER BY a.id LIMIT 50", False))
        elif kind == 4:
            out.append((f"SELECT count(*) FROM {t} WHERE {('id', 'a', 'b')[i % 3]} = $1", True))
        else:
            out.append((f"DELETE FROM {t} WHERE id = $1 AND a <> $2", True))
    return out


def main():
    path, size_mb = sys.argv[1], int(sys.argv[2])
    count = int(sys.argv[3]) if len(sys.argv) > 3 else 400
    rng = random.Random(42)
    templates = shapes(count, rng)
    target = size_mb << 20
    written = 0
    second = 0
    with open(path, "w", buffering=1 << 20) as out:
        while written < target:
            lines = []
            for _ in range(2000):
                second += 1
                stamp = f"2025-04-02 {(second // 3600) % 24:02d}:{(second // 60) % 60:02d}:{second % 60:02d}.{second % 1000:03d} UTC"
                pid = 4000 + second % 97
                prefix = f"{stamp} [{pid}] app@appdb "
                roll = rng.random()
                if roll < 0.03:
                    lines.append(f"{prefix}LOG:  connection received: host=10.0.0.{pid % 250} port={40000 + pid}")
                    continue
                text, extended = templates[rng.randrange(len(templates))]
                text = text.replace("{n}", str(rng.randrange(1, 10**6))).replace("{s}", f"user{rng.randrange(10**5)}@example.com")
                duration = f"duration: {rng.random() * 5:.3f} ms  " if roll < 0.3 else ""
                if extended:
                    lines.append(f"{prefix}LOG:  {duration}execute <unnamed>: {text}")
                    lines.append(f"{prefix}DETAIL:  parameters: $1 = '{rng.randrange(10**6)}', $2 = 'x'")
                else:
                    lines.append(f"{prefix}LOG:  {duration}statement: {text}")
            chunk = "\n".join(lines) + "\n"
            out.write(chunk)
            written += len(chunk)


if __name__ == "__main__":
    main()
