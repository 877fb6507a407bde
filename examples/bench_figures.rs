//! Benchmark of the figure extractor on one thread.
//!
//! ```text
//! cargo run --release --example bench_figures [-- [--secs N] [--mb N] [FILE.jsonl ...]]
//! ```
//!
//! Reads real answer texts: the records of every file under `corpus/`
//! (through `wrans::parse_bytes`), and the `answer_text` / `answerText`
//! fields of the JSON Lines files given on the command line (default:
//! `../shared/samples/wqapi_json/ukpwq_longform_2023-12.jsonl` when it
//! exists), converted to plain text as the parsers do. Then, for `--secs`
//! seconds each (default 3), it measures:
//!
//! 1. `extract` called once per answer text, cycling through the texts;
//! 2. `extract` on one large text made by repeating all the texts to
//!    `--mb` megabytes (default 8).
//!
//! and prints MB/s of answer text and figures/s, both per second of wall
//! time and per second of this thread's CPU time (read from
//! `/proc/thread-self/stat`, so that a busy machine distorts it less),
//! and the peak heap the extractor allocates on the large text, as a
//! multiple of the text's size (a counting allocator).

use std::alloc::{GlobalAlloc, Layout, System};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// The system allocator, counting the bytes in use and their peak.
struct Counting;

static IN_USE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is passed to the system allocator unchanged; only
// counters are updated.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(l) };
        if !p.is_null() {
            let now = IN_USE.fetch_add(l.size(), Ordering::Relaxed) + l.size();
            PEAK.fetch_max(now, Ordering::Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        unsafe { System.dealloc(p, l) };
        IN_USE.fetch_sub(l.size(), Ordering::Relaxed);
    }
    unsafe fn realloc(&self, p: *mut u8, l: Layout, new: usize) -> *mut u8 {
        let q = unsafe { System.realloc(p, l, new) };
        if !q.is_null() {
            if new >= l.size() {
                let now = IN_USE.fetch_add(new - l.size(), Ordering::Relaxed)
                    + (new - l.size());
                PEAK.fetch_max(now, Ordering::Relaxed);
            } else {
                IN_USE.fetch_sub(l.size() - new, Ordering::Relaxed);
            }
        }
        q
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

/// This thread's CPU time (user + system) in seconds, when Linux says it.
fn thread_cpu() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").ok()?;
    // The fields after the command name's closing bracket.
    let rest = stat.get(stat.rfind(')')? + 2..)?;
    let f: Vec<&str> = rest.split_whitespace().collect();
    let utime: f64 = f.get(11)?.parse().ok()?;
    let stime: f64 = f.get(12)?.parse().ok()?;
    // USER_HZ is 100 on every Linux this runs on.
    Some((utime + stime) / 100.0)
}

fn main() {
    let mut secs = 3.0f64;
    let mut mb = 8.0f64;
    let mut files: Vec<PathBuf> = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--secs" => {
                secs = args.next().and_then(|s| s.parse().ok()).unwrap_or(secs)
            }
            "--mb" => {
                mb = args.next().and_then(|s| s.parse().ok()).unwrap_or(mb)
            }
            _ => files.push(PathBuf::from(a)),
        }
    }
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    if files.is_empty() {
        let default = root
            .join("../shared/samples/wqapi_json/ukpwq_longform_2023-12.jsonl");
        if default.is_file() {
            files.push(default);
        }
    }
    let mut texts = corpus_texts(&root.join("corpus"));
    for f in &files {
        texts.extend(jsonl_texts(f));
    }
    texts.retain(|t| !t.trim().is_empty());
    if texts.is_empty() {
        eprintln!("no answer texts found");
        std::process::exit(2);
    }
    let bytes: usize = texts.iter().map(String::len).sum();
    println!(
        "{} answer texts, {:.2} MB (corpus/ and {} JSON Lines file(s))",
        texts.len(),
        bytes as f64 / 1e6,
        files.len()
    );

    // 1. One call per answer text.
    let budget = Duration::from_secs_f64(secs);
    let cpu0 = thread_cpu();
    let start = Instant::now();
    let (mut done, mut figs, mut calls) = (0usize, 0usize, 0usize);
    loop {
        for t in &texts {
            figs += wrans::figures::extract(t, "answer.text").len();
            done += t.len();
            calls += 1;
        }
        if start.elapsed() >= budget {
            break;
        }
    }
    let cpu = thread_cpu().zip(cpu0).map(|(b, a)| b - a);
    report("per answer text", done, figs, start.elapsed(), cpu, Some(calls));

    // 2. One large text.
    let mut big = String::new();
    while (big.len() as f64) < mb * 1e6 {
        for t in &texts {
            big.push_str(t);
            big.push_str("\n\n");
        }
    }
    let cpu0 = thread_cpu();
    let start = Instant::now();
    let (mut done, mut figs) = (0usize, 0usize);
    let base = IN_USE.load(Ordering::Relaxed);
    PEAK.store(base, Ordering::Relaxed);
    loop {
        figs += wrans::figures::extract(&big, "text").len();
        done += big.len();
        if start.elapsed() >= budget {
            break;
        }
    }
    let took = start.elapsed();
    let cpu = thread_cpu().zip(cpu0).map(|(b, a)| b - a);
    let peak = PEAK.load(Ordering::Relaxed).saturating_sub(base);
    report(
        &format!("one {:.1} MB text", big.len() as f64 / 1e6),
        done,
        figs,
        took,
        cpu,
        None,
    );
    println!(
        "{:>20}: {:.1} MB above the text ({:.2}x the text; the figures returned included)",
        "peak heap",
        peak as f64 / 1e6,
        peak as f64 / big.len() as f64
    );
}

fn report(
    what: &str,
    bytes: usize,
    figs: usize,
    took: Duration,
    cpu: Option<f64>,
    calls: Option<usize>,
) {
    let s = took.as_secs_f64();
    print!(
        "{what:>20}: {:8.1} MB/s, {:10.0} figures/s ({figs} figures in {:.2} s",
        bytes as f64 / 1e6 / s,
        figs as f64 / s,
        s
    );
    match calls {
        Some(c) => print!(", {:.0} texts/s)", c as f64 / s),
        None => print!(")"),
    }
    match cpu.filter(|c| *c > 0.0) {
        Some(c) => {
            println!("; per CPU second: {:.1} MB/s", bytes as f64 / 1e6 / c)
        }
        None => println!(),
    }
}

/// The answer (or letter) texts of every record of every file in `dir`.
fn corpus_texts(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else { return out };
    let mut paths: Vec<PathBuf> =
        entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        let Ok(bytes) = std::fs::read(&p) else { continue };
        let parsed =
            wrans::parse_bytes(&p.display().to_string(), &bytes, None);
        for r in parsed.records {
            let text = r
                .answer
                .and_then(|a| a.text)
                .or_else(|| r.letter.and_then(|l| l.body));
            out.extend(text);
        }
    }
    out
}

/// The `answer_text` / `answerText` fields of a JSON Lines file, as plain
/// text.
fn jsonl_texts(path: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let Ok(data) = std::fs::read_to_string(path) else {
        eprintln!("{}: cannot read", path.display());
        return out;
    };
    for line in data.lines() {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        let html = v
            .get("answer_text")
            .or_else(|| v.get("answerText"))
            .or_else(|| v.get("value").and_then(|x| x.get("answerText")))
            .and_then(|x| x.as_str());
        if let Some(h) = html {
            out.push(wrans::text::to_text(h));
        }
    }
    out
}
