//! parallelparliament.co.uk written-answer pages saved as text.
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

use std::sync::LazyLock;

use regex::Regex;

use crate::error::{Error, ErrorKind, Result};
use crate::format::Format;
use crate::record::{Answer, Record};
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

/// Whether `text` looks like a parallelparliament page.
pub(crate) fn detect(text: &str) -> bool {
    let head = text::head(text, 20_000);
    (ASKED_ON.is_match(head) && QUESTION_TO.is_match(head))
        || (head.contains("Written Question\n") && head.contains("Asked by:"))
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
    ) || l.starts_with("To match an exact phrase, use quotation marks")
        || l.starts_with(
            "Keep yourself up-to-date with the latest developments",
        )
}

/// Parses a single answer page.
pub(crate) fn parse(input: &Input<'_>) -> Result<Parsed> {
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
        let name = if inline.is_empty() {
            after[..names_end]
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.ends_with("Portrait"))
                .next_back()
                .or_else(|| {
                    after[..names_end]
                        .lines()
                        .map(str::trim)
                        .find(|l| !l.is_empty())
                })
                .map(|l| l.trim_end_matches("Portrait").trim().to_string())
        } else {
            Some(inline.to_string())
        };
        answer.answerer = name.as_deref().and_then(text::person);
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
