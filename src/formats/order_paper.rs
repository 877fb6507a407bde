//! The `order_paper` format (not yet implemented).

use crate::error::{Error, ErrorKind, Result};
use crate::{Input, Parsed};

/// Whether `text` looks like this format.
pub(crate) fn detect(text: &str) -> bool {
    let _ = text;
    false
}

/// Parses `input` into records.
pub(crate) fn parse(input: &Input<'_>) -> Result<Parsed> {
    let _ = input;
    Err(Error::new(ErrorKind::NoRecords("format not implemented yet".into())))
}
