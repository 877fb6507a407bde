//! The real bound-Hansard samples (written answers and the sibling
//! written statements) and the letter seed, parsed end to end.

mod common;

use wrans::{House, Kind, Record};

fn answer_text(r: &Record) -> &str {
    r.answer.as_ref().and_then(|a| a.text.as_deref()).unwrap_or("")
}

#[test]
fn commons_written_answers_html() {
    let Some(parsed) = common::parse_sample(
        "hansard_wa_html/lizconlan_commons_wa_2011-07-19_excerpt.html",
    ) else {
        return;
    };
    assert!(parsed.failure.is_none(), "{:?}", parsed.failure);
    assert_eq!(parsed.format, Some(wrans::Format::Hansard));
    let r = &parsed.records;
    assert_eq!(r.len(), 3);
    let uins: Vec<_> = r.iter().map(|r| r.uin.as_deref().unwrap()).collect();
    assert_eq!(uins, ["67391", "67110", "67046"]);
    let headings: Vec<_> =
        r.iter().map(|r| r.heading.as_deref().unwrap()).collect();
    assert_eq!(
        headings,
        ["Catering", "Smartphone Applications", "Animal Experiments: Scotland"]
    );
    let askers: Vec<_> = r
        .iter()
        .map(|r| {
            let a = r.question.as_ref().unwrap().asker.as_ref().unwrap();
            (a.printed.as_deref().unwrap(), a.name.as_deref().unwrap())
        })
        .collect();
    assert_eq!(
        askers,
        [
            ("Mr Leigh", "Leigh"),
            ("Priti Patel", "Priti Patel"),
            ("Mr Bain", "Bain")
        ]
    );
    let answerers: Vec<_> = r
        .iter()
        .map(|r| {
            let a = r.answer.as_ref().unwrap();
            a.answerer.as_ref().unwrap().name.as_deref().unwrap()
        })
        .collect();
    assert_eq!(answerers, ["John Thurso", "John Thurso", "Lynne Featherstone"]);
    let bodies: Vec<_> = r
        .iter()
        .map(|r| r.question.as_ref().unwrap().answering_body.as_deref())
        .collect();
    assert_eq!(
        bodies,
        [
            Some("House of Commons Commission"),
            Some("House of Commons Commission"),
            Some("Home Department")
        ]
    );
    for rec in r {
        let q = rec.question.as_ref().unwrap();
        let a = rec.answer.as_ref().unwrap();
        assert_eq!(rec.house, Some(House::Commons));
        assert_eq!(a.answered_on.as_deref(), Some("2011-07-19"));
        assert_eq!(q.tabled_on, None);
        assert!(a.grouped_with.is_empty());
        assert!(rec.warnings.is_empty(), "{:?}", rec.warnings);
        let qt = q.text.as_deref().unwrap();
        assert!(qt.starts_with("To ask "), "{qt}");
        assert!(!qt.contains('['), "UIN left in the text: {qt}");
        for t in [qt, answer_text(rec)] {
            assert!(!t.contains("773W"), "column marker in {t}");
            assert!(!t.contains("Column"), "column marker in {t}");
            assert!(!t.contains('<'), "markup in {t}");
        }
    }
    // The cross-reference to another answer's column is text, not a
    // column marker.
    let q1 = r[1].question.as_ref().unwrap().text.as_deref().unwrap();
    assert!(q1.contains("Official Report, column 824W, on smartphone"));
    // Italic list markers are kept as text.
    let q2 = r[2].question.as_ref().unwrap().text.as_deref().unwrap();
    assert!(q2.contains("as a (a) supplying establishment, (b) breeding"));
    assert!(answer_text(&r[2]).starts_with("As at 31 December 2010, there"));
    assert!(answer_text(&r[0]).ends_with("That is expected to be in September."));
}

#[test]
fn commons_written_statements_html_are_skipped() {
    let Some(parsed) = common::parse_sample(
        "written_statement/lizconlan_commons_wms_2011-07-19_excerpt.html",
    ) else {
        return;
    };
    assert_eq!(parsed.format, Some(wrans::Format::Hansard));
    assert!(parsed.failure.is_none(), "{:?}", parsed.failure);
    assert!(parsed.records.is_empty());
    assert_eq!(parsed.notes.len(), 1, "{:?}", parsed.notes);
    assert!(parsed.notes[0].contains("written ministerial statements"));
    assert!(parsed.notes[0].contains("lizconlan_commons_wms_2011-07-19_excerpt.html"));
}

#[test]
fn hansard_does_not_claim_other_samples() {
    let Some(dir) = common::samples_dir() else { return };
    for sub in [
        "parallelparliament",
        "oldparl_listing",
        "lords_business_text",
        "order_book_text",
    ] {
        let Ok(entries) = std::fs::read_dir(dir.join(sub)) else { continue };
        for e in entries.flatten() {
            let bytes = std::fs::read(e.path()).unwrap();
            let text = String::from_utf8_lossy(&bytes);
            let f = wrans::Format::detect("x", &text);
            assert_ne!(
                f,
                Some(wrans::Format::Hansard),
                "{} detected as hansard",
                e.path().display()
            );
        }
    }
}

#[test]
fn letter_seed() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/fixtures/letter/seed_003_barran.txt"
    );
    let bytes = std::fs::read(path).unwrap();
    let parsed = wrans::parse_bytes("seed_003_barran.txt", &bytes, None);
    assert!(parsed.failure.is_none(), "{:?}", parsed.failure);
    assert_eq!(parsed.format, Some(wrans::Format::Letter));
    let r = &parsed.records[0];
    assert_eq!(r.kind, Kind::Letter);
    let l = r.letter.as_ref().unwrap();
    assert_eq!(l.date.as_deref(), Some("2022-01-07"));
    assert_eq!(l.sender.name.as_deref(), Some("Baroness Barran"));
    assert_eq!(
        l.sender.role.as_deref(),
        Some("Parliamentary Under-Secretary of State for the School System")
    );
    assert_eq!(l.recipient.name.as_deref(), Some("Lord Watson of Invergowrie"));
    assert_eq!(l.salutation.as_deref(), Some("Dear Mike"));
    assert_eq!(l.sign_off.as_deref(), Some("Yours sincerely"));
    assert_eq!(l.phone.as_deref(), Some("0370 000 2288"));
    let body = l.body.as_deref().unwrap();
    assert!(body.starts_with("Following the Oral Statement repeat"));
    assert!(body.ends_with("I will place a copy in the House Libraries."));
    assert!(!body.contains("Sanctuary Buildings"));
    assert!(!body.contains("Yours sincerely"));
    assert!(!body.contains("BARONESS BARRAN"));
}
