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
        [
            "Catering",
            "Smartphone Applications",
            "Animal Experiments: Scotland"
        ]
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
    assert_eq!(
        answerers,
        ["John Thurso", "John Thurso", "Lynne Featherstone"]
    );
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
    assert!(
        answer_text(&r[0]).ends_with("That is expected to be in September.")
    );
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
    assert!(parsed.notes[0]
        .contains("lizconlan_commons_wms_2011-07-19_excerpt.html"));
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
    assert_eq!(
        l.recipient.name.as_deref(),
        Some("Lord Watson of Invergowrie")
    );
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

/// Parses a fixture file with its format detected.
fn fixture(rel: &str) -> wrans::Parsed {
    let path = format!("{}/fixtures/{rel}", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    wrans::parse_bytes(rel, &bytes, None)
}

fn letter(rel: &str) -> (wrans::Letter, Vec<String>) {
    let p = fixture(rel);
    assert_eq!(p.format, Some(wrans::Format::Letter), "{rel}");
    assert!(p.failure.is_none(), "{rel}: {:?}", p.failure);
    let r = p.records.into_iter().next().expect("one letter");
    (r.letter.expect("a letter"), r.warnings)
}

#[test]
fn letter_recipient_block_first_with_reference_and_subject() {
    let (l, w) = letter("letter/handwritten_recipient_first.txt");
    assert_eq!(l.recipient.name.as_deref(), Some("Robert Halfon"));
    assert_eq!(
        l.recipient.role.as_deref(),
        Some("Chair, Education Committee")
    );
    assert_eq!(l.sender.name.as_deref(), Some("Nick Gibb"));
    assert_eq!(
        l.sender.role.as_deref(),
        Some("Minister of State for School Standards")
    );
    assert_eq!(
        l.sender.organisation.as_deref(),
        Some("Department for Education")
    );
    assert_eq!(l.reference.as_deref(), Some("2020-0045871"));
    assert_eq!(
        l.subject.as_deref(),
        Some("Catch-up funding for disadvantaged pupils")
    );
    assert_eq!(l.date.as_deref(), Some("2020-10-14"));
    assert!(l.body.unwrap().starts_with("Thank you for your letter"));
    assert!(w.is_empty(), "{w:?}");
}

#[test]
fn letter_us_date_and_web_address() {
    let (l, _) = letter("letter/handwritten_us_date.txt");
    assert_eq!(l.date.as_deref(), Some("2022-01-07"));
    assert_eq!(l.sender.name.as_deref(), Some("Lord Wolfson of Tredegar"));
    assert_eq!(l.sender.organisation.as_deref(), Some("Ministry of Justice"));
    assert_eq!(l.recipient.name.as_deref(), Some("Baroness Morvah"));
    // A web address is not an email (docs/decisions.md).
    assert_eq!(l.email, None);
}

#[test]
fn letter_flattened_by_ocr() {
    let (l, w) = letter("letter/handwritten_flattened_ocr.txt");
    assert_eq!(l.salutation.as_deref(), Some("Dear Ms Smith"));
    assert_eq!(l.sign_off.as_deref(), Some("Yours sincerely"));
    assert_eq!(l.date.as_deref(), Some("2022-03-12"));
    assert_eq!(l.sender.name.as_deref(), Some("Baroness Barran"));
    assert_eq!(l.recipient.name.as_deref(), Some("Jane Smith"));
    assert_eq!(l.reference.as_deref(), Some("2022-0012345"));
    assert_eq!(l.phone.as_deref(), Some("0370 000 2288"));
    let body = l.body.unwrap();
    assert!(body.contains("I am grateful") && !body.contains('|'), "{body}");
    assert!(!body.contains("Yours sincerely"));
    assert!(w.iter().any(|w| w.contains("no line breaks")), "{w:?}");
    assert!(w.iter().any(|w| w.contains("OCR")), "{w:?}");
}

#[test]
fn letter_yours_faithfully_with_email() {
    let (l, w) = letter("letter/handwritten_faithfully_email.txt");
    assert_eq!(l.sign_off.as_deref(), Some("Yours faithfully"));
    assert_eq!(l.salutation.as_deref(), Some("Dear Sir"));
    assert_eq!(l.sender.name.as_deref(), Some("Sarah Thompson"));
    assert_eq!(l.sender.organisation.as_deref(), Some("HM Treasury"));
    assert_eq!(l.email.as_deref(), Some("public.enquiries@hmtreasury.gov.uk"));
    assert_eq!(l.recipient.name.as_deref(), Some("D Jones"));
    assert_eq!(
        l.address.as_deref(),
        Some("1 Horse Guards Road, London, SW1A 2HQ")
    );
    assert!(w.is_empty(), "{w:?}");
}

#[test]
fn letter_title_line_and_page_break() {
    let (l, w) = letter("letter/handwritten_title_pages.txt");
    assert_eq!(
        l.subject.as_deref(),
        Some("CONSULAR SUPPORT FOR BRITISH NATIONALS")
    );
    assert_eq!(l.date.as_deref(), Some("2022-01-07"));
    let body = l.body.unwrap();
    assert!(body.contains("in 2021, and responded to 95%"), "{body}");
    assert_eq!(w.len(), 2, "{w:?}");
}

#[test]
fn hansard_lords_text() {
    let p = fixture("hansard/handwritten_lords_2011_text.txt");
    assert_eq!(p.format, Some(wrans::Format::Hansard));
    let r = &p.records;
    let uins: Vec<_> = r.iter().map(|r| r.uin.as_deref().unwrap()).collect();
    assert_eq!(uins, ["HL9224", "HL9180", "HL9301", "HL9302"]);
    assert!(r.iter().all(|r| r.house == Some(House::Lords)));
    let a = r[0].answer.as_ref().unwrap();
    let who = a.answerer.as_ref().unwrap();
    assert_eq!(who.name.as_deref(), Some("Lord McNally"));
    assert_eq!(
        who.role.as_deref(),
        Some("Minister of State, Ministry of Justice")
    );
    assert_eq!(a.answered_on.as_deref(), Some("2011-06-06"));
    let q = r[0].question.as_ref().unwrap();
    assert_eq!(
        q.asker.as_ref().unwrap().name.as_deref(),
        Some("Lord Pendeen")
    );
    assert!(q.text.as_deref().unwrap().ends_with("courts in Cornwall."));
    // A paragraph cut by a column marker is whole again.
    assert!(answer_text(&r[1]).contains("made up around two-thirds"));
    // Two questions, one answer.
    assert_eq!(r[2].answer.as_ref().unwrap().grouped_with, ["HL9302"]);
    assert_eq!(r[3].answer.as_ref().unwrap().grouped_with, ["HL9301"]);
    assert_eq!(answer_text(&r[2]), answer_text(&r[3]));
}

#[test]
fn hansard_historic_section_marks() {
    let p = fixture("hansard/handwritten_historic_1994.txt");
    let r = &p.records;
    assert_eq!(r.len(), 3);
    let q = r[0].question.as_ref().unwrap();
    assert_eq!(q.asker.as_ref().unwrap().name.as_deref(), Some("Primarolo"));
    assert!(q.text.as_deref().unwrap().starts_with("To ask the Secretary"));
    let a = r[0].answer.as_ref().unwrap();
    assert_eq!(
        a.answerer.as_ref().unwrap().name.as_deref(),
        Some("Sackville")
    );
    assert_eq!(a.answered_on.as_deref(), Some("1994-05-26"));
    assert!(answer_text(&r[0]).starts_with("These are local matters"));
    let q = r[1].question.as_ref().unwrap();
    assert_eq!(q.asker.as_ref().unwrap().name.as_deref(), Some("Rooker"));
    assert_eq!(
        r[1].answer.as_ref().unwrap().answered_on.as_deref(),
        Some("1977-06-21")
    );
    assert!(answer_text(&r[2]).starts_with("I would refer"));
    assert!(r
        .iter()
        .all(|r| r.house == Some(House::Commons) && r.uin.is_none()));
}

#[test]
fn hansard_grouped_and_holding_answers() {
    let p = fixture("hansard/handwritten_commons_1995_grouped.txt");
    let r = &p.records;
    let uins: Vec<_> = r.iter().map(|r| r.uin.as_deref().unwrap()).collect();
    assert_eq!(uins, ["18925", "18921", "19010", "19044", "19102"]);
    // A question in numbered parts: one record per UIN.
    assert_eq!(r[0].answer.as_ref().unwrap().grouped_with, ["18921"]);
    assert!(r[1]
        .question
        .as_ref()
        .unwrap()
        .text
        .as_deref()
        .unwrap()
        .starts_with("To ask the Secretary of State for Health what is the total expenditure"));
    // Two members' questions answered together, after a holding answer.
    let a = r[2].answer.as_ref().unwrap();
    assert_eq!(a.grouped_with, ["19044"]);
    assert_eq!(a.holding_answered_on.as_deref(), Some("1995-04-18"));
    assert!(answer_text(&r[2]).contains("figures by region are as follows:\n\nRegion | 1993 | 1994\nNorth West"));
    assert_eq!(
        r[0].question.as_ref().unwrap().answering_body.as_deref(),
        Some("Health")
    );
    assert_eq!(r[4].heading.as_deref(), Some("Orthopaedic Surgery"));
}

/// Every prefix of the fixtures (cut every few bytes, as a truncated
/// download would be) parses without panicking, as either format.
#[test]
fn truncated_inputs_never_panic() {
    let dir = format!("{}/fixtures", env!("CARGO_MANIFEST_DIR"));
    for sub in ["hansard", "letter"] {
        for e in std::fs::read_dir(format!("{dir}/{sub}")).unwrap().flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            if name.ends_with(".json") {
                continue;
            }
            let bytes = std::fs::read(e.path()).unwrap();
            for cut in (0..bytes.len()).step_by(53) {
                for f in [wrans::Format::Hansard, wrans::Format::Letter] {
                    let _ = wrans::parse_bytes(&name, &bytes[..cut], Some(f));
                }
            }
        }
    }
    // Odd shapes.
    let long = "To ask ".repeat(200_000);
    for text in [
        "",
        "§",
        "§ ",
        "§ 1.",
        "[HL]",
        "Dear ,\nYours sincerely,",
        "Dear X,\n\nYours sincerely,\n\n| am",
        "Dear X,\n\nYours sincerely,\n\nA handwritten signature “X” JANE",
        "Dear X, hi. Yours sincerely, A handwritten signature reads “Jo”",
        "<p><b>",
        "<table><table></table>",
        "Mr X: To ask [1] (2) [2] (3)",
        "19 July 2011 : Column 773W 774W 775W WA 776",
        long.as_str(),
    ] {
        for f in [wrans::Format::Hansard, wrans::Format::Letter] {
            let _ = wrans::parse_bytes("x", text.as_bytes(), Some(f));
        }
        let _ = wrans::parse_bytes("x", text.as_bytes(), None);
    }
}

#[test]
fn hansard_statements_and_corrections_sections_are_skipped() {
    let p = fixture("hansard/handwritten_lords_statements_and_answers.txt");
    assert!(p.failure.is_none(), "{:?}", p.failure);
    assert_eq!(p.records.len(), 1);
    assert_eq!(p.records[0].uin.as_deref(), Some("HL9224"));
    assert!(answer_text(&p.records[0]).ends_with("applies to Cornwall."));
    assert_eq!(p.notes.len(), 1, "{:?}", p.notes);
    assert!(p.notes[0].contains("skipped 1 written ministerial statement"));
}
