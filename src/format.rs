//! The closed set of input formats: names, detection and dispatch.

use std::fmt;
use std::str::FromStr;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::error::Result;
use crate::formats;
use crate::Input;
use crate::Parsed;

/// An input format wrans can read.
///
/// The set is closed: every format has a module under `formats/`, and the
/// one exhaustive `match` in [`Format::parse`] dispatches to it.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    /// parallelparliament.co.uk answer pages and listings saved as text.
    #[serde(rename = "parallelparliament")]
    ParallelParliament,
    /// Linked Data API `answeredquestions` HTML pages saved as text.
    LdaText,
    /// Linked Data API `answeredquestions` JSON.
    LdaJson,
    /// Written Questions API JSON (lists, single results, JSON Lines).
    WqapiJson,
    /// QnA XML (namespace `http://data.parliament.uk/QnA/2013/02`).
    QnaXml,
    /// TheyWorkForYou / ParlParse written answers XML.
    TwfyXml,
    /// parliament.uk written-questions pages saved as text.
    ParliamentPage,
    /// Bound Hansard written answers, as HTML or text.
    Hansard,
    /// Questions tabled for written answer (Lords Business, Order Book).
    OrderPaper,
    /// A minister's letter.
    Letter,
}

impl Format {
    /// Every format, in the order detection tries them.
    pub const ALL: [Format; 10] = [
        Format::WqapiJson,
        Format::LdaJson,
        Format::QnaXml,
        Format::TwfyXml,
        Format::LdaText,
        Format::Hansard,
        Format::ParallelParliament,
        Format::ParliamentPage,
        Format::OrderPaper,
        Format::Letter,
    ];

    /// The format's name, as used by `--format` and in `source.format`.
    pub fn name(self) -> &'static str {
        match self {
            Format::ParallelParliament => "parallelparliament",
            Format::LdaText => "lda_text",
            Format::LdaJson => "lda_json",
            Format::WqapiJson => "wqapi_json",
            Format::QnaXml => "qna_xml",
            Format::TwfyXml => "twfy_xml",
            Format::ParliamentPage => "parliament_page",
            Format::Hansard => "hansard",
            Format::OrderPaper => "order_paper",
            Format::Letter => "letter",
        }
    }

    /// One line on what the format is and how it is recognised.
    pub fn description(self) -> &'static str {
        match self {
            Format::ParallelParliament => {
                "parallelparliament.co.uk answer pages and listings saved as \
                 text; recognised by \"(asked on DATE)\" with \"Question to \
                 the\", or \"Written Question\" with \"Asked by:\""
            }
            Format::LdaText => {
                "Linked Data API answeredquestions page saved as text; \
                 recognised by \"key value more like this\" lines with \
                 \"question text\" / \"answer text\""
            }
            Format::LdaJson => {
                "Linked Data API JSON; recognised by \"linked-data-api\" or \
                 a result.items array of answeredquestions"
            }
            Format::WqapiJson => {
                "Written Questions API JSON (lists, single results, JSON \
                 Lines); recognised by results/value objects with \
                 questionText or uin"
            }
            Format::QnaXml => {
                "QnA XML (departmental PQ API, daily reports); recognised by \
                 the http://data.parliament.uk/QnA/2013/02 namespace or \
                 <Question><Uin> elements"
            }
            Format::TwfyXml => {
                "TheyWorkForYou / ParlParse wrans XML; recognised by \
                 <publicwhip> with <ques>/<reply> or <gidredirect>"
            }
            Format::ParliamentPage => {
                "parliament.uk written questions pages saved as text; \
                 recognised by \"Asked on:\" with \"Answered by:\" or the \
                 page's title"
            }
            Format::Hansard => {
                "bound Hansard written answers, HTML or text; recognised by \
                 \"Written Answers\" and questions ending in a [UIN]"
            }
            Format::OrderPaper => {
                "questions tabled for written answer (Lords Business, Commons \
                 Order Book); recognised by \"Questions for Written Answer\" \
                 or \"Written Questions for Answer\""
            }
            Format::Letter => {
                "a minister's letter; recognised by a \"Dear ...\" salutation \
                 and a \"Yours sincerely/faithfully\" sign-off"
            }
        }
    }

    /// Detects the format of `text` (already decoded) by its content alone,
    /// trying the formats in the order of [`Format::ALL`]; `path` is not
    /// looked at (a `.txt` file may hold JSON). Returns `None` when no
    /// format recognises it.
    pub fn detect(path: &str, text: &str) -> Option<Format> {
        let _ = path;
        Format::ALL.into_iter().find(|f| f.sniff(text))
    }

    /// Whether `text` looks like this format.
    pub fn sniff(self, text: &str) -> bool {
        match self {
            Format::ParallelParliament => {
                formats::parallelparliament::detect(text)
            }
            Format::LdaText => formats::lda_text::detect(text),
            Format::LdaJson => formats::lda_json::detect(text),
            Format::WqapiJson => formats::wqapi_json::detect(text),
            Format::QnaXml => formats::qna_xml::detect(text),
            Format::TwfyXml => formats::twfy_xml::detect(text),
            Format::ParliamentPage => formats::parliament_page::detect(text),
            Format::Hansard => formats::hansard::detect(text),
            Format::OrderPaper => formats::order_paper::detect(text),
            Format::Letter => formats::letter::detect(text),
        }
    }

    /// Parses `input` as this format.
    pub fn parse(self, input: &Input<'_>) -> Result<Parsed> {
        match self {
            Format::ParallelParliament => {
                formats::parallelparliament::parse(input)
            }
            Format::LdaText => formats::lda_text::parse(input),
            Format::LdaJson => formats::lda_json::parse(input),
            Format::WqapiJson => formats::wqapi_json::parse(input),
            Format::QnaXml => formats::qna_xml::parse(input),
            Format::TwfyXml => formats::twfy_xml::parse(input),
            Format::ParliamentPage => formats::parliament_page::parse(input),
            Format::Hansard => formats::hansard::parse(input),
            Format::OrderPaper => formats::order_paper::parse(input),
            Format::Letter => formats::letter::parse(input),
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// An error that can occur when a format name is not known.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown format {name:?}: expected one of {list}", name = .0, list = Format::ALL.map(Format::name).join(", "))]
pub struct UnknownFormat(pub String);

impl FromStr for Format {
    type Err = UnknownFormat;

    fn from_str(s: &str) -> std::result::Result<Format, UnknownFormat> {
        Format::ALL
            .into_iter()
            .find(|f| f.name() == s)
            .ok_or_else(|| UnknownFormat(s.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for f in Format::ALL {
            assert_eq!(f.name().parse::<Format>(), Ok(f));
            let json = serde_json::to_string(&f).unwrap();
            assert_eq!(json, format!("\"{}\"", f.name()));
        }
        assert!("pdf".parse::<Format>().is_err());
    }
}
