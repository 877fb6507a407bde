//! Written Questions API JSON (`/api/writtenquestions/questions`).
//!
//! Accepted shapes, alone or one per line (JSON Lines):
//!
//! - a list response `{"totalResults": N, "results": [{"value": {…}, "links": […]}, …]}`;
//! - a bare array of `{"value", "links"}` items (or of question objects);
//! - a single `{"value": {…}, "links": […]}`, or a bare question object;
//! - the "long form" rows `{"id", "question_text", "answer_text"}` and
//!   flattened records `{"id", "house", "date_tabled", "question",
//!   "answer"}` that projects build from the API.
//!
//! A question object has `id`, `uin`, `house`, `dateTabled`,
//! `questionText`, `heading`, `askingMemberId`/`askingMember`,
//! `answeringBodyId`/`answeringBodyName`, `isNamedDay`,
//! `memberHasInterest`, `dateAnswered`, `answerText`,
//! `answeringMemberId`/`answeringMember`, `answerIsHolding`,
//! `dateHoldingAnswer`, `answerIsCorrection`, `dateAnswerCorrected`,
//! `groupedQuestions`, `isWithdrawn`. With `expandMember=true` the member
//! objects give `name`, `party` and `memberFrom` (an MP's constituency, or
//! "Life peer"/"Bishops" for a peer, which is not a constituency).
//!
//! List endpoints cut `questionText` at 255 characters and cut
//! `answerText` to 255 characters of plain text followed by `...`; the
//! single-question endpoint gives the full answer as HTML. A question of
//! exactly 255 characters that does not end with `.`, `?` or `!` is taken
//! as cut; a plain-text answer ending with `...` is taken as cut.
//!
//! Written statements (`/api/writtenstatements/statements`: `title`,
//! `text`, `dateMade`) are a sibling record type: they are counted and
//! skipped with a note, not parsed as questions.
//!
//! Large lists are read element by element (each element deserialised
//! into borrowed, typed structs and turned into a record at once); a list
//! cut short keeps its complete elements and reports where it was cut.

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer};

use super::wqapi_json_stream::{self as js, JsonFail, Step};
use super::{FrameParsed, Tally};
use crate::error::{Error, ErrorKind, Result};
use crate::format::Format;
use crate::record::{Answer, House, Person, Record};
use crate::text::{self, clean_plain, names, parse_date, to_text, Date};
use crate::{Input, Parsed};

/// The length at which list endpoints cut `questionText`.
const QUESTION_CUT: usize = 255;

/// Whether `text` looks like Written Questions API JSON.
pub(crate) fn detect(text: &str) -> bool {
    let head = text::head(text, 16_384);
    let t = head.trim_start();
    if !(t.starts_with('{') || t.starts_with('[')) {
        return false;
    }
    if super::lda_json::looks_like_lda(head) {
        return false;
    }
    let has = |k: &str| head.contains(k);
    has("\"questionText\"")
        || (has("\"uin\"") && has("\"dateTabled\""))
        || (has("\"results\"")
            && (has("\"value\"") || has("\"totalResults\"")))
        || has("\"question_text\"")
        || (has("\"date_tabled\"") && has("\"question\""))
        || (has("\"dateMade\"") && has("\"uin\""))
}

/// Parses a Written Questions API document or JSON Lines file.
pub(crate) fn parse(input: &Input<'_>) -> Result<Parsed> {
    if is_json_lines(input.path, input.text) {
        return parse_lines(input);
    }
    let escaped = js::escape_controls(input.text);
    let mut sink = Sink::new(input);
    let failure = read_whole(&escaped, &mut sink, "document").map(|mut f| {
        let n = elements_after(&escaped, f.offset, &mut sink);
        f.read_on(n, "after it");
        f
    });
    sink.finish(failure)
}

/// Reads the whole (escaped) text as one JSON document into `sink`: why
/// it failed, with offsets in the original text. What follows the document
/// (`what`: "document", "value") is a failure too.
fn read_whole(
    escaped: &js::Escaped<'_>,
    sink: &mut Sink<'_, '_>,
    what: &str,
) -> Option<Fail> {
    let text: &str = &escaped.text;
    match read_document(text, sink) {
        Ok(end) if js::skip_ws(text, end) < text.len() => {
            let at = js::skip_ws(text, end);
            Some(Fail {
                message: format!(
                    "expected the end of the JSON {what}, found {}",
                    js::found_at(text, at)
                ),
                offset: escaped.original(at),
            })
        }
        Ok(_) => None,
        Err(f) => Some(sink.fail(text, &f, |o| escaped.original(o))),
    }
}

/// Parses one frame of a JSON stream (a list element, a JSON Lines line,
/// a single response): its records, what else it held, and why it failed
/// (positions in the frame's text).
pub(crate) fn parse_frame(input: &Input<'_>, label: &str) -> FrameParsed {
    let escaped = js::escape_controls(input.text);
    let text: &str = &escaped.text;
    let mut sink = Sink::new(input);
    sink.prefix = label.to_string();
    // A frame is nearly always one whole record: read it in one pass. Only
    // what that does not cover (a list inside, a cut or damaged record,
    // an object that is none of ours) takes the walk, which can salvage.
    if let Ok(node) = serde_json::from_str::<Node<'_>>(text) {
        if !matches!(node.kind(), NodeKind::Other) || node.value.0.is_some() {
            sink.node(node, None);
            return FrameParsed {
                tally: sink.tally(),
                failure: None,
                records: sink.records,
            };
        }
    }
    let failure = read_whole(&escaped, &mut sink, "value");
    let failure = failure.or_else(|| {
        let (message, offset) = sink.bad_elements.first()?.clone();
        Some(Fail { message, offset })
    });
    let failure = failure.map(|mut f| {
        f.read_on(
            inner_elements(text, &mut sink),
            "further on in the same stretch",
        );
        f
    });
    FrameParsed {
        tally: sink.tally(),
        failure: failure.map(|f| {
            Error::new(ErrorKind::Json(f.message))
                .at_offset(input.text, f.offset)
        }),
        records: sink.records,
    }
}

/// Reads the whole elements inside a frame that failed: a quote or brace
/// lost to damage shifts the splitter, so that the rest of an array is
/// taken as one frame. Each intact element in it starts as the frame does
/// (`{"value": {`, the same first member written the same way) and is
/// read on its own; the count read.
fn inner_elements(text: &str, sink: &mut Sink<'_, '_>) -> usize {
    match opening(text, 0) {
        Some(sig) => elements_like(text, sig, 1, sink),
        None => 0,
    }
}

/// The opening of the object at byte `at`: `{`, its first member's name
/// and the colon, as written (at most 64 bytes).
fn opening(text: &str, at: usize) -> Option<&str> {
    let head = text.get(at..)?;
    // (The first 64 bytes, cut back to a character boundary.)
    let colon = text::head(head, 64).find(':')?;
    let sig = &head[..=colon];
    (sig.starts_with('{') && sig.contains('"')).then_some(sig)
}

/// Reads each whole question object of `text` that starts with `sig` at
/// or after byte `from`; the count read.
fn elements_like(
    text: &str,
    sig: &str,
    mut from: usize,
    sink: &mut Sink<'_, '_>,
) -> usize {
    let mut n = 0;
    while let Some(k) = text
        .get(from..)
        .and_then(|rest| memchr::memmem::find(rest.as_bytes(), sig.as_bytes()))
    {
        let at = from + k;
        let mut stream = serde_json::Deserializer::from_str(&text[at..])
            .into_iter::<Node<'_>>();
        match stream.next() {
            Some(Ok(node))
                if !matches!(node.kind(), NodeKind::Other)
                    || node.value.0.is_some() =>
            {
                let before = sink.records.len();
                sink.node(node, None);
                n += sink.records.len() - before;
                from = at + stream.byte_offset().max(1);
            }
            _ => from = at + 1,
        }
    }
    n
}

/// After a whole document failed at byte `after` of the input: reads the
/// whole elements of its record array that stand after the break, found
/// by the opening of the array's first element; the count read.
fn elements_after(
    escaped: &js::Escaped<'_>,
    after: usize,
    sink: &mut Sink<'_, '_>,
) -> usize {
    let text: &str = &escaped.text;
    let head = text::head(text, 4096);
    let Some(first) = head.find('[').and_then(|k| {
        head[k + 1..].find(|c: char| !c.is_whitespace()).map(|j| k + 1 + j)
    }) else {
        return 0;
    };
    let Some(sig) = opening(text, first) else { return 0 };
    // The first byte past the break, in the escaped text: at or after
    // `after + 1`, as escaping only inserts (a few steps on at most).
    let mut from = (first + 1).max(after + 1);
    while from < text.len() && escaped.original(from) <= after {
        from += 1;
    }
    while from < text.len() && !text.is_char_boundary(from) {
        from += 1;
    }
    elements_like(text, sig, from, sink)
}

/// What a whole input gave, from the sum of its frames: the notes, and
/// the failure when it holds no record.
pub(crate) fn conclude(
    path: &str,
    tally: &Tally,
    records: usize,
    failure: Option<Error>,
) -> (Vec<String>, Option<Error>) {
    let mut notes = Vec::new();
    if tally.statements > 0 {
        notes.push(format!(
            "{path}: skipped {} written statement{} (not questions)",
            tally.statements,
            if tally.statements == 1 { "" } else { "s" }
        ));
    }
    if tally.not_questions > 0 && records > 0 {
        notes.push(format!(
            "{path}: skipped {} JSON object{} that {} not written questions",
            tally.not_questions,
            if tally.not_questions == 1 { "" } else { "s" },
            if tally.not_questions == 1 { "is" } else { "are" },
        ));
    }
    if records > 0 || failure.is_some() || tally.statements > 0 {
        return (notes, failure);
    }
    if let Some(doc) = &tally.error_doc {
        let e = Error::new(ErrorKind::ErrorDocument(doc.clone()));
        return (notes, Some(e));
    }
    if tally.lists > 0 && tally.not_questions == 0 {
        notes.push(format!("{path}: the response lists no questions"));
        return (notes, None);
    }
    let e = Error::new(ErrorKind::NoRecords(
        "expected Written Questions API objects (with questionText, uin \
         or question_text), found none"
            .into(),
    ));
    (notes, Some(e))
}

/// Whether the input is JSON Lines: at least two non-empty lines that each
/// start a JSON value, the first or second of them complete on its own
/// line (or a `.jsonl`/`.ndjson` name).
fn is_json_lines(path: &str, text: &str) -> bool {
    let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    let (Some(first), Some(second)) = (lines.next(), lines.next()) else {
        return false;
    };
    let opens = |l: &str| l.starts_with('{') || l.starts_with('[');
    if !(opens(first) && opens(second)) {
        return false;
    }
    let p = path.to_ascii_lowercase();
    let p = p.trim_end_matches(".gz");
    if p.ends_with(".jsonl") || p.ends_with(".ndjson") {
        return true;
    }
    let complete = |l: &str| serde_json::from_str::<IgnoredAny>(l).is_ok();
    complete(first) || complete(second)
}

fn parse_lines(input: &Input<'_>) -> Result<Parsed> {
    let mut sink = Sink::new(input);
    let mut bad: Vec<(usize, Fail)> = Vec::new();
    let mut offset = 0;
    for (n, raw) in input.text.split_inclusive('\n').enumerate() {
        let start = offset;
        offset += raw.len();
        let line = raw.trim_end_matches(['\n', '\r']);
        if line.trim().is_empty() {
            continue;
        }
        let result = match read_document(line, &mut sink) {
            Ok(end) if js::skip_ws(line, end) < line.len() => {
                let at = js::skip_ws(line, end);
                Err(Fail {
                    message: format!(
                        "expected the end of the line after the JSON value, \
                         found {}",
                        js::found_at(line, at)
                    ),
                    offset: start + at,
                })
            }
            Ok(_) => Ok(()),
            Err(f) => Err(sink.fail(line, &f, |o| start + o)),
        };
        if let Err(f) = result {
            bad.push((n + 1, f));
        }
    }
    let n_bad = bad.len();
    let failure = bad.into_iter().next().map(|(_, mut f)| {
        f.message = if n_bad > 1 {
            format!(
                "{} ({} of the lines could not be read; the others were)",
                f.message, n_bad
            )
        } else {
            format!("{} (the other lines were read)", f.message)
        };
        f
    });
    sink.finish(failure)
}

/// Reads one JSON document (a whole input or one line) into the sink;
/// returns the offset after it.
fn read_document(
    text: &str,
    sink: &mut Sink<'_, '_>,
) -> Result<usize, JsonFail> {
    let start = js::skip_ws(text, 0);
    match text.as_bytes().get(start) {
        Some(b'[') => {
            sink.container = String::new();
            sink.lists += 1;
            js::walk_array(text, start, |i, p| sink.element(text, i, p))
        }
        Some(b'{') => {
            let mut list = false;
            let walked = js::walk_object(text, start, |key, p| {
                if key == "results" && text.as_bytes().get(p) == Some(&b'[') {
                    list = true;
                    sink.container = "results".to_string();
                    sink.lists += 1;
                    js::walk_array(text, p, |i, q| sink.element(text, i, q))
                        .map(Some)
                } else {
                    Ok(None)
                }
            });
            let end = match walked {
                Ok(end) => end,
                Err(mut f) if !list => {
                    // A single object cut short: it is the one element.
                    sink.container = String::new();
                    f.element = Some((usize::MAX, start));
                    return Err(f);
                }
                Err(f) => return Err(f),
            };
            if !list {
                let (node, _) = js::read_at::<Node<'_>>(text, start)?;
                sink.node(node, None);
            }
            Ok(end)
        }
        Some(_) => Err(JsonFail::new(
            start,
            format!(
                "expected a JSON object `{{` or array `[`, found {}",
                js::found_at(text, start)
            ),
        )),
        None => Err(JsonFail::new(
            start,
            "expected a JSON value, found end of input",
        )),
    }
}

/// A failure ready to report: the message and the offset in the input.
struct Fail {
    message: String,
    offset: usize,
}

impl Fail {
    /// Says that `n` whole elements `where_` the failure were read on
    /// their own (nothing when none were).
    fn read_on(&mut self, n: usize, where_: &str) {
        if n > 0 {
            let (s, were) = if n == 1 { ("", "was") } else { ("s", "were") };
            self.message.push_str(&format!(
                "; {n} whole element{s} {where_} {were} read"
            ));
        }
    }
}

/// Collects the records of one input.
struct Sink<'i, 'a> {
    input: &'i Input<'a>,
    records: Vec<Record>,
    statements: usize,
    not_questions: usize,
    error_doc: Option<String>,
    lists: usize,
    /// The path of the array being walked (`results`, or empty for a bare
    /// array).
    container: String,
    /// Where the text is in a stream (`results[3]`), for messages.
    prefix: String,
    /// The first element that could not be read (a type mismatch), and how
    /// many there were.
    bad_elements: Vec<(String, usize)>,
}

impl<'i, 'a> Sink<'i, 'a> {
    fn new(input: &'i Input<'a>) -> Self {
        Sink {
            input,
            records: Vec::new(),
            statements: 0,
            not_questions: 0,
            error_doc: None,
            lists: 0,
            container: String::new(),
            prefix: String::new(),
            bad_elements: Vec::new(),
        }
    }

    /// Reads the array element at `pos`.
    fn element(
        &mut self,
        text: &str,
        index: usize,
        pos: usize,
    ) -> Result<usize, JsonFail> {
        if text.as_bytes().get(pos) != Some(&b'{') {
            // A nested array, a string, ...: not a question.
            let end = js::skip_value(text, pos)?;
            self.not_questions += 1;
            return Ok(end);
        }
        match js::read_at::<Node<'_>>(text, pos) {
            Ok((node, end)) => {
                self.node(node, None);
                Ok(end)
            }
            Err(f) if f.data => {
                // A value of an unexpected type: skip the element, go on.
                let end = js::skip_value(text, pos)?;
                let at = self.element_path(index, &[]);
                self.bad_elements
                    .push((format!("{} in {at}", f.message), f.offset));
                Ok(end)
            }
            Err(f) => Err(f),
        }
    }

    fn element_path(&self, index: usize, inner: &[Step]) -> String {
        let mut steps = Vec::new();
        if !self.prefix.is_empty() {
            steps.push(Step::Key(self.prefix.clone()));
        }
        if !self.container.is_empty() {
            steps.push(Step::Key(self.container.clone()));
        }
        if index != usize::MAX {
            steps.push(Step::Index(index));
        }
        steps.extend_from_slice(inner);
        js::path_string(&steps)
    }

    /// Turns a walk failure into a report, keeping what the cut element
    /// holds as a partial record when it is a question with some text.
    fn fail(
        &mut self,
        text: &str,
        f: &JsonFail,
        original: impl Fn(usize) -> usize,
    ) -> Fail {
        let mut message = f.message.clone();
        if let Some((index, start)) = f.element {
            let cut = js::close_cut(text, start, f.offset, |p| {
                matches!(
                    p.last(),
                    Some(Step::Key(k)) if matches!(k.as_str(),
                        "questionText" | "answerText" | "question_text"
                        | "answer_text" | "question" | "answer")
                )
            });
            let at = self.element_path(index, &cut.path);
            message = if f.eof {
                format!("unexpected end of input inside {at}")
            } else {
                format!("{} inside {at}", f.message)
            };
            if let Ok(node) = serde_json::from_str::<Node<'_>>(&cut.closed) {
                let before = self.records.len();
                let partial = cut.partial.as_ref().map(|p| js::path_string(p));
                let place = if f.eof {
                    format!("ends inside {at}")
                } else {
                    format!("is not valid JSON inside {at}")
                };
                self.node(node, Some((&place, partial.as_deref())));
                if self.records.len() > before {
                    message.push_str(
                        "; the element was kept as a partial record",
                    );
                }
            }
        } else if f.eof {
            message = "unexpected end of input".to_string();
        }
        Fail { message, offset: original(f.offset) }
    }

    /// Takes one object: a `{value, links}` wrapper, a question, a
    /// statement or something else.
    fn node(&mut self, node: Node<'_>, cut: Option<(&str, Option<&str>)>) {
        if let Some(inner) = node.value.0 {
            return self.node(*inner, cut);
        }
        match node.kind() {
            NodeKind::Question => {
                let index = self.records.len();
                let mut r = record(self.input, index, &node);
                if let Some((at, partial)) = cut {
                    r.warn(format!(
                        "the input {at}: this record is incomplete \
                         (fields after the cut are missing)"
                    ));
                    if let Some(p) = partial {
                        let field = p.rsplit('.').next().unwrap_or(p);
                        let q = matches!(
                            field,
                            "questionText" | "question_text" | "question"
                        );
                        if q {
                            if let Some(q) = r.question.as_mut() {
                                q.truncated = true;
                            }
                        } else if let Some(a) = r.answer.as_mut() {
                            a.truncated = true;
                        }
                    }
                }
                self.records.push(r);
            }
            NodeKind::Statement => self.statements += 1,
            NodeKind::ErrorDocument => {
                let status = node.status.string().unwrap_or_default();
                let title = node.title.text().unwrap_or("");
                let detail = node.detail.text().unwrap_or("");
                self.error_doc = Some(
                    [status.as_str(), title, detail]
                        .iter()
                        .filter(|s| !s.is_empty())
                        .copied()
                        .collect::<Vec<_>>()
                        .join(": "),
                );
            }
            NodeKind::Other => self.not_questions += 1,
        }
    }

    /// What was seen besides the records (the error document is taken).
    fn tally(&mut self) -> Tally {
        Tally {
            statements: self.statements,
            not_questions: self.not_questions,
            error_doc: self.error_doc.take(),
            lists: self.lists,
            items: 0,
        }
    }

    fn finish(mut self, mut failure: Option<Fail>) -> Result<Parsed> {
        if failure.is_none() {
            let n = self.bad_elements.len();
            if let Some((msg, offset)) = self.bad_elements.first().cloned() {
                let more = if n > 1 {
                    format!(
                        " ({n} elements could not be read; the others were)"
                    )
                } else {
                    " (the other elements were read)".to_string()
                };
                failure =
                    Some(Fail { message: format!("{msg}{more}"), offset });
            }
        }
        let failure = failure.map(|f| {
            Error::new(ErrorKind::Json(f.message))
                .at_offset(self.input.text, f.offset)
        });
        let tally = self.tally();
        let (notes, failure) =
            conclude(self.input.path, &tally, self.records.len(), failure);
        if self.records.is_empty() && tally.statements == 0 {
            if let Some(e) = failure {
                return Err(e);
            }
        }
        Ok(Parsed {
            records: self.records,
            notes,
            failure,
            ..Parsed::default()
        })
    }
}

/// What an object is.
enum NodeKind {
    Question,
    Statement,
    ErrorDocument,
    Other,
}

/// Any object of the API's output, with every key this module reads. All
/// values are read leniently ([`Val`], [`Obj`], [`List`]): a value of an
/// unexpected type is ignored, never an error.
#[derive(Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
struct Node<'a> {
    #[serde(borrow)]
    value: Obj<Box<Node<'a>>>,
    #[serde(borrow)]
    id: Val<'a>,
    #[serde(borrow)]
    uin: Val<'a>,
    #[serde(borrow)]
    house: Val<'a>,
    #[serde(borrow)]
    member_has_interest: Val<'a>,
    #[serde(borrow)]
    date_tabled: Val<'a>,
    #[serde(borrow)]
    question_text: Val<'a>,
    #[serde(borrow)]
    heading: Val<'a>,
    #[serde(borrow)]
    answering_body_id: Val<'a>,
    #[serde(borrow)]
    answering_body_name: Val<'a>,
    #[serde(borrow)]
    is_withdrawn: Val<'a>,
    #[serde(borrow)]
    is_named_day: Val<'a>,
    #[serde(borrow)]
    grouped_questions: List<Vec<Val<'a>>>,
    #[serde(borrow)]
    grouped_questions_dates: List<Vec<Obj<GroupedDate<'a>>>>,
    #[serde(borrow)]
    answer_is_holding: Val<'a>,
    #[serde(borrow)]
    answer_is_correction: Val<'a>,
    #[serde(borrow)]
    asking_member_id: Val<'a>,
    #[serde(borrow)]
    asking_member: Obj<Member<'a>>,
    #[serde(borrow)]
    answering_member_id: Val<'a>,
    #[serde(borrow)]
    answering_member: Obj<Member<'a>>,
    #[serde(borrow)]
    date_answered: Val<'a>,
    #[serde(borrow)]
    answer_text: Val<'a>,
    #[serde(borrow)]
    date_answer_corrected: Val<'a>,
    #[serde(borrow)]
    date_holding_answer: Val<'a>,
    // The "long form" rows and flattened records.
    #[serde(borrow, rename = "question_text")]
    long_question_text: Val<'a>,
    #[serde(borrow, rename = "answer_text")]
    long_answer_text: Val<'a>,
    #[serde(borrow, rename = "date_tabled")]
    flat_date_tabled: Val<'a>,
    #[serde(borrow)]
    question: Val<'a>,
    #[serde(borrow)]
    answer: Val<'a>,
    // Written statements.
    #[serde(borrow)]
    title: Val<'a>,
    #[serde(borrow)]
    text: Val<'a>,
    #[serde(borrow)]
    date_made: Val<'a>,
    // API error documents (ProblemDetails).
    #[serde(borrow)]
    status: Val<'a>,
    #[serde(borrow)]
    detail: Val<'a>,
}

impl Node<'_> {
    fn kind(&self) -> NodeKind {
        let question = self.question_text.text().is_some()
            || self.long_question_text.text().is_some()
            || self.question.text().is_some()
            || self.answer_text.text().is_some()
            || self.long_answer_text.text().is_some();
        let statement = self.date_made.text().is_some()
            || (self.title.text().is_some() && self.text.text().is_some());
        if question {
            NodeKind::Question
        } else if statement {
            NodeKind::Statement
        } else if self.uin.string().is_some()
            && (self.date_tabled.text().is_some()
                || self.flat_date_tabled.text().is_some())
        {
            NodeKind::Question
        } else if self.status.u64().is_some()
            && (self.title.text().is_some() || self.detail.text().is_some())
        {
            NodeKind::ErrorDocument
        } else {
            NodeKind::Other
        }
    }
}

/// An expanded member (`expandMember=true`).
#[derive(Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
struct Member<'a> {
    #[serde(borrow)]
    id: Val<'a>,
    #[serde(borrow)]
    name: Val<'a>,
    #[serde(borrow)]
    list_as: Val<'a>,
    #[serde(borrow)]
    party: Val<'a>,
    #[serde(borrow)]
    member_from: Val<'a>,
}

/// An entry of `groupedQuestionsDates`.
#[derive(Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
struct GroupedDate<'a> {
    #[serde(borrow)]
    question_uin: Val<'a>,
}

/// A scalar read leniently: a string (borrowed when it has no escapes), a
/// number, a boolean, null, or something else (an object or array,
/// ignored).
#[derive(Clone, Debug, Default)]
enum Val<'a> {
    #[default]
    Null,
    Str(Cow<'a, str>),
    Int(i64),
    UInt(u64),
    Float(f64),
    Bool(bool),
    Other,
}

impl Val<'_> {
    /// The string, when it is a non-blank string.
    fn text(&self) -> Option<&str> {
        match self {
            Val::Str(s) if !s.trim().is_empty() => Some(s),
            _ => None,
        }
    }

    /// A string or an integer, as a trimmed string (ids and UINs).
    fn string(&self) -> Option<String> {
        match self {
            Val::Str(s) => {
                Some(s.trim().to_string()).filter(|s| !s.is_empty())
            }
            Val::Int(i) => Some(i.to_string()),
            Val::UInt(u) => Some(u.to_string()),
            _ => None,
        }
    }

    fn u64(&self) -> Option<u64> {
        match self {
            Val::UInt(u) => Some(*u),
            Val::Int(i) => u64::try_from(*i).ok(),
            Val::Float(f) if f.fract() == 0.0 && *f >= 0.0 && *f < 1e15 => {
                Some(*f as u64)
            }
            Val::Str(s) => s.trim().parse().ok(),
            _ => None,
        }
    }

    fn bool(&self) -> Option<bool> {
        match self {
            Val::Bool(b) => Some(*b),
            Val::Str(s) => match s.trim().to_ascii_lowercase().as_str() {
                "true" => Some(true),
                "false" => Some(false),
                _ => None,
            },
            Val::Int(i) => Some(*i != 0),
            Val::UInt(u) => Some(*u != 0),
            _ => None,
        }
    }

    fn is_null(&self) -> bool {
        matches!(self, Val::Null)
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for Val<'a> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(ValVisitor(PhantomData))
    }
}

struct ValVisitor<'a>(PhantomData<&'a ()>);

impl<'de: 'a, 'a> Visitor<'de> for ValVisitor<'a> {
    type Value = Val<'a>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_borrowed_str<E: de::Error>(
        self,
        v: &'de str,
    ) -> Result<Val<'a>, E> {
        Ok(Val::Str(Cow::Borrowed(v)))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Val<'a>, E> {
        Ok(Val::Str(Cow::Owned(v.to_string())))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Val<'a>, E> {
        Ok(Val::Str(Cow::Owned(v)))
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Val<'a>, E> {
        Ok(Val::Bool(v))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Val<'a>, E> {
        Ok(Val::Int(v))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Val<'a>, E> {
        Ok(Val::UInt(v))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Val<'a>, E> {
        Ok(Val::Float(v))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Val<'a>, E> {
        Ok(Val::Null)
    }
    fn visit_none<E: de::Error>(self) -> Result<Val<'a>, E> {
        Ok(Val::Null)
    }
    fn visit_some<D: Deserializer<'de>>(
        self,
        d: D,
    ) -> Result<Val<'a>, D::Error> {
        Val::deserialize(d)
    }
    fn visit_map<M: MapAccess<'de>>(
        self,
        mut m: M,
    ) -> Result<Val<'a>, M::Error> {
        while m.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Val::Other)
    }
    fn visit_seq<S: SeqAccess<'de>>(
        self,
        mut s: S,
    ) -> Result<Val<'a>, S::Error> {
        while s.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Val::Other)
    }
}

/// An object read as `T`; any other value (null, a string, an array, ...)
/// is ignored and gives `None`.
struct Obj<T>(Option<T>);

/// An array read as `T`; any other value is ignored and gives `None`.
struct List<T>(Option<T>);

/// Visitor methods that take any scalar as "not there".
macro_rules! ignore_scalars {
    ($name:ident) => {
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("any JSON value")
        }
        fn visit_some<D: Deserializer<'de>>(
            self,
            d: D,
        ) -> Result<$name<T>, D::Error> {
            $name::deserialize(d)
        }
        fn visit_none<E: de::Error>(self) -> Result<$name<T>, E> {
            Ok($name(None))
        }
        fn visit_unit<E: de::Error>(self) -> Result<$name<T>, E> {
            Ok($name(None))
        }
        fn visit_bool<E: de::Error>(self, _: bool) -> Result<$name<T>, E> {
            Ok($name(None))
        }
        fn visit_i64<E: de::Error>(self, _: i64) -> Result<$name<T>, E> {
            Ok($name(None))
        }
        fn visit_u64<E: de::Error>(self, _: u64) -> Result<$name<T>, E> {
            Ok($name(None))
        }
        fn visit_f64<E: de::Error>(self, _: f64) -> Result<$name<T>, E> {
            Ok($name(None))
        }
        fn visit_str<E: de::Error>(self, _: &str) -> Result<$name<T>, E> {
            Ok($name(None))
        }
    };
}

impl<T> Default for Obj<T> {
    fn default() -> Self {
        Obj(None)
    }
}

impl<T> Default for List<T> {
    fn default() -> Self {
        List(None)
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Obj<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(ObjVisitor(PhantomData))
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for List<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(ListVisitor(PhantomData))
    }
}

struct ObjVisitor<T>(PhantomData<T>);

impl<'de, T: Deserialize<'de>> Visitor<'de> for ObjVisitor<T> {
    type Value = Obj<T>;
    ignore_scalars!(Obj);

    fn visit_map<M: MapAccess<'de>>(self, m: M) -> Result<Obj<T>, M::Error> {
        T::deserialize(de::value::MapAccessDeserializer::new(m))
            .map(|v| Obj(Some(v)))
    }
    fn visit_seq<S: SeqAccess<'de>>(
        self,
        mut s: S,
    ) -> Result<Obj<T>, S::Error> {
        while s.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Obj(None))
    }
}

struct ListVisitor<T>(PhantomData<T>);

impl<'de, T: Deserialize<'de>> Visitor<'de> for ListVisitor<T> {
    type Value = List<T>;
    ignore_scalars!(List);

    fn visit_seq<S: SeqAccess<'de>>(self, s: S) -> Result<List<T>, S::Error> {
        T::deserialize(de::value::SeqAccessDeserializer::new(s))
            .map(|v| List(Some(v)))
    }
    fn visit_map<M: MapAccess<'de>>(
        self,
        mut m: M,
    ) -> Result<List<T>, M::Error> {
        while m.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(List(None))
    }
}

/// The House from `house`: `Commons`/`Lords` in any case (or the API's
/// numbers 1 and 2); `Bicameral` and anything else give `None`.
fn house_of(v: &Val<'_>) -> Option<House> {
    if let Some(n) = v.u64() {
        return match n {
            1 => Some(House::Commons),
            2 => Some(House::Lords),
            _ => None,
        };
    }
    let s = v.text()?.trim().to_ascii_lowercase();
    let s = s.strip_prefix("house of ").unwrap_or(&s);
    match s {
        "commons" => Some(House::Commons),
        "lords" => Some(House::Lords),
        _ => None,
    }
}

/// Whether a list endpoint cut the question: exactly 255 characters (the
/// API counts UTF-16 units) not ending a sentence.
fn question_cut(raw: &str) -> bool {
    let n16 = raw.encode_utf16().count();
    (n16 == QUESTION_CUT || raw.chars().count() == QUESTION_CUT)
        && !raw.ends_with(['.', '?', '!'])
}

/// Whether a list endpoint cut the answer: plain text (the full answer is
/// HTML) ending with `...`.
fn answer_cut(raw: &str) -> bool {
    raw.trim_end().ends_with("...") && !text::html::looks_like_html(raw)
}

/// A date field; a value that is not a date gives a warning.
fn date_of(
    v: &Val<'_>,
    what: &str,
    warnings: &mut Vec<String>,
) -> Option<Date> {
    let s = v.text()?;
    let d = parse_date(s);
    if d.is_none() {
        warnings.push(format!("cannot read the {what} {s:?} as a date"));
    }
    d
}

/// A person from an expanded member object and/or a member id.
fn person_of(m: &Obj<Member<'_>>, id: &Val<'_>) -> Option<Person> {
    let m = m.0.as_ref();
    let mut p = m
        .and_then(|m| m.name.text())
        .and_then(text::person)
        .or_else(|| {
            // "Davies, Dr James": only when there is no name.
            let l = m.and_then(|m| m.list_as.text())?;
            let (last, first) = l.split_once(',')?;
            text::person(&format!("{} {}", first.trim(), last.trim()))
        })
        .unwrap_or_default();
    p.member_id =
        m.and_then(|m| m.id.u64()).or_else(|| id.u64()).filter(|&i| i > 0);
    if let Some(m) = m {
        p.party = m.party.text().map(clean_plain);
        p.constituency = m
            .member_from
            .text()
            .filter(|s| !names::is_peerage_type(s))
            .map(clean_plain);
    }
    (p != Person::default()).then_some(p)
}

/// The record of one question object.
fn record(input: &Input<'_>, index: usize, n: &Node<'_>) -> Record {
    let mut r = Record::question(input.source(
        Format::WqapiJson,
        index,
        n.id.string(),
    ));
    let mut warnings = Vec::new();
    r.house = house_of(&n.house);
    if r.house.is_none() {
        if let Some(h) = n.house.text() {
            if !h.eq_ignore_ascii_case("bicameral") {
                warnings.push(format!("unknown house {h:?}"));
            }
        }
    }
    r.uin = n.uin.string();
    r.heading = n.heading.text().map(clean_plain).filter(|s| !s.is_empty());

    let mut q = r.question.take().unwrap_or_default();
    let raw_q = n
        .question_text
        .text()
        .or_else(|| n.long_question_text.text())
        .or_else(|| n.question.text());
    if let Some(raw) = raw_q {
        let t = to_text(raw);
        q.truncated = question_cut(raw);
        q.addressed_to = text::addressed_to(&t);
        q.text = Some(t).filter(|t| !t.is_empty());
    }
    let tabled = if n.date_tabled.is_null() {
        &n.flat_date_tabled
    } else {
        &n.date_tabled
    };
    q.tabled_on = date_of(tabled, "tabling date", &mut warnings);
    q.asker = person_of(&n.asking_member, &n.asking_member_id);
    q.answering_body = n.answering_body_name.text().map(clean_plain);
    q.answering_body_id = n.answering_body_id.u64();
    q.named_day = n.is_named_day.bool();
    q.registered_interest = n.member_has_interest.bool();
    r.question = Some(q);

    let raw_a = n
        .answer_text
        .text()
        .or_else(|| n.long_answer_text.text())
        .or_else(|| n.answer.text());
    if raw_a.is_some() || n.date_answered.text().is_some() {
        let mut a = Answer::default();
        if let Some(raw) = raw_a {
            a.truncated = answer_cut(raw);
            a.text = Some(to_text(raw)).filter(|t| !t.is_empty());
        } else {
            warnings.push(
                "answered (dateAnswered is set) but the answer text is empty"
                    .into(),
            );
        }
        a.answered_on =
            date_of(&n.date_answered, "answer date", &mut warnings);
        a.answerer = person_of(&n.answering_member, &n.answering_member_id);
        a.is_holding = n.answer_is_holding.bool().unwrap_or(false);
        a.holding_answered_on = date_of(
            &n.date_holding_answer,
            "holding answer date",
            &mut warnings,
        );
        a.is_correction = n.answer_is_correction.bool().unwrap_or(false);
        a.corrected_on = date_of(
            &n.date_answer_corrected,
            "correction date",
            &mut warnings,
        );
        a.grouped_with = match &n.grouped_questions.0 {
            Some(v) if !v.is_empty() => {
                v.iter().filter_map(Val::string).collect()
            }
            _ => n
                .grouped_questions_dates
                .0
                .iter()
                .flatten()
                .filter_map(|g| g.0.as_ref()?.question_uin.string())
                .collect(),
        };
        r.answer = Some(a);
    }
    if n.is_withdrawn.bool() == Some(true) {
        warnings.push("the question was withdrawn (isWithdrawn: true)".into());
    }
    r.warnings.extend(warnings);
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_element_opening_is_found_whatever_stands_at_byte_64() {
        // Byte 64 falls inside `’` (three bytes): the opening is still read.
        let el = format!(
            "{{\"value\": {{\"heading\": \"{}’s heading\"}}}}",
            "x".repeat(40)
        );
        assert!(!el.is_char_boundary(64));
        assert_eq!(opening(&el, 0), Some("{\"value\":"));
    }

    fn parse_str(path: &str, text: &str) -> Result<Parsed> {
        parse(&Input { path, text })
    }

    #[test]
    fn detects_api_shapes_not_lda() {
        assert!(detect(
            r#"{"totalResults":1,"results":[{"value":{"id":1}}]}"#
        ));
        assert!(detect(
            r#"[{"value": {"uin": "1", "dateTabled": "2021-02-01"}}]"#
        ));
        assert!(detect(
            r#"{"id": 1, "question_text": "To ask", "answer_text": ""}"#
        ));
        assert!(detect(
            r#"{"id": 1, "house": "commons", "date_tabled": "x", "question": "q"}"#
        ));
        assert!(!detect(
            r#"{ "format" : "linked-data-api", "result" : {"items" : []}}"#
        ));
        assert!(!detect("To ask the Secretary of State \"questionText\""));
    }

    #[test]
    fn cut_rules() {
        let q255: String = "a".repeat(254) + " ";
        assert!(question_cut(&q255));
        let q255dot: String = "a".repeat(254) + ".";
        assert!(!question_cut(&q255dot));
        assert!(!question_cut("To ask the Secretary of State, what"));
        assert!(answer_cut("The Department has ..."));
        assert!(!answer_cut("<p>The Department has ...</p>"));
        assert!(!answer_cut("The Department has."));
    }

    #[test]
    fn single_value_and_bare_question() {
        let p = parse_str(
            "x.json",
            r#"{"value": {"id": 7, "uin": "HL12", "house": "Lords",
                "dateTabled": "2021-02-01T00:00:00",
                "questionText": "To ask Her Majesty's Government what\u00a0plans",
                "askingMember": {"id": 3, "name": "Lord Smith", "memberFrom": "Life peer", "party": "Labour"},
                "answerText": null, "dateAnswered": null}, "links": []}"#,
        )
        .unwrap();
        assert_eq!(p.records.len(), 1);
        let r = &p.records[0];
        assert_eq!(r.source.resource.as_deref(), Some("7"));
        assert_eq!(r.house, Some(House::Lords));
        assert!(r.answer.is_none());
        let q = r.question.as_ref().unwrap();
        assert_eq!(
            q.text.as_deref(),
            Some("To ask Her Majesty's Government what plans")
        );
        let asker = q.asker.as_ref().unwrap();
        assert_eq!(asker.constituency, None);
        assert_eq!(asker.party.as_deref(), Some("Labour"));
        assert_eq!(asker.member_id, Some(3));
    }

    #[test]
    fn lenient_types() {
        let p = parse_str(
            "x.json",
            r#"[{"value": {"id": "9", "uin": 146937, "house": 1, "questionText": "To ask",
                "answeringMember": "oops", "groupedQuestions": {"a": 1},
                "isNamedDay": "true", "answerText": "Yes.", "dateAnswered": "2021-02-03"}}]"#,
        )
        .unwrap();
        let r = &p.records[0];
        assert_eq!(r.uin.as_deref(), Some("146937"));
        assert_eq!(r.house, Some(House::Commons));
        assert_eq!(r.question.as_ref().unwrap().named_day, Some(true));
        assert!(r.answer.as_ref().unwrap().answerer.is_none());
    }

    #[test]
    fn truncated_list_keeps_complete_elements() {
        let text = r#"{"totalResults":3,"results":[{"value":{"id":1,"uin":"1","questionText":"To ask A."}},{"value":{"id":2,"uin":"2","questionText":"To ask B."}},{"value":{"id":3,"uin":"3","questionText":"To ask C.","answerText":"The answ"#;
        let p = parse_str("cut.json", text).unwrap();
        assert_eq!(p.records.len(), 3);
        let last = &p.records[2];
        assert!(last.answer.as_ref().unwrap().truncated);
        assert!(!last.warnings.is_empty());
        let f = p.failure.unwrap().to_string();
        assert!(
            f.contains(
                "unexpected end of input inside results[2].value.answerText"
            ),
            "{f}"
        );
        assert!(f.starts_with("line 1, column "), "{f}");
    }

    #[test]
    fn bad_json_lines_keep_the_others() {
        let text = "{\"id\": 1, \"question_text\": \"To ask A.\", \"answer_text\": \"<p>x</p>\"}\n\
                    {\"id\": 2, \"question_text\": \"To ask B.\", \"answer_text\": \n\
                    {\"id\": 3, \"question_text\": \"To ask C.\", \"answer_text\": \"<p>z</p>\"}\n";
        let p = parse_str("x.jsonl", text).unwrap();
        // Line 2 is cut after its question: kept as a partial record.
        assert_eq!(p.records.len(), 3);
        assert!(p.records[1].answer.is_none());
        assert_eq!(p.records[1].warnings.len(), 1);
        assert_eq!(p.records[2].source.resource.as_deref(), Some("3"));
        let e = p.failure.unwrap();
        assert_eq!(e.position().map(|p| p.line), Some(2));
    }

    #[test]
    fn statements_are_skipped_with_a_note() {
        let p = parse_str(
            "s.json",
            r#"{"totalResults":1,"results":[{"value":{"id":1,"uin":"HLWS1","title":"T","text":"S","dateMade":"2021-02-01T00:00:00"}}]}"#,
        )
        .unwrap();
        assert!(p.records.is_empty());
        assert!(p.failure.is_none());
        assert_eq!(
            p.notes,
            ["s.json: skipped 1 written statement (not questions)"]
        );
    }

    #[test]
    fn never_panics_on_odd_inputs() {
        let deep = "[".repeat(100_000);
        let deep_obj = "{\"results\": ".to_string() + &"[".repeat(50_000);
        let deep_value = "{\"value\": ".repeat(10_000);
        for text in [
            "",
            "   ",
            "{",
            "[",
            "[1, \"x\", null, [2], {\"uin\": \"1\", \"dateTabled\": \"x\"}]",
            "{\"results\": 5}",
            "{\"results\": [}",
            "\"just a string\"",
            "{\"questionText\": \"To ask \\ud800\"}",
            "{\"value\": {\"questionText\": \"\u{1}\"}}",
            deep.as_str(),
            deep_obj.as_str(),
            deep_value.as_str(),
        ] {
            let _ = parse_str("odd.json", text);
        }
        let p = parse_str(
            "mixed.json",
            r#"[1, [2], {"uin": "1", "dateTabled": "2021-02-01"}]"#,
        )
        .unwrap();
        assert_eq!(p.records.len(), 1);
        assert_eq!(p.notes.len(), 1, "{:?}", p.notes);
    }

    #[test]
    fn garbage_is_an_error_with_position() {
        let e = parse_str(
            "g.json",
            "{\"results\": [ {\"value\": {\"id\": 1,, }}]}",
        )
        .unwrap_err();
        let s = e.to_string();
        assert!(s.starts_with("line 1, column "), "{s}");
        assert!(parse_str("e.json", "{}").is_err());
        let p =
            parse_str("e.json", r#"{"totalResults":0,"results":[]}"#).unwrap();
        assert!(p.records.is_empty() && p.failure.is_none());
        let e = parse_str(
            "p.json",
            r#"{"type":"x","title":"Not Found","status":404}"#,
        )
        .unwrap_err();
        assert!(matches!(e.kind(), ErrorKind::ErrorDocument(_)));
    }
}
