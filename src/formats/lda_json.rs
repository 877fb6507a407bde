//! Linked Data API (`eldaddp` / `lda.data.parliament.uk`)
//! `answeredquestions` JSON: `{"format": "linked-data-api", "result":
//! {…header…, "items": [ … ]}}`.
//!
//! Values are wrapped: `{"_value": "…", "_datatype": "dateTime"}`,
//! sometimes in arrays (`"AnsweringBody": [{"_value": "…"}]`); members are
//! objects with an `_about` URI (`http://data.parliament.uk/members/4148`)
//! and a `label` ("Biography information for …", used for the name only
//! when `tablingMemberPrinted`/`answeringMemberPrinted` is missing). A
//! `_properties` query drops keys: every key is optional. The header's
//! `isPartOf` is a string on page 0 and an object on later pages; the
//! header is skipped either way.
//!
//! Saved copies are often cut short. The items are read one by one (the
//! `items` array is walked element by element), so the items before the
//! cut become records; the cut item is closed after its last complete
//! field (a cut `answerText` or `questionText` is kept, marked
//! `truncated`) and emitted as a partial record with a warning, and the
//! failure is reported with the path of the field it stopped in
//! (`result.items[0].answer.answerText`). Raw newlines inside strings,
//! which some saved copies have, are accepted.

use serde_json::{Map, Value};

use super::wqapi_json_stream::{self as js, JsonFail, Step};
use super::{FrameParsed, Tally};
use crate::error::{Error, ErrorKind, Result};
use crate::format::Format;
use crate::record::{Answer, House, Person, Record};
use crate::text::{self, clean_plain, names, parse_date, to_text, Date};
use crate::{Input, Parsed};

/// Whether the start of a document is Linked Data API JSON.
pub(crate) fn looks_like_lda(head: &str) -> bool {
    head.contains("\"linked-data-api\"")
        || (head.contains("\"result\"")
            && head.contains("\"items\"")
            && head.contains("\"_about\""))
        || (head.contains("\"result\"") && head.contains("\"primaryTopic\""))
}

/// Whether `text` looks like Linked Data API JSON.
pub(crate) fn detect(text: &str) -> bool {
    let head = text::head(text, 16_384);
    head.trim_start().starts_with('{') && looks_like_lda(head)
}

/// Parses a Linked Data API JSON document, keeping the items before a cut.
pub(crate) fn parse(input: &Input<'_>) -> Result<Parsed> {
    let escaped = js::escape_controls(input.text);
    let text: &str = &escaped.text;
    let mut st = State {
        input,
        frame: false,
        prefix: "",
        records: Vec::new(),
        items: 0,
        not_questions: 0,
    };
    let mut found = false;
    let walked = js::walk_object(text, 0, |key, p| {
        if key != "result" || text.as_bytes().get(p) != Some(&b'{') {
            return Ok(None);
        }
        js::walk_object(text, p, |k, q| match (k, text.as_bytes().get(q)) {
            ("items", Some(b'[')) => {
                found = true;
                js::walk_array(text, q, |i, e| st.item(text, i, e)).map(Some)
            }
            ("primaryTopic", Some(b'{')) => {
                found = true;
                st.item(text, usize::MAX, q)
                    .map_err(|mut f| {
                        f.element = Some((usize::MAX, q));
                        f
                    })
                    .map(Some)
            }
            _ => Ok(None),
        })
        .map(Some)
    });
    let failure = match walked {
        Ok(end) if js::skip_ws(text, end) < text.len() => {
            let at = js::skip_ws(text, end);
            Some(
                Error::new(ErrorKind::Json(format!(
                    "expected the end of the JSON document, found {}",
                    js::found_at(text, at)
                )))
                .at_offset(input.text, escaped.original(at)),
            )
        }
        Ok(_) => None,
        Err(f) => Some(st.fail(text, &f, |o| escaped.original(o))),
    };
    if st.records.is_empty() {
        if let Some(e) = failure {
            return Err(e);
        }
        if !found {
            return Err(Error::new(ErrorKind::NoRecords(
                "expected result.items (or result.primaryTopic) in the Linked \
                 Data API JSON, found none"
                    .into(),
            )));
        }
        if st.items > 0 {
            return Err(Error::new(ErrorKind::NoRecords(format!(
                "none of the {} items is a written question (no questionText, \
                 uin or answer)",
                st.items
            ))));
        }
        return Ok(Parsed {
            notes: vec![format!(
                "{}: the response lists no items",
                input.path
            )],
            ..Parsed::default()
        });
    }
    let mut notes = Vec::new();
    if st.not_questions > 0 {
        notes.push(format!(
            "{}: skipped {} items that are not written questions",
            input.path, st.not_questions
        ));
    }
    Ok(Parsed { records: st.records, notes, failure, ..Parsed::default() })
}

/// Parses one element of `result.items`, read as a frame of a JSON
/// stream; a cut item is kept as a partial record when it holds some of a
/// question.
pub(crate) fn parse_item(input: &Input<'_>, label: &str) -> FrameParsed {
    let escaped = js::escape_controls(input.text);
    let text: &str = &escaped.text;
    let mut st = State {
        input,
        frame: true,
        prefix: label,
        records: Vec::new(),
        items: 0,
        not_questions: 0,
    };
    let failure = match js::read_at::<Value>(text, js::skip_ws(text, 0)) {
        Ok((value, _)) => {
            st.take(&value, None);
            None
        }
        Err(mut f) => {
            f.element = Some((0, js::skip_ws(text, 0)));
            Some(st.fail(text, &f, |o| escaped.original(o)))
        }
    };
    FrameParsed {
        tally: Tally {
            items: st.items,
            not_questions: st.not_questions,
            lists: 0,
            ..Tally::default()
        },
        failure,
        records: st.records,
    }
}

/// What a streamed Linked Data API input gave, from the sum of its
/// frames: the notes, and the failure when it holds no record.
pub(crate) fn conclude(
    path: &str,
    tally: &Tally,
    records: usize,
    failure: Option<Error>,
) -> (Vec<String>, Option<Error>) {
    let mut notes = Vec::new();
    if records > 0 || failure.is_some() {
        if tally.not_questions > 0 && records > 0 {
            notes.push(format!(
                "{path}: skipped {} items that are not written questions",
                tally.not_questions
            ));
        }
        return (notes, failure);
    }
    if tally.items > 0 {
        let e = Error::new(ErrorKind::NoRecords(format!(
            "none of the {} items is a written question (no questionText, \
             uin or answer)",
            tally.items
        )));
        return (notes, Some(e));
    }
    if tally.lists == 0 {
        let e = Error::new(ErrorKind::NoRecords(
            "expected result.items (or result.primaryTopic) in the Linked \
             Data API JSON, found none"
                .into(),
        ));
        return (notes, Some(e));
    }
    notes.push(format!("{path}: the response lists no items"));
    (notes, None)
}

struct State<'i, 'a> {
    input: &'i Input<'a>,
    /// Whether the text is one item read as a frame of a stream.
    frame: bool,
    /// Where the item is in the stream (`result.items[3]`), for messages.
    prefix: &'i str,
    records: Vec<Record>,
    items: usize,
    not_questions: usize,
}

impl State<'_, '_> {
    /// Reads the item at `pos` into a record.
    fn item(
        &mut self,
        text: &str,
        _index: usize,
        pos: usize,
    ) -> Result<usize, JsonFail> {
        let (value, end) = js::read_at::<Value>(text, pos)?;
        self.take(&value, None);
        Ok(end)
    }

    fn take(&mut self, value: &Value, cut: Option<(&str, &[Step])>) {
        self.items += 1;
        let index = self.records.len();
        match item_record(self.input, index, value) {
            Some(mut r) => {
                if let Some((at, partial)) = cut {
                    r.warn(format!(
                        "the input {at}: this record is incomplete \
                         (fields after the cut are missing)"
                    ));
                    let in_field = |f: &str| {
                        partial.iter().any(|s| *s == Step::Key(f.into()))
                    };
                    if in_field("answerText") {
                        if let Some(a) = r.answer.as_mut() {
                            a.truncated = true;
                        }
                    } else if in_field("questionText") {
                        if let Some(q) = r.question.as_mut() {
                            q.truncated = true;
                        }
                    }
                }
                self.records.push(r);
            }
            None => self.not_questions += 1,
        }
    }

    /// The error for a walk failure; a cut item is kept as a partial
    /// record when it holds some of a question.
    fn fail(
        &mut self,
        text: &str,
        f: &JsonFail,
        original: impl Fn(usize) -> usize,
    ) -> Error {
        let whole = js::close_cut(text, 0, f.offset, |_| false);
        let mut path = whole.path;
        if path.last() == Some(&Step::Key("_value".into())) {
            path.pop();
        }
        let at = match (self.prefix, js::path_string(&path)) {
            ("", at) => at,
            (prefix, at) if at.is_empty() => prefix.to_string(),
            (prefix, at) => format!("{prefix}.{at}"),
        };
        let mut message = if f.eof {
            "unexpected end of input".to_string()
        } else {
            f.message.clone()
        };
        if !at.is_empty() {
            message = format!("{message} inside {at}");
        }
        let complete = self.records.len();
        let mut kept = None;
        if let Some((_, start)) = f.element {
            let keep = |p: &[Step]| {
                let keys: Vec<&str> = p
                    .iter()
                    .filter_map(|s| match s {
                        Step::Key(k) => Some(k.as_str()),
                        Step::Index(_) => None,
                    })
                    .collect();
                matches!(
                    keys.as_slice(),
                    ["answer", "answerText"]
                        | ["answer", "answerText", "_value"]
                        | ["questionText"]
                        | ["questionText", "_value"]
                )
            };
            let cut = js::close_cut(text, start, f.offset, keep);
            if let Ok(value) = serde_json::from_str::<Value>(&cut.closed) {
                let partial = cut.partial.unwrap_or_default();
                let place = if f.eof {
                    format!("ends inside {at}")
                } else {
                    format!("is not valid JSON inside {at}")
                };
                self.take(&value, Some((&place, &partial)));
                if self.records.len() > complete {
                    kept =
                        Some(match &self.records[complete].source.resource {
                            Some(r) => format!(
                                "the cut item (resource {r}) is kept as a \
                             partial record"
                            ),
                            None => "the cut item is kept as a partial record"
                                .into(),
                        });
                }
            }
        }
        if self.frame {
            // One item of a stream: the items before it are other frames.
            if let Some(k) = kept {
                message.push_str(&format!(" ({k})"));
            }
        } else if f.element.is_some() || complete > 0 {
            message.push_str(&format!(
                " ({complete} complete item{} before it{})",
                if complete == 1 { "" } else { "s" },
                kept.map(|k| format!("; {k}")).unwrap_or_default()
            ));
        }
        Error::new(ErrorKind::Json(message))
            .at_offset(self.input.text, original(f.offset))
    }
}

/// The first scalar in `v`: a string, number or boolean, the `_value` of
/// a wrapped value, or the first such element of an array.
fn scalar(v: &Value) -> Option<String> {
    let s = match v {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        Value::Bool(b) => b.to_string(),
        Value::Object(m) => return m.get("_value").and_then(scalar),
        Value::Array(a) => return a.iter().find_map(scalar),
        Value::Null => return None,
    };
    (!s.trim().is_empty()).then_some(s)
}

/// Every scalar in `v` (for lists such as grouped questions).
fn scalars(v: &Value) -> Vec<String> {
    match v {
        Value::Array(a) => a.iter().filter_map(scalar).collect(),
        v => scalar(v).into_iter().collect(),
    }
}

/// The value at `key` of an object, or of the first element of an array
/// that has it.
fn field<'v>(v: &'v Value, key: &str) -> Option<&'v Value> {
    match v {
        Value::Object(m) => m.get(key),
        Value::Array(a) => a.iter().find_map(|x| field(x, key)),
        _ => None,
    }
}

/// The scalar at a path of keys.
fn at(v: &Value, path: &[&str]) -> Option<String> {
    let mut cur = v;
    for k in path {
        cur = field(cur, k)?;
    }
    scalar(cur)
}

fn parse_bool(v: Option<String>) -> Option<bool> {
    match v?.trim().to_ascii_lowercase().as_str() {
        "true" | "1" => Some(true),
        "false" | "0" => Some(false),
        _ => None,
    }
}

/// The last segment of an `_about` URI (`…/resources/419569` → `419569`).
fn resource_of(item: &Map<String, Value>) -> Option<String> {
    let about = item.get("_about").and_then(Value::as_str)?;
    let tail = about.trim_end_matches('/').rsplit('/').next()?;
    (!tail.is_empty()).then(|| tail.to_string())
}

/// A person from a printed name, a member object (`_about`, `label`) and a
/// constituency.
fn person_of(
    printed: Option<String>,
    member: Option<&Value>,
    constituency: Option<String>,
) -> Option<Person> {
    let label = member.and_then(|m| at(m, &["label"])).map(|l| {
        let t = l.trim();
        t.strip_prefix("Biography information for")
            .unwrap_or(t)
            .trim()
            .to_string()
    });
    let mut p = printed
        .as_deref()
        .and_then(text::person)
        .or_else(|| label.as_deref().and_then(text::person))
        .unwrap_or_default();
    p.member_id = member
        .and_then(|m| field(m, "_about"))
        .and_then(Value::as_str)
        .and_then(names::member_id_from_uri);
    p.constituency = constituency
        .map(|c| clean_plain(&c))
        .filter(|c| !c.is_empty() && !names::is_peerage_type(c));
    (p != Person::default()).then_some(p)
}

fn date_at(
    v: &Value,
    keys: &[&str],
    warnings: &mut Vec<String>,
) -> Option<Date> {
    for k in keys {
        if let Some(s) = at(v, &[k]) {
            let d = parse_date(&s);
            if d.is_none() {
                warnings.push(format!("cannot read {k} {s:?} as a date"));
            }
            return d;
        }
    }
    None
}

/// The record of one item; `None` when the item is not a question.
fn item_record(
    input: &Input<'_>,
    index: usize,
    item: &Value,
) -> Option<Record> {
    let obj = item.as_object()?;
    let answer = obj.get("answer").filter(|a| a.is_object());
    let question_text = at(item, &["questionText"]);
    let uin = at(item, &["uin"]);
    let answer_text = answer.and_then(|a| at(a, &["answerText"]));
    if question_text.is_none() && uin.is_none() && answer.is_none() {
        return None;
    }
    let mut warnings = Vec::new();
    let mut r = Record::question(input.source(
        Format::LdaJson,
        index,
        resource_of(obj),
    ));
    r.uin = uin.map(|u| u.trim().to_string());
    r.heading = at(item, &["hansardHeading"]).map(|h| clean_plain(&h));
    r.house = match at(item, &["houseId"]).as_deref().map(str::trim) {
        Some("1") => Some(House::Commons),
        Some("2") => Some(House::Lords),
        _ => {
            let label = at(item, &["legislature", "prefLabel"])
                .or_else(|| at(item, &["publisher", "prefLabel"]))
                .unwrap_or_default();
            if label.contains("Commons") {
                Some(House::Commons)
            } else if label.contains("Lords") {
                Some(House::Lords)
            } else {
                None
            }
        }
    };

    let q = r.question.get_or_insert_with(Default::default);
    if let Some(t) =
        question_text.as_deref().map(to_text).filter(|t| !t.is_empty())
    {
        q.addressed_to = text::addressed_to(&t);
        q.text = Some(t);
    }
    q.tabled_on = date_at(item, &["dateTabled", "date"], &mut warnings);
    q.answering_body = at(item, &["AnsweringBody"]).map(|b| clean_plain(&b));
    q.answering_body_id =
        at(item, &["answeringDeptId"]).and_then(|s| s.trim().parse().ok());
    q.registered_interest = parse_bool(at(item, &["registeredInterest"]));
    q.asker = person_of(
        at(item, &["tablingMemberPrinted"]),
        obj.get("tablingMember"),
        at(item, &["tablingMemberConstituency"]),
    );

    if let Some(a) = answer {
        let mut ans = Answer {
            text: answer_text
                .as_deref()
                .map(to_text)
                .filter(|t| !t.is_empty()),
            ..Answer::default()
        };
        ans.answered_on = date_at(
            a,
            &["dateOfAnswer", "questionFirstAnswered"],
            &mut warnings,
        );
        ans.answerer = person_of(
            at(a, &["answeringMemberPrinted"]),
            a.get("answeringMember"),
            at(a, &["answeringMemberConstituency"]),
        );
        ans.is_correction =
            parse_bool(at(a, &["isMinisterialCorrection"])).unwrap_or(false);
        ans.corrected_on =
            date_at(a, &["dateOfMinisterialCorrection"], &mut warnings);
        ans.is_holding = parse_bool(
            at(a, &["isHoldingAnswer"])
                .or_else(|| at(item, &["isHoldingAnswer"])),
        )
        .unwrap_or(false);
        ans.holding_answered_on =
            date_at(a, &["dateOfHoldingAnswer"], &mut warnings).or_else(
                || date_at(item, &["dateOfHoldingAnswer"], &mut warnings),
            );
        ans.grouped_with = ["groupedQuestionUIN", "groupedQuestion"]
            .iter()
            .flat_map(|k| {
                a.get(*k)
                    .or_else(|| obj.get(*k))
                    .map(scalars)
                    .unwrap_or_default()
            })
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect();
        if ans.text.is_none()
            && ans.answered_on.is_none()
            && ans.answerer.is_none()
        {
            // An empty `answer` object: not answered.
        } else {
            r.answer = Some(ans);
        }
    }
    r.warnings.extend(warnings);
    Some(r)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_str(text: &str) -> Result<Parsed> {
        parse(&Input { path: "x.json", text })
    }

    const ITEM: &str = r#"{"_about" : "http://data.parliament.uk/resources/1140099",
        "AnsweringBody" : [{"_value" : "Department for Education"}],
        "answer" : {"_about" : "http://data.parliament.uk/resources/1140099/answer",
          "answerText" : {"_value" : "<p>We are providing £410 million.<\/p>", "_datatype" : "string"},
          "answeringMember" : {"_about" : "http://data.parliament.uk/members/4113",
             "label" : {"_value" : "Biography information for Nadhim Zahawi"}},
          "answeringMemberConstituency" : {"_value" : "Stratford-on-Avon"},
          "answeringMemberPrinted" : {"_value" : "Nadhim Zahawi"},
          "dateOfAnswer" : {"_value" : "2019-07-22", "_datatype" : "dateTime"},
          "isMinisterialCorrection" : {"_value" : "false", "_datatype" : "boolean"},
          "questionFirstAnswered" : [{"_value" : "2019-07-22T16:46:42.68Z", "_datatype" : "dateTime"}]},
        "answeringDeptId" : {"_value" : "60", "_datatype" : "integer"},
        "date" : {"_value" : "2019-07-18", "_datatype" : "dateTime"},
        "hansardHeading" : {"_value" : "Children: Social Services"},
        "houseId" : {"_value" : "1", "_datatype" : "integer"},
        "questionText" : "To ask the Secretary of State for Education, what steps",
        "registeredInterest" : {"_value" : "false", "_datatype" : "boolean"},
        "tablingMember" : {"_about" : "http://data.parliament.uk/members/4649",
           "label" : {"_value" : "Biography information for Thelma Walker"}},
        "tablingMemberConstituency" : {"_value" : "Colne Valley"},
        "tablingMemberPrinted" : [{"_value" : "Thelma Walker"}],
        "uin" : "912085"}"#;

    #[test]
    fn detects() {
        assert!(detect(
            r#"{ "format" : "linked-data-api", "version" : "0.2", "result" : {}}"#
        ));
        assert!(!detect(
            r#"{"totalResults":1,"results":[{"value":{"id":1}}]}"#
        ));
    }

    #[test]
    fn reads_a_complete_item() {
        let doc = format!(
            r#"{{"format" : "linked-data-api", "result" : {{"isPartOf" : {{"type" : "x"}}, "items" : [{ITEM}]}}}}"#
        );
        let p = parse_str(&doc).unwrap();
        assert!(p.failure.is_none());
        let r = &p.records[0];
        assert_eq!(r.source.resource.as_deref(), Some("1140099"));
        assert_eq!(r.uin.as_deref(), Some("912085"));
        assert_eq!(r.house, Some(House::Commons));
        let q = r.question.as_ref().unwrap();
        assert_eq!(q.tabled_on.as_deref(), Some("2019-07-18"));
        assert_eq!(q.answering_body_id, Some(60));
        assert_eq!(q.registered_interest, Some(false));
        let asker = q.asker.as_ref().unwrap();
        assert_eq!(asker.name.as_deref(), Some("Thelma Walker"));
        assert_eq!(asker.member_id, Some(4649));
        assert_eq!(asker.constituency.as_deref(), Some("Colne Valley"));
        let a = r.answer.as_ref().unwrap();
        assert_eq!(a.text.as_deref(), Some("We are providing £410 million."));
        assert_eq!(a.answered_on.as_deref(), Some("2019-07-22"));
        assert_eq!(a.answerer.as_ref().unwrap().member_id, Some(4113));
        assert!(!a.truncated);
    }

    #[test]
    fn cut_item_is_kept_partially_and_reported() {
        let doc = format!(
            "{{\"format\" : \"linked-data-api\", \"result\" : {{\"items\" : [{ITEM}, \
             {{\"_about\" : \"http://data.parliament.uk/resources/2\", \"answer\" : \
             {{\"answerText\" : {{\"_value\" : \"\n\nIt is cut"
        );
        let p = parse_str(&doc).unwrap();
        assert_eq!(p.records.len(), 2);
        let cut = &p.records[1];
        assert!(cut.answer.as_ref().unwrap().truncated);
        assert_eq!(
            cut.answer.as_ref().unwrap().text.as_deref(),
            Some("It is cut")
        );
        let e = p.failure.unwrap().to_string();
        assert!(e.contains("unexpected end of input inside result.items[1].answer.answerText"), "{e}");
        assert!(
            e.contains("(1 complete item before it; the cut item (resource 2) is kept as a partial record)"),
            "{e}"
        );
        let last_line = doc.lines().count();
        assert!(
            e.starts_with(&format!("line {last_line}, column 10: ")),
            "{e}"
        );
    }

    #[test]
    fn never_panics_on_odd_inputs() {
        let deep = format!(
            "{{\"format\" : \"linked-data-api\", \"result\" : {{\"items\" : [{}",
            "[".repeat(100_000)
        );
        let deep_obj = format!(
            "{{\"format\" : \"linked-data-api\", \"result\" : {{\"items\" : [{}",
            "{\"a\":".repeat(50_000)
        );
        for text in [
            "",
            "{",
            "{\"result\": []}",
            "{\"result\": {\"items\": {}}}",
            "{\"result\": {\"items\": [1, null, \"x\", []]}}",
            deep.as_str(),
            deep_obj.as_str(),
        ] {
            let _ = parse_str(text);
        }
        let e = parse_str("{\"result\": {\"items\": [1, []]}}").unwrap_err();
        assert!(matches!(e.kind(), ErrorKind::NoRecords(_)));
        let p = parse_str("{\"result\": {\"items\": []}}").unwrap();
        assert!(p.records.is_empty() && p.failure.is_none());
    }

    #[test]
    fn cut_header_is_an_error() {
        let e = parse_str("{ \"format\" : \"linked-data-api\", \"result\" : {\"_about\" : \"http://x").unwrap_err();
        assert!(e.to_string().contains("inside result._about"), "{e}");
    }
}
