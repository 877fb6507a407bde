//! The project's benchmark (SPEC section 6, issue 12): one table from one
//! run on the same bytes, in memory (disk speed is not measured).
//!
//! ```sh
//! cargo run --release --example bench -- [--mb N] [--threads N] [--rounds N]
//! ```
//!
//! Corpora, each repeated to about `--mb` megabytes (default 100):
//! - `list`: the real Written Questions API list records (the elements of
//!   `results` in `../shared/samples/wqapi_json/*.json`), one a line;
//! - `full`: the real full answers with HTML (the longform
//!   `{id, question_text, answer_text}` lines of `ukpwq_longform_*.jsonl`);
//! - `archive`: every file of `corpus/` and `../shared/samples/`, as
//!   separate inputs (all formats, truncated and broken ones included).
//!
//! Rows: the serde_json baselines on the JSON Lines corpora (parse each
//! line to `Value`; the round trip, parse and write back), `wrans parse`
//! end to end through `wrans::pipeline::run` (decode, split, detect,
//! parse, figures, id, JSON) with one thread and with all threads, the
//! figure extractor alone on the answer texts, and HTML→text alone on the
//! answers' HTML. MB/s are of input bytes; the ratio is to the round trip
//! on the same corpus. Peak RSS is the process's high-water mark.
//!
//! `--rounds N` (default 1) times each row N times, one after another, and
//! keeps the fastest: on a shared machine, load only ever slows a run, so
//! the fastest of a few is the least disturbed (the rows are still timed
//! in turn, not interleaved). `wrans parse` rows render records as the
//! binary does (`wrans::output::json::to_vec`).

use std::path::{Path, PathBuf};
use std::time::Instant;

use wrans::input::InputSpec;
use wrans::pipeline::{self, Event, Options};

fn main() {
    let mut mb = 100usize;
    let mut threads = 0usize;
    let mut rounds = 1usize;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let v = args.next().and_then(|v| v.parse().ok());
        match (a.as_str(), v) {
            ("--mb", Some(v)) => mb = v,
            ("--threads", Some(v)) => threads = v,
            ("--rounds", Some(v)) if v >= 1 => rounds = v,
            _ => {
                eprintln!("usage: bench [--mb N] [--threads N] [--rounds N]");
                std::process::exit(2);
            }
        }
    }
    let all = if threads == 0 {
        std::thread::available_parallelism().map_or(1, |n| n.get())
    } else {
        threads
    };
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let samples = root.join("../shared/samples");
    let api = samples.join("wqapi_json");
    let (list_lines, full_lines) = real_lines(&api);
    let list = repeat_lines(&list_lines, mb);
    let full = repeat_lines(&full_lines, mb);
    let archive = repeat_files(&[root.join("corpus"), samples.clone()], mb);
    println!(
        "corpora: list {:.0} MB ({} lines), full {:.0} MB ({} lines), archive {:.0} MB ({} files); threads: {all}; fastest of {rounds} round(s)",
        mb_of(&list),
        count_lines(&list),
        mb_of(&full),
        count_lines(&full),
        archive.iter().map(|f| f.1.len()).sum::<usize>() as f64 / 1e6,
        archive.len()
    );
    println!();
    println!(
        "{:<42} {:>9} {:>11} {:>9}",
        "what", "MB/s", "records/s", "× trip"
    );

    let mut full_trip = f64::INFINITY;
    for (name, corpus) in [("list", &list), ("full", &full)] {
        let bytes = corpus.len();
        let lines = count_lines(corpus);
        let t = best(rounds, || {
            for l in corpus.split(|&b| b == b'\n').filter(|l| !l.is_empty()) {
                let v: serde_json::Value =
                    serde_json::from_slice(l).expect("valid JSON");
                std::hint::black_box(v);
            }
        });
        row(&format!("{name}: serde_json → Value"), bytes, lines, t, None);
        let mut out = Vec::with_capacity(bytes + bytes / 4);
        let trip = best(rounds, || {
            out.clear();
            for l in corpus.split(|&b| b == b'\n').filter(|l| !l.is_empty()) {
                let v: serde_json::Value =
                    serde_json::from_slice(l).expect("valid JSON");
                serde_json::to_writer(&mut out, &v).expect("write");
                out.push(b'\n');
            }
        });
        std::hint::black_box(&out);
        drop(out);
        if name == "full" {
            full_trip = trip;
        }
        row(
            &format!("{name}: serde_json round trip"),
            bytes,
            lines,
            trip,
            Some(trip),
        );
        for j in [1, all] {
            let (t, records) = best_run(rounds, || {
                parse_run(vec![(format!("{name}.jsonl"), corpus.clone())], j)
            });
            row(
                &format!("{name}: wrans parse -j {j}"),
                bytes,
                records,
                t,
                Some(trip),
            );
        }
    }
    // What the schema alone costs on the full answers: wrans' own JSON
    // writer rendering the records that `parse` made (built beforehand,
    // so only the writing is timed), per input byte. SPEC section 3 puts
    // each figure's sentence in the record, so the output is larger than
    // the input: this row is what the schema's output costs this writer,
    // a floor under the full-answers ratio as long as the writer stays.
    // The buffer is sized once (over twice the input), outside the timing.
    let records = collect_records(&full);
    let mut out = Vec::with_capacity(full.len() * 3);
    let t = best(rounds, || {
        out.clear();
        for r in &records {
            let _ = wrans::output::json::to_vec(&mut out, r);
            out.push(b'\n');
        }
        std::hint::black_box(&out);
    });
    let out_bytes = out.len();
    drop(out);
    row(
        "full: writing the output alone",
        full.len(),
        records.len(),
        t,
        Some(full_trip),
    );
    println!(
        "  (output {:.2}× the input: {:.0} MB of JSON for {:.0} MB)",
        out_bytes as f64 / full.len().max(1) as f64,
        out_bytes as f64 / 1e6,
        mb_of(&full)
    );
    drop(records);

    let bytes: usize = archive.iter().map(|f| f.1.len()).sum();
    for j in [1, all] {
        let (t, records) = best_run(rounds, || parse_run(archive.clone(), j));
        row(&format!("archive: wrans parse -j {j}"), bytes, records, t, None);
    }

    // The figure extractor and HTML→text alone, on the full answers.
    let html: Vec<String> = full_lines
        .iter()
        .filter_map(|l| serde_json::from_slice::<serde_json::Value>(l).ok())
        .filter_map(|v| v["answer_text"].as_str().map(str::to_string))
        .collect();
    let reps = (mb * 1_000_000
        / html.iter().map(String::len).sum::<usize>().max(1))
    .max(1);
    let html_bytes = html.iter().map(String::len).sum::<usize>() * reps;
    let mut texts = Vec::new();
    let t = best(rounds, || {
        texts.clear();
        for _ in 0..reps {
            for h in &html {
                texts.push(wrans::text::to_text(h));
            }
        }
    });
    row("full: HTML→text alone", html_bytes, html.len() * reps, t, None);
    let text_bytes: usize = texts.iter().map(String::len).sum();
    let mut figures = 0usize;
    let t = best(rounds, || {
        figures = 0;
        for s in &texts {
            figures += wrans::figures::extract(s, "answer.text").len();
        }
    });
    row(
        "full: figure extractor alone (per core)",
        text_bytes,
        texts.len(),
        t,
        None,
    );
    println!("  ({figures} figures, {:.0} figures/s)", figures as f64 / t);
    println!();
    println!(
        "peak RSS: {:.0} MB (the corpora themselves are held in memory)",
        peak_rss_mb()
    );
}

/// Runs the pipeline over in-memory inputs on `threads` threads; the
/// seconds taken and the records written.
fn parse_run(inputs: Vec<(String, Vec<u8>)>, threads: usize) -> (f64, usize) {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .expect("pool");
    let options = Options::default();
    let mut records = 0usize;
    let mut written = 0usize;
    let specs = inputs
        .into_iter()
        .map(|(shown, bytes)| InputSpec::Bytes { shown, bytes });
    let start = Instant::now();
    let r = pipeline::run(specs, &options, &pool, render, |e| {
        if let Event::Record(b) = e {
            records += 1;
            written += b.len();
        }
        Ok(())
    });
    let t = start.elapsed().as_secs_f64();
    r.expect("the run");
    std::hint::black_box(written);
    (t, records)
}

/// One record as `wrans parse` writes it: compact JSON and a newline.
fn render(record: &wrans::Record) -> Vec<u8> {
    let mut v = Vec::with_capacity(4096);
    let _ = wrans::output::json::to_vec(&mut v, record);
    v.push(b'\n');
    v
}

/// The records `wrans parse` makes of an in-memory JSON Lines corpus, in
/// order (one thread).
fn collect_records(corpus: &[u8]) -> Vec<wrans::Record> {
    let pool =
        rayon::ThreadPoolBuilder::new().num_threads(1).build().expect("pool");
    let mut records = Vec::new();
    let spec = InputSpec::Bytes {
        shown: "full.jsonl".to_string(),
        bytes: corpus.to_vec(),
    };
    pipeline::run(
        std::iter::once(spec),
        &Options::default(),
        &pool,
        |r: &wrans::Record| r.clone(),
        |e| {
            if let Event::Record(r) = e {
                records.push(r);
            }
            Ok(())
        },
    )
    .expect("the run");
    records
}

fn row(
    what: &str,
    bytes: usize,
    records: usize,
    secs: f64,
    trip: Option<f64>,
) {
    let ratio = match trip {
        Some(tr) => format!("{:.2}", tr / secs),
        None => "-".to_string(),
    };
    println!(
        "{what:<42} {:>9.1} {:>11.0} {ratio:>9}",
        bytes as f64 / 1e6 / secs,
        records as f64 / secs
    );
}

/// The fastest of `rounds` timed runs of `f`, in seconds.
fn best(rounds: usize, mut f: impl FnMut()) -> f64 {
    (0..rounds)
        .map(|_| {
            let s = Instant::now();
            f();
            s.elapsed().as_secs_f64()
        })
        .fold(f64::INFINITY, f64::min)
}

/// The fastest of `rounds` runs of `f`, which times itself: its seconds
/// and its count (the same every run).
fn best_run(
    rounds: usize,
    mut f: impl FnMut() -> (f64, usize),
) -> (f64, usize) {
    (0..rounds)
        .map(|_| f())
        .min_by(|x, y| x.0.total_cmp(&y.0))
        .unwrap_or((f64::INFINITY, 0))
}

/// The list elements and the longform lines of the API samples.
fn real_lines(dir: &Path) -> (Vec<Vec<u8>>, Vec<Vec<u8>>) {
    let mut list = Vec::new();
    let mut full = Vec::new();
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    paths.sort();
    for p in paths {
        let Ok(text) = std::fs::read(&p) else { continue };
        if p.extension().is_some_and(|e| e == "jsonl") {
            full.extend(
                text.split(|&b| b == b'\n')
                    .filter(|l| !l.is_empty())
                    .map(<[u8]>::to_vec),
            );
            continue;
        }
        let Ok(doc) = serde_json::from_slice::<serde_json::Value>(&text)
        else {
            continue;
        };
        let items = match &doc {
            serde_json::Value::Array(a) => a.clone(),
            v => v["results"].as_array().cloned().unwrap_or_default(),
        };
        for item in items {
            if item["value"]["questionText"].is_string() {
                list.push(serde_json::to_vec(&item).expect("JSON"));
            }
        }
    }
    assert!(
        !list.is_empty() && !full.is_empty(),
        "no API samples under {}",
        dir.display()
    );
    (list, full)
}

fn repeat_lines(lines: &[Vec<u8>], mb: usize) -> Vec<u8> {
    let mut out = Vec::with_capacity(mb * 1_000_000 + 100_000);
    while out.len() < mb * 1_000_000 {
        for l in lines {
            out.extend_from_slice(l);
            out.push(b'\n');
        }
    }
    out
}

fn repeat_files(dirs: &[PathBuf], mb: usize) -> Vec<(String, Vec<u8>)> {
    let mut files = Vec::new();
    for d in dirs {
        for e in walkdir::WalkDir::new(d)
            .sort_by_file_name()
            .into_iter()
            .filter_map(Result::ok)
        {
            if e.file_type().is_file() {
                if let Ok(b) = std::fs::read(e.path()) {
                    files.push((e.path().display().to_string(), b));
                }
            }
        }
    }
    let unit: usize = files.iter().map(|f| f.1.len()).sum::<usize>().max(1);
    let copies = (mb * 1_000_000).div_ceil(unit);
    let mut out = Vec::new();
    for _ in 0..copies {
        out.extend(files.iter().cloned());
    }
    out
}

fn count_lines(b: &[u8]) -> usize {
    b.split(|&c| c == b'\n').filter(|l| !l.is_empty()).count()
}

fn mb_of(b: &[u8]) -> f64 {
    b.len() as f64 / 1e6
}

/// The process's peak resident memory (VmHWM), in MB.
fn peak_rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<f64>().ok())
        })
        .map_or(0.0, |kb| kb / 1024.0)
}
