//! Seeded mutation testing through the real pipeline: at least 100,000
//! mutated copies of every sample, fixture and corpus file (see
//! `support/mutate.rs` for the mutations) are parsed, each with format
//! detection or a forced format, and not one may panic (a contained panic
//! is a `Bug` line), abort or hang. A failing case is printed with its
//! number, so that `WRANS_MUTATION_CASE=N cargo test --test mutation`
//! replays it alone.
//!
//! `WRANS_MUTATIONS=N` changes the count; the soak mode for millions is
//! `cargo run --release --example soak -- --count 1000000`.

#[path = "support/mutate.rs"]
mod mutate;

use std::path::PathBuf;

use rayon::prelude::*;
use wrans::input::InputSpec;
use wrans::pipeline::{self, Event, Options, Severity};
use wrans::Format;

const SEED: u64 = 0x5eed_2026_1201;

fn seed_dirs() -> Vec<PathBuf> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut dirs = vec![root.join("corpus"), root.join("fixtures")];
    let samples = root.join("../shared/samples");
    if samples.is_dir() {
        dirs.push(samples);
    } else if std::env::var_os("CI").is_some() {
        panic!("{} is missing: CI must have ../shared", samples.display());
    } else {
        eprintln!("SKIPPED (in part): ../shared/samples not found; mutating corpus and fixtures only");
    }
    dirs
}

/// Parses one case through the pipeline; the bug lines it gave.
fn bugs_of(
    pool: &rayon::ThreadPool,
    bytes: Vec<u8>,
    format: Option<Format>,
) -> Vec<String> {
    let options = Options { format, ..Options::default() };
    let spec = InputSpec::Bytes { shown: "case".into(), bytes };
    let mut bugs = Vec::new();
    let r = pipeline::run(
        std::iter::once(spec),
        &options,
        pool,
        |r| r.id.len(),
        |e| {
            if let Event::Message(m) = e {
                if m.severity == Severity::Bug {
                    bugs.push(m.text);
                }
            }
            Ok(())
        },
    );
    assert!(r.is_ok());
    bugs
}

#[test]
fn mutated_documents_never_panic() {
    pipeline::quiet_panic_hook();
    let dirs = seed_dirs();
    let dirs: Vec<&std::path::Path> =
        dirs.iter().map(|d| d.as_path()).collect();
    let seeds = mutate::seeds(&dirs);
    assert!(seeds.len() > 50, "only {} seed documents", seeds.len());
    let count: u64 = std::env::var("WRANS_MUTATIONS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(100_000);
    let only: Option<u64> =
        std::env::var("WRANS_MUTATION_CASE").ok().and_then(|s| s.parse().ok());
    let cases: Vec<u64> = match only {
        Some(n) => vec![n],
        None => (0..count).collect(),
    };
    // Each case runs the pipeline on a one-thread pool of its own worker,
    // the cases themselves spread over the cores.
    let failures: Vec<String> = cases
        .par_iter()
        .map_init(
            || {
                rayon::ThreadPoolBuilder::new()
                    .num_threads(1)
                    .build()
                    .expect("a thread pool")
            },
            |pool, &n| {
                let (which, bytes) = mutate::mutate(&seeds, SEED, n);
                let mut rng = mutate::Rng::for_case(SEED ^ 1, n);
                let pick = rng.below(Format::ALL.len() + 4);
                let format = Format::ALL.get(pick).copied();
                bugs_of(pool, bytes, format)
                    .into_iter()
                    .map(|b| {
                        format!(
                            "case {n} (mutation of {}, format {format:?}): {b}",
                            seeds[which].0
                        )
                    })
                    .collect::<Vec<_>>()
            },
        )
        .flatten()
        .collect();
    eprintln!(
        "{} mutated inputs parsed, {} panics",
        cases.len(),
        failures.len()
    );
    assert!(
        failures.is_empty(),
        "{} panics:\n{}",
        failures.len(),
        failures.iter().take(20).cloned().collect::<Vec<_>>().join("\n")
    );
}
