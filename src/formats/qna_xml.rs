//! QnA XML (namespace `http://data.parliament.uk/QnA/2013/02`): the
//! departmental PQ API and the daily reports, which share element names.
//!
//! ```xml
//! <Questions xmlns="http://data.parliament.uk/QnA/2013/02">
//!   <Question>
//!     <Uin>HL4837</Uin>
//!     <AnsweringBody><AnsweringBodyId>14</AnsweringBodyId>
//!       <AnsweringBodyName>Department of ...</AnsweringBodyName></AnsweringBody>
//!     <House><HouseId>2</HouseId><HouseName>House of Lords</HouseName></House>
//!     <TablingMember><MemberId>2479</MemberId><MemberName>...</MemberName>
//!       <Constituency>...</Constituency></TablingMember>
//!     <QuestionType>NamedDay</QuestionType>
//!     <RegisteredInterest>false</RegisteredInterest>
//!     <TabledDate>2013-01-22Z</TabledDate>
//!     <Target>Secretary of State for ...</Target>
//!     <Text>what meetings ...</Text>
//!   </Question>
//! </Questions>
//! ```
//!
//! A document is `<Questions>` (one record per `<Question>`), a single
//! `<Question>`, an `<Answer>` on its own (one record with the answer and
//! an empty question), or `<Error><Message>` (an API error document: an
//! [`ErrorKind::ErrorDocument`] error). Elements are matched by local name,
//! whatever their namespace; `xsi:nil="true"` elements count as absent;
//! comments, `UpdatedDate` (not the tabled date), `PreviousVersions` and
//! attachments' contents are ignored.
//!
//! A document that is not well-formed is an error with the line and column
//! roxmltree reports. When the problem comes after a complete first root
//! element (e.g. a second document pasted after the first), the records of
//! that first root are kept and the error is reported as a partial
//! failure.

use std::sync::LazyLock;

use regex::Regex;
use roxmltree::Node;

use super::xml_doc::{self, child, child_text, children};
use crate::error::{Error, ErrorKind, Result};
use crate::format::Format;
use crate::record::{Answer, House, Person, Record};
use crate::text::{self, names, parse_date, Date};
use crate::{Input, Parsed};

/// A declaration of the QnA namespace (the daily reports use
/// `QnA/private/2013/02`).
static NAMESPACE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"xmlns(?::[\w.-]+)?\s*=\s*["']https?://data\.parliament\.uk/QnA/"#,
    )
    .expect("valid regex")
});

/// Whether `text` looks like QnA XML: an XML document declaring the QnA
/// namespace, a `<Question>` (or `<Questions>`) root with `<Uin>`
/// elements, or an `<Error>` root with a `<Message>` (the API's error
/// document, which is not in the namespace).
pub(crate) fn detect(text: &str) -> bool {
    let head = text::head(text, 16 * 1024);
    let Some(root) = xml_doc::root_name(head) else {
        return false;
    };
    if NAMESPACE.is_match(head) {
        return true;
    }
    match root {
        "Question" | "Questions" => head.contains("<Uin>"),
        "Error" => head.contains("<Message>"),
        _ => false,
    }
}

/// Parses a QnA XML document.
pub(crate) fn parse(input: &Input<'_>) -> Result<Parsed> {
    let prepared = xml_doc::prepare(input.text);
    match xml_doc::parse(&prepared.text) {
        Ok(doc) => {
            let root = doc.root_element();
            let records = records_of(input, root)?;
            let mut parsed = Parsed { records, ..Parsed::default() };
            // A daily report also holds the day's written statements: a
            // sibling record type, skipped with a note.
            let statements = root
                .descendants()
                .filter(|n| n.has_tag_name("WrittenStatement"))
                .count();
            if parsed.records.is_empty()
                && statements == 0
                && root.tag_name().name() == "Questions"
            {
                parsed.notes.push(format!(
                    "{}: the <Questions> list is empty",
                    input.path
                ));
            }
            if statements > 0 {
                parsed.notes.push(format!(
                    "{}: skipped {} (not questions)",
                    input.path,
                    plural(
                        statements,
                        "written statement",
                        "written statements"
                    )
                ));
            }
            Ok(parsed)
        }
        Err(e) => {
            let err = prepared.error(input.text, &e);
            // Keep the first root element's records when the document
            // breaks only after it.
            let at = prepared.error_offset(&e);
            let Some(end) = xml_doc::first_root_end(&prepared.text)
                .filter(|&end| end <= at)
            else {
                return one_by_one(input, &prepared, err);
            };
            let Ok(doc) = xml_doc::parse(&prepared.text[..end]) else {
                return Err(err);
            };
            let root = doc.root_element();
            let records = match records_of(input, root) {
                Ok(r) if !r.is_empty() => r,
                _ => return Err(err),
            };
            let line = crate::error::Position::of_offset(
                input.text,
                prepared.original_offset(end),
            )
            .line;
            let msg = match err.kind() {
                ErrorKind::Xml(m) => m.clone(),
                k => k.to_string(),
            };
            let pos = err.position();
            let mut failure = Error::new(ErrorKind::Xml(format!(
                "{msg} after the root element <{}> (which ends on line \
                 {line}): {} read from it, the rest of the input is not",
                root.tag_name().name(),
                plural(records.len(), "record was", "records were"),
            )));
            if let Some(p) = pos {
                failure = failure.at(p);
            }
            Ok(Parsed { records, failure: Some(failure), ..Parsed::default() })
        }
    }
}

/// A document broken inside its root element or its prolog: each whole
/// `<Question>` element (with no other one inside it) is read on its own,
/// after the document's prolog (its entity declarations) or, when the
/// break is in the prolog, without it; those the break falls in are left
/// out. `err` when none can be read.
fn one_by_one(
    input: &Input<'_>,
    prepared: &xml_doc::Prepared<'_>,
    err: Error,
) -> Result<Parsed> {
    const OPEN: &str = "<Question";
    const CLOSE: &str = "</Question>";
    let text: &str = &prepared.text;
    let prolog = xml_doc::root_start(text).map_or("", |r| &text[..r]);
    // The next `<Question` start tag at or after `from` (not
    // `<QuestionType>`).
    let start = |from: usize| {
        let mut from = from;
        loop {
            let k = from + text.get(from..)?.find(OPEN)?;
            let next = text.as_bytes().get(k + OPEN.len()).copied();
            if matches!(next, Some(b'>' | b' ' | b'\t' | b'\r' | b'\n')) {
                return Some(k);
            }
            from = k + 1;
        }
    };
    let mut records = Vec::new();
    let mut from = 0;
    while let Some(k) = start(from) {
        let Some(close) = text[k..].find(CLOSE).map(|c| k + c) else { break };
        if let Some(inner) = start(k + 1).filter(|&n| n < close) {
            from = inner;
            continue;
        }
        let end = close + CLOSE.len();
        // With the prolog, then (when the break is in it) without.
        let one = format!("{prolog}{}", &text[k..end]);
        if let Ok(doc) = xml_doc::parse(&one) {
            records.push(question(input, doc.root_element(), records.len()));
        } else if let Ok(doc) = xml_doc::parse(&text[k..end]) {
            records.push(question(input, doc.root_element(), records.len()));
        }
        from = end;
    }
    if records.is_empty() {
        return Err(err);
    }
    let failure = err.with_suffix(&format!(
        " ({} read one by one around it)",
        plural(
            records.len(),
            "whole <Question> was",
            "whole <Question>s were"
        ),
    ));
    Ok(Parsed { records, failure: Some(failure), ..Parsed::default() })
}

fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// The records of a document whose root element is `root`.
fn records_of(input: &Input<'_>, root: Node<'_, '_>) -> Result<Vec<Record>> {
    match root.tag_name().name() {
        "Error" => {
            let msg = child_text(root, "Message")
                .or_else(|| {
                    let t = text::clean_plain(&xml_doc::text_of(root));
                    (!t.is_empty()).then_some(t)
                })
                .unwrap_or_else(|| "no message".to_string());
            Err(Error::new(ErrorKind::ErrorDocument(
                text::html::normalize_spaces(&msg.replace('\n', " ")),
            )))
        }
        "Question" => Ok(vec![question(input, root, 0)]),
        "Answer" => Ok(vec![answer_only(input, root, 0)]),
        name => {
            // `<Questions>`, or a wrapper holding questions or answers.
            let questions: Vec<Node<'_, '_>> = root
                .descendants()
                .filter(|n| {
                    n.is_element() && n.tag_name().name() == "Question"
                })
                .filter(|n| {
                    !n.ancestors()
                        .skip(1)
                        .any(|a| a.tag_name().name() == "Question")
                })
                .collect();
            if !questions.is_empty() {
                return Ok(questions
                    .into_iter()
                    .enumerate()
                    .map(|(i, q)| question(input, q, i))
                    .collect());
            }
            let answers: Vec<Node<'_, '_>> = root
                .descendants()
                .filter(|n| n.is_element() && n.tag_name().name() == "Answer")
                .collect();
            if !answers.is_empty() {
                return Ok(answers
                    .into_iter()
                    .enumerate()
                    .map(|(i, a)| answer_only(input, a, i))
                    .collect());
            }
            if root.descendants().any(|n| n.has_tag_name("WrittenStatement")) {
                // A daily report of written statements only.
                return Ok(Vec::new());
            }
            if name == "Questions" {
                // An empty list (no questions that day): a note, as for
                // the API's empty lists.
                return Ok(Vec::new());
            }
            Err(Error::new(ErrorKind::NoRecords(format!(
                "expected <Questions>, <Question> or <Answer> in QnA XML, \
                 found <{name}>"
            ))))
        }
    }
}

static DETAILS_ID: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)/Questions/Details/(\d+)\b").expect("valid regex")
});

/// One `<Question>` element.
fn question(input: &Input<'_>, q: Node<'_, '_>, index: usize) -> Record {
    let resource = child_text(q, "Url")
        .and_then(|u| DETAILS_ID.captures(&u).map(|c| c[1].to_string()));
    let mut r =
        Record::question(input.source(Format::QnaXml, index, resource));
    r.uin = child_text(q, "Uin");
    if r.uin.is_none() {
        r.warn("question has no <Uin>");
    }
    r.heading = child_text(q, "Heading").map(|h| clean_text(&h));
    r.house = child(q, "House").and_then(house);

    let mut warnings = Vec::new();
    let mut question = r.question.take().unwrap_or_default();
    question.text = child_text(q, "Text").map(|t| clean_text(&t));
    if question.text.is_none() {
        warnings.push("question has no <Text>".to_string());
    }
    question.tabled_on = date(q, "TabledDate", &mut warnings);
    question.addressed_to = child_text(q, "Target")
        .map(|t| addressee(&t))
        .or_else(|| question.text.as_deref().and_then(text::addressed_to));
    if let Some(body) = child(q, "AnsweringBody") {
        question.answering_body = child_text(body, "AnsweringBodyName");
        question.answering_body_id =
            number(body, "AnsweringBodyId", &mut warnings);
    }
    question.asker = child(q, "TablingMember")
        .and_then(|m| member(m, r.house, &mut warnings));
    question.named_day = child_text(q, "QuestionType").and_then(|t| {
        match t.to_ascii_lowercase().replace([' ', '-'], "").as_str() {
            "namedday" => Some(true),
            "ordinary" | "daily" => Some(false),
            _ => {
                warnings.push(format!("unknown QuestionType {t:?}"));
                None
            }
        }
    });
    question.registered_interest =
        boolean(q, "RegisteredInterest", &mut warnings);
    if let Some(status) = child_text(q, "QuestionStatus") {
        if matches!(
            status.as_str(),
            "Withdrawn" | "WithdrawnWithoutNotice" | "AnswerNotExpected"
        ) {
            warnings.push(format!("question status {status}: no answer"));
        }
    }
    r.question = Some(question);

    // The daily report puts the `<Answer>` beside the `<Question>`, in a
    // `<ReportQuestion>` that also holds the heading.
    let report =
        q.parent_element().filter(|p| p.tag_name().name() == "ReportQuestion");
    if r.heading.is_none() {
        r.heading = report
            .and_then(|p| child_text(p, "Heading"))
            .map(|h| clean_text(&h));
    }
    let answer_node = child(q, "Answer")
        .or_else(|| report.and_then(|p| child(p, "Answer")))
        .filter(|a| !xml_doc::is_nil(*a));
    if let Some(a) = answer_node {
        let own = r.uin.clone();
        r.answer = Some(answer(a, own.as_deref(), r.house, &mut warnings));
    }
    r.warnings.extend(warnings);
    r
}

/// An `<Answer>` document on its own: a record with the answer and an
/// empty question (unless the answer names its question's `<Uin>`).
fn answer_only(input: &Input<'_>, a: Node<'_, '_>, index: usize) -> Record {
    let mut r = Record::question(input.source(Format::QnaXml, index, None));
    r.uin = child_text(a, "Uin");
    let mut warnings = vec![
        "an <Answer> without its <Question>: the question, its date and \
         House are unknown"
            .to_string(),
    ];
    let own = r.uin.clone();
    r.answer = Some(answer(a, own.as_deref(), None, &mut warnings));
    r.warnings.extend(warnings);
    r
}

/// The fields of an `<Answer>` element.
fn answer(
    a: Node<'_, '_>,
    own_uin: Option<&str>,
    house: Option<House>,
    warnings: &mut Vec<String>,
) -> Answer {
    // A daily report's `<Answer>` keeps the text, minister and flags in a
    // version element: the version the report shows, else the current one.
    let version = ["ReportCurrentAnsweredVersion", "CurrentVersion"]
        .iter()
        .find_map(|n| child(a, n).filter(|v| !xml_doc::is_nil(*v)));
    let field = |name: &str| {
        child(a, name)
            .filter(|n| !xml_doc::is_nil(*n))
            .or_else(|| version.and_then(|v| child(v, name)))
    };
    let text = first_text(a, &["Text", "AnswerText"]).or_else(|| {
        version.and_then(|v| first_text(v, &["Text", "AnswerText"]))
    });
    let mut out =
        Answer { text: text.map(|t| clean_text(&t)), ..Answer::default() };
    if out.text.is_none() {
        warnings.push("answer has no <Text>".to_string());
    }
    out.is_holding = boolean(a, "IsHoldingAnswer", warnings)
        .or_else(|| {
            version.and_then(|v| boolean(v, "IsHoldingAnswer", warnings))
        })
        .unwrap_or(false);
    for name in ["DateOfAnswer", "AnswerDate", "DateAnswered"] {
        if out.answered_on.is_none() {
            out.answered_on = date(a, name, warnings);
        }
    }
    for name in ["DateOfHoldingAnswer", "HoldingAnswerDate"] {
        if out.holding_answered_on.is_none() {
            out.holding_answered_on = date(a, name, warnings);
        }
    }
    let correction_flag = |n: &str, w: &mut Vec<String>| {
        boolean(a, n, w) == Some(true)
            || version.is_some_and(|v| boolean(v, n, w) == Some(true))
    };
    out.is_correction = correction_flag("IsCorrection", warnings)
        || correction_flag("IsMinisterialCorrection", warnings);
    for name in [
        "DateOfCorrection",
        "CorrectionDate",
        "DateAnswerCorrected",
        "DateOfMinisterialCorrection",
    ] {
        if out.corrected_on.is_none() {
            out.corrected_on = date(a, name, warnings);
        }
    }
    if out.corrected_on.is_some() {
        out.is_correction = true;
    }
    out.answerer = ["AnsweringMember", "Minister"]
        .iter()
        .find_map(|n| field(n))
        .and_then(|m| member(m, house, warnings))
        .or_else(|| {
            number(a, "MinisterId", warnings)
                .map(|id| Person { member_id: Some(id), ..Person::default() })
        });
    if let Some(group) = child(a, "OtherQuestionsInGroup") {
        for g in children(group, "QuestionInGroup") {
            if let Some(u) = child_text(g, "Uin") {
                if Some(u.as_str()) != own_uin
                    && !out.grouped_with.contains(&u)
                {
                    out.grouped_with.push(u);
                }
            }
        }
    }
    if let Some(att) = child(a, "Attachments") {
        let n = children(att, "Attachment").count();
        if n > 0 {
            warnings.push(format!(
                "the answer has {} (not included)",
                plural(n, "attachment", "attachments")
            ));
        }
    }
    out
}

/// A `<TablingMember>` or `<AnsweringMember>`: id, name, constituency (a
/// peer has none: a Lords member's "constituency" is dropped).
fn member(
    m: Node<'_, '_>,
    house: Option<House>,
    warnings: &mut Vec<String>,
) -> Option<Person> {
    let name = child_text(m, "MemberName");
    let mut p = name.as_deref().and_then(text::person).unwrap_or_default();
    p.member_id = number(m, "MemberId", warnings);
    if let Some(c) = child_text(m, "Constituency") {
        let peer = p.name.as_deref().is_some_and(names::is_peer);
        if names::is_peerage_type(&c) {
            // "Life peer" and the like: not a constituency.
        } else if house == Some(House::Lords) || peer {
            warnings.push(format!(
                "constituency {c:?} given for a member of the House of \
                 Lords: left out"
            ));
        } else {
            p.constituency = Some(c);
        }
    }
    p.party = child_text(m, "Party");
    (p != Person::default()).then_some(p)
}

/// The House of a `<House>` element: `HouseId` 1 is the Commons, 2 the
/// Lords; else its `HouseName`.
fn house(h: Node<'_, '_>) -> Option<House> {
    match child_text(h, "HouseId").as_deref() {
        Some("1") => return Some(House::Commons),
        Some("2") => return Some(House::Lords),
        _ => {}
    }
    let name = child_text(h, "HouseName")?.to_ascii_lowercase();
    if name.contains("commons") {
        Some(House::Commons)
    } else if name.contains("lords") {
        Some(House::Lords)
    } else {
        None
    }
}

/// A question's or answer's text: HTML (the API escapes answer HTML) or
/// plain text, whose line breaks are only the document's indentation.
fn clean_text(t: &str) -> String {
    if text::html::looks_like_html(t) {
        text::html_to_text(t)
    } else {
        text::html::normalize_spaces(&t.replace('\n', " "))
    }
}

/// A `<Target>` as `addressed_to`: spaces cleaned, and a leading `The`
/// lower-cased as in the question's own `To ask the ...` form.
fn addressee(t: &str) -> String {
    let t = text::html::normalize_spaces(t);
    match t.strip_prefix("The ") {
        Some(rest) => format!("the {rest}"),
        None => t,
    }
}

fn first_text(node: Node<'_, '_>, names: &[&str]) -> Option<String> {
    names.iter().find_map(|n| child_text(node, n))
}

fn date(
    node: Node<'_, '_>,
    name: &str,
    warnings: &mut Vec<String>,
) -> Option<Date> {
    let raw = child_text(node, name)?;
    let d = parse_date(&raw);
    if d.is_none() {
        warnings.push(format!("cannot read <{name}> {raw:?} as a date"));
    }
    d
}

fn number(
    node: Node<'_, '_>,
    name: &str,
    warnings: &mut Vec<String>,
) -> Option<u64> {
    let raw = child_text(node, name)?;
    let n = raw.parse().ok();
    if n.is_none() {
        warnings.push(format!("cannot read <{name}> {raw:?} as a number"));
    }
    n
}

fn boolean(
    node: Node<'_, '_>,
    name: &str,
    warnings: &mut Vec<String>,
) -> Option<bool> {
    let raw = child_text(node, name)?;
    match raw.to_ascii_lowercase().as_str() {
        "true" | "1" => Some(true),
        "false" | "0" => Some(false),
        _ => {
            warnings
                .push(format!("cannot read <{name}> {raw:?} as true/false"));
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(xml: &str) -> Result<Parsed> {
        parse(&Input { path: "t.xml", text: xml })
    }

    #[test]
    fn detection() {
        assert!(detect(
            "<?xml version=\"1.0\"?><Answer xmlns=\"http://data.parliament.uk/QnA/2013/02\"/>"
        ));
        assert!(detect("<!-- c -->\n<Question>\n<Uin>1</Uin></Question>"));
        assert!(detect(
            "<?xml version=\"1.0\"?>\n<Error><Message>x</Message></Error>"
        ));
        assert!(!detect("<publicwhip><ques/></publicwhip>"));
        assert!(!detect("Question <Uin> in prose"));
        assert!(!detect("{\"Question\": \"<Uin>\"}"));
        assert!(!detect(
            "<html><a href=\"http://data.parliament.uk/QnA/2013/02\">x</a></html>"
        ));
    }

    #[test]
    fn question_fields() {
        let p = run(
            "<Questions xmlns='http://data.parliament.uk/QnA/2013/02' \
             xmlns:xsi='http://www.w3.org/2001/XMLSchema-instance'>\
             <Question><Uin>123</Uin><House><HouseId>1</HouseId></House>\
             <TabledDate>2013-01-22Z</TabledDate><UpdatedDate>2013-02-03T10:30:46Z</UpdatedDate>\
             <QuestionType>Ordinary</QuestionType><RegisteredInterest>true</RegisteredInterest>\
             <Heading xsi:nil='true'/>\
             <Text>To ask the Secretary of State for Justice, what\n   steps.</Text>\
             <Answer><IsHoldingAnswer>true</IsHoldingAnswer>\
             <Text>&lt;p&gt;One &amp;pound;3.&lt;/p&gt;&lt;p&gt;Two&lt;/p&gt;</Text>\
             <OtherQuestionsInGroup><QuestionInGroup><Uin>123</Uin></QuestionInGroup>\
             <QuestionInGroup><Uin>124</Uin></QuestionInGroup></OtherQuestionsInGroup>\
             </Answer></Question></Questions>",
        )
        .unwrap();
        let r = &p.records[0];
        assert_eq!(r.uin.as_deref(), Some("123"));
        assert_eq!(r.house, Some(House::Commons));
        assert_eq!(r.heading, None);
        let q = r.question.as_ref().unwrap();
        assert_eq!(q.tabled_on.as_deref(), Some("2013-01-22"));
        assert_eq!(q.named_day, Some(false));
        assert_eq!(q.registered_interest, Some(true));
        assert_eq!(
            q.text.as_deref(),
            Some("To ask the Secretary of State for Justice, what steps.")
        );
        assert_eq!(
            q.addressed_to.as_deref(),
            Some("the Secretary of State for Justice")
        );
        let a = r.answer.as_ref().unwrap();
        assert!(a.is_holding);
        assert_eq!(a.text.as_deref(), Some("One £3.\n\nTwo"));
        assert_eq!(a.grouped_with, vec!["124".to_string()]);
    }

    #[test]
    fn daily_report_of_statements_only_is_skipped_with_a_note() {
        let xml = r#"<DailyReport xmlns="http://data.parliament.uk/QnA/private/2013/02">
  <ReportQuestions /><WrittenStatements><WrittenStatement><Wsid>HCWS1</Wsid>
  <Title>T</Title><Text>x</Text></WrittenStatement></WrittenStatements></DailyReport>"#;
        let p = run(xml).unwrap_or_else(|e| panic!("{e}"));
        assert!(p.records.is_empty());
        assert!(p.notes.iter().any(|n| n.contains("1 written statement")));
    }

    #[test]
    fn daily_report_answer_beside_question_with_flags_in_version() {
        let xml = r#"<DailyReport xmlns="http://data.parliament.uk/QnA/private/2013/02">
  <ReportQuestions><ReportQuestion><Heading>Prisons</Heading>
    <Answer><Uin>HL99</Uin>
      <DateOfHoldingAnswer>2016-04-20</DateOfHoldingAnswer>
      <DateAnswered>2016-05-03</DateAnswered>
      <DateOfMinisterialCorrection>2016-05-04</DateOfMinisterialCorrection>
      <CurrentVersion><Minister><MemberId>1</MemberId><MemberName>Old</MemberName></Minister>
        <IsHoldingAnswer>false</IsHoldingAnswer><Text>old text</Text></CurrentVersion>
      <ReportCurrentAnsweredVersion><Minister><MemberId>2</MemberId><MemberName>Lord Faulks</MemberName></Minister>
        <IsHoldingAnswer>true</IsHoldingAnswer><Text>&lt;p&gt;R&amp;amp;D &lt;b&gt;now&lt;/b&gt;&lt;/p&gt;</Text>
        <IsMinisterialCorrection>true</IsMinisterialCorrection></ReportCurrentAnsweredVersion>
    </Answer>
    <Question><Uin>HL99</Uin><Text>To ask Her Majesty's Government what</Text></Question>
  </ReportQuestion></ReportQuestions></DailyReport>"#;
        let p = run(xml).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(p.records.len(), 1);
        let r = &p.records[0];
        assert_eq!(r.heading.as_deref(), Some("Prisons"));
        let a = r.answer.as_ref().unwrap_or_else(|| panic!("no answer"));
        assert_eq!(a.text.as_deref(), Some("R&D now"));
        assert_eq!(a.answered_on.as_deref(), Some("2016-05-03"));
        assert_eq!(a.holding_answered_on.as_deref(), Some("2016-04-20"));
        assert_eq!(a.corrected_on.as_deref(), Some("2016-05-04"));
        assert!(a.is_holding && a.is_correction);
        let who = a.answerer.as_ref().and_then(|p| p.name.as_deref());
        assert_eq!(who, Some("Lord Faulks"));
    }

    #[test]
    fn error_document() {
        let e = run("<?xml version=\"1.0\" encoding=\"utf-16\"?>\n<Error><Message>Validation failed.</Message></Error>")
            .unwrap_err();
        assert!(
            matches!(e.kind(), ErrorKind::ErrorDocument(m) if m == "Validation failed.")
        );
    }

    #[test]
    fn every_prefix_parses_without_panic() {
        for xml in [
            include_str!("../../fixtures/qna_xml/moj_questions_by_uin.xml"),
            include_str!(
                "../../fixtures/qna_xml/moj_sample_question_with_answer.xml"
            ),
        ] {
            for (i, _) in xml.char_indices() {
                let _ = run(&xml[..i]);
                let _ = detect(&xml[..i]);
            }
        }
    }

    #[test]
    fn broken_and_empty() {
        let e = run("<Questions><Question><Uin>1</Uin>").unwrap_err();
        assert!(matches!(e.kind(), ErrorKind::Xml(_)));
        assert!(e.position().is_some());
        // An empty list is a note, as the API's empty lists are.
        let p = run("<Questions></Questions>").unwrap();
        assert!(p.records.is_empty() && p.failure.is_none());
        assert_eq!(p.notes.len(), 1);
        assert!(p.notes[0].ends_with("the <Questions> list is empty"));
        let p = run("<Question><Uin>1</Uin><Text>x</Text></Question>\n<?xml version='1.0'?><Answer/>")
            .unwrap();
        assert_eq!(p.records.len(), 1);
        let f = p.failure.unwrap();
        assert_eq!(f.position().map(|p| p.line), Some(2));
    }
}
