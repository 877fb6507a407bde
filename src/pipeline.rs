//! The path of every input: read → split into record-sized pieces →
//! decode → detect → parse → finish (House, figures, id), with one error
//! channel, fault containment and output in input order.
//!
//! # Stages
//!
//! The calling thread walks the inputs lazily ([`crate::input::walk`]),
//! opens each ([`crate::input::open_file`]) and cuts it into *units* of work:
//! a whole document (web pages, XML, letters: bounded by
//! [`Limits::max_document`]), or a batch of frames of a JSON stream (JSON
//! Lines lines, elements of `results`, `result.items` or a top-level
//! array: each bounded by [`Limits::max_record`]). Units run on a thread
//! pool; at most [`Limits::in_flight_bytes`] of input is in flight, so
//! memory is bounded by that budget whatever the size of a file or of the
//! corpus. Results come back to the calling thread, which hands them to
//! the consumer in input order, whatever the number of threads.
//!
//! # One error channel
//!
//! Every input gives records (each may carry warnings), notes (not errors:
//! "skipped 3 written statements") and at most one failure line, which
//! says what was expected and where. A streamed input whose frames fail
//! gives one line for the first failure, with the count of the others.
//!
//! # Containment
//!
//! Parsing and finishing run under [`std::panic::catch_unwind`], per
//! document or per frame: a bug that panics costs the one document or
//! record it happened in, which gets a diagnostic marked as a bug (with
//! the code location, never document content); every other record is
//! still written. A panic in the figure extractor costs only the record's
//! figures (the record gets a warning). Install [`quiet_panic_hook`]
//! first, so that a contained panic prints nothing of its own.

use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;
use std::io::{self, Read};
use std::panic::{self, AssertUnwindSafe};
use std::sync::mpsc;
use std::sync::{Arc, LazyLock};

use crate::error::{Error, ErrorKind, Position};
use crate::format::Format;
use crate::formats::{self, Tally};
use crate::input::json_frames::{Container, Frame, JsonFrames};
use crate::input::{self, InputSpec, Opened};
use crate::record::Record;
use crate::{figures, text, Input, Parsed};

/// The bounds on what one input may make wrans hold or read.
#[derive(Clone, Debug)]
pub struct Limits {
    /// Largest document read whole (web pages, XML, letters, any input
    /// that is not a JSON stream): 64 MiB.
    pub max_document: u64,
    /// Largest single record of a JSON stream (one JSON Lines line, one
    /// element of `results`): 64 MiB.
    pub max_record: usize,
    /// A gzip input may expand to at most this many times its compressed
    /// size (beyond [`Limits::gzip_allowance`]): 200.
    pub max_gzip_ratio: u64,
    /// What any gzip input may expand to whatever its ratio: 64 MiB.
    pub gzip_allowance: u64,
    /// How much input may be in flight between the reader and the
    /// writer: 8 MiB per thread (plus one unit), and at most 2 units per thread (plus 2).
    pub in_flight_bytes: usize,
    /// Frames of a JSON stream are handed to the threads in batches of
    /// about this many bytes: 1 MiB.
    pub batch_bytes: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_document: 64 * 1024 * 1024,
            max_record: 64 * 1024 * 1024,
            max_gzip_ratio: 200,
            gzip_allowance: 64 * 1024 * 1024,
            in_flight_bytes: 8 * 1024 * 1024,
            batch_bytes: 1024 * 1024,
        }
    }
}

/// How a run parses its inputs.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// Parse every input as this format instead of detecting it.
    pub format: Option<Format>,
    /// A record with warnings is not written: each warning becomes a
    /// failure line.
    pub strict: bool,
    /// The bounds.
    pub limits: Limits,
}

/// What a run hands its consumer, in input order.
#[derive(Debug)]
pub enum Event<T> {
    /// One record, rendered by the run's render function.
    Record(T),
    /// A line for stderr (already one line: control characters escaped).
    Message(Message),
    /// Progress after a unit of work.
    Progress(Progress),
}

/// A line for stderr.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message {
    /// What kind of line it is.
    pub severity: Severity,
    /// The line, with no newline or other control character.
    pub text: String,
}

/// What a [`Message`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Severity {
    /// Not an error (the exit status is unaffected): a skipped statement
    /// file, a special file met in a directory walk.
    Note,
    /// An input (or part of one) could not be parsed: exit status 1.
    Failure,
    /// A bug in wrans was contained: exit status 1.
    Bug,
}

/// Counts so far, for a progress bar.
#[derive(Clone, Copy, Debug, Default)]
pub struct Progress {
    /// Inputs finished.
    pub inputs: u64,
    /// Records given.
    pub records: u64,
    /// Bytes read (compressed size for gzip inputs).
    pub bytes: u64,
}

/// What a run did.
#[derive(Clone, Copy, Debug, Default)]
pub struct Summary {
    /// Inputs seen.
    pub inputs: u64,
    /// Inputs with a failure (or a contained bug).
    pub failed: u64,
    /// Records given.
    pub records: u64,
    /// Bytes read.
    pub bytes: u64,
}

impl Summary {
    /// Whether every input parsed.
    pub fn ok(&self) -> bool {
        self.failed == 0
    }
}

/// Installs a panic hook that stays quiet about panics the pipeline
/// contains (they become diagnostics that name the input and the code
/// location, without the panic's message, which may quote the document);
/// any other panic is reported by the previous hook as usual.
pub fn quiet_panic_hook() {
    let previous = panic::take_hook();
    panic::set_hook(Box::new(move |info| {
        if CONTAINED.with(Cell::get) {
            let at = info.location().map_or_else(
                || "an unknown place".to_string(),
                |l| format!("{}:{}:{}", l.file(), l.line(), l.column()),
            );
            LAST_PANIC.with(|p| *p.borrow_mut() = Some(at));
        } else {
            previous(info);
        }
    }));
}

thread_local! {
    static CONTAINED: Cell<bool> = const { Cell::new(false) };
    static LAST_PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Runs `f`, turning a panic into `Err(location)`.
fn contain<R>(f: impl FnOnce() -> R) -> Result<R, String> {
    let outer = CONTAINED.with(|c| c.replace(true));
    let r = panic::catch_unwind(AssertUnwindSafe(f));
    CONTAINED.with(|c| c.set(outer));
    r.map_err(|_| {
        LAST_PANIC
            .with(|p| p.borrow_mut().take())
            .unwrap_or_else(|| "an unknown place".to_string())
    })
}

/// A test-only trigger: when `WRANS_TEST_PANIC` is set, a document or
/// record whose text contains its value makes the parser panic, so that
/// tests can show containment through the real binary.
static TEST_PANIC: LazyLock<Option<String>> = LazyLock::new(|| {
    std::env::var("WRANS_TEST_PANIC").ok().filter(|s| !s.is_empty())
});

fn test_trigger(text: &str) {
    if let Some(marker) = TEST_PANIC.as_deref() {
        if text.contains(marker) {
            panic!("WRANS_TEST_PANIC trigger");
        }
    }
}

/// Parses one input's bytes as a whole document: decodes them, detects
/// the format (unless `format` is given), parses and finishes every
/// record. A failure, whole or partial, is in [`Parsed::failure`]. Panics
/// are not contained here (see [`run`]).
pub fn parse_document(
    path: &str,
    bytes: &[u8],
    format: Option<Format>,
) -> Parsed {
    let decoded = match input::decode(bytes) {
        Ok(d) => d,
        Err(e) => {
            let e = e.with_path(path);
            let e = match format {
                Some(f) => e.with_format(f),
                None => e,
            };
            return Parsed { failure: Some(e), ..Parsed::default() };
        }
    };
    parse_text(path, &decoded.text, format, &decoded.warnings)
}

/// Parses one input's decoded text, as [`parse_document`] does after
/// decoding; `warnings` are added to every record.
pub fn parse_text(
    path: &str,
    text: &str,
    format: Option<Format>,
    warnings: &[String],
) -> Parsed {
    let Some(format) = format.or_else(|| Format::detect(path, text)) else {
        return Parsed {
            failure: Some(
                Error::new(ErrorKind::Unrecognised)
                    .with_path(path)
                    .at_offset(text, 0),
            ),
            ..Parsed::default()
        };
    };
    test_trigger(text);
    let mut parsed = format.parse(&Input { path, text });
    parsed.format = Some(format);
    if let Some(e) = parsed.failure.take() {
        parsed.failure = Some(e.with_format(format).with_path(path));
    }
    for record in &mut parsed.records {
        record.warnings.splice(0..0, warnings.iter().cloned());
        finish(record);
    }
    parsed
}

/// Finishes a record the same way whatever its format: decodes character
/// references left in its text fields, infers the House from the
/// question's form or UIN when the source did not give it, extracts the
/// figures (a panic there costs only the figures, and leaves a warning)
/// and sets the id.
pub fn finish(record: &mut Record) {
    text::decode_record_entities(record);
    if record.house.is_none() {
        record.house = text::infer_house(
            record.question.as_ref().and_then(|q| q.text.as_deref()),
            record.uin.as_deref(),
        );
    }
    if record.figures.is_empty() {
        let field = if let Some(t) =
            record.answer.as_ref().and_then(|a| a.text.as_deref())
        {
            Some((t, "answer.text"))
        } else {
            record
                .letter
                .as_ref()
                .and_then(|l| l.body.as_deref())
                .map(|t| (t, "letter.body"))
        };
        if let Some((t, name)) = field {
            match contain(|| figures::extract(t, name)) {
                Ok(f) => record.figures = f,
                Err(at) => record.warn(format!(
                    "the figures of {name} could not be extracted: a bug in \
                     wrans (panic at {at}); please report it"
                )),
            }
        }
    }
    record.id = text::record_id(record);
}

/// A piece of work for the threads.
enum Work {
    /// A whole document's bytes.
    Document(Vec<u8>),
    /// A batch of frames of a JSON stream.
    Frames(Format, Vec<Frame>),
    /// Nothing to parse: the input's outcome is already known (a walk
    /// problem, a read error, the end of a stream).
    Nothing,
}

/// One unit of work and where it belongs.
struct Unit {
    seq: u64,
    input: Arc<InputState>,
    work: Work,
    /// The last unit of its input.
    last: bool,
    /// Bytes of input it stands for (for progress and the budget).
    bytes: usize,
    /// A failure found while reading (after the unit's frames).
    read_failure: Option<Error>,
    /// A note found while reading.
    note: Option<String>,
}

/// What the reader knows of an input.
struct InputState {
    shown: String,
    /// The format of a JSON stream (set for streamed inputs).
    stream_format: Option<Format>,
}

/// What a unit gave, back from the threads.
struct Done<T> {
    seq: u64,
    input: Arc<InputState>,
    last: bool,
    bytes: usize,
    items: Vec<T>,
    records: u64,
    /// Messages in order (bugs, strict-mode warnings, a document's
    /// notes).
    messages: Vec<Message>,
    /// Document mode: the failure, final.
    failure: Option<Error>,
    /// Stream mode: the first frame failure and how many frames failed.
    frame_failure: Option<Error>,
    frame_failures: u64,
    tally: Tally,
    failed: bool,
}

/// The consumer's side of a streamed input, summed over its units.
#[derive(Default)]
struct Pending {
    records: u64,
    tally: Tally,
    first_failure: Option<Error>,
    failures: u64,
    failed: bool,
}

/// Parses every input of `inputs` and hands the consumer each record
/// (rendered by `render`, on the worker threads) and each line for stderr,
/// in input order. Stops early, returning the consumer's error, when the
/// consumer fails (a closed pipe).
pub fn run<T, R, C>(
    inputs: impl Iterator<Item = InputSpec>,
    options: &Options,
    pool: &rayon::ThreadPool,
    render: R,
    mut consume: C,
) -> io::Result<Summary>
where
    T: Send + 'static,
    R: Fn(&Record) -> T + Send + Sync + 'static,
    C: FnMut(Event<T>) -> io::Result<()>,
{
    let render = Arc::new(render);
    let threads = pool.current_num_threads().max(1);
    let budget = options.limits.in_flight_bytes.saturating_mul(threads);
    let (tx, rx) = mpsc::channel::<Done<T>>();
    let mut ordered = Ordered::new();
    let mut summary = Summary::default();
    let mut in_flight_bytes = 0usize;
    let mut in_flight = 0usize;
    let mut seq = 0u64;

    let submit =
        |unit: Unit, in_flight: &mut usize, in_flight_bytes: &mut usize| {
            *in_flight += 1;
            *in_flight_bytes += unit.bytes;
            let tx = tx.clone();
            let render = Arc::clone(&render);
            if threads == 1 {
                // One thread: the work runs here, between reads, so that
                // `-j 1` uses one core.
                let _ = tx.send(process(unit, options, &*render));
                return;
            }
            let options = options.clone();
            pool.spawn(move || {
                let done = process(unit, &options, &*render);
                let _ = tx.send(done);
            });
        };

    for spec in inputs {
        summary.inputs += 1;
        let mut reader = Reader::open(spec, options);
        loop {
            let unit = reader.next_unit(seq);
            seq += 1;
            let last = unit.last;
            submit(unit, &mut in_flight, &mut in_flight_bytes);
            // Keep within the budget: write what is ready meanwhile.
            while in_flight > 0
                && (in_flight_bytes > budget || in_flight > 2 * threads + 2)
            {
                let Ok(done) = rx.recv() else { break };
                in_flight -= 1;
                in_flight_bytes = in_flight_bytes.saturating_sub(done.bytes);
                ordered.push(done, &mut summary, &mut consume)?;
            }
            if last {
                break;
            }
        }
        while let Ok(done) = rx.try_recv() {
            in_flight -= 1;
            in_flight_bytes = in_flight_bytes.saturating_sub(done.bytes);
            ordered.push(done, &mut summary, &mut consume)?;
        }
    }
    while in_flight > 0 {
        let Ok(done) = rx.recv() else { break };
        in_flight -= 1;
        ordered.push(done, &mut summary, &mut consume)?;
    }
    Ok(summary)
}

/// Reads one input and cuts it into units.
struct Reader {
    state: Arc<InputState>,
    mode: Mode,
    batch_bytes: usize,
}

enum Mode {
    /// One unit left, then done.
    Once(Option<Work>, Option<Error>, Option<String>, usize),
    /// A JSON stream.
    Stream(Format, Box<JsonFrames<Box<dyn Read + Send>>>, Arc<input::Counter>),
    Done,
}

impl Reader {
    fn open(spec: InputSpec, options: &Options) -> Reader {
        let limits = &options.limits;
        let (shown, opened) = match spec {
            InputSpec::Skipped { shown, why } => {
                return Reader::once(
                    shown.clone(),
                    Work::Nothing,
                    None,
                    Some(format!("{shown}: skipped: {why}")),
                    0,
                )
            }
            InputSpec::Bad { shown, error } => {
                let e = error.with_path(&shown);
                return Reader::once(shown, Work::Nothing, Some(e), None, 0);
            }
            InputSpec::Stdin => ("-".to_string(), input::open_stdin(limits)),
            InputSpec::Bytes { shown, bytes } => {
                (shown, input::open_bytes(bytes, limits))
            }
            InputSpec::File { path, shown } => {
                let o = input::open_file(&path, limits);
                (shown, o)
            }
        };
        let opened = match opened {
            Ok(o) => o,
            Err(e) => {
                let e = e.with_path(&shown);
                return Reader::once(shown, Work::Nothing, Some(e), None, 0);
            }
        };
        let Opened { head, rest, counter } = opened;
        let json = input::is_json_head(&head);
        let format = match options.format {
            Some(f) => Some(f),
            None if json => {
                let text = String::from_utf8_lossy(&head);
                let text = text.trim_start_matches('\u{feff}');
                Format::detect(&shown, text)
            }
            None => None,
        };
        match format {
            Some(f) if json && formats::streams_json(f) => {
                let lines = input::looks_like_json_lines(&shown, &head);
                let skip_bom = head.starts_with(b"\xef\xbb\xbf");
                let head = if skip_bom { head[3..].to_vec() } else { head };
                let reader: Box<dyn Read + Send> =
                    Box::new(io::Cursor::new(head).chain(rest));
                let frames = JsonFrames::new(reader, limits.max_record, lines);
                Reader {
                    state: Arc::new(InputState {
                        shown,
                        stream_format: Some(f),
                    }),
                    mode: Mode::Stream(f, Box::new(frames), counter),
                    batch_bytes: limits.batch_bytes,
                }
            }
            _ => {
                let mut bytes = head;
                let max = limits.max_document;
                let read = rest
                    .take(
                        max.saturating_add(1)
                            .saturating_sub(bytes.len() as u64),
                    )
                    .read_to_end(&mut bytes);
                let size = counter.get() as usize;
                match read {
                    Err(e) => {
                        let e = input::read_error(e).with_path(&shown);
                        Reader::once(shown, Work::Nothing, Some(e), None, size)
                    }
                    Ok(_) if bytes.len() as u64 > max => {
                        let e = Error::new(ErrorKind::TooLarge(format!(
                            "a document larger than the limit of {max} bytes \
                             (--max-document MIB; only JSON streams are read \
                             record by record)"
                        )))
                        .with_path(&shown);
                        Reader::once(shown, Work::Nothing, Some(e), None, size)
                    }
                    Ok(_) => Reader::once(
                        shown,
                        Work::Document(bytes),
                        None,
                        None,
                        size,
                    ),
                }
            }
        }
    }

    fn once(
        shown: String,
        work: Work,
        failure: Option<Error>,
        note: Option<String>,
        bytes: usize,
    ) -> Reader {
        Reader {
            state: Arc::new(InputState { shown, stream_format: None }),
            mode: Mode::Once(Some(work), failure, note, bytes),
            batch_bytes: 0,
        }
    }

    /// The next unit of this input (the last one has `last` set).
    fn next_unit(&mut self, seq: u64) -> Unit {
        let state = Arc::clone(&self.state);
        let unit = |work, last, bytes, read_failure, note| Unit {
            seq,
            input: Arc::clone(&state),
            work,
            last,
            bytes,
            read_failure,
            note,
        };
        match &mut self.mode {
            Mode::Once(work, failure, note, bytes) => {
                let u = unit(
                    work.take().unwrap_or(Work::Nothing),
                    true,
                    *bytes,
                    failure.take(),
                    note.take(),
                );
                self.mode = Mode::Done;
                u
            }
            Mode::Stream(format, frames, counter) => {
                let format = *format;
                let mut batch = Vec::new();
                let mut size = 0;
                let before = counter.get();
                let mut failure = None;
                let mut end = false;
                while size < self.batch_bytes {
                    match frames.next_frame() {
                        Ok(Some(f)) => {
                            size += f.bytes.len();
                            batch.push(f);
                        }
                        Ok(None) => {
                            end = true;
                            break;
                        }
                        Err(e) => {
                            let kind = match e.io {
                                Some(io) => input::read_error(io).into_kind(),
                                None if e.too_large => {
                                    ErrorKind::TooLarge(e.message)
                                }
                                None => ErrorKind::Json(e.message),
                            };
                            failure = Some(
                                Error::new(kind)
                                    .at(e.position)
                                    .with_format(format),
                            );
                            end = true;
                            break;
                        }
                    }
                }
                let read = (counter.get() - before) as usize;
                let u = unit(
                    Work::Frames(format, batch),
                    end,
                    read.max(size),
                    failure,
                    None,
                );
                if end {
                    self.mode = Mode::Done;
                }
                u
            }
            Mode::Done => unit(Work::Nothing, true, 0, None, None),
        }
    }
}

/// Runs one unit on a worker thread.
fn process<T>(
    unit: Unit,
    options: &Options,
    render: &(dyn Fn(&Record) -> T + Sync),
) -> Done<T> {
    let shown = unit.input.shown.as_str();
    let mut done = Done {
        seq: unit.seq,
        input: Arc::clone(&unit.input),
        last: unit.last,
        bytes: unit.bytes,
        items: Vec::new(),
        records: 0,
        messages: Vec::new(),
        failure: None,
        frame_failure: None,
        frame_failures: 0,
        tally: Tally::default(),
        failed: false,
    };
    if let Some(n) = unit.note {
        done.messages.push(message(Severity::Note, &n));
    }
    match unit.work {
        Work::Nothing => {}
        Work::Document(bytes) => {
            match contain(|| parse_document(shown, &bytes, options.format)) {
                Ok(parsed) => {
                    for r in &parsed.records {
                        emit(&mut done, r, options, render);
                    }
                    for n in &parsed.notes {
                        done.messages.push(message(Severity::Note, n));
                    }
                    done.failure = parsed.failure;
                }
                Err(at) => {
                    done.failed = true;
                    done.messages.push(message(
                        Severity::Bug,
                        &format!(
                            "{shown}: a bug in wrans (panic at {at}) while \
                             parsing this input: its records are missing; \
                             please report it"
                        ),
                    ));
                }
            }
        }
        Work::Frames(format, frames) => {
            for frame in frames {
                frame_unit(&mut done, shown, format, frame, options, render);
            }
        }
    }
    // A failure met while reading counts as the stream's next frame
    // failure, or is the document's failure.
    match (unit.read_failure, done.input.stream_format) {
        (Some(e), Some(_)) => {
            done.frame_failures += 1;
            done.frame_failure.get_or_insert(e);
        }
        (Some(e), None) => done.failure = Some(e),
        (None, _) => {}
    }
    done
}

/// Parses and finishes one frame of a JSON stream, contained.
fn frame_unit<T>(
    done: &mut Done<T>,
    shown: &str,
    format: Format,
    frame: Frame,
    options: &Options,
    render: &(dyn Fn(&Record) -> T + Sync),
) {
    let label = frame.container.label();
    let in_items = matches!(frame.container, Container::ResultItems(_));
    let (text, lossy) = match String::from_utf8(frame.bytes) {
        Ok(s) => (s, None),
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let s = String::from_utf8_lossy(e.as_bytes()).into_owned();
            (s, Some(at))
        }
    };
    let start = frame.start;
    let index = frame.index;
    let result = contain(|| {
        test_trigger(&text);
        let input = Input { path: shown, text: &text };
        let label = label.as_deref().unwrap_or("");
        let mut parsed = formats::parse_frame(format, &input, label, in_items);
        for (k, r) in parsed.records.iter_mut().enumerate() {
            r.source.index = (index as usize).saturating_add(k);
            if let Some(at) = lossy {
                r.warnings.insert(
                    0,
                    format!(
                        "input is not valid UTF-8 (first bad byte at offset \
                         {}): decoded lossily, bad bytes replaced by U+FFFD",
                        start.byte + at as u64
                    ),
                );
            }
            finish(r);
        }
        parsed
    });
    match result {
        Ok(parsed) => {
            for r in &parsed.records {
                emit(done, r, options, render);
            }
            done.tally.add(parsed.tally);
            if let Some(e) = parsed.failure {
                done.frame_failures += 1;
                if done.frame_failure.is_none() {
                    let e = shift(e, start);
                    let e = match &label {
                        Some(l) if !e.to_string().contains(l.as_str()) => {
                            e.in_record(l)
                        }
                        _ => e,
                    };
                    done.frame_failure = Some(e.with_format(format));
                }
            }
        }
        Err(at) => {
            done.failed = true;
            let place =
                label.unwrap_or_else(|| format!("line {}", start.line));
            done.messages.push(message(
                Severity::Bug,
                &format!(
                    "{shown}:{}:{}: {format}: a bug in wrans (panic at {at}) \
                     while parsing the record at {place}: that record is \
                     missing, the others are not; please report it",
                    start.line, start.column
                ),
            ));
        }
    }
}

/// Renders one finished record, or in strict mode turns its warnings into
/// failure lines.
fn emit<T>(
    done: &mut Done<T>,
    record: &Record,
    options: &Options,
    render: &(dyn Fn(&Record) -> T + Sync),
) {
    if options.strict && !record.warnings.is_empty() {
        done.failed = true;
        for w in &record.warnings {
            done.messages.push(message(
                Severity::Failure,
                &format!(
                    "{}: record {} ({}): {w}",
                    record.source.path, record.source.index, record.id
                ),
            ));
        }
        return;
    }
    match contain(|| render(record)) {
        Ok(item) => {
            done.items.push(item);
            done.records += 1;
        }
        Err(at) => {
            done.failed = true;
            done.messages.push(message(
                Severity::Bug,
                &format!(
                    "{}: record {}: a bug in wrans (panic at {at}) while \
                     writing it; please report it",
                    record.source.path, record.source.index
                ),
            ));
        }
    }
}

/// A frame error's position moved from the frame's text into the input.
fn shift(e: Error, start: Position) -> Error {
    match e.position() {
        Some(p) => {
            let column = if p.line <= 1 {
                start.column + p.column.saturating_sub(1)
            } else {
                p.column
            };
            e.at(Position {
                line: start.line + p.line.saturating_sub(1),
                column,
                byte: start.byte + p.byte,
            })
        }
        None => e.at(start),
    }
}

fn message(severity: Severity, text: &str) -> Message {
    Message { severity, text: one_line(text) }
}

/// `s` on one line: newlines, tabs and other control characters escaped
/// (`\n`, `\t`, `\u{1b}`), so that each diagnostic is one line of stderr.
pub fn one_line(s: &str) -> String {
    if !s.chars().any(char::is_control) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                out.push_str(&format!("\\u{{{:x}}}", u32::from(c)))
            }
            c => out.push(c),
        }
    }
    out
}

/// The reorder buffer: hands results to the consumer in sequence order,
/// and sums each streamed input's frames into one outcome.
struct Ordered<T> {
    next: u64,
    finished: u64,
    waiting: BTreeMap<u64, Done<T>>,
    pending: Pending,
}

impl<T> Ordered<T> {
    fn new() -> Ordered<T> {
        Ordered {
            next: 0,
            finished: 0,
            waiting: BTreeMap::new(),
            pending: Pending::default(),
        }
    }

    fn push<C>(
        &mut self,
        done: Done<T>,
        summary: &mut Summary,
        consume: &mut C,
    ) -> io::Result<()>
    where
        C: FnMut(Event<T>) -> io::Result<()>,
    {
        self.waiting.insert(done.seq, done);
        while let Some(done) = self.waiting.remove(&self.next) {
            self.next += 1;
            self.deliver(done, summary, consume)?;
        }
        Ok(())
    }

    fn deliver<C>(
        &mut self,
        done: Done<T>,
        summary: &mut Summary,
        consume: &mut C,
    ) -> io::Result<()>
    where
        C: FnMut(Event<T>) -> io::Result<()>,
    {
        summary.records += done.records;
        summary.bytes += done.bytes as u64;
        for item in done.items {
            consume(Event::Record(item))?;
        }
        for m in done.messages {
            consume(Event::Message(m))?;
        }
        let p = &mut self.pending;
        p.records += done.records;
        p.failed |= done.failed;
        p.tally.add(done.tally);
        p.failures += done.frame_failures;
        if p.first_failure.is_none() {
            p.first_failure = done.frame_failure;
        }
        let mut failure = done.failure;
        if done.last {
            let p = std::mem::take(&mut self.pending);
            let shown = done.input.shown.as_str();
            if let Some(format) = done.input.stream_format {
                let first = p.first_failure.map(|e| {
                    let more = match p.failures {
                        0 | 1 => String::new(),
                        n => format!(" ({n} records could not be read)"),
                    };
                    e.with_suffix(&more)
                });
                let (notes, f) = formats::conclude(
                    format,
                    shown,
                    &p.tally,
                    p.records as usize,
                    first,
                );
                for n in notes {
                    consume(Event::Message(message(Severity::Note, &n)))?;
                }
                failure = f.map(|e| e.with_format(format));
            }
            let failed = p.failed || failure.is_some();
            if let Some(e) = failure {
                let e = e.with_path(shown);
                consume(Event::Message(message(
                    Severity::Failure,
                    &e.to_string(),
                )))?;
            }
            if failed {
                summary.failed += 1;
            }
            self.finished += 1;
            consume(Event::Progress(Progress {
                inputs: self.finished,
                records: summary.records,
                bytes: summary.bytes,
            }))?;
        }
        Ok(())
    }
}
