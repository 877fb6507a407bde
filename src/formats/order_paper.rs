//! Questions tabled for written answer, not yet answered: the Lords
//! Business "Questions for Written Answer" page and the Commons Order Book,
//! saved as text. Every record has `answer: null`.
//!
//! Lords Business:
//!
//! ```text
//! Questions for Written Answer for 28 March 2018
//! Tabled on 27 March 2018 and due for answer by 12 April 2018.
//! Lord Alton of Liverpool to ask Her Majesty's Government, further to … (HL6283), what …  HL6675
//! Answered
//! ```
//!
//! The UIN follows two spaces at the end of the item (a UIN in the text is
//! another question's); the status line (`Answered`) is not text. The
//! asker is the peer named before `to ask`, and the question's text starts
//! at `To ask` (capitalised, as everywhere else). `tabled_on` comes from
//! the `Tabled on` line (when it gives no year, the year is taken from the
//! paper's date, with a warning). An item cut by the site (`… Item text
//! truncated - open link to view full item text`) is kept with
//! `question.truncated: true` and no UIN.
//!
//! Commons Order Book (1998):
//!
//! ```text
//! MONDAY 2nd FEBRUARY
//! 2
//! N
//! Mr Ian Bruce (South Dorset):    To ask the Minister of …
//! (27045)
//! ```
//!
//! The number line opens an item, `N` marks a named-day question (items
//! without it get `named_day: false`), `[R]` a declared interest, `*` a
//! question for oral answer; the UIN is on its own line in parentheses.
//! The page's date is the day the questions are due for answer: the date
//! they were tabled is not printed, so `tabled_on` is null. The legend
//! (`* Indicates …`, `[N] Indicates …`) is never a record.

use std::sync::LazyLock;

use regex::Regex;

use crate::error::{Error, ErrorKind, Result};
use crate::format::Format;
use crate::formats::page_util::{self, looks_cut};
use crate::record::{House, Record};
use crate::text::{self, date, find_date, parse_date, Date};
use crate::{Input, Parsed};

static LORDS_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^Questions for Written Answer\b(.*)$")
        .expect("valid regex")
});

static COMMONS_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)Written Questions for Answer|\bOrder Book\b")
        .expect("valid regex")
});

/// `ASKER to ask His Majesty's Government …` (or the Senior Deputy
/// Speaker, the Chairman of Committees, the Lord Speaker).
static LORDS_ITEM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?P<asker>[^\d()]{2,100}?)\s+to ask\s+(?P<rest>(?:(?:His|Her)\s+Majesty|the\s+(?:Senior\s+Deputy\s+Speaker|Chairman\s+of\s+Committees|Lord\s+Speaker|Leader\s+of\s+the\s+House)).*)$",
    )
    .expect("valid regex")
});

/// The UIN after two spaces at the end of a Lords item.
static LORDS_UIN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:[ \t\u{a0}]{2,}|\t)(HL\d+)$").expect("valid regex")
});

/// A UIN after a single space: accepted, with a warning.
static LORDS_UIN_LOOSE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\s(HL\d+)$").expect("valid regex"));

/// The site's mark on an item it cut.
static SITE_CUT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\s*(?:…|\.\.\.)?\s*Item text truncated\s*[-–]\s*open link to view full item text\.?\s*$",
    )
    .expect("valid regex")
});

/// `Name (Constituency):    To ask …`.
static COMMONS_ITEM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?P<name>[^():\d]{2,100}?)\s*\((?P<cons>[^()]{2,100})\)\s*:\s*(?P<text>To ask\b.*)$",
    )
    .expect("valid regex")
});

/// `(26396)`: a Commons UIN on its own line, possibly after a status
/// (`[Transferred] (24006)`, `[Question Unstarred] (21483)`).
static COMMONS_UIN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\[[^\]\n]{1,40}\]\s*)?\((\d{1,7})\)$")
        .expect("valid regex")
});

/// A day heading (`MONDAY 2nd FEBRUARY`).
static DAY_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:MONDAY|TUESDAY|WEDNESDAY|THURSDAY|FRIDAY|SATURDAY|SUNDAY)\b",
    )
    .expect("valid regex")
});

static DETECT_LORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^[ \t]*Questions for Written Answer\b")
        .expect("valid regex")
});

static DETECT_LORDS_ITEM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?m)^[^\n]{2,120}? to ask (?:His|Her) Majesty[^\n]*?(?:\sHL\d+|Item text truncated[^\n]*)[ \t]*\r?$",
    )
    .expect("valid regex")
});

static DETECT_COMMONS_ITEM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^[^():\n\d]{2,100}\([^()\n]{2,100}\)\s*:\s*To ask\b")
        .expect("valid regex")
});

static DETECT_COMMONS_UIN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^[ \t]*(?:\[[^\]\n]{1,40}\][ \t]*)?\(\d{1,7}\)[ \t]*\r?$")
        .expect("valid regex")
});

static FLAT_UIN_CELL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\(\d{3,7}\)[ \t]*\|").expect("valid regex"));

/// The Order Book's table as some copies save it, with cells separated by
/// `|` — flattened to one line (`1 | Mr X (Y): To ask … | (262835) | 2 N
/// | …`) or one row a line (`2 N | Mrs X (Y): To ask … |`): returned with
/// one cell a line (and the item number apart from a named-day mark), or
/// `None` when the text is not in that shape.
fn unflatten(text: &str) -> Option<String> {
    if FLAT_UIN_CELL.find_iter(text).take(2).count() < 2 {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    for cell in text.split(['|', '\n']) {
        let cell = cell.trim().trim_matches('|').trim();
        // "2 N" (item number and named-day mark) becomes two lines.
        match cell.split_once(' ') {
            Some((n, mark))
                if n.bytes().all(|b| b.is_ascii_digit())
                    && matches!(mark.trim(), "N" | "[N]" | "R" | "[R]") =>
            {
                out.push_str(n);
                out.push('\n');
                out.push_str(mark.trim());
            }
            _ => out.push_str(cell),
        }
        out.push('\n');
    }
    Some(out)
}

/// Whether `text` looks like an order paper: a "Questions for Written
/// Answer" heading with Lords items ending in a UIN, or a "Written
/// Questions for Answer" / "Order Book" heading with `Name (Constituency):
/// To ask` items and `(UIN)` lines.
pub(crate) fn detect(text: &str) -> bool {
    let head = text::head(text, 20_000);
    if let Some(lines) = unflatten(head) {
        return detect(&lines);
    }
    is_lords(head)
        || (COMMONS_HEADING.is_match(head)
            && DETECT_COMMONS_ITEM.is_match(head)
            && DETECT_COMMONS_UIN.is_match(head))
}

/// A Lords Business paper: its `Questions for Written Answer` heading and
/// an item (`Lord X to ask His Majesty's Government … HL1234`), or, when
/// the heading is damaged or gone, two such items.
fn is_lords(head: &str) -> bool {
    let mut items = DETECT_LORDS_ITEM.find_iter(head);
    items.next().is_some()
        && (DETECT_LORDS.is_match(head) || items.next().is_some())
}

/// Parses an order paper.
pub(crate) fn parse(input: &Input<'_>) -> Result<Parsed> {
    if let Some(lines) = unflatten(input.text) {
        let mut parsed = parse(&Input { path: input.path, text: &lines })?;
        for r in &mut parsed.records {
            r.warn(
                "the paper's table was saved with \"|\"-separated cells; \
                 it was read with one cell a line",
            );
        }
        return Ok(parsed);
    }
    let head = text::head(input.text, 20_000);
    let parsed =
        if is_lords(head) { parse_lords(input) } else { parse_commons(input) };
    if parsed.records.is_empty() {
        return Err(Error::new(ErrorKind::NoRecords(
            "expected questions tabled for written answer: \"NAME to ask \
             His Majesty's Government …  HL1234\" items (Lords Business) or \
             \"Name (Constituency): To ask …\" items with \"(UIN)\" lines \
             (Commons Order Book)"
                .into(),
        ))
        .at_offset(input.text, 0));
    }
    Ok(parsed)
}

/// A Lords item being read.
struct LordsItem<'a> {
    asker: &'a str,
    rest: String,
    tabled_on: Option<Date>,
    tabled_warning: Option<String>,
}

/// Lines that give an item's status; not text.
fn is_status(line: &str) -> bool {
    matches!(
        line,
        "Answered"
            | "Unanswered"
            | "Awaiting answer"
            | "Withdrawn"
            | "Transferred"
            | "Answered (holding answer)"
    )
}

/// Parses a Lords Business "Questions for Written Answer" page.
fn parse_lords(input: &Input<'_>) -> Parsed {
    let lines = page_util::lines(input.text);
    let mut items: Vec<LordsItem<'_>> = Vec::new();
    // Without any `Questions for Written Answer` heading (damaged, or cut
    // off the copy), the whole text is the section.
    let headless = !lines.iter().any(|l| LORDS_HEADING.is_match(l.text));
    let mut in_section = headless;
    let mut paper_date: Option<Date> = None;
    let mut tabled: (Option<Date>, Option<String>) = (None, None);
    // Whether the last item can take a continuation line.
    let mut open = false;
    for l in &lines {
        let t = l.text;
        if let Some(c) = LORDS_HEADING.captures(t) {
            in_section = true;
            paper_date = find_date(&c[1]);
            tabled = (None, None);
            open = false;
            continue;
        }
        if !in_section || t.is_empty() {
            continue;
        }
        if let Some(rest) = t.strip_prefix("Tabled on") {
            tabled = tabled_date(rest, paper_date.as_deref());
            open = false;
            continue;
        }
        if let Some(c) = LORDS_ITEM.captures(t) {
            let (asker, rest) = (
                c.name("asker").map_or("", |m| m.as_str()),
                c.name("rest").map_or("", |m| m.as_str()),
            );
            items.push(LordsItem {
                asker,
                rest: rest.to_string(),
                tabled_on: tabled.0,
                tabled_warning: tabled.1.clone(),
            });
            open = !ends_item(rest);
            continue;
        }
        if is_status(t) {
            open = false;
            continue;
        }
        if open {
            if let Some(item) = items.last_mut() {
                item.rest.push(' ');
                item.rest.push_str(t);
                open = !ends_item(t);
            }
        }
    }
    let n = items.len();
    let mut parsed = Parsed::default();
    for (k, item) in items.into_iter().enumerate() {
        let last = k + 1 == n;
        let mut r =
            Record::question(input.source(Format::OrderPaper, k, None));
        r.house = Some(House::Lords);
        if headless {
            r.warn(
                "no \"Questions for Written Answer\" heading (damaged or cut \
                 off): the items were read from the whole text",
            );
        }
        let mut rest = item.rest.trim().to_string();
        let site_cut = SITE_CUT.find(&rest).map(|m| m.start());
        if let Some(at) = site_cut {
            rest.truncate(at);
            r.warn(
                "the site cut this item's text (\"Item text truncated\"); \
                 its UIN is not shown",
            );
        } else if let Some(c) = LORDS_UIN.captures(&rest) {
            let at = c.get(0).map_or(rest.len(), |m| m.start());
            r.uin = Some(c[1].to_string());
            rest.truncate(at);
        } else if let Some(c) = LORDS_UIN_LOOSE.captures(&rest) {
            let at = c.get(0).map_or(rest.len(), |m| m.start());
            r.uin = Some(c[1].to_string());
            rest.truncate(at);
            r.warn("the UIN follows the text after one space, not two");
        } else if last {
            r.warn("page ends inside this record: no UIN");
        } else {
            r.warn("no UIN at the end of this item");
        }
        let page_cut = last && site_cut.is_none() && r.uin.is_none();
        let q = r.question.get_or_insert_with(Default::default);
        q.truncated = site_cut.is_some() || (page_cut && looks_cut(&rest));
        q.asker = text::person(item.asker);
        let qtext = format!("To ask {}", rest.trim());
        q.addressed_to = text::addressed_to(&qtext);
        q.text = Some(qtext);
        q.tabled_on = item.tabled_on;
        match item.tabled_warning {
            Some(w) => r.warn(w),
            None if q.tabled_on.is_none() => {
                r.warn("no \"Tabled on DATE\" line above this item");
            }
            None => {}
        }
        parsed.records.push(r);
    }
    parsed
}

/// Whether a Lords item's line ends the item (a UIN or the site's cut).
fn ends_item(s: &str) -> bool {
    LORDS_UIN_LOOSE.is_match(s) || SITE_CUT.is_match(s)
}

/// The tabled date of `Tabled on 27 March 2018 and due for answer by …`
/// (the text after `Tabled on`), and a warning when it is guessed or
/// unreadable. Without a year (`Tabled on 19 March and due …`) the year is
/// the paper's, or the year before when the day falls after the paper's.
fn tabled_date(
    rest: &str,
    paper: Option<&str>,
) -> (Option<Date>, Option<String>) {
    let part = rest.split(" and due").next().unwrap_or(rest).trim();
    if let Some(d) = parse_date(part) {
        return (Some(d), None);
    }
    // `Tabled on 16/03/98`: a two-digit year is read near the paper's.
    let paper_year =
        paper.and_then(|p| p.get(..4)).and_then(|y| y.parse().ok());
    if let Some(d) = date::parse_date_near(part, paper_year) {
        return (Some(d), None);
    }
    static DAY_MONTH: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?i)^(?:[a-z]+day\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?$",
        )
        .expect("valid regex")
    });
    let guess = DAY_MONTH.captures(part).and_then(|c| {
        let day: u8 = c[1].parse().ok()?;
        let month = date::month_number(&c[2])?;
        let p = paper?;
        let year: i32 = p.get(..4)?.parse().ok()?;
        let pm: u8 = p.get(5..7)?.parse().ok()?;
        let pd: u8 = p.get(8..10)?.parse().ok()?;
        let year = if (month, day) > (pm, pd) { year - 1 } else { year };
        date::ymd(year, month, day)
    });
    match guess {
        Some(d) => (
            Some(d),
            Some(format!(
                "the \"Tabled on\" line gives no year ({part:?}): the year \
                 is taken from the paper's date"
            )),
        ),
        None => (None, Some(format!("cannot read the tabled date {part:?}"))),
    }
}

/// A Commons Order Book item being read.
#[derive(Default)]
struct CommonsItem<'a> {
    name: &'a str,
    constituency: &'a str,
    text: String,
    named_day: bool,
    interest: bool,
    oral: bool,
    uin: Option<&'a str>,
}

/// Parses a Commons Order Book page.
fn parse_commons(input: &Input<'_>) -> Parsed {
    let lines = page_util::lines(input.text);
    let mut items: Vec<CommonsItem<'_>> = Vec::new();
    // Markers read since the item's number line.
    let mut marks = CommonsItem::default();
    let mut open = false;
    for l in &lines {
        let t = l.text;
        if t.is_empty() {
            continue;
        }
        if t.len() <= 4 && t.bytes().all(|b| b.is_ascii_digit()) {
            marks = CommonsItem::default();
            open = false;
            continue;
        }
        match t {
            "N" | "[N]" => {
                marks.named_day = true;
                continue;
            }
            "[R]" | "R" => {
                marks.interest = true;
                continue;
            }
            "*" => {
                marks.oral = true;
                continue;
            }
            "+" => continue,
            _ => {}
        }
        if let Some(c) = COMMONS_ITEM.captures(t) {
            let name = c.name("name").map_or("", |m| m.as_str());
            // Markers may also lead the name: "* Mr Ian Bruce (…):".
            let (lead, name) = split_lead_marks(name);
            let mut item = std::mem::take(&mut marks);
            item.named_day |= lead.contains('N');
            item.interest |= lead.contains('R');
            item.oral |= lead.contains('*');
            item.name = name;
            item.constituency = c.name("cons").map_or("", |m| m.as_str());
            item.text = c.name("text").map_or("", |m| m.as_str()).to_string();
            items.push(item);
            open = true;
            continue;
        }
        if let Some(c) = COMMONS_UIN.captures(t) {
            if open {
                if let Some(item) = items.last_mut() {
                    item.uin = c.get(1).map(|m| m.as_str());
                }
            }
            open = false;
            continue;
        }
        if DAY_HEADING.is_match(t) {
            open = false;
            continue;
        }
        if open {
            if let Some(item) = items.last_mut() {
                item.text.push(' ');
                item.text.push_str(t);
            }
        }
    }
    let n = items.len();
    let mut parsed = Parsed::default();
    for (k, item) in items.into_iter().enumerate() {
        let mut r =
            Record::question(input.source(Format::OrderPaper, k, None));
        r.house = Some(House::Commons);
        r.uin = item.uin.map(str::to_string);
        let mut qtext = item.text.trim().to_string();
        let mut interest = item.interest;
        let mut named = item.named_day;
        for (mark, flag) in [("[R]", &mut interest), ("[N]", &mut named)] {
            if qtext.contains(mark) {
                *flag = true;
                qtext = qtext.replace(mark, " ");
            }
        }
        let qtext = page_util::join_clean([qtext.as_str()]);
        let q = r.question.get_or_insert_with(Default::default);
        q.named_day = Some(named);
        q.registered_interest = Some(interest);
        q.asker = text::person(item.name).map(|mut p| {
            p.constituency = Some(item.constituency.trim().to_string());
            p
        });
        q.addressed_to = text::addressed_to(&qtext);
        if item.uin.is_none() {
            if k + 1 == n {
                q.truncated = looks_cut(&qtext);
                r.warnings.push(
                    "page ends inside this record, before its UIN".into(),
                );
            } else {
                r.warnings.push("no \"(UIN)\" line after this item".into());
            }
        }
        if let Some(q) = r.question.as_mut() {
            q.text = Some(qtext);
        }
        if item.oral {
            r.warn("marked * (a question for oral answer)");
        }
        parsed.records.push(r);
    }
    parsed
}

/// Splits marker characters (`*`, `+`, `N`, `[R]`) that lead a name.
fn split_lead_marks(name: &str) -> (&str, &str) {
    let mut rest = name.trim_start();
    let start = rest;
    loop {
        let before = rest;
        for m in ["[N]", "[R]", "*", "+"] {
            if let Some(r) = rest.strip_prefix(m) {
                rest = r.trim_start();
            }
        }
        if let Some(r) = rest.strip_prefix("N ") {
            rest = r.trim_start();
        }
        if rest.len() == before.len() {
            break;
        }
    }
    (&start[..start.len() - rest.len()], rest.trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_digit_tabled_year_is_read_near_the_papers() {
        let (d, w) =
            tabled_date("16/03/98 and due for answer", Some("1998-03-17"));
        assert_eq!(d.as_deref(), Some("1998-03-16"));
        assert!(w.is_none());
        let (d, _) = tabled_date("16/03/98", None);
        assert_eq!(d, None);
    }

    #[test]
    fn lords_items() {
        let c = LORDS_ITEM
            .captures(
                "Lord Bassam of Brighton to ask Her Majesty's Government \
                 what action they will take.  HL6677",
            )
            .unwrap();
        assert_eq!(&c["asker"], "Lord Bassam of Brighton");
        assert!(c["rest"].starts_with("Her Majesty's Government what"));
        assert!(LORDS_UIN.is_match("will take.  HL6677"));
        assert!(!LORDS_UIN.is_match("India (HL6283)"));
        assert!(SITE_CUT.is_match(
            "for the treatm… Item text truncated - open link to view full item text"
        ));
        assert!(LORDS_ITEM
            .captures("Lords Business to ask nothing")
            .is_none());
    }

    #[test]
    fn tabled_dates() {
        assert_eq!(
            tabled_date(
                " 27 March 2018 and due for answer by 12 April 2018.",
                None
            )
            .0
            .as_deref(),
            Some("2018-03-27")
        );
        let (d, w) = tabled_date(
            " 19 March and due for answer by 4 April.",
            Some("2024-03-20"),
        );
        assert_eq!(d.as_deref(), Some("2024-03-19"));
        assert!(w.is_some());
        let (d, _) = tabled_date(
            " 20 December and due for answer by 9 January.",
            Some("2024-01-03"),
        );
        assert_eq!(d.as_deref(), Some("2023-12-20"));
    }

    #[test]
    fn commons_items() {
        let c = COMMONS_ITEM
            .captures("Mr Ian Bruce (South Dorset):    To ask the Minister of Agriculture, Fisheries and Food, how long")
            .unwrap();
        assert_eq!(&c["name"], "Mr Ian Bruce");
        assert_eq!(&c["cons"], "South Dorset");
        assert!(COMMONS_ITEM
            .captures("[N] Indicates a Question for Written Answer on a named day, i.e. the Member has indicated under S.O. No. 22(4) the day")
            .is_none());
        assert_eq!(split_lead_marks("* Mr Ian Bruce"), ("* ", "Mr Ian Bruce"));
        assert_eq!(split_lead_marks("Norman Baker"), ("", "Norman Baker"));
    }
}
