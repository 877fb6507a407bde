//! Bound Hansard written answers (Commons `cmhansrd`, Lords `ldhansrd`),
//! as HTML or saved as text, including the historic digitised `§` pages.
//!
//! A day's written answers read, in every era, as a run of headings and
//! speakers' turns:
//!
//! ```text
//! 19 July 2011 : Column 773W                    column marker (dropped)
//! Written Answers to Questions                  section heading
//! Tuesday 19 July 2011                          the answer date
//! HOME DEPARTMENT                               department heading
//! Animal Experiments: Scotland                  subject heading
//! Mr Bain: To ask the Secretary of State ... [67046]     question turn
//! Lynne Featherstone: As at 31 December 2010, ...         answer turn
//! ```
//!
//! Variants handled:
//! - Lords: `Asked by Lord Ashcroft` then `To ask Her Majesty's
//!   Government ... [HL1249]`; older `Lord Hylton asked Her Majesty's
//!   Government:` with the question in the next paragraph; answerers
//!   printed with their office, `The Minister of State, Ministry of Justice
//!   (Lord McNally):` (name `Lord McNally`, role `Minister of State,
//!   Ministry of Justice`).
//! - Historic digitised pages: `§ Mr. SackvilleThese are ...`, where the
//!   name may be glued to the text, `§ 18. Mr. Rookerasked the Secretary
//!   of State ...`, `HC Deb 26 May 1994 vol 244 c241W` citation lines.
//! - Holding answers: `Ms Blears [holding answer 9 January 2002]:` gives
//!   `holding_answered_on`.
//! - Column markers (`773W`, `WA 45`, `Column 242`, `19 July 2011 : Column
//!   773W`) on their own line or inside a paragraph; a paragraph cut by a
//!   column break is joined again. They never reach a text field.
//! - Several question turns followed by one answer: every question gets
//!   the answer, with `grouped_with` naming the others. A question in
//!   numbered parts each ending in its own UIN (`(1) ... [18925] (2) ...
//!   [18921]`) gives one record per part, the opening words (`To ask the
//!   Secretary of State for Health`) repeated before each part.
//! - Written ministerial statements (a `Written Ministerial Statements`
//!   heading, or `WS` columns): recognised and skipped with a note. Other
//!   parts of a whole day's report (`Ministerial Corrections`, `Oral
//!   Answers`) are skipped too.
//! - A page that starts part-way through an item (an answer with no
//!   question above it): the answer is skipped with a note.
//! - An answer whose speaker is not printed (pages saved from
//!   hansard.parliament.uk lose the names): kept, with a warning.
//! - A speaker's name on a line of its own (`1. Mr. Costain`, `The
//!   Minister of Transport` / `(Mr. Richard Marsh)`): the asker of the
//!   question that follows, or the answerer of the text that follows.
//! - Dated markers of the 1990s (`2 Dec 1997 : Column: 202`, `3 Mar 2003 :
//!   Column 849Wcontinued`) anywhere, their date used for answers the page
//!   does not otherwise date.
//! - A page that opens with the tail of the previous page's answer (plain
//!   paragraphs or a speaker's turn before any question): skipped with a
//!   note giving the line.
//! - Oral answers, whatever the question's form (`1. Mr. Stevens : To ask
//!   ...`, `1. Mr. X (Y): What ... [12345]`, `asked the ...` with the
//!   names lost): recognised by the asker's supplementary (or a question
//!   asked after the answer) and skipped with a note; a page of oral
//!   answers only gives no record and no error.
//! - The Millbank XML of the historic Hansard archive (`<writtenanswers>`):
//!   see [`millbank`].
//!
//! Small anchored grammars (column-marker lines, speaker-only lines, UINs)
//! are nom parsers in `grammar.rs`; landmarks are found with regex.
//!
//! Decisions:
//! - One record per UIN; a question with no UIN (before the 1990s, or cut)
//!   is one record with `uin: null`.
//! - `answered_on` is the day heading's date, or the column marker's (the
//!   date in a marker is the day the answers were published); `tabled_on`
//!   is never given by bound Hansard and stays `null`.
//! - `heading` is the subject heading; the department heading is
//!   `answering_body`, kept as printed (`Home Department`,
//!   `House of Commons Commission`), only re-cased when printed in
//!   capitals (`HOME DEPARTMENT` → `Home Department`). It is not mapped to
//!   the department's current name (`Home Office`): the printed heading is
//!   the evidence. Lords pages have no department headings; there the body
//!   is taken from the answerer's office when it names one (`Minister of
//!   State, Foreign and Commonwealth Office`).
//! - The asker's name is printed without a constituency (`Mr Leigh`):
//!   `printed` keeps the honorific, `name` drops it (`Leigh`).
//! - `house` comes from evidence only: an `HL` UIN or `Her Majesty's
//!   Government` (Lords), the question's Commons form, `W`/`WA` columns,
//!   `HC`/`HL Deb` citations.

mod grammar;
mod lines;
mod millbank;

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::Regex;

use crate::error::{Error, ErrorKind, Result};
use crate::format::Format;
use crate::record::{Answer, House, Person, Record};
use crate::text::{self, html_to_text, Date};
use crate::{Input, Parsed};

use lines::{Item, Kind, Section, Speaker, Suffix};

// ---------------------------------------------------------------------
// Detection

/// Marks of other formats that also quote "To ask ...".
static NOT_OURS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?mi)^\s*\(asked on |\bAsked by:|^\s*Asked on:|^\s*Answered by:|^\s*Question to the |This question was answered on|more like this|Questions? for Written Answer|Written Questions for Answer|^\s*Grouped Questions:",
    )
    .expect("valid regex")
});

/// `Written Answers (to Questions)`, or a dated `W`/`WA` column marker.
static WA_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?mi)^\s*written answers?(?:\s+to\s*(?:\n\s*)*questions?)?\s*$|:\s*column\s*(?:\d+\s*W|WA\s*\d+)\b")
        .expect("valid regex")
});

/// `Written (Ministerial) Statements`, or a dated `WS` column marker.
static WS_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?mi)^\s*written\s+(?:ministerial\s+)?statements?\s*$|:\s*column\s*\d+\s*WS\b")
        .expect("valid regex")
});

/// `Oral Answers to Questions`: a page of oral questions is not ours.
static ORAL_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?mi)^\s*oral answers(?: to questions)?\s*$")
        .expect("valid regex")
});

/// A question ending in its UIN: `To ask ... [67391]`, `...[HL9224]`.
static UIN_QUESTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?mi)\bto ask\b[^\n]*\[(?:HL\s?)?\d{2,7}R?\]\s*$")
        .expect("valid regex")
});

/// `Mr Leigh: To ask`, `Lord Hylton asked Her Majesty's Government`.
static TURN_QUESTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?m)^(?:\d{1,3}\.\s*)?[A-Z][^:\n]{1,120}?(?::\s*To ask\b| asked (?:Her|His) Majesty)",
    )
    .expect("valid regex")
});

/// A column marker on its own line: `Column 242`, `773W`, `WA 45`,
/// `19 July 2011 : Column 773W`.
static COLUMN_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?mi)^\s*(?:\d{1,2}\s+[a-z]{3,9}\.?\s+\d{4}\s*:\s*)?(?:column:?\s*(?:WA\s*)?\d{1,5}\s*(?:W|WA|WS)?|\d{1,5}\s?W|WA\s?\d{1,5})\s*$",
    )
    .expect("valid regex")
});

/// A question whose asker's name the page lost (pages saved from
/// hansard.parliament.uk print it as a link): `asked the Secretary of
/// State for Defence what ...` at the start of a line.
static BARE_ASKED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^\s*asked\s+(?:the|her|his)\s+[A-Z]")
        .expect("valid regex")
});

/// An oral question put in its own words, numbered, with its UIN: `1.
/// Mr. Clapham (Barnsley, West): What plans ... [12345]`.
static ORAL_UIN_TURN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?m)^\s*\d{1,3}\.\s+[A-Z][^:\n]{1,120}:\s[^\n]*\[\d{1,7}\]\s*$",
    )
    .expect("valid regex")
});

/// The navigation line of a page saved from publications.parliament.uk:
/// `Previous Section | Index | Home Page |`.
static SITE_NAV: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?mi)^\s*previous section\b[^\n]{0,60}\bhome page")
        .expect("valid regex")
});

/// The archive's page header: `Volume 884: debated on Friday 17 January
/// 1975`.
static VOLUME_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?mi)^\s*volume\s+\d+\s*:\s*debated\s+on\s")
        .expect("valid regex")
});

/// A question's UIN ending a line: `... [HL1986]`.
static UIN_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)\[(?:HL\s?)?\d{2,7}R?\]\s*$").expect("valid regex")
});

/// A Lords question whose asker's name is not printed:
/// `asked Her Majesty's Government:`.
static ASKED_HMG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?mi)^\s*asked\s+(?:her|his)\s+majesty['’]s\s+government:?\s*$",
    )
    .expect("valid regex")
});

/// Historic digitised turns: `§ Ms PrimaroloTo ask`, `§ 12. Mr. Smith
/// asked the`.
static HISTORIC_QUESTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?m)^\s*§\s*[^\n]{2,120}?(?:To ask\b|asked (?:the|Her|His)\s)",
    )
    .expect("valid regex")
});

/// A speaker with an office: `The Parliamentary Under-Secretary of State
/// for Justice (Mr Crispin Blunt):`.
static OFFICE_TURN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^\s*The [^:\n]{3,160}\([^()\n]{3,80}\)\s*:")
        .expect("valid regex")
});

fn is_html(text: &str) -> bool {
    let lower = text::head(text, 4096).to_ascii_lowercase();
    lower.contains("<html")
        || lower.contains("<!doctype html")
        || ((lower.contains("<p>") || lower.contains("<p "))
            && text::html::looks_like_html(text))
}

/// Whether `text` looks like bound Hansard written answers (or written
/// statements, which are recognised to be skipped).
pub(crate) fn detect(text: &str) -> bool {
    if millbank::detect(text) {
        return true;
    }
    let head = text::head(text, 100_000);
    if NOT_OURS.is_match(head) {
        return false;
    }
    let plain: Cow<'_, str> =
        if is_html(head) { html_to_text(head).into() } else { head.into() };
    let wa = WA_HEADING.is_match(&plain);
    let oral = ORAL_HEADING.is_match(&plain) && !wa;
    // Oral answers are recognised, to be skipped with a note.
    if oral {
        return TURN_QUESTION.is_match(&plain)
            || BARE_ASKED.is_match(&plain)
            || UIN_QUESTION.is_match(&plain)
            || ORAL_UIN_TURN.is_match(&plain);
    }
    if (wa || VOLUME_LINE.is_match(&plain)) && BARE_ASKED.is_match(&plain) {
        return true;
    }
    // Pages saved from publications.parliament.uk without their headings:
    // the site's navigation line, or several question turns.
    if TURN_QUESTION.is_match(&plain)
        && (SITE_NAV.is_match(&plain)
            || TURN_QUESTION.find_iter(&plain).nth(1).is_some())
    {
        return true;
    }
    // Questions whose asker's name stands on the line above (`1. Mr.
    // Costain` / `asked the Minister of Transport ...`).
    if BARE_ASKED.is_match(&plain)
        && plain.lines().take(2000).any(|l| grammar::speaker_line(l).is_some())
    {
        return true;
    }
    let hansard = wa || COLUMN_LINE.is_match(&plain);
    // A letter that quotes a question ("To ask ... [12345]") is a letter.
    if !hansard && super::letter::detect(&plain) {
        return false;
    }
    UIN_QUESTION.is_match(&plain)
        || HISTORIC_QUESTION.is_match(&plain)
        || (hansard && TURN_QUESTION.is_match(&plain))
        || (wa && ASKED_HMG.is_match(&plain) && UIN_END.is_match(&plain))
        || (WS_HEADING.is_match(&plain) && OFFICE_TURN.is_match(&plain))
}

// ---------------------------------------------------------------------
// Headings

/// Whether a paragraph reads as a heading: short, no closing punctuation.
fn heading_like(s: &str) -> bool {
    let t = s.trim();
    let words = t.split_whitespace().count();
    !t.is_empty()
        && t.len() <= 100
        && words <= 12
        && !t.ends_with(['.', ',', ';', ':', '?', '!', ']'])
        && !t.contains(" | ")
        && !t.contains('\t')
        && !t.starts_with(['§', '('])
        && t.chars().next().is_some_and(|c| c.is_uppercase() || c.is_numeric())
}

/// Whether `item` is a paragraph that may be an unmarked heading.
fn heading_candidate(item: &Item) -> bool {
    item.candidate
        && match &item.kind {
            Kind::Para { table } => !table,
            Kind::Turn { text, .. } => !text.is_empty(),
            _ => false,
        }
        && heading_like(&item.text)
}

/// Whether a heading-like line above a subject heading is the
/// department's: printed in capitals, named like a department, or named
/// in the question (`To ask the Secretary of State for Health` under
/// `Health`).
fn confirm_dept(cand: &str, question: &str) -> bool {
    let c = cand.trim();
    if lines::is_all_caps(c) {
        return true;
    }
    if c.starts_with("Department ")
        || c.starts_with("Ministry of ")
        || c.ends_with(" Office")
    {
        return true;
    }
    let addressee = addressee(question).unwrap_or_default().to_lowercase();
    let lc = c.to_lowercase();
    (!addressee.is_empty() && addressee.contains(&lc))
        || (lc.contains("treasury") && addressee.contains("exchequer"))
}

/// Turns unmarked headings (text input) into subject and department
/// headings: the heading-like paragraph just before a question (or its
/// `Asked by` line) is the subject; a confirmed one before that, the
/// department.
fn resolve_headings(items: &mut [Item]) {
    for i in 0..items.len() {
        let question = match &items[i].kind {
            Kind::Question { text, .. } => text.clone(),
            _ => continue,
        };
        let skippable = |k: &Kind| match k {
            Kind::AskedBy(_)
            | Kind::Noise
            | Kind::Column { .. }
            | Kind::Date(_)
            | Kind::Citation { .. } => true,
            Kind::Turn { text, .. } => text.is_empty(),
            _ => false,
        };
        let mut j = i;
        while j > 0 && skippable(&items[j - 1].kind) {
            j -= 1;
        }
        let Some(s) = j.checked_sub(1) else { continue };
        if !heading_candidate(&items[s]) {
            continue;
        }
        items[s].kind = Kind::Subject(items[s].text.clone());
        let mut d = s;
        while d > 0
            && matches!(
                items[d - 1].kind,
                Kind::Noise | Kind::Column { .. } | Kind::Date(_)
            )
        {
            d -= 1;
        }
        if let Some(d) = d.checked_sub(1) {
            if heading_candidate(&items[d])
                && confirm_dept(&items[d].text, &question)
            {
                items[d].kind = Kind::Dept(items[d].text.clone());
            }
        }
    }
}

/// A heading printed in capitals, re-cased: `HOME DEPARTMENT` → `Home
/// Department`; short or vowel-less words (`HM`, `NHS`) stay capitals.
/// Mixed-case headings are kept as printed.
fn tidy_heading(s: &str) -> String {
    let s = text::html::collapse_spaces(s.trim());
    if !lines::is_all_caps(&s) {
        return s;
    }
    let mut out = Vec::new();
    for (i, w) in s.split(' ').enumerate() {
        let lw = w.to_lowercase();
        let small = matches!(
            lw.as_str(),
            "of" | "and" | "for" | "the" | "in" | "on" | "to" | "a" | "an"
        );
        let letters: String =
            lw.chars().filter(|c| c.is_alphabetic()).collect();
        if small && i > 0 {
            out.push(lw);
        } else if (letters.len() <= 2 && !small)
            || (!letters.is_empty()
                && !letters.chars().any(|c| "aeiouy".contains(c)))
        {
            out.push(w.to_string());
        } else {
            let mut cap = String::new();
            let mut up = true;
            for c in lw.chars() {
                if up {
                    cap.extend(c.to_uppercase());
                } else {
                    cap.push(c);
                }
                up = matches!(c, '-' | '\'' | '’' | '(' | '/');
            }
            out.push(cap);
        }
    }
    out.join(" ")
}

/// The department named in an answerer's office: `Minister of State,
/// Foreign and Commonwealth Office` → `Foreign and Commonwealth Office`.
fn body_from_role(role: &str) -> Option<String> {
    role.split(',').map(str::trim).find_map(|seg| {
        let ok = seg.starts_with("Department ")
            || seg.starts_with("Ministry of ")
            || seg.starts_with("HM Treasury")
            || (seg.ends_with(" Office") && seg.len() > 8);
        ok.then(|| seg.to_string())
    })
}

// ---------------------------------------------------------------------
// Questions and their parts

/// A UIN in square brackets: `[67391]`, `[HL9224]`, `[HL 9224]`,
/// `[138423R]`.
static UIN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\[\s*((?:HL\s?)?\d{1,7})\s*(R?)\s*\]").expect("valid regex")
});

/// A numbered part's marker: `(2)`.
static PART_MARK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\((\d{1,2})\)\s*").expect("valid regex"));

/// One UIN's part of a question turn.
#[derive(Debug, PartialEq)]
struct Part {
    text: String,
    uin: Option<String>,
    r_suffix: bool,
}

/// Splits a question turn at its UINs: a `[UIN]` ends a part when it ends
/// the text or a numbered part follows it. Each part's text is the
/// question's opening words plus the part, without the `(n)` marker.
fn split_parts(q: &str) -> Vec<Part> {
    let mut raw: Vec<(String, Option<String>, bool)> = Vec::new();
    let mut from = 0;
    // The regex finds the candidates; the nom grammar decodes each one.
    for m in UIN.find_iter(q) {
        let after = q[m.end()..].trim_start();
        if !(after.is_empty() || PART_MARK.is_match(after)) {
            continue;
        }
        let Some(uin) = grammar::uin(m.as_str()) else { continue };
        raw.push((
            q[from..m.start()].trim().to_string(),
            Some(uin.id),
            uin.r_suffix,
        ));
        from = m.end();
    }
    let tail = q[from..].trim();
    if !tail.is_empty() {
        match raw.last_mut() {
            // Text after the last UIN that starts no new part: keep it.
            Some(last) if !PART_MARK.is_match(tail) => {
                last.0.push(' ');
                last.0.push_str(tail);
            }
            _ => raw.push((tail.to_string(), None, false)),
        }
    }
    if raw.len() <= 1 {
        return raw
            .into_iter()
            .map(|(text, uin, r)| Part { text, uin, r_suffix: r })
            .collect();
    }
    // The opening words before "(1)", repeated before each part.
    let first = raw[0].0.clone();
    let prefix = first.find("(1)").map(|i| first[..i].trim().to_string());
    raw.into_iter()
        .map(|(text, uin, r)| {
            let body = match &prefix {
                Some(p) => {
                    let t = if text.starts_with(p.as_str()) {
                        text[p.len()..].trim_start()
                    } else {
                        text.as_str()
                    };
                    let t = PART_MARK.replace(t, "");
                    format!("{p} {t}")
                }
                None => text,
            };
            Part { text: end_sentence(&body), uin, r_suffix: r }
        })
        .collect()
}

/// Ends a part that closed with `;` or `; and` with a full stop.
fn end_sentence(s: &str) -> String {
    let t = s.trim_end();
    let t = t.strip_suffix("; and").unwrap_or(t).trim_end();
    match t.strip_suffix(';') {
        Some(x) => format!("{}.", x.trim_end()),
        None => t.to_string(),
    }
}

/// Whether the question's text ends with its UIN.
fn ends_with_uin(q: &str) -> bool {
    let t = q.trim_end();
    t.ends_with(']')
        && UIN.find_iter(t).last().is_some_and(|m| m.end() == t.len())
}

/// Whether a plain paragraph after a question continues it (rather than
/// being an answer whose speaker is not printed).
fn continues_question(q: &str, para: &str) -> bool {
    let q = q.trim_end();
    let p = para.trim_start();
    let numbered = PART_MARK.is_match(p);
    if ends_with_uin(q) {
        return numbered;
    }
    numbered
        || q.ends_with([':', ';', ','])
        || !q.ends_with(['.', '?', '!'])
        || p.chars().next().is_some_and(char::is_lowercase)
}

// ---------------------------------------------------------------------
// Assembly

/// A question turn being read.
#[derive(Debug)]
struct Q {
    asker: Option<Person>,
    text: String,
    heading: Option<String>,
    dept: Option<String>,
    warnings: Vec<String>,
}

/// An answer being read.
#[derive(Debug, Default)]
struct A {
    who: Option<Speaker>,
    /// Paragraphs, and whether each is a table row (or table).
    paras: Vec<(String, bool)>,
    date: Option<Date>,
    warnings: Vec<String>,
    /// A column break came after the last paragraph.
    broken: bool,
    /// Other speakers' turns after the answer.
    extra_turns: usize,
    /// The asker spoke again after the answer (a supplementary question).
    supplementary: bool,
}

/// Questions answered together, and their answer.
#[derive(Debug, Default)]
struct Block {
    questions: Vec<Q>,
    answer: Option<A>,
}

#[derive(Default)]
struct State {
    section: Option<Section>,
    date: Option<Date>,
    doc_house: Option<House>,
    dept: Option<String>,
    subject: Option<String>,
    pending_asker: Option<Person>,
    pending_speaker: Option<Speaker>,
    block: Block,
    done: Vec<Block>,
    statements: usize,
    statement_turns: usize,
    /// Offices printed with a name earlier in the page, by name: the
    /// office is printed only at a minister's first answer of the day.
    roles: std::collections::HashMap<String, String>,
    /// Offsets of answers with no question before them.
    orphans: Vec<usize>,
    /// Offsets of plain paragraphs before the first question: the tail of
    /// an answer from the previous page.
    fragment: Vec<usize>,
    /// Oral questions (or debates) skipped.
    oral: usize,
    /// Millbank XML: every answer opens with a `<member>`, so a plain
    /// paragraph after a question, before any answer, continues it.
    answers_marked: bool,
    /// Whether the page is still in the fragment it opens with (`None`
    /// before the first item that is not noise).
    fragment_open: Option<bool>,
    /// The text of a speaker-only line read after an answer, kept until
    /// the next item says whether it belongs to the answer.
    pending_line: Option<String>,
    /// The date of the first dated column marker (`12 Jan 1998 : Column:
    /// 501`): the day the page's answers were published.
    marker_date: Option<Date>,
    /// A "Written Answers" heading was read.
    saw_answers: bool,
}

impl State {
    fn in_statements(&self) -> bool {
        matches!(self.section, Some(Section::Statements | Section::Other))
    }

    fn flush(&mut self) {
        if let (Some(line), Some(a)) =
            (self.pending_line.take(), self.block.answer.as_mut())
        {
            a.paras.push((line, false));
            self.pending_speaker = None;
        }
        let b = std::mem::take(&mut self.block);
        if b.questions.is_empty() {
            return;
        }
        // A question answered in the chamber: the asker (or two more
        // speakers) came back after the answer. Oral answers are not
        // ours, whatever the question's form (`[UIN]` included).
        let oral = b
            .answer
            .as_ref()
            .is_some_and(|a| a.supplementary || a.extra_turns >= 2);
        if oral {
            self.oral += b.questions.len();
        } else {
            self.done.push(b);
        }
    }

    fn start_answer(&mut self, who: Option<Speaker>, text: &str) {
        let mut a = A { who, date: self.date, ..A::default() };
        if a.who.is_none() {
            a.warnings.push(
                "the answer's speaker is not printed: answerer unknown".into(),
            );
        }
        if !text.trim().is_empty() {
            a.paras.push((text.trim().to_string(), false));
        }
        self.block.answer = Some(a);
    }

    fn item(&mut self, item: &Item) {
        // A page that opens with plain paragraphs (before any heading,
        // date or question) opens with the tail of the previous page's
        // last answer.
        match &item.kind {
            Kind::Noise | Kind::Column { .. } | Kind::Citation { .. } => {}
            Kind::Para { .. } if self.fragment_open != Some(false) => {
                self.fragment_open = Some(true);
                self.fragment.push(item.offset);
                return;
            }
            _ => self.fragment_open = Some(false),
        }
        match &item.kind {
            Kind::Noise => {}
            Kind::Section(s) => {
                self.flush();
                self.section = Some(*s);
                self.saw_answers |= *s == Section::Answers;
                if *s == Section::Statements {
                    self.subject = None;
                    self.dept = None;
                }
            }
            Kind::Date(d) => self.date = Some(*d),
            Kind::Column { date, suffix, .. } => {
                if let Some(d) = date {
                    self.date = Some(*d);
                    self.marker_date.get_or_insert(*d);
                }
                match suffix {
                    Suffix::W => {
                        self.doc_house.get_or_insert(House::Commons);
                    }
                    Suffix::Wa => {
                        self.doc_house.get_or_insert(House::Lords);
                    }
                    Suffix::Ws if self.section.is_none() => {
                        self.section = Some(Section::Statements);
                    }
                    _ => {}
                }
                if let Some(a) = &mut self.block.answer {
                    a.broken = true;
                }
            }
            Kind::Citation { date, house } => {
                if date.is_some() {
                    self.date = *date;
                }
                if house.is_some() {
                    self.doc_house = *house;
                }
            }
            Kind::Dept(d) => {
                self.flush();
                if !self.in_statements() {
                    self.dept = Some(tidy_heading(d));
                    self.subject = None;
                }
            }
            Kind::Subject(s) => {
                self.flush();
                if self.section == Some(Section::Statements) {
                    self.statements += 1;
                } else if self.section != Some(Section::Other) {
                    self.subject = Some(tidy_heading(s));
                }
            }
            _ if self.in_statements() => {
                if self.section == Some(Section::Statements)
                    && matches!(item.kind, Kind::Turn { .. })
                {
                    self.statement_turns += 1;
                }
                if self.section == Some(Section::Other)
                    && matches!(item.kind, Kind::Question { .. })
                {
                    self.oral += 1;
                }
            }
            Kind::AskedBy(name) => {
                if self.block.answer.is_some() {
                    self.flush();
                }
                self.pending_asker = text::person(name);
            }
            Kind::Question { who, text } => {
                // A name line just before is this question's asker.
                self.pending_line = None;
                if self.block.answer.is_some() {
                    self.flush();
                }
                // A bare "To ask" after another question of the same
                // "Asked by" block has the same asker.
                let previous =
                    self.block.questions.last().and_then(|q| q.asker.clone());
                let asker = who
                    .as_ref()
                    .map(|s| s.person.clone())
                    .or_else(|| self.pending_asker.take())
                    .or_else(|| self.pending_speaker.take().map(|s| s.person))
                    .or(previous);
                self.pending_line = None;
                self.pending_asker = None;
                let mut warnings = Vec::new();
                if asker.is_none() {
                    warnings.push(
                        "the asking member's name is not printed".to_string(),
                    );
                }
                if who.as_ref().is_some_and(|s| s.guessed) {
                    warnings.push(
                        "the asker's name runs into the text: split guessed"
                            .to_string(),
                    );
                }
                self.block.questions.push(Q {
                    asker,
                    text: text.trim().to_string(),
                    heading: self.subject.clone(),
                    dept: self.dept.clone(),
                    warnings,
                });
            }
            Kind::Turn { who, text } => {
                let mut who = who.clone();
                if let Some(name) = who.person.name.clone() {
                    match &who.person.role {
                        Some(role) => {
                            self.roles.insert(name, role.clone());
                        }
                        None => {
                            who.person.role = self.roles.get(&name).cloned()
                        }
                    }
                }
                let who = &who;
                if self.block.questions.is_empty() {
                    if text.is_empty() {
                        self.pending_speaker = Some(who.clone());
                    } else {
                        self.orphans.push(item.offset);
                    }
                    return;
                }
                match &mut self.block.answer {
                    None => {
                        let speaker = who.clone();
                        self.start_answer(Some(speaker), text);
                        if let Some(a) = &mut self.block.answer {
                            if who.guessed {
                                a.warnings.push(
                                    "the answerer's name runs into the text: \
                                     split guessed"
                                        .into(),
                                );
                            }
                        }
                    }
                    Some(_) if text.is_empty() => {
                        // A name on its own line after an answer: the next
                        // question's asker, or a line of the answer (a
                        // table's row label); the next item decides.
                        self.pending_speaker = Some(who.clone());
                        self.pending_line = Some(item.text.clone());
                    }
                    Some(a) => {
                        a.paras.push((item.text.clone(), false));
                        a.broken = false;
                        a.extra_turns += 1;
                        // The asker speaking again is a supplementary:
                        // an oral exchange, not a written answer.
                        let asker_again =
                            who.person.name.as_ref().is_some_and(|n| {
                                self.block.questions.iter().any(|q| {
                                    q.asker
                                        .as_ref()
                                        .and_then(|p| p.name.as_ref())
                                        == Some(n)
                                })
                            });
                        if asker_again {
                            a.supplementary = true;
                        }
                        let msg = "a second speaker's turn follows the \
                                   answer: kept in the answer's text";
                        if !a.warnings.iter().any(|w| w == msg) {
                            a.warnings.push(msg.into());
                        }
                    }
                }
            }
            Kind::Para { table } => self.para(&item.text, *table),
        }
    }

    fn para(&mut self, text: &str, table: bool) {
        let names_lost =
            self.block.questions.iter().all(|q| q.asker.is_none());
        if let Some(a) = &mut self.block.answer {
            if let Some(line) = self.pending_line.take() {
                // The asker's name on its own line, then text: the asker
                // speaking again, a supplementary question.
                let again = self.pending_speaker.take().is_some_and(|sp| {
                    sp.person.name.is_some()
                        && self.block.questions.iter().any(|q| {
                            q.asker.as_ref().map(|p| &p.name)
                                == Some(&sp.person.name)
                        })
                });
                if again {
                    a.supplementary = true;
                }
                a.paras.push((line, false));
            }
            // A paragraph that asks a question after the answer has begun
            // ("Is my right hon. Friend aware ...?"): a supplementary, so
            // an oral exchange whose speakers' names the page lost. Only
            // where the names are lost: a named supplementary is a turn.
            if (a.who.is_none() || names_lost)
                && !a.paras.is_empty()
                && !table
                && is_supplementary(text)
            {
                a.supplementary = true;
            }
            // A sentence cut by a column break: the paragraph before ends
            // in a word or a comma, or this one starts in lower case.
            let joins = a.broken
                && !table
                && a.paras.last().is_some_and(|(l, t)| {
                    let l = l.trim_end();
                    !t && !l.ends_with([
                        '.', '?', '!', ':', ';', ')', '"', '”', '’',
                    ]) && (l.ends_with(|c: char| c.is_lowercase() || c == ',')
                        || text.starts_with(char::is_lowercase))
                });
            a.broken = false;
            match a.paras.last_mut() {
                Some((last, _)) if joins => {
                    last.push(' ');
                    last.push_str(text);
                }
                _ => a.paras.push((text.to_string(), table)),
            }
            return;
        }
        let Some(q) = self.block.questions.last_mut() else { return };
        if self.pending_speaker.is_none()
            && (self.answers_marked || continues_question(&q.text, text))
        {
            q.text.push(' ');
            q.text.push_str(text);
            return;
        }
        let who = self.pending_speaker.take();
        self.start_answer(who, text);
    }
}

/// Whether a paragraph is a question put in the chamber: it ends with a
/// question mark and opens as a question does (`Is the Minister aware
/// ...?`, `Will my right hon. Friend ...?`, `Does he ...?`).
fn is_supplementary(text: &str) -> bool {
    let t = text.trim();
    let first = t.split_whitespace().next().unwrap_or("");
    t.ends_with('?')
        && matches!(
            first,
            "Is" | "Will"
                | "Does"
                | "Do"
                | "Can"
                | "Would"
                | "Could"
                | "May"
                | "Has"
                | "Have"
                | "Why"
                | "What"
                | "How"
                | "By"
                | "Are"
                | "Should"
        )
}

/// Parses a page of written answers (or, detected by content, a Millbank
/// XML file of the historic Hansard archive: see [`millbank`]).
pub(crate) fn parse(input: &Input<'_>) -> Result<Parsed> {
    if millbank::detect(input.text) {
        return millbank::parse(input);
    }
    let text = input.text;
    let mut items = lines::items(text, is_html(text));
    resolve_headings(&mut items);
    let mut st = State::default();
    for item in &items {
        st.item(item);
    }
    finish(input, st)
}

/// Turns the assembled blocks into records, and says on stderr what was
/// skipped (statements, oral answers, a fragment before the first item).
fn finish(input: &Input<'_>, mut st: State) -> Result<Parsed> {
    let text = input.text;
    st.flush();
    // A page of oral answers (no "Written Answers" heading) whose last
    // question was cut before its answer: that question is oral too.
    if st.oral > 0
        && !st.saw_answers
        && st.done.iter().all(|b| b.answer.is_none())
    {
        st.oral += st.done.iter().map(|b| b.questions.len()).sum::<usize>();
        st.done.clear();
    }
    // An answer read before the page gave any date takes the date of its
    // column markers (every marker of a day's page carries the same day).
    if let Some(d) = &st.marker_date {
        for a in st.done.iter_mut().filter_map(|b| b.answer.as_mut()) {
            a.date.get_or_insert(*d);
        }
    }
    let mut records = Vec::new();
    let any_uin = st
        .done
        .iter()
        .any(|b| b.questions.iter().any(|q| UIN.is_match(&q.text)));
    for block in &st.done {
        block_records(input, block, st.doc_house, any_uin, &mut records);
    }

    let mut notes = Vec::new();
    let skipped = st.statements.max(usize::from(st.statement_turns > 0));
    if skipped > 0 {
        notes.push(if records.is_empty() {
            format!(
                "{}: written ministerial statements, not questions: skipped",
                input.path
            )
        } else {
            format!(
                "{}: skipped {} written ministerial statement{} (not questions)",
                input.path,
                skipped,
                if skipped == 1 { "" } else { "s" }
            )
        });
    }
    if st.oral > 0 {
        notes.push(if records.is_empty() {
            format!(
                "{}: oral answers (or debates), not written answers: skipped",
                input.path
            )
        } else {
            format!(
                "{}: skipped {} oral answer{} (questions answered in the \
                 chamber, with supplementaries)",
                input.path,
                st.oral,
                if st.oral == 1 { "" } else { "s" }
            )
        });
    }
    if let Some(&first) = st.orphans.first() {
        let n = st.orphans.len();
        notes.push(format!(
            "{}:{}: skipped {} answer{} with no question before {} (the \
             page starts part-way through an item)",
            input.path,
            crate::error::Position::of_offset(text, first).line,
            n,
            if n == 1 { "" } else { "s" },
            if n == 1 { "it" } else { "them" },
        ));
    }
    if let Some(&first) = st.fragment.first() {
        let n = st.fragment.len();
        notes.push(format!(
            "{}:{}: skipped {} paragraph{} before the first question (the \
             tail of an answer from the previous page)",
            input.path,
            crate::error::Position::of_offset(text, first).line,
            n,
            if n == 1 { "" } else { "s" },
        ));
    }
    if records.is_empty() && skipped == 0 && st.oral == 0 {
        return Err(Error::new(ErrorKind::NoRecords(
            "expected a question turn such as \"Mr Leigh: To ask the \
             Secretary of State ... [67391]\""
                .into(),
        ))
        .at_offset(text, 0));
    }
    Ok(Parsed { records, notes, ..Parsed::default() })
}

/// Whether a question is put to the Lords' government: it opens `asked
/// Her Majesty's Government` or `To ask His Majesty's Government` (a
/// Commons question may name the Government further on).
static HMG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:to\s+ask|asked)\s+(?:her|his)\s+majesty['’`]?s\s+government\b")
        .expect("valid regex")
});

/// Whom a question is put to, for the `asked ...` form too.
fn addressee(q: &str) -> Option<String> {
    let t = q.trim_start();
    match t.strip_prefix("asked ") {
        Some(rest) => {
            let rest = rest.trim_start();
            let end = rest.find(':').unwrap_or(rest.len());
            let who = rest[..end].trim();
            if end < rest.len() && !who.is_empty() && who.len() < 60 {
                Some(who.to_string())
            } else {
                text::addressed_to(&format!("To ask {rest}"))
            }
        }
        None => text::addressed_to(t),
    }
    .map(|who| PART_TAIL.replace(&who, "").trim().to_string())
}

/// A part marker left at the end of an addressee: `... for Health (1)`.
static PART_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\s*\((?:\d{1,2}|[a-z])\)\s*$").expect("valid regex")
});

fn block_records(
    input: &Input<'_>,
    block: &Block,
    doc_house: Option<House>,
    any_uin: bool,
    out: &mut Vec<Record>,
) {
    let parts: Vec<Vec<Part>> =
        block.questions.iter().map(|q| split_parts(&q.text)).collect();
    let uins: Vec<String> =
        parts.iter().flatten().filter_map(|p| p.uin.clone()).collect();
    let answer = block.answer.as_ref().map(|a| {
        let mut text = String::new();
        let mut prev_table = false;
        for (p, table) in &a.paras {
            if !text.is_empty() {
                text.push_str(if *table && prev_table {
                    "\n"
                } else {
                    "\n\n"
                });
            }
            text.push_str(p);
            prev_table = *table;
        }
        let who = a.who.as_ref();
        Answer {
            text: if text.is_empty() { None } else { Some(text) },
            answered_on: a.date,
            answerer: who.map(|s| s.person.clone()),
            holding_answered_on: who.and_then(|s| s.holding),
            ..Answer::default()
        }
    });
    for (q, parts) in block.questions.iter().zip(&parts) {
        for part in parts {
            let index = out.len();
            let mut r =
                Record::question(input.source(Format::Hansard, index, None));
            r.uin = part.uin.clone();
            r.heading = q.heading.clone();
            let role_body = block
                .answer
                .as_ref()
                .and_then(|a| a.who.as_ref())
                .and_then(|s| s.person.role.as_deref())
                .and_then(body_from_role);
            let qtext = text::clean_plain(&part.text);
            let lords =
                part.uin.as_deref().is_some_and(|u| u.starts_with("HL"))
                    || HMG.is_match(&qtext);
            // "asked the Secretary of State ..." (historic pages) is
            // read as the "To ask ..." form it reports.
            let asked_form = qtext
                .strip_prefix("asked ")
                .map(|rest| format!("To ask {rest}"));
            r.house = if lords {
                Some(House::Lords)
            } else {
                text::infer_house(
                    Some(asked_form.as_deref().unwrap_or(&qtext)),
                    None,
                )
                .or(doc_house)
            };
            let question = r.question.get_or_insert_with(Default::default);
            question.addressed_to = addressee(&qtext);
            question.text = if qtext.is_empty() { None } else { Some(qtext) };
            question.asker = q.asker.clone();
            question.answering_body = q.dept.clone().or(role_body);
            r.warnings.extend(q.warnings.iter().cloned());
            if part.r_suffix {
                r.warn("the UIN is printed with an R suffix");
            }
            if part.uin.is_none() && any_uin {
                r.warn("no [UIN] at the end of the question");
            }
            if r.heading.is_none() {
                r.warn("no subject heading above the question");
            }
            match (&answer, &block.answer) {
                (Some(ans), Some(a)) => {
                    let mut ans = ans.clone();
                    ans.grouped_with = uins
                        .iter()
                        .filter(|u| Some(*u) != part.uin.as_ref())
                        .cloned()
                        .collect();
                    if ans.answered_on.is_none() {
                        r.warn("no answer date: no day heading or dated column marker");
                    }
                    if let Some(raw) =
                        a.who.as_ref().and_then(|s| s.holding_raw.as_ref())
                    {
                        r.warn(format!(
                            "cannot read the holding answer date {raw:?}"
                        ));
                    }
                    if ans.text.is_none() {
                        r.warn("the answer has no text");
                    }
                    r.warnings.extend(a.warnings.iter().cloned());
                    r.answer = Some(ans);
                }
                _ => r.warn(
                    "no answer follows the question (the input may be cut short)",
                ),
            }
            out.push(r);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_answers_not_others() {
        assert!(detect(
            "Written Answers\n\nAsked by Lord Ashcroft\n\nTo ask Her \
             Majesty’s Government whether rights of abode have been \
             introduced.[HL1249]\n"
        ));
        assert!(detect("Mr Leigh: To ask the Secretary of State for Health how many. [67391]\n"));
        assert!(detect("§ Ms PrimaroloTo ask the Secretary of State for Health how many\n"));
        // parallelparliament, Lords Business, order book, letters.
        assert!(!detect("Written Answers\nTuesday 22nd June 2021\nPodiatry\nTo ask the Secretary of State for Health, what estimate …\n"));
        assert!(!detect("Lord Alton of Liverpool to ask His Majesty's Government what steps.  HL5635\n"));
        assert!(!detect("Dr Vincent Cable (Twickenham):To ask Mr Chancellor of the Exchequer, what.\n(141715)\n"));
        assert!(!detect(
            "Dear Mike,\n\nTo ask is fine.\n\nYours sincerely,\n"
        ));
        assert!(!detect(
            "Asked by: Jim Shannon (DUP - Strangford)\nQuestion to the Department of Health:\nTo ask the Secretary of State [12345]\n"
        ));
    }

    fn parse_text(text: &str) -> Parsed {
        parse(&Input { path: "t", text }).expect("parses")
    }

    #[test]
    fn oral_answers_with_uins_give_no_record() {
        // Oral questions put in their own words with a UIN (since the late
        // 1990s), under the section heading.
        let page = "Oral Answers to Questions\n\nHEALTH\n\nHospital Beds\n\n1. Mr. Clapham (Barnsley, West): What plans he has to increase the number of hospital beds. [12345]\n\nThe Minister of State, Department of Health (Mr. John Smith): We have such plans.\n\nMr. Clapham: Is the Minister aware of the shortage in Barnsley?\n\nMr. Smith: I am.\n";
        assert!(detect(page));
        let p = parse_text(page);
        assert!(p.records.is_empty());
        assert!(
            p.notes.iter().any(|n| n.contains("oral answers")),
            "{:?}",
            p.notes
        );
        // "To ask ... [UIN]" with the asker's supplementary, no heading.
        let page = "Column 621\n\n1. Mr. Stevens: To ask the Secretary of State for Social Security how many people have received disability benefit. [2301]\n\nThe Minister for Social Security (Mr. Nicholas Scott): Many more than before.\n\nMr. Stevens: I am grateful to my hon. Friend for that reply. Will he say more?\n\nMr. Scott: Yes.\n";
        assert!(detect(page));
        let p = parse_text(page);
        assert!(p.records.is_empty(), "{:?}", p.records);
    }

    #[test]
    fn millbank_markers_and_titles_stay_out_of_answers() {
        let xml = "<writtenanswers><col>501W</col><title>Written Answers to Questions</title><date format=\"1998-01-12\">Monday 12 January 1998</date><group><title>HEALTH</title><section><title>Waiting Lists</title><p><member>Mr. Fabricant</member>: To ask the Secretary of State for Health how many patients are waiting. [21325]</p><col>502W</col><p><member>Mr. Milburn</member>: The information is not held <image src=\"S6CV0304P0I0100\"/><col>503W</col>centrally.</p></section><section><title>Hospital Beds</title><p><member>Mr. Fabricant</member>: To ask the Secretary of State for Health how many beds there are. [21326]</p><p><member>Mr. Milburn</member>: 180,000.</p></section></group></writtenanswers>";
        assert!(detect(xml));
        let p = parse_text(xml);
        assert_eq!(p.records.len(), 2);
        let a = p.records[0].answer.as_ref().expect("answer");
        assert_eq!(
            a.text.as_deref(),
            Some("The information is not held centrally.")
        );
        assert_eq!(a.answered_on.as_deref(), Some("1998-01-12"));
        assert_eq!(p.records[0].uin.as_deref(), Some("21325"));
        assert_eq!(p.records[0].heading.as_deref(), Some("Waiting Lists"));
        assert_eq!(p.records[1].heading.as_deref(), Some("Hospital Beds"));
        assert_eq!(p.records[0].house, Some(House::Commons));
        let q = p.records[0].question.as_ref().expect("question");
        assert_eq!(q.answering_body.as_deref(), Some("Health"));
    }

    #[test]
    fn millbank_lords_question_in_two_paragraphs() {
        let xml = "<houselords><writtenanswers><date format=\"2004-06-16\">Wednesday 16 June 2004</date><section><title>Prisons: Education</title><p><member>Lord Avebury <memberconstituency></memberconstituency></member> asked Her Majesty's Government:</p><p>Whether they will publish the report on prison education. [HL2984]</p><p><member>Baroness Scotland of Asthal</member>: Yes, in <col>WA 45</col>July.</p></section></writtenanswers></houselords>";
        let p = parse_text(xml);
        assert_eq!(p.records.len(), 1, "{:?}", p.notes);
        let r = &p.records[0];
        assert_eq!(r.house, Some(House::Lords));
        assert_eq!(r.uin.as_deref(), Some("HL2984"));
        let q = r.question.as_ref().expect("question");
        assert_eq!(
            q.text.as_deref(),
            Some("asked Her Majesty's Government: Whether they will publish the report on prison education.")
        );
        assert_eq!(
            q.asker.as_ref().and_then(|p| p.name.as_deref()),
            Some("Lord Avebury")
        );
        let a = r.answer.as_ref().expect("answer");
        assert_eq!(a.text.as_deref(), Some("Yes, in July."));
        assert_eq!(
            a.answerer.as_ref().and_then(|p| p.name.as_deref()),
            Some("Baroness Scotland of Asthal")
        );
    }

    #[test]
    fn every_prefix_parses_without_panic() {
        let inputs = [
            include_str!(
                "../../../fixtures/hansard/handwritten_millbank_1997.xml"
            ),
            include_str!(
                "../../../fixtures/hansard/issue-10-speaker-lines.txt"
            ),
            include_str!(
                "../../../fixtures/hansard/issue-10-dated-column-marker.txt"
            ),
            include_str!(
                "../../../fixtures/hansard/issue-10-marker-at-item-end.txt"
            ),
        ];
        for text in inputs {
            for (i, _) in text.char_indices().step_by(5) {
                let t = &text[..i];
                let _ = detect(t);
                let _ = parse(&Input { path: "t", text: t });
            }
        }
    }

    #[test]
    fn parts_split_at_uins() {
        let p = split_parts(
            "To ask the Secretary of State for Health (1) what is the total; [18925] (2) what is the rest. [18921]",
        );
        assert_eq!(p.len(), 2);
        assert_eq!(p[0].uin.as_deref(), Some("18925"));
        assert_eq!(
            p[0].text,
            "To ask the Secretary of State for Health what is the total."
        );
        assert_eq!(
            p[1].text,
            "To ask the Secretary of State for Health what is the rest."
        );
        let p = split_parts("To ask HMG whether.[HL 9224]");
        assert_eq!(p[0].uin.as_deref(), Some("HL9224"));
        assert_eq!(p[0].text, "To ask HMG whether.");
        let p = split_parts("To ask about question [12345] of last week.");
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].uin, None);
    }

    #[test]
    fn headings_and_bodies() {
        assert_eq!(tidy_heading("HOME DEPARTMENT"), "Home Department");
        assert_eq!(
            tidy_heading("FOREIGN AND COMMONWEALTH AFFAIRS"),
            "Foreign and Commonwealth Affairs"
        );
        assert_eq!(tidy_heading("NHS DENTISTS"), "NHS Dentists");
        assert_eq!(
            tidy_heading("House of Commons Commission"),
            "House of Commons Commission"
        );
        assert_eq!(
            body_from_role("Minister of State, Ministry of Justice")
                .as_deref(),
            Some("Ministry of Justice")
        );
        assert_eq!(body_from_role("Advocate-General for Scotland"), None);
        assert!(confirm_dept(
            "Health",
            "To ask the Secretary of State for Health how many"
        ));
        assert!(!confirm_dept(
            "Air Travel",
            "To ask the Secretary of State for Health how many"
        ));
        assert!(heading_like("Animal Experiments: Scotland"));
        assert!(!heading_like("That is expected to be in September."));
    }

    #[test]
    fn question_continuation() {
        assert!(continues_question(
            "asked Her Majesty's Government:",
            "What discussions"
        ));
        assert!(continues_question(
            "To ask (1) how many;",
            "(2) how many beds."
        ));
        assert!(!continues_question(
            "To ask whether. [HL1986]",
            "My right honourable friend"
        ));
        assert!(continues_question("To ask whether. [1]", "(2) what."));
    }
}
