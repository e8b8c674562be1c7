#!/usr/bin/env bash
# The proof on a throwaway PostgreSQL cluster: start-up to first verdict, and old queries proved
# per second, for growing query counts and for 1 connection vs one per core.
#   bench/pg_server.sh [BINARY]     (default build/migcompat)
set -euo pipefail
bin=${1:-build/migcompat}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
here=$(cd "$(dirname "$0")" && pwd)

echo "| deployed + new statements | old queries | jobs | start-up to first verdict | proving | queries/s |"
echo "|---|---|---|---|---|---|"
for queries in 1000 4000; do
  python3 "$here/gen_corpus.py" "$work/c$queries" 200 5 40 "$queries" postgres 0.9 >/dev/null
  for jobs in 1 0; do
    args=(check --old "$work/c$queries/old" --new "$work/c$queries/new" --engine postgres --timings)
    [ "$jobs" -gt 0 ] && args+=(--jobs "$jobs")
    out=$("$bin" "${args[@]}" 2>&1 >/dev/null || true)
    startup=$(sed -n 's/^timing: *\([0-9.]*\) s  server started.*/\1/p' <<<"$out")
    proving=$(sed -n 's/^timing: *\([0-9.]*\) s  [0-9]* old queries proved/\1/p' <<<"$out")
    rate=$(python3 -c "print(round($queries / $proving))")
    echo "| 900 + 100 | $queries | ${jobs/#0/$(nproc) (default)} | ${startup} s | ${proving} s | $rate |"
  done
done
