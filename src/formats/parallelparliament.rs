//! parallelparliament.co.uk written-answer pages and listings saved as
//! text.
//!
//! A single answer page reads:
//!
//! ```text
//! Children: Protection
//! (asked on 16th September 2020) - View Source
//! Question to the Department for Education:
//! To ask the Secretary of State for Education, what steps ...
//! Answered by
//! Vicky Ford Portrait
//! Vicky Ford
//! This question was answered on 23rd September 2020
//! <answer paragraphs>
//! Reticulating Splines
//! ```
//!
//! A listing (an MP's or peer's written answers, a search, an alert) holds
//! many questions, each a block:
//!
//! ```text
//! Written Question
//! Public Sector: Northern Ireland
//! Tuesday 19th March 2024
//! Asked by: Jim Shannon (Democratic Unionist Party - Strangford)
//! Question to the HM Treasury:
//! To ask the Chancellor of the Exchequer, what steps ...
//! Answered by Laura Trott - Chief Secretary to the Treasury
//! <answer paragraphs>
//! ```
//!
//! The date of a listing block is the **answer date**: listings are of
//! written answers, newest first, and they show dates on which no question
//! can be tabled (e.g. Tuesday 12th August 2025, in the Commons' summer
//! recess, when answers are still published). So it goes to
//! `answer.answered_on`; a block with no answer keeps it only in a warning.
//! `Asked by:` gives the member's party and constituency (`Labour (Co-op) -
//! Leeds North`); for a peer the part after the dash is the kind of peerage
//! (`Life peer`), which is not a constituency. `Answered by NAME - TITLE`
//! gives the answerer and their role as printed, which may name another
//! department than the question's. Listings have no UINs: a question number
//! quoted in the text (`Question 184900`) is never the record's UIN.

use std::sync::LazyLock;

use regex::Regex;

use crate::error::{Error, ErrorKind, Result};
use crate::format::Format;
use crate::formats::page_util::{self, join_clean, looks_cut, Line};
use crate::record::{Answer, House, Person, Record};
use crate::text::names::{is_peer, is_peerage_type};
use crate::text::{self, clean_plain, parse_date};
use crate::{Input, Parsed};

static ASKED_ON: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?im)^\s*\(asked on ([^)]+)\)").expect("valid regex")
});

static QUESTION_TO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?im)^\s*Question to (?:the )?(.+?):?\s*$")
        .expect("valid regex")
});

static ANSWERED_ON: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?im)^\s*This question was answered on (.+?)\s*$")
        .expect("valid regex")
});

static BLOCK_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^[ \t]*Written Question[ \t]*\r?$").expect("valid regex")
});

static ASKED_BY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^[ \t]*Asked by:").expect("valid regex")
});

/// `Question to the Department for Education:`, `Question:` or `Question`.
static QUESTION_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^Question(?:\s+to\s+(?:the\s+)?(.+?))?\s*:?$")
        .expect("valid regex")
});

/// Whether `text` looks like a parallelparliament page: a single answer
/// page (`(asked on DATE)` with `Question to the`), or a listing
/// (`Written Question` blocks with `Asked by:`).
pub(crate) fn detect(text: &str) -> bool {
    let head = text::head(text, 20_000);
    (ASKED_ON.is_match(head) && QUESTION_TO.is_match(head))
        || (BLOCK_LABEL.is_match(head) && ASKED_BY.is_match(head))
        || headless(head).is_some()
}

/// An answer page saved from its `Question to the …:` line on (its
/// heading, `(asked on …)` line and `Answered by` block lost): the first
/// line is `Question to …:` and the next starts `To ask`. Returns the
/// answering body and the text after that line.
fn headless(text: &str) -> Option<(&str, &str)> {
    let t = text.trim_start();
    let (first, rest) = t.split_once('\n')?;
    let body = QUESTION_TO.captures(first)?.get(1)?.as_str();
    let next = rest.trim_start();
    next.get(..6)
        .is_some_and(|w| w.eq_ignore_ascii_case("to ask"))
        .then_some((body.trim().trim_end_matches(':'), next))
}

/// Parses a page saved without its heading block (see [`headless`]): the
/// question is its first line, the answer the lines after it.
fn parse_headless(input: &Input<'_>, body: &str, rest: &str) -> Parsed {
    let mut record =
        Record::question(input.source(Format::ParallelParliament, 0, None));
    let (qline, answer) = rest.split_once('\n').unwrap_or((rest, ""));
    let q = record.question.get_or_insert_with(Default::default);
    q.answering_body = Some(body.to_string());
    let qtext = clean_plain(qline);
    q.addressed_to = text::addressed_to(&qtext);
    q.text = Some(qtext);
    let atext = clean_plain(
        &answer
            .lines()
            .filter(|l| !is_noise(l))
            .collect::<Vec<_>>()
            .join("\n"),
    );
    if !atext.is_empty() {
        record.answer =
            Some(Answer { text: Some(atext), ..Answer::default() });
    }
    record.warn(
        "the page was saved without its heading, \"(asked on …)\" line and \
         \"Answered by\" block: heading, dates and answerer are unknown",
    );
    Parsed { records: vec![record], ..Parsed::default() }
}

/// Lines that are site furniture, never content.
pub(crate) fn is_noise(line: &str) -> bool {
    let l = line.trim();
    matches!(
        l,
        "Reticulating Splines"
            | "View Source"
            | "Source Page"
            | "Portrait"
            | "Find Similar"
            | "Share this question"
            | "Tweet"
            | "Show Search Form"
            | "Hide Search Form"
            | "View sample alert"
    ) || l.starts_with("To match an exact phrase, use quotation marks")
        || l.starts_with(
            "Keep yourself up-to-date with the latest developments",
        )
}

/// Parses a single answer page or a listing.
pub(crate) fn parse(input: &Input<'_>) -> Result<Parsed> {
    if !ASKED_ON.is_match(input.text) {
        if let Some((body, rest)) = headless(input.text) {
            return Ok(parse_headless(input, body, rest));
        }
    }
    if !ASKED_ON.is_match(input.text) && BLOCK_LABEL.is_match(input.text) {
        parse_listing(input)
    } else {
        parse_single(input)
    }
}

/// Parses a single answer page.
fn parse_single(input: &Input<'_>) -> Result<Parsed> {
    let text = input.text;
    let Some(asked) = ASKED_ON.captures(text) else {
        return Err(Error::new(ErrorKind::NoRecords(
            "expected \"(asked on DATE)\" under the heading".into(),
        ))
        .at_offset(text, 0));
    };
    let asked_m = asked.get(0).map_or(0..0, |m| m.range());
    let mut record =
        Record::question(input.source(Format::ParallelParliament, 0, None));

    // Heading: the last non-empty, non-noise line before "(asked on".
    record.heading = text[..asked_m.start]
        .lines()
        .rev()
        .map(str::trim)
        .find(|l| !l.is_empty() && !is_noise(l))
        .map(str::to_string);
    if record.heading.is_none() {
        record.warn("no heading found above \"(asked on ...)\"");
    }

    let q = record.question.get_or_insert_with(Default::default);
    q.tabled_on = parse_date(&asked[1]);
    if q.tabled_on.is_none() {
        record
            .warnings
            .push(format!("cannot read the asked-on date {:?}", &asked[1]));
    }
    let q = record.question.get_or_insert_with(Default::default);

    let after_asked = &text[asked_m.end..];
    let (body_start, question_to) = match QUESTION_TO.captures(after_asked) {
        Some(c) => {
            q.answering_body =
                Some(c[1].trim().trim_end_matches(':').to_string());
            (c.get(0).map_or(0, |m| m.end()), true)
        }
        None => (0, false),
    };
    let rest = &after_asked[body_start..];

    // The question runs to "Answered by" (or to the end when unanswered).
    let answered_by = find_line(rest, |l| {
        l == "Answered by" || l.starts_with("Answered by ")
    });
    let qtext_end = answered_by.map_or(rest.len(), |(s, _)| s);
    let qtext = clean_plain(
        &rest[..qtext_end]
            .lines()
            .filter(|l| !is_noise(l))
            .collect::<Vec<_>>()
            .join("\n"),
    );
    if qtext.is_empty() {
        record.warn("no question text found");
    } else {
        q.addressed_to = text::addressed_to(&qtext);
        q.text = Some(qtext);
    }
    if !question_to {
        record
            .warn("no \"Question to the ...:\" line: answering body unknown");
    }

    if let Some((_, line_end)) = answered_by {
        let after = &rest[line_end..];
        let mut answer = Answer::default();
        let answered_on = ANSWERED_ON.captures(after);
        let names_end = answered_on
            .as_ref()
            .and_then(|c| c.get(0))
            .map_or(0, |m| m.start());
        // "Answered by" is followed by "NAME Portrait" and "NAME".
        let by_line = rest[answered_by.map_or(0, |(s, _)| s)..]
            .lines()
            .next()
            .unwrap_or("")
            .trim();
        let inline = by_line.strip_prefix("Answered by").unwrap_or("").trim();
        // "NAME Portrait" / "NAME" / "ROLE" (the role line is newer).
        let block: Vec<&str> = after[..names_end]
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !is_noise(l))
            .collect();
        let portrait = block
            .iter()
            .find_map(|l| l.strip_suffix("Portrait").map(str::trim))
            .filter(|n| !n.is_empty());
        let plain: Vec<&str> = block
            .iter()
            .copied()
            .filter(|l| !l.ends_with("Portrait"))
            .collect();
        let mut role = None;
        let name = if inline.is_empty() {
            let name = portrait.or_else(|| plain.first().copied());
            role = plain
                .iter()
                .copied()
                .find(|l| Some(*l) != name)
                .filter(|l| l.len() < 160)
                .map(str::to_string);
            name.map(str::to_string)
        } else {
            Some(inline.to_string())
        };
        answer.answerer = name.as_deref().and_then(text::person);
        if let (Some(p), Some(r)) = (answer.answerer.as_mut(), role) {
            p.role.get_or_insert(r);
        }
        if answer.answerer.is_none() {
            record.warnings.push(
                "no answering minister found after \"Answered by\"".into(),
            );
        }
        let body = match &answered_on {
            Some(c) => {
                answer.answered_on = parse_date(&c[1]);
                if answer.answered_on.is_none() {
                    record.warnings.push(format!(
                        "cannot read the answer date {:?}",
                        &c[1]
                    ));
                }
                &after[c.get(0).map_or(0, |m| m.end())..]
            }
            None => {
                record.warn("no \"This question was answered on DATE\" line");
                &after[names_end..]
            }
        };
        let atext = clean_plain(
            &body
                .lines()
                .filter(|l| !is_noise(l))
                .collect::<Vec<_>>()
                .join("\n"),
        );
        if atext.is_empty() {
            record.warn("answer text is empty");
        } else {
            answer.text = Some(atext);
        }
        record.answer = Some(answer);
    }
    Ok(Parsed { records: vec![record], ..Parsed::default() })
}

/// What a listing block holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum BlockKind {
    /// A written question (with its answer).
    Question,
    /// A written statement: a sibling record, skipped.
    Statement,
}

/// The kind of block a listing line opens, if it is a block label.
fn block_kind(line: &str) -> Option<BlockKind> {
    match line {
        "Written Question" => Some(BlockKind::Question),
        "Written Ministerial Statement" | "Written Statement" => {
            Some(BlockKind::Statement)
        }
        _ => None,
    }
}

/// A line after which nothing on the page belongs to a record.
fn is_footer(line: &str) -> bool {
    line == "Reticulating Splines"
}

/// Parses a listing: one record per `Written Question` block, in page
/// order.
fn parse_listing(input: &Input<'_>) -> Result<Parsed> {
    let text = input.text;
    let lines = page_util::lines(text);
    let blocks: Vec<(usize, BlockKind)> = lines
        .iter()
        .enumerate()
        .filter_map(|(i, l)| block_kind(l.text).map(|k| (i, k)))
        .collect();
    let Some(&(first, _)) = blocks.first() else {
        return Err(Error::new(ErrorKind::NoRecords(
            "expected \"Written Question\" blocks with \"Asked by:\" lines"
                .into(),
        ))
        .at_offset(text, 0));
    };
    let footer = lines[first..]
        .iter()
        .position(|l| is_footer(l.text))
        .map(|i| first + i);
    let end = footer.unwrap_or(lines.len());
    // A page saved without its footer whose last line stops mid-sentence
    // was cut: its last record is kept, marked truncated.
    let page_cut = footer.is_none()
        && lines[..end]
            .iter()
            .rev()
            .find(|l| !l.text.is_empty() && !is_noise(l.text))
            .is_some_and(|l| looks_cut(l.text));

    let mut parsed = Parsed::default();
    let mut statements = 0;
    for (k, &(start, kind)) in blocks.iter().enumerate() {
        let stop = blocks.get(k + 1).map_or(end, |&(s, _)| s.min(end));
        let block = lines.get(start + 1..stop).unwrap_or(&[]);
        // A label with nothing under it is not a record.
        if !block.iter().any(|l| !l.text.is_empty() && !is_noise(l.text)) {
            continue;
        }
        if kind == BlockKind::Statement {
            statements += 1;
            continue;
        }
        let last = k + 1 == blocks.len();
        let record =
            parse_block(input, parsed.records.len(), block, last && page_cut);
        parsed.records.push(record);
    }
    if statements > 0 {
        parsed.notes.push(format!(
            "{}: skipped {statements} written statement{} (not questions)",
            input.path,
            if statements == 1 { "" } else { "s" }
        ));
    }
    if parsed.records.is_empty() && statements == 0 {
        return Err(Error::new(ErrorKind::NoRecords(
            "expected a \"Written Question\" block with a question".into(),
        ))
        .at(crate::error::Position::of_offset(text, lines[first].start)));
    }
    Ok(parsed)
}

/// Where a listing block's parser is, in page order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum St {
    /// Heading and date lines.
    Header,
    /// After `Asked by:`.
    Asked,
    /// The question's text.
    Question,
    /// After `Answered by`.
    Answer,
}

/// `Answered by` alone, or `Answered by NAME - TITLE`: the text after it.
fn answered_by(line: &str) -> Option<&str> {
    if line == "Answered by" {
        return Some("");
    }
    line.strip_prefix("Answered by ").map(str::trim)
}

/// Parses one `Written Question` block (the lines after the label).
/// `cut`: the page ends inside this block.
fn parse_block(
    input: &Input<'_>,
    index: usize,
    lines: &[Line<'_>],
    cut: bool,
) -> Record {
    let mut record = Record::question(input.source(
        Format::ParallelParliament,
        index,
        None,
    ));
    let mut st = St::Header;
    let mut header: Vec<&str> = Vec::new();
    let mut asker: Option<&str> = None;
    let mut label: Option<Option<&str>> = None;
    let mut qlines: Vec<&str> = Vec::new();
    let mut by: Option<&str> = None;
    let mut alines: Vec<&str> = Vec::new();
    for l in lines {
        let t = l.text;
        if is_noise(t) {
            continue;
        }
        let early = matches!(st, St::Header | St::Asked);
        if early && asker.is_none() && t.starts_with("Asked by:") {
            asker = Some(t["Asked by:".len()..].trim());
            st = St::Asked;
        } else if early && label.is_none() && QUESTION_LABEL.is_match(t) {
            label = Some(
                QUESTION_LABEL
                    .captures(t)
                    .and_then(|c| c.get(1))
                    .map(|m| m.as_str().trim()),
            );
            st = St::Question;
        } else if st != St::Answer && answered_by(t).is_some() {
            by = answered_by(t);
            st = St::Answer;
        } else {
            match st {
                St::Header if t.is_empty() => {}
                St::Header if !starts_to_ask(t) => header.push(t),
                St::Header | St::Asked if t.is_empty() => {}
                St::Header | St::Asked | St::Question => {
                    st = St::Question;
                    qlines.push(t);
                }
                St::Answer => alines.push(t),
            }
        }
    }

    // Heading and date.
    let mut date = None;
    let mut heading = Vec::new();
    for h in &header {
        match parse_date(h) {
            Some(d) if date.is_none() => date = Some(d),
            _ => heading.push(*h),
        }
    }
    // When the page ends inside the block, what was never reached is not
    // reported missing.
    let reached = |s: St| !cut || st >= s;
    if !heading.is_empty() {
        record.heading = Some(heading.join(" "));
    } else if reached(St::Asked) {
        record.warn("no heading line after \"Written Question\"");
    }

    // The asking member.
    let q = record.question.get_or_insert_with(Default::default);
    if let Some(a) = asker {
        let (person, house) = listing_asker(a);
        q.asker = person;
        record.house = house;
    } else if reached(St::Question) {
        record.warn("no \"Asked by:\" line: asking member unknown");
    }

    // The answering body and the question.
    let q = record.question.get_or_insert_with(Default::default);
    match label {
        Some(Some(body)) => {
            q.answering_body = Some(body.trim_end_matches(':').to_string());
        }
        Some(None) => {
            record.warn("\"Question\" label names no department");
        }
        None if reached(St::Question) => {
            record.warn(
                "no \"Question to the ...:\" line: answering body unknown",
            );
        }
        None => {}
    }
    let q = record.question.get_or_insert_with(Default::default);
    let qtext = join_clean(qlines.iter().copied());
    if !qtext.is_empty() {
        q.addressed_to = text::addressed_to(&qtext);
        q.text = Some(qtext);
    }

    // The answer.
    if let Some(by) = by {
        let mut answer = Answer::default();
        let mut body = alines.as_slice();
        let by = if by.is_empty() {
            // "Answered by" / "NAME Portrait" / "NAME - TITLE"
            while body.first().is_some_and(|l| {
                l.is_empty() || (l.ends_with("Portrait") && l.len() < 100)
            }) {
                body = &body[1..];
            }
            match body.first() {
                Some(l) if l.len() < 160 && !l.ends_with('.') => {
                    body = &body[1..];
                    *l
                }
                _ => "",
            }
        } else {
            by
        };
        answer.answerer = listing_answerer(by);
        if answer.answerer.is_none() {
            record.warn("no answering minister after \"Answered by\"");
        }
        answer.answered_on = date;
        let atext = join_clean(body.iter().copied());
        if !atext.is_empty() {
            answer.text = Some(atext);
        } else if !cut {
            record.warn("answer text is empty");
        }
        record.answer = Some(answer);
    }

    // A written-answers listing cut before the answer of its last item:
    // the item is answered (the listing holds answers only) and its date
    // is the answer date, so the answer is kept with no text.
    if cut && record.answer.is_none() && date.is_some() {
        record.answer = Some(Answer {
            answered_on: date,
            truncated: true,
            ..Answer::default()
        });
        record.warn(
            "the page ends before this item's answer: the listing's date is \
             kept as the answer date, the answer's text and minister are \
             missing",
        );
    }
    match (&date, &record.answer) {
        (Some(_), Some(_)) => {}
        (Some(d), None) => record.warn(format!(
            "the listing's date {d} is not kept: on answer listings it is \
             the answer date, and no answer is shown"
        )),
        (None, _) if reached(St::Asked) => {
            record.warn("no date line under the heading");
        }
        (None, _) => {}
    }

    if cut {
        let where_ = match st {
            St::Header => {
                "before the question (the heading or date may be cut)"
            }
            St::Asked => "before the question's text",
            St::Question => "in the question's text",
            St::Answer
                if record
                    .answer
                    .as_ref()
                    .is_some_and(|a| a.text.is_some()) =>
            {
                "in the answer's text"
            }
            St::Answer => "before the answer's text",
        };
        match (st, record.answer.as_mut()) {
            (St::Answer, Some(a)) => a.truncated = true,
            _ => {
                if let Some(q) = record.question.as_mut() {
                    q.truncated = true;
                }
            }
        }
        record.warn(format!("page ends inside this record, {where_}"));
    }
    record
}

/// Whether a line opens a question's text (`To ask ...`).
fn starts_to_ask(line: &str) -> bool {
    line.get(..7).is_some_and(|p| p.eq_ignore_ascii_case("to ask "))
}

/// Splits `LEFT - RIGHT` at the last spaced dash (hyphen or en dash).
fn split_last_dash(s: &str) -> Option<(&str, &str)> {
    let hy = s.rfind(" - ").map(|i| (i, 3));
    let en = s.rfind(" \u{2013} ").map(|i| (i, " \u{2013} ".len()));
    let (i, n) = match (hy, en) {
        (Some(a), Some(b)) => {
            if a.0 > b.0 {
                a
            } else {
                b
            }
        }
        (a, b) => a.or(b)?,
    };
    Some((s[..i].trim(), s[i + n..].trim()))
}

/// Splits `LEFT - RIGHT` at the first spaced dash (hyphen or en dash).
fn split_first_dash(s: &str) -> Option<(&str, &str)> {
    let hy = s.find(" - ").map(|i| (i, 3));
    let en = s.find(" \u{2013} ").map(|i| (i, " \u{2013} ".len()));
    let (i, n) = match (hy, en) {
        (Some(a), Some(b)) => {
            if a.0 < b.0 {
                a
            } else {
                b
            }
        }
        (a, b) => a.or(b)?,
    };
    Some((s[..i].trim(), s[i + n..].trim()))
}

/// The asker of `Asked by: NAME (PARTY - CONSTITUENCY)`, and the House the
/// membership shows: a constituency is the Commons, a kind of peerage
/// (`Life peer`) the Lords.
fn listing_asker(s: &str) -> (Option<Person>, Option<House>) {
    let (name, inner) = match page_util::split_trailing_group(s) {
        Some((n, i)) if !n.is_empty() => (n, Some(i)),
        _ => (s, None),
    };
    let Some(mut p) = text::person(name) else {
        return (None, None);
    };
    let mut house = None;
    if let Some(inner) = inner {
        let (party, place) = match split_last_dash(inner) {
            Some((party, place)) => (party, Some(place)),
            None => (inner, None),
        };
        match place {
            Some(pl) if is_peerage_type(pl) => house = Some(House::Lords),
            Some(pl) if !pl.is_empty() => {
                p.constituency = Some(pl.to_string());
                house = Some(House::Commons);
            }
            _ => {}
        }
        if !party.is_empty() {
            p.party = Some(party.to_string());
        }
    }
    if house.is_none() && p.name.as_deref().is_some_and(is_peer) {
        house = Some(House::Lords);
    }
    (Some(p), house)
}

/// The answerer of `Answered by NAME - TITLE (DEPT) (OFFICE)`: the name,
/// and the title as printed as the role.
fn listing_answerer(s: &str) -> Option<Person> {
    let (name, role) = match split_first_dash(s) {
        Some((n, r)) => (n, Some(r)),
        None => (s, None),
    };
    let mut p = text::person(name)?;
    p.role = role.filter(|r| !r.is_empty()).map(str::to_string);
    Some(p)
}

/// Finds the first line (trimmed) satisfying `pred`; returns the byte
/// offsets of its start and of the end of the line (after the newline).
pub(crate) fn find_line(
    text: &str,
    pred: impl Fn(&str) -> bool,
) -> Option<(usize, usize)> {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        if pred(line.trim()) {
            return Some((offset, offset + line.len()));
        }
        offset += line.len();
    }
    None
}
