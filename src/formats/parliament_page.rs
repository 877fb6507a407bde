//! The old parliament.uk written questions and answers listing
//! (2014–2020) saved as text.
//!
//! After the page's furniture (`Written questions and answers`, the `UIN`
//! explanation, `Showing 1-20 out of …`, `Results per page`, `Expand all
//! answers`, `Print selected`) each question reads:
//!
//! ```text
//! Q
//! Asked by Dr David Drew          (missing on some pages)
//! (Stroud)                        (the constituency; a peer has none)
//! [N]                             (named day, with a tooltip block:
//! Close                            "Close", "Named Day", an explanation)
//! Asked on: 16 May 2019
//! Department for Business, Energy and Industrial Strategy
//! Boilers: Natural Gas            (the heading; missing on some items)
//! Commons
//! To ask the Secretary of State for …
//! A
//! Answered by: Chris Skidmore
//! Answered on: 24 May 2019
//! <answer paragraphs>
//! Grouped Questions: 255265 | 255266
//! ```
//!
//! Some Lords items have no `Q` and no asker: they start at `Asked on:`.
//! `[N]` (named day) and `[R]` (registered interest) are shown only when
//! set, so an item without them gets `named_day: false` and
//! `registered_interest: false` (Lords items too: the Lords has no named
//! days). A `Holding answer received on DATE` line means the answer shown
//! is the final one, given after a holding answer on DATE. When the
//! question is put to a member `representing` a body (the Church
//! Commissioners, the House of Commons Commission), the answerer's role is
//! that `representing the …` phrase. A UIN is taken only from a
//! `UIN 146110` line inside the item, never from the page's header or from
//! a question quoted in the text.

use std::sync::LazyLock;

use regex::Regex;

use crate::error::{Error, ErrorKind, Result};
use crate::format::Format;
use crate::formats::page_util::{self, join_clean, looks_cut, Line};
use crate::record::{Answer, House, Person, Record};
use crate::text::{self, parse_date};
use crate::{Input, Parsed};

static ASKED_ON: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^Asked on:\s*(.*)$").expect("valid regex"));

static ANSWERED_BY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^Answered by:\s*(.*)$").expect("valid regex")
});

static ANSWERED_ON: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^Answered on:\s*(.*)$").expect("valid regex")
});

static GROUPED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^Grouped Questions?:\s*(.*)$").expect("valid regex")
});

/// `Holding answer received on 20 May 2019`.
static HOLDING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^holding answer(?:\s+(?:received|given))?(?:\s+on)?\s*:?\s*(.+?)\.?$",
    )
    .expect("valid regex")
});

/// `Corrected on: 5 June 2019`, `This answer was corrected on 5 June 2019`,
/// `Correction received on 5 June 2019`.
static CORRECTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:this answer was\s+)?(?:corrected|correction(?:\s+(?:received|made|published))?)(?:\s+on)?\s*:?\s*(.+?)\.?$",
    )
    .expect("valid regex")
});

/// `UIN 146110`, `UIN: HL1234`.
static UIN_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^UIN\s*:?\s*((?:HL)?\d+)$").expect("valid regex")
});

/// `Asked by Dr David Drew` (the colon is optional).
static ASKED_BY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^Asked by:?\s+(.+)$").expect("valid regex"));

/// `… representing the Church Commissioners` in the question's addressee.
static REPRESENTING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(representing\s+.+)$").expect("valid regex")
});

static DETECT_ASKED_ON: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^[ \t]*Asked on:[ \t]*\S").expect("valid regex")
});

static DETECT_ANSWERED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^[ \t]*Answered (?:by|on):").expect("valid regex")
});

static DETECT_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^[ \t]*Written questions and answers[ \t]*\r?$")
        .expect("valid regex")
});

/// Whether `text` looks like the old parliament.uk listing: `Asked on:`
/// lines with `Answered by:`/`Answered on:` lines or the page's title.
pub(crate) fn detect(text: &str) -> bool {
    let head = text::head(text, 20_000);
    DETECT_ASKED_ON.is_match(head)
        && (DETECT_ANSWERED.is_match(head) || DETECT_TITLE.is_match(head))
}

/// Page furniture that ends a record when it follows one.
fn is_footer(line: &str) -> bool {
    matches!(line, "Back to top" | "Print selected" | "Expand all answers")
        || line.starts_with("Results per page")
        || (line.starts_with("Showing ") && line.contains(" out of "))
}

/// The `Commons` / `Lords` line under the heading.
fn house_line(line: &str) -> Option<House> {
    match line {
        "Commons" | "House of Commons" => Some(House::Commons),
        "Lords" | "House of Lords" => Some(House::Lords),
        _ => None,
    }
}

/// Where the parser is within a record, in page order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum St {
    /// Before the first record.
    Furniture,
    /// After `Q`: asker, constituency, markers and their tooltips.
    Preamble,
    /// After `Asked on:`: department, heading, house.
    Meta,
    /// The question's text.
    Question,
    /// After `A`: `Answered by:`, `Answered on:`.
    AnswerHead,
    /// The answer's paragraphs.
    Answer,
    /// Page furniture after a record.
    Footer,
}

/// A record being read.
#[derive(Default)]
struct Draft<'a> {
    asker: Option<&'a str>,
    constituency: Option<&'a str>,
    named_day: bool,
    interest: bool,
    uin: Option<&'a str>,
    asked_on: Option<&'a str>,
    meta: Vec<&'a str>,
    house: Option<House>,
    no_house_line: bool,
    qlines: Vec<&'a str>,
    answered: bool,
    answered_by: Option<&'a str>,
    answered_on: Option<&'a str>,
    holding: Option<&'a str>,
    corrected: Option<&'a str>,
    alines: Vec<&'a str>,
    grouped: Vec<String>,
}

impl Draft<'_> {
    /// Whether nothing of a question was read.
    fn is_empty(&self) -> bool {
        self.asker.is_none()
            && self.constituency.is_none()
            && self.uin.is_none()
            && self.asked_on.is_none()
            && self.meta.is_empty()
            && self.qlines.iter().all(|l| l.is_empty())
            && !self.answered
    }
}

/// Parses a listing page: one record per question, in page order.
pub(crate) fn parse(input: &Input<'_>) -> Result<Parsed> {
    let text = input.text;
    let lines = page_util::lines(text);
    let mut drafts: Vec<Draft<'_>> = Vec::new();
    let mut st = St::Furniture;
    let mut last_content: Option<&str> = None;
    for (i, l) in lines.iter().enumerate() {
        let t = l.text;
        if !t.is_empty() {
            last_content = Some(t);
        }
        // A new record: "Q", or "Asked on:" outside a preamble, or a
        // preamble line (asker, marker) that leads to an "Asked on:".
        if t == "Q" {
            drafts.push(Draft::default());
            st = St::Preamble;
            continue;
        }
        if let Some(c) = ASKED_ON.captures(t) {
            if st != St::Preamble {
                drafts.push(Draft::default());
            }
            if let Some(d) = drafts.last_mut() {
                d.asked_on = c.get(1).map(|m| m.as_str().trim());
            }
            st = St::Meta;
            continue;
        }
        if matches!(st, St::Furniture | St::Answer | St::Footer)
            && opens_record(&lines, i)
        {
            drafts.push(Draft::default());
            st = St::Preamble;
        }
        let Some(d) = drafts.last_mut() else {
            continue;
        };
        match st {
            St::Furniture | St::Footer => {}
            St::Preamble => preamble_line(d, t),
            St::Meta => {
                if t.is_empty() {
                } else if let Some(h) = house_line(t) {
                    d.house = Some(h);
                    st = St::Question;
                } else if let Some(c) = UIN_LINE.captures(t) {
                    d.uin = c.get(1).map(|m| m.as_str());
                } else if starts_answer(t) {
                    d.no_house_line = true;
                    d.answered = true;
                    st = St::AnswerHead;
                    answer_head_line(d, t);
                } else if d.meta.len() >= 2 || starts_to_ask(t) {
                    d.no_house_line = true;
                    d.qlines.push(t);
                    st = St::Question;
                } else {
                    d.meta.push(t);
                }
            }
            St::Question => {
                if starts_answer(t) {
                    d.answered = true;
                    st = St::AnswerHead;
                    answer_head_line(d, t);
                } else {
                    d.qlines.push(t);
                }
            }
            St::AnswerHead => {
                if !answer_head_line(d, t) {
                    st = St::Answer;
                    answer_line(d, t);
                }
            }
            St::Answer => {
                if is_footer(t) {
                    st = St::Footer;
                } else {
                    answer_line(d, t);
                }
            }
        }
    }

    if drafts.is_empty() {
        return Err(Error::new(ErrorKind::NoRecords(
            "expected questions starting \"Q\" or \"Asked on: DATE\"".into(),
        ))
        .at_offset(text, 0));
    }
    // Did the page end inside its last record?
    let ends_cut = |d: &Draft<'_>| -> bool {
        let last = last_content.unwrap_or("");
        match st {
            St::Furniture | St::Footer => false,
            St::Preamble | St::Meta | St::AnswerHead => true,
            St::Question => looks_cut(last),
            St::Answer => {
                !GROUPED.is_match(last)
                    && (d.alines.iter().all(|l| l.is_empty())
                        || looks_cut(last))
            }
        }
    };
    let n = drafts.len();
    let mut parsed = Parsed::default();
    for (k, d) in drafts.into_iter().enumerate() {
        // A "Q" with nothing under it is not a record.
        if d.is_empty() {
            continue;
        }
        let cut =
            if k + 1 == n { Some(st).filter(|_| ends_cut(&d)) } else { None };
        // A record the page cut before its "Asked on:" line holds no
        // question, only its asker: it is left out, with a note.
        if cut == Some(St::Preamble) && d.qlines.is_empty() && !d.answered {
            parsed.notes.push(format!(
                "{}: the page ends inside the preamble of a last question \
                 (no date, no text): not a record",
                input.path
            ));
            continue;
        }
        let index = parsed.records.len();
        parsed.records.push(build(input, index, d, cut));
    }
    if parsed.records.is_empty() {
        return Err(Error::new(ErrorKind::NoRecords(
            "expected an \"Asked on: DATE\" line under \"Q\"".into(),
        ))
        .at_offset(text, 0));
    }
    Ok(parsed)
}

/// Whether line `i` (an asker, a `(Constituency)` or a marker line) opens
/// a record that has no `Q`: an `Asked on:` line follows within a few
/// lines, before any answer.
fn opens_record(lines: &[Line<'_>], i: usize) -> bool {
    let t = lines[i].text;
    let constituency = t.len() < 80 && t.starts_with('(') && t.ends_with(')');
    if !(ASKED_BY.is_match(t) || t == "[N]" || t == "[R]" || constituency) {
        return false;
    }
    for l in lines.iter().skip(i + 1).take(16) {
        if ASKED_ON.is_match(l.text) {
            return true;
        }
        if l.text == "Q" || starts_answer(l.text) {
            return false;
        }
    }
    false
}

/// Whether a line opens the answer: the `A` marker, or (when the page
/// leaves the marker out) `Answered by:` or `Answered on:`.
fn starts_answer(t: &str) -> bool {
    t == "A" || ANSWERED_BY.is_match(t) || ANSWERED_ON.is_match(t)
}

/// Reads a preamble line: asker, constituency, markers, UIN; the markers'
/// tooltip text is ignored.
fn preamble_line<'a>(d: &mut Draft<'a>, t: &'a str) {
    if let Some(c) = ASKED_BY.captures(t) {
        if d.asker.is_none() {
            d.asker = c.get(1).map(|m| m.as_str().trim());
        }
    } else if t == "[N]" {
        d.named_day = true;
    } else if t == "[R]" {
        d.interest = true;
    } else if let Some(c) = UIN_LINE.captures(t) {
        d.uin = c.get(1).map(|m| m.as_str());
    } else if d.constituency.is_none() && !d.named_day && !d.interest {
        if let Some(inner) =
            t.strip_prefix('(').and_then(|r| r.strip_suffix(')'))
        {
            d.constituency = Some(inner.trim());
        }
    }
}

/// Reads a line of the answer's head; `false` when it is not one (the
/// answer's text has begun).
fn answer_head_line<'a>(d: &mut Draft<'a>, t: &'a str) -> bool {
    if t.is_empty() || t == "A" {
        return true;
    }
    if let Some(c) = ANSWERED_BY.captures(t) {
        d.answered_by = c.get(1).map(|m| m.as_str().trim());
        return true;
    }
    if let Some(c) = ANSWERED_ON.captures(t) {
        d.answered_on = c.get(1).map(|m| m.as_str().trim());
        return true;
    }
    dated_line(d, t)
}

/// Reads a holding-answer or correction line; `false` when it is neither.
fn dated_line<'a>(d: &mut Draft<'a>, t: &'a str) -> bool {
    if let Some(c) = HOLDING.captures(t) {
        if parse_date(&c[1]).is_some() {
            d.holding = c.get(1).map(|m| m.as_str());
            return true;
        }
    }
    if let Some(c) = CORRECTED.captures(t) {
        if parse_date(&c[1]).is_some() {
            d.corrected = c.get(1).map(|m| m.as_str());
            return true;
        }
    }
    false
}

/// Reads a line of the answer's text, or its grouped questions.
fn answer_line<'a>(d: &mut Draft<'a>, t: &'a str) {
    if let Some(c) = GROUPED.captures(t) {
        d.grouped.extend(
            c[1].split(['|', ',', ';'])
                .map(str::trim)
                .filter(|u| {
                    let digits = u
                        .strip_prefix("HL")
                        .or_else(|| u.strip_prefix("hl"))
                        .unwrap_or(u);
                    !digits.is_empty()
                        && digits.bytes().all(|b| b.is_ascii_digit())
                })
                .map(str::to_string),
        );
    } else if !dated_line(d, t) {
        d.alines.push(t);
    }
}

/// Whether a line opens a question's text (`To ask ...`).
fn starts_to_ask(line: &str) -> bool {
    line.get(..7).is_some_and(|p| p.eq_ignore_ascii_case("to ask "))
}

/// Turns a draft into a record. `cut`: the page ends inside it, in that
/// state.
fn build(
    input: &Input<'_>,
    index: usize,
    d: Draft<'_>,
    cut: Option<St>,
) -> Record {
    let mut r =
        Record::question(input.source(Format::ParliamentPage, index, None));
    r.house = d.house;
    r.uin = d.uin.map(str::to_string);
    let mut warnings = Vec::new();
    let reached = |s: St| cut.is_none_or(|c| c > s);

    let q = r.question.get_or_insert_with(Default::default);
    q.named_day = Some(d.named_day);
    q.registered_interest = Some(d.interest);
    match d.asked_on {
        Some(a) => {
            q.tabled_on = parse_date(a);
            if q.tabled_on.is_none() {
                warnings.push(format!("cannot read the asked-on date {a:?}"));
            }
        }
        None if reached(St::Preamble) => {
            warnings.push("no \"Asked on:\" line".to_string());
        }
        None => {}
    }
    q.asker = match (d.asker, d.constituency) {
        (Some(a), c) => text::person(a).map(|mut p| {
            p.constituency = c.map(str::to_string);
            p
        }),
        (None, Some(c)) => {
            warnings.push(
                "the page shows the asker's constituency but not their name"
                    .to_string(),
            );
            Some(Person {
                constituency: Some(c.to_string()),
                ..Person::default()
            })
        }
        (None, None) => None,
    };
    let mut meta = d.meta.iter();
    q.answering_body = meta.next().map(|s| s.to_string());
    let heading: Vec<&str> = meta.copied().collect();
    if !heading.is_empty() {
        r.heading = Some(heading.join(" "));
    }
    if d.no_house_line {
        warnings.push(
            "no \"Commons\"/\"Lords\" line under the heading".to_string(),
        );
    }
    let q = r.question.get_or_insert_with(Default::default);
    let qtext = join_clean(d.qlines.iter().copied());
    if !qtext.is_empty() {
        q.addressed_to = text::addressed_to(&qtext);
        q.text = Some(qtext);
    } else if reached(St::Question) {
        warnings.push("no question text".to_string());
    }
    let representing = q
        .addressed_to
        .as_deref()
        .and_then(|a| REPRESENTING.captures(a))
        .map(|c| c[1].trim().to_string());

    if d.answered {
        let mut a = Answer {
            answerer: d.answered_by.and_then(text::person).map(|mut p| {
                p.role = representing;
                p
            }),
            ..Answer::default()
        };
        if a.answerer.is_none() && reached(St::AnswerHead) {
            warnings.push("no \"Answered by:\" name".to_string());
        }
        match d.answered_on {
            Some(s) => {
                a.answered_on = parse_date(s);
                if a.answered_on.is_none() {
                    warnings
                        .push(format!("cannot read the answer date {s:?}"));
                }
            }
            None if reached(St::AnswerHead) => {
                warnings.push("no \"Answered on:\" line".to_string());
            }
            None => {}
        }
        a.holding_answered_on = d.holding.and_then(parse_date);
        a.corrected_on = d.corrected.and_then(parse_date);
        a.is_correction = a.corrected_on.is_some();
        let atext = join_clean(d.alines.iter().copied());
        if !atext.is_empty() {
            a.text = Some(atext);
        } else if cut.is_none() {
            warnings.push("answer text is empty".to_string());
        }
        a.grouped_with = d.grouped;
        r.answer = Some(a);
    }

    if let Some(c) = cut {
        let where_ = match c {
            St::Furniture | St::Preamble => "before its \"Asked on:\" line",
            St::Meta => {
                "in its department and heading lines (the last may be cut)"
            }
            St::Question => "in the question's text",
            St::AnswerHead => "before the answer's text",
            St::Answer | St::Footer => "in the answer's text",
        };
        match (c, r.answer.as_mut()) {
            (St::AnswerHead | St::Answer, Some(a)) => a.truncated = true,
            _ => {
                if let Some(q) = r.question.as_mut() {
                    q.truncated = true;
                }
            }
        }
        warnings.push(format!("page ends inside this record, {where_}"));
    }
    r.warnings.extend(warnings);
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognisers() {
        assert!(HOLDING.is_match("Holding answer received on 20 May 2019"));
        assert!(HOLDING.is_match("Holding answer received on: 20 May 2019"));
        assert!(CORRECTED.is_match("This answer was corrected on 5 June 2019"));
        assert!(CORRECTED.is_match("Corrected on: 5 June 2019"));
        assert!(UIN_LINE.is_match("UIN 146110"));
        assert!(UIN_LINE.is_match("UIN: HL1234"));
        assert!(!UIN_LINE.is_match("UIN"));
        assert_eq!(house_line("Lords"), Some(House::Lords));
        assert_eq!(house_line("Lords Chamber"), None);
        assert!(is_footer("Showing 1-20 out of 106361"));
        assert!(!is_footer("Showing the way"));
    }

    #[test]
    fn records_without_q_and_uin_lines() {
        let page = "Written questions and answers\n\
            Asked on: 1 May 2019\nHome Office\nPolice\nCommons\n\
            To ask the Secretary of State for the Home Department, what.\n\
            A\nAnswered by: Nick Hurd\nAnswered on: 3 May 2019\n\n\
            None.\n\n(Kensington)\nUIN 146110\nAsked on: 2 May 2019\n\
            Home Office\nPolice: Pay\nCommons\n\
            To ask the Secretary of State for the Home Department, how.\n";
        let input = Input { path: "x", text: page };
        let parsed = parse(&input).unwrap();
        let rs = &parsed.records;
        assert_eq!(rs.len(), 2);
        assert_eq!(
            rs[0].answer.as_ref().unwrap().text.as_deref(),
            Some("None.")
        );
        assert_eq!(rs[0].uin, None);
        assert_eq!(rs[1].uin.as_deref(), Some("146110"));
        let q = rs[1].question.as_ref().unwrap();
        let asker = q.asker.as_ref().unwrap();
        assert_eq!(asker.constituency.as_deref(), Some("Kensington"));
        assert!(rs[1].answer.is_none());
        assert!(!q.truncated);
    }

    #[test]
    fn detects_by_asked_on_with_answered_or_title() {
        assert!(detect("Asked on: 11 April 2019\nX\nAnswered by: Y\n"));
        assert!(detect(
            "Written questions and answers\n\nAsked on: 1 May 2019\n"
        ));
        assert!(!detect("Asked on: 11 April 2019\n"));
        assert!(!detect("The question was asked on: Monday\nAnswered by: Y"));
    }
}
