//! Scores the figure extractor against the gold sets in `fixtures/figures/`.
//!
//! ```text
//! cargo run --release --example score_figures [-- --set dev|tune|test|all] [--verbose] [NAME…]
//! ```
//!
//! Prints, for each chosen set, precision, recall and F1 overall and per
//! kind, how many predictions fall on listed non-figures, and how much
//! the F1 rests on a few texts (a bootstrap interval over texts, and the
//! share of errors in the five worst texts). The sets:
//! `dev` (the flat files of `fixtures/figures/`, the default), `tune`
//! (`fixtures/figures/tune/`, used for tuning), `test`
//! (`fixtures/figures/test/`, never used for tuning), `all` (the three,
//! one table each). `--dir DIR` scores the gold files of any folder laid
//! out the same way (`<name>.txt` beside `<name>.gold.json`), e.g. a local
//! set that is not in the repository. `--verbose` lists, per file, the gold figures missed
//! and the false positives, each in its context. Any other argument keeps
//! only the files whose name contains it. The gold format and the
//! matching rule are in `fixtures/figures/README.md`.

#[path = "../tests/support/gold.rs"]
mod gold;

use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str =
    "usage: score_figures [--set dev|tune|test|all] [--dir DIR] [--verbose] [NAME-SUBSTRING...]";

fn main() -> ExitCode {
    let mut verbose = false;
    // (label, folder): the named sets and any `--dir` folders.
    let mut sets: Vec<(String, PathBuf)> = Vec::new();
    let mut filters = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "-v" | "--verbose" => verbose = true,
            "-h" | "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            "--set" => {
                let Some(name) = args.next() else {
                    eprintln!("score_figures: --set needs a value\n{USAGE}");
                    return ExitCode::from(2);
                };
                let named =
                    |s: &str| gold::set_dir(s).map(|dir| (s.to_string(), dir));
                if name == "all" {
                    sets.extend(gold::SETS.iter().filter_map(|s| named(s)));
                } else if let Some(set) = named(&name) {
                    sets.push(set);
                } else {
                    eprintln!("score_figures: unknown set {name}\n{USAGE}");
                    return ExitCode::from(2);
                }
            }
            "--dir" => {
                let Some(dir) = args.next() else {
                    eprintln!("score_figures: --dir needs a folder\n{USAGE}");
                    return ExitCode::from(2);
                };
                sets.push((dir.clone(), PathBuf::from(dir)));
            }
            _ if arg.starts_with('-') => {
                eprintln!("score_figures: unknown option {arg}\n{USAGE}");
                return ExitCode::from(2);
            }
            _ => filters.push(arg),
        }
    }
    if sets.is_empty() {
        sets.push(("dev".to_string(), gold::gold_dir()));
    }
    sets.dedup();
    let mut failed = false;
    let mut scored = 0;
    for (set, dir) in sets {
        let (mut docs, problems) = gold::load(&dir);
        for p in &problems {
            eprintln!("gold set {set}: {p}");
        }
        failed |= !problems.is_empty();
        if !filters.is_empty() {
            docs.retain(|d| {
                filters.iter().any(|f| d.name.contains(f.as_str()))
            });
        }
        if docs.is_empty() {
            continue;
        }
        scored += docs.len();
        let report =
            gold::evaluate(&docs, |t| wrans::figures::extract(t, "text"));
        println!(
            "== set {set}: {} texts, {} gold figures, {} listed non-figures\n",
            docs.len(),
            report.overall.gold,
            report.negatives
        );
        print!("{}", gold::table(&report));
        print!("{}", gold::spread(&report));
        if verbose {
            print!("{}", gold::details(&docs, &report));
        }
        println!();
    }
    if scored == 0 {
        eprintln!("score_figures: no gold files to score");
        return ExitCode::from(2);
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
