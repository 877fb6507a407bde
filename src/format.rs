//! The closed set of input formats: names, detection and dispatch.

use std::fmt;
use std::str::FromStr;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::formats;
use crate::Input;
use crate::Parsed;

/// An input format wrans can read.
///
/// The set is closed: every format has a module under `formats/` and one
/// entry in the registry (`formats/mod.rs`), which holds its name,
/// description, detector and parser.
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
    /// Every format, in the order detection tries them (the registry's
    /// order).
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
        formats::entry(self).name
    }

    /// One line on what the format is and how it is recognised.
    pub fn description(self) -> &'static str {
        formats::entry(self).description
    }

    /// Detects the format of `text` (already decoded) by its content alone,
    /// trying the formats in the order of [`Format::ALL`]; `path` is not
    /// looked at (a `.txt` file may hold JSON). Returns `None` when no
    /// format recognises it.
    pub fn detect(path: &str, text: &str) -> Option<Format> {
        let _ = path;
        formats::REGISTRY.iter().find(|e| (e.detect)(text)).map(|e| e.format)
    }

    /// Whether `text` looks like this format.
    pub fn sniff(self, text: &str) -> bool {
        (formats::entry(self).detect)(text)
    }

    /// Parses `input` as this format. Records are not yet finished (no
    /// figures, id or inferred House): see [`crate::pipeline`]. A failure,
    /// whole or partial, is in [`Parsed::failure`].
    pub fn parse(self, input: &Input<'_>) -> Parsed {
        formats::entry(self).parse(input)
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
