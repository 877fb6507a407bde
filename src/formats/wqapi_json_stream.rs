//! Reading large or damaged JSON piece by piece, for `wqapi_json` and
//! `lda_json`: walking an object's members and an array's elements without
//! building the whole document, escaping raw control characters inside
//! strings, and closing a truncated element so that what it holds can
//! still be read.
//!
//! Offsets are byte offsets into the text being walked. Errors are
//! [`JsonFail`]s: an offset, a message and, for a failure inside an array
//! element, where that element started.

use std::borrow::Cow;
use std::fmt::Write as _;

use serde::de::IgnoredAny;
use serde::Deserialize;

/// A failure while walking a JSON text.
#[derive(Debug, Clone)]
pub(crate) struct JsonFail {
    /// Where it happened (byte offset into the walked text).
    pub offset: usize,
    /// The input ended before the value did.
    pub eof: bool,
    /// A type mismatch inside a syntactically valid value (the walk could
    /// go on after the value).
    pub data: bool,
    /// What went wrong, without a position.
    pub message: String,
    /// For a failure inside an array element: the element's index and the
    /// offset where it starts.
    pub element: Option<(usize, usize)>,
}

impl JsonFail {
    pub(crate) fn new(offset: usize, message: impl Into<String>) -> JsonFail {
        JsonFail {
            offset,
            eof: false,
            data: false,
            message: message.into(),
            element: None,
        }
    }

    fn eof(offset: usize) -> JsonFail {
        JsonFail {
            eof: true,
            ..JsonFail::new(offset, "unexpected end of input")
        }
    }

    /// Converts a serde_json error for the value that starts at `base`.
    pub(crate) fn from_serde(
        text: &str,
        base: usize,
        e: &serde_json::Error,
    ) -> JsonFail {
        let slice = text.get(base..).unwrap_or("");
        let offset = if e.is_eof() {
            text.len()
        } else {
            base + slice_offset(slice, e.line(), e.column())
        };
        let mut message = e.to_string();
        if let Some(i) = message.rfind(" at line ") {
            message.truncate(i);
        }
        if e.is_eof() {
            message = "unexpected end of input".to_string();
        }
        JsonFail {
            offset,
            eof: e.is_eof(),
            data: e.is_data(),
            message,
            element: None,
        }
    }
}

/// The byte offset of serde_json's 1-based line and (byte) column in `s`.
fn slice_offset(s: &str, line: usize, column: usize) -> usize {
    let mut start = 0;
    if line > 1 {
        let mut seen = 1;
        for i in memchr::memchr_iter(b'\n', s.as_bytes()) {
            seen += 1;
            if seen == line {
                start = i + 1;
                break;
            }
        }
    }
    floor_char_boundary(s, start + column.saturating_sub(1))
}

/// `i` clamped to `s` and moved back to a char boundary: serde_json counts
/// columns in bytes, so its position can fall inside a character.
fn floor_char_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The offset of the first non-white-space byte at or after `pos`.
pub(crate) fn skip_ws(text: &str, pos: usize) -> usize {
    let b = text.as_bytes();
    let mut i = pos;
    while i < b.len() && matches!(b[i], b' ' | b'\t' | b'\n' | b'\r') {
        i += 1;
    }
    i
}

/// Reads one JSON value of type `T` starting at `pos` (white space
/// allowed before it); returns it and the offset just after it.
pub(crate) fn read_at<'a, T: Deserialize<'a>>(
    text: &'a str,
    pos: usize,
) -> Result<(T, usize), JsonFail> {
    let pos = skip_ws(text, pos);
    let Some(slice) = text.get(pos..) else {
        return Err(JsonFail::eof(text.len()));
    };
    if slice.is_empty() {
        return Err(JsonFail::eof(text.len()));
    }
    let mut stream =
        serde_json::Deserializer::from_str(slice).into_iter::<T>();
    match stream.next() {
        Some(Ok(v)) => Ok((v, pos + stream.byte_offset())),
        Some(Err(e)) => Err(JsonFail::from_serde(text, pos, &e)),
        None => Err(JsonFail::eof(text.len())),
    }
}

/// Skips the JSON value at `pos`; returns the offset just after it.
pub(crate) fn skip_value(text: &str, pos: usize) -> Result<usize, JsonFail> {
    read_at::<IgnoredAny>(text, pos).map(|(_, end)| end)
}

fn expect_byte(text: &str, pos: usize, want: u8) -> Result<usize, JsonFail> {
    let pos = skip_ws(text, pos);
    match text.as_bytes().get(pos) {
        Some(&b) if b == want => Ok(pos + 1),
        Some(_) => Err(JsonFail::new(
            pos,
            format!(
                "expected `{}`, found {}",
                want as char,
                found_at(text, pos)
            ),
        )),
        None => Err(JsonFail::eof(text.len())),
    }
}

/// A short quotation of the text at `pos`, for messages.
pub(crate) fn found_at(text: &str, pos: usize) -> String {
    let rest = text.get(pos..).unwrap_or("");
    if rest.is_empty() {
        return "end of input".to_string();
    }
    let q: String = rest.chars().take(20).collect();
    format!("{:?}", q.replace('\n', " "))
}

/// Walks the members of the object at `pos` (which must be `{`, after
/// white space). For each member, `member(key, value_pos)` either reads
/// the value and returns `Some(end)`, or returns `None` to have it
/// skipped. Returns the offset after the closing `}`.
pub(crate) fn walk_object<'a, F>(
    text: &'a str,
    pos: usize,
    mut member: F,
) -> Result<usize, JsonFail>
where
    F: FnMut(&str, usize) -> Result<Option<usize>, JsonFail>,
{
    let mut pos = expect_byte(text, pos, b'{')?;
    pos = skip_ws(text, pos);
    if text.as_bytes().get(pos) == Some(&b'}') {
        return Ok(pos + 1);
    }
    loop {
        pos = skip_ws(text, pos);
        if text.as_bytes().get(pos) != Some(&b'"') {
            if pos >= text.len() {
                return Err(JsonFail::eof(text.len()));
            }
            return Err(JsonFail::new(
                pos,
                format!(
                    "expected a member name, found {}",
                    found_at(text, pos)
                ),
            ));
        }
        let (key, after_key) = read_at::<Cow<'a, str>>(text, pos)?;
        let value_pos = skip_ws(text, expect_byte(text, after_key, b':')?);
        pos = match member(&key, value_pos)? {
            Some(end) => end,
            None => skip_value(text, value_pos)?,
        };
        pos = skip_ws(text, pos);
        match text.as_bytes().get(pos) {
            Some(b',') => pos += 1,
            Some(b'}') => return Ok(pos + 1),
            Some(_) => {
                return Err(JsonFail::new(
                    pos,
                    format!(
                        "expected `,` or `}}`, found {}",
                        found_at(text, pos)
                    ),
                ))
            }
            None => return Err(JsonFail::eof(text.len())),
        }
    }
}

/// Walks the elements of the array at `pos` (which must be `[`, after
/// white space): `element(index, element_pos)` reads each one and returns
/// the offset after it. A failure inside an element is returned with
/// [`JsonFail::element`] set. Returns the offset after the closing `]`.
pub(crate) fn walk_array<F>(
    text: &str,
    pos: usize,
    mut element: F,
) -> Result<usize, JsonFail>
where
    F: FnMut(usize, usize) -> Result<usize, JsonFail>,
{
    let mut pos = expect_byte(text, pos, b'[')?;
    pos = skip_ws(text, pos);
    if text.as_bytes().get(pos) == Some(&b']') {
        return Ok(pos + 1);
    }
    let mut index = 0;
    loop {
        pos = skip_ws(text, pos);
        if pos >= text.len() {
            return Err(JsonFail::eof(text.len()));
        }
        let start = pos;
        pos = element(index, start).map_err(|mut f| {
            f.element.get_or_insert((index, start));
            f
        })?;
        index += 1;
        pos = skip_ws(text, pos);
        match text.as_bytes().get(pos) {
            Some(b',') => pos += 1,
            Some(b']') => return Ok(pos + 1),
            Some(_) => {
                return Err(JsonFail::new(
                    pos,
                    format!(
                        "expected `,` or `]`, found {}",
                        found_at(text, pos)
                    ),
                ))
            }
            None => return Err(JsonFail::eof(text.len())),
        }
    }
}

/// A text with raw control characters inside JSON strings escaped (as
/// some crawlers save the Linked Data API's output), and the map back to
/// the original offsets.
pub(crate) struct Escaped<'a> {
    /// The text to parse.
    pub text: Cow<'a, str>,
    /// Offsets (in `text`) of the bytes that were inserted.
    inserted: Vec<usize>,
}

impl Escaped<'_> {
    /// The offset in the original text of offset `pos` in [`Escaped::text`].
    pub fn original(&self, pos: usize) -> usize {
        pos - self.inserted.partition_point(|&i| i < pos)
    }

    /// Whether anything was escaped.
    #[cfg(test)]
    pub fn changed(&self) -> bool {
        !self.inserted.is_empty()
    }
}

/// Whether `b` holds a byte below 0x20, read 32 bytes at a time without
/// an early exit inside a block (so that the compiler vectorises it).
fn has_control(b: &[u8]) -> bool {
    let mut blocks = b.chunks_exact(32);
    let found = blocks
        .by_ref()
        .any(|block| block.iter().fold(false, |acc, &c| acc | (c < 0x20)));
    found || blocks.remainder().iter().any(|&c| c < 0x20)
}

/// Escapes raw control characters (newlines, tabs, ...) found inside JSON
/// strings, which strict JSON forbids; the text is borrowed unchanged when
/// there are none.
pub(crate) fn escape_controls(text: &str) -> Escaped<'_> {
    let b = text.as_bytes();
    // Nearly every text has no control byte at all (a quick, vectorised
    // check); only one that has needs the string-aware scan.
    if !has_control(b) {
        return Escaped { text: Cow::Borrowed(text), inserted: Vec::new() };
    }
    let mut in_string = false;
    let mut escaped = false;
    let mut first = None;
    for (i, &c) in b.iter().enumerate() {
        if in_string {
            if escaped {
                escaped = false;
            } else if c == b'\\' {
                escaped = true;
            } else if c == b'"' {
                in_string = false;
            } else if c < 0x20 {
                first = Some(i);
                break;
            }
        } else if c == b'"' {
            in_string = true;
        }
    }
    let Some(first) = first else {
        return Escaped { text: Cow::Borrowed(text), inserted: Vec::new() };
    };
    let mut out = String::with_capacity(text.len() + 64);
    out.push_str(&text[..first]);
    let mut inserted = Vec::new();
    // `first` is inside a string, after a non-escape byte.
    let mut in_string = true;
    let mut escaped = false;
    for ch in text[first..].chars() {
        if in_string {
            if escaped {
                escaped = false;
            } else if ch == '\\' {
                escaped = true;
            } else if ch == '"' {
                in_string = false;
            } else if (ch as u32) < 0x20 {
                let esc = match ch {
                    '\n' => "\\n".to_string(),
                    '\t' => "\\t".to_string(),
                    '\r' => "\\r".to_string(),
                    c => format!("\\u{:04x}", c as u32),
                };
                // The escape replaces one byte: every byte after its first
                // is an insertion.
                for k in 1..esc.len() {
                    inserted.push(out.len() + k);
                }
                out.push_str(&esc);
                continue;
            }
        } else if ch == '"' {
            in_string = true;
        }
        out.push(ch);
    }
    Escaped { text: Cow::Owned(out), inserted }
}

/// One step of a JSON path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Step {
    /// An object member.
    Key(String),
    /// An array element.
    Index(usize),
}

/// Writes a path as `answer.answerText` / `items[0].uin`. A very deep
/// path (a pathological document) keeps its first and last steps only,
/// so that a diagnostic stays one readable line.
pub(crate) fn path_string(steps: &[Step]) -> String {
    const KEEP: usize = 8;
    if steps.len() > 2 * KEEP {
        let head = path_string(&steps[..KEEP]);
        let tail = path_string(&steps[steps.len() - KEEP..]);
        let skipped = steps.len() - 2 * KEEP;
        return format!("{head}…({skipped} levels)…{tail}");
    }
    let mut s = String::new();
    for st in steps {
        match st {
            Step::Key(k) => {
                if !s.is_empty() {
                    s.push('.');
                }
                s.push_str(k);
            }
            Step::Index(i) => {
                let _ = write!(s, "[{i}]");
            }
        }
    }
    s
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Want {
    Key,
    Colon,
    Value,
    CommaOrEnd,
}

#[derive(Clone)]
struct Frame {
    object: bool,
    key: Option<String>,
    index: usize,
    want: Want,
}

/// What a scan of a cut-off JSON value found at its end.
#[derive(Debug, Clone)]
pub(crate) struct Cut {
    /// The path of the value being read where the text stops.
    pub path: Vec<Step>,
    /// The text, closed into valid JSON: up to the last complete value,
    /// or including a string value cut in the middle (closed with `"`)
    /// when `keep_partial` accepted its path; then the closing brackets.
    pub closed: String,
    /// The path of the string value kept although cut, if any.
    pub partial: Option<Vec<Step>>,
}

/// Scans the JSON value that starts at `start` and stops at `end` (where
/// the input was cut or became invalid), and closes it. A string value
/// cut in the middle is kept (and closed) when `keep_partial(path)` says
/// so; otherwise the text is closed after the last complete member.
pub(crate) fn close_cut(
    text: &str,
    start: usize,
    end: usize,
    keep_partial: impl Fn(&[Step]) -> bool,
) -> Cut {
    let end = floor_char_boundary(text, end);
    let start = floor_char_boundary(text, start.min(end));
    let b = text.as_bytes();
    let mut stack: Vec<Frame> = Vec::new();
    let mut safe_end = start;
    // After a safe point the stack only grows until the next one, so the
    // frames to close there are the first `safe_depth` of the stack.
    let mut safe_depth = 0;
    let mut i = start;
    let mut open_string: Option<(usize, bool)> = None; // (start, is_key)
    let value_done = |stack: &mut Vec<Frame>| {
        if let Some(top) = stack.last_mut() {
            top.want = Want::CommaOrEnd;
        }
    };
    while i < end {
        let c = b[i];
        match c {
            b' ' | b'\t' | b'\n' | b'\r' => i += 1,
            b'"' => {
                let is_key = stack
                    .last()
                    .is_some_and(|f| f.object && f.want == Want::Key);
                let s = i;
                i += 1;
                let mut esc = false;
                let mut closed = false;
                while i < end {
                    let d = b[i];
                    i += 1;
                    if esc {
                        esc = false;
                    } else if d == b'\\' {
                        esc = true;
                    } else if d == b'"' {
                        closed = true;
                        break;
                    }
                }
                if !closed {
                    open_string = Some((s, is_key));
                    break;
                }
                if is_key {
                    if let Some(top) = stack.last_mut() {
                        top.key = Some(text[s + 1..i - 1].to_string());
                        top.want = Want::Colon;
                    }
                } else {
                    value_done(&mut stack);
                    safe_end = i;
                    safe_depth = stack.len();
                }
            }
            b':' => {
                if let Some(top) = stack.last_mut() {
                    top.want = Want::Value;
                }
                i += 1;
            }
            b',' => {
                if let Some(top) = stack.last_mut() {
                    if top.object {
                        top.want = Want::Key;
                        top.key = None;
                    } else {
                        top.index += 1;
                        top.want = Want::Value;
                    }
                }
                i += 1;
            }
            b'{' | b'[' => {
                stack.push(Frame {
                    object: c == b'{',
                    key: None,
                    index: 0,
                    want: if c == b'{' { Want::Key } else { Want::Value },
                });
                i += 1;
                safe_end = i;
                safe_depth = stack.len();
            }
            b'}' | b']' => {
                stack.pop();
                i += 1;
                value_done(&mut stack);
                safe_end = i;
                safe_depth = stack.len();
                if stack.is_empty() {
                    break;
                }
            }
            _ => {
                let s = i;
                while i < end
                    && (b[i].is_ascii_alphanumeric()
                        || matches!(b[i], b'+' | b'-' | b'.'))
                {
                    i += 1;
                }
                if i == s {
                    // A stray byte: stop here.
                    break;
                }
                if i < end {
                    value_done(&mut stack);
                    safe_end = i;
                    safe_depth = stack.len();
                }
            }
        }
    }
    let path_of = |stack: &[Frame], with_last: bool| -> Vec<Step> {
        let mut p = Vec::new();
        for (n, f) in stack.iter().enumerate() {
            let last = n + 1 == stack.len();
            if last && !with_last {
                break;
            }
            if f.object {
                if let Some(k) = &f.key {
                    p.push(Step::Key(k.clone()));
                }
            } else {
                p.push(Step::Index(f.index));
            }
        }
        p
    };
    let path = path_of(&stack, true);
    let closers = |stack: &[Frame]| -> String {
        stack.iter().rev().map(|f| if f.object { '}' } else { ']' }).collect()
    };
    if let Some((s, false)) = open_string {
        if keep_partial(&path) {
            let mut body = &text[s..end];
            // Drop an escape cut in the middle.
            if let Some(bs) = body.rfind('\\') {
                let tail = &body[bs..];
                let complete = tail.len() >= 2
                    && (!tail[1..].starts_with('u') || tail.len() >= 6);
                let odd = body[..bs]
                    .bytes()
                    .rev()
                    .take_while(|&c| c == b'\\')
                    .count()
                    % 2
                    == 1;
                if !complete && !odd {
                    body = &body[..bs];
                }
            }
            let mut closed = String::with_capacity(end - start + 16);
            closed.push_str(&text[start..s]);
            closed.push_str(body);
            closed.push('"');
            closed.push_str(&closers(&stack));
            return Cut { partial: Some(path.clone()), path, closed };
        }
    }
    let mut closed = String::with_capacity(safe_end - start + 16);
    closed.push_str(&text[start..safe_end]);
    closed.push_str(&closers(&stack[..safe_depth.min(stack.len())]));
    Cut { path, closed, partial: None }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walks_object_and_array() {
        let text =
            r#" {"a": 1, "items": [ {"x": "p"}, {"x": "q"} ], "b": [1,2]} "#;
        let mut got = Vec::new();
        let end = walk_object(text, 0, |key, pos| {
            if key == "items" {
                let end = walk_array(text, pos, |_, p| {
                    let (v, end) = read_at::<serde_json::Value>(text, p)?;
                    got.push(v["x"].as_str().unwrap_or("").to_string());
                    Ok(end)
                })?;
                Ok(Some(end))
            } else {
                Ok(None)
            }
        })
        .unwrap();
        assert_eq!(got, ["p", "q"]);
        assert_eq!(&text[end..], " ");
    }

    #[test]
    fn truncated_array_keeps_complete_elements() {
        let text = r#"[{"x": 1}, {"x": 2}, {"x": "thr"#;
        let mut n = 0;
        let err = walk_array(text, 0, |_, p| {
            let (_, end) = read_at::<serde_json::Value>(text, p)?;
            n += 1;
            Ok(end)
        })
        .unwrap_err();
        assert_eq!(n, 2);
        assert!(err.eof);
        assert_eq!(err.element, Some((2, 21)));
        assert_eq!(err.offset, text.len());
    }

    #[test]
    fn syntax_error_has_offset() {
        let text = "{\"a\": 1,\n \"b\" 2}";
        let err = walk_object(text, 0, |_, _| Ok(None)).unwrap_err();
        assert!(!err.eof);
        assert_eq!(&text[err.offset..], "2}");
        assert!(err.message.contains("expected `:`"), "{}", err.message);
    }

    #[test]
    fn control_bytes_are_found_in_blocks_and_the_remainder() {
        for len in [0, 1, 31, 32, 33, 64, 100] {
            let clean = vec![b'a'; len];
            assert!(!has_control(&clean), "{len}");
            for at in 0..len {
                let mut b = clean.clone();
                b[at] = b'\t';
                assert!(has_control(&b), "{len} {at}");
            }
        }
        assert!(!has_control(" ~\u{7f}é".as_bytes()));
    }

    #[test]
    fn escapes_raw_newlines_in_strings_only() {
        let text = "{\n\"a\" : \"x\ny\", \"b\": \"\\\"\n\"}";
        let e = escape_controls(text);
        assert!(e.changed());
        let v: serde_json::Value = serde_json::from_str(&e.text).unwrap();
        assert_eq!(v["a"], "x\ny");
        assert_eq!(v["b"], "\"\n");
        // The "y" after the escaped newline maps back to its place.
        let y = e.text.find('y').unwrap();
        assert_eq!(e.original(y), text.find('y').unwrap());
        let plain = escape_controls("{\"a\": 1}");
        assert!(!plain.changed());
    }

    #[test]
    fn closes_a_cut_string_when_asked() {
        let text = r#"{"a": {"t": {"_value": "hello wor"#;
        let cut =
            close_cut(text, 0, text.len(), |p| path_string(p) == "a.t._value");
        assert_eq!(path_string(&cut.path), "a.t._value");
        assert_eq!(cut.closed, r#"{"a": {"t": {"_value": "hello wor"}}}"#);
        assert!(cut.partial.is_some());
        let cut = close_cut(text, 0, text.len(), |_| false);
        assert_eq!(cut.closed, r#"{"a": {"t": {}}}"#);
        assert!(cut.partial.is_none());
    }

    #[test]
    fn closes_after_last_complete_member() {
        for (text, want) in [
            (r#"{"a": 1, "b": tr"#, r#"{"a": 1}"#),
            (r#"{"a": 1, "b":"#, r#"{"a": 1}"#),
            (r#"{"a": 1, "b""#, r#"{"a": 1}"#),
            (r#"{"a": [1, 2"#, r#"{"a": [1]}"#),
            (r#"{"a": "x\u20"#, r#"{}"#),
        ] {
            let cut = close_cut(text, 0, text.len(), |_| false);
            assert_eq!(cut.closed, want, "{text}");
            assert!(
                serde_json::from_str::<serde_json::Value>(&cut.closed).is_ok()
            );
        }
        let text = r#"{"a": "x\u20"#;
        let cut = close_cut(text, 0, text.len(), |_| true);
        assert_eq!(cut.closed, r#"{"a": "x"}"#);
        let text = r#"{"a": "x\"#;
        let cut = close_cut(text, 0, text.len(), |_| true);
        assert_eq!(cut.closed, r#"{"a": "x"}"#);
    }
}
