#!/usr/bin/env bash
# `migcompat lint` over directories of 1,250 / 2,500 / 5,000 migration files (3 statements each),
# then over one file of 10,000 / 20,000 / 40,000 statements: the time must grow linearly in both
# (within one file, the rules' look-ahead once made it quadratic). Prints markdown tables for
# docs/performance.md.
#   bench/lint.sh [BINARY] [DIALECT]     (defaults: build/migcompat, postgres)
set -euo pipefail
bin=${1:-build/migcompat}
dialect=${2:-postgres}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Seconds and peak MB of `lint` over PATH, its files read into memory first.
lint() {
  cat "$1" >/dev/null 2>&1 || cat "$1"/*.sql >/dev/null
  local stats seconds kb
  stats=$( { /usr/bin/time -f "%e %M" "$bin" lint --dialect "$dialect" "$1" >/dev/null; } 2>&1 | tail -1)
  read -r seconds kb <<<"$stats"
  echo "${seconds} s | $((kb / 1024)) MB"
}
echo "| files | statements | time | peak RSS |"
echo "|---|---|---|---|"
for files in 1250 2500 5000; do
  python3 "$here/gen_corpus.py" "$work/$files" "$files" 3 50 10 "$dialect" 0.5 >/dev/null
  echo "| $files | $((files * 3)) | $(lint "$work/$files/new/migrations") |"
done
echo
echo "| one file of | time | peak RSS |"
echo "|---|---|---|"
python3 "$here/gen_corpus.py" "$work/one" 10000 4 50 10 "$dialect" 0.5 >/dev/null
for statements in 10000 20000 40000; do
  mkdir -p "$work/one-$statements"
  # The first files of the history, concatenated: each file's statements end with ";\n".
  find "$work/one/new/migrations" -name '*.sql' | sort | awk -v n=$((statements / 4)) 'NR <= n' | xargs cat >"$work/one-$statements/0001_all.sql"
  echo "| $statements statements | $(lint "$work/one-$statements/0001_all.sql") |"
done
