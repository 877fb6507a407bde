//! TheyWorkForYou / ParlParse written answers XML (`<publicwhip>` day
//! files: `answersYYYY-MM-DD?.xml`, `lordswransYYYY-MM-DD?.xml`).
//!
//! ```xml
//! <publicwhip scrapeversion="c" latest="yes">
//! <major-heading id="..." colnum="349W">ENVIRONMENT FOOD AND RURAL AFFAIRS</major-heading>
//! <minor-heading id="...">Air Pollution</minor-heading>
//! <ques id="uk.org.publicwhip/wrans/2009-10-28c.296192.q0"
//!       speakerid="uk.org.publicwhip/member/1704" speakername="Graham Stringer">
//!   <p qnum="296192">To ask the Secretary of State for ...</p>
//! </ques>
//! <reply id="..." speakerid="uk.org.publicwhip/member/1765" speakername="Jim Fitzpatrick">
//!   <p class="holdinganswer">holding answer <phrase class="date" code="2009-10-27">27 October 2009</phrase></p>
//!   <p>The six scenarios ...</p><table>...</table>
//! </reply>
//! ```
//!
//! Mapping:
//! - one record per question number (`qnum`): several `<p qnum>` in one
//!   `<ques>`, or several `<ques>` before one `<reply>`, are questions
//!   answered together; each gets its own text (a leading paragraph
//!   without a `qnum`, such as `To ask the Secretary of State for X`, is
//!   put before each numbered part, whose `(1)` is dropped), its asker, the
//!   shared reply, and the others' numbers in `answer.grouped_with`;
//! - `heading` is the minor heading (an empty one keeps the previous);
//!   the major heading of Hansard-scraped files is a section title in
//!   upper case (`HOME DEPARTMENT`), not an answering body, so
//!   `answering_body` stays null, except in files made from the written
//!   questions website (ids dated by the tabling date, no column numbers),
//!   whose major heading is the answering body's name;
//! - dates: in Hansard-scraped files (ids like `2009-10-28c.296192.q0`,
//!   with column numbers) the id's date is the day of the answer and the
//!   tabling date is not given; in website-made files the id's date is the
//!   tabling date and the answer date is only in the file's name
//!   (`answers2014-06-10.xml`);
//! - `source.resource` is the `<ques>` id; `twfy_id` the `speakerid` (or
//!   `person_id`) as given; `house` comes from the speaker ids (`/lord/`,
//!   `/member/`), else is inferred later from the UIN or the question;
//! - a `holdinganswer` paragraph gives `holding_answered_on` and is not
//!   part of the answer's text; a reply starting with its speaker's
//!   `Name:` has it removed; a question ending in Hansard's note of a
//!   later correction (`[Official Report, 12 November 2009, Vol. 499, c.
//!   9MC.]`) has it moved to a warning.
//!
//! A superseded version of a day (`latest="no"`) yields no records and a
//! note: the latest version holds the same questions. Files without
//! questions (written statements, debates: `<speech>` elements) are
//! skipped with a note. A document that breaks part-way keeps the
//! questions answered before the break.

use std::collections::BTreeSet;
use std::sync::LazyLock;

use regex::Regex;
use roxmltree::{Document, Node};

use super::xml_doc;
use crate::error::{Error, ErrorKind, Result};
use crate::format::Format;
use crate::record::{Answer, House, Person, Record};
use crate::text::{self, find_date, html_to_text, parse_date, Date};
use crate::{Input, Parsed};

/// Whether `text` is a ParlParse `<publicwhip>` file: an XML document
/// whose root element is `<publicwhip>` (the prolog scan is bounded), or a
/// fragment of one (see [`fragment_body`]).
pub(crate) fn detect(text: &str) -> bool {
    xml_doc::root_name(text) == Some("publicwhip")
        || fragment_body(text).is_some()
}

/// The elements a ParlParse written-answers file holds at its top level.
const TOP_LEVEL: [&str; 6] = [
    "major-heading",
    "minor-heading",
    "ques",
    "reply",
    "speech",
    "gidredirect",
];

static PUBLICWHIP_ID: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"\bid\s*=\s*["']uk\.org\.publicwhip/(?:wrans|lordswrans|wms|lordswms|spwa)/"#)
        .expect("valid regex")
});

/// A fragment of a ParlParse file, as the 2001–2005 files are often kept
/// (and as ParlParse's documentation quotes them): top-level elements
/// (`<major-heading>`, `<minor-heading>`, `<ques>`, `<reply>`) with
/// `uk.org.publicwhip/wrans/…` ids and no `<publicwhip>` root, after an
/// optional XML declaration. Returns the byte where the elements begin.
fn fragment_body(text: &str) -> Option<usize> {
    let head = text::head(text, 4096);
    let mut at = 0;
    let mut rest = head.trim_start_matches('\u{feff}');
    at += head.len() - rest.len();
    loop {
        let t = rest.trim_start();
        at += rest.len() - t.len();
        rest = t;
        if rest.starts_with("<?") || rest.starts_with("<!--") {
            let close = if rest.starts_with("<?") { "?>" } else { "-->" };
            let e = rest.find(close)? + close.len();
            at += e;
            rest = &rest[e..];
            continue;
        }
        break;
    }
    let name: String = rest
        .strip_prefix('<')?
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect();
    (TOP_LEVEL.contains(&name.as_str()) && PUBLICWHIP_ID.is_match(head))
        .then_some(at)
}

/// Parses a `<publicwhip>` day file, or a fragment of one (wrapped in a
/// `<publicwhip>` element inserted on its first line, so that error lines
/// stay those of the input).
pub(crate) fn parse(input: &Input<'_>) -> Result<Parsed> {
    if xml_doc::root_name(input.text) != Some("publicwhip") {
        if let Some(at) = fragment_body(input.text) {
            let (decl, body) = input.text.split_at(at);
            let wrapped = format!("{decl}<publicwhip>{body}\n</publicwhip>\n");
            return parse_day(&Input { path: input.path, text: &wrapped });
        }
    }
    parse_day(input)
}

/// How many breaks of a damaged day file are read past.
const MAX_BREAKS: usize = 32;

/// Parses a `<publicwhip>` day file. A break in the XML (a damaged or cut
/// file) costs only the questions it falls in: those before it are read
/// (see [`before_break`]), and reading goes on from the next heading or
/// question after it, in a copy of the file whose broken part is blanked
/// (so that later errors keep their lines), up to [`MAX_BREAKS`] times.
fn parse_day(input: &Input<'_>) -> Result<Parsed> {
    let mut parsed = Parsed::default();
    let mut first: Option<Error> = None;
    let mut before = 0;
    let mut copy: Option<String> = None;
    let mut resumed_at = 0;
    for _ in 0..=MAX_BREAKS {
        let text = copy.as_deref().unwrap_or(input.text);
        let part = Input { path: input.path, text };
        let prepared = xml_doc::prepare(text);
        let e = match xml_doc::parse(&prepared.text) {
            // A whole file, or the part after the last break (which may
            // hold no question).
            Ok(doc) if first.is_none() => return day_file(&part, &doc),
            Ok(doc) => {
                if let Ok(p) = day_file(&part, &doc) {
                    append(&mut parsed, p);
                }
                break;
            }
            Err(e) => e,
        };
        let err = prepared.error(text, &e);
        let at = prepared.error_offset(&e);
        if let Some(p) = before_break(&part, &prepared, at) {
            append(&mut parsed, p);
        }
        match &first {
            None => {
                before = parsed.records.len();
                first = Some(err);
            }
            Some(_) => parsed.notes.push(further_break(input.path, err)),
        }
        // Read on from the next heading or question after the break.
        let at = prepared.original_offset(at);
        let Some(resume) = next_group(input.text, at) else { break };
        let Some(root_end) = xml_doc::root_open_end(input.text) else {
            break;
        };
        if resume <= resumed_at || resume < root_end {
            break;
        }
        resumed_at = resume;
        let Some(next) = xml_doc::blank(input.text, root_end, resume) else {
            break;
        };
        copy = Some(next);
    }
    let Some(err) = first else { return Ok(parsed) };
    if parsed.records.is_empty() {
        return Err(err);
    }
    let after = parsed.records.len() - before;
    parsed.failure = Some(partial(err, before, after));
    Ok(parsed)
}

/// The questions answered before a break at byte `at` of the prepared
/// text: the text is cut after a complete `</reply>` and the root element
/// closed. The last one may sit inside an element the break left open, so
/// a few earlier ones are tried.
fn before_break(
    input: &Input<'_>,
    prepared: &xml_doc::Prepared<'_>,
    at: usize,
) -> Option<Parsed> {
    let mut end = at;
    for _ in 0..3 {
        let cut = prepared.text.get(..end)?.rfind("</reply>")?;
        end = cut;
        let mut text = prepared.text[..cut + "</reply>".len()].to_string();
        text.push_str("\n</publicwhip>\n");
        let Ok(doc) = xml_doc::parse(&text) else {
            continue;
        };
        return day_file(input, &doc).ok();
    }
    None
}

/// Where the first `<major-heading`, `<minor-heading` or `<ques` element
/// after byte `at` of `text` starts.
fn next_group(text: &str, at: usize) -> Option<usize> {
    let rest = text.get(at..)?;
    ["<major-heading", "<minor-heading", "<ques"]
        .iter()
        .filter_map(|tag| {
            let mut from = 0;
            while let Some(k) = memchr::memmem::find(
                rest.as_bytes().get(from..)?,
                tag.as_bytes(),
            ) {
                let p = from + k;
                let next = rest.as_bytes().get(p + tag.len()).copied();
                if matches!(
                    next,
                    Some(b' ' | b'\t' | b'\r' | b'\n' | b'>' | b'/')
                ) {
                    return Some(at + p);
                }
                from = p + 1;
            }
            None
        })
        .min()
}

/// Adds the records and notes of a part of a day file read apart, their
/// indexes following on from those read before.
fn append(parsed: &mut Parsed, part: Parsed) {
    let base = parsed.records.len();
    parsed.records.extend(part.records.into_iter().map(|mut r| {
        r.source.index += base;
        r
    }));
    for note in part.notes {
        if !parsed.notes.contains(&note) {
            parsed.notes.push(note);
        }
    }
}

/// A note for a break after the first, which reading went on past.
fn further_break(path: &str, err: Error) -> String {
    err.with_path(path)
        .with_format(Format::TwfyXml)
        .with_suffix(" (a further break; reading went on after it)")
        .to_string()
}

/// The error of a day file read past a break, with the count of the
/// questions read before it and after it.
fn partial(err: Error, before: usize, after: usize) -> Error {
    let were = |n: usize| if n == 1 { "was" } else { "were" };
    let read = match (before, after) {
        (n, 0) => {
            format!("the {} before it {} read", plural(n, "question"), were(n))
        }
        (0, n) => {
            format!("the {} after it {} read", plural(n, "question"), were(n))
        }
        (b, a) => format!(
            "the {} before it and the {} after it were read",
            plural(b, "question"),
            plural(a, "question")
        ),
    };
    err.with_suffix(&format!(" ({read})"))
}

fn plural(n: usize, what: &str) -> String {
    if n == 1 {
        format!("1 {what}")
    } else {
        format!("{n} {what}s")
    }
}

/// Questions answered together: one or more `<ques>` and their
/// `<reply>`s, under a heading.
#[derive(Default)]
struct Group<'a, 'i> {
    ques: Vec<Node<'a, 'i>>,
    replies: Vec<Node<'a, 'i>>,
    heading: Option<String>,
    major: Option<String>,
}

/// Reads a parsed day file.
fn day_file(input: &Input<'_>, doc: &Document<'_>) -> Result<Parsed> {
    let root = doc.root_element();
    let name = root.tag_name().name();
    if name != "publicwhip" {
        return Err(Error::new(ErrorKind::NoRecords(format!(
            "expected a <publicwhip> root element, found <{name}>"
        ))));
    }
    let mut parsed = Parsed::default();
    if root.attribute("latest") == Some("no") {
        let qnums: BTreeSet<&str> = root
            .descendants()
            .filter(|n| n.has_tag_name("p"))
            .filter_map(|p| p.attribute("qnum"))
            .collect();
        let ques = xml_doc::children(root, "ques").count();
        let n = if qnums.is_empty() { ques } else { qnums.len() };
        parsed.notes.push(format!(
            "{}: superseded version (latest=\"no\"), {} skipped; the latest \
             version of this day holds them",
            input.path,
            plural(n, "question")
        ));
        return Ok(parsed);
    }

    let file_date = file_date(input.path);
    let mut major: Option<String> = None;
    let mut minor: Option<String> = None;
    let mut group = Group::default();
    let mut speeches = 0usize;
    let mut statements = 0usize;
    let mut orphan_replies = 0usize;
    for n in root.children().filter(|n| n.is_element()) {
        match n.tag_name().name() {
            "major-heading" => {
                flush(input, &mut group, file_date.as_deref(), &mut parsed);
                major = heading_text(n);
                minor = None;
            }
            "minor-heading" => {
                flush(input, &mut group, file_date.as_deref(), &mut parsed);
                if let Some(h) = heading_text(n) {
                    minor = Some(h);
                }
            }
            "ques" => {
                if !group.replies.is_empty() {
                    flush(
                        input,
                        &mut group,
                        file_date.as_deref(),
                        &mut parsed,
                    );
                }
                if group.ques.is_empty() {
                    group.heading = minor.clone().or_else(|| major.clone());
                    group.major = major.clone();
                }
                group.ques.push(n);
            }
            "reply" => {
                if group.ques.is_empty() {
                    orphan_replies += 1;
                } else {
                    group.replies.push(n);
                }
            }
            "speech" => {
                speeches += 1;
                if n.attribute("id").is_some_and(|id| id.contains("/wms/")) {
                    statements += 1;
                }
            }
            _ => {}
        }
    }
    flush(input, &mut group, file_date.as_deref(), &mut parsed);

    if orphan_replies > 0 {
        parsed.notes.push(format!(
            "{}: skipped {} without a <ques> before {}",
            input.path,
            plural(orphan_replies, "<reply>"),
            if orphan_replies == 1 { "it" } else { "them" }
        ));
    }
    if speeches > 0 {
        let what = if statements == speeches {
            plural(speeches, "written statement")
        } else {
            plural(speeches, "speech").replace("speechs", "speeches")
        };
        if parsed.records.is_empty() {
            parsed.notes.push(format!(
                "{}: no questions: {what} skipped (not written questions)",
                input.path
            ));
            return Ok(parsed);
        }
        parsed.notes.push(format!(
            "{}: {what} skipped (not written questions)",
            input.path
        ));
    }
    if parsed.records.is_empty() {
        return Err(Error::new(ErrorKind::NoRecords(
            "the <publicwhip> file holds no <ques> element".into(),
        )));
    }
    Ok(parsed)
}

/// A heading's text, cleaned; `None` when empty.
fn heading_text(n: Node<'_, '_>) -> Option<String> {
    let t =
        text::html::normalize_spaces(&xml_doc::text_of(n).replace('\n', " "));
    (!t.is_empty()).then_some(t)
}

static FILE_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:answers|wrans)[-_]?(\d{4}-\d{2}-\d{2})[a-z]?(?:\.|$)")
        .expect("valid regex")
});

/// The day in a ParlParse file name (`answers2014-06-10.xml`,
/// `lordswrans2014-06-10a.xml`).
fn file_date(path: &str) -> Option<Date> {
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
    FILE_DATE.captures(name).and_then(|c| parse_date(&c[1]))
}

static GID_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"/(\d{4}-\d{2}-\d{2})([a-z]?)\.").expect("valid regex")
});

/// The date in a gid, and whether a version letter follows it.
fn gid_date(gid: &str) -> Option<(Date, bool)> {
    let c = GID_DATE.captures(gid)?;
    Some((parse_date(&c[1])?, !c[2].is_empty()))
}

/// One question of a `<ques>`: its number and text.
struct Part {
    qnum: Option<String>,
    text: String,
}

static PART_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\(\d+\)\s*").expect("valid regex"));

/// The questions of a `<ques>`: one per `<p qnum>`, each with the leading
/// paragraphs that have no `qnum` put before it (their `(1)` numbering
/// dropped); following paragraphs without a `qnum` continue the question
/// before them.
fn parts(ques: Node<'_, '_>) -> Vec<Part> {
    let mut preamble: Vec<String> = Vec::new();
    let mut parts: Vec<Part> = Vec::new();
    for c in ques.children() {
        if c.is_text() && c.text().is_none_or(|t| t.trim().is_empty()) {
            continue;
        }
        let mut html = String::new();
        xml_doc::write_html(&mut html, c, &["del"]);
        let t = html_to_text(&html);
        let qnum =
            c.attribute("qnum").map(str::trim).filter(|q| !q.is_empty());
        match (qnum, parts.last_mut()) {
            (Some(q), _) => {
                parts.push(Part { qnum: Some(q.to_string()), text: t })
            }
            (None, Some(last)) if !t.is_empty() => {
                last.text.push_str("\n\n");
                last.text.push_str(&t);
            }
            (None, Some(_)) => {}
            (None, None) => {
                if !t.is_empty() {
                    preamble.push(t);
                }
            }
        }
    }
    if parts.is_empty() {
        // The 2001–2004 files have no `qnum`: the number is printed at the
        // end of the question, `… in 2002. [92345]`.
        let text = preamble.join("\n\n");
        return match TRAILING_UIN.captures(&text) {
            Some(c) => {
                let start = c.get(0).map_or(text.len(), |m| m.start());
                vec![Part {
                    qnum: Some(c[1].to_string()),
                    text: text[..start].trim_end().to_string(),
                }]
            }
            None => vec![Part { qnum: None, text }],
        };
    }
    if !preamble.is_empty() {
        let lead = preamble.join(" ");
        for p in &mut parts {
            let rest = PART_NUMBER.replace(&p.text, "");
            p.text = format!("{lead} {rest}");
        }
    }
    parts
}

/// A speaker from `speakername` and `speakerid` (or `person_id`).
fn speaker(n: Node<'_, '_>) -> Option<Person> {
    let mut p =
        n.attribute("speakername").and_then(text::person).unwrap_or_default();
    p.twfy_id = ["speakerid", "person_id"]
        .iter()
        .filter_map(|a| n.attribute(*a))
        .map(str::trim)
        .find(|id| !id.is_empty() && *id != "unknown")
        .map(str::to_string);
    p.role = n
        .attribute("speakeroffice")
        .map(|o| text::html::collapse_spaces(o.trim()))
        .filter(|o| !o.is_empty());
    (p != Person::default()).then_some(p)
}

/// The House shown by a speaker id.
fn house_of(p: Option<&Person>) -> Option<House> {
    let id = p?.twfy_id.as_deref()?;
    if id.contains("/lord/") {
        Some(House::Lords)
    } else if id.contains("/member/") {
        Some(House::Commons)
    } else {
        None
    }
}

/// Removes a leading `Name:` when it is the speaker's name.
fn strip_speaker(text: &str, p: Option<&Person>) -> String {
    let Some(p) = p else { return text.to_string() };
    for name in [p.printed.as_deref(), p.name.as_deref()].into_iter().flatten()
    {
        if let Some(rest) = text
            .strip_prefix(name)
            .and_then(|r| r.trim_start().strip_prefix(':'))
        {
            return rest.trim_start().to_string();
        }
    }
    text.to_string()
}

/// A reply's text and the date of the holding answer it mentions.
fn reply_text(reply: Node<'_, '_>) -> (String, Option<Date>) {
    let mut html = String::new();
    let mut holding = None;
    for c in reply.children() {
        if c.has_tag_name("p")
            && c.attribute("class")
                .is_some_and(|k| k.contains("holdinganswer"))
        {
            holding = c
                .descendants()
                .filter(|d| d.has_tag_name("phrase"))
                .find_map(|d| d.attribute("code").and_then(parse_date))
                .or_else(|| find_date(&xml_doc::text_of(c)));
            continue;
        }
        xml_doc::write_html(&mut html, c, &["del"]);
    }
    (html_to_text(&html), holding)
}

/// Turns a finished group into records, one per question number.
fn flush(
    input: &Input<'_>,
    group: &mut Group<'_, '_>,
    file_date: Option<&str>,
    parsed: &mut Parsed,
) {
    let g = std::mem::take(group);
    if g.ques.is_empty() {
        return;
    }
    let all: Vec<(Node<'_, '_>, Vec<Part>)> =
        g.ques.iter().map(|&q| (q, parts(q))).collect();
    let numbers: Vec<String> = all
        .iter()
        .flat_map(|(_, ps)| {
            ps.iter().filter_map(|p| valid_uin(p.qnum.as_deref()))
        })
        .collect();

    // The shared answer.
    let mut answer = None;
    let mut answer_warnings = Vec::new();
    let mut answer_gid = None;
    if let Some(first) = g.replies.first() {
        let answerer = speaker(*first);
        let mut texts = Vec::new();
        let mut holding = None;
        for r in &g.replies {
            let (t, h) = reply_text(*r);
            let t = strip_speaker(&t, speaker(*r).as_ref());
            if !t.is_empty() {
                texts.push(t);
            }
            holding = holding.or(h);
        }
        if g.replies.len() > 1 {
            answer_warnings.push(format!(
                "{} <reply> elements follow this question: their texts are \
                 joined",
                g.replies.len()
            ));
        }
        let text = texts.join("\n\n");
        if text.is_empty() {
            answer_warnings.push("the reply has no text".to_string());
        }
        answer_gid = first.attribute("id");
        answer = Some(Answer {
            text: (!text.is_empty()).then_some(text),
            answerer,
            holding_answered_on: holding,
            ..Answer::default()
        });
    }

    for (ques, ques_parts) in &all {
        let asker = speaker(*ques);
        let gid = ques.attribute("id");
        let gid_day = gid.or(answer_gid).and_then(gid_date);
        // Website-made files: ids dated by the tabling date, no columns.
        let from_website = gid_day.as_ref().is_some_and(|(_, letter)| !letter)
            && ques.attribute("colnum").is_none();
        let house = house_of(asker.as_ref()).or_else(|| {
            house_of(answer.as_ref().and_then(|a| a.answerer.as_ref()))
        });
        for part in ques_parts {
            let index = parsed.records.len();
            let mut r = Record::question(input.source(
                Format::TwfyXml,
                index,
                gid.map(str::to_string),
            ));
            r.uin = valid_uin(part.qnum.as_deref());
            if r.uin.is_none() {
                r.warn(match part.qnum.as_deref() {
                    Some(q) => format!("question number {q:?} is not a UIN"),
                    None => "the question has no number (qnum)".to_string(),
                });
            }
            r.heading = g.heading.clone();
            r.house = house;
            let mut qtext = strip_speaker(&part.text, asker.as_ref());
            if let Some(m) = CORRECTION_NOTE.find(&qtext) {
                r.warn(format!(
                    "Hansard notes a later correction: {}",
                    m.as_str().trim()
                ));
                qtext.truncate(m.start());
            }
            let q = r.question.get_or_insert_with(Default::default);
            q.addressed_to = text::addressed_to(&qtext);
            q.text = (!qtext.is_empty()).then_some(qtext);
            q.asker = asker.clone();
            if from_website {
                q.tabled_on = gid_day.as_ref().map(|(d, _)| *d);
                q.answering_body = g.major.clone();
            }
            if q.text.is_none() {
                r.warn("the question has no text");
            }
            match &answer {
                Some(a) => {
                    let mut a = a.clone();
                    a.answered_on = if from_website {
                        file_date.and_then(Date::from_iso)
                    } else {
                        gid_day.as_ref().map(|(d, _)| *d)
                    };
                    if a.answered_on.is_none() {
                        r.warn(if from_website {
                            "answer date unknown: this file's ids carry the \
                             tabling date, and its name no answer date"
                        } else {
                            "answer date unknown: no dated id"
                        });
                    }
                    a.grouped_with = numbers
                        .iter()
                        .filter(|n| Some(*n) != r.uin.as_ref())
                        .cloned()
                        .collect();
                    r.answer = Some(a);
                    r.warnings.extend(answer_warnings.iter().cloned());
                }
                None => r.warn("no <reply> follows this question"),
            }
            parsed.records.push(r);
        }
    }
}

/// Hansard's note, at the end of a question, that its answer was
/// corrected later: `[Official Report, 12 November 2009, Vol. 499, c.
/// 9MC.]`.
static CORRECTION_NOTE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\s*\[Official Report,[^\]]*\]\s*$").expect("valid regex")
});

/// A question number printed at the end of a question: `[92345]`,
/// `[HL1234]`.
static TRAILING_UIN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\s*\[((?:HL\s?)?\d{1,6})\]\s*$").expect("valid regex")
});

/// A question number as a UIN: ParlParse writes `0` when it found none.
fn valid_uin(qnum: Option<&str>) -> Option<String> {
    let q = qnum?.trim();
    if q.is_empty() || q.chars().all(|c| c == '0') {
        None
    } else {
        Some(q.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(path: &str, xml: &str) -> Result<Parsed> {
        parse(&Input { path, text: xml })
    }

    #[test]
    fn fragment_without_root_and_number_in_text() {
        let xml = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n\
            <major-heading id=\"uk.org.publicwhip/wrans/2003-01-27.1.0\">HEALTH</major-heading>\n\
            <ques id=\"uk.org.publicwhip/wrans/2003-01-27.1.1\" speakerid=\"uk.org.publicwhip/member/40\" speakername=\"Mr. Paul Burstow\">\n\
            <p>To ask the Secretary of State for Health how many &pound;5 claims. [92345]</p></ques>\n\
            <reply id=\"uk.org.publicwhip/wrans/2003-01-27.1.2\" speakername=\"Ms Hazel Blears\"><p>None.</p></reply>";
        assert!(detect(xml));
        assert!(!detect("<ques>plain</ques>"));
        let p = run("x/answers2003-01-27.xml", xml)
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(p.records.len(), 1);
        let r = &p.records[0];
        assert_eq!(r.uin.as_deref(), Some("92345"));
        let q = r.question.as_ref().and_then(|q| q.text.as_deref());
        assert_eq!(
            q,
            Some(
                "To ask the Secretary of State for Health how many £5 claims."
            )
        );
        assert_eq!(r.heading.as_deref(), Some("HEALTH"));
    }

    const HEAD: &str = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<!DOCTYPE publicwhip\n[\n<!ENTITY pound \"&#163;\">\n]>\n";

    #[test]
    fn detection() {
        assert!(detect(&format!("{HEAD}<publicwhip scrapeversion=\"a\" latest=\"yes\"></publicwhip>")));
        assert!(detect("<publicwhip>\n</publicwhip>"));
        assert!(!detect(
            "<Questions><Question><Uin>1</Uin></Question></Questions>"
        ));
    }

    #[test]
    fn grouped_parts_share_the_reply() {
        let xml = format!(
            "{HEAD}<publicwhip latest=\"yes\">\
             <major-heading id=\"x\">DEFENCE</major-heading>\
             <minor-heading id=\"y\">Armed Forces</minor-heading>\
             <ques id=\"uk.org.publicwhip/wrans/2009-10-28c.1.q0\" colnum=\"1W\" \
              speakerid=\"uk.org.publicwhip/member/1\" speakername=\"Mr. A\">\
             <p>To ask the Secretary of State for Defence </p>\
             <p qnum=\"11\">(1) how many; </p><p qnum=\"12\">(2) what &pound;3.</p></ques>\
             <reply id=\"uk.org.publicwhip/wrans/2009-10-28c.1.r0\" \
              speakerid=\"uk.org.publicwhip/member/2\" speakername=\"B C\">\
             <p class=\"holdinganswer\">holding answer <phrase class=\"date\" code=\"2009-10-20\">20 October</phrase></p>\
             <p>B C: None &mdash; see table.</p>\
             <table><tr><td>a</td><td>1</td></tr></table></reply>\
             </publicwhip>"
        );
        let p = run("answers2009-10-28c.xml", &xml).unwrap();
        assert_eq!(p.records.len(), 2);
        let r = &p.records[1];
        assert_eq!(r.uin.as_deref(), Some("12"));
        assert_eq!(r.heading.as_deref(), Some("Armed Forces"));
        assert_eq!(r.house, Some(House::Commons));
        let q = r.question.as_ref().unwrap();
        assert_eq!(
            q.text.as_deref(),
            Some("To ask the Secretary of State for Defence what £3.")
        );
        assert_eq!(q.answering_body, None);
        assert_eq!(q.tabled_on, None);
        let a = r.answer.as_ref().unwrap();
        assert_eq!(a.text.as_deref(), Some("None — see table.\n\na | 1"));
        assert_eq!(a.answered_on.as_deref(), Some("2009-10-28"));
        assert_eq!(a.holding_answered_on.as_deref(), Some("2009-10-20"));
        assert_eq!(a.grouped_with, vec!["11".to_string()]);
        assert_eq!(
            a.answerer.as_ref().and_then(|p| p.twfy_id.as_deref()),
            Some("uk.org.publicwhip/member/2")
        );
    }

    #[test]
    fn website_made_file() {
        let xml = "<publicwhip>\n<major-heading id=\"uk.org.publicwhip/wrans/2014-06-05.1.mh\">Department for Education</major-heading>\
            <minor-heading id=\"h\">Schools</minor-heading>\
            <ques id=\"uk.org.publicwhip/wrans/2014-06-05.199123.q0\" person_id=\"uk.org.publicwhip/person/10001\" speakername=\"A B\">\
            <p qnum=\"199123\">To ask the Secretary of State for Education, what.</p></ques>\
            <reply id=\"uk.org.publicwhip/wrans/2014-06-05.199123.r0\" person_id=\"uk.org.publicwhip/person/10002\" speakername=\"C D\">\
            <p>Yes <del>not</del><ins>now</ins>.</p></reply></publicwhip>";
        let p = run("data/answers2014-06-10.xml", xml).unwrap();
        let r = &p.records[0];
        let q = r.question.as_ref().unwrap();
        assert_eq!(q.tabled_on.as_deref(), Some("2014-06-05"));
        assert_eq!(
            q.answering_body.as_deref(),
            Some("Department for Education")
        );
        assert_eq!(
            q.asker.as_ref().and_then(|p| p.twfy_id.as_deref()),
            Some("uk.org.publicwhip/person/10001")
        );
        let a = r.answer.as_ref().unwrap();
        assert_eq!(a.answered_on.as_deref(), Some("2014-06-10"));
        assert_eq!(a.text.as_deref(), Some("Yes now."));
        assert_eq!(r.house, None);
    }

    #[test]
    fn superseded_statements_and_broken() {
        let p = run(
            "a.xml",
            "<publicwhip latest=\"no\"><gidredirect oldgid=\"a\" newgid=\"b\"/>\
             <ques id=\"q\"><p qnum=\"5\">x</p></ques><reply id=\"r\"><p>y</p></reply></publicwhip>",
        )
        .unwrap();
        assert!(p.records.is_empty() && p.failure.is_none());
        assert!(p.notes[0].contains("1 question skipped"), "{:?}", p.notes);

        let p = run(
            "s.xml",
            "<publicwhip><minor-heading id=\"h\">X</minor-heading>\
             <speech id=\"uk.org.publicwhip/wms/2009-10-27a.7WS.2\"><p>s</p></speech></publicwhip>",
        )
        .unwrap();
        assert!(p.records.is_empty());
        assert!(
            p.notes[0].contains("1 written statement skipped"),
            "{:?}",
            p.notes
        );

        let xml = "<publicwhip>\n<ques id=\"uk.org.publicwhip/wrans/2009-10-28c.1.q0\" colnum=\"1W\"><p qnum=\"1\">To ask the Minister, if.</p></ques>\n\
            <reply id=\"r\"><p>Yes.</p></reply>\n\
            <ques id=\"uk.org.publicwhip/wrans/2009-10-28c.2.q0\"><p qnum=\"2\">To ask";
        let p = run("t.xml", xml).unwrap();
        assert_eq!(p.records.len(), 1);
        let f = p.failure.unwrap();
        assert!(
            f.to_string().contains("1 question before it was read"),
            "{f}"
        );
        // A reply left open by the break: an earlier cut is used.
        let xml = "<publicwhip>\n<ques id=\"a\"><p qnum=\"1\">To ask the Minister, if.</p></ques>\n\
            <reply id=\"r\"><p>Yes.</p></reply>\n<ques id=\"b\"><p qnum=\"2\">x</p></ques>\n\
            <reply id=\"s\"><p>No.</p>\n<ques id=\"c\"><p qnum=\"3\">y</p></ques>\n\
            <reply id=\"t\"><p>No.</p></reply>\n</publicwhip>";
        let p = run("t.xml", xml).unwrap();
        assert_eq!(p.records.len(), 1);
        let f = p.failure.unwrap();
        assert!(f.to_string().contains("not well-formed"), "{f}");
        assert_eq!(f.position().map(|p| p.line), Some(8), "{f}");
        assert!(run("t.xml", "<publicwhip><ques id=\"q\">").is_err());
        assert!(run("t.xml", "<publicwhip></publicwhip>").is_err());
    }

    #[test]
    fn every_prefix_parses_without_panic() {
        let xml = format!(
            "{HEAD}<publicwhip latest=\"yes\"><minor-heading id=\"h\">Ä</minor-heading>\
             <ques id=\"uk.org.publicwhip/wrans/2009-10-28c.1.q0\" speakername=\"Siôn\">\
             <p>To ask the Minister </p><p qnum=\"1\">(1) x &pound;;</p></ques>\
             <reply id=\"r\"><p>a <![CDATA[<b>]]> <!-- c --> <?pi x?></p></reply></publicwhip>"
        );
        for (i, _) in xml.char_indices() {
            let _ = run("p.xml", &xml[..i]);
            let _ = crate::formats::qna_xml::parse(&Input {
                path: "p.xml",
                text: &xml[..i],
            });
            let _ = detect(&xml[..i]);
        }
    }

    #[test]
    fn file_dates() {
        assert_eq!(
            file_date("x/answers2014-06-10.xml").as_deref(),
            Some("2014-06-10")
        );
        assert_eq!(
            file_date("lordswrans2009-10-29a.xml").as_deref(),
            Some("2009-10-29")
        );
        assert_eq!(
            file_date("twfy_answers2009-10-28c.xml").as_deref(),
            Some("2009-10-28")
        );
        assert_eq!(file_date("debates2009-10-28c.xml"), None);
    }
}
