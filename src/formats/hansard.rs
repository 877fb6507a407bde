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

#[path = "hansard_lines.rs"]
mod lines;

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
        r"(?m)^[A-Z][^:\n]{1,120}?(?::\s*To ask\b| asked (?:Her|His) Majesty)",
    )
    .expect("valid regex")
});

/// A column marker on its own line: `Column 242`, `773W`, `WA 45`,
/// `19 July 2011 : Column 773W`.
static COLUMN_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?mi)^\s*(?:\d{1,2}\s+[a-z]{3,9}\.?\s+\d{4}\s*:\s*)?(?:column\s+(?:WA\s*)?\d{1,5}\s*(?:W|WA|WS)?|\d{1,5}\s?W|WA\s?\d{1,5})\s*$",
    )
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
    let head = text::head(text, 100_000);
    if NOT_OURS.is_match(head) {
        return false;
    }
    let plain: Cow<'_, str> =
        if is_html(head) { html_to_text(head).into() } else { head.into() };
    let wa = WA_HEADING.is_match(&plain);
    if ORAL_HEADING.is_match(&plain) && !wa {
        return false;
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
    let addressee =
        text::addressed_to(question).unwrap_or_default().to_lowercase();
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
    for c in UIN.captures_iter(q) {
        let Some(m) = c.get(0) else { continue };
        let after = q[m.end()..].trim_start();
        if !(after.is_empty() || PART_MARK.is_match(after)) {
            continue;
        }
        let uin: String =
            c[1].chars().filter(|c| !c.is_whitespace()).collect();
        raw.push((
            q[from..m.start()].trim().to_string(),
            Some(uin.to_ascii_uppercase()),
            &c[2] == "R",
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
}

impl State {
    fn in_statements(&self) -> bool {
        matches!(self.section, Some(Section::Statements | Section::Other))
    }

    fn flush(&mut self) {
        let b = std::mem::take(&mut self.block);
        if !b.questions.is_empty() {
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
        match &item.kind {
            Kind::Noise => {}
            Kind::Section(s) => {
                self.flush();
                self.section = Some(*s);
                if *s == Section::Statements {
                    self.subject = None;
                    self.dept = None;
                }
            }
            Kind::Date(d) => self.date = Some(*d),
            Kind::Column { date, suffix, .. } => {
                if let Some(d) = date {
                    self.date = Some(*d);
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
            }
            Kind::AskedBy(name) => {
                if self.block.answer.is_some() {
                    self.flush();
                }
                self.pending_asker = text::person(name);
            }
            Kind::Question { who, text } => {
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
                    Some(a) => {
                        if text.is_empty() {
                            self.pending_speaker = Some(who.clone());
                            return;
                        }
                        a.paras.push((item.text.clone(), false));
                        a.broken = false;
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
        if let Some(a) = &mut self.block.answer {
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
        if self.pending_speaker.is_none() && continues_question(&q.text, text)
        {
            q.text.push(' ');
            q.text.push_str(text);
            return;
        }
        let who = self.pending_speaker.take();
        self.start_answer(who, text);
    }
}

/// Parses a page of written answers.
pub(crate) fn parse(input: &Input<'_>) -> Result<Parsed> {
    let text = input.text;
    let mut items = lines::items(text, is_html(text));
    resolve_headings(&mut items);
    let mut st = State::default();
    for item in &items {
        st.item(item);
    }
    st.flush();

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
    if records.is_empty() && skipped == 0 {
        return Err(Error::new(ErrorKind::NoRecords(
            "expected a question turn such as \"Mr Leigh: To ask the \
             Secretary of State ... [67391]\""
                .into(),
        ))
        .at_offset(text, 0));
    }
    Ok(Parsed { records, notes, ..Parsed::default() })
}

/// Whether a question is put to the Lords' government.
static HMG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:her|his)\s+majesty['’`]?s\s+government\b")
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
            if end < rest.len() && !who.is_empty() && who.len() < 160 {
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
            r.house = if lords {
                Some(House::Lords)
            } else {
                text::infer_house(Some(&qtext), None).or(doc_house)
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
