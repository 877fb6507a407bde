//! A minister's letter: letterhead, addresses, date, salutation, body,
//! sign-off and signature.
//!
//! The layout is found from landmarks rather than fixed positions: the
//! salutation (`Dear …`) splits the header from the body, the sign-off
//! (`Yours sincerely`) ends the body, and the header's blocks (separated by
//! blank lines) are told apart by what they hold: a date, a telephone
//! number, a postcode, a reference, a name that matches the signature.

use std::sync::LazyLock;

use regex::Regex;

use crate::error::{Error, ErrorKind, Result};
use crate::format::Format;
use crate::record::{Kind, Letter, Record};
use crate::text::{self, clean_plain, parse_date};
use crate::{Input, Parsed};

static SALUTATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^[ \t]*(Dear\s+[^\n,]{1,80}?),?[ \t]*$")
        .expect("valid regex")
});

static SIGN_OFF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?mi)^[ \t]*(Yours\s+(?:sincerely|faithfully|truly|ever|aye)|Yours|With\s+(?:best|kind|warm)\s+(?:wishes|regards)|Best\s+wishes|Kind\s+regards|Warm\s+regards|Regards)[ \t]*[,.]?[ \t]*$",
    )
    .expect("valid regex")
});

static POSTCODE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b[A-Z]{1,2}[0-9][A-Z0-9]?\s*[0-9][A-Z]{2}\b")
        .expect("valid regex")
});

static PHONE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:tel(?:ephone)?|phone|t)\s*[:.]?\s*(\+?[0-9][0-9 ()-]{7,}[0-9])")
        .expect("valid regex")
});

static EMAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
        .expect("valid regex")
});

static REFERENCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?im)^[ \t]*(?:our|your)?\s*ref(?:erence)?(?:\s*(?:no\.?|number))?\s*[:.]\s*(\S.*?)\s*$")
        .expect("valid regex")
});

static SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?im)^[ \t]*(?:re|subject)\s*:\s*(\S.*?)\s*$")
        .expect("valid regex")
});

static ROLE_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:minister|secretary|under-secretary|chancellor|attorney|solicitor|advocate|whip|spokesperson|lord\s+privy\s+seal|leader\s+of\s+the\s+house|paymaster|chief\s+executive|permanent\s+secretary)\b",
    )
    .expect("valid regex")
});

/// Whether `text` looks like a letter: a salutation line followed by a
/// sign-off line.
pub(crate) fn detect(text: &str) -> bool {
    match SALUTATION.find(text) {
        Some(m) => SIGN_OFF.is_match(&text[m.end()..]),
        None => false,
    }
}

/// Parses one letter.
pub(crate) fn parse(input: &Input<'_>) -> Result<Parsed> {
    let text = input.text;
    let Some(sal) = SALUTATION.captures(text) else {
        return Err(Error::new(ErrorKind::NoRecords(
            "expected a \"Dear ...\" salutation line".into(),
        ))
        .at_offset(text, 0));
    };
    let sal_m = sal.get(0).map_or(0..0, |m| m.range());
    let mut record = Record::question(input.source(Format::Letter, 0, None));
    record.kind = Kind::Letter;
    record.question = None;
    let mut letter = Letter {
        salutation: Some(text::html::collapse_spaces(&sal[1])),
        ..Letter::default()
    };

    let after = &text[sal_m.end..];
    let sign = SIGN_OFF.captures_iter(after).last();
    let (body, signature) = match &sign {
        Some(c) => {
            let m = c.get(0).map_or(0..0, |m| m.range());
            letter.sign_off = Some(c[1].to_string());
            (&after[..m.start], &after[m.end..])
        }
        None => {
            record.warn("no sign-off (\"Yours sincerely\") found: body runs to the end");
            (after, "")
        }
    };
    let body = clean_plain(body);
    if let Some(s) = SUBJECT.captures(&body) {
        letter.subject = Some(s[1].to_string());
    }
    letter.body = if body.is_empty() {
        record.warn("letter body is empty");
        None
    } else {
        Some(body)
    };

    // The signature: name (often in capitals) and role lines, skipping a
    // description of a handwritten signature.
    let sig_lines: Vec<&str> = signature
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !is_signature_image(l))
        .collect();
    let sig_name = sig_lines.first().map(|l| tidy_caps(l));
    let sig_role = sig_lines.get(1).map(|l| tidy_caps(l));

    // The header: blocks before the salutation.
    let header = &text[..sal_m.start];
    let blocks = blocks(header);
    let mut sender_block = None;
    let mut recipient_block = None;
    for (i, b) in blocks.iter().enumerate() {
        for l in b {
            if letter.date.is_none() {
                if let Some(d) = parse_date(l) {
                    letter.date = Some(d);
                }
            }
            if let Some(c) = PHONE.captures(l) {
                letter.phone.get_or_insert_with(|| c[1].trim().to_string());
            }
            if let Some(m) = EMAIL.find(l) {
                letter.email.get_or_insert_with(|| m.as_str().to_string());
            }
            if let Some(c) = REFERENCE.captures(l) {
                letter.reference.get_or_insert_with(|| c[1].to_string());
            }
        }
        let first = b.first().map(|l| text::plain_name(l)).unwrap_or_default();
        let is_sender = sig_name
            .as_deref()
            .is_some_and(|s| same_name(s, &first))
            || b.iter().any(|l| {
                PHONE.is_match(l) || l.contains("www.") || EMAIL.is_match(l)
            });
        let is_date_only = b.len() == 1 && parse_date(b[0]).is_some();
        let is_ref_only = b.iter().all(|l| REFERENCE.is_match(l));
        if is_date_only || is_ref_only {
            continue;
        }
        if is_sender && sender_block.is_none() {
            sender_block = Some(i);
        } else if recipient_block.is_none() && looks_like_name(&first) {
            recipient_block = Some(i);
        }
    }
    // The sender's block can be split by a blank line (name, then role and
    // address): take the block after it too when it has no name of its own.
    if let Some(i) = sender_block {
        let mut lines: Vec<&str> = blocks[i].clone();
        if let Some(next) = blocks.get(i + 1) {
            if Some(i + 1) != recipient_block
                && !(next.len() == 1 && parse_date(next[0]).is_some())
            {
                lines.extend(next.iter().copied());
                if recipient_block == Some(i + 1) {
                    recipient_block = None;
                }
            }
        }
        fill_sender(&mut letter, &lines);
    }
    if let Some(i) = recipient_block {
        let b = &blocks[i];
        letter.recipient.name = b.first().map(|l| text::plain_name(l));
        letter.recipient.role = b
            .get(1)
            .filter(|l| ROLE_WORDS.is_match(l) && !POSTCODE.is_match(l))
            .map(|l| l.to_string());
    }
    if letter.sender.name.is_none() {
        letter.sender.name = sig_name.clone();
    }
    if letter.sender.role.is_none() {
        letter.sender.role = sig_role.filter(|r| ROLE_WORDS.is_match(r));
    }
    if letter.date.is_none() {
        letter.date = text[..sal_m.start].lines().find_map(text::find_date);
    }
    if letter.date.is_none() {
        record.warn("no date found in the letter's header");
    }
    if letter.sender.name.is_none() {
        record.warn("sender not found");
    }
    if letter.recipient.name.is_none() {
        record.warn("recipient not found");
    }
    record.letter = Some(letter);
    Ok(Parsed { records: vec![record], ..Parsed::default() })
}

fn fill_sender(letter: &mut Letter, lines: &[&str]) {
    let mut address = Vec::new();
    for (k, l) in lines.iter().enumerate() {
        if k == 0 {
            letter.sender.name = Some(text::plain_name(l));
            continue;
        }
        if PHONE.is_match(l) || EMAIL.is_match(l) || l.starts_with("www.") {
            continue;
        }
        if letter.sender.role.is_none()
            && ROLE_WORDS.is_match(l)
            && !POSTCODE.is_match(l)
        {
            letter.sender.role = Some(l.to_string());
        } else if l.starts_with("Department")
            || l.starts_with("Ministry")
            || l.starts_with("Office")
            || l.starts_with("HM ")
            || l.ends_with("Office")
        {
            letter.sender.organisation.get_or_insert_with(|| l.to_string());
        } else {
            address.push(*l);
        }
    }
    if !address.is_empty() {
        letter.address = Some(address.join(", "));
    }
}

/// Splits text into blocks of non-empty trimmed lines.
fn blocks(text: &str) -> Vec<Vec<&str>> {
    let mut out: Vec<Vec<&str>> = Vec::new();
    let mut cur = Vec::new();
    for l in text.lines().map(str::trim) {
        if l.is_empty() {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
        } else {
            cur.push(l);
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

fn is_signature_image(l: &str) -> bool {
    let lower = l.to_lowercase();
    lower.contains("signature")
        && (lower.starts_with("a ") || lower.starts_with('['))
}

/// "BARONESS BARRAN" to "Baroness Barran"; mixed-case text is kept.
fn tidy_caps(l: &str) -> String {
    if l.chars().any(|c| c.is_lowercase()) {
        return l.to_string();
    }
    l.split(' ')
        .map(|w| {
            let lw = w.to_lowercase();
            if matches!(lw.as_str(), "of" | "for" | "the" | "and" | "in") {
                return lw;
            }
            let mut out = String::new();
            let mut up = true;
            for c in lw.chars() {
                out.extend(if up {
                    c.to_uppercase().collect::<Vec<_>>()
                } else {
                    vec![c]
                });
                up = c == '-' || c == '\'';
            }
            out
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn same_name(a: &str, b: &str) -> bool {
    let a = text::match_key(a);
    let b = text::match_key(b);
    !a.is_empty() && a == b
}

fn looks_like_name(l: &str) -> bool {
    let words: Vec<&str> = l.split_whitespace().collect();
    (1..=7).contains(&words.len())
        && !POSTCODE.is_match(l)
        && parse_date(l).is_none()
        && words[0].chars().next().is_some_and(char::is_uppercase)
}
