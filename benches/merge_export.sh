#!/usr/bin/env bash
# Peak memory of `wrans export --sqlite DB --merge` over a generated corpus
# of about MB megabytes (default 1000): the real Written Questions API
# records of ../shared/samples/wqapi_json/ (list dumps and longform full
# answers) repeated with changed question ids and UINs, so that every copy
# is a different question and each longform answer merges with its list
# record. The corpus goes to $TMPDIR (default /tmp), never into the
# repository; files hold 100 records each.
#
#   bash benches/merge_export.sh [MB] [THREADS]
#
# Prints the corpus size, records, rows written, seconds and peak RSS.
set -euo pipefail
cd "$(dirname "$0")/.."
mb=${1:-1000}
threads=${2:-2}
tmp=${TMPDIR:-/tmp}
dir=$tmp/wrans-merge-corpus-$mb
db=$tmp/wrans-merge-bench.db
samples=../shared/samples/wqapi_json
[ -d "$samples" ] || { echo "needs ../shared/samples/wqapi_json" >&2; exit 2; }
cargo build --release --quiet
if [ ! -f "$dir.done" ]; then
  rm -rf "$dir"; mkdir -p "$dir"
  python3 - "$samples" "$dir" "$mb" <<'PY'
import json, os, re, sys
samples, out, mb = sys.argv[1], sys.argv[2], int(sys.argv[3])
base = []
for name in sorted(os.listdir(samples)):
    if name.endswith(".json") and "statements" not in name:
        doc = json.load(open(os.path.join(samples, name), encoding="utf-8"))
        items = doc["results"] if isinstance(doc, dict) else doc
        base += [i["value"] for i in items if "value" in i]
longform = {}
for name in sorted(os.listdir(samples)):
    if name.endswith(".jsonl"):
        for line in open(os.path.join(samples, name), encoding="utf-8"):
            row = json.loads(line)
            longform[row["id"]] = row
def shift_uin(uin, k):
    m = re.fullmatch(r"([A-Za-z]*)(\d+)", uin or "")
    return f"{m.group(1)}{int(m.group(2)) + k * 1_000_000}" if m else uin
written, copy, part = 0, 0, 0
target = mb * 1_000_000
while written < target:
    copy += 1
    values, longs = [], []
    for v in base:
        v = dict(v)
        old = v["id"]
        v["id"] = old + copy * 10_000_000
        v["uin"] = shift_uin(v.get("uin"), copy)
        values.append(v)
        if old in longform:
            row = dict(longform[old]); row["id"] = v["id"]; longs.append(row)
    for i in range(0, len(values), 100):
        chunk = values[i:i + 100]
        text = json.dumps({"totalResults": len(chunk),
                           "results": [{"value": v, "links": []} for v in chunk]})
        part += 1
        with open(os.path.join(out, f"list-{part:06d}.json"), "w") as f:
            f.write(text)
        written += len(text.encode())
    for i in range(0, len(longs), 100):
        text = "".join(json.dumps(r) + "\n" for r in longs[i:i + 100])
        part += 1
        with open(os.path.join(out, f"long-{part:06d}.jsonl"), "w") as f:
            f.write(text)
        written += len(text.encode())
print(f"generated {written / 1e6:.0f} MB in {part} files ({copy} copies)", file=sys.stderr)
PY
  touch "$dir.done"
fi
rm -f "$db"
bytes=$(find "$dir" -type f -printf '%s\n' | awk '{s+=$1} END {print s}')
cmd=(target/release/wrans export --sqlite "$db" --merge -j "$threads" "$dir")
echo "command: /usr/bin/time -f %M ${cmd[*]}"
start=$(date +%s.%N)
/usr/bin/time -f '%M' -o "$tmp/wrans-merge-bench.rss" "${cmd[@]}" 2> "$tmp/wrans-merge-bench.log" || true
end=$(date +%s.%N)
rss=$(tail -n 1 "$tmp/wrans-merge-bench.rss")
summary=$(grep '^wrans:' "$tmp/wrans-merge-bench.log" | tail -n 1)
dbsize=$(stat -c %s "$db")
awk -v b="$bytes" -v s="$start" -v e="$end" -v m="$rss" -v d="$dbsize" -v sum="$summary" 'BEGIN {
  t = e - s
  printf "%.0f MB of input in %.0f s (%.1f MB/s); database %.0f MB; peak RSS %.0f MB\n%s\n", b/1e6, t, b/1e6/t, d/1e6, m/1024, sum
}'
