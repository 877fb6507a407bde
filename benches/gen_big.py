#!/usr/bin/env python3
"""Writes one big input file from the real Written Questions API records in
../shared/samples/wqapi_json/ (list elements and longform full answers),
repeated with fresh UINs until the file reaches the asked size.

    python3 benches/gen_big.py jsonl|array MB OUT

jsonl: one record a line (list elements and longform lines mixed);
array: one JSON document {"results": [...], "totalResults": N}.
Nothing it writes is committed: it goes wherever OUT says (e.g. /tmp).
"""
import glob
import json
import os
import sys

kind, mb, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "samples", "wqapi_json")
if not os.path.isdir(root):
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "shared", "samples", "wqapi_json")
records = []
for path in sorted(glob.glob(os.path.join(root, "*"))):
    if path.endswith(".jsonl"):
        with open(path, encoding="utf-8") as f:
            records += [json.loads(l) for l in f if l.strip()]
    else:
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
        items = doc if isinstance(doc, list) else doc.get("results", [])
        for r in items:
            if not isinstance(r, dict):
                continue
            v = r.get("value", {})
            if "questionText" in v:
                records.append(r)
if not records:
    sys.exit("no records found under " + root)
target = mb * 1_000_000
written = 0
n = 0
with open(out, "w", encoding="utf-8") as f:
    if kind == "array":
        f.write('{"results": [\n')
    while written < target:
        for r in records:
            n += 1
            if "value" in r:
                r["value"]["uin"] = str(100000 + n)
            else:
                r["id"] = 10_000_000 + n
            line = json.dumps(r, ensure_ascii=False)
            if kind == "array":
                if n > 1:
                    f.write(",\n")
                f.write(line)
            else:
                f.write(line + "\n")
            written += len(line.encode()) + 2
            if written >= target:
                break
    if kind == "array":
        f.write('\n], "totalResults": %d}\n' % n)
print(f"{out}: {written / 1e6:.0f} MB, {n} records", file=sys.stderr)
