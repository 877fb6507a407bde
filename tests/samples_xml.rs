//! The XML formats (`qna_xml`, `twfy_xml`) over the real samples in
//! `../shared/samples/` (skipped, loudly, when they are absent).

mod common;

use std::collections::{BTreeMap, BTreeSet, HashSet};

use wrans::{ErrorKind, Format, House, Parsed, Record};

/// Every distinct `qnum="..."` value in a file, by a plain byte scan.
fn qnums(rel: &str) -> Option<BTreeSet<String>> {
    let dir = common::samples_dir()?;
    let bytes = std::fs::read(dir.join(rel)).expect("sample is readable");
    let text = String::from_utf8_lossy(&bytes);
    Some(
        text.split("qnum=\"")
            .skip(1)
            .filter_map(|s| s.split('"').next())
            .map(str::to_string)
            .collect(),
    )
}

fn count(rel: &str, needle: &str) -> usize {
    let dir = common::samples_dir().expect("checked by the caller");
    let bytes = std::fs::read(dir.join(rel)).expect("sample is readable");
    String::from_utf8_lossy(&bytes).matches(needle).count()
}

fn answer_text(r: &Record) -> &str {
    r.answer.as_ref().and_then(|a| a.text.as_deref()).unwrap_or("")
}

fn texts(r: &Record) -> String {
    serde_json::to_string(r).expect("serialises")
}

const COMMONS: &str = "twfy_wrans_xml/twfy_answers2009-10-28c.xml";
const SUPERSEDED: &str =
    "twfy_wrans_xml/twfy_answers2009-10-28a_superseded.xml";
const LORDS: &str = "twfy_wrans_xml/twfy_lordswrans2009-10-29a.xml";

#[test]
fn twfy_commons_day_one_record_per_qnum() {
    let Some(p) = common::parse_sample(COMMONS) else { return };
    let want = qnums(COMMONS).expect("samples present");
    assert!(p.failure.is_none(), "{:?}", p.failure);
    assert_eq!(p.format, Some(Format::TwfyXml));
    let got: BTreeSet<String> =
        p.records.iter().filter_map(|r| r.uin.clone()).collect();
    assert_eq!(p.records.len(), want.len());
    assert_eq!(got, want);
    assert_eq!(p.records.len(), 291);

    for r in &p.records {
        let uin = r.uin.as_deref().unwrap_or("?");
        assert!(r.heading.is_some(), "{uin}: no heading");
        assert_eq!(r.house, Some(House::Commons), "{uin}");
        let q = r.question.as_ref().expect("question");
        assert!(
            q.text.as_deref().is_some_and(|t| t.starts_with("To ask ")),
            "{uin}: {:?}",
            q.text
        );
        let asker = q.asker.as_ref().expect("asker");
        assert!(asker.name.is_some(), "{uin}: asker has no name");
        assert!(
            asker
                .twfy_id
                .as_deref()
                .is_some_and(|id| id.starts_with("uk.org.publicwhip/member/")),
            "{uin}"
        );
        assert_eq!(q.tabled_on, None, "{uin}: the file gives no tabled date");
        assert_eq!(q.answering_body, None, "{uin}");
        let a = r.answer.as_ref().expect("answer");
        assert!(a.answerer.as_ref().and_then(|p| p.name.as_ref()).is_some());
        assert_eq!(a.answered_on.as_deref(), Some("2009-10-28"));
        assert!(!answer_text(r).is_empty(), "{uin}: empty answer");
        assert!(
            r.source.resource.as_deref().is_some_and(|g| g
                .starts_with("uk.org.publicwhip/wrans/2009-10-28c.")
                && g.contains(".q")),
            "{uin}"
        );
        let all = texts(r);
        assert!(!all.contains("&pound;") && !all.contains("&mdash;"), "{uin}");
    }

    // Tables as rows, entities resolved, Latin-1 names decoded.
    assert!(p.records.iter().any(|r| answer_text(r)
        .lines()
        .any(|l| l.matches(" | ").count() >= 2)));
    assert!(p.records.iter().any(|r| answer_text(r).contains('£')));
    assert!(p.records.iter().any(|r| {
        r.answer
            .as_ref()
            .and_then(|a| a.answerer.as_ref())
            .and_then(|p| p.name.as_deref())
            == Some("Siôn Simon")
    }));
    // Holding answers are dated, not left in the text.
    let holding = p
        .records
        .iter()
        .filter(|r| {
            r.answer.as_ref().is_some_and(|a| a.holding_answered_on.is_some())
        })
        .count();
    assert!(holding >= count(COMMONS, "class=\"holdinganswer\""));
    assert!(!p
        .records
        .iter()
        .any(|r| answer_text(r).to_lowercase().starts_with("holding answer")));
    // A reply's leading "Name:" is its speaker's, not its text.
    assert!(!p
        .records
        .iter()
        .any(|r| answer_text(r).starts_with("Nick Harvey:")));

    // Grouped questions point at each other.
    let by_uin: BTreeMap<&str, &Record> = p
        .records
        .iter()
        .filter_map(|r| Some((r.uin.as_deref()?, r)))
        .collect();
    let grouped: Vec<&Record> = p
        .records
        .iter()
        .filter(|r| {
            r.answer.as_ref().is_some_and(|a| !a.grouped_with.is_empty())
        })
        .collect();
    assert!(grouped.len() >= 2);
    for r in grouped {
        let me = r.uin.as_deref().expect("uin");
        for other in &r.answer.as_ref().expect("answer").grouped_with {
            let o = by_uin[other.as_str()];
            assert!(
                o.answer
                    .as_ref()
                    .expect("answer")
                    .grouped_with
                    .iter()
                    .any(|u| u == me),
                "{me} -> {other} is not mutual"
            );
            assert_eq!(answer_text(o), answer_text(r));
        }
    }
    // A multi-part question: the lead-in is put before each part.
    let q = by_uin["295392"].question.as_ref().expect("question");
    assert!(q
        .text
        .as_deref()
        .is_some_and(|t| t.starts_with(
            "To ask the Secretary of State for Foreign and Commonwealth Affairs which"
        )));

    let ids: HashSet<&str> = p.records.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids.len(), p.records.len(), "duplicate ids");
}

#[test]
fn twfy_superseded_version_adds_nothing() {
    let Some(dir) = common::samples_dir() else { return };
    let parse = |rel: &str| -> Parsed {
        let bytes = std::fs::read(dir.join(rel)).expect("sample is readable");
        wrans::parse_bytes(rel, &bytes, None)
    };
    let old = parse(SUPERSEDED);
    assert!(old.failure.is_none(), "{:?}", old.failure);
    assert!(old.records.is_empty());
    assert_eq!(old.notes.len(), 1);
    assert!(
        old.notes[0].contains(
            "superseded version (latest=\"no\"), 1 question skipped"
        ),
        "{}",
        old.notes[0]
    );
    let new = parse(COMMONS);
    let mut ids = HashSet::new();
    for r in old.records.iter().chain(&new.records) {
        assert!(ids.insert(r.id.clone()), "duplicate id {}", r.id);
    }
    assert_eq!(ids.len(), new.records.len());
}

#[test]
fn twfy_lords_day() {
    let Some(p) = common::parse_sample(LORDS) else { return };
    let want = qnums(LORDS).expect("samples present");
    assert!(p.failure.is_none(), "{:?}", p.failure);
    // 18 question/answer pairs; two of the questions hold several UINs.
    assert_eq!(count(LORDS, "<ques "), 18);
    assert_eq!(want.len(), 21);
    assert_eq!(p.records.len(), want.len());
    for r in &p.records {
        let uin = r.uin.as_deref().expect("uin");
        assert!(uin.starts_with("HL"), "{uin}");
        assert!(want.contains(uin));
        assert_eq!(r.house, Some(House::Lords));
        let q = r.question.as_ref().expect("question");
        assert!(
            q.text.as_deref().is_some_and(
                |t| t.starts_with("To ask Her Majesty's Government")
            )
        );
        assert!(q
            .addressed_to
            .as_deref()
            .is_some_and(|t| t.starts_with("Her Majesty's Government")));
        assert!(q
            .asker
            .as_ref()
            .and_then(|p| p.twfy_id.as_deref())
            .is_some_and(|id| id.starts_with("uk.org.publicwhip/lord/")));
        let a = r.answer.as_ref().expect("answer");
        assert_eq!(a.answered_on.as_deref(), Some("2009-10-29"));
        assert!(a.answerer.is_some());
        assert!(!answer_text(r).is_empty());
        assert!(r.heading.as_deref().is_some_and(|h| !h.is_empty()));
    }
    let dna: Vec<&Record> = p
        .records
        .iter()
        .filter(|r| r.heading.as_deref() == Some("National DNA Database"))
        .collect();
    assert_eq!(dna.len(), 3);
    assert_eq!(
        dna[0].answer.as_ref().expect("answer").grouped_with,
        vec!["HL5746".to_string(), "HL5747".to_string()]
    );
    // `&pound;` with an empty DTD is still resolved.
    assert!(p.records.iter().any(|r| answer_text(r).contains("£750")));
}

#[test]
fn twfy_written_statements_are_skipped_with_a_note() {
    for (rel, n) in [
        ("written_statement/twfy_lordswms2009-10-26a.xml", 7),
        ("written_statement/twfy_ministerial2009-10-27a.xml", 5),
    ] {
        let Some(p) = common::parse_sample(rel) else { return };
        assert_eq!(p.format, Some(Format::TwfyXml), "{rel}");
        assert!(p.failure.is_none(), "{rel}: {:?}", p.failure);
        assert!(p.records.is_empty(), "{rel}");
        assert_eq!(p.notes.len(), 1, "{rel}");
        assert!(
            p.notes[0].contains(&format!("{n} written statements skipped")),
            "{rel}: {}",
            p.notes[0]
        );
    }
}

#[test]
fn twfy_broken_copies_never_panic() {
    let Some(dir) = common::samples_dir() else { return };
    let bytes = std::fs::read(dir.join(COMMONS)).expect("sample is readable");
    for cut in [10, 3000, 40_000, 350_000, bytes.len() - 20] {
        let p = wrans::parse_bytes("cut.xml", &bytes[..cut], None);
        let f = p.failure.as_ref().expect("a cut file fails");
        assert!(f.position().is_some(), "{f}");
        if cut > 40_000 {
            assert!(!p.records.is_empty(), "cut at {cut}: {f}");
        }
    }
}

/// A break in the middle of a day file costs only the question it falls
/// in: the questions before and after it are read as in the whole file,
/// and a second break further on is read past as well (with a note).
#[test]
fn twfy_reading_goes_on_after_a_break() {
    let Some(dir) = common::samples_dir() else { return };
    let bytes = std::fs::read(dir.join(COMMONS)).expect("sample is readable");
    let whole = wrans::parse_bytes("day.xml", &bytes, None);
    let by_id: BTreeMap<&str, serde_json::Value> = whole
        .records
        .iter()
        .map(|r| (r.id.as_str(), common::without_source(r)))
        .collect();
    // Break the 41st and the 201st `<ques` start tags: `<ques id` becomes
    // `<ques "d`, which is not XML.
    // (The file is Latin-1: its bytes are changed in place.)
    let starts: Vec<usize> = bytes
        .windows(8)
        .enumerate()
        .filter(|(_, w)| w == b"<ques id")
        .map(|(k, _)| k)
        .collect();
    let mut broken = bytes.clone();
    for &k in [starts[40], starts[200]].iter() {
        broken[k + 6] = b'"';
    }
    let p = wrans::parse_bytes("day.xml", &broken, None);
    let f = p.failure.as_ref().expect("the break is reported");
    let msg = f.to_string();
    assert!(
        msg.contains("questions before it and the")
            && msg.contains("after it were read"),
        "{msg}"
    );
    assert_eq!(
        f.position().map(|x| x.byte as usize),
        Some(starts[40] + 6),
        "{msg}"
    );
    assert!(
        p.notes
            .iter()
            .any(|n| n.contains("a further break; reading went on after it")),
        "{:?}",
        p.notes
    );
    // Each break costs at most the group of questions it falls in.
    assert!(p.records.len() < whole.records.len());
    assert!(p.records.len() >= whole.records.len() - 6, "{}", p.records.len());
    // Every record read is one of the whole file's, unchanged, and the
    // indexes run on without a gap.
    for (i, r) in p.records.iter().enumerate() {
        assert_eq!(r.source.index, i);
        let want =
            by_id.get(r.id.as_str()).expect("a record of the whole file");
        assert_eq!(&common::without_source(r), want);
    }
}

#[test]
fn qna_question_lists() {
    let Some(p) = common::parse_sample("pq_api_xml/moj_questions_by_uin.xml")
    else {
        return;
    };
    assert_eq!(p.format, Some(Format::QnaXml));
    assert!(p.failure.is_none());
    assert_eq!(p.records.len(), 1);
    let r = &p.records[0];
    assert_eq!(r.uin.as_deref(), Some("HL4837"));
    assert_eq!(r.house, Some(House::Lords));
    assert_eq!(r.id, "lords/2013-01-22/HL4837");
    let q = r.question.as_ref().expect("question");
    assert_eq!(q.tabled_on.as_deref(), Some("2013-01-22"));
    assert_eq!(q.named_day, Some(true));
    assert_eq!(q.registered_interest, Some(false));
    assert_eq!(q.answering_body_id, Some(14));
    assert_eq!(
        q.answering_body.as_deref(),
        Some("Department of Environment, Food and Rural Affairs")
    );
    // Only the current version's text, not the previous version's.
    let text = q.text.as_deref().expect("text");
    assert!(
        text.starts_with("what meetings (a) he")
            && text.contains("Cabinet Office")
    );
    let asker = q.asker.as_ref().expect("asker");
    assert_eq!(asker.member_id, Some(2479));
    assert_eq!(asker.constituency, None, "a peer has no constituency");
    assert_eq!(r.answer, None);

    let Some(p) = common::parse_sample(
        "pq_api_xml/moj_import_questions_for_today_with_changes.xml",
    ) else {
        return;
    };
    assert!(p.failure.is_none());
    let uins: Vec<&str> =
        p.records.iter().filter_map(|r| r.uin.as_deref()).collect();
    assert_eq!(uins, ["HL784845", "HL673892", "HL5151"]);
    assert!(p.records.iter().all(|r| {
        r.question.as_ref().and_then(|q| q.tabled_on.as_deref())
            == Some("2013-01-22")
    }));
}

#[test]
fn qna_answer_document() {
    let Some(p) = common::parse_sample("pq_api_xml/moj_answer.xml") else {
        return;
    };
    assert_eq!(p.format, Some(Format::QnaXml));
    assert!(p.failure.is_none());
    assert_eq!(p.records.len(), 1);
    let a = p.records[0].answer.as_ref().expect("answer");
    assert_eq!(a.text.as_deref(), Some("Test answer"));
    assert!(!a.is_holding);
    assert_eq!(a.answerer.as_ref().and_then(|p| p.member_id), Some(8));
    assert_eq!(a.grouped_with, ["739572", "738596"]);
    assert!(!texts(&p.records[0]).contains("UEsDBBQ"), "no attachment data");
}

#[test]
fn qna_two_roots_keeps_the_first() {
    let Some(p) =
        common::parse_sample("pq_api_xml/moj_sample_question_with_answer.xml")
    else {
        return;
    };
    assert_eq!(p.format, Some(Format::QnaXml));
    assert_eq!(p.records.len(), 1);
    let r = &p.records[0];
    assert_eq!(r.uin.as_deref(), Some("183366"));
    assert_eq!(r.house, Some(House::Commons));
    assert_eq!(r.source.resource.as_deref(), Some("36527"));
    let q = r.question.as_ref().expect("question");
    assert_eq!(
        q.addressed_to.as_deref(),
        Some("the Secretary of State for Justice")
    );
    assert_eq!(
        q.asker.as_ref().and_then(|p| p.constituency.as_deref()),
        Some("Kingston upon Hull North")
    );
    let f = p.failure.as_ref().expect("partial failure");
    assert!(matches!(f.kind(), ErrorKind::Xml(_)));
    let pos = f.position().expect("position");
    assert_eq!((pos.line, pos.column), (36, 1));
    assert!(
        f.to_string().contains(":36:1: qna_xml: not well-formed XML"),
        "{f}"
    );
}

#[test]
fn qna_utf16_error_document() {
    let Some(p) =
        common::parse_sample("pq_api_xml/moj_sample_answer_error.xml")
    else {
        return;
    };
    assert_eq!(p.format, Some(Format::QnaXml));
    assert!(p.records.is_empty());
    let f = p.failure.as_ref().expect("failure");
    assert!(
        matches!(f.kind(), ErrorKind::ErrorDocument(m) if m == "Validation failed on the request."),
        "{f}"
    );
}

/// A QnA list broken inside one `<Question>` keeps the others, each read
/// on its own.
#[test]
fn qna_break_in_one_question_keeps_the_others() {
    let Some(dir) = common::samples_dir() else { return };
    let rel = "pq_api_xml/moj_import_questions_for_today_with_changes.xml";
    let bytes = std::fs::read(dir.join(rel)).expect("sample is readable");
    let whole = wrans::parse_bytes("q.xml", &bytes, None);
    let uins: Vec<String> =
        whole.records.iter().filter_map(|r| r.uin.clone()).collect();
    assert_eq!(uins.len(), 3);
    // The second question's `</Uin>` becomes `</Uim>`: not XML.
    let text = String::from_utf8(bytes).expect("UTF-8");
    let at = text.match_indices("</Uin>").nth(1).map(|(k, _)| k).expect("two");
    let broken = format!("{}</Uim>{}", &text[..at], &text[at + 6..]);
    let p = wrans::parse_bytes("q.xml", broken.as_bytes(), None);
    let f = p.failure.as_ref().expect("the break is reported");
    assert!(
        f.to_string().contains("2 whole <Question>s were read one by one"),
        "{f}"
    );
    let got: Vec<String> =
        p.records.iter().filter_map(|r| r.uin.clone()).collect();
    assert_eq!(got, vec![uins[0].clone(), uins[2].clone()]);
    assert_eq!(p.records[1].source.index, 1);
    let json = common::without_source;
    assert_eq!(json(&p.records[0]), json(&whole.records[0]));
    assert_eq!(json(&p.records[1]), json(&whole.records[2]));
}
