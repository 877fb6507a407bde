//! The format registry: for each input format, its name, what it is and
//! how it is recognised, its detector and its parser, in one table.
//!
//! Adding a format: one module under `formats/`, one variant of
//! [`Format`], one entry in [`REGISTRY`]. Detection tries the entries in
//! the table's order, so a more specific format comes before a looser one
//! (JSON and XML before the text layouts, the letter last).

use crate::error::{Error, Result};
use crate::format::Format;
use crate::record::Record;
use crate::{Input, Parsed};

pub(crate) mod hansard;
pub(crate) mod lda_json;
pub(crate) mod lda_text;
pub(crate) mod letter;
pub(crate) mod order_paper;
pub(crate) mod page_util;
pub(crate) mod parallelparliament;
pub(crate) mod parliament_page;
pub(crate) mod qna_xml;
pub(crate) mod twfy_xml;
pub(crate) mod wqapi_json;
pub(crate) mod wqapi_json_stream;
pub(crate) mod xml_doc;

/// What one frame of a JSON stream held besides its records, summed over
/// an input's frames to say what the input as a whole gave.
#[derive(Clone, Debug, Default)]
pub(crate) struct Tally {
    /// Written statements skipped.
    pub statements: usize,
    /// Objects or items that are not written questions.
    pub not_questions: usize,
    /// The message of an API error document.
    pub error_doc: Option<String>,
    /// Record arrays seen (`results`, `result.items`, a top-level array).
    pub lists: usize,
    /// Items read (Linked Data API).
    pub items: usize,
}

impl Tally {
    /// Adds another frame's tally.
    pub(crate) fn add(&mut self, other: Tally) {
        self.statements += other.statements;
        self.not_questions += other.not_questions;
        self.lists += other.lists;
        self.items += other.items;
        if self.error_doc.is_none() {
            self.error_doc = other.error_doc;
        }
    }
}

/// What parsing one frame gave.
#[derive(Debug, Default)]
pub(crate) struct FrameParsed {
    /// The records, not yet finished.
    pub records: Vec<Record>,
    /// What else the frame held.
    pub tally: Tally,
    /// Why the frame (or part of it) could not be read; positions are in
    /// the frame's text.
    pub failure: Option<Error>,
}

/// Whether inputs of `format` are read as a stream of JSON frames.
pub(crate) fn streams_json(format: Format) -> bool {
    matches!(format, Format::WqapiJson | Format::LdaJson)
}

/// Parses one frame of a JSON stream of `format` (see [`streams_json`]);
/// `label` is where the frame is (`results[3]`, empty for a whole value),
/// `in_items` whether it is an element of `result.items`.
pub(crate) fn parse_frame(
    format: Format,
    input: &Input<'_>,
    label: &str,
    in_items: bool,
) -> FrameParsed {
    match format {
        Format::LdaJson if in_items => lda_json::parse_item(input, label),
        Format::LdaJson => {
            let parsed = entry(format).parse(input);
            FrameParsed {
                records: parsed.records,
                tally: Tally::default(),
                failure: parsed.failure,
            }
        }
        _ => wqapi_json::parse_frame(input, label),
    }
}

/// The notes of a streamed input, and its failure when it gave nothing
/// (from the sum of its frames).
pub(crate) fn conclude(
    format: Format,
    path: &str,
    tally: &Tally,
    records: usize,
    failure: Option<Error>,
) -> (Vec<String>, Option<Error>) {
    match format {
        Format::LdaJson => lda_json::conclude(path, tally, records, failure),
        _ => wqapi_json::conclude(path, tally, records, failure),
    }
}

/// What the registry knows of one format.
pub(crate) struct Entry {
    /// The format.
    pub format: Format,
    /// Its name, as used by `--format` and in `source.format`.
    pub name: &'static str,
    /// One line on what it is and how it is recognised.
    pub description: &'static str,
    /// Whether a decoded text looks like this format.
    pub detect: fn(&str) -> bool,
    /// Parses a decoded input. A module may fail wholly (`Err`) or in part
    /// ([`Parsed::failure`]); [`Entry::parse`] folds the two into one.
    parse: fn(&Input<'_>) -> Result<Parsed>,
}

impl Entry {
    /// Parses `input`: what the module found, with a whole failure turned
    /// into a [`Parsed`] with no records and that failure, so that callers
    /// see one channel.
    pub(crate) fn parse(&self, input: &Input<'_>) -> Parsed {
        match (self.parse)(input) {
            Ok(parsed) => parsed,
            Err(e) => Parsed { failure: Some(e), ..Parsed::default() },
        }
    }
}

/// Every format, in the order detection tries them.
pub(crate) static REGISTRY: [Entry; 10] = [
    Entry {
        format: Format::WqapiJson,
        name: "wqapi_json",
        description: "Written Questions API JSON (lists, single results, \
            JSON Lines); recognised by results/value objects with \
            questionText or uin",
        detect: wqapi_json::detect,
        parse: wqapi_json::parse,
    },
    Entry {
        format: Format::LdaJson,
        name: "lda_json",
        description: "Linked Data API JSON; recognised by \
            \"linked-data-api\" or a result.items array of \
            answeredquestions",
        detect: lda_json::detect,
        parse: lda_json::parse,
    },
    Entry {
        format: Format::QnaXml,
        name: "qna_xml",
        description: "QnA XML (departmental PQ API, daily reports); \
            recognised by the http://data.parliament.uk/QnA/2013/02 \
            namespace or <Question><Uin> elements",
        detect: qna_xml::detect,
        parse: qna_xml::parse,
    },
    Entry {
        format: Format::TwfyXml,
        name: "twfy_xml",
        description: "TheyWorkForYou / ParlParse wrans XML; recognised by \
            <publicwhip> with <ques>/<reply> or <gidredirect>",
        detect: twfy_xml::detect,
        parse: twfy_xml::parse,
    },
    Entry {
        format: Format::LdaText,
        name: "lda_text",
        description: "Linked Data API answeredquestions page saved as \
            text; recognised by \"key value more like this\" lines with \
            \"question text\" / \"answer text\"",
        detect: lda_text::detect,
        parse: lda_text::parse,
    },
    Entry {
        format: Format::Hansard,
        name: "hansard",
        description: "bound Hansard written answers, HTML or text; \
            recognised by \"Written Answers\" and questions ending in a \
            [UIN]",
        detect: hansard::detect,
        parse: hansard::parse,
    },
    Entry {
        format: Format::ParallelParliament,
        name: "parallelparliament",
        description: "parallelparliament.co.uk answer pages and listings \
            saved as text; recognised by \"(asked on DATE)\" with \
            \"Question to the\", or \"Written Question\" with \"Asked by:\"",
        detect: parallelparliament::detect,
        parse: parallelparliament::parse,
    },
    Entry {
        format: Format::ParliamentPage,
        name: "parliament_page",
        description: "parliament.uk written questions pages saved as text; \
            recognised by \"Asked on:\" with \"Answered by:\" or the page's \
            title",
        detect: parliament_page::detect,
        parse: parliament_page::parse,
    },
    Entry {
        format: Format::OrderPaper,
        name: "order_paper",
        description: "questions tabled for written answer (Lords Business, \
            Commons Order Book); recognised by \"Questions for Written \
            Answer\" or \"Written Questions for Answer\"",
        detect: order_paper::detect,
        parse: order_paper::parse,
    },
    Entry {
        format: Format::Letter,
        name: "letter",
        description: "a minister's letter; recognised by a \"Dear ...\" \
            salutation and a \"Yours sincerely/faithfully\" sign-off",
        detect: letter::detect,
        parse: letter::parse,
    },
];

/// The registry entry of `format`.
pub(crate) fn entry(format: Format) -> &'static Entry {
    // Every variant has an entry (checked by a test), so the fallback is
    // never taken; it avoids a panic path all the same.
    REGISTRY.iter().find(|e| e.format == format).unwrap_or(&REGISTRY[0])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_format_has_one_entry() {
        for f in Format::ALL {
            let n = REGISTRY.iter().filter(|e| e.format == f).count();
            assert_eq!(n, 1, "{f:?}");
        }
        let names: std::collections::BTreeSet<_> =
            REGISTRY.iter().map(|e| e.name).collect();
        assert_eq!(names.len(), REGISTRY.len());
    }
}
