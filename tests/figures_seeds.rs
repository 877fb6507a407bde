//! The figures of the seed documents in `corpus/`, read through the whole
//! pipeline (`wrans::parse_bytes`), as the issue lists them.

use std::path::PathBuf;

use wrans::{Figure, FigureKind, Qualifier};

/// The figures of the one record in the corpus file starting with
/// `prefix`.
fn figures(prefix: &str) -> (String, Vec<Figure>) {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let path = std::fs::read_dir(&dir)
        .expect("corpus/ exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(prefix))
        })
        .unwrap_or_else(|| panic!("no corpus file {prefix}*"));
    let bytes = std::fs::read(&path).expect("readable");
    let parsed = wrans::parse_bytes(&path.display().to_string(), &bytes, None);
    assert!(parsed.failure.is_none(), "{:?}", parsed.failure);
    assert_eq!(parsed.records.len(), 1);
    let r = parsed.records.into_iter().next().expect("one record");
    let text = r
        .answer
        .as_ref()
        .and_then(|a| a.text.clone())
        .or_else(|| r.letter.as_ref().and_then(|l| l.body.clone()))
        .expect("a text");
    for f in &r.figures {
        assert_eq!(&text[f.span[0]..f.span[1]], f.text, "span of {f:?}");
    }
    (text, r.figures)
}

/// The figure whose text is `text`.
fn find<'a>(figs: &'a [Figure], text: &str) -> &'a Figure {
    figs.iter()
        .find(|f| f.text == text)
        .unwrap_or_else(|| panic!("no figure {text:?} in {figs:#?}"))
}

/// No figure's text contains `needle`.
fn absent(figs: &[Figure], needle: &str) {
    assert!(
        !figs.iter().any(|f| f.text.contains(needle)),
        "{needle:?} should not be a figure: {figs:#?}"
    );
}

#[test]
fn seed_000() {
    let (_, f) = figures("000_");
    let m = find(&f, "£3 million");
    assert_eq!(
        (m.kind, m.value, m.unit.as_deref()),
        (FigureKind::Money, Some(3e6), Some("GBP"))
    );
    assert_eq!(m.period.as_deref(), Some("over the 3 years to March 2021"));
    assert!(m
        .sentence
        .starts_with("We are investing £3 million over the 3 years"));
    assert_eq!(m.field, "answer.text");

    let r = find(&f, "146 local authorities out of a total of 151");
    assert_eq!(
        (r.kind, r.value, r.total),
        (FigureKind::Ratio, Some(146.0), Some(151.0))
    );
    assert_eq!(r.unit.as_deref(), Some("local authorities"));

    let p = find(&f, "50%");
    assert_eq!(
        (p.kind, p.value, p.unit.as_deref()),
        (FigureKind::Percent, Some(50.0), Some("%"))
    );
    assert_eq!(p.period.as_deref(), Some("at the end of August 2020"));

    let pp = find(&f, "14 percentage points");
    assert_eq!(
        (pp.kind, pp.value, pp.unit.as_deref()),
        (FigureKind::PercentagePoints, Some(14.0), Some("pp"))
    );

    let c = find(&f, "80 authorities");
    assert_eq!(
        (c.kind, c.value, c.qualifier),
        (FigureKind::Count, Some(80.0), Some(Qualifier::MoreThan))
    );
    assert_eq!(c.unit.as_deref(), Some("authorities"));

    let b = find(&f, "£3.2 billion");
    assert_eq!((b.kind, b.value), (FigureKind::Money, Some(3.2e9)));
    let o = find(&f, "£5 billion");
    assert_eq!((o.value, o.qualifier), (Some(5e9), Some(Qualifier::MoreThan)));
    assert_eq!(o.period.as_deref(), Some("during March and April 2020"));
    assert_eq!(find(&f, "£500 million").value, Some(5e8));
    assert_eq!(find(&f, "£4.3 billion").value, Some(4.3e9));

    let d = find(&f, "2 years");
    assert_eq!(
        (d.kind, d.unit.as_deref()),
        (FigureKind::Duration, Some("years"))
    );
    let l = find(&f, "10%");
    assert_eq!(
        (l.qualifier, l.period.as_deref()),
        (Some(Qualifier::LessThan), Some("by 2022"))
    );

    for n in ["2017", "2019", "2022", "2020", "COVID", "2 July"] {
        absent(&f, n);
    }
}

#[test]
fn seed_002() {
    let (_, f) = figures("002_");
    let a = find(&f, "£410 million");
    assert_eq!(
        (a.kind, a.value, a.period.as_deref()),
        (FigureKind::Money, Some(4.1e8), Some("this year"))
    );
    let b = find(&f, "£84 million");
    assert_eq!(b.period.as_deref(), Some("over 5 years"));
    let c = find(&f, "46 local authorities");
    assert_eq!(
        (c.kind, c.value, c.unit.as_deref()),
        (FigureKind::Count, Some(46.0), Some("local authorities"))
    );
    assert_eq!(c.period.as_deref(), Some("since May 2010"));
    let ch = find(&f, "from 30 to 19");
    assert_eq!(
        (ch.kind, ch.from, ch.to, ch.value),
        (FigureKind::Change, Some(30.0), Some(19.0), Some(-11.0))
    );
    assert_eq!(ch.period.as_deref(), Some("since July 2017"));
    let l = find(&f, "10%");
    assert_eq!(
        (l.kind, l.qualifier),
        (FigureKind::Percent, Some(Qualifier::LessThan))
    );
    assert_eq!(find(&f, "£20 million").value, Some(2e7));
    let m = find(&f, "70 local authorities");
    assert_eq!(
        (m.value, m.qualifier),
        (Some(70.0), Some(Qualifier::MoreThan))
    );
    for n in ["2018", "2022", "2017", "2010"] {
        absent(&f, n);
    }
    // Nothing else: five money/percent/count figures, one change, two
    // durations: "5 years", which is also £84 million's period (reported
    // as financial years are), and "within 5 years".
    let kinds: Vec<FigureKind> = f.iter().map(|f| f.kind).collect();
    assert_eq!(
        kinds,
        [
            FigureKind::Money,
            FigureKind::Money,
            FigureKind::Duration,
            FigureKind::Count,
            FigureKind::Change,
            FigureKind::Percent,
            FigureKind::Duration,
            FigureKind::Money,
            FigureKind::Count
        ]
    );
}

#[test]
fn seed_001() {
    let (_, f) = figures("001_");
    let c = find(&f, "increased by over £3 billion");
    assert_eq!(
        (c.kind, c.value, c.qualifier),
        (FigureKind::Change, Some(3e9), Some(Qualifier::MoreThan))
    );
    assert_eq!(c.period.as_deref(), Some("since financial year 2012-13"));
    let fy = find(&f, "2021-22");
    assert_eq!(
        (fy.kind, fy.value, fy.period.as_deref()),
        (FigureKind::FinancialYear, None, Some("2021-22"))
    );
    let d = find(&f, "5,500 days");
    assert_eq!(
        (d.kind, d.value, d.unit.as_deref(), d.qualifier),
        (
            FigureKind::Count,
            Some(5500.0),
            Some("days"),
            Some(Qualifier::Approx)
        )
    );
    assert_eq!(
        find(&f, "£5.7 million").period.as_deref(),
        Some("in this financial year, 2021-22")
    );
    absent(&f, "July 2021");
}

#[test]
fn seed_003_letter() {
    let (_, f) = figures("003_");
    assert_eq!(find(&f, "two").value, Some(2.0));
    let e = find(&f, "eight local authorities");
    assert_eq!(
        (e.value, e.unit.as_deref()),
        (Some(8.0), Some("local authorities"))
    );
    let ch = find(&f, "from 30 in April 2017 to 19");
    assert_eq!(
        (ch.from, ch.to, ch.value),
        (Some(30.0), Some(19.0), Some(-11.0))
    );
    let i = find(&f, "increased by 16");
    assert_eq!((i.kind, i.value), (FigureKind::Change, Some(16.0)));
    assert_eq!(find(&f, "£24m").value, Some(24e6));
    assert_eq!(find(&f, "10%").qualifier, Some(Qualifier::AtMost));
    assert_eq!(f[0].field, "letter.body");
    absent(&f, "6 December");
}

#[test]
fn seed_004_no_figures_from_references() {
    let (_, f) = figures("004_");
    for n in ["497", "1996", "554573", "2021"] {
        absent(&f, n);
    }
}
