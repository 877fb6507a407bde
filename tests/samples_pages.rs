//! The real web-page samples (parallelparliament listings, the old
//! parliament.uk listing, Lords Business and the Commons Order Book),
//! parsed with their format detected: record counts in page order and the
//! key fields of each record.

mod common;

use wrans::{Format, House, Person, Record};

/// Parses a sample; `None` (the test is skipped loudly) when the samples
/// are absent.
fn sample(rel: &str, format: Format) -> Option<Vec<Record>> {
    let parsed = common::parse_sample(rel)?;
    assert!(parsed.failure.is_none(), "{rel}: {:?}", parsed.failure);
    assert_eq!(parsed.format, Some(format), "{rel}: detected format");
    for (i, r) in parsed.records.iter().enumerate() {
        assert_eq!(r.source.index, i, "{rel}: source.index in page order");
        assert_eq!(r.source.format, format);
        check_clean(rel, r);
    }
    Some(parsed.records)
}

/// Text that is page furniture or tooltip text, never a field's content.
const FURNITURE: [&str; 9] = [
    "Named Day",
    "Close",
    "Expand all answers",
    "To match an exact phrase",
    "Item text truncated",
    "Keep yourself up-to-date",
    "Registered Interest",
    "Results per page",
    "Print selected",
];

fn check_clean(rel: &str, r: &Record) {
    let q = r.question.as_ref();
    let a = r.answer.as_ref();
    let texts = [
        r.heading.as_deref(),
        q.and_then(|q| q.text.as_deref()),
        q.and_then(|q| q.answering_body.as_deref()),
        a.and_then(|a| a.text.as_deref()),
    ];
    for t in texts.into_iter().flatten() {
        for f in FURNITURE {
            assert!(!t.contains(f), "{rel}: {f:?} reached a field: {t:?}");
        }
    }
    let people = [
        q.and_then(|q| q.asker.as_ref()),
        a.and_then(|a| a.answerer.as_ref()),
    ];
    for p in people.into_iter().flatten() {
        let Some(name) = p.name.as_deref() else { continue };
        for bad in [
            "Portrait",
            "Dr ",
            "Mr ",
            "Mrs ",
            "Sir ",
            "Dame ",
            "Close",
            "Named Day",
            "(",
            ")",
        ] {
            assert!(!name.contains(bad), "{rel}: name {name:?} holds {bad:?}");
        }
        for bad in ["Asked by", "Answered by"] {
            assert!(!name.contains(bad), "{rel}: name {name:?} holds {bad:?}");
        }
    }
}

fn asker(r: &Record) -> &Person {
    r.question.as_ref().and_then(|q| q.asker.as_ref()).expect("an asker")
}

fn answerer(r: &Record) -> &Person {
    r.answer.as_ref().and_then(|a| a.answerer.as_ref()).expect("an answerer")
}

fn qtext(r: &Record) -> &str {
    r.question.as_ref().and_then(|q| q.text.as_deref()).unwrap_or("")
}

fn atext(r: &Record) -> &str {
    r.answer.as_ref().and_then(|a| a.text.as_deref()).unwrap_or("")
}

fn body(r: &Record) -> Option<&str> {
    r.question.as_ref().and_then(|q| q.answering_body.as_deref())
}

fn tabled(r: &Record) -> Option<&str> {
    r.question.as_ref().and_then(|q| q.tabled_on.as_deref())
}

fn answered(r: &Record) -> Option<&str> {
    r.answer.as_ref().and_then(|a| a.answered_on.as_deref())
}

fn q_truncated(r: &Record) -> bool {
    r.question.as_ref().is_some_and(|q| q.truncated)
}

fn a_truncated(r: &Record) -> bool {
    r.answer.as_ref().is_some_and(|a| a.truncated)
}

fn named_day(r: &Record) -> Option<bool> {
    r.question.as_ref().and_then(|q| q.named_day)
}

fn interest(r: &Record) -> Option<bool> {
    r.question.as_ref().and_then(|q| q.registered_interest)
}

fn cut_warning(r: &Record) -> bool {
    r.warnings.iter().any(|w| w.contains("page ends inside this record"))
}

// ---------------------------------------------------------------- pp

#[test]
fn pp_cross_department_answerer() {
    let Some(rs) = sample(
        "parallelparliament/pp_mp_jim_shannon_2024_cross_dept_answerer.txt",
        Format::ParallelParliament,
    ) else {
        return;
    };
    assert_eq!(rs.len(), 2);
    let r = &rs[0];
    assert_eq!(r.heading.as_deref(), Some("Public Sector: Northern Ireland"));
    assert_eq!(r.house, Some(House::Commons));
    assert_eq!(r.uin, None);
    let p = asker(r);
    assert_eq!(p.name.as_deref(), Some("Jim Shannon"));
    assert_eq!(p.party.as_deref(), Some("Democratic Unionist Party"));
    assert_eq!(p.constituency.as_deref(), Some("Strangford"));
    assert_eq!(body(r), Some("HM Treasury"));
    assert_eq!(tabled(r), None);
    assert_eq!(answered(r), Some("2024-03-19"));
    assert_eq!(answerer(r).name.as_deref(), Some("Laura Trott"));
    assert_eq!(
        answerer(r).role.as_deref(),
        Some("Chief Secretary to the Treasury")
    );
    assert!(atext(r).starts_with("The UK Government is providing"));
    assert!(atext(r).ends_with("against other priorities."));
    assert!(atext(r).contains("£846 million"));
    assert!(!q_truncated(r) && !a_truncated(r));
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);

    let r = &rs[1];
    assert_eq!(r.heading.as_deref(), Some("Cot Deaths"));
    assert_eq!(body(r), Some("Department of Health and Social Care"));
    assert_eq!(answered(r), Some("2024-03-18"));
    assert_eq!(answerer(r).name.as_deref(), Some("Maria Caulfield"));
    assert_eq!(
        answerer(r).role.as_deref(),
        Some(
            "Parliamentary Under Secretary of State (Department for Business \
             and Trade) (Minister for Women)"
        )
    );
    assert!(a_truncated(r) && !q_truncated(r));
    assert!(atext(r).ends_with("during the early days"));
    assert!(cut_warning(r));
}

#[test]
fn pp_ampersand_department_and_cut_question() {
    let Some(rs) = sample(
        "parallelparliament/pp_mp_jim_shannon_dcms_2022_ampersand_dept.txt",
        Format::ParallelParliament,
    ) else {
        return;
    };
    assert_eq!(rs.len(), 2);
    let r = &rs[0];
    assert_eq!(r.heading.as_deref(), Some("Football: Ukraine"));
    assert_eq!(
        body(r),
        Some("Department for Digital, Culture, Media & Sport")
    );
    assert_eq!(answered(r), Some("2022-11-01"));
    assert_eq!(answerer(r).name.as_deref(), Some("Stuart Andrew"));
    assert_eq!(
        answerer(r).role.as_deref(),
        Some("Parliamentary Under Secretary of State (Department for Culture, Media and Sport)")
    );
    assert_eq!(atext(r).matches("\n\n").count(), 1, "two paragraphs");

    let r = &rs[1];
    assert_eq!(r.heading.as_deref(), Some("TikTok: Data Protection"));
    assert!(q_truncated(r));
    assert!(qtext(r).ends_with("in respect of the proce"));
    assert!(cut_warning(r));
    // The page ends before the answer: the listing's date (an answer date)
    // is kept on a truncated answer with no text (issue 10).
    let a = r.answer.as_ref().expect("answer with the listing's date");
    assert_eq!(a.answered_on.as_deref(), Some("2022-10-24"));
    assert!(a.truncated && a.text.is_none() && a.answerer.is_none());
    assert_eq!(tabled(r), None);
}

#[test]
fn pp_url_in_answer_and_cut_heading() {
    let Some(rs) = sample(
        "parallelparliament/pp_mp_jim_shannon_defra_2024_url_in_answer.txt",
        Format::ParallelParliament,
    ) else {
        return;
    };
    assert_eq!(rs.len(), 3);
    assert_eq!(
        rs[0].heading.as_deref(),
        Some("Fisheries: Government Assistance")
    );
    assert_eq!(answered(&rs[0]), Some("2024-07-25"));
    assert_eq!(answerer(&rs[0]).name.as_deref(), Some("Daniel Zeichner"));
    assert_eq!(
        answerer(&rs[0]).role.as_deref(),
        Some("Minister of State (Department for Environment, Food and Rural Affairs)")
    );
    let r = &rs[1];
    assert_eq!(r.heading.as_deref(), Some("Fly-tipping"));
    assert_eq!(answered(r), Some("2024-07-23"));
    assert_eq!(answerer(r).name.as_deref(), Some("Emma Hardy"));
    assert_eq!(
        answerer(r).role.as_deref(),
        Some("Parliamentary Under-Secretary (Department for Environment, Food and Rural Affairs)")
    );
    assert!(atext(r).contains(
        "https://www.gov.uk/government/statistical-data-sets/env24-fly-tipping-incidents-and-actions-taken-in-england."
    ));
    assert!(atext(r).ends_with("later this year."));
    assert!(!a_truncated(r));
    // The page ends in the third record's heading.
    let r = &rs[2];
    assert_eq!(r.heading.as_deref(), Some("Flood Contro"));
    assert!(q_truncated(r));
    assert!(r
        .question
        .as_ref()
        .is_some_and(|q| q.text.is_none() && q.asker.is_none()));
    assert!(r.answer.is_none());
    assert!(cut_warning(r));
}

// ---------------------------------------------------------------- parliament_page

#[test]
fn oldparl_named_day() {
    let Some(rs) = sample(
        "oldparl_listing/oldparl_uin146110_2019_namedday.txt",
        Format::ParliamentPage,
    ) else {
        return;
    };
    assert_eq!(rs.len(), 2);
    let r = &rs[0];
    assert_eq!(r.house, Some(House::Commons));
    // The page shows no UIN of its own: the one in the URL is not taken.
    assert_eq!(r.uin, None);
    assert_eq!(r.heading.as_deref(), Some("Trade Agreements: China"));
    assert_eq!(asker(r).name.as_deref(), Some("Scott Mann"));
    assert_eq!(asker(r).constituency.as_deref(), Some("North Cornwall"));
    assert_eq!(body(r), Some("Department for International Trade"));
    assert_eq!(tabled(r), Some("2019-04-11"));
    assert_eq!(answered(r), Some("2019-04-25"));
    assert_eq!(answerer(r).name.as_deref(), Some("George Hollingbery"));
    assert_eq!(named_day(r), Some(false));
    assert_eq!(interest(r), Some(false));
    assert!(atext(r).ends_with("Canada and China."));
    assert!(!a_truncated(r));

    let r = &rs[1];
    assert_eq!(asker(r).name.as_deref(), Some("Ruth Smeeth"));
    assert_eq!(asker(r).constituency.as_deref(), Some("Stoke-on-Trent North"));
    assert_eq!(named_day(r), Some(true));
    assert_eq!(r.heading.as_deref(), Some("Ceramics: USA"));
    assert!(qtext(r)
        .starts_with("To ask the Secretary of State for International Trade"));
    assert_eq!(atext(r), "The UK is working close");
    assert!(a_truncated(r));
    assert!(cut_warning(r));
}

#[test]
fn oldparl_no_asker_name_and_oral_style() {
    let Some(rs) = sample(
        "oldparl_listing/oldparl_member4683_2019_oral_style_no_to_ask.txt",
        Format::ParliamentPage,
    ) else {
        return;
    };
    assert_eq!(rs.len(), 2);
    let r = &rs[0];
    assert_eq!(asker(r).name, None);
    assert_eq!(asker(r).constituency.as_deref(), Some("Kensington"));
    assert_eq!(named_day(r), Some(true));
    assert_eq!(
        qtext(r),
        "What his policy is on the provision of legal aid for inquests."
    );
    assert_eq!(
        r.question.as_ref().and_then(|q| q.addressed_to.as_deref()),
        None
    );
    assert_eq!(r.house, Some(House::Commons));
    assert_eq!(body(r), Some("Ministry of Justice"));
    assert_eq!(r.heading.as_deref(), Some("Coroners"));
    assert_eq!(tabled(r), Some("2019-04-23"));
    assert_eq!(answered(r), Some("2019-04-23"));
    assert_eq!(answerer(r).name.as_deref(), Some("Lucy Frazer"));
    assert_eq!(atext(r).matches("\n\n").count(), 2, "three paragraphs");

    let r = &rs[1];
    assert_eq!(named_day(r), Some(false));
    assert_eq!(body(r), Some("Cabinet Office"));
    assert_eq!(r.heading.as_deref(), Some("Grenfell Tower Inquiry"));
    assert!(q_truncated(r));
    assert!(r.answer.is_none());
    assert!(cut_warning(r));
}

#[test]
fn oldparl_lords_items_without_q() {
    let Some(rs) = sample(
        "oldparl_listing/oldparl_page4_2020_lords_no_asker_no_Q.txt",
        Format::ParliamentPage,
    ) else {
        return;
    };
    assert_eq!(rs.len(), 2);
    for r in &rs {
        assert_eq!(r.house, Some(House::Lords));
        assert!(r.question.as_ref().is_some_and(|q| q.asker.is_none()));
        assert_eq!(tabled(r), Some("2020-05-21"));
        assert_eq!(answered(r), Some("2020-06-05"));
    }
    assert_eq!(body(&rs[0]), Some("Women and Equalities"));
    assert_eq!(rs[0].heading.as_deref(), Some("Gender Recognition"));
    assert_eq!(answerer(&rs[0]).name.as_deref(), Some("Baroness Berridge"));
    assert!(!a_truncated(&rs[0]));
    assert_eq!(body(&rs[1]), Some("Cabinet Office"));
    assert_eq!(rs[1].heading.as_deref(), Some("Ministers of State: Conduct"));
    assert_eq!(answerer(&rs[1]).name.as_deref(), Some("Lord True"));
    assert!(a_truncated(&rs[1]));
}

#[test]
fn oldparl_grouped_and_pursuant() {
    let Some(rs) = sample(
        "oldparl_listing/oldparl_front_2019_grouped_pipe_pursuant.txt",
        Format::ParliamentPage,
    ) else {
        return;
    };
    assert_eq!(rs.len(), 2);
    let r = &rs[0];
    assert_eq!(asker(r).name.as_deref(), Some("David Drew"));
    assert_eq!(asker(r).printed.as_deref(), Some("Dr David Drew"));
    assert_eq!(asker(r).constituency.as_deref(), Some("Stroud"));
    // "Question 250740" in the text is another question's number.
    assert_eq!(r.uin, None);
    assert!(qtext(r)
        .contains("pursuant to the Answer of 15 May 2019 to Question 250740"));
    let a = r.answer.as_ref().expect("an answer");
    assert_eq!(a.grouped_with, ["255265", "255266"]);
    assert!(atext(r).ends_with("www.bregroup.com."));
    assert!(!atext(r).contains("Grouped"));
    assert_eq!(answerer(r).name.as_deref(), Some("Chris Skidmore"));
    assert_eq!(answered(r), Some("2019-05-24"));

    let r = &rs[1];
    assert!(q_truncated(r));
    assert_eq!(tabled(r), Some("2019-05-16"));
    assert!(cut_warning(r));
}

// ---------------------------------------------------------------- order_paper

#[test]
fn lords_business_further_to_hl() {
    let Some(rs) = sample(
        "lords_business_text/lords_business_wq_2018-03-28_further_to_HL.txt",
        Format::OrderPaper,
    ) else {
        return;
    };
    let uins: Vec<Option<&str>> =
        rs.iter().map(|r| r.uin.as_deref()).collect();
    assert_eq!(
        uins,
        [
            Some("HL6675"),
            Some("HL6676"),
            Some("HL6677"),
            Some("HL6678"),
            Some("HL6679"),
            Some("HL6680"),
            None
        ]
    );
    for r in &rs {
        assert_eq!(r.house, Some(House::Lords));
        assert!(r.answer.is_none());
        assert_eq!(tabled(r), Some("2018-03-27"));
        assert!(qtext(r).starts_with("To ask Her Majesty's Government"));
        assert!(!qtext(r).contains("HL66"));
        assert!(!qtext(r).contains("Answered"));
    }
    assert_eq!(rs[0].id, "lords/2018-03-27/HL6675");
    assert_eq!(asker(&rs[0]).name.as_deref(), Some("Lord Alton of Liverpool"));
    assert!(qtext(&rs[0]).contains("(HL6283)"));
    assert!(qtext(&rs[1]).ends_with("(LJ (1996–97) 404)."));
    assert_eq!(asker(&rs[4]).name.as_deref(), Some("Lord Black of Brentwood"));
    let last = &rs[6];
    assert_eq!(asker(last).name.as_deref(), Some("Lord Bradshaw"));
    assert!(q_truncated(last));
    assert!(cut_warning(last));
}

/// A Lords Business paper whose heading was damaged (here: gone, with
/// the first item) is still read from its items, dated by nothing, with a
/// warning on each.
#[test]
fn lords_business_without_its_heading() {
    let Some(dir) = common::samples_dir() else { return };
    let rel =
        "lords_business_text/lords_business_wq_2018-03-28_further_to_HL.txt";
    let text = std::fs::read_to_string(dir.join(rel)).expect("sample");
    let from = text.find("Questions for Written Answer").expect("heading");
    let to = text.find("Answered").expect("first status");
    let cut = format!("{}{}", &text[..from], &text[to..]);
    let p = wrans::parse_bytes("lords.txt", cut.as_bytes(), None);
    assert_eq!(p.format, Some(Format::OrderPaper), "{:?}", p.failure);
    let uins: Vec<Option<&str>> =
        p.records.iter().map(|r| r.uin.as_deref()).collect();
    assert_eq!(
        uins,
        [
            Some("HL6676"),
            Some("HL6677"),
            Some("HL6678"),
            Some("HL6679"),
            Some("HL6680"),
            None
        ]
    );
    for r in &p.records {
        assert_eq!(r.house, Some(House::Lords));
        assert_eq!(tabled(r), None);
        assert!(r
            .warnings
            .iter()
            .any(|w| w.contains("heading (damaged or cut off)")));
    }
}

#[test]
fn lords_business_site_truncated_item() {
    let Some(rs) = sample(
        "lords_business_text/lords_business_wq_2023-02-21_truncated_item_no_uin.txt",
        Format::OrderPaper,
    ) else {
        return;
    };
    assert_eq!(rs.len(), 6);
    let uins: Vec<Option<&str>> =
        rs.iter().map(|r| r.uin.as_deref()).collect();
    assert_eq!(
        uins,
        [
            Some("HL5635"),
            Some("HL5636"),
            Some("HL5637"),
            None,
            Some("HL5639"),
            None
        ]
    );
    let r = &rs[3];
    assert_eq!(asker(r).name.as_deref(), Some("Lord Birt"));
    assert!(q_truncated(r));
    assert!(qtext(r).contains("Brandão"));
    assert!(qtext(r).ends_with("for the treatm"));
    assert!(r.warnings.iter().any(|w| w.contains("cut")));
    assert!(qtext(&rs[0]).starts_with("To ask His Majesty's Government"));
    assert_eq!(tabled(&rs[0]), Some("2023-02-20"));
    assert!(!q_truncated(&rs[4]));
    assert!(q_truncated(&rs[5]));
    assert!(rs.iter().all(|r| r.answer.is_none()));
}

#[test]
fn commons_order_book() {
    let Some(rs) = sample(
        "order_book_text/commons_order_book_wq_1998-02-02.txt",
        Format::OrderPaper,
    ) else {
        return;
    };
    assert_eq!(rs.len(), 3);
    let uins: Vec<Option<&str>> =
        rs.iter().map(|r| r.uin.as_deref()).collect();
    assert_eq!(uins, [Some("26396"), Some("27045"), None]);
    for r in &rs {
        assert_eq!(r.house, Some(House::Commons));
        assert!(r.answer.is_none());
        assert_eq!(tabled(r), None, "the Order Book does not print it");
        assert_eq!(named_day(r), Some(true));
        assert!(qtext(r).starts_with(
            "To ask the Minister of Agriculture, Fisheries and Food"
        ));
    }
    assert_eq!(asker(&rs[0]).name.as_deref(), Some("Norman Baker"));
    assert_eq!(asker(&rs[0]).constituency.as_deref(), Some("Lewes"));
    assert_eq!(asker(&rs[1]).name.as_deref(), Some("Ian Bruce"));
    assert_eq!(asker(&rs[1]).printed.as_deref(), Some("Mr Ian Bruce"));
    assert_eq!(asker(&rs[1]).constituency.as_deref(), Some("South Dorset"));
    assert_eq!(asker(&rs[2]).name.as_deref(), Some("Peter Luff"));
    assert!(q_truncated(&rs[2]));
    assert!(cut_warning(&rs[2]));
    assert!(!q_truncated(&rs[0]));
}

// ---------------------------------------------------------------- errors

#[test]
fn pages_without_questions_say_so() {
    for (text, format) in [
        ("Written Question\n", Format::ParallelParliament),
        ("Written questions and answers\n\nShowing 0 out of 0\n", Format::ParliamentPage),
        ("Questions for Written Answer for 28 March 2018\n\nNo questions.\n", Format::OrderPaper),
    ] {
        let parsed = wrans::parse_bytes("x.txt", text.as_bytes(), Some(format));
        assert!(parsed.records.is_empty());
        let e = parsed.failure.expect("a failure");
        assert!(
            matches!(e.kind(), wrans::ErrorKind::NoRecords(_)),
            "{format}: {e}"
        );
        assert!(e.to_string().contains("no written question found"), "{e}");
    }
}

// ---------------------------------------------------------------- robustness

/// Every prefix of every page sample (the way web archives cut pages)
/// parses without panicking, as its own format and as the other two; the
/// last record of a cut page is kept.
#[test]
fn every_prefix_of_every_page_parses() {
    let Some(dir) = common::samples_dir() else {
        return;
    };
    let formats = [
        Format::ParallelParliament,
        Format::ParliamentPage,
        Format::OrderPaper,
    ];
    for sub in [
        "parallelparliament",
        "oldparl_listing",
        "lords_business_text",
        "order_book_text",
    ] {
        let mut paths: Vec<_> = std::fs::read_dir(dir.join(sub))
            .unwrap_or_else(|e| panic!("{sub}: {e}"))
            .map(|e| e.expect("a directory entry").path())
            .collect();
        paths.sort();
        for path in paths {
            let text = std::fs::read_to_string(&path).expect("a UTF-8 sample");
            let cuts: Vec<usize> = text
                .char_indices()
                .map(|(i, _)| i)
                .chain([text.len()])
                .collect();
            for &cut in &cuts {
                let prefix = &text[..cut];
                let parsed =
                    wrans::parse_bytes("p.txt", prefix.as_bytes(), None);
                for r in &parsed.records {
                    assert!(r.answer.is_none() || r.question.is_some());
                }
                if cut % 11 == 0 {
                    for f in formats {
                        let _ = wrans::parse_bytes(
                            "p.txt",
                            prefix.as_bytes(),
                            Some(f),
                        );
                    }
                }
            }
        }
    }
}
