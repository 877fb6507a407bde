//! The figure gold set (`fixtures/figures/`): checks that the set itself
//! is sound, and scores the extractor against it.
//!
//! `cargo run --example score_figures -- --verbose` prints the same table
//! with every miss and false positive.

#[path = "support/gold.rs"]
mod gold;

use std::collections::BTreeSet;

use wrans::FigureKind;

/// Overall F1 the extractor must reach on the `dev` set.
const OVERALL_F1: f64 = 0.95;
/// F1 every kind must reach on the `dev` set.
const KIND_F1: f64 = 0.90;

/// Checks the file names of a set's folder and that every text is listed
/// in the set's list of sources: `SOURCES.md` for `dev`, the Sources
/// section of `SPLIT.md` (as `` `tune/<name>` ``) and `IDS.txt` for the
/// `tune` and `test` folders.
fn check_files(set: &str, docs: &[gold::Doc]) -> Vec<String> {
    let mut problems = Vec::new();
    let base = gold::gold_dir();
    let Some(dir) = gold::set_dir(set) else {
        return vec![format!("unknown set {set}")];
    };
    let sources_file = if set == "dev" { "SOURCES.md" } else { "SPLIT.md" };
    let sources = std::fs::read_to_string(base.join(sources_file))
        .unwrap_or_else(|e| panic!("fixtures/figures/{sources_file}: {e}"));
    for entry in std::fs::read_dir(&dir).expect("a gold folder exists") {
        let entry = entry.expect("readable entry");
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if entry.path().is_dir() {
            // dev holds the other sets and the annotation scripts; tune
            // and test hold their two independent annotations, of which
            // their gold is the adjudication (ADJUDICATION.md).
            let known = match set {
                "dev" => {
                    gold::SETS.contains(&name.as_ref()) || name == "tools"
                }
                _ => matches!(name.as_ref(), "annotator_a" | "annotator_b"),
            };
            if !known {
                problems.push(format!("{set}: unexpected folder {name}"));
            }
            continue;
        }
        let stem = name
            .strip_suffix(".gold.json")
            .or_else(|| name.strip_suffix(".txt"))
            .or_else(|| name.strip_suffix(".md"));
        match stem {
            Some(s) if !s.contains('.') => {}
            _ => problems.push(format!("{set}: unexpected file name {name}")),
        }
        if let Some(s) = name.strip_suffix(".gold.json") {
            if !dir.join(format!("{s}.txt")).is_file() {
                problems.push(format!("{set}: {name} has no {s}.txt"));
            }
        }
    }
    let listed = |name: &str| {
        if set == "dev" {
            sources.contains(&format!("`{name}`"))
        } else {
            sources.contains(&format!("`{set}/{name}`"))
        }
    };
    for d in docs {
        if !listed(&d.name) {
            problems.push(format!(
                "{set}: {} is not listed in {sources_file}",
                d.name
            ));
        }
    }
    if set != "dev" {
        let ids = std::fs::read_to_string(dir.join("IDS.txt"))
            .unwrap_or_else(|e| panic!("{set}/IDS.txt: {e}"));
        let ids: BTreeSet<String> =
            ids.split_whitespace().map(|i| format!("wqapi_{i}")).collect();
        let names: BTreeSet<String> =
            docs.iter().map(|d| d.name.clone()).collect();
        if ids != names {
            problems.push(format!(
                "{set}: IDS.txt and the texts differ: {:?}",
                ids.symmetric_difference(&names).collect::<Vec<_>>()
            ));
        }
    }
    problems
}

#[test]
fn gold_set_is_valid() {
    let mut problems = Vec::new();
    let mut names_by_set = Vec::new();
    for set in gold::SETS {
        let dir = gold::set_dir(set).expect("a known set");
        let (docs, load_problems) = gold::load(&dir);
        problems
            .extend(load_problems.into_iter().map(|p| format!("{set}: {p}")));
        problems.extend(
            gold::check(&docs).into_iter().map(|p| format!("{set}: {p}")),
        );
        problems.extend(check_files(set, &docs));

        let figures: usize = docs.iter().map(|d| d.figures.len()).sum();
        let negatives: usize = docs.iter().map(|d| d.negatives.len()).sum();
        // The dev set's size as built; the tune and test parts are 219
        // and 110 of the 329 answers (SPLIT.md).
        let (min_texts, min_figures) = match set {
            "dev" => (40, 400),
            "tune" => (219, 2000),
            _ => (110, 1000),
        };
        if docs.len() < min_texts {
            problems.push(format!(
                "{set}: only {} texts (want at least {min_texts})",
                docs.len()
            ));
        }
        if figures < min_figures {
            problems.push(format!(
                "{set}: only {figures} figures (want at least {min_figures})"
            ));
        }
        if negatives == 0 {
            problems.push(format!("{set}: no negatives listed"));
        }
        let kinds: BTreeSet<&str> = docs
            .iter()
            .flat_map(|d| d.figures.iter().map(|(f, _)| f.kind.as_str()))
            .collect();
        for k in FigureKind::ALL {
            if !kinds.contains(k.as_str()) {
                problems.push(format!(
                    "{set}: no gold figure of kind {}",
                    k.as_str()
                ));
            }
        }
        names_by_set.push(
            docs.iter().map(|d| d.name.clone()).collect::<BTreeSet<_>>(),
        );
    }
    // No text is in both the tune and the test part.
    if let [_, tune, test] = names_by_set.as_slice() {
        for n in tune.intersection(test) {
            problems.push(format!("{n} is in both tune and test"));
        }
    }
    assert!(
        problems.is_empty(),
        "{} problems in the gold sets:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn nth_span_counts_non_overlapping_matches() {
    assert_eq!(gold::nth_span("a 11 b 111", "11", 1), Some([2, 4]));
    assert_eq!(gold::nth_span("a 11 b 111", "11", 2), Some([7, 9]));
    assert_eq!(gold::nth_span("a 11 b 111", "11", 3), None);
    assert_eq!(gold::nth_span("£5 £5", "£5", 2), Some([4, 7]));
    assert_eq!(gold::nth_span("x", "x", 0), None);
}

#[test]
fn values_agree_within_half_a_percent() {
    assert!(gold::agree(None, None));
    assert!(gold::agree(Some(1000.0), Some(1004.0)));
    assert!(!gold::agree(Some(1000.0), Some(1006.0)));
    assert!(!gold::agree(Some(0.0), None));
    assert!(gold::agree(Some(-11.0), Some(-11.0)));
    assert!(!gold::agree(Some(-11.0), Some(11.0)));
}

/// The gold figures as an extractor would return them.
fn gold_as_predictions(doc: &gold::Doc) -> Vec<wrans::Figure> {
    doc.figures
        .iter()
        .map(|(g, span)| wrans::Figure {
            kind: g.kind,
            text: g.text.clone(),
            field: "text".to_string(),
            span: *span,
            value: g.value,
            unit: g.unit.clone(),
            qualifier: g.qualifier,
            period: g.period.clone(),
            sentence: String::new(),
            total: g.total,
            low: g.low,
            high: g.high,
            from: g.from,
            to: g.to,
        })
        .collect()
}

#[test]
fn scorer_matches_gold_with_itself_and_rejects_wrong_values() {
    let (docs, problems) = gold::load(&gold::gold_dir());
    assert!(problems.is_empty(), "gold set: {problems:?}");
    let by_text = |t: &str| {
        let d = docs.iter().find(|d| d.text == t).expect("a gold text");
        gold_as_predictions(d)
    };
    let perfect = gold::evaluate(&docs, by_text);
    assert_eq!(perfect.overall.tp, perfect.overall.gold);
    assert_eq!(perfect.negative_hits, 0);
    assert!((perfect.overall.f1() - 1.0).abs() < 1e-12);

    // Values off by 1%, and every kind swapped: nothing matches.
    let off = gold::evaluate(&docs, |t| {
        let mut p = by_text(t);
        for f in &mut p {
            f.value = f.value.map(|v| if v == 0.0 { 1.0 } else { v * 1.01 });
            f.low = f.low.map(|v| v * 1.01);
            f.total = f.total.map(|v| v * 1.01);
            f.period = f.period.as_ref().map(|p| format!("{p}x"));
        }
        p
    });
    assert_eq!(off.overall.tp, 0, "{}", gold::table(&off));
    let details = gold::details(&docs, &off);
    assert!(details.contains("MISS") && details.contains("FP"));
    let swapped = gold::evaluate(&docs, |t| {
        let mut p = by_text(t);
        for f in &mut p {
            f.kind = if f.kind == FigureKind::Count {
                FigureKind::Money
            } else {
                FigureKind::Count
            };
        }
        p
    });
    assert_eq!(swapped.overall.tp, 0);

    // A prediction on a listed negative is counted.
    let d = docs
        .iter()
        .find(|d| !d.negatives.is_empty())
        .expect("a text with negatives");
    let mut p = gold_as_predictions(d);
    let mut extra = p[0].clone();
    extra.span = d.negatives[0].1;
    p.push(extra);
    let s = gold::score_doc(d, &p);
    assert_eq!(s.false_positives, vec![p.len() - 1]);
    assert_eq!(s.negative_hits.len(), 1);
}

/// Scores the extractor on `set` and fails when the overall F1 is below
/// `overall` or a kind's F1 below its floor (`kind_floor` gives it).
fn assert_scores(set: &str, overall: f64, kind_floor: impl Fn(&str) -> f64) {
    let dir = gold::set_dir(set).expect("a known set");
    let (docs, problems) = gold::load(&dir);
    assert!(problems.is_empty(), "gold set {set}: {problems:?}");
    let report = gold::evaluate(&docs, |t| wrans::figures::extract(t, "text"));
    let table = gold::table(&report);
    println!("set {set}\n{table}");
    let mut failures = Vec::new();
    if report.overall.f1() < overall {
        failures.push(format!(
            "{set}: overall F1 {:.3} < {overall}",
            report.overall.f1()
        ));
    }
    for (kind, c) in &report.by_kind {
        let floor = kind_floor(kind);
        if c.f1() < floor {
            failures.push(format!("{set}: {kind} F1 {:.3} < {floor}", c.f1()));
        }
    }
    assert!(
        failures.is_empty(),
        "{}\n\n{table}\nrun `cargo run --example score_figures -- --set {set} --verbose` for the misses",
        failures.join("\n")
    );
}

#[test]
fn extractor_meets_targets() {
    assert_scores("dev", OVERALL_F1, |_| KIND_F1);
}

/// Floors on the `test` part, which was never used for tuning. They were
/// set a little below the score MEASURED on the adjudicated test gold
/// (two independent blind annotations, disagreements settled by the
/// rules; see `fixtures/figures/test/ADJUDICATION.md`), not tuned
/// towards: overall F1 0.844 on the final code of this pass. They
/// guard against regressions and are far below the targets (0.95
/// overall), which the extractor does not reach on this part.
const TEST_OVERALL_F1: f64 = 0.82;
/// Per-kind floors on the `test` part: the measured F1 (in the comment)
/// less a margin of about 0.02.
const TEST_KIND_F1: [(&str, f64); 9] = [
    ("money", 0.77),             // measured 0.794
    ("percent", 0.86),           // 0.880
    ("percentage_points", 0.90), // 1.000 (3 figures)
    ("count", 0.71),             // 0.734
    ("ratio", 0.92),             // 0.960 (13 figures)
    ("range", 0.06),             // 0.080 (9 figures: 1 found)
    ("change", 0.78),            // 0.812
    ("duration", 0.86),          // 0.901
    ("financial_year", 0.96),    // 0.987
];

#[test]
fn extractor_holds_measured_score_on_test_part() {
    assert_scores("test", TEST_OVERALL_F1, |k| {
        TEST_KIND_F1.iter().find(|(n, _)| *n == k).map_or(0.0, |(_, f)| *f)
    });
}
