#!/usr/bin/env bash
# Peak memory of `wrans parse` on big single files and hostile inputs
# (issue 9). Generates, under DIR (default /tmp/wrans-memory; nothing is
# committed), a 2 GB JSON Lines file, a 1 GB JSON array file and a 200 MB
# JSON Lines file from real API records, plus a 1 MiB gzip that expands
# to 1 GiB; then runs the release binary on each with -j 1 and -j 2 and
# prints time, MB/s, records and peak RSS (from /usr/bin/time).
#
#   bash benches/memory.sh [DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-/tmp/wrans-memory}
mkdir -p "$dir"
cargo build --release --quiet
[ -f "$dir/big2g.jsonl" ] || python3 benches/gen_big.py jsonl 2000 "$dir/big2g.jsonl"
[ -f "$dir/big1g.json" ] || python3 benches/gen_big.py array 1000 "$dir/big1g.json"
[ -f "$dir/big200m.jsonl" ] || python3 benches/gen_big.py jsonl 200 "$dir/big200m.jsonl"
[ -f "$dir/bomb.json.gz" ] || python3 - "$dir/bomb.json.gz" <<'PY'
import gzip, sys
with gzip.open(sys.argv[1], "wb", compresslevel=9) as f:
    f.write(b"[")
    chunk = b" " * (1 << 20)
    for _ in range(1024):
        f.write(chunk)
PY
printf '%-22s %3s %9s %9s %10s %12s %10s\n' input j seconds MB/s records records/s peak_RSS_MB
run() {
  local file=$1 j=$2
  local bytes; bytes=$(stat -c %s "$file")
  /usr/bin/time -f '%M %e' -o "$dir/time.txt" \
    target/release/wrans parse --quiet -j "$j" "$file" 2>"$dir/stderr.txt" \
    | wc -l >"$dir/records.txt" || true
  read -r rss secs < <(tail -n 1 "$dir/time.txt")
  local recs; recs=$(cat "$dir/records.txt")
  awk -v n="$(basename "$file")" -v j="$j" -v b="$bytes" -v s="$secs" -v r="$recs" -v m="$rss" 'BEGIN {
    if (s == 0) s = 0.01
    printf "%-22s %3d %9.2f %9.1f %10d %12.0f %10.1f\n", n, j, s, b/1e6/s, r, r/s, m/1024 }'
  if [ -s "$dir/stderr.txt" ]; then sed 's/^/    stderr: /' "$dir/stderr.txt" | head -3; fi
}
for j in 1 2; do
  run "$dir/big200m.jsonl" "$j"
  run "$dir/big2g.jsonl" "$j"
  run "$dir/big1g.json" "$j"
  run "$dir/bomb.json.gz" "$j"
  run /dev/zero "$j"
done
echo "head -1 on the 2 GB file (exit status and stderr):"
set +o pipefail
target/release/wrans parse "$dir/big2g.jsonl" 2>"$dir/stderr.txt" | head -1 >/dev/null
echo "  exit ${PIPESTATUS[0]}, stderr bytes $(stat -c %s "$dir/stderr.txt")"
