//! The Millbank XML of the historic Hansard archive: a flavour of
//! `hansard`, detected by its root element, in which most written answers
//! before 2005 exist.
//!
//! ```text
//! <writtenanswers>                                 the day's answers
//!   <image src="S6CV0089P0I0719"/> <col>1</col>    page and column markers
//!   <title>Written Answers to Questions</title>
//!   <date format="1985-12-16">Monday 16 December 1985</date>
//!   <group><title>AGRICULTURE, FISHERIES AND FOOD</title>     department
//!     <section><title>Food Storage</title><body>            subject heading
//!       <p>Mr. Canavan asked the Minister of Agriculture ...</p>
//!       <p><member>Mr. Gummer</member>: A note setting out ...</p>
//! ```
//!
//! Variants handled: the asker inside `<member>` (`<member>Mr. HOLT</member>
//! asked the First Lord ...`) or in the text (`Mr. Canavan asked ...`);
//! `To ask ... [12345]` questions with their UIN; sections at the top level,
//! in groups, nested in a grouping section, with or without `<body>`;
//! `<col>`/`<image>` markers anywhere, inside a paragraph too (dropped from
//! the text); `[pursuant to her reply, 13 December 1985]` and `[holding
//! answer ...]` after the member; a volume file (`<hansard>`) holding the
//! day's `<housecommons>` and `<writtenanswers>`. Oral questions, debates
//! and written statements are skipped with a note: a file of those only
//! gives no record and no error.
//!
//! The paragraphs are classified into the same items as a bound Hansard
//! page (`lines::Kind`) and assembled by the same state machine, so
//! grouping, numbered parts, UINs and house inference behave alike.

use crate::error::Result;
use crate::record::House;
use crate::text::{self, Date};
use crate::{Input, Parsed};

use super::lines::{self, Item, Kind, Section, Speaker};
use super::State;
use crate::formats::xml_doc;

/// Root elements of the archive's files.
const ROOTS: [&str; 7] = [
    "writtenanswers",
    "writtenstatements",
    "housecommons",
    "houselords",
    "hansard",
    "westminsterhall",
    "grandcommittee",
];

/// How deep the walk goes (the archive nests sections a few levels).
const MAX_DEPTH: usize = 64;

/// Whether `text` is a Millbank XML file: one of the archive's root
/// elements, and the archive's markup (`<section>`, `<col>`, or a
/// `<p id="S...">` paragraph).
pub(super) fn detect(text: &str) -> bool {
    let Some(root) = xml_doc::root_name(text) else { return false };
    if !ROOTS.contains(&root) {
        return false;
    }
    let head = text::head(text, 100_000);
    head.contains("<section")
        || head.contains("<col>")
        || head.contains("<writtenanswers")
        || head.contains("<oralquestions")
}

/// Parses a Millbank file: one record per question of its written
/// answers.
pub(super) fn parse(input: &Input<'_>) -> Result<Parsed> {
    let prepared = xml_doc::prepare(input.text);
    let doc = match xml_doc::parse(&prepared.text) {
        Ok(doc) => doc,
        Err(e) => return Err(prepared.error(input.text, &e)),
    };
    let root = doc.root_element();
    let mut walk = Walk {
        st: State { answers_marked: true, ..State::default() },
        prepared: &prepared,
    };
    walk.st.doc_house = house_of(root);
    walk.node(root, 0);
    super::finish(input, walk.st)
}

/// The House a file is of: its root element, or the series code of its
/// page images (`S6CV…` Commons, `S5LV…` Lords).
fn house_of(root: roxmltree::Node<'_, '_>) -> Option<House> {
    match root.tag_name().name() {
        "housecommons" | "westminsterhall" => return Some(House::Commons),
        "houselords" | "grandcommittee" => return Some(House::Lords),
        _ => {}
    }
    let src = root
        .descendants()
        .take(2000)
        .find(|n| n.has_tag_name("image"))
        .and_then(|n| n.attribute("src"))?;
    // "S6CV0089P0I0719": series digits, then C (Commons) or L (Lords).
    let kind = src
        .trim_start_matches('S')
        .trim_start_matches(|c: char| c.is_ascii_digit());
    match kind.as_bytes().first() {
        Some(b'C') => Some(House::Commons),
        Some(b'L') => Some(House::Lords),
        _ => None,
    }
}

struct Walk<'p> {
    st: State,
    prepared: &'p xml_doc::Prepared<'p>,
}

impl Walk<'_> {
    /// Feeds one item to the state machine.
    fn feed(&mut self, kind: Kind, text: String, node: roxmltree::Node) {
        let at = node.range().start;
        let offset = self.prepared.original_offset(at);
        self.st.item(&Item { kind, text, candidate: false, offset });
    }

    fn node(&mut self, node: roxmltree::Node<'_, '_>, depth: usize) {
        if depth > MAX_DEPTH {
            return;
        }
        for child in node.children().filter(|c| c.is_element()) {
            let name = child.tag_name().name();
            match name {
                "writtenanswers" | "writtenstatements" => {
                    let section = if name == "writtenanswers" {
                        Section::Answers
                    } else {
                        Section::Statements
                    };
                    self.feed(Kind::Section(section), String::new(), child);
                    self.node(child, depth + 1);
                }
                "oralquestions" | "debates" | "westminsterhall"
                | "grandcommittee" | "lordsreport" => {
                    self.feed(
                        Kind::Section(Section::Other),
                        String::new(),
                        child,
                    );
                    self.st.oral += count_questions(child);
                }
                "housecommons" | "houselords" | "hansard" | "body" => {
                    self.node(child, depth + 1)
                }
                "date" => {
                    if let Some(d) = date_of(child) {
                        self.feed(Kind::Date(d), String::new(), child);
                    }
                }
                "group" => {
                    if let Some(t) = title_of(child) {
                        self.feed(Kind::Dept(t.clone()), t, child);
                    }
                    self.node(child, depth + 1);
                }
                "section" => {
                    if let Some(t) = title_of(child) {
                        // A section of sections is a department heading.
                        let grouping = xml_doc::child(child, "section")
                            .is_some()
                            && xml_doc::child(child, "p").is_none()
                            && xml_doc::child(child, "body").is_none();
                        let kind = if grouping {
                            Kind::Dept(t.clone())
                        } else {
                            Kind::Subject(t.clone())
                        };
                        self.feed(kind, t, child);
                    }
                    self.node(child, depth + 1);
                }
                "col" => {
                    let c = xml_doc::text_of(child);
                    let number = digits(&c);
                    let suffix = lines::suffix_of(&c);
                    self.feed(
                        Kind::Column { date: None, suffix, number },
                        String::new(),
                        child,
                    );
                }
                "p" => self.paragraph(child),
                "table" | "ol" | "ul" | "quote" | "blockquote" => {
                    let t = html_text(child);
                    if !t.trim().is_empty() {
                        self.feed(
                            Kind::Para { table: name == "table" },
                            t,
                            child,
                        );
                    }
                }
                // `title` is read by its parent; `image` marks a page.
                _ => {}
            }
        }
    }

    /// One `<p>`: a question, an answer's first paragraph (a turn), or a
    /// following paragraph.
    fn paragraph(&mut self, p: roxmltree::Node<'_, '_>) {
        let text = html_text(p);
        let text = text.trim();
        if text.is_empty() {
            return;
        }
        // The first child that is not white space or an oral question's
        // number (`1. <member>...`).
        let member = p
            .children()
            .find(|c| {
                !(c.is_text()
                    && c.text().is_some_and(|t| {
                        let t = t.trim().trim_end_matches('.');
                        t.chars().all(|c| c.is_ascii_digit()) && t.len() <= 3
                    }))
            })
            .filter(|c| c.has_tag_name("member"))
            .map(xml_doc::text_of);
        let text = strip_number(text);
        let kind = match member {
            Some(m) => {
                let m = text::html::collapse_spaces(m.trim());
                let rest =
                    text.get(m.len()..).filter(|_| text.starts_with(&m));
                match rest {
                    Some(rest) => member_turn(&m, rest),
                    None => lines::classify_plain(text),
                }
            }
            None => lines::classify_plain(text),
        };
        // Headings and dates inside a paragraph are paragraphs here: the
        // markup gives the headings.
        let kind = match kind {
            Kind::Question { .. } | Kind::Turn { .. } => kind,
            Kind::Para { table } => Kind::Para { table },
            _ => Kind::Para { table: false },
        };
        self.feed(kind, text.to_string(), p);
    }
}

/// A turn opened by `<member>NAME</member>`: `rest` is what follows the
/// name (`: To ask ...`, ` asked the ...`, ` [pursuant to her reply, 13
/// December 1985]: Our policy ...`).
fn member_turn(member: &str, rest: &str) -> Kind {
    let (hold, rest) = lines::take_holding(rest);
    let mut rest = rest.trim_start();
    // `[pursuant to her reply, 13 December 1985]`: dropped.
    if rest.starts_with("[pursuant") {
        if let Some(end) = rest.find(']') {
            rest = rest.get(end + 1..).unwrap_or("").trim_start();
        }
    }
    // `<member>Mr. Stuart Bell</member><b> (Second Church Estates
    // Commissioner)</b>: ...`: an office in brackets after the name.
    let mut role = None;
    if let Some(inner) = rest.strip_prefix('(') {
        if let Some(close) = inner.find(')') {
            let after = inner.get(close + 1..).unwrap_or("").trim_start();
            if after.starts_with(':') {
                role = inner.get(..close).map(|r| r.trim().to_string());
                rest = after;
            }
        }
    }
    let rest = rest.trim_start_matches([':', '.', ',']).trim();
    let mut who = speaker(&format!("{member}{hold}"));
    if role.is_some() && who.person.role.is_none() {
        who.person.role = role;
    }
    if lines::is_question_text(rest) {
        Kind::Question { who: Some(who), text: rest.to_string() }
    } else {
        Kind::Turn { who, text: rest.to_string() }
    }
}

/// `12. Mr. Smith: ...` → `Mr. Smith: ...` (an oral question's number).
fn strip_number(t: &str) -> &str {
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    match t.get(digits..).and_then(|r| r.strip_prefix('.')) {
        Some(rest) if (1..=3).contains(&digits) => rest.trim_start(),
        _ => t,
    }
}

/// The speaker a `<member>` names. An office alone (`The
/// Solicitor-General`) is kept as printed, with the office as the role and
/// no name.
fn speaker(member: &str) -> Speaker {
    if let Some(sp) = lines::parse_speaker(member, true)
        .or_else(|| lines::office_only(member))
    {
        return sp;
    }
    let printed = text::html::collapse_spaces(member.trim());
    let role = printed.strip_prefix("The ").unwrap_or(&printed).to_string();
    Speaker {
        person: crate::record::Person {
            printed: Some(printed.clone()),
            role: Some(role),
            ..Default::default()
        },
        ..Speaker::default()
    }
}

/// The text of an element, markup to plain text, with `<col>`,
/// `<image>` and `<title>` left out.
fn html_text(node: roxmltree::Node<'_, '_>) -> String {
    let mut html = String::new();
    for c in node.children() {
        xml_doc::write_html(&mut html, c, &["col", "image", "title"]);
    }
    text::html::collapse_spaces(&text::html_to_text(&html))
}

/// The `<title>` of a group or section, if it has a non-empty one.
fn title_of(node: roxmltree::Node<'_, '_>) -> Option<String> {
    let t = xml_doc::child(node, "title")?;
    let s = html_text(t);
    let s = s.trim().trim_end_matches('.').trim();
    (!s.is_empty()).then(|| s.to_string())
}

/// The date of `<date format="1985-12-16">Monday 16 December 1985</date>`:
/// the `format` attribute, else the printed date.
fn date_of(node: roxmltree::Node<'_, '_>) -> Option<Date> {
    node.attribute("format")
        .and_then(text::parse_date)
        .or_else(|| text::parse_date(&xml_doc::text_of(node)))
}

/// The number in a column marker (`679W` → 679).
fn digits(s: &str) -> Option<u32> {
    let d: String = s
        .trim()
        .trim_start_matches(|c: char| !c.is_ascii_digit())
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    d.parse().ok()
}

/// Questions in a skipped part: paragraphs that open a question.
fn count_questions(node: roxmltree::Node<'_, '_>) -> usize {
    node.descendants()
        .filter(|n| n.has_tag_name("p"))
        .filter(|n| {
            let t = xml_doc::text_of(*n);
            t.contains(" asked ") || t.contains("To ask ")
        })
        .count()
        .max(1)
}
