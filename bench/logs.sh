#!/usr/bin/env bash
# Query-log throughput: a generated PostgreSQL stderr log of SIZE_MB (default 1024) read by
# `check --logs`, as MB/s of the log phase (from --timings) and peak RSS of the whole run.
#   bench/logs.sh [BINARY] [SIZE_MB]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bin=${1:-build/migcompat}
size=${2:-1024}
work=$here/.work/logs
mkdir -p "$work"
log=$work/postgresql-$size.log
[ -f "$log" ] || python3 "$here/gen_pglog.py" "$log" "$size"
[ -d "$work/trees" ] || python3 "$here/gen_corpus.py" "$work/trees" 20 5 50 10 postgres 0.9 >/dev/null
bytes=$(stat -c %s "$log")
/usr/bin/time -o "$work/time" -f "%e %M" "$bin" check --old "$work/trees/old" --new "$work/trees/new" --engine none \
  --logs "$log" --timings >/dev/null 2>"$work/timings" || true
read -r wall kb <"$work/time"
phase=$(grep "query logs read" "$work/timings")
seconds=$(awk '{print $2}' <<<"$phase")
echo "| log | size | log phase | throughput | whole run | peak RSS |"
echo "|---|---|---|---|---|---|"
echo "| stderr, ${phase#*query logs read: } | $((bytes >> 20)) MB | ${seconds} s | $(python3 -c "print(f'{$bytes / 1048576 / $seconds:.0f}')") MB/s | ${wall} s | $((kb / 1024)) MB |"
