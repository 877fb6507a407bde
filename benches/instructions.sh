#!/usr/bin/env bash
# Instructions executed by the release binary on fixed inputs, counted by
# valgrind's callgrind: the same count on every run, so that a change to
# the hot path can be judged by a few per cent, which the timed
# benchmarks (`cargo run --release --example bench`, ±10% on a shared
# machine) cannot show. Not a speed: a count to compare two builds by.
#
#   bash benches/instructions.sh [BINARY]
#
# Inputs, written under /tmp/wrans-instructions (nothing is committed):
# - answers.txt: the answer texts of ../shared/samples/wqapi_json/
#   ukpwq_longform_2023-12.jsonl (HTML turned into text by wrans), one
#   after another with blank lines between, repeated to about 6 MB; run
#   through `wrans figures --text` (the figure extractor and its output);
# - the longform file itself, through `wrans parse -j 1` (every stage);
# - list.jsonl: the Written Questions API list records of the samples'
#   `*.json` files, one a line, repeated to about 6 MB, through `wrans
#   parse -j 1` (short records: names, dates, plain question text).
# Prints instructions, instructions per input byte, and the top functions
# of each run.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v valgrind >/dev/null || { echo "valgrind is not installed" >&2; exit 2; }
bin=${1:-target/release/wrans}
[ "$#" -ge 1 ] || cargo build --release --quiet
dir=/tmp/wrans-instructions
mkdir -p "$dir"
longform=../shared/samples/wqapi_json/ukpwq_longform_2023-12.jsonl
if [ ! -f "$dir/answers.txt" ]; then
  "$bin" parse -q "$longform" | python3 -c '
import json, sys
texts = [t for t in ((json.loads(l).get("answer") or {}).get("text") for l in sys.stdin) if t]
one = "\n\n".join(texts)
reps = max(1, 6_000_000 // max(1, len(one.encode())))
sys.stdout.write("\n\n".join([one] * reps))' > "$dir/answers.txt"
fi
if [ ! -f "$dir/list.jsonl" ]; then
  python3 -c '
import glob, json, sys
lines = []
for p in sorted(glob.glob(sys.argv[1] + "/*.json")):
    try:
        d = json.load(open(p))
    except Exception:
        continue
    for it in d if isinstance(d, list) else d.get("results", []):
        v = it.get("value") if isinstance(it, dict) else None
        if isinstance(v, dict) and isinstance(v.get("questionText"), str):
            lines.append(json.dumps(it, separators=(",", ":"), ensure_ascii=False))
out, n = [], 0
while lines and n < 6_000_000:
    for l in lines:
        out.append(l)
        n += len(l.encode()) + 1
sys.stdout.write("\n".join(out) + "\n")' ../shared/samples/wqapi_json > "$dir/list.jsonl"
fi
count() {
  local name=$1 input=$2; shift 2
  valgrind --tool=callgrind --callgrind-out-file="$dir/$name.out" "$@" \
    2> "$dir/$name.log" >/dev/null
  local ir; ir=$(grep -oE 'Collected : [0-9]+' "$dir/$name.log" | grep -oE '[0-9]+')
  local bytes; bytes=$(stat -c %s "$input")
  awk -v n="$name" -v ir="$ir" -v b="$bytes" 'BEGIN {
    printf "%-10s %14s instructions  %6.1f per input byte  (%s bytes)\n", n, ir, ir / b, b }' 
  callgrind_annotate "$dir/$name.out" 2>/dev/null | grep -E '^ *[0-9,]+ \(' \
    | sed -n '2,9p' | sed 's/ \[.*//; s/^/    /'
}
count figures "$dir/answers.txt" "$bin" figures -q --text "$dir/answers.txt" -o /dev/null
count parse "$longform" "$bin" parse -j1 -q "$longform" -o /dev/null
count list "$dir/list.jsonl" "$bin" parse -j1 -q "$dir/list.jsonl" -o /dev/null
