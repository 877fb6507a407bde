#!/usr/bin/env python3
"""Damaged copies of the samples, and how many records wrans reads from them.

    python3 benches/damaged_copies.py [BINARY]     (default target/release/wrans)

Each file of ../shared/samples (under 3 MB, not README.md or SOURCES.tsv)
gets six copies in /tmp/wrans-damaged (nothing is committed), made with a
fixed seed: copies 0 and 3 cut short at a random byte, 1 and 4 with 20
random bytes replaced, 2 and 5 with a stretch of up to 2,000 bytes deleted.
Prints, per kind of damage, the records read from the copies against six
times the records of the whole files, then the totals. Not a test: a count
to compare two builds by.
"""
import glob
import os
import random
import shutil
import subprocess
import sys

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(here)
binary = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "target/release/wrans")
samples = os.path.join(root, "..", "shared", "samples")
out = "/tmp/wrans-damaged"
shutil.rmtree(out, ignore_errors=True)
os.makedirs(out)

rng = random.Random(7)
files = sorted(
    f
    for f in glob.glob(os.path.join(samples, "**", "*"), recursive=True)
    if os.path.isfile(f)
    and os.path.getsize(f) < 3_000_000
    and not f.endswith((".md", ".tsv"))
)


def records(path):
    run = subprocess.run([binary, "parse", "-q", path], capture_output=True, text=True)
    return run.stdout.count("\n")


kinds = ["cut short", "20 bytes replaced", "a stretch deleted"]
whole = {k: 0 for k in kinds}
read = {k: 0 for k in kinds}
n = 0
for f in files:
    b = open(f, "rb").read()
    if not b:
        continue
    w = records(f)
    for k in range(6):
        d = bytearray(b)
        op = k % 3
        if op == 0:
            d = d[: rng.randrange(len(d))]
        elif op == 1:
            for _ in range(20):
                i = rng.randrange(len(d))
                d[i] = rng.randrange(256)
        else:
            i = rng.randrange(len(d))
            j = min(len(d), i + rng.randrange(1, 2000))
            del d[i:j]
        p = os.path.join(out, f"{n:04d}_{k}_{os.path.basename(f)}")
        open(p, "wb").write(bytes(d))
        n += 1
        whole[kinds[op]] += w
        read[kinds[op]] += records(p)

print(f"{n} damaged copies of {len(files)} sample files in {out}")
for k in kinds:
    print(f"{k:20} {read[k]:7} of {whole[k]:7} records")
print(f"{'all':20} {sum(read.values()):7} of {sum(whole.values()):7} records")
