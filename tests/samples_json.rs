//! The `wqapi_json` and `lda_json` parsers over the real samples in
//! `../shared/samples/` (skipped with a message when they are absent, and
//! failing in CI).

mod common;

use std::collections::BTreeSet;
use std::time::Instant;

use wrans::{Format, House, Parsed, Record};

fn sample(rel: &str) -> Option<Parsed> {
    common::parse_sample(rel)
}

/// The raw JSON of a sample, read independently of the parser.
fn raw_results(rel: &str) -> Option<Vec<serde_json::Value>> {
    let dir = common::samples_dir()?;
    let text = std::fs::read_to_string(dir.join(rel)).expect("readable");
    let doc: serde_json::Value = serde_json::from_str(&text).expect("valid");
    let list = match &doc {
        serde_json::Value::Array(a) => a.clone(),
        d => d["results"].as_array().cloned().unwrap_or_default(),
    };
    Some(list.into_iter().map(|v| v["value"].clone()).collect())
}

fn by_uin<'a>(records: &'a [Record], uin: &str) -> &'a Record {
    records
        .iter()
        .find(|r| r.uin.as_deref() == Some(uin))
        .unwrap_or_else(|| panic!("no record with UIN {uin}"))
}

#[test]
fn clq_questions_expand_member() {
    let rel = "wqapi_json/clq_2021-02-01_fetch_questions_get.json";
    let Some(p) = sample(rel) else { return };
    let raw = raw_results(rel).expect("samples present");
    assert_eq!(p.format, Some(Format::WqapiJson));
    assert!(p.failure.is_none(), "{:?}", p.failure);
    assert!(p.notes.is_empty(), "{:?}", p.notes);
    let rs = &p.records;
    assert_eq!(rs.len(), 520);
    let commons =
        rs.iter().filter(|r| r.house == Some(House::Commons)).count();
    let lords = rs.iter().filter(|r| r.house == Some(House::Lords)).count();
    assert_eq!((commons, lords), (389, 131));
    assert!(rs.iter().all(|r| r.id.contains("/2021-02-01/")));

    // Every asker is expanded: name, party and member id.
    for r in rs {
        let q = r.question.as_ref().unwrap();
        let a = q.asker.as_ref().unwrap();
        assert!(a.name.is_some() && a.party.is_some(), "{}", r.id);
        assert!(a.member_id.is_some(), "{}", r.id);
        if r.house == Some(House::Lords) {
            assert_eq!(a.constituency, None, "{}: a peer", r.id);
        } else {
            assert!(a.constituency.is_some(), "{}", r.id);
        }
    }
    // Answered ones have an expanded answerer.
    let answered: Vec<&Record> =
        rs.iter().filter(|r| r.answer.is_some()).collect();
    assert_eq!(answered.len(), 513);
    for r in &answered {
        let who = r.answer.as_ref().unwrap().answerer.as_ref().unwrap();
        assert!(who.name.is_some() && who.member_id.is_some(), "{}", r.id);
    }
    // Seven unanswered.
    let unanswered: BTreeSet<&str> = rs
        .iter()
        .filter(|r| r.answer.is_none())
        .filter_map(|r| r.uin.as_deref())
        .collect();
    assert_eq!(unanswered.len(), 7);
    assert!(unanswered.contains("HL12773"));

    // Exactly the 10 answerIsHolding records are holding answers.
    let holding: Vec<&Record> = rs
        .iter()
        .filter(|r| r.answer.as_ref().is_some_and(|a| a.is_holding))
        .collect();
    assert_eq!(holding.len(), 10);
    let raw_holding: BTreeSet<String> = raw
        .iter()
        .filter(|v| v["answerIsHolding"] == true)
        .map(|v| v["uin"].as_str().unwrap().to_string())
        .collect();
    let got_holding: BTreeSet<String> =
        holding.iter().map(|r| r.uin.clone().unwrap()).collect();
    assert_eq!(got_holding, raw_holding);
    let h = by_uin(rs, "146994").answer.as_ref().unwrap();
    assert_eq!(h.holding_answered_on.as_deref(), Some("2021-02-04"));
    assert!(h.text.as_deref().unwrap().contains("will not be possible"));
    // 66 records say when a holding answer was given.
    let with_holding_date = rs
        .iter()
        .filter(|r| {
            r.answer.as_ref().is_some_and(|a| a.holding_answered_on.is_some())
        })
        .count();
    assert_eq!(with_holding_date, 66);

    // The 4 corrections.
    let corrections: Vec<&Record> = rs
        .iter()
        .filter(|r| r.answer.as_ref().is_some_and(|a| a.is_correction))
        .collect();
    assert_eq!(corrections.len(), 4);
    let c = by_uin(rs, "146895").answer.as_ref().unwrap();
    assert_eq!(c.corrected_on.as_deref(), Some("2021-02-19"));

    // Grouped questions list their partners, both ways.
    let grouped = rs
        .iter()
        .filter(|r| {
            r.answer.as_ref().is_some_and(|a| !a.grouped_with.is_empty())
        })
        .count();
    assert_eq!(grouped, 115);
    for v in raw.iter().filter(|v| {
        v["groupedQuestions"].as_array().is_some_and(|g| !g.is_empty())
    }) {
        let r = by_uin(rs, v["uin"].as_str().unwrap());
        let want: Vec<&str> = v["groupedQuestions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|g| g.as_str().unwrap())
            .collect();
        assert_eq!(r.answer.as_ref().unwrap().grouped_with, want);
    }

    // Questions cut at 255 characters; answers cut with "...".
    let cut_q =
        rs.iter().filter(|r| r.question.as_ref().unwrap().truncated).count();
    let raw_cut_q = raw
        .iter()
        .filter(|v| {
            let q = v["questionText"].as_str().unwrap();
            q.chars().count() == 255 && !q.ends_with(['.', '?', '!'])
        })
        .count();
    assert_eq!(cut_q, raw_cut_q);
    assert_eq!(cut_q, 167);
    let cut_a = answered
        .iter()
        .filter(|r| r.answer.as_ref().unwrap().truncated)
        .count();
    assert_eq!(cut_a, 430);

    // A few values by eye.
    let r = by_uin(rs, "146937");
    assert_eq!(r.id, "commons/2021-02-01/146937");
    assert_eq!(r.source.resource.as_deref(), Some("1282662"));
    assert_eq!(r.heading.as_deref(), Some("Coronavirus: Research"));
    let q = r.question.as_ref().unwrap();
    assert_eq!(q.answering_body_id, Some(17));
    let asker = q.asker.as_ref().unwrap();
    assert_eq!(asker.printed.as_deref(), Some("Dr James Davies"));
    assert_eq!(asker.name.as_deref(), Some("James Davies"));
    assert_eq!(asker.constituency.as_deref(), Some("Vale of Clwyd"));
    let a = r.answer.as_ref().unwrap();
    assert_eq!(a.answered_on.as_deref(), Some("2021-03-17"));
    assert_eq!(a.answerer.as_ref().unwrap().member_id, Some(4362));
    let l = by_uin(rs, "HL12826");
    let asker = l.question.as_ref().unwrap().asker.as_ref().unwrap();
    assert_eq!(asker.name.as_deref(), Some("Baroness Masham of Ilton"));
    assert_eq!(asker.party.as_deref(), Some("Crossbench"));
    // No odd spaces survive in any text.
    for r in rs {
        let q = r.question.as_ref().unwrap().text.as_deref().unwrap();
        let a = r.answer.as_ref().and_then(|a| a.text.as_deref());
        for t in std::iter::once(q).chain(a) {
            assert!(!t.contains(['\u{a0}', '\u{202f}']), "{}", r.id);
        }
    }
}

#[test]
fn ukpwq_commons_list() {
    let rel = "wqapi_json/ukpwq_commons_list_2024-08.json";
    let Some(raw) = raw_results(rel) else { return };
    let started = Instant::now();
    let p = sample(rel).expect("samples present");
    let took = started.elapsed();
    // A debug build should read 1.3 MB in well under a minute.
    assert!(took.as_secs() < 60, "took {took:?}");
    assert!(p.failure.is_none(), "{:?}", p.failure);
    let rs = &p.records;
    assert_eq!(rs.len(), 1004);
    assert!(rs.iter().all(|r| r.house == Some(House::Commons)));
    // Every answer that ends with "..." is flagged, and no other.
    let raw_cut: BTreeSet<String> = raw
        .iter()
        .filter(|v| {
            v["answerText"].as_str().is_some_and(|a| a.ends_with("..."))
        })
        .map(|v| v["id"].to_string())
        .collect();
    assert_eq!(raw_cut.len(), 869);
    let got_cut: BTreeSet<String> = rs
        .iter()
        .filter(|r| r.answer.as_ref().is_some_and(|a| a.truncated))
        .map(|r| r.source.resource.clone().unwrap())
        .collect();
    assert_eq!(got_cut, raw_cut);
    // expandMember off: member ids only.
    let r = by_uin(rs, "3283");
    let asker = r.question.as_ref().unwrap().asker.as_ref().unwrap();
    assert_eq!(asker.member_id, Some(5031));
    assert_eq!(asker.name, None);
    let a = r.answer.as_ref().unwrap();
    assert!(a.is_correction);
    assert_eq!(a.corrected_on.as_deref(), Some("2024-11-26"));
    assert_eq!(a.answerer.as_ref().unwrap().member_id, Some(4125));
    assert_eq!(r.id, "commons/2024-08-30/3283");
    let corrections = rs
        .iter()
        .filter(|r| r.answer.as_ref().is_some_and(|a| a.is_correction))
        .count();
    assert_eq!(corrections, 4);
    let grouped = rs
        .iter()
        .filter(|r| {
            r.answer.as_ref().is_some_and(|a| !a.grouped_with.is_empty())
        })
        .count();
    assert_eq!(grouped, 196);
    // Holding answer dates on substantive answers.
    let held = rs
        .iter()
        .filter(|r| {
            r.answer.as_ref().is_some_and(|a| {
                !a.is_holding && a.holding_answered_on.is_some()
            })
        })
        .count();
    assert_eq!(held, 11);
}

#[test]
fn other_clq_responses() {
    for (rel, n, holding, grouped) in [
        ("wqapi_json/clq_2021-02-01_fetch_answers_get.json", 469, 4, 75),
        ("wqapi_json/clq_2021-02-01_fetch_answers_member_get.json", 5, 0, 0),
        ("wqapi_json/clq_2021-02-01_fetch_questions_body_get.json", 23, 0, 5),
        ("wqapi_json/clq_2021-02-01_fetch_questions_member_get.json", 9, 0, 0),
    ] {
        let Some(p) = sample(rel) else { return };
        assert!(p.failure.is_none(), "{rel}: {:?}", p.failure);
        assert_eq!(p.records.len(), n, "{rel}");
        let answers = || p.records.iter().filter_map(|r| r.answer.as_ref());
        assert_eq!(
            answers().filter(|a| a.is_holding).count(),
            holding,
            "{rel}"
        );
        assert_eq!(
            answers().filter(|a| !a.grouped_with.is_empty()).count(),
            grouped,
            "{rel}"
        );
    }
    let p = sample("wqapi_json/clq_2021-02-01_fetch_answers_get.json")
        .expect("samples present");
    let lords = p.records.iter().filter(|r| r.house == Some(House::Lords));
    assert_eq!(lords.count(), 93);
    let p =
        sample("wqapi_json/clq_2021-02-01_fetch_questions_member_get.json")
            .expect("samples present");
    let askers: BTreeSet<Option<u64>> = p
        .records
        .iter()
        .map(|r| {
            r.question.as_ref().unwrap().asker.as_ref().unwrap().member_id
        })
        .collect();
    assert_eq!(askers.len(), 1, "filtered by askingMemberId");
}

#[test]
fn statements_are_skipped_with_a_note() {
    let rel = "wqapi_json/clq_2021-02-01_fetch_statements_get.json";
    let Some(p) = sample(rel) else { return };
    assert_eq!(p.format, Some(Format::WqapiJson));
    assert!(p.records.is_empty());
    assert!(p.failure.is_none(), "{:?}", p.failure);
    assert_eq!(
        p.notes,
        [format!(
            "../shared/samples/{rel}: skipped 10 written statements (not questions)"
        )]
    );
}

#[test]
fn longform_json_lines() {
    for (rel, n) in [
        ("wqapi_json/ukpwq_longform_2024-08.jsonl", 223),
        ("wqapi_json/ukpwq_longform_2023-12.jsonl", 840),
    ] {
        let Some(p) = sample(rel) else { return };
        assert!(p.failure.is_none(), "{rel}: {:?}", p.failure);
        assert_eq!(p.records.len(), n, "{rel}");
        for r in &p.records {
            assert!(r.source.resource.is_some());
            let q = r.question.as_ref().unwrap();
            assert!(q.text.is_some() && !q.truncated, "{}", r.id);
            assert!(q.tabled_on.is_none() && r.uin.is_none());
            let a = r.answer.as_ref().unwrap();
            let t = a.text.as_deref().unwrap();
            assert!(!t.contains("<p>") && !a.truncated, "{}", r.id);
        }
    }
    // The long form gives the full text that the list cut at 255.
    let Some(list) = sample("wqapi_json/ukpwq_commons_list_2024-08.json")
    else {
        return;
    };
    let long = sample("wqapi_json/ukpwq_longform_2024-08.jsonl").unwrap();
    let mut compared = 0;
    for r in
        list.records.iter().filter(|r| r.question.as_ref().unwrap().truncated)
    {
        let Some(l) = long
            .records
            .iter()
            .find(|l| l.source.resource == r.source.resource)
        else {
            continue;
        };
        let cut = r.question.as_ref().unwrap().text.as_deref().unwrap();
        let full = l.question.as_ref().unwrap().text.as_deref().unwrap();
        assert!(full.len() > cut.len(), "{}", r.id);
        assert!(full.starts_with(cut.trim_end()), "{}", r.id);
        compared += 1;
    }
    assert!(compared > 100, "{compared}");
}

#[test]
fn aws_flattened_record() {
    let Some(p) = sample("wqapi_derived/aws_1681217.json") else { return };
    assert_eq!(p.format, Some(Format::WqapiJson));
    assert!(p.failure.is_none());
    let r = &p.records[0];
    assert_eq!(r.source.resource.as_deref(), Some("1681217"));
    assert_eq!(r.house, Some(House::Commons));
    let q = r.question.as_ref().unwrap();
    assert_eq!(q.tabled_on.as_deref(), Some("2024-01-10"));
    assert_eq!(
        q.addressed_to.as_deref(),
        Some("the Secretary of State for Education")
    );
    let a = r.answer.as_ref().unwrap().text.as_deref().unwrap();
    assert!(a.starts_with("Pupil behaviour is a priority"));
    assert!(a.contains("‘Behaviour in Schools’"));
    assert!(a.contains("£184 million"));
    assert_eq!(a.matches("\n\n").count(), 5, "six paragraphs");
    assert!(!a.contains('<'));
}

#[test]
fn lda_json_samples_fail_with_position_and_keep_the_cut_item() {
    let Some(dir) = common::samples_dir() else { return };
    let mut seen = 0;
    for entry in std::fs::read_dir(dir.join("lda_json")).expect("folder") {
        let name = entry.expect("entry").file_name();
        let name = name.to_string_lossy().into_owned();
        let rel = format!("lda_json/{name}");
        let p = sample(&rel).expect("samples present");
        seen += 1;
        assert_eq!(p.format, Some(Format::LdaJson), "{rel}");
        let e =
            p.failure.as_ref().unwrap_or_else(|| panic!("{rel}: no failure"));
        let pos = e.position().unwrap_or_else(|| panic!("{rel}: no position"));
        let size = std::fs::metadata(dir.join(&rel)).unwrap().len();
        assert_eq!(pos.byte, size, "{rel}: the failure is at the end");
        let msg = e.to_string();
        assert!(
            msg.contains(&format!(":{}:{}: lda_json: unexpected end of input inside result.items[0].answer.", pos.line, pos.column)),
            "{msg}"
        );
        // Every sample is cut inside its first item: no complete item,
        // and the cut one is kept as a partial record.
        assert_eq!(p.records.len(), 1, "{rel}");
        let r = &p.records[0];
        assert!(r
            .warnings
            .iter()
            .any(|w| w.starts_with("the input ends inside")));
        let a = r.answer.as_ref().unwrap();
        assert!(a.text.as_deref().is_some_and(|t| t.len() > 50), "{rel}");
        assert!(!a.text.as_deref().unwrap().contains("</p>"), "{rel}");
        let cut_in_text = msg.contains("answer.answerText (");
        assert_eq!(a.truncated, cut_in_text, "{rel}");
        assert!(r
            .source
            .resource
            .as_deref()
            .is_some_and(|s| s.parse::<u64>().is_ok()));
    }
    assert_eq!(seen, 8);

    let p = sample(
        "lda_json/eldaddp_aq_lords_onedrive_2018_deptid204_truncated.txt",
    )
    .unwrap();
    let r = &p.records[0];
    assert_eq!(r.source.resource.as_deref(), Some("1006655"));
    let a = r.answer.as_ref().unwrap();
    assert!(!a.truncated, "the answer text itself is complete");
    let who = a.answerer.as_ref().unwrap();
    assert_eq!(who.member_id, Some(4148));
    assert_eq!(who.name.as_deref(), Some("Lord McFall of Alcluith"));
    assert_eq!(
        r.question.as_ref().unwrap().answering_body.as_deref(),
        Some("The Senior Deputy Speaker")
    );

    let p =
        sample("lda_json/eldaddp_aq_lords_trefgarne_dft_2019_truncated.txt")
            .unwrap();
    let a = p.records[0].answer.as_ref().unwrap();
    let t = a.text.as_deref().unwrap();
    assert!(t.starts_with(
        "As stated in the Working Draft Environmental Statement (p.136)"
    ));
    assert!(t.contains("£10bn"));
    assert!(a.truncated);

    let p = sample(
        "lda_json/eldaddp_aq_page1_properties_sort_listendpoint_truncated.txt",
    )
    .unwrap();
    let q = p.records[0].question.as_ref().unwrap();
    assert_eq!(q.answering_body, None, "_properties dropped AnsweringBody");
}

/// A handwritten LDA item for a question that is in a WQ API sample gives
/// the same id.
#[test]
fn same_question_two_sources_same_id() {
    let Some(p) = sample("wqapi_json/clq_2021-02-01_fetch_questions_get.json")
    else {
        return;
    };
    let api = by_uin(&p.records, "146937");
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/fixtures/lda_json/handwritten_same_question_146937.json"
    );
    let bytes = std::fs::read(path).expect("fixture");
    let lda = wrans::parse_bytes(path, &bytes, None);
    assert_eq!(lda.format, Some(Format::LdaJson));
    assert!(lda.failure.is_none(), "{:?}", lda.failure);
    let lda = &lda.records[0];
    assert_eq!(lda.id, api.id);
    assert_eq!(lda.id, "commons/2021-02-01/146937");
    let (qa, ql) =
        (api.question.as_ref().unwrap(), lda.question.as_ref().unwrap());
    assert_eq!(
        qa.asker.as_ref().unwrap().member_id,
        ql.asker.as_ref().unwrap().member_id
    );
}

/// A quote lost to damage shifts where strings start and end for the rest
/// of an API list: the elements after it are still read, each as in the
/// whole file.
#[test]
fn a_lost_quote_costs_one_element_of_a_list() {
    let Some(dir) = common::samples_dir() else { return };
    let rel = "wqapi_json/ukpwq_commons_list_2024-08.json";
    let bytes = std::fs::read(dir.join(rel)).expect("sample is readable");
    let whole = wrans::parse_bytes("list.json", &bytes, None);
    assert_eq!(whole.records.len(), 1004);
    // The closing quote of the 200th `dateTabled` value becomes `#`.
    let text = String::from_utf8(bytes).expect("UTF-8");
    let at = text
        .match_indices("\"dateTabled\": \"")
        .nth(199)
        .map(|(k, m)| k + m.len() + "2024-08-30T00:00:00".len())
        .expect("a 200th dateTabled");
    assert_eq!(&text[at..at + 1], "\"");
    let mut broken = text.clone().into_bytes();
    broken[at] = b'#';
    let p = wrans::parse_bytes("list.json", &broken, None);
    let f = p.failure.as_ref().expect("the damage is reported");
    assert!(f.to_string().contains("after it were read"), "{f}");
    assert!(p.records.len() >= 1002, "{} of 1004 read", p.records.len());
    let json = common::without_source;
    let want: std::collections::HashMap<String, serde_json::Value> =
        whole.records.iter().map(|r| (r.id.clone(), json(r))).collect();
    let same =
        p.records.iter().filter(|r| want.get(&r.id) == Some(&json(r))).count();
    assert!(same >= 1002, "{same} records as in the whole file");
}
