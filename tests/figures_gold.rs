//! The figure gold set (`fixtures/figures/`): checks that the set itself
//! is sound, and scores the extractor against it.
//!
//! `cargo run --example score_figures -- --verbose` prints the same table
//! with every miss and false positive.

#[path = "support/gold.rs"]
mod gold;

use std::collections::BTreeSet;

use wrans::FigureKind;

/// Overall F1 the extractor must reach.
const OVERALL_F1: f64 = 0.95;
/// F1 every kind must reach.
const KIND_F1: f64 = 0.90;

#[test]
fn gold_set_is_valid() {
    let dir = gold::gold_dir();
    let (docs, mut problems) = gold::load(&dir);
    problems.extend(gold::check(&docs));

    // File names: `<name>.txt`, `<name>.gold.json`, README.md, SOURCES.md.
    let sources = std::fs::read_to_string(dir.join("SOURCES.md"))
        .expect("fixtures/figures/SOURCES.md is readable");
    for entry in std::fs::read_dir(&dir).expect("fixtures/figures exists") {
        let name = entry.expect("readable entry").file_name();
        let name = name.to_string_lossy();
        let stem = name
            .strip_suffix(".gold.json")
            .or_else(|| name.strip_suffix(".txt"))
            .or_else(|| name.strip_suffix(".md"));
        match stem {
            Some(s) if !s.contains('.') => {}
            _ => problems.push(format!("unexpected file name {name}")),
        }
        if let Some(s) = name.strip_suffix(".gold.json") {
            if !dir.join(format!("{s}.txt")).is_file() {
                problems.push(format!("{name} has no {s}.txt"));
            }
        }
    }
    for d in &docs {
        if !sources.contains(&format!("`{}`", d.name)) {
            problems.push(format!("{} is not listed in SOURCES.md", d.name));
        }
    }

    let figures: usize = docs.iter().map(|d| d.figures.len()).sum();
    let negatives: usize = docs.iter().map(|d| d.negatives.len()).sum();
    if docs.len() < 40 {
        problems.push(format!("only {} texts (want at least 40)", docs.len()));
    }
    if figures < 400 {
        problems.push(format!("only {figures} figures (want at least 400)"));
    }
    if negatives == 0 {
        problems.push("no negatives listed".to_string());
    }
    let kinds: BTreeSet<&str> = docs
        .iter()
        .flat_map(|d| d.figures.iter().map(|(f, _)| f.kind.as_str()))
        .collect();
    for k in FigureKind::ALL {
        if !kinds.contains(k.as_str()) {
            problems.push(format!("no gold figure of kind {}", k.as_str()));
        }
    }
    assert!(
        problems.is_empty(),
        "{} problems in the gold set:\n{}",
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

#[test]
fn extractor_meets_targets() {
    let (docs, problems) = gold::load(&gold::gold_dir());
    assert!(problems.is_empty(), "gold set: {problems:?}");
    let report = gold::evaluate(&docs, |t| wrans::figures::extract(t, "text"));
    let table = gold::table(&report);
    println!("{table}");
    let mut failures = Vec::new();
    if report.overall.f1() < OVERALL_F1 {
        failures.push(format!(
            "overall F1 {:.3} < {OVERALL_F1}",
            report.overall.f1()
        ));
    }
    for (kind, c) in &report.by_kind {
        if c.f1() < KIND_F1 {
            failures.push(format!("{kind} F1 {:.3} < {KIND_F1}", c.f1()));
        }
    }
    assert!(
        failures.is_empty(),
        "{}\n\n{table}\nrun `cargo run --example score_figures -- --verbose` for the misses",
        failures.join("\n")
    );
}
