//! Soak mode of the mutation test (`tests/mutation.rs`): millions of
//! seeded mutations of every sample, fixture and corpus file through the
//! real pipeline, on all cores. Reports panics (contained bugs), and a
//! case that takes longer than `--hang-secs` (default 20) as a hang,
//! with its number, then exits 1. An abort ends the process: run it under
//! `/usr/bin/time` to see the exit status.
//!
//! ```sh
//! cargo run --release --example soak -- --count 1000000 [--seed N] [--from N]
//! ```
//!
//! A case is replayed alone with `--from N --count 1`.

#[path = "../tests/support/mutate.rs"]
mod mutate;

use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use rayon::prelude::*;
use wrans::input::InputSpec;
use wrans::pipeline::{self, Event, Options, Severity};
use wrans::Format;

fn main() {
    let mut count = 1_000_000u64;
    let mut seed = 0x5eed_2026_1201u64;
    let mut from = 0u64;
    let mut hang_secs = 20u64;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let v = args.next().and_then(|v| v.parse().ok());
        match (a.as_str(), v) {
            ("--count", Some(v)) => count = v,
            ("--seed", Some(v)) => seed = v,
            ("--from", Some(v)) => from = v,
            ("--hang-secs", Some(v)) => hang_secs = v,
            _ => {
                eprintln!("usage: soak [--count N] [--seed N] [--from N] [--hang-secs N]");
                std::process::exit(2);
            }
        }
    }
    pipeline::quiet_panic_hook();
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let dirs = [
        root.join("corpus"),
        root.join("fixtures"),
        root.join("../shared/samples"),
    ];
    let dirs: Vec<&std::path::Path> =
        dirs.iter().filter(|d| d.is_dir()).map(|d| d.as_path()).collect();
    let seeds = mutate::seeds(&dirs);
    eprintln!(
        "{} seed documents; cases {from}..{}",
        seeds.len(),
        from + count
    );

    // The watchdog: each worker notes when its current case started.
    let done = Arc::new(AtomicU64::new(0));
    let panics = Arc::new(AtomicU64::new(0));
    let started = Instant::now();
    let busy: Arc<Vec<AtomicU64>> = Arc::new(
        (0..rayon::current_num_threads() + 1)
            .map(|_| AtomicU64::new(0))
            .collect(),
    );
    let case_of: Arc<Vec<AtomicU64>> = Arc::new(
        (0..rayon::current_num_threads() + 1)
            .map(|_| AtomicU64::new(0))
            .collect(),
    );
    {
        let (done, busy, case_of) =
            (done.clone(), busy.clone(), case_of.clone());
        std::thread::spawn(move || loop {
            std::thread::sleep(Duration::from_secs(1));
            let now = started.elapsed().as_millis() as u64;
            for (i, b) in busy.iter().enumerate() {
                let since = b.load(Ordering::Relaxed);
                if since > 0 && now.saturating_sub(since) > hang_secs * 1000 {
                    eprintln!(
                        "HANG: case {} has run for more than {hang_secs} s",
                        case_of[i].load(Ordering::Relaxed)
                    );
                    std::process::exit(1);
                }
            }
            let d = done.load(Ordering::Relaxed);
            if d > 0 {
                let secs = started.elapsed().as_secs_f64();
                eprint!("\r{d} cases, {:.0}/s   ", d as f64 / secs);
            }
        });
    }
    (from..from + count).into_par_iter().for_each_init(
        || rayon::ThreadPoolBuilder::new().num_threads(1).build().expect("pool"),
        |pool, n| {
            let slot = rayon::current_thread_index().unwrap_or(0);
            case_of[slot].store(n, Ordering::Relaxed);
            busy[slot].store(started.elapsed().as_millis() as u64 + 1, Ordering::Relaxed);
            let (which, bytes) = mutate::mutate(&seeds, seed, n);
            let mut rng = mutate::Rng::for_case(seed ^ 1, n);
            let format = Format::ALL.get(rng.below(Format::ALL.len() + 4)).copied();
            let options = Options { format, ..Options::default() };
            let spec = InputSpec::Bytes { shown: "case".into(), bytes };
            let _ = pipeline::run(std::iter::once(spec), &options, pool, |r| r.id.len(), |e| {
                if let Event::Message(m) = e {
                    if m.severity == Severity::Bug {
                        panics.fetch_add(1, Ordering::Relaxed);
                        eprintln!("\nPANIC: case {n} (mutation of {}, format {format:?}): {}", seeds[which].0, m.text);
                    }
                }
                Ok(())
            });
            busy[slot].store(0, Ordering::Relaxed);
            done.fetch_add(1, Ordering::Relaxed);
        },
    );
    let secs = started.elapsed().as_secs_f64();
    let p = panics.load(Ordering::Relaxed);
    eprintln!("\n{count} mutated inputs in {secs:.0} s ({:.0}/s): {p} panics, 0 hangs", count as f64 / secs);
    std::process::exit(if p == 0 { 0 } else { 1 });
}
