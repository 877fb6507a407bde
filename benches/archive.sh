#!/usr/bin/env bash
# Whole-archive benchmark through the real binary, from disk: generates a
# corpus of about MB megabytes (default 500) by copying every file under
# corpus/ and ../shared/samples/ into target/bench-archive/, then times
# `wrans parse` over it and reports MB/s, records/s and peak memory.
#
#   bash benches/archive.sh [MB] [THREADS]
set -euo pipefail
cd "$(dirname "$0")/.."
mb=${1:-500}
threads=${2:-0}
cargo build --release --quiet
dir=target/bench-archive
if [ ! -f "$dir/.mb-$mb" ]; then
  rm -rf "$dir"; mkdir -p "$dir"
  src=(corpus)
  [ -d ../shared/samples ] && src+=(../shared/samples)
  unit=$(find "${src[@]}" -type f -printf '%s\n' | awk '{s+=$1} END {print s}')
  copies=$(( (mb * 1000000 + unit - 1) / unit ))
  for i in $(seq 1 "$copies"); do
    mkdir -p "$dir/$i"
    for s in "${src[@]}"; do cp -r "$s" "$dir/$i/"; done
  done
  touch "$dir/.mb-$mb"
fi
bytes=$(find "$dir" -type f ! -name '.mb-*' -printf '%s\n' | awk '{s+=$1} END {print s}')
files=$(find "$dir" -type f ! -name '.mb-*' | wc -l)
args=(parse --quiet "$dir" -o /dev/null)
[ "$threads" != 0 ] && args+=(-j "$threads")
start=$(date +%s.%N)
if [ -x /usr/bin/time ]; then
  /usr/bin/time -f '%M' -o target/bench-archive.rss target/release/wrans "${args[@]}" 2>/dev/null || true
  rss=$(tail -n 1 target/bench-archive.rss)
else
  target/release/wrans "${args[@]}" 2>/dev/null || true
  rss=unknown
fi
end=$(date +%s.%N)
records=$(target/release/wrans parse --quiet "$dir" 2>/dev/null | wc -l || true)
awk -v b="$bytes" -v f="$files" -v r="$records" -v s="$start" -v e="$end" -v m="$rss" 'BEGIN {
  t = e - s
  printf "%d files, %.1f MB, %d records in %.2f s: %.1f MB/s, %.0f records/s, peak RSS %s KB\n", f, b/1e6, r, t, b/1e6/t, r/t, m
}'
