//! Small helpers shared by the web-page formats saved as text.

use crate::text::clean_plain;

/// One line of a page: its text without surrounding white space, and the
/// byte offset of the line's start in the page.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Line<'a> {
    /// The line, trimmed (non-breaking spaces included).
    pub text: &'a str,
    /// Byte offset of the line's first byte in the page.
    pub start: usize,
}

/// The page's lines, trimmed, with their offsets.
pub(crate) fn lines(text: &str) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut offset = 0;
    for raw in text.split_inclusive('\n') {
        out.push(Line { text: trim(raw), start: offset });
        offset += raw.len();
    }
    out
}

/// Trims ASCII and Unicode white space, including U+00A0.
pub(crate) fn trim(s: &str) -> &str {
    s.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
}

/// Joins lines with newlines and cleans the result (one blank line between
/// paragraphs at most, spaces collapsed).
pub(crate) fn join_clean<'a>(
    lines: impl IntoIterator<Item = &'a str>,
) -> String {
    clean_plain(&lines.into_iter().collect::<Vec<_>>().join("\n"))
}

/// Whether the last line of a page looks cut mid-sentence: it does not end
/// with sentence-final punctuation, a closing bracket or quote.
pub(crate) fn looks_cut(last_line: &str) -> bool {
    let l = trim(last_line);
    !l.ends_with(['.', '?', '!', ')', ']', '"', '\'', '’', '”', ':', ';', '…'])
}

/// Splits `Name (inner)` into `Name` and `inner`, where `inner` is the
/// last parenthesised group of `s` and closes at its end; groups may nest
/// (`Jane Smith (Labour (Co-op) - Leeds North)`). `None` when `s` does not
/// end with a balanced group.
pub(crate) fn split_trailing_group(s: &str) -> Option<(&str, &str)> {
    let s = trim(s);
    let body = s.strip_suffix(')')?;
    let mut depth = 0usize;
    for (i, c) in body.char_indices().rev() {
        match c {
            ')' => depth += 1,
            '(' if depth == 0 => {
                return Some((trim(&s[..i]), trim(&body[i + 1..])));
            }
            '(' => depth -= 1,
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trailing_groups() {
        assert_eq!(
            split_trailing_group(
                "Jim Shannon (Democratic Unionist Party - Strangford)"
            ),
            Some(("Jim Shannon", "Democratic Unionist Party - Strangford"))
        );
        assert_eq!(
            split_trailing_group("Jo Stevens (Labour (Co-op) - Cardiff East)"),
            Some(("Jo Stevens", "Labour (Co-op) - Cardiff East"))
        );
        assert_eq!(split_trailing_group("Jim Shannon"), None);
        assert_eq!(split_trailing_group("a b)"), None);
        assert_eq!(split_trailing_group("(Stroud)"), Some(("", "Stroud")));
    }

    #[test]
    fn cut_lines() {
        assert!(looks_cut("during the early days"));
        assert!(!looks_cut("in Northern Ireland."));
        assert!(!looks_cut("(HL6283)"));
        assert!(looks_cut("Flood Contro"));
    }

    #[test]
    fn lines_keep_offsets() {
        let l = lines("a \n\u{a0}b\n");
        assert_eq!(l.len(), 2);
        assert_eq!((l[0].text, l[0].start), ("a", 0));
        assert_eq!((l[1].text, l[1].start), ("b", 3));
    }
}
