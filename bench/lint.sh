#!/usr/bin/env bash
# `migcompat lint` over directories of 1,250 / 2,500 / 5,000 migration files (3 statements each):
# the time must grow linearly. Prints a markdown table for docs/performance.md.
#   bench/lint.sh [BINARY] [DIALECT]     (defaults: build/migcompat, postgres)
set -euo pipefail
bin=${1:-build/migcompat}
dialect=${2:-postgres}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "| files | statements | time | peak RSS |"
echo "|---|---|---|---|"
for files in 1250 2500 5000; do
  python3 "$here/gen_corpus.py" "$work/$files" "$files" 3 50 10 "$dialect" 0.5 >/dev/null
  cat "$work/$files"/new/migrations/*.sql >/dev/null  # in memory before the timed run
  stats=$( { /usr/bin/time -f "%e %M" "$bin" lint --dialect "$dialect" "$work/$files/new/migrations" >/dev/null; } 2>&1 | tail -1)
  read -r seconds kb <<<"$stats"
  echo "| $files | $((files * 3)) | ${seconds} s | $((kb / 1024)) MB |"
done
