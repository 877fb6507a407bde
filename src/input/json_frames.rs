//! Splitting a JSON stream into record-sized frames, read from a reader a
//! buffer at a time, so that a file of any size is held in memory one
//! record at a time.
//!
//! The stream is a sequence of JSON values (one for a JSON document, one a
//! line for JSON Lines). Each value is split where its records are:
//!
//! - a top-level array: each element is a frame (`[3]`);
//! - an object with a `results` array (Written Questions API lists): each
//!   element is a frame (`results[3]`); the other members (`totalResults`,
//!   `links`) are read and dropped;
//! - an object with a `result` object holding an `items` array (Linked
//!   Data API pages): each item is a frame (`result.items[3]`);
//! - any other object (a JSON Lines record, a single `{value, links}`
//!   response, an API error document) is one frame.
//!
//! The splitter only finds boundaries (strings, escapes, nesting); each
//! frame is parsed by serde_json in its format's module. A frame cut by
//! the end of the input is handed on as it is, marked [`Frame::cut`], so
//! that what it holds can be salvaged; every other failure (a frame larger
//! than the limit, bytes that cannot start or continue a value) ends the
//! stream with a [`FrameError`] that says where.

use std::io::{self, Read};

use crate::error::Position;

/// One record-sized piece of a JSON stream.
#[derive(Debug)]
pub struct Frame {
    /// The value's bytes, as in the input.
    pub bytes: Vec<u8>,
    /// Where the value starts in the input (line and column 1-based,
    /// column in characters; byte 0-based).
    pub start: Position,
    /// The frame's 0-based position among the input's frames.
    pub index: u64,
    /// Where the frame sits: `results[3]`, `result.items[3]`, `[3]`, or
    /// empty for a whole top-level value.
    pub container: Container,
    /// Whether the input ended inside the value.
    pub cut: bool,
}

/// The array a frame is an element of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Container {
    /// A whole top-level value (a JSON Lines line, a single object).
    Value,
    /// An element of a top-level array.
    Array(u64),
    /// An element of a top-level object's `results` array.
    Results(u64),
    /// An element of `result.items`.
    ResultItems(u64),
}

impl Container {
    /// The frame's place as a JSON path (`results[3]`), or `None` for a
    /// whole value.
    pub fn label(self) -> Option<String> {
        match self {
            Container::Value => None,
            Container::Array(i) => Some(format!("[{i}]")),
            Container::Results(i) => Some(format!("results[{i}]")),
            Container::ResultItems(i) => Some(format!("result.items[{i}]")),
        }
    }
}

/// Why a JSON stream could not be split further.
#[derive(Debug)]
pub struct FrameError {
    /// Where it happened.
    pub position: Position,
    /// What was expected and found.
    pub message: String,
    /// The frame was larger than the limit (the rest of the input was not
    /// read).
    pub too_large: bool,
    /// The input could not be read.
    pub io: Option<io::Error>,
}

const BUFFER: usize = 256 * 1024;

/// A JSON stream split into frames. See the module documentation.
pub struct JsonFrames<R> {
    reader: R,
    buf: Box<[u8]>,
    pos: usize,
    len: usize,
    eof: bool,
    /// Position of `buf[pos]` in the input.
    line: u64,
    column: u64,
    byte: u64,
    max_frame: usize,
    frames: u64,
    /// The arrays being walked, outermost first.
    state: State,
    done: bool,
    /// JSON Lines: a raw newline ends the value being read (a line cut
    /// short is a cut frame, and the next line is read on).
    lines: bool,
}

/// Where the splitter is between frames.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    /// Between top-level values.
    TopLevel,
    /// Inside a record array; after the array, `then` says what closes.
    InArray { kind: ArrayKind, next: u64, first: bool },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ArrayKind {
    /// A top-level array: `]` ends the value.
    TopLevel,
    /// `results`: after `]`, the rest of the top-level object is skipped.
    Results,
    /// `result.items`: after `]`, the rest of `result` and of the
    /// top-level object are skipped.
    ResultItems,
}

/// How reading one value ended.
enum ValueEnd {
    Complete,
    Eof,
}

impl<R: Read> JsonFrames<R> {
    /// Splits the JSON read from `reader`; a frame larger than `max_frame`
    /// bytes ends the stream with an error. With `lines` (JSON Lines), a
    /// raw newline inside a value ends it as a cut frame and the stream
    /// goes on with the next line.
    pub fn new(reader: R, max_frame: usize, lines: bool) -> JsonFrames<R> {
        JsonFrames {
            reader,
            buf: vec![0; BUFFER].into_boxed_slice(),
            pos: 0,
            len: 0,
            eof: false,
            line: 1,
            column: 1,
            byte: 0,
            max_frame,
            frames: 0,
            state: State::TopLevel,
            done: false,
            lines,
        }
    }

    /// The position of the next unread byte.
    pub fn position(&self) -> Position {
        Position { line: self.line, column: self.column, byte: self.byte }
    }

    /// The next frame, `Ok(None)` at the end of the input.
    pub fn next_frame(&mut self) -> Result<Option<Frame>, FrameError> {
        if self.done {
            return Ok(None);
        }
        if self.lines {
            let r = self.line();
            if !matches!(r, Ok(Some(_))) {
                self.done = true;
            }
            return r;
        }
        let r = self.step();
        if !matches!(r, Ok(Some(_))) {
            self.done = true;
        }
        if let Ok(Some(f)) = &r {
            if f.cut {
                self.done = true;
            }
        }
        r
    }

    /// JSON Lines: the next non-blank line is the frame, found with
    /// memchr; whether it holds one whole value is for the parser to say
    /// (a line cut short is salvaged there, and the next line read on).
    fn line(&mut self) -> Result<Option<Frame>, FrameError> {
        loop {
            let start = self.position();
            let mut bytes = Vec::new();
            let mut ended = false;
            loop {
                if self.pos == self.len && !self.refill()? {
                    break;
                }
                let chunk = &self.buf[self.pos..self.len];
                let (take, found) = match memchr::memchr(b'\n', chunk) {
                    Some(k) => (k, true),
                    None => (chunk.len(), false),
                };
                if bytes.len() + take > self.max_frame {
                    return Err(FrameError {
                        position: start,
                        message: format!(
                            "a record larger than the limit of {} bytes \
                             (--max-record MIB)",
                            self.max_frame
                        ),
                        too_large: true,
                        io: None,
                    });
                }
                bytes.extend_from_slice(&chunk[..take]);
                self.pos += take;
                self.byte += take as u64;
                if found {
                    self.pos += 1;
                    self.byte += 1;
                    self.line += 1;
                    self.column = 1;
                    ended = true;
                    break;
                }
            }
            let lead =
                bytes.iter().take_while(|c| c.is_ascii_whitespace()).count();
            let trail = bytes[lead..]
                .iter()
                .rev()
                .take_while(|c| c.is_ascii_whitespace())
                .count();
            if lead + trail >= bytes.len() {
                if ended {
                    continue;
                }
                return Ok(None);
            }
            bytes.truncate(bytes.len() - trail);
            bytes.drain(..lead);
            let index = self.frames;
            self.frames += 1;
            return Ok(Some(Frame {
                bytes,
                start: Position {
                    line: start.line,
                    column: start.column + lead as u64,
                    byte: start.byte + lead as u64,
                },
                index,
                container: Container::Value,
                cut: false,
            }));
        }
    }

    fn step(&mut self) -> Result<Option<Frame>, FrameError> {
        loop {
            match self.state {
                State::TopLevel => {
                    let Some(b) = self.skip_ws()? else {
                        return Ok(None);
                    };
                    match b {
                        b'[' => {
                            self.enter_array(ArrayKind::TopLevel);
                        }
                        b'{' => {
                            if let Some(frame) = self.object()? {
                                return Ok(Some(frame));
                            }
                        }
                        _ => {
                            return Err(self.error(format!(
                                "expected a JSON object `{{` or array `[`, \
                                 found {}",
                                self.found()
                            )))
                        }
                    }
                }
                State::InArray { kind, next, first } => {
                    let Some(b) = self.skip_ws()? else {
                        return Err(self.eof_error("`,` or `]`"));
                    };
                    if b == b']' {
                        self.advance(1);
                        self.state = State::TopLevel;
                        self.close_after_array(kind)?;
                        continue;
                    }
                    if !first {
                        if b != b',' {
                            return Err(self.error(format!(
                                "expected `,` or `]` after an element, found \
                                 {}",
                                self.found()
                            )));
                        }
                        self.advance(1);
                        if self.skip_ws()?.is_none() {
                            return Err(self.eof_error("an element"));
                        }
                    }
                    self.state =
                        State::InArray { kind, next: next + 1, first: false };
                    let container = match kind {
                        ArrayKind::TopLevel => Container::Array(next),
                        ArrayKind::Results => Container::Results(next),
                        ArrayKind::ResultItems => Container::ResultItems(next),
                    };
                    return self.frame(container).map(Some);
                }
            }
        }
    }

    /// Reads a top-level object. Returns it as a frame when it holds no
    /// record array; otherwise enters the array and returns `None`.
    fn object(&mut self) -> Result<Option<Frame>, FrameError> {
        let start = self.position();
        let mut held = Vec::new();
        self.take(1, &mut held);
        // Members of the top-level object, then (after `"result": {`) of
        // `result`.
        let mut depth = 1;
        loop {
            let Some(b) = self.skip_ws_into(&mut held)? else {
                return self.cut_whole(held, start);
            };
            if b == b'}' {
                self.take(1, &mut held);
                depth -= 1;
                if depth == 0 {
                    return self.whole(held, start).map(Some);
                }
                continue;
            }
            if b == b',' {
                self.take(1, &mut held);
                continue;
            }
            if b != b'"' {
                return Err(self.error(format!(
                    "expected a member name, found {}",
                    self.found()
                )));
            }
            let key_start = held.len();
            if let ValueEnd::Eof = self.value(&mut held)? {
                return self.cut_whole(held, start);
            }
            let key = held.get(key_start..).unwrap_or_default().to_vec();
            let Some(b) = self.skip_ws_into(&mut held)? else {
                return self.cut_whole(held, start);
            };
            if b != b':' {
                return Err(self.error(format!(
                    "expected `:` after a member name, found {}",
                    self.found()
                )));
            }
            self.take(1, &mut held);
            let Some(b) = self.skip_ws_into(&mut held)? else {
                return self.cut_whole(held, start);
            };
            match (depth, key.as_slice(), b) {
                (1, b"\"results\"", b'[') => {
                    self.enter_array(ArrayKind::Results);
                    return Ok(None);
                }
                (1, b"\"result\"", b'{') => {
                    self.take(1, &mut held);
                    depth = 2;
                }
                (2, b"\"items\"", b'[') => {
                    self.enter_array(ArrayKind::ResultItems);
                    return Ok(None);
                }
                _ => {
                    if let ValueEnd::Eof = self.value(&mut held)? {
                        return self.cut_whole(held, start);
                    }
                }
            }
        }
    }

    /// After a record array's `]`: reads the rest of the objects around
    /// it (their members are dropped).
    fn close_after_array(
        &mut self,
        kind: ArrayKind,
    ) -> Result<(), FrameError> {
        let levels = match kind {
            ArrayKind::TopLevel => 0,
            ArrayKind::Results => 1,
            ArrayKind::ResultItems => 2,
        };
        let mut sink = Vec::new();
        for _ in 0..levels {
            loop {
                sink.clear();
                let Some(b) = self.skip_ws()? else {
                    return Err(self.eof_error("`,` or `}`"));
                };
                match b {
                    b'}' => {
                        self.advance(1);
                        break;
                    }
                    b',' => self.advance(1),
                    b'"' => {
                        // A member: name, colon, value.
                        if let ValueEnd::Eof = self.value(&mut sink)? {
                            return Err(self.eof_error("`:`"));
                        }
                        if self.skip_ws()? != Some(b':') {
                            return Err(self.error(format!(
                                "expected `:` after a member name, found {}",
                                self.found()
                            )));
                        }
                        self.advance(1);
                        if self.skip_ws()?.is_none() {
                            return Err(self.eof_error("a value"));
                        }
                        sink.clear();
                        if let ValueEnd::Eof = self.value_dropped()? {
                            return Err(self.eof_error("`,` or `}`"));
                        }
                    }
                    _ => {
                        return Err(self.error(format!(
                            "expected `,` or `}}`, found {}",
                            self.found()
                        )))
                    }
                }
            }
        }
        Ok(())
    }

    fn whole(
        &mut self,
        bytes: Vec<u8>,
        start: Position,
    ) -> Result<Frame, FrameError> {
        let index = self.frames;
        self.frames += 1;
        Ok(Frame {
            bytes,
            start,
            index,
            container: Container::Value,
            cut: false,
        })
    }

    fn cut_whole(
        &mut self,
        bytes: Vec<u8>,
        start: Position,
    ) -> Result<Option<Frame>, FrameError> {
        let index = self.frames;
        self.frames += 1;
        Ok(Some(Frame {
            bytes,
            start,
            index,
            container: Container::Value,
            cut: true,
        }))
    }

    /// Reads the value at the current position as a frame.
    fn frame(&mut self, container: Container) -> Result<Frame, FrameError> {
        let start = self.position();
        let mut bytes = Vec::new();
        let end = self.value(&mut bytes)?;
        let index = self.frames;
        self.frames += 1;
        Ok(Frame {
            bytes,
            start,
            index,
            container,
            cut: matches!(end, ValueEnd::Eof),
        })
    }

    /// Reads one JSON value (object, array, string or scalar) into `out`,
    /// checking only its nesting, strings and escapes.
    fn value(&mut self, out: &mut Vec<u8>) -> Result<ValueEnd, FrameError> {
        self.scan_value(Some(out))
    }

    /// Reads one JSON value and drops it.
    fn value_dropped(&mut self) -> Result<ValueEnd, FrameError> {
        self.scan_value(None)
    }

    fn scan_value(
        &mut self,
        mut out: Option<&mut Vec<u8>>,
    ) -> Result<ValueEnd, FrameError> {
        let mut depth: u32 = 0;
        let mut in_string = false;
        let mut escape = false;
        let mut scalar = false;
        let mut started = false;
        let start_len = out.as_ref().map_or(0, |o| o.len());
        loop {
            if self.pos == self.len && !self.refill()? {
                return Ok(ValueEnd::Eof);
            }
            let chunk = &self.buf[self.pos..self.len];
            let mut i = 0;
            let mut finished = false;
            while i < chunk.len() {
                let c = chunk[i];
                if in_string {
                    if escape {
                        escape = false;
                        i += 1;
                        continue;
                    }
                    match memchr::memchr2(b'"', b'\\', &chunk[i..]) {
                        None => {
                            i = chunk.len();
                            continue;
                        }
                        Some(k) => {
                            i += k;
                            if chunk[i] == b'\\' {
                                escape = true;
                            } else {
                                in_string = false;
                                if depth == 0 {
                                    i += 1;
                                    finished = true;
                                    break;
                                }
                            }
                            i += 1;
                            continue;
                        }
                    }
                }
                if scalar {
                    if matches!(
                        c,
                        b',' | b']' | b'}' | b' ' | b'\n' | b'\r' | b'\t'
                    ) {
                        finished = true;
                        break;
                    }
                    i += 1;
                    continue;
                }
                match c {
                    b'"' => {
                        in_string = true;
                        started = true;
                    }
                    b'{' | b'[' => {
                        depth = depth.saturating_add(1);
                        started = true;
                    }
                    b'}' | b']' => {
                        if depth == 0 {
                            // A closer where a value should start.
                            finished = true;
                            break;
                        }
                        depth -= 1;
                        if depth == 0 {
                            i += 1;
                            finished = true;
                            break;
                        }
                    }
                    b' ' | b'\n' | b'\r' | b'\t' => {}
                    _ => {
                        if !started {
                            scalar = true;
                            started = true;
                        }
                    }
                }
                i += 1;
            }
            let taken = i;
            if let Some(o) = out.as_deref_mut() {
                if o.len() - start_len + taken > self.max_frame {
                    return Err(FrameError {
                        position: self.position(),
                        message: format!(
                            "a record larger than the limit of {} bytes \
                             (--max-record MIB)",
                            self.max_frame
                        ),
                        too_large: true,
                        io: None,
                    });
                }
                o.extend_from_slice(&self.buf[self.pos..self.pos + taken]);
            }
            self.advance(taken);
            if finished {
                if !started {
                    return Err(self.error(format!(
                        "expected a JSON value, found {}",
                        self.found()
                    )));
                }
                return Ok(ValueEnd::Complete);
            }
        }
    }

    /// Skips white space; the next byte, not consumed (`None` at the end).
    fn skip_ws(&mut self) -> Result<Option<u8>, FrameError> {
        loop {
            if self.pos == self.len && !self.refill()? {
                return Ok(None);
            }
            let c = self.buf[self.pos];
            if matches!(c, b' ' | b'\n' | b'\r' | b'\t') {
                self.advance(1);
            } else {
                return Ok(Some(c));
            }
        }
    }

    /// [`Self::skip_ws`], keeping the white space in `out`.
    fn skip_ws_into(
        &mut self,
        out: &mut Vec<u8>,
    ) -> Result<Option<u8>, FrameError> {
        loop {
            if self.pos == self.len && !self.refill()? {
                return Ok(None);
            }
            let c = self.buf[self.pos];
            if matches!(c, b' ' | b'\n' | b'\r' | b'\t') {
                self.take(1, out);
            } else {
                return Ok(Some(c));
            }
        }
    }

    /// Consumes `n` buffered bytes into `out`.
    fn take(&mut self, n: usize, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.buf[self.pos..self.pos + n]);
        self.advance(n);
    }

    /// Steps over the `[` that opens the array of frames of `kind`.
    fn enter_array(&mut self, kind: ArrayKind) {
        self.advance(1);
        self.state = State::InArray { kind, next: 0, first: true };
    }

    /// Consumes `n` buffered bytes, keeping the position up to date.
    fn advance(&mut self, n: usize) {
        let s = &self.buf[self.pos..self.pos + n];
        match memchr::memrchr(b'\n', s) {
            Some(last) => {
                self.line += memchr::memchr_iter(b'\n', s).count() as u64;
                self.column = 1 + chars(&s[last + 1..]);
            }
            None => self.column += chars(s),
        }
        self.byte += n as u64;
        self.pos += n;
    }

    /// Reads more input; `false` at the end.
    fn refill(&mut self) -> Result<bool, FrameError> {
        if self.eof {
            return Ok(false);
        }
        self.pos = 0;
        self.len = 0;
        loop {
            match self.reader.read(&mut self.buf) {
                Ok(0) => {
                    self.eof = true;
                    return Ok(false);
                }
                Ok(n) => {
                    self.len = n;
                    return Ok(true);
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => {
                    return Err(FrameError {
                        position: self.position(),
                        message: format!("cannot read: {e}"),
                        too_large: false,
                        io: Some(e),
                    })
                }
            }
        }
    }

    /// A short quotation of what is at the current position.
    fn found(&self) -> String {
        let rest = &self.buf[self.pos..self.len];
        if rest.is_empty() {
            return "end of input".to_string();
        }
        let s = String::from_utf8_lossy(&rest[..rest.len().min(120)]);
        let q: String = s.chars().take(20).collect();
        format!("{q:?}")
    }

    fn error(&self, message: String) -> FrameError {
        FrameError {
            position: self.position(),
            message,
            too_large: false,
            io: None,
        }
    }

    fn eof_error(&self, expected: &str) -> FrameError {
        self.error(format!(
            "unexpected end of input: expected {expected} ({} record{} read \
             before it)",
            self.frames,
            if self.frames == 1 { "" } else { "s" }
        ))
    }
}

/// The number of characters in UTF-8 bytes (bytes that do not continue
/// a character).
fn chars(s: &[u8]) -> u64 {
    s.iter().filter(|&&b| b & 0xC0 != 0x80).count() as u64
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A frame's text, place and whether it is cut.
    type Split = (String, Option<String>, bool);

    fn frames(text: &str) -> (Vec<Split>, Option<String>) {
        let mut f = JsonFrames::new(text.as_bytes(), 1 << 20, false);
        let mut out = Vec::new();
        loop {
            match f.next_frame() {
                Ok(Some(fr)) => out.push((
                    String::from_utf8(fr.bytes).unwrap(),
                    fr.container.label(),
                    fr.cut,
                )),
                Ok(None) => return (out, None),
                Err(e) => {
                    let p = e.position;
                    return (
                        out,
                        Some(format!(
                            "{}:{}: {}",
                            p.line, p.column, e.message
                        )),
                    );
                }
            }
        }
    }

    #[test]
    fn results_array_elements_are_frames() {
        let (f, e) = frames(
            r#"{"totalResults": 2, "results": [{"value": {"a": "]}"}}, {"value": 2}], "links": []}"#,
        );
        assert_eq!(e, None);
        assert_eq!(f.len(), 2);
        assert_eq!(f[0].0, r#"{"value": {"a": "]}"}}"#);
        assert_eq!(f[0].1.as_deref(), Some("results[0]"));
        assert_eq!(f[1].0, r#"{"value": 2}"#);
        assert_eq!(f[1].1.as_deref(), Some("results[1]"));
    }

    #[test]
    fn lda_items_are_frames() {
        let (f, e) = frames(
            r#"{"format": "linked-data-api", "result": {"_about": "x", "items": [{"a": 1}, {"b": "\"}"}], "page": 0}}"#,
        );
        assert_eq!(e, None);
        assert_eq!(f.len(), 2);
        assert_eq!(f[1].0, r#"{"b": "\"}"}"#);
        assert_eq!(f[1].1.as_deref(), Some("result.items[1]"));
    }

    #[test]
    fn json_lines_and_plain_objects_are_whole() {
        let (f, e) = frames("{\"a\": [1, 2]}\n{\"b\": {\"result\": 1}}\n\n");
        assert_eq!(e, None);
        assert_eq!(f.len(), 2);
        assert_eq!(f[0].0, "{\"a\": [1, 2]}");
        assert_eq!(f[1].1, None);
        let (f, _) = frames(r#"{"result": {"primaryTopic": {"x": 1}}}"#);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].0, r#"{"result": {"primaryTopic": {"x": 1}}}"#);
    }

    #[test]
    fn top_level_array_and_scalars() {
        let (f, e) = frames("[{\"a\":1}, 2, \"x\", null]");
        assert_eq!(e, None);
        let texts: Vec<&str> = f.iter().map(|x| x.0.as_str()).collect();
        assert_eq!(texts, ["{\"a\":1}", "2", "\"x\"", "null"]);
        assert_eq!(f[3].1.as_deref(), Some("[3]"));
    }

    #[test]
    fn a_cut_element_is_handed_on_marked() {
        let (f, e) = frames("{\"results\": [{\"a\": 1}, {\"b\": \"hal");
        assert_eq!(e, None);
        assert_eq!(f.len(), 2);
        assert_eq!(
            f[1],
            ("{\"b\": \"hal".to_string(), Some("results[1]".into()), true)
        );
        let (f, e) = frames("{\"a\": \"cut");
        assert_eq!(f.len(), 1);
        assert!(f[0].2);
        assert_eq!(e, None);
    }

    #[test]
    fn a_cut_between_elements_is_an_error_with_position() {
        let (f, e) = frames("{\"results\": [{\"a\": 1},\n  ");
        assert_eq!(f.len(), 1);
        assert_eq!(
            e.as_deref(),
            Some("2:3: unexpected end of input: expected an element (1 record read before it)")
        );
        let (_, e) = frames("[1 2]");
        assert!(e.unwrap().starts_with("1:4: expected `,` or `]`"));
        let (_, e) = frames("<xml/>");
        assert!(e.unwrap().starts_with("1:1: expected a JSON object"));
    }

    #[test]
    fn columns_count_characters() {
        let (f, _) = frames("[\"££\", {\"x\": 1}]");
        assert_eq!(f.len(), 2);
        let mut fr =
            JsonFrames::new("[\"££\", {\"x\": 1}]".as_bytes(), 1 << 20, false);
        fr.next_frame().unwrap();
        let second = fr.next_frame().unwrap().unwrap();
        assert_eq!(second.start, Position { line: 1, column: 8, byte: 9 });
    }

    #[test]
    fn json_lines_cut_short_go_on_with_the_next_line() {
        let text =
            "{\"a\": \"one\"}\n{\"b\": \"cut\n{\"c\": [1,\n{\"d\": 4}\n";
        let mut f = JsonFrames::new(text.as_bytes(), 1 << 20, true);
        let mut got = Vec::new();
        while let Ok(Some(fr)) = f.next_frame() {
            got.push((
                String::from_utf8(fr.bytes).unwrap(),
                fr.cut,
                fr.start.line,
            ));
        }
        assert_eq!(
            got,
            [
                ("{\"a\": \"one\"}".to_string(), false, 1),
                ("{\"b\": \"cut".to_string(), false, 2),
                ("{\"c\": [1,".to_string(), false, 3),
                ("{\"d\": 4}".to_string(), false, 4),
            ]
        );
    }

    #[test]
    fn a_frame_beyond_the_limit_is_an_error() {
        let big = format!("[{{\"a\": \"{}\"}}]", "x".repeat(5000));
        let mut f = JsonFrames::new(big.as_bytes(), 1000, false);
        let e = f.next_frame().unwrap_err();
        assert!(e.too_large);
        assert!(f.next_frame().unwrap().is_none());
    }

    #[test]
    fn never_panics_on_prefixes_and_junk() {
        let text = r#"{"results": [{"value": {"q": "a\"b\\", "n": [1, {"x": null}]}}, {"value": 2}], "t": 3}"#;
        for end in 0..=text.len() {
            let _ = frames(&text[..end]);
        }
        for junk in ["]]]", "}}", ",", "{\"a\" 1}", "[,]", "{\"results\": 3}"]
        {
            let _ = frames(junk);
        }
    }
}
