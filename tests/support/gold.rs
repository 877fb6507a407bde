//! The figure gold set (`fixtures/figures/`): loading, checking and
//! scoring an extractor against it.
//!
//! Shared by `examples/score_figures.rs` and `tests/figures_gold.rs`
//! through `#[path]`, so the example and the test score in the same way.
//! The format and the annotation rules are in `fixtures/figures/README.md`.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use wrans::{Figure, FigureKind, Qualifier};

/// Relative tolerance within which two values agree.
pub const TOLERANCE: f64 = 0.005;

/// `fixtures/figures` of this checkout.
pub fn gold_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures").join("figures")
}

/// The named gold sets, in reporting order: `dev` (the flat files of
/// `fixtures/figures/`, the set the extractor was first built on),
/// `tune` (`fixtures/figures/tune/`, used for tuning) and `test`
/// (`fixtures/figures/test/`, never used for tuning).
pub const SETS: [&str; 3] = ["dev", "tune", "test"];

/// The folder of a named set (see [`SETS`]); `None` for an unknown name.
pub fn set_dir(set: &str) -> Option<PathBuf> {
    match set {
        "dev" => Some(gold_dir()),
        "tune" | "test" => Some(gold_dir().join(set)),
        _ => None,
    }
}

/// One `<name>.gold.json` file as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct GoldFile {
    figures: Vec<GoldFigure>,
    #[serde(default)]
    negatives: Vec<GoldNegative>,
}

/// A figure as written in a gold file: the surface text and which
/// occurrence of it, plus the expected values.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GoldFigure {
    pub kind: FigureKind,
    pub text: String,
    pub occurrence: usize,
    #[serde(default)]
    pub value: Option<f64>,
    #[serde(default)]
    pub unit: Option<String>,
    #[serde(default)]
    pub qualifier: Option<Qualifier>,
    #[serde(default)]
    pub total: Option<f64>,
    #[serde(default)]
    pub low: Option<f64>,
    #[serde(default)]
    pub high: Option<f64>,
    #[serde(default)]
    pub from: Option<f64>,
    #[serde(default)]
    pub to: Option<f64>,
    #[serde(default)]
    pub period: Option<String>,
}

/// A span that is not a figure, with the reason.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GoldNegative {
    pub text: String,
    pub occurrence: usize,
    pub why: String,
}

/// One annotated text with its gold spans resolved to byte offsets.
#[derive(Debug)]
pub struct Doc {
    /// The file stem (`wqapi_1677016_poverty_welfare_spending`).
    pub name: String,
    /// The text, exactly as stored in `<name>.txt`.
    pub text: String,
    /// The gold figures with their byte spans.
    pub figures: Vec<(GoldFigure, [usize; 2])>,
    /// The listed negatives with their byte spans.
    pub negatives: Vec<(GoldNegative, [usize; 2])>,
}

/// Byte span of the `occurrence`-th (1-based) non-overlapping match of
/// `needle` in `text`, searching left to right.
pub fn nth_span(
    text: &str,
    needle: &str,
    occurrence: usize,
) -> Option<[usize; 2]> {
    if needle.is_empty() || occurrence == 0 {
        return None;
    }
    text.match_indices(needle)
        .nth(occurrence - 1)
        .map(|(i, m)| [i, i + m.len()])
}

/// `IDS.txt` in the `tune` and `test` folders lists their question ids;
/// it is not a text.
pub const ID_LIST: &str = "IDS";

/// Loads every `*.txt` (but `IDS.txt`) with its `.gold.json` from `dir`,
/// sorted by name.
///
/// Returns the documents that loaded and a list of problems (a missing or
/// unreadable gold file, a text that does not occur as often as stated).
pub fn load(dir: &Path) -> (Vec<Doc>, Vec<String>) {
    let mut docs = Vec::new();
    let mut problems = Vec::new();
    let mut names: Vec<String> = match fs::read_dir(dir) {
        Ok(rd) => rd
            .filter_map(|e| e.ok())
            .filter_map(|e| e.file_name().into_string().ok())
            .filter_map(|n| n.strip_suffix(".txt").map(str::to_string))
            .filter(|n| n != ID_LIST)
            .collect(),
        Err(e) => {
            problems.push(format!("{}: {e}", dir.display()));
            return (docs, problems);
        }
    };
    names.sort();
    for name in names {
        let txt_path = dir.join(format!("{name}.txt"));
        let gold_path = dir.join(format!("{name}.gold.json"));
        let text = match fs::read_to_string(&txt_path) {
            Ok(t) => t,
            Err(e) => {
                problems.push(format!("{}: {e}", txt_path.display()));
                continue;
            }
        };
        let gold: GoldFile = match fs::read_to_string(&gold_path)
            .map_err(|e| e.to_string())
            .and_then(|s| serde_json::from_str(&s).map_err(|e| e.to_string()))
        {
            Ok(g) => g,
            Err(e) => {
                problems.push(format!("{}: {e}", gold_path.display()));
                continue;
            }
        };
        let mut doc = Doc {
            name: name.clone(),
            text,
            figures: Vec::new(),
            negatives: Vec::new(),
        };
        for f in gold.figures {
            match nth_span(&doc.text, &f.text, f.occurrence) {
                Some(span) => doc.figures.push((f, span)),
                None => problems.push(format!(
                    "{name}: figure {:?} occurrence {} not found",
                    f.text, f.occurrence
                )),
            }
        }
        for n in gold.negatives {
            match nth_span(&doc.text, &n.text, n.occurrence) {
                Some(span) => doc.negatives.push((n, span)),
                None => problems.push(format!(
                    "{name}: negative {:?} occurrence {} not found",
                    n.text, n.occurrence
                )),
            }
        }
        docs.push(doc);
    }
    (docs, problems)
}

/// Checks the gold set against its own rules (see the README): the
/// values each kind requires, units, normalised periods, no overlapping
/// gold spans, negatives apart from figures. Returns the problems found.
pub fn check(docs: &[Doc]) -> Vec<String> {
    let mut out = Vec::new();
    for d in docs {
        let name = &d.name;
        for (f, _) in &d.figures {
            let t = &f.text;
            let need = |what: &str, v: Option<f64>, out: &mut Vec<String>| {
                if v.is_none() {
                    out.push(format!(
                        "{name}: {t:?} ({:?}) needs {what}",
                        f.kind
                    ));
                }
            };
            match f.kind {
                FigureKind::Money => {
                    need("value", f.value, &mut out);
                    if !matches!(
                        f.unit.as_deref(),
                        Some("GBP" | "EUR" | "USD")
                    ) {
                        out.push(format!(
                            "{name}: {t:?}: money unit {:?}",
                            f.unit
                        ));
                    }
                }
                FigureKind::Percent => {
                    need("value", f.value, &mut out);
                    if f.unit.as_deref() != Some("%") {
                        out.push(format!(
                            "{name}: {t:?}: percent unit {:?}",
                            f.unit
                        ));
                    }
                }
                FigureKind::PercentagePoints => {
                    need("value", f.value, &mut out);
                    if f.unit.as_deref() != Some("pp") {
                        out.push(format!(
                            "{name}: {t:?}: pp unit {:?}",
                            f.unit
                        ));
                    }
                }
                FigureKind::Count => need("value", f.value, &mut out),
                FigureKind::Duration => {
                    need("value", f.value, &mut out);
                    if !matches!(
                        f.unit.as_deref(),
                        Some("years" | "months" | "weeks" | "days" | "hours")
                    ) {
                        out.push(format!(
                            "{name}: {t:?}: duration unit {:?}",
                            f.unit
                        ));
                    }
                }
                FigureKind::Ratio => {
                    need("value", f.value, &mut out);
                    need("total", f.total, &mut out);
                }
                FigureKind::Range => {
                    need("low", f.low, &mut out);
                    need("high", f.high, &mut out);
                    if let (Some(lo), Some(hi)) = (f.low, f.high) {
                        if lo > hi {
                            out.push(format!("{name}: {t:?}: low > high"));
                        }
                    }
                }
                FigureKind::Change => {
                    if f.value.is_none()
                        && (f.from.is_none() || f.to.is_none())
                    {
                        out.push(format!(
                            "{name}: {t:?}: change needs value or from and to"
                        ));
                    }
                    if let (Some(a), Some(b), Some(v)) =
                        (f.from, f.to, f.value)
                    {
                        if !agree(Some(b - a), Some(v)) {
                            out.push(format!(
                                "{name}: {t:?}: change value {v} is not to - from"
                            ));
                        }
                    }
                }
                FigureKind::FinancialYear => {
                    if f.value.is_some() {
                        out.push(format!(
                            "{name}: {t:?}: financial year value must be null"
                        ));
                    }
                    if !f.period.as_deref().is_some_and(is_fy_period) {
                        out.push(format!(
                            "{name}: {t:?}: financial year period {:?} is not YYYY-YY",
                            f.period
                        ));
                    }
                }
            }
            let fits = |v: Option<f64>| {
                v.is_none()
                    || f.kind == FigureKind::Range
                    || f.kind == FigureKind::Ratio
                    || f.kind == FigureKind::Change
            };
            if !fits(f.total)
                || !fits(f.low)
                || !fits(f.high)
                || !fits(f.from)
                || !fits(f.to)
            {
                out.push(format!(
                    "{name}: {t:?}: kind-specific key on a {:?}",
                    f.kind
                ));
            }
        }
        let mut spans: Vec<([usize; 2], &str)> = d
            .figures
            .iter()
            .map(|(f, s)| (*s, f.text.as_str()))
            .chain(d.negatives.iter().map(|(n, s)| (*s, n.text.as_str())))
            .collect();
        spans.sort();
        for w in spans.windows(2) {
            if w[1].0[0] < w[0].0[1] {
                out.push(format!(
                    "{name}: spans of {:?} and {:?} overlap",
                    w[0].1, w[1].1
                ));
            }
        }
    }
    out
}

/// `2021-22`: four digits, a hyphen, two digits.
pub fn is_fy_period(p: &str) -> bool {
    let b = p.as_bytes();
    b.len() == 7
        && b[4] == b'-'
        && b[..4].iter().chain(&b[5..]).all(u8::is_ascii_digit)
}

/// Two values agree: both null, or within [`TOLERANCE`] of each other.
pub fn agree(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(x), Some(y)) => {
            (x - y).abs() <= TOLERANCE * x.abs().max(y.abs())
                || (x - y).abs() < 1e-9
        }
        _ => false,
    }
}

/// Whether a prediction carries the gold figure's values: `low` and
/// `high` for a range, `value` and `total` for a ratio, the normalised
/// `period` for a financial year, `value` otherwise.
pub fn values_agree(g: &GoldFigure, p: &Figure) -> bool {
    match g.kind {
        FigureKind::Range => agree(g.low, p.low) && agree(g.high, p.high),
        FigureKind::Ratio => {
            agree(g.value, p.value) && agree(g.total, p.total)
        }
        FigureKind::FinancialYear => {
            agree(g.value, p.value)
                && g.period.as_deref() == p.period.as_deref()
        }
        _ => agree(g.value, p.value),
    }
}

fn overlap(a: [usize; 2], b: [usize; 2]) -> usize {
    a[1].min(b[1]).saturating_sub(a[0].max(b[0]))
}

/// The outcome of scoring one document.
#[derive(Debug, Default)]
pub struct DocScore {
    /// `(gold index, prediction index)` of every match.
    pub matches: Vec<(usize, usize)>,
    /// Gold figures left unmatched.
    pub missed: Vec<usize>,
    /// Predictions left unmatched.
    pub false_positives: Vec<usize>,
    /// Predictions overlapping a listed negative: `(prediction, negative)`.
    pub negative_hits: Vec<(usize, usize)>,
}

/// Matches predictions to gold figures one to one: a pair qualifies when
/// the spans overlap, the kinds agree and [`values_agree`]; pairs are taken
/// greedily, the largest overlap first.
pub fn score_doc(doc: &Doc, preds: &[Figure]) -> DocScore {
    let mut pairs = Vec::new();
    for (gi, (g, gs)) in doc.figures.iter().enumerate() {
        for (pi, p) in preds.iter().enumerate() {
            let ov = overlap(*gs, p.span);
            if ov > 0 && g.kind == p.kind && values_agree(g, p) {
                let dist =
                    gs[0].abs_diff(p.span[0]) + gs[1].abs_diff(p.span[1]);
                pairs.push((std::cmp::Reverse(ov), dist, gi, pi));
            }
        }
    }
    pairs.sort();
    let mut gold_used = vec![false; doc.figures.len()];
    let mut pred_used = vec![false; preds.len()];
    let mut s = DocScore::default();
    for (_, _, gi, pi) in pairs {
        if !gold_used[gi] && !pred_used[pi] {
            gold_used[gi] = true;
            pred_used[pi] = true;
            s.matches.push((gi, pi));
        }
    }
    s.matches.sort();
    s.missed = (0..doc.figures.len()).filter(|&i| !gold_used[i]).collect();
    s.false_positives = (0..preds.len()).filter(|&i| !pred_used[i]).collect();
    for (pi, p) in preds.iter().enumerate() {
        for (ni, (_, ns)) in doc.negatives.iter().enumerate() {
            if overlap(*ns, p.span) > 0 {
                s.negative_hits.push((pi, ni));
            }
        }
    }
    s
}

/// Counts for one kind (or overall).
#[derive(Clone, Copy, Debug, Default)]
pub struct Counts {
    pub gold: usize,
    pub pred: usize,
    pub tp: usize,
}

impl Counts {
    pub fn precision(&self) -> f64 {
        if self.pred == 0 {
            if self.gold == 0 {
                1.0
            } else {
                0.0
            }
        } else {
            self.tp as f64 / self.pred as f64
        }
    }
    pub fn recall(&self) -> f64 {
        if self.gold == 0 {
            1.0
        } else {
            self.tp as f64 / self.gold as f64
        }
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

/// The scores of a whole run.
#[derive(Debug, Default)]
pub struct Report {
    pub overall: Counts,
    pub by_kind: BTreeMap<&'static str, Counts>,
    /// Listed negatives, and predictions overlapping one.
    pub negatives: usize,
    pub negative_hits: usize,
    /// Among matches: qualifier agreement, and gold periods the
    /// prediction also gave.
    pub qualifier_agree: usize,
    pub periods_gold: usize,
    pub periods_given: usize,
    /// Per document: name, text, gold, predictions and score (for
    /// `--verbose`).
    pub docs: Vec<(String, Vec<Figure>, DocScore)>,
}

/// Runs `extract` over every document and scores it.
pub fn evaluate(
    docs: &[Doc],
    extract: impl Fn(&str) -> Vec<Figure>,
) -> Report {
    let mut r = Report::default();
    for k in FigureKind::ALL {
        r.by_kind.insert(k.as_str(), Counts::default());
    }
    for d in docs {
        let preds = extract(&d.text);
        let s = score_doc(d, &preds);
        for (g, _) in &d.figures {
            r.overall.gold += 1;
            r.by_kind.entry(g.kind.as_str()).or_default().gold += 1;
        }
        for p in &preds {
            r.overall.pred += 1;
            r.by_kind.entry(p.kind.as_str()).or_default().pred += 1;
        }
        for &(gi, pi) in &s.matches {
            let g = &d.figures[gi].0;
            r.overall.tp += 1;
            r.by_kind.entry(g.kind.as_str()).or_default().tp += 1;
            if g.qualifier == preds[pi].qualifier {
                r.qualifier_agree += 1;
            }
            if g.period.is_some() && g.kind != FigureKind::FinancialYear {
                r.periods_gold += 1;
                if preds[pi].period.is_some() {
                    r.periods_given += 1;
                }
            }
        }
        r.negatives += d.negatives.len();
        let mut hit: Vec<usize> =
            s.negative_hits.iter().map(|&(pi, _)| pi).collect();
        hit.dedup();
        r.negative_hits += hit.len();
        r.docs.push((d.name.clone(), preds, s));
    }
    r
}

/// The table of precision, recall and F1, overall and per kind.
pub fn table(r: &Report) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "{:<18} {:>5} {:>5} {:>5} {:>9} {:>7} {:>6}",
        "kind", "gold", "pred", "tp", "precision", "recall", "F1"
    );
    let mut row = |name: &str, c: &Counts| {
        let _ = writeln!(
            s,
            "{:<18} {:>5} {:>5} {:>5} {:>9.3} {:>7.3} {:>6.3}",
            name,
            c.gold,
            c.pred,
            c.tp,
            c.precision(),
            c.recall(),
            c.f1()
        );
    };
    for k in FigureKind::ALL {
        if let Some(c) = r.by_kind.get(k.as_str()) {
            row(k.as_str(), c);
        }
    }
    row("overall", &r.overall);
    let _ = writeln!(
        s,
        "\nnegatives: {} predictions overlap one of the {} listed non-figures",
        r.negative_hits, r.negatives
    );
    let _ = writeln!(
        s,
        "matched figures: qualifier agrees {}/{}; period given for {}/{} that have one",
        r.qualifier_agree, r.overall.tp, r.periods_given, r.periods_gold
    );
    s
}

/// The text around `span`, on its line, with the figure marked `[[…]]`:
/// enough to see the sentence it stands in.
pub fn context(text: &str, span: [usize; 2]) -> String {
    let [a, b] = span;
    if a > b
        || b > text.len()
        || !text.is_char_boundary(a)
        || !text.is_char_boundary(b)
    {
        return format!("<bad span {a}..{b}>");
    }
    let line_start = text[..a].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[b..].find('\n').map_or(text.len(), |i| b + i);
    let mut from = line_start.max(a.saturating_sub(100));
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let mut to = line_end.min(b + 80);
    while !text.is_char_boundary(to) {
        to += 1;
    }
    format!(
        "{}{}[[{}]]{}{}",
        if from > line_start { "…" } else { "" },
        &text[from..a],
        &text[a..b],
        &text[b..to],
        if to < line_end { "…" } else { "" }
    )
}

fn describe_gold(g: &GoldFigure) -> String {
    match g.kind {
        FigureKind::Range => {
            format!("range {:?}..{:?} {:?}", g.low, g.high, g.unit)
        }
        FigureKind::Ratio => format!("ratio {:?}/{:?}", g.value, g.total),
        FigureKind::FinancialYear => format!("financial_year {:?}", g.period),
        k => format!("{} {:?} {:?}", k.as_str(), g.value, g.unit),
    }
}

fn describe_pred(p: &Figure) -> String {
    match p.kind {
        FigureKind::Range => {
            format!("range {:?}..{:?} {:?}", p.low, p.high, p.unit)
        }
        FigureKind::Ratio => format!("ratio {:?}/{:?}", p.value, p.total),
        FigureKind::FinancialYear => format!("financial_year {:?}", p.period),
        k => format!("{} {:?} {:?}", k.as_str(), p.value, p.unit),
    }
}

/// Misses and false positives per document, each with its context; a
/// false positive overlapping a gold figure or a negative says which.
pub fn details(docs: &[Doc], r: &Report) -> String {
    let mut s = String::new();
    for (d, (_, preds, sc)) in docs.iter().zip(&r.docs) {
        if sc.missed.is_empty() && sc.false_positives.is_empty() {
            continue;
        }
        let _ = writeln!(
            s,
            "\n== {} ({} gold, {} predicted, {} matched)",
            d.name,
            d.figures.len(),
            preds.len(),
            sc.matches.len()
        );
        for &gi in &sc.missed {
            let (g, span) = &d.figures[gi];
            let _ = writeln!(
                s,
                "  MISS {}  {}",
                describe_gold(g),
                context(&d.text, *span)
            );
        }
        for &pi in &sc.false_positives {
            let p = &preds[pi];
            let mut why = String::new();
            if let Some((g, _)) =
                d.figures.iter().find(|(_, gs)| overlap(*gs, p.span) > 0)
            {
                let _ = write!(why, " (overlaps gold {})", describe_gold(g));
            }
            for &(_, ni) in sc.negative_hits.iter().filter(|(x, _)| *x == pi) {
                let _ = write!(why, " (NEGATIVE: {})", d.negatives[ni].0.why);
            }
            let _ = writeln!(
                s,
                "  FP   {}{}  {}",
                describe_pred(p),
                why,
                context(&d.text, p.span)
            );
        }
    }
    s
}

/// How far the overall F1 rests on a few texts: a 95% bootstrap
/// interval over texts (2,000 resamples of the texts with replacement,
/// from a fixed seed, so the same report gives the same interval), and
/// the share of all errors (misses plus false positives) held by the five
/// texts with most.
pub fn spread(r: &Report) -> String {
    let per: Vec<Counts> = r
        .docs
        .iter()
        .map(|(_, preds, s)| Counts {
            gold: s.matches.len() + s.missed.len(),
            pred: preds.len(),
            tp: s.matches.len(),
        })
        .collect();
    if per.is_empty() {
        return String::new();
    }
    // xorshift64*: a fixed sequence, no dependency.
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = |n: usize| {
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        (state.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 33) as usize % n
    };
    let mut f1s: Vec<f64> = (0..2000)
        .map(|_| {
            let mut c = Counts::default();
            for _ in 0..per.len() {
                let d = per[next(per.len())];
                c.gold += d.gold;
                c.pred += d.pred;
                c.tp += d.tp;
            }
            c.f1()
        })
        .collect();
    f1s.sort_by(f64::total_cmp);
    let mut errors: Vec<usize> =
        per.iter().map(|c| c.gold + c.pred - 2 * c.tp).collect();
    errors.sort_unstable_by(|a, b| b.cmp(a));
    let all: usize = errors.iter().sum();
    let top: usize = errors.iter().take(5).sum();
    format!(
        "F1 over texts: 95% bootstrap interval {:.3}-{:.3} ({} texts resampled \
         2,000 times); the 5 texts with most errors hold {top} of {all}\n",
        f1s[50],
        f1s[1949],
        per.len(),
    )
}
