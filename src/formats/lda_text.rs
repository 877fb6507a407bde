//! Linked Data API `answeredquestions` HTML pages saved as text.
//!
//! The page lists each item's properties as `key value more like this`
//! lines (some values sit on the next line, nested objects put their id on
//! a line of its own):
//!
//! ```text
//! 1140099
//! registered interest false more like this
//! date less than 2019-07-18more like thismore than 2019-07-18
//! hansard heading Children: Social Services more like this
//! tabling member printed
//! Thelma Walker more like this
//! answer text <p>We are providing ...</p>
//! answering member
//! 4113
//! label Biography information for Nadhim Zahawi more like this
//! ```

use crate::error::{Error, ErrorKind, Result};
use crate::format::Format;
use crate::record::{Answer, House, Person, Record};
use crate::text::{self, find_date, to_text};
use crate::{Input, Parsed};

/// Property names, longest first so that `answer text` wins over
/// `answer`.
const KEYS: [&str; 36] = [
    "answering member constituency",
    "tabling member constituency",
    "answering dept short name",
    "answering member printed",
    "answering dept sort name",
    "date of ministerial correction",
    "is ministerial correction",
    "tabling member printed",
    "question first answered",
    "registered interest",
    "answering dept id",
    "answering member",
    "date of holding answer",
    "answering body",
    "hansard heading",
    "tabling member",
    "date of answer",
    "question text",
    "grouped question",
    "holding answer",
    "answer text",
    "legislature",
    "pref label",
    "date tabled",
    "house id",
    "answer",
    "label",
    "date",
    "uin",
    "is holding answer",
    "type",
    "session",
    "attachment",
    "title",
    "ddp created",
    "ddp modified",
];

/// Keys whose value is an id on the following line.
const ID_KEYS: [&str; 4] =
    ["answering member", "tabling member", "legislature", "answer"];

/// Whether `text` looks like a saved LDA page.
pub(crate) fn detect(text: &str) -> bool {
    let head = text::head(text, 200_000);
    head.contains("more like this")
        && (head.contains("\nquestion text ")
            || head.contains("\nanswer text "))
}

/// Strips the page's link text from a value.
fn strip_noise(v: &str) -> &str {
    let mut v = v.trim();
    loop {
        let before = v.len();
        for n in ["more like this", "remove filter"] {
            v = v.strip_suffix(n).unwrap_or(v).trim_end();
        }
        if v.len() == before {
            return v;
        }
    }
}

/// Splits a line into a known key and the rest.
fn split_key(line: &str) -> Option<(&'static str, &str)> {
    let mut best: Option<(&'static str, &str)> = None;
    for k in KEYS {
        if let Some(rest) = line.strip_prefix(k) {
            if (rest.is_empty() || rest.starts_with(' '))
                && best.is_none_or(|(b, _)| k.len() > b.len())
            {
                best = Some((k, rest.trim()));
            }
        }
    }
    best
}

fn is_id_line(l: &str) -> bool {
    !l.is_empty() && l.len() <= 12 && l.bytes().all(|b| b.is_ascii_digit())
}

/// One item's properties, in page order.
#[derive(Default)]
struct Item {
    resource: Option<String>,
    props: Vec<(&'static str, String)>,
}

impl Item {
    fn get(&self, key: &str) -> Option<&str> {
        self.props
            .iter()
            .find(|(k, v)| *k == key && !v.is_empty())
            .map(|(_, v)| v.as_str())
    }
}

/// Parses the page's items.
pub(crate) fn parse(input: &Input<'_>) -> Result<Parsed> {
    let items = split_items(input.text);
    if items.is_empty() {
        return Err(Error::new(ErrorKind::NoRecords(
            "expected an item with \"question text\" lines".into(),
        ))
        .at_offset(input.text, 0));
    }
    let records = items
        .iter()
        .enumerate()
        .map(|(i, item)| to_record(input, i, item))
        .collect();
    Ok(Parsed { records, ..Parsed::default() })
}

fn split_items(text: &str) -> Vec<Item> {
    let mut items: Vec<Item> = Vec::new();
    let mut cur: Option<Item> = None;
    let mut pending: Option<&'static str> = None;
    for raw in text.lines() {
        let line = raw.trim();
        if line.is_empty() {
            continue;
        }
        if is_id_line(line) {
            match pending.take() {
                Some(k) => {
                    if let Some(item) = &mut cur {
                        item.props.push((k, line.to_string()));
                    }
                }
                None => {
                    if let Some(item) = cur.take() {
                        items.push(item);
                    }
                    cur = Some(Item {
                        resource: Some(line.to_string()),
                        ..Item::default()
                    });
                }
            }
            continue;
        }
        let Some(item) = &mut cur else { continue };
        match split_key(line) {
            Some((k, rest)) => {
                let v = strip_noise(rest);
                if v.is_empty() {
                    pending = Some(k);
                    if !ID_KEYS.contains(&k) {
                        item.props.push((k, String::new()));
                    }
                } else {
                    pending = None;
                    item.props.push((k, v.to_string()));
                }
            }
            None => {
                // A value on its own line, or a continuation of the last
                // value.
                let v = strip_noise(line);
                if let Some((_, last)) = item.props.last_mut() {
                    if !last.is_empty() {
                        last.push('\n');
                    }
                    last.push_str(v);
                }
                pending = None;
            }
        }
    }
    if let Some(item) = cur {
        items.push(item);
    }
    items.retain(|i| {
        i.get("question text").is_some() || i.get("uin").is_some()
    });
    items
}

/// `(id, label)` of the nested member object after `key`.
fn member_block(item: &Item, key: &str) -> (Option<u64>, Option<String>) {
    let pos = item.props.iter().position(|(k, _)| *k == key);
    let Some(pos) = pos else { return (None, None) };
    let id = item.props[pos].1.parse().ok();
    let label = item.props[pos + 1..]
        .iter()
        .take(2)
        .find(|(k, _)| *k == "label")
        .map(|(_, v)| v.clone());
    (id, label)
}

fn person(
    item: &Item,
    printed_key: &str,
    member_key: &str,
    constituency_key: &str,
) -> Option<Person> {
    let (id, label) = member_block(item, member_key);
    let printed = item.get(printed_key).map(str::to_string).or(label)?;
    let mut p = text::person(&printed)?;
    p.member_id = id;
    p.constituency = item
        .get(constituency_key)
        .filter(|c| !text::names::is_peerage_type(c))
        .map(str::to_string);
    Some(p)
}

fn to_record(input: &Input<'_>, index: usize, item: &Item) -> Record {
    let mut r = Record::question(input.source(
        Format::LdaText,
        index,
        item.resource.clone(),
    ));
    r.uin = item.get("uin").map(str::to_string);
    r.heading = item.get("hansard heading").map(str::to_string);
    r.house = match item.get("house id") {
        Some("1") => Some(House::Commons),
        Some("2") => Some(House::Lords),
        _ => match item.get("pref label") {
            Some(l) if l.contains("Commons") => Some(House::Commons),
            Some(l) if l.contains("Lords") => Some(House::Lords),
            _ => None,
        },
    };
    let q = r.question.get_or_insert_with(Default::default);
    q.text = item.get("question text").map(to_text);
    q.addressed_to = q.text.as_deref().and_then(text::addressed_to);
    q.tabled_on =
        item.get("date").or(item.get("date tabled")).and_then(find_date);
    q.answering_body = item.get("answering body").map(str::to_string);
    q.answering_body_id =
        item.get("answering dept id").and_then(|v| v.parse().ok());
    q.registered_interest =
        item.get("registered interest").and_then(parse_bool);
    q.asker = person(
        item,
        "tabling member printed",
        "tabling member",
        "tabling member constituency",
    );
    let answer_text = item.get("answer text").map(to_text);
    let answered_on = item
        .get("date of answer")
        .and_then(find_date)
        .or_else(|| item.get("question first answered").and_then(find_date));
    if answer_text.is_some() || answered_on.is_some() {
        let mut a =
            Answer { text: answer_text, answered_on, ..Answer::default() };
        a.answerer = person(
            item,
            "answering member printed",
            "answering member",
            "answering member constituency",
        );
        a.is_correction = item
            .get("is ministerial correction")
            .and_then(parse_bool)
            .unwrap_or(false);
        a.corrected_on =
            item.get("date of ministerial correction").and_then(find_date);
        a.is_holding = item
            .get("is holding answer")
            .and_then(parse_bool)
            .unwrap_or(false);
        a.holding_answered_on =
            item.get("date of holding answer").and_then(find_date);
        a.grouped_with = item
            .props
            .iter()
            .filter(|(k, _)| *k == "grouped question")
            .flat_map(|(_, v)| v.split([',', '|', '\n']))
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect();
        r.answer = Some(a);
    }
    let q = r.question.as_ref();
    let no_text = q.and_then(|q| q.text.as_ref()).is_none();
    let no_date = q.and_then(|q| q.tabled_on.as_ref()).is_none();
    if no_text {
        r.warn("item has no question text");
    }
    if no_date {
        r.warn("item has no tabling date");
    }
    r
}

fn parse_bool(v: &str) -> Option<bool> {
    match v.trim().to_ascii_lowercase().as_str() {
        "true" | "yes" => Some(true),
        "false" | "no" => Some(false),
        _ => None,
    }
}
