//! Bound Hansard pages (HTML or text) to a flat list of classified
//! paragraphs: headings, column markers, dates, speakers' turns and plain
//! paragraphs, for `hansard/mod.rs` to assemble into questions and answers.

use std::sync::LazyLock;

use regex::Regex;

use super::grammar::{self, ColumnKind};
use crate::record::{House, Person};
use crate::text::{self, html_to_text, parse_date, people, Date};

/// Which part of the day's Hansard a run of paragraphs belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Section {
    /// "Written Answers (to Questions)".
    Answers,
    /// "Written (Ministerial) Statements": skipped.
    Statements,
    /// Another part of the report (oral answers, corrections): skipped.
    Other,
}

/// A speaker as printed before a turn.
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct Speaker {
    /// The person: `name`, `printed`, and `role`/`constituency` when the
    /// turn gives them.
    pub person: Person,
    /// The date in `[holding answer 9 January 2002]`, as `YYYY-MM-DD`.
    pub holding: Option<Date>,
    /// The holding-answer date as printed, when it could not be read.
    pub holding_raw: Option<String>,
    /// Whether the name and the text were glued together and the split
    /// was guessed (historic digitised pages).
    pub guessed: bool,
}

/// What a paragraph is.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Kind {
    /// Navigation, footers, "Question(s)" labels: dropped.
    Noise,
    /// A section heading.
    Section(Section),
    /// The day's date heading (`Tuesday 19 July 2011`).
    Date(Date),
    /// A column marker (`19 July 2011 : Column 773W`, `WA 45`).
    Column { date: Option<Date>, suffix: Suffix, number: Option<u32> },
    /// A historic citation line (`HC Deb 26 May 1994 vol 244 c241W`).
    Citation { date: Option<Date>, house: Option<House> },
    /// A department heading (`HOME DEPARTMENT`).
    Dept(String),
    /// A subject heading (`Animal Experiments: Scotland`).
    Subject(String),
    /// `Asked by Lord Ashcroft` (Lords, 2010s): the next question's asker.
    AskedBy(String),
    /// A question turn; `text` starts at `To ask` / `asked`.
    Question { who: Option<Speaker>, text: String },
    /// Another speaker's turn (an answer); `text` may be empty when the
    /// name stands on its own line.
    Turn { who: Speaker, text: String },
    /// A plain paragraph (or table, rows on their own lines).
    Para { table: bool },
}

/// One classified paragraph.
#[derive(Clone, Debug)]
pub(super) struct Item {
    pub kind: Kind,
    /// The paragraph's text (for a turn: the whole paragraph, speaker
    /// included), with column markers removed.
    pub text: String,
    /// Whether the paragraph may be a heading that the markup did not
    /// mark as one (text input, or an all-bold HTML paragraph).
    pub candidate: bool,
    /// Byte offset of the paragraph in the input (approximate for HTML).
    pub offset: usize,
}

/// The letters after a column number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Suffix {
    /// `773W`: Commons written answers.
    W,
    /// `WA 45`: Lords written answers.
    Wa,
    /// `89WS`: written statements.
    Ws,
    /// `WH`, `P` or none: another part of the report.
    Other,
}

/// A paragraph before classification, with what the markup says of it.
#[derive(Clone, Debug)]
struct Raw {
    text: String,
    hint: Hint,
    offset: usize,
}

#[derive(Clone, Debug, PartialEq)]
enum Hint {
    /// Plain text, or an HTML paragraph.
    Plain,
    /// An HTML heading element; `dept` when styled or printed in capitals.
    Heading { dept: bool },
    /// An HTML paragraph opening with bold text (a speaker's name).
    BoldLead(String),
    /// An HTML paragraph that is all bold.
    BoldOnly,
    /// An HTML table.
    Table,
}

// ---------------------------------------------------------------------
// HTML to paragraphs

/// Elements that start or end a paragraph.
fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "ul"
            | "ol"
            | "li"
            | "dl"
            | "dt"
            | "dd"
            | "blockquote"
            | "table"
            | "hr"
            | "body"
            | "html"
            | "head"
            | "title"
            | "section"
            | "article"
            | "header"
            | "footer"
    )
}

use crate::text::html::tag_name;

/// Splits an HTML page into paragraphs at block elements; a table is kept
/// whole.
fn html_paragraphs(html: &str) -> Vec<Raw> {
    let mut out = Vec::new();
    let mut i = 0;
    let mut seg_start = 0;
    let mut seg_tag: Option<(String, String)> = None;
    while let Some(tag) = crate::text::html::next_tag(html, i) {
        let (t, inner, after, name) =
            (tag.start, tag.inner, tag.end, tag.name);
        if !is_block(&name) {
            i = after;
            continue;
        }
        let closing = inner.starts_with('/');
        flush(html, seg_start, t, seg_tag.take(), &mut out);
        if name == "table" && !closing {
            let end = table_end(html, t);
            let text = html_to_text(&html[t..end]);
            if !text.trim().is_empty() {
                out.push(Raw { text, hint: Hint::Table, offset: t });
            }
            i = end;
            seg_start = end;
            continue;
        }
        if !closing {
            seg_tag = Some((name, inner.to_ascii_lowercase()));
        }
        seg_start = after;
        i = after;
    }
    flush(html, seg_start, html.len(), seg_tag, &mut out);
    out
}

/// The byte after the `</table>` matching the `<table` at `start` (or the
/// end of the input).
fn table_end(html: &str, start: usize) -> usize {
    let mut depth = 0usize;
    let mut i = start;
    while let Some(tag) = crate::text::html::next_tag(html, i) {
        if tag.name == "table" {
            if tag.closing {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return tag.end;
                }
            } else {
                depth += 1;
            }
        }
        i = tag.end;
    }
    html.len()
}

/// Ends the paragraph `html[from..to]` opened by `tag`.
fn flush(
    html: &str,
    from: usize,
    to: usize,
    tag: Option<(String, String)>,
    out: &mut Vec<Raw>,
) {
    if from >= to {
        return;
    }
    let seg = &html[from..to];
    let text = html_to_text(seg);
    if text.trim().is_empty() {
        return;
    }
    let (name, attrs) = tag.unwrap_or_default();
    let hint =
        if matches!(name.as_str(), "h1" | "h2" | "h3" | "h4" | "h5" | "h6") {
            Hint::Heading {
                dept: attrs.contains("uppercase") || is_all_caps(&text),
            }
        } else {
            match leading_bold(seg) {
                Some(bold) if bold.trim() == text.trim() => Hint::BoldOnly,
                Some(bold) if !bold.trim().is_empty() => Hint::BoldLead(bold),
                _ => Hint::Plain,
            }
        };
    out.push(Raw { text, hint, offset: from });
}

/// The text of a `<b>`/`<strong>` element that opens `seg`, after anchors
/// and white space.
fn leading_bold(seg: &str) -> Option<String> {
    let mut rest = seg;
    loop {
        rest = rest.trim_start();
        if !rest.starts_with('<') {
            return None;
        }
        let end = rest.find('>')?;
        let inner = &rest[1..end];
        let name = tag_name(inner);
        match name.as_str() {
            "b" | "strong" if !inner.starts_with('/') => {
                let body = &rest[end + 1..];
                let lower = body.to_ascii_lowercase();
                let close = lower.find(&format!("</{name}"))?;
                return Some(html_to_text(&body[..close]));
            }
            "a" | "span" | "font" | "br" | "notus-date" | "img" | "i"
            | "em" => rest = &rest[end + 1..],
            _ => return None,
        }
    }
}

// ---------------------------------------------------------------------
// Text to paragraphs

/// Splits saved text into paragraphs: one a line, a line that starts in
/// lower case joined to an unfinished one before it, and "Written Answers
/// to" / "Questions" put back together.
fn text_paragraphs(text: &str) -> Vec<Raw> {
    let mut out: Vec<Raw> = Vec::new();
    let mut offset = 0;
    for raw in text.split_inclusive('\n') {
        let at = offset;
        offset += raw.len();
        let line =
            text::html::normalize_spaces(raw.trim_end_matches(['\n', '\r']));
        if line.is_empty() {
            continue;
        }
        // "...expertise.Ms Walley: To ask ...": a question turn run into
        // the line before it; split it off.
        let line = match GLUED_TURN.find(&line).map(|m| m.start() + 1) {
            Some(k) if k < line.len() => {
                let (head, tail) = line.split_at(k);
                out.push(Raw {
                    text: head.to_string(),
                    hint: Hint::Plain,
                    offset: at,
                });
                tail.to_string()
            }
            _ => line,
        };
        if let Some(prev) = out.last_mut() {
            let p = prev.text.trim_end();
            if p.eq_ignore_ascii_case("written answers to")
                && line.eq_ignore_ascii_case("questions")
            {
                prev.text.push(' ');
                prev.text.push_str(&line);
                continue;
            }
            // "The Minister of State, ...\n(Mr. Brian O'Malley)": an
            // office and its holder's name printed on two lines.
            if line.starts_with('(')
                && p.starts_with("The ")
                && !p.ends_with(['.', ':', ')'])
                && people::names_office(p)
                && grammar::speaker_line(&line).is_some()
            {
                prev.text.push(' ');
                prev.text.push_str(&line);
                continue;
            }
            let starts_lower =
                line.chars().next().is_some_and(char::is_lowercase);
            if starts_lower
                && !line.starts_with("asked ")
                && !p.ends_with(['.', '?', '!', ':', ']'])
                && !is_column_line(p)
            {
                prev.text.push(' ');
                prev.text.push_str(&line);
                continue;
            }
        }
        out.push(Raw { text: line, hint: Hint::Plain, offset: at });
    }
    out
}

/// A question turn glued to the sentence before it: `.Ms Walley: To
/// ask`.
static GLUED_TURN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"[.?!](?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Lord|Baroness)\.?\s[^:.]{1,60}:\s*To ask\b",
    )
    .expect("valid regex")
});

// ---------------------------------------------------------------------
// Column markers

const MONTH: &str =
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?";

/// `19 July 2011 : Column 773W`, `23 Oct 2003 : Column 640W—continued`,
/// `9 July 2012 : Column WA197`: unambiguous anywhere.
static DATED_COLUMN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)(\d{{1,2}}\s+{MONTH}\s+\d{{4}})\s*:\s*Col(?:umn|\.)?\s*:?\s*(WA\s*\d{{1,5}}|\d{{1,5}}\s*(?:WA|WS|WH|W|P)?)(?:\s*(?:[—–-]+|&#151;)?\s*continued)?"
    ))
    .expect("valid regex")
});

/// A bare column number inside a flattened paragraph (` 774W `).
static INLINE_COLUMN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|\s)(?:(\d{1,5})(W|WA|WS)|(WA)\s?(\d{1,5}))(?:\s|$)")
        .expect("valid regex")
});

static DIGITS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\d+").expect("valid regex"));

/// The kind of column a marker's letters name (`773W`, `WA 45`, `89WS`).
pub(super) fn suffix_of(s: &str) -> Suffix {
    let u = s.to_ascii_uppercase();
    let letters: String =
        u.chars().filter(char::is_ascii_alphabetic).collect();
    match letters.as_str() {
        "W" => Suffix::W,
        "WA" => Suffix::Wa,
        "WS" => Suffix::Ws,
        "COLUMN" | "COL" | "" => Suffix::Other,
        _ if letters.ends_with("WA") || letters.starts_with("WA") => {
            Suffix::Wa
        }
        _ if letters.ends_with("WS") => Suffix::Ws,
        _ if letters.ends_with('W') => Suffix::W,
        _ => Suffix::Other,
    }
}

fn is_column_line(s: &str) -> bool {
    grammar::column_marker(s).is_some() || DATED_COLUMN.is_match(s.trim())
}

/// A column marker found in a paragraph: its date, suffix and number.
type Marker = (Option<Date>, Suffix, Option<u32>);

/// Removes the column markers of a paragraph; returns the cleaned text and
/// the markers found (date, suffix, number). `last` is the last column
/// number seen: a bare inline number is taken as a marker only when it
/// follows on from it.
fn strip_columns(s: &str, last: &mut Option<u32>) -> (String, Vec<Marker>) {
    let mut found = Vec::new();
    let t = s.trim();
    if let Some(m) = grammar::column_marker(t) {
        let suffix = match m.kind {
            ColumnKind::W => Suffix::W,
            ColumnKind::Wa => Suffix::Wa,
            ColumnKind::Ws => Suffix::Ws,
            ColumnKind::Other => Suffix::Other,
        };
        *last = Some(m.number);
        found.push((m.date, suffix, Some(m.number)));
        return (String::new(), found);
    }
    let mut out = String::with_capacity(s.len());
    let mut prev = 0;
    for c in DATED_COLUMN.captures_iter(s) {
        let Some(m) = c.get(0) else { continue };
        let col = c.get(2).map_or("", |m| m.as_str());
        let n = DIGITS.find(col).and_then(|d| d.as_str().parse().ok());
        if n.is_some() {
            *last = n;
        }
        found.push((parse_date(&c[1]), suffix_of(col), n));
        out.push_str(&s[prev..m.start()]);
        out.push(' ');
        prev = m.end();
    }
    out.push_str(&s[prev..]);
    // Bare inline numbers: only those that continue the column sequence.
    if last.is_some() {
        let mut cleaned = String::with_capacity(out.len());
        let mut prev = 0;
        let mut search = 0;
        while let Some(c) = INLINE_COLUMN.captures_at(&out, search) {
            let Some(m) = c.get(0) else { break };
            let token_end = m.start() + m.as_str().trim_end().len();
            let num = c.get(1).or(c.get(4)).map_or("", |g| g.as_str());
            let suffix = c.get(2).or(c.get(3)).map_or("", |g| g.as_str());
            let n: u32 = num.parse().unwrap_or(0);
            let before = out[..m.start()].trim_end();
            let mut k = before.len().saturating_sub(12);
            while !before.is_char_boundary(k) {
                k += 1;
            }
            let tail = before[k..].to_ascii_lowercase();
            let reference = tail.ends_with(',')
                || tail.ends_with('(')
                || [
                    "column", "columns", "col.", "cols.", "cc.", "c.", "and",
                    "to",
                ]
                .iter()
                .any(|w| tail.ends_with(w));
            let l = last.unwrap_or(0);
            if n > l && n <= l + 2 && !reference && m.start() >= prev {
                cleaned.push_str(&out[prev..m.start()]);
                cleaned.push(' ');
                prev = token_end;
                *last = Some(n);
                found.push((None, suffix_of(suffix), Some(n)));
            }
            // Continue after the marker, so that the space that ends this
            // match can start the next.
            search = token_end;
        }
        cleaned.push_str(&out[prev..]);
        out = cleaned;
    }
    if found.is_empty() {
        return (s.to_string(), found);
    }
    (text::html::collapse_spaces(&out), found)
}

// ---------------------------------------------------------------------
// Speakers

static HOLDING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\[\s*holding\s+answer\s+([^\]]{4,40}?)\s*\]")
        .expect("valid regex")
});

/// `Mr Leigh: rest`, `The Minister ... (Lord McNally): rest`,
/// `Ms Blears [holding answer 9 January 2002]: rest`, `Mr. Meacher : rest`.
static COLON_TURN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?s)^(?:(\d{1,3})\.\s*)?([^:\[\]]{2,220}?(?:\([^()]{2,90}\))?)\s*(\[\s*holding\s+answer[^\]]{0,40}\]\s*)?:\s*(.*)$",
    )
    .expect("valid regex")
});

/// `Lord Hylton asked Her Majesty's Government: ...`,
/// `Mr. Rooker asked the Secretary of State ...`.
static NAME_ASKED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?s)^(?:(\d{1,3})\.\s*)?(.{2,120}?)\s*(asked\s+(?:(?:[Hh]er|[Hh]is)\s+[Mm]ajesty|the\s).*)$",
    )
    .expect("valid regex")
});

/// A question's opening: `To ask`, `asked Her Majesty's Government`.
static QUESTION_START: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:to\s+ask\b|asked\s+(?:(?:her|his)\s+majesty['’`]?s\s+government|the\s))",
    )
    .expect("valid regex")
});

/// Whether `text` opens a question (`To ask…`, `asked the…`).
pub(super) fn is_question_text(text: &str) -> bool {
    QUESTION_START.is_match(text.trim_start())
}

/// A speaker printed by office alone (`The Prime Minister`, `The
/// Solicitor-General`): the office as printed and as the role, no name.
pub(super) fn office_only(who: &str) -> Option<Speaker> {
    let printed = text::html::collapse_spaces(who.trim());
    let role = printed.strip_prefix("The ")?;
    if printed.len() > 80
        || !people::names_office(role)
        || role.contains(['(', ')', ','])
    {
        return None;
    }
    Some(Speaker {
        person: Person {
            printed: Some(printed.clone()),
            role: Some(role.to_string()),
            ..Person::default()
        },
        ..Speaker::default()
    })
}

/// Parses a speaker's designation (the part before the colon) into a
/// person. `trusted` when the markup says it is a speaker (bold), so a
/// one-word name is accepted.
pub(super) fn parse_speaker(who: &str, trusted: bool) -> Option<Speaker> {
    let mut who = text::html::collapse_spaces(who.trim());
    let mut holding = None;
    let mut holding_raw = None;
    let found = HOLDING
        .captures(&who)
        .and_then(|c| Some((c.get(0)?.range(), c[1].trim().to_string())));
    if let Some((range, raw)) = found {
        holding = text::find_date(&raw);
        if holding.is_none() {
            holding_raw = Some(raw);
        }
        who = text::html::collapse_spaces(&format!(
            "{}{}",
            &who[..range.start],
            &who[range.end..]
        ));
    }
    let who = who.trim().trim_end_matches(':').trim();
    if who.is_empty() || who.len() > 220 {
        return None;
    }
    let person = office_form(who).or_else(|| name_form(who, trusted))?;
    Some(Speaker { person, holding, holding_raw, guessed: false })
}

/// `The Minister of State, Ministry of Justice (Lord McNally)`: the name
/// inside the brackets, the office before them.
fn office_form(who: &str) -> Option<Person> {
    let open = who.rfind('(')?;
    let close = who[open..].find(')')? + open;
    if !who[close + 1..].trim().is_empty() {
        return None;
    }
    let outside = who[..open].trim().trim_end_matches(',').trim();
    let inside = who[open + 1..close].trim();
    let starts_the =
        outside.starts_with("The ") || outside.starts_with("the ");
    if starts_the || people::names_office(outside) {
        if !looks_like_name(inside, true) {
            return None;
        }
        let mut p = text::person(inside)?;
        let role = outside.strip_prefix("The ").unwrap_or(outside);
        p.role = Some(role.to_string());
        return Some(p);
    }
    // `Mr John Horam (Orpington)`: a name and a constituency.
    if looks_like_name(outside, false) {
        let mut p = text::person(outside)?;
        p.constituency = Some(inside.to_string());
        return Some(p);
    }
    None
}

fn name_form(who: &str, trusted: bool) -> Option<Person> {
    let lower = who.to_ascii_lowercase();
    // "The Earl of Courtown", "The Lord Bishop of Oxford".
    let peer_the =
        lower.starts_with("the ") && text::names::is_peer(&who[4..]);
    if lower.starts_with("the ") && !peer_the {
        return None;
    }
    if !looks_like_name(who, trusted) {
        return None;
    }
    text::person(who)
}

/// Whether `s` reads as a person's name: capitalised words (and `of`,
/// `and`, ...), one to eight of them, opening with an honorific or
/// peerage title unless there are at least two words.
pub(super) fn looks_like_name(s: &str, trusted: bool) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    if words.is_empty() || words.len() > 9 {
        return false;
    }
    let mut k = 0;
    if words[0].eq_ignore_ascii_case("the") {
        k = 1;
    }
    let first =
        words.get(k).map(|w| w.to_ascii_lowercase()).unwrap_or_default();
    let honorific = people::opens_name(&first);
    for (i, w) in words.iter().enumerate().skip(k) {
        let lw = w.to_ascii_lowercase();
        if i > k && people::is_name_connector(&lw) {
            continue;
        }
        let mut chars = w.chars();
        let Some(c0) = chars.next() else { return false };
        if !c0.is_uppercase() {
            return false;
        }
        if !w
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '.' | '\'' | '’' | '-'))
        {
            return false;
        }
    }
    let last =
        words.last().map(|w| w.to_ascii_lowercase()).unwrap_or_default();
    if people::is_name_connector(&last) {
        return false;
    }
    honorific || trusted || words.len() - k >= 2
}

/// Words that open an answer's first sentence, where a historic page runs
/// the speaker's name into the text (`§ Mr. Alan Clark I regret ...`).
const SENTENCE_OPENERS: [&str; 40] = [
    "I",
    "The",
    "This",
    "These",
    "That",
    "Those",
    "There",
    "It",
    "We",
    "My",
    "Our",
    "As",
    "In",
    "On",
    "At",
    "No",
    "Yes",
    "A",
    "An",
    "All",
    "Since",
    "Under",
    "Following",
    "Details",
    "Information",
    "Figures",
    "None",
    "Such",
    "For",
    "From",
    "Of",
    "Responsibility",
    "Between",
    "During",
    "Data",
    "Total",
    "Estimates",
    "Currently",
    "Government",
    "Her",
];

/// Splits a historic `§` paragraph (without the `§`) into speaker and
/// text. The name is often glued to the text (`Mr. SackvilleThese are`).
fn split_historic(s: &str) -> Option<(Speaker, String)> {
    let s = s.trim();
    // An office: "The Under-Secretary of State (Mr. Sackville) text".
    if s.starts_with("The ") {
        let close = s.find(')')?;
        let who = &s[..=close];
        let rest = s[close + 1..].trim_start();
        let (hold, rest) = take_holding(rest);
        let rest = rest.trim_start_matches(':').trim_start();
        let sp = parse_speaker(&format!("{who}{hold}"), true)?;
        return Some((sp, rest.to_string()));
    }
    // A colon near the start: "Mr. Sackville: text".
    if let Some(c) = COLON_TURN.captures(s) {
        let who = c.get(2).map_or("", |m| m.as_str());
        let hold = c.get(3).map_or("", |m| m.as_str());
        if let Some(sp) = parse_speaker(&format!("{who}{hold}"), false) {
            let rest = c.get(4).map_or("", |m| m.as_str());
            return Some((sp, rest.to_string()));
        }
    }
    let words: Vec<(usize, &str)> = word_starts(s);
    let first = words.first()?.1.to_ascii_lowercase();
    let h = usize::from(people::opens_name(&first));
    // Walk the name's words; stop where the text starts.
    let mut text_at = None;
    let mut guessed = false;
    let mut i = h;
    while i < words.len() && i < h + 8 {
        let (at, w) = words[i];
        if i > h && people::is_name_connector(w) {
            i += 1;
            continue;
        }
        if let Some(split) = glue_point(w) {
            text_at = Some(at + split);
            break;
        }
        if !w.chars().next().is_some_and(char::is_uppercase) {
            // The sentence's second word: it started at the word before,
            // unless that is the only name word.
            if i > h + 1 {
                text_at = Some(words[i - 1].0);
                guessed = true;
            }
            break;
        }
        if i > h && SENTENCE_OPENERS.contains(&w) {
            text_at = Some(at);
            break;
        }
        i += 1;
    }
    let text_at = text_at?;
    let who = s[..text_at].trim();
    if who.is_empty() {
        return None;
    }
    let (hold, rest) = take_holding(&s[text_at..]);
    let mut sp = parse_speaker(&format!("{who}{hold}"), true)?;
    sp.guessed = guessed;
    Some((sp, rest.trim_start_matches(':').trim().to_string()))
}

/// A `[holding answer …]` at the start of `s`, and the rest.
pub(super) fn take_holding(s: &str) -> (String, &str) {
    let t = s.trim_start();
    if let Some(m) = HOLDING.find(t) {
        if m.start() == 0 {
            return (format!(" {}", m.as_str()), &t[m.end()..]);
        }
    }
    (String::new(), s)
}

/// Byte offsets and words of `s`, split on white space.
fn word_starts(s: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        if c.is_whitespace() {
            if let Some(st) = start.take() {
                out.push((st, &s[st..i]));
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(st) = start {
        out.push((st, &s[st..]));
    }
    out
}

/// Where a name glued to the next word ends: `SackvilleThese` → 9,
/// `McLoughlinThe` → 10, `MoyleI` → 5. The rest must read as an ordinary
/// capitalised word (or `I`/`A`).
fn glue_point(w: &str) -> Option<usize> {
    let chars: Vec<(usize, char)> = w.char_indices().collect();
    for k in (1..chars.len()).rev() {
        let (at, c) = chars[k];
        let prev = chars[k - 1].1;
        if c.is_uppercase() && prev.is_lowercase() {
            // "McNally", "MacShane", "DeLyon": a capital inside a name.
            if matches!(
                &w[..at],
                "Mc" | "Mac"
                    | "De"
                    | "Di"
                    | "Le"
                    | "La"
                    | "Fitz"
                    | "Van"
                    | "Von"
                    | "Du"
            ) {
                continue;
            }
            let rest = &w[at..];
            let tail_ok = rest.chars().skip(1).all(|c| {
                c.is_lowercase() || matches!(c, '\'' | '’' | ',' | '.' | ';')
            });
            let single = rest == "I" || rest == "A";
            if (tail_ok && rest.chars().count() > 1) || single {
                return Some(at);
            }
        }
    }
    None
}

// ---------------------------------------------------------------------
// Classification

static NAV: [&str; 16] = [
    "previous section",
    "next section",
    "back to table of contents",
    "table of contents",
    "index",
    "home page",
    "lords hansard home page",
    "commons hansard home page",
    "skip to main content",
    "contents",
    "back to top",
    "continue",
    "hansard home page",
    "previous",
    "next",
    "search page",
];

fn is_noise(line: &str) -> bool {
    let t = line.trim();
    let l = t.to_ascii_lowercase();
    if l == "question" || l == "questions" {
        return true;
    }
    // "19." alone: an oral question's number, printed on its own line
    // above a question that was given a written answer.
    if let Some(n) = t.strip_suffix('.') {
        if (1..=3).contains(&n.len()) && n.chars().all(|c| c.is_ascii_digit())
        {
            return true;
        }
    }
    if l.starts_with('©')
        || l.starts_with("prepared ")
            && parse_date(&l["prepared ".len()..]).is_some()
        || l.starts_with("the following answers were received")
        || l.starts_with("the text on this page has been created from hansard")
        || l.starts_with("the following question was answered")
    {
        return true;
    }
    let pieces: Vec<&str> =
        l.split('|').map(str::trim).filter(|p| !p.is_empty()).collect();
    if !pieces.is_empty() && pieces.iter().all(|p| NAV.contains(p)) {
        return true;
    }
    // "Previous Section Index Home Page": links run together without
    // separators. Short lines only, made of navigation words alone.
    t.len() <= 80 && !l.is_empty() && nav_words_only(&l)
}

/// Whether `l` (lower case) is made only of navigation phrases.
fn nav_words_only(l: &str) -> bool {
    let mut rest = l.trim();
    let mut phrases: Vec<&str> = NAV.to_vec();
    phrases.sort_by_key(|p| std::cmp::Reverse(p.len()));
    let mut n = 0;
    while !rest.is_empty() {
        let Some(p) = phrases.iter().find(|p| {
            rest.starts_with(**p)
                && rest[p.len()..]
                    .chars()
                    .next()
                    .is_none_or(|c| c.is_whitespace() || c == '|')
        }) else {
            return false;
        };
        rest = rest[p.len()..]
            .trim_start_matches(|c: char| c.is_whitespace() || c == '|');
        n += 1;
    }
    n >= 2
}

static SECTION_ANSWERS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:house of (?:commons|lords)\s+)?written\s+answers?(?:\s+to\s+questions?)?\.?$")
        .expect("valid regex")
});

static SECTION_STATEMENTS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^written\s+(?:ministerial\s+)?statements?\.?$")
        .expect("valid regex")
});

static SECTION_OTHER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:oral\s+answers(?:\s+to\s*questions)?|ministerial\s+corrections?|westminster\s+hall|petitions?|grand\s+committee)\.?$",
    )
    .expect("valid regex")
});

static VOLUME_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^volume\s+\d+\s*:\s*debated\s+on\s+(.+)$")
        .expect("valid regex")
});

static CITATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(HC|HL)\s+Deb\s+(\d{1,2}\s+[A-Za-z]+\.?\s+\d{4})\s+vol\s+\d+\s+cc?\s*[\d\-–]+\s*(WA|WS|W)?\b",
    )
    .expect("valid regex")
});

static ASKED_BY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^Asked\s+[Bb]y\s+([^:]{2,120})$").expect("valid regex")
});

/// Whether every letter of `s` is a capital (and there are a few).
pub(super) fn is_all_caps(s: &str) -> bool {
    let letters: Vec<char> = s.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 3 && letters.iter().all(|c| c.is_uppercase())
}

/// Classifies the paragraphs of a page. `html` chooses the HTML splitter.
pub(super) fn items(input: &str, html: bool) -> Vec<Item> {
    let raws =
        if html { html_paragraphs(input) } else { text_paragraphs(input) };
    let mut out = Vec::with_capacity(raws.len());
    let mut last_col = None;
    for raw in raws {
        let (text, markers) = if raw.hint == Hint::Table {
            (raw.text.clone(), Vec::new())
        } else {
            strip_columns(&raw.text, &mut last_col)
        };
        for (date, suffix, number) in markers {
            out.push(Item {
                kind: Kind::Column { date, suffix, number },
                text: String::new(),
                candidate: false,
                offset: raw.offset,
            });
        }
        let text = text.trim().to_string();
        if text.is_empty() {
            continue;
        }
        let candidate = !html || raw.hint == Hint::BoldOnly;
        let kind = classify(&text, &raw.hint);
        out.push(Item { kind, text, candidate, offset: raw.offset });
    }
    out
}

/// Classifies one paragraph of plain text (no markup hint).
pub(super) fn classify_plain(text: &str) -> Kind {
    classify(text, &Hint::Plain)
}

fn classify(text: &str, hint: &Hint) -> Kind {
    let one_line = !text.contains('\n');
    if one_line && is_noise(text) {
        return Kind::Noise;
    }
    if *hint == Hint::Table {
        return Kind::Para { table: true };
    }
    if one_line && text.len() < 80 {
        if SECTION_ANSWERS.is_match(text) {
            return Kind::Section(Section::Answers);
        }
        if SECTION_STATEMENTS.is_match(text) {
            return Kind::Section(Section::Statements);
        }
        if SECTION_OTHER.is_match(text) {
            return Kind::Section(Section::Other);
        }
        if let Some(d) = parse_date(text) {
            return Kind::Date(d);
        }
        if let Some(c) = VOLUME_DATE.captures(text) {
            if let Some(d) = parse_date(&c[1]) {
                return Kind::Date(d);
            }
        }
        if let Some(c) = ASKED_BY.captures(text) {
            return Kind::AskedBy(c[1].trim().to_string());
        }
    }
    if let Some(c) = CITATION.captures(text) {
        if text.len() < 120 {
            let house = match &c[1] {
                "HC" => Some(House::Commons),
                "HL" => Some(House::Lords),
                _ => None,
            };
            let house = match c.get(3).map(|m| m.as_str()) {
                Some("WA") => Some(House::Lords),
                _ => house,
            };
            return Kind::Citation { date: parse_date(&c[2]), house };
        }
    }
    if let Hint::Heading { dept } = hint {
        return if *dept {
            Kind::Dept(text.to_string())
        } else {
            Kind::Subject(text.to_string())
        };
    }
    if let Some(rest) = text.strip_prefix('§') {
        return classify_historic(rest.trim_start());
    }
    if is_question_text(text) {
        return Kind::Question { who: None, text: text.to_string() };
    }
    // The markup's bold lead is the most reliable speaker.
    if let Hint::BoldLead(bold) = hint {
        let b = bold.trim();
        if let Some(rest) = text.trim_start().strip_prefix(b) {
            let (hold, rest) = take_holding(rest);
            let rest = rest.trim_start();
            if b.ends_with(':') || rest.starts_with(':') {
                let who = format!("{}{}", b.trim_end_matches(':'), hold);
                let who = strip_number(&who);
                if let Some(sp) = parse_speaker(who, true) {
                    let rest = rest.trim_start_matches(':').trim();
                    return turn(sp, rest);
                }
            }
        }
    }
    // A speaker's name on its own line (no colon): the turn's text
    // follows in the next paragraph.
    if one_line && !text.contains(':') {
        if let Some(who) = grammar::speaker_line(text) {
            let who = who
                .strip_prefix('(')
                .and_then(|w| w.strip_suffix(')'))
                .unwrap_or(who);
            if let Some(sp) = parse_speaker(who, true) {
                return Kind::Turn { who: sp, text: String::new() };
            }
        }
    }
    if let Some(c) = COLON_TURN.captures(text) {
        let who = c.get(2).map_or("", |m| m.as_str());
        let hold = c.get(3).map_or("", |m| m.as_str());
        let rest = c.get(4).map_or("", |m| m.as_str()).trim();
        let sp = parse_speaker(&format!("{who}{hold}"), false)
            .or_else(|| office_only(who));
        if let Some(sp) = sp {
            // "1. Mr. X (Y): What ... [12345]": a numbered question put
            // in its own words (oral questions since the late 1990s).
            let numbered = c.get(1).is_some();
            let ends_uin = rest
                .rfind('[')
                .and_then(|k| rest.get(k..))
                .and_then(grammar::uin)
                .is_some();
            if numbered && ends_uin {
                return Kind::Question {
                    who: Some(sp),
                    text: rest.to_string(),
                };
            }
            return turn(sp, rest);
        }
    }
    if let Some(c) = NAME_ASKED.captures(text) {
        let who = c.get(2).map_or("", |m| m.as_str());
        if let Some(sp) = parse_speaker(who, false) {
            let rest = c.get(3).map_or("", |m| m.as_str());
            return Kind::Question { who: Some(sp), text: rest.to_string() };
        }
    }
    Kind::Para { table: text.contains(" | ") || text.contains('\t') }
}

/// `12. Mr. Smith` → `Mr. Smith`.
fn strip_number(s: &str) -> &str {
    let t = s.trim_start();
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 && digits <= 3 {
        if let Some(rest) = t[digits..].strip_prefix('.') {
            return rest.trim_start();
        }
    }
    t
}

fn turn(sp: Speaker, rest: &str) -> Kind {
    if is_question_text(rest) {
        Kind::Question { who: Some(sp), text: rest.to_string() }
    } else {
        Kind::Turn { who: sp, text: rest.to_string() }
    }
}

/// Glued question openers in historic pages: `Mr. RookerTo ask`,
/// `Mr. Rookerasked the`.
static HISTORIC_QUESTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?s)^(.{2,120}?)\s*:?\s*(To\s+ask\b.*|asked\s+(?:(?:Her|His)\s+Majesty|the\s).*)$",
    )
    .expect("valid regex")
});

fn classify_historic(s: &str) -> Kind {
    let s = strip_number(s);
    if is_question_text(s) {
        return Kind::Question { who: None, text: s.to_string() };
    }
    if let Some(c) = HISTORIC_QUESTION.captures(s) {
        let who = c.get(1).map_or("", |m| m.as_str());
        if let Some(sp) = parse_speaker(who, true) {
            let rest = c.get(2).map_or("", |m| m.as_str());
            return Kind::Question { who: Some(sp), text: rest.to_string() };
        }
    }
    // A name on its own (the text follows in the next paragraph).
    if looks_like_name(s, false) {
        if let Some(sp) = parse_speaker(s, true) {
            return Kind::Turn { who: sp, text: String::new() };
        }
    }
    match split_historic(s) {
        Some((sp, rest)) => turn(sp, &rest),
        None => Kind::Para { table: false },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn who(s: &str) -> (Option<String>, Option<String>, Option<String>) {
        let sp = parse_speaker(s, false).expect("a speaker");
        (sp.person.name, sp.person.printed, sp.person.role)
    }

    #[test]
    fn speakers() {
        assert_eq!(
            who("Mr Leigh"),
            (Some("Leigh".into()), Some("Mr Leigh".into()), None)
        );
        assert_eq!(
            who("The Minister of State, Ministry of Justice (Lord McNally)"),
            (
                Some("Lord McNally".into()),
                Some("Lord McNally".into()),
                Some("Minister of State, Ministry of Justice".into())
            )
        );
        assert_eq!(who("John Thurso").0.as_deref(), Some("John Thurso"));
        assert_eq!(who("Mr. Meacher ").0.as_deref(), Some("Meacher"));
        assert_eq!(
            who("Lord Hunt of Kings Heath").0.as_deref(),
            Some("Lord Hunt of Kings Heath")
        );
        assert_eq!(
            who("The Earl of Courtown").0.as_deref(),
            Some("Earl of Courtown")
        );
        let sp =
            parse_speaker("Ms Blears [holding answer 9 January 2002]", false)
                .expect("speaker");
        assert_eq!(sp.holding.as_deref(), Some("2002-01-09"));
        assert_eq!(sp.person.name.as_deref(), Some("Blears"));
        let sp =
            parse_speaker("Mr John Horam (Orpington)", false).expect("sp");
        assert_eq!(sp.person.constituency.as_deref(), Some("Orpington"));
        // Not speakers.
        assert!(parse_speaker("Note", false).is_none());
        assert!(parse_speaker("Table 2", false).is_none());
        assert!(parse_speaker(
            "The available information is as follows",
            false
        )
        .is_none());
        assert!(parse_speaker("Letter from D. W. Gallagher to Mr. William Ross, dated 26 January 1994", false).is_none());
    }

    #[test]
    fn glued_names() {
        assert_eq!(glue_point("SackvilleThese"), Some(9));
        assert_eq!(glue_point("McLoughlinThe"), Some(10));
        assert_eq!(glue_point("MoyleI"), Some(5));
        assert_eq!(glue_point("McNally"), None);
        assert_eq!(glue_point("Sackville"), None);
        let (sp, rest) =
            split_historic("Mr. SackvilleThese are local matters.").unwrap();
        assert_eq!(sp.person.name.as_deref(), Some("Sackville"));
        assert_eq!(rest, "These are local matters.");
        let (sp, rest) =
            split_historic("Mr. Alan Clark I regret that I cannot.").unwrap();
        assert_eq!(sp.person.name.as_deref(), Some("Alan Clark"));
        assert_eq!(rest, "I regret that I cannot.");
    }

    #[test]
    fn historic_turns() {
        match classify_historic("Ms PrimaroloTo ask the Secretary of State") {
            Kind::Question { who, text } => {
                assert_eq!(
                    who.unwrap().person.name.as_deref(),
                    Some("Primarolo")
                );
                assert_eq!(text, "To ask the Secretary of State");
            }
            k => panic!("{k:?}"),
        }
        match classify_historic("18. Mr. Rookerasked the Secretary of State for Social Services if") {
            Kind::Question { who, text } => {
                assert_eq!(who.unwrap().person.name.as_deref(), Some("Rooker"));
                assert!(text.starts_with("asked the Secretary"));
            }
            k => panic!("{k:?}"),
        }
    }

    #[test]
    fn column_markers() {
        let mut last = None;
        let (t, m) = strip_columns("19 July 2011 : Column 773W", &mut last);
        assert_eq!(t.trim(), "");
        assert_eq!(m[0].0.as_deref(), Some("2011-07-19"));
        assert_eq!(m[0].1, Suffix::W);
        assert_eq!(last, Some(773));
        let (t, m) = strip_columns("the number of 774W patients", &mut last);
        assert_eq!(t, "the number of patients");
        assert_eq!(m.len(), 1);
        let (t, m) =
            strip_columns("Official Report, column 824W, on", &mut last);
        assert_eq!(t, "Official Report, column 824W, on");
        assert!(m.is_empty());
        let (t, _) = strip_columns("WA 45", &mut last);
        assert_eq!(t, "");
        let (t, _) = strip_columns("Column 242", &mut last);
        assert_eq!(t, "");
        let (t, m) = strip_columns("a 60W bulb", &mut last);
        assert_eq!((t.as_str(), m.len()), ("a 60W bulb", 0));
        let (_, m) = strip_columns("9 July 2012 : Column WA197", &mut last);
        assert_eq!(m[0].1, Suffix::Wa);
    }

    #[test]
    fn noise_and_sections() {
        assert!(is_noise("Previous Section | Back to Table of Contents | Lords Hansard Home Page |"));
        assert!(is_noise("Questions"));
        assert!(!is_noise("Catering"));
        assert_eq!(
            classify("Written Answers to Questions", &Hint::Plain),
            Kind::Section(Section::Answers)
        );
        assert_eq!(
            classify("Written Ministerial Statements", &Hint::Plain),
            Kind::Section(Section::Statements)
        );
        assert_eq!(
            classify("Tuesday 19 July 2011", &Hint::Plain),
            Kind::Date("2011-07-19".into())
        );
        assert_eq!(
            classify("Asked by Lord Ashcroft", &Hint::Plain),
            Kind::AskedBy("Lord Ashcroft".into())
        );
    }
}
