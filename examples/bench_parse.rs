//! Throughput of the whole pipeline (decode, detect, parse, figures, id,
//! JSON serialisation) on a generated large corpus.
//!
//! ```sh
//! cargo run --release --example bench_parse -- [--mb N] [--threads N] [DIR|FILE]...
//! ```
//!
//! The corpus is generated in memory by repeating every input file found
//! under the given paths (default: `corpus/` and `../shared/samples/`)
//! until it reaches `--mb` megabytes (default 200), so disk speed is not
//! measured. Inputs that fail to parse (the truncated samples) are kept:
//! real archives have them too. Reports MB/s and records/s on one thread
//! and on all threads (or `--threads N`), and the peak resident memory.

use std::path::PathBuf;
use std::time::Instant;

use rayon::prelude::*;

fn main() {
    let mut mb = 200usize;
    let mut threads = 0usize;
    let mut paths = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--mb" => {
                mb = args.next().and_then(|v| v.parse().ok()).unwrap_or(mb)
            }
            "--threads" => {
                threads = args.next().and_then(|v| v.parse().ok()).unwrap_or(0)
            }
            _ => paths.push(PathBuf::from(a)),
        }
    }
    if paths.is_empty() {
        let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
        paths.push(root.join("corpus"));
        paths.push(root.join("../shared/samples"));
    }
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    for p in &paths {
        for e in
            walkdir::WalkDir::new(p).sort_by_file_name().into_iter().flatten()
        {
            if e.file_type().is_file() {
                if let Ok(b) = std::fs::read(e.path()) {
                    files.push((e.path().display().to_string(), b));
                }
            }
        }
    }
    if files.is_empty() {
        eprintln!("no input files under {paths:?}");
        std::process::exit(2);
    }
    let unit: usize = files.iter().map(|f| f.1.len()).sum();
    let copies = (mb * 1_000_000).div_ceil(unit).max(1);
    let corpus: Vec<&(String, Vec<u8>)> =
        (0..copies).flat_map(|_| files.iter()).collect();
    let bytes: usize = corpus.iter().map(|f| f.1.len()).sum();
    println!(
        "corpus: {} distinct files ({:.1} MB) x {copies} = {} inputs, {:.1} MB",
        files.len(),
        unit as f64 / 1e6,
        corpus.len(),
        bytes as f64 / 1e6
    );

    let run = |pool: &rayon::ThreadPool| {
        let start = Instant::now();
        let (records, figures, out_bytes) = pool.install(|| {
            corpus
                .par_iter()
                .map(|(path, b)| {
                    let parsed = wrans::parse_bytes(path, b, None);
                    let mut out = 0usize;
                    for r in &parsed.records {
                        out +=
                            serde_json::to_vec(r).map_or(0, |v| v.len() + 1);
                    }
                    let figs: usize =
                        parsed.records.iter().map(|r| r.figures.len()).sum();
                    (parsed.records.len(), figs, out)
                })
                .reduce(|| (0, 0, 0), |a, b| (a.0 + b.0, a.1 + b.1, a.2 + b.2))
        });
        (start.elapsed().as_secs_f64(), records, figures, out_bytes)
    };

    let one =
        rayon::ThreadPoolBuilder::new().num_threads(1).build().expect("pool");
    let all = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .expect("pool");
    for (label, pool) in [("1 thread", &one), ("all threads", &all)] {
        let (secs, records, figures, out) = run(pool);
        println!(
            "{label:>12} ({} threads): {secs:.2} s, {:.1} MB/s in, {:.0} records/s, {records} records, {figures} figures, {:.1} MB JSON out",
            pool.current_num_threads(),
            bytes as f64 / 1e6 / secs,
            records as f64 / secs,
            out as f64 / 1e6,
        );
    }
    if let Ok(status) = std::fs::read_to_string("/proc/self/status") {
        if let Some(l) = status.lines().find(|l| l.starts_with("VmHWM")) {
            println!(
                "peak resident memory: {}",
                l.trim_start_matches("VmHWM:").trim()
            );
        }
    }
}
