//! The library's error type, with the input's path and a position.

use std::fmt;

use crate::format::Format;

/// A convenient alias for results whose error is [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// A position in an input.
///
/// `line` and `column` are 1-based (the column counts characters, not
/// bytes); `byte` is the 0-based byte offset into the decoded text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    /// 1-based line number.
    pub line: u64,
    /// 1-based column, in characters.
    pub column: u64,
    /// 0-based byte offset.
    pub byte: u64,
}

impl Position {
    /// The position of byte offset `byte` in `text` (clamped to the text's
    /// length and moved back to a character boundary).
    pub fn of_offset(text: &str, byte: usize) -> Position {
        let mut byte = byte.min(text.len());
        while !text.is_char_boundary(byte) {
            byte -= 1;
        }
        let before = &text[..byte];
        let line = memchr::memchr_iter(b'\n', before.as_bytes()).count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before[line_start..].chars().count() + 1;
        Position {
            line: line as u64,
            column: column as u64,
            byte: byte as u64,
        }
    }

    /// The position of a 1-based line and column, as reported by JSON and
    /// XML parsers; `byte` is computed from `text`.
    pub fn of_line_column(text: &str, line: u64, column: u64) -> Position {
        let mut offset = 0usize;
        for (i, l) in text.split_inclusive('\n').enumerate() {
            if i as u64 + 1 == line {
                let col = l
                    .char_indices()
                    .nth(column.saturating_sub(1) as usize)
                    .map_or(l.len(), |(b, _)| b);
                offset += col;
                return Position { line, column, byte: offset as u64 };
            }
            offset += l.len();
        }
        Position { line, column, byte: offset as u64 }
    }
}

/// What went wrong.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The input could not be read.
    #[error("cannot read: {0}")]
    Io(#[from] std::io::Error),
    /// The path names a directory where a file was expected.
    #[error("is a directory")]
    IsDirectory,
    /// The input holds no bytes, or only white space.
    #[error("empty input: expected a written question, answer or letter")]
    Empty,
    /// The input looks like binary data, not text.
    #[error("binary data (found {found}): expected text, JSON, XML or HTML")]
    Binary {
        /// What was found instead of text.
        found: String,
    },
    /// No format recognises the input.
    #[error(
        "no written question found: the input matches none of the formats \
         (try --format NAME; `wrans formats` lists them)"
    )]
    Unrecognised,
    /// The input does not follow its format's grammar.
    #[error("expected {expected}, found {found}")]
    Syntax {
        /// What the parser was looking for.
        expected: String,
        /// What it found there (a short quotation).
        found: String,
    },
    /// The input is a JSON document that cannot be parsed.
    #[error("{0}")]
    Json(String),
    /// The input is an XML document that cannot be parsed.
    #[error("{0}")]
    Xml(String),
    /// The input parses but holds no record of its format.
    #[error("no written question found: {0}")]
    NoRecords(String),
    /// The input is an error document returned by an API.
    #[error("the input is an API error document: {0}")]
    ErrorDocument(String),
    /// A decompression stream is corrupt, or expands beyond the limit.
    #[error("cannot decompress: {0}")]
    Decompress(String),
    /// A document or record is larger than the limit.
    #[error("{0}")]
    TooLarge(String),
    /// The path names something that is not a regular file (a FIFO, a
    /// socket, a device).
    #[error("not a regular file ({0}): expected a file, a directory or - for standard input")]
    NotRegular(String),
}

/// An error that can occur when reading or parsing an input.
///
/// It carries the kind of error and, where known, the input's path, the
/// format that was tried and the position in the (decoded) text. Its
/// `Display` reads `path:line:column: format: message`.
#[derive(Debug)]
pub struct Error(Box<Inner>);

#[derive(Debug)]
struct Inner {
    kind: ErrorKind,
    path: Option<String>,
    format: Option<Format>,
    position: Option<Position>,
    /// Text after the message: where in a stream (`(in results[3])`),
    /// how many other records failed.
    suffix: String,
}

impl Error {
    /// A new error of the given kind, with no path, format or position.
    pub fn new(kind: ErrorKind) -> Error {
        Error(Box::new(Inner {
            kind,
            path: None,
            format: None,
            position: None,
            suffix: String::new(),
        }))
    }

    /// A syntax error: `expected` what, `found` what (quoted briefly).
    pub fn syntax(expected: impl Into<String>, found: &str) -> Error {
        Error::new(ErrorKind::Syntax {
            expected: expected.into(),
            found: quote_found(found),
        })
    }

    /// Sets the position.
    pub fn at(mut self, position: Position) -> Error {
        self.0.position = Some(position);
        self
    }

    /// Sets the position from a byte offset into `text`.
    pub fn at_offset(self, text: &str, byte: usize) -> Error {
        self.at(Position::of_offset(text, byte))
    }

    /// Sets the path, unless one is already set.
    pub fn with_path(mut self, path: &str) -> Error {
        if self.0.path.is_none() {
            self.0.path = Some(path.to_string());
        }
        self
    }

    /// Sets the format, unless one is already set.
    pub fn with_format(mut self, format: Format) -> Error {
        if self.0.format.is_none() {
            self.0.format = Some(format);
        }
        self
    }

    /// Says which record of a stream the error is in (`results[3]`).
    pub fn in_record(self, label: &str) -> Error {
        self.with_suffix(&format!(" (in {label})"))
    }

    /// Adds `text` after the message.
    pub fn with_suffix(mut self, text: &str) -> Error {
        self.0.suffix.push_str(text);
        self
    }

    /// The kind of error, taken out.
    pub fn into_kind(self) -> ErrorKind {
        self.0.kind
    }

    /// The kind of error.
    pub fn kind(&self) -> &ErrorKind {
        &self.0.kind
    }

    /// The input's path, when known.
    pub fn path(&self) -> Option<&str> {
        self.0.path.as_deref()
    }

    /// The format that was tried, when known.
    pub fn format(&self) -> Option<Format> {
        self.0.format
    }

    /// Where in the input the error is, when known.
    pub fn position(&self) -> Option<Position> {
        self.0.position
    }
}

/// Quotes at most 40 characters of `found`, on one line, for a message.
fn quote_found(found: &str) -> String {
    if found.is_empty() {
        return "end of input".to_string();
    }
    let mut q: String = found.chars().take(40).collect();
    if q.len() < found.len() {
        q.push('…');
    }
    format!("{:?}", q.replace(['\n', '\r'], " "))
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(path) = &self.0.path {
            write!(f, "{path}:")?;
            if let Some(p) = self.0.position {
                write!(f, "{}:{}:", p.line, p.column)?;
            }
            f.write_str(" ")?;
        } else if let Some(p) = self.0.position {
            write!(f, "line {}, column {}: ", p.line, p.column)?;
        }
        if let Some(format) = self.0.format {
            write!(f, "{}: ", format.name())?;
        }
        write!(f, "{}{}", self.0.kind, self.0.suffix)
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.0.kind {
            ErrorKind::Io(e) => Some(e),
            _ => None,
        }
    }
}

impl From<ErrorKind> for Error {
    fn from(kind: ErrorKind) -> Error {
        Error::new(kind)
    }
}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Error {
        Error::new(ErrorKind::Io(e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn position_of_offset_counts_lines_and_chars() {
        let text = "ab\n£cd\nx";
        let p = Position::of_offset(text, 6);
        assert_eq!((p.line, p.column, p.byte), (2, 3, 6));
        let p = Position::of_offset(text, 4); // inside '£'
        assert_eq!((p.line, p.column, p.byte), (2, 1, 3));
        let p = Position::of_offset(text, 999);
        assert_eq!((p.line, p.column), (3, 2));
    }

    #[test]
    fn position_of_line_column() {
        let text = "ab\ncdef\n";
        assert_eq!(Position::of_line_column(text, 2, 3).byte, 5);
    }

    #[test]
    fn display_has_path_position_format_and_message() {
        let e = Error::syntax("answer date", "Dear Mike,")
            .at(Position { line: 12, column: 5, byte: 0 })
            .with_format(Format::Letter)
            .with_path("fixtures/letter/x.txt");
        assert_eq!(
            e.to_string(),
            "fixtures/letter/x.txt:12:5: letter: expected answer date, \
             found \"Dear Mike,\""
        );
    }
}
