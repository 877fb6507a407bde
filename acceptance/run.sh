#!/usr/bin/env bash
# Acceptance run: every document listed in acceptance/manifest.tsv is parsed
# by the release binary, each in its own process, and its records checked.
#
# Usage:  acceptance/run.sh [--verbose] [--bin PATH] [--manifest PATH]
#
# The manifest is tab-separated, one document a row, with a header row:
#
#   path    format    layout    expect    origin    [doc_date]
#
# - path: relative to the repository root; a path starting `$LOCAL/` is
#   under $ACCEPTANCE_LOCAL (default /work/acceptance-local): documents from
#   fetched repositories, which are not committed (their origin says where
#   they come from: repository, commit, path).
# - format: the format the document is (`hansard`, `letter`, ...): the
#   detected format must be this one.
# - layout: a free label counted in the summary. A layout whose name
#   contains `names_lost` is a page that does not print speakers' names
#   (pages saved from hansard.parliament.uk): there the asker and answerer
#   may be null, as long as the record carries the parser's warning saying
#   so.
# - expect: `records` (the document gives at least one record, exit 0),
#   `none` (an oral-answer or statement-only document: no record, a note,
#   exit 0), `partial` (a cut or broken document: its records, each partial
#   one with a warning, and one diagnostic line, exit 1) or `error` (not a
#   written question at all: one diagnostic line, exit 1, no record).
# - origin: where the document was found (URL, or repo@commit:path).
# - doc_date (optional, YYYY-MM-DD): the document's own date; answer dates
#   must then be within 31 days of it.
#
# Checks, per record: question text present; answerer present where there
# is an answer text; no page furniture in any text field (column markers
# such as `Column: 501`, `773W`, `12 Jan 1998 : Column 501`, citation lines,
# speaker-only lines, a speaker's name opening the text, site navigation);
# every date between 1900-01-01 and today, and near doc_date when given.
# Per document: records found (or none, for `none`), and the exit status.
#
# A row whose file is absent is SKIPPED (counted, not a failure). The run
# prints counts per format and per layout and exits 1 on any failure.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bin="$root/target/release/wrans"
manifest="$root/acceptance/manifest.tsv"
verbose=0
while [ $# -gt 0 ]; do
    case "$1" in
        --verbose) verbose=1 ;;
        --bin) bin="$2"; shift ;;
        --manifest) manifest="$2"; shift ;;
        *) echo "usage: $0 [--verbose] [--bin PATH] [--manifest PATH]" >&2; exit 2 ;;
    esac
    shift
done
if [ ! -x "$bin" ]; then
    echo "no binary at $bin: run cargo build --release first" >&2
    exit 2
fi

exec python3 - "$root" "$bin" "$manifest" "$verbose" <<'PY'
import collections, datetime, json, os, re, subprocess, sys

root, binary, manifest, verbose = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4] == "1"
local = os.environ.get("ACCEPTANCE_LOCAL", "/work/acceptance-local")
today = datetime.date.today()
earliest = datetime.date(1900, 1, 1)

FURNITURE = [
    ("dated column marker", re.compile(r"\b\d{1,2}\s+[A-Z][a-z]{2,8}\.?\s+\d{4}\s*:\s*Col(?:umn|\.)?\b")),
    ("column marker line", re.compile(r"(?mi)^\s*\[?(?:col(?:umn|s?\.)?:?\s*)(?:WA\s*)?\d{1,5}\s*(?:W|WA|WS|WH)?\]?\s*$")),
    ("column number line", re.compile(r"(?m)^\s*(?:\d{1,5}\s?(?:W|WA|WS)|WA\s?\d{1,5})\s*$")),
    ("citation line", re.compile(r"\bH[CL] Deb \d{1,2} [A-Z][a-z]+ \d{4} vol \d+")),
    # A name alone on a line with a colon, as Hansard prints speakers (a
    # bare name line inside a text is often content: a list of members, a
    # table's caption; a bare name as the text's first line is checked
    # below).
    ("speaker-only line", re.compile(r"(?m)^\s*(?:\d{1,3}\.\s*)?(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Lord|Baroness|Earl|Viscount)\.?\s+[A-Z][\w'’.-]*(?:\s+(?:of|[A-Z][\w'’.-]*)){0,4}\s*:\s*$")),
    ("site navigation", re.compile(r"(?i)previous section|next section|home page|skip to main content|back to table of contents|the text on this page has been created|alert me about debates")),
]
# A speaker's name opening a text field ("Mr. Milburn: The information").
NAME_LINE_FIRST = re.compile(r"^\s*(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Lord|Baroness|Earl|Viscount)\.?\s+[A-Z][\w'’.-]*(?:\s+(?:of|[A-Z][\w'’.-]*)){0,4}\s*\n")
NAME_OPENS = re.compile(r"^\s*(?:\d{1,3}\.\s*)?(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Lord|Baroness)\.?\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}\s*(?:\([^)]{0,80}\))?\s*:")

def text_fields(r):
    q = r.get("question") or {}
    a = r.get("answer") or {}
    out = [("heading", r.get("heading")), ("question.text", q.get("text")),
           ("answer.text", a.get("text")), ("question.answering_body", q.get("answering_body"))]
    for who, p in (("asker", q.get("asker")), ("answerer", a.get("answerer"))):
        p = p or {}
        out += [(who + ".name", p.get("name")), (who + ".printed", p.get("printed"))]
    return [(k, v) for k, v in out if isinstance(v, str) and v]

def dates(r):
    q = r.get("question") or {}
    a = r.get("answer") or {}
    for k, v in (("question.tabled_on", q.get("tabled_on")), ("answer.answered_on", a.get("answered_on")),
                 ("answer.holding_answered_on", a.get("holding_answered_on")), ("answer.corrected_on", a.get("corrected_on"))):
        if v:
            yield k, v

def check_record(r, layout, doc_date):
    problems = []
    q = r.get("question") or {}
    a = r.get("answer")
    warnings = " ".join(r.get("warnings") or [])
    if r.get("kind") == "letter":
        # A letter has no question: its body and sender are what it gives.
        letter = r.get("letter") or {}
        if not (letter.get("body") or "").strip():
            problems.append("a letter with no body")
    # A field the source does not give may be missing when the record says
    # why (a cut page, an answer printed without its question): nothing is
    # invented, and the warning is the parser's word that it is unsure.
    elif not (q.get("text") or "").strip() and not warnings:
        problems.append("no question text (and no warning saying why)")
    if a and (a.get("text") or "").strip():
        who = a.get("answerer") or {}
        if not (who.get("name") or who.get("printed")):
            lost = "names_lost" in layout and "speaker is not printed" in warnings
            if not lost and not warnings:
                problems.append("an answer with no answerer (and no warning saying why)")
    for field, value in text_fields(r):
        person = field.startswith(("asker.", "answerer."))
        for what, rx in FURNITURE:
            if person and what == "speaker-only line":
                continue  # a name field is a name
            m = rx.search(value)
            if m:
                problems.append(f"{what} in {field}: {m.group(0).strip()[:60]!r}")
        if field in ("question.text", "answer.text") and (NAME_OPENS.search(value) or NAME_LINE_FIRST.search(value)):
            problems.append(f"a speaker's name opens {field}: {value[:50]!r}")
    for field, v in dates(r):
        try:
            d = datetime.date.fromisoformat(v)
        except ValueError:
            problems.append(f"{field} is not a date: {v!r}")
            continue
        if not (earliest <= d <= today):
            problems.append(f"{field} implausible: {v}")
        if doc_date and field == "answer.answered_on" and abs((d - doc_date).days) > 31:
            problems.append(f"{field} {v} far from the document's date {doc_date}")
    return problems

rows = []
with open(manifest, encoding="utf-8") as f:
    header = None
    for n, line in enumerate(f, 1):
        line = line.rstrip("\n")
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if header is None:
            header = cols
            continue
        if len(cols) < 5:
            print(f"manifest line {n}: expected at least 5 tab-separated columns", file=sys.stderr)
            sys.exit(2)
        rows.append((n, cols))

stats = {"format": collections.defaultdict(collections.Counter), "layout": collections.defaultdict(collections.Counter)}
skipped = failed_docs = total_docs = total_records = 0
for n, cols in rows:
    path, fmt, layout, expect, origin = cols[:5]
    doc_date = None
    if len(cols) > 5 and cols[5].strip():
        doc_date = datetime.date.fromisoformat(cols[5].strip())
    real = os.path.join(local, path[len("$LOCAL/"):]) if path.startswith("$LOCAL/") else os.path.join(root, path)
    if not os.path.isfile(real):
        skipped += 1
        for key, val in (("format", fmt), ("layout", layout)):
            stats[key][val]["skipped"] += 1
        if verbose:
            print(f"SKIPPED {path} (absent)")
        continue
    total_docs += 1
    proc = subprocess.run([binary, "parse", real], capture_output=True, text=True)
    records, problems = [], []
    for line in proc.stdout.splitlines():
        try:
            records.append(json.loads(line))
        except json.JSONDecodeError:
            problems.append("output line is not JSON")
    got_formats = {(r.get("source") or {}).get("format") for r in records}
    if expect == "records":
        if proc.returncode != 0:
            problems.append(f"exit status {proc.returncode}: {proc.stderr.strip()[:200]}")
        if not records:
            problems.append("no record")
        if records and got_formats != {fmt}:
            problems.append(f"format {sorted(map(str, got_formats))}, expected {fmt}")
        for i, r in enumerate(records):
            for p in check_record(r, layout, doc_date):
                problems.append(f"record {i}: {p}")
    elif expect == "none":
        if records:
            problems.append(f"{len(records)} record(s) from a document that has no written answer")
        if proc.returncode != 0:
            problems.append(f"exit status {proc.returncode} (expected a note, not an error): {proc.stderr.strip()[:200]}")
    elif expect == "partial":
        # A cut or broken document: what it holds is kept (each partial
        # record with a warning), and one diagnostic says where it broke.
        if proc.returncode != 1 or len(proc.stderr.strip().splitlines()) != 1:
            problems.append(f"exit status {proc.returncode}, expected 1 with one diagnostic line: {proc.stderr.strip()[:200]}")
        if not records:
            problems.append("no record")
        for i, r in enumerate(records):
            for p in check_record(r, layout, doc_date):
                problems.append(f"record {i}: {p}")
    elif expect == "error":
        # Not a written question at all (a debate page, a members list, an
        # API error document): one diagnostic line, no record.
        if records:
            problems.append(f"{len(records)} record(s) from a document that is not a written question")
        if proc.returncode != 1 or len(proc.stderr.strip().splitlines()) != 1:
            problems.append(f"exit status {proc.returncode}, expected 1 with one diagnostic line: {proc.stderr.strip()[:200]}")
    else:
        problems.append(f"manifest line {n}: expect must be records, none, partial or error, not {expect!r}")
    total_records += len(records)
    ok = not problems
    if not ok:
        failed_docs += 1
    for key, val in (("format", fmt), ("layout", layout)):
        c = stats[key][val]
        c["docs"] += 1
        c["records"] += len(records)
        c["pass" if ok else "fail"] += 1
    if not ok or verbose:
        print(f"{'ok  ' if ok else 'FAIL'} {path} ({fmt}/{layout}, {len(records)} records)")
        for p in problems[:12]:
            print(f"     {p}")
        if len(problems) > 12:
            print(f"     ... {len(problems) - 12} more")

def table(title, d):
    print(f"\n{title:<28} {'docs':>5} {'pass':>5} {'fail':>5} {'records':>8} {'skipped':>8}")
    for k in sorted(d):
        c = d[k]
        print(f"{k:<28} {c['docs']:>5} {c['pass']:>5} {c['fail']:>5} {c['records']:>8} {c['skipped']:>8}")

table("format", stats["format"])
table("layout", stats["layout"])
print(f"\n{total_docs} documents run, {total_docs - failed_docs} passed, {failed_docs} failed, "
      f"{total_records} records; SKIPPED {skipped} (file absent)")
sys.exit(1 if failed_docs else 0)
PY
