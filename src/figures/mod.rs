//! The figure extractor: every quantity quoted in a text, with its span.

use crate::record::Figure;

/// Extracts the figures of `text`; `field` names the field the spans point
/// into (`answer.text`, `letter.body`, `text`).
pub fn extract(text: &str, field: &str) -> Vec<Figure> {
    let _ = (text, field);
    Vec::new()
}
