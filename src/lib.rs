//! Read UK Parliament written questions and answers, in every form they
//! are published in, and turn them into one normalised [`Record`] per
//! question, with every figure quoted in the answer pulled out as data.
//!
//! # Brief overview
//!
//! An input (a file's bytes) is decoded to text ([`input::decode`]: gzip,
//! BOMs, UTF-16, Latin-1, lossy UTF-8), its [`Format`] is detected from its
//! content, and the format's module turns it into records. Every record is
//! then finished the same way: the House is inferred from the question's
//! form when the source does not give it, the figures of the answer are
//! extracted ([`figures::extract`]) and the stable id is computed.
//!
//! The wire format of a record is documented on the [`record`] module.
//!
//! # Example
//!
//! ```
//! let page = "Children: Protection\n\n\
//!     (asked on 16th September 2020) - View Source\n\n\
//!     Question to the Department for Education:\n\n\
//!     To ask the Secretary of State for Education, what steps his \
//!     Department is taking to help vulnerable children.\n\n\n\
//!     Answered by\nVicky Ford Portrait\nVicky Ford\n\
//!     This question was answered on 23rd September 2020\n\n\
//!     We are investing £3 million over the 3 years to March 2021.\n\n\
//!     Reticulating Splines\n";
//! let parsed = wrans::parse_bytes("page.txt", page.as_bytes(), None);
//! assert!(parsed.failure.is_none());
//! let record = &parsed.records[0];
//! assert_eq!(record.heading.as_deref(), Some("Children: Protection"));
//! assert_eq!(record.house, Some(wrans::House::Commons));
//! let answer = record.answer.as_ref().unwrap();
//! assert_eq!(answer.answered_on.as_deref(), Some("2020-09-23"));
//! assert_eq!(record.figures[0].value, Some(3_000_000.0));
//! ```
//!
//! # Limitations
//!
//! - Text formats (web pages saved as text, letters) are parsed by their
//!   layout; a layout the parser does not know gives partial records with
//!   warnings rather than an error.
//! - Figures are found by rules, not by a statistical model: unusual
//!   phrasings may be missed, and a figure whose unit is only implied by
//!   an earlier sentence gets no unit; see the [`figures`] module for what
//!   is recognised and the decisions on overlapping readings.
//! - A field the source does not print is `null`: bound Hansard and
//!   TheyWorkForYou files give no tabling date, listings no UIN. Records of
//!   the same question from such sources get a content-hash id and must be
//!   matched on the question's date and text (see [`text::match_key`]).

#![deny(missing_docs)]

pub mod error;
pub mod figures;
pub mod format;
mod formats;
pub mod input;
pub mod output;
pub mod pipeline;
pub mod record;
pub mod schema;
pub mod text;

pub use error::{Error, ErrorKind, Position, Result};
pub use format::Format;
pub use record::{
    Answer, Figure, FigureKind, House, Kind, Letter, Person, Qualifier,
    Question, Recipient, Record, Sender, Source,
};

/// An input ready for a format parser: its path (as given on the command
/// line, `-` for stdin) and its decoded text.
#[derive(Clone, Copy, Debug)]
pub struct Input<'a> {
    /// The path as given by the user.
    pub path: &'a str,
    /// The decoded text.
    pub text: &'a str,
}

impl<'a> Input<'a> {
    /// A [`Source`] for the record at `index` of this input.
    pub fn source(
        &self,
        format: Format,
        index: usize,
        resource: Option<String>,
    ) -> Source {
        Source { format, path: self.path.to_string(), index, resource }
    }
}

/// What parsing one input gave.
#[derive(Debug, Default)]
pub struct Parsed {
    /// The format the input was parsed as (`None` when not detected).
    pub format: Option<Format>,
    /// The records found, in input order.
    pub records: Vec<Record>,
    /// Notes for stderr that are not errors (e.g. "skipped 3 written
    /// statements").
    pub notes: Vec<String>,
    /// Why the input failed, wholly (no records) or in part (the records
    /// before the failure are kept).
    pub failure: Option<Error>,
}

/// Parses one input's bytes as a whole document: decodes them, detects
/// the format (unless `format` is given), parses, and finishes every
/// record (house, figures, id). A failure is reported in
/// [`Parsed::failure`]. The command line reads through
/// [`pipeline::run`], which also streams JSON record by record and
/// contains panics; this is the same path for one document in memory.
pub fn parse_bytes(
    path: &str,
    bytes: &[u8],
    format: Option<Format>,
) -> Parsed {
    pipeline::parse_document(path, bytes, format)
}

pub use pipeline::{finish, parse_text};
