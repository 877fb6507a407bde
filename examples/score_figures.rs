//! Scores the figure extractor against the gold set in `fixtures/figures/`.
//!
//! ```text
//! cargo run --release --example score_figures [-- --verbose] [-- NAME…]
//! ```
//!
//! Prints precision, recall and F1 overall and per kind, and how many
//! predictions fall on listed non-figures. `--verbose` lists, per file,
//! the gold figures missed and the false positives, each in its context.
//! Any other argument keeps only the files whose name contains it. The
//! gold format and the matching rule are in `fixtures/figures/README.md`.

#[path = "../tests/support/gold.rs"]
mod gold;

use std::process::ExitCode;

fn main() -> ExitCode {
    let mut verbose = false;
    let mut filters = Vec::new();
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "-v" | "--verbose" => verbose = true,
            "-h" | "--help" => {
                println!(
                    "usage: score_figures [--verbose] [NAME-SUBSTRING...]"
                );
                return ExitCode::SUCCESS;
            }
            _ if arg.starts_with('-') => {
                eprintln!("score_figures: unknown option {arg}");
                return ExitCode::from(2);
            }
            _ => filters.push(arg),
        }
    }
    let (mut docs, problems) = gold::load(&gold::gold_dir());
    for p in &problems {
        eprintln!("gold set: {p}");
    }
    if !filters.is_empty() {
        docs.retain(|d| filters.iter().any(|f| d.name.contains(f.as_str())));
    }
    if docs.is_empty() {
        eprintln!("score_figures: no gold files to score");
        return ExitCode::from(2);
    }
    let report = gold::evaluate(&docs, |t| wrans::figures::extract(t, "text"));
    println!(
        "{} texts, {} gold figures, {} listed non-figures\n",
        docs.len(),
        report.overall.gold,
        report.negatives
    );
    print!("{}", gold::table(&report));
    if verbose {
        print!("{}", gold::details(&docs, &report));
    }
    if problems.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
