//! The `wrans` command line: parses arguments, runs the library's
//! pipeline over the inputs, writes JSON Lines (or CSV) and picks the exit
//! status: 0 = every input parsed, 1 = some inputs failed (the run went
//! on), 2 = usage error; the same for every subcommand. A closed pipe
//! (`wrans parse … | head`) ends the run quietly with 0.

mod cli;

use std::ffi::OsString;
use std::io::{self, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use clap::{Args, Parser, Subcommand};

use wrans::input::InputSpec;
use wrans::pipeline::{self, Event, Options, Severity};
use wrans::{Format, Record};

use cli::output::Output;
use cli::progress::Bar;

/// Read UK Parliament written questions and answers in every published
/// form and write one normalised JSON record per question.
#[derive(Parser)]
#[command(name = "wrans", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Parse inputs into records, as JSON Lines.
    Parse {
        #[command(flatten)]
        common: Common,
        #[command(flatten)]
        out: ParseOutput,
    },
    /// Write records, figures, members and sources into SQLite, or
    /// records and figures into Parquet files.
    Export(ExportArgs),
    /// One row per figure, with its record's id, heading, date and
    /// answerer.
    Figures {
        #[command(flatten)]
        common: Common,
        /// Write CSV instead of JSON Lines.
        #[arg(long)]
        csv: bool,
        /// Extract the figures of a plain-text file (`-` for standard
        /// input), not of parsed records.
        #[arg(long, value_name = "FILE", conflicts_with = "paths")]
        text: Option<PathBuf>,
    },
    /// Print the JSON Schema of the record.
    Schema,
    /// List the formats and how each is recognised.
    Formats,
}

#[derive(Args)]
struct Common {
    /// Files, directories (walked recursively, in sorted order) or `-` for
    /// standard input.
    #[arg(value_parser = clap::value_parser!(OsString))]
    paths: Vec<OsString>,
    /// Write to FILE (atomically: a temporary file renamed into place).
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    output: Option<PathBuf>,
    /// Parse every input as this format instead of detecting it.
    #[arg(long, value_name = "NAME")]
    format: Option<Format>,
    /// Pretty-print the JSON (one record spans several lines).
    #[arg(long)]
    pretty: bool,
    /// Number of threads (default: all cores).
    #[arg(short = 'j', long = "threads", value_name = "N")]
    threads: Option<usize>,
    /// Print no notes or progress on stderr (errors are still printed).
    #[arg(short, long)]
    quiet: bool,
    /// Treat a record's warnings as errors: such a record is not written,
    /// each warning is printed on stderr, and the exit status is 1.
    #[arg(long)]
    strict: bool,
    /// Largest single record of a JSON stream, in MiB (a larger one is a
    /// diagnostic, not an out-of-memory).
    #[arg(long, value_name = "MIB", default_value_t = 64)]
    max_record: usize,
    /// Largest document read whole (anything but a JSON stream), in MiB.
    #[arg(long, value_name = "MIB", default_value_t = 64)]
    max_document: u64,
}

impl Common {
    /// The pipeline's options from the command line.
    fn options(&self) -> Options {
        let mut options = Options {
            format: self.format,
            strict: self.strict,
            ..Options::default()
        };
        options.limits.max_record = self.max_record.saturating_mul(1 << 20);
        options.limits.max_document =
            self.max_document.saturating_mul(1 << 20);
        options
    }
}

fn main() -> ExitCode {
    pipeline::quiet_panic_hook();
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    match run(cli) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("wrans: {}", pipeline::one_line(&format!("{err:#}")));
            ExitCode::from(2)
        }
    }
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
    })
}

/// Runs a command; `Ok(false)` when some inputs failed.
fn run(cli: Cli) -> anyhow::Result<bool> {
    match cli.command {
        Command::Schema => {
            let schema = wrans::schema::json_schema();
            let mut out = io::stdout().lock();
            writeln!(out, "{}", serde_json::to_string_pretty(&schema)?)?;
            Ok(true)
        }
        Command::Formats => {
            let mut out = io::stdout().lock();
            for f in Format::ALL {
                writeln!(out, "{:<20}{}", f.name(), f.description())?;
            }
            Ok(true)
        }
        Command::Parse { common, out } if out.csv || out.merge => {
            parse_to(&common, &out)
        }
        Command::Export(args) => export(&args),
        Command::Parse { common, out: _ } => {
            let pretty = common.pretty;
            process(&common, None, move |record| json_line(record, pretty))
        }
        Command::Figures { common, csv, text: Some(file) } => {
            figures_of_text(&common, &file, csv)
        }
        Command::Figures { common, csv, text: None } => {
            if csv {
                let header = figure_csv_header();
                process(&common, Some(header), figure_rows_csv)
            } else {
                let pretty = common.pretty;
                process(&common, None, move |record| {
                    let mut out = Vec::new();
                    for row in figure_rows(record) {
                        let _ = write_json(&mut out, &row, pretty);
                    }
                    out
                })
            }
        }
    }
}

/// `wrans parse --csv` and `--merge`.
#[derive(Args)]
struct ParseOutput {
    /// Write one CSV row per record (columns: docs/output.md).
    #[arg(long)]
    csv: bool,
    /// One record per question across all inputs (SPEC section 4).
    #[arg(long)]
    merge: bool,
}

/// `wrans export`.
#[derive(Args)]
#[command(group(clap::ArgGroup::new("to").required(true).args(["sqlite", "parquet"])))]
struct ExportArgs {
    #[command(flatten)]
    common: Common,
    /// Write into this SQLite database (created, or updated in place).
    #[arg(long, value_name = "DB")]
    sqlite: Option<PathBuf>,
    /// Write records.parquet and figures.parquet into this directory.
    #[arg(long, value_name = "DIR")]
    parquet: Option<PathBuf>,
    /// One record per question across all inputs (SPEC section 4).
    #[arg(long)]
    merge: bool,
}

/// `wrans parse --csv` / `--merge`: records through a library sink.
fn parse_to(common: &Common, how: &ParseOutput) -> anyhow::Result<bool> {
    use wrans::output::{csv::CsvWriter, jsonl::JsonlWriter, RecordSink};
    if !how.merge {
        let header = wrans::output::csv::header();
        return process(common, Some(header), |record| {
            let mut row = Vec::new();
            let _ = wrans::output::csv::write_row(&mut row, record);
            row
        });
    }
    let mut out = Output::open(common.output.as_deref())?;
    let ok = {
        let w = out.writer();
        let inner: Box<dyn RecordSink + '_> = if how.csv {
            Box::new(CsvWriter::new(w))
        } else {
            Box::new(JsonlWriter::new(w, common.pretty))
        };
        let mut sink = merged(inner)?;
        let ok = feed(common, &mut *sink, &[])?;
        sink.finish()?;
        ok
    };
    out.finish()?;
    Ok(ok)
}

#[cfg(feature = "sqlite")]
fn merged<'a>(
    inner: Box<dyn wrans::output::RecordSink + 'a>,
) -> anyhow::Result<Box<dyn wrans::output::RecordSink + 'a>> {
    Ok(Box::new(wrans::output::merge::MergedSink::new(inner)?))
}

#[cfg(not(feature = "sqlite"))]
fn merged<'a>(
    _: Box<dyn wrans::output::RecordSink + 'a>,
) -> anyhow::Result<Box<dyn wrans::output::RecordSink + 'a>> {
    anyhow::bail!("--merge needs the `sqlite` feature (rebuild with it)")
}

/// `wrans export`.
fn export(args: &ExportArgs) -> anyhow::Result<bool> {
    use wrans::output::RecordSink;
    let common = &args.common;
    if common.output.is_some() {
        anyhow::bail!("export writes to --sqlite DB or --parquet DIR, not -o");
    }
    if common.paths.is_empty() {
        anyhow::bail!("no input: give files, directories or - for stdin");
    }
    let mut sink: Box<dyn RecordSink> = match (&args.sqlite, &args.parquet) {
        (Some(db), _) => sqlite_sink(db, args.merge)?,
        (None, Some(dir)) => {
            let sink = parquet_sink(dir)?;
            if args.merge {
                merged(sink)?
            } else {
                sink
            }
        }
        (None, None) => anyhow::bail!("give --sqlite DB or --parquet DIR"),
    };
    // Never read the database (and its journal) or the Parquet folder
    // as inputs.
    let mut written: Vec<PathBuf> = Vec::new();
    if let Some(db) = &args.sqlite {
        let db = absolute(db.as_path());
        for end in ["-journal", "-wal", "-shm"] {
            let mut side = db.clone().into_os_string();
            side.push(end);
            written.push(side.into());
        }
        written.push(db);
    }
    written.extend(args.parquet.iter().map(|d| absolute(d.as_path())));
    let ok = feed(common, &mut *sink, &written)?;
    let summary = sink.finish()?;
    if !common.quiet {
        eprintln!("wrans: {summary}");
    }
    Ok(ok)
}

#[cfg(feature = "sqlite")]
fn sqlite_sink(
    db: &Path,
    merge: bool,
) -> anyhow::Result<Box<dyn wrans::output::RecordSink>> {
    let export = wrans::output::sqlite::SqliteExport::open(db, merge)
        .with_context(|| format!("{}: cannot open", db.display()))?;
    Ok(Box::new(export))
}

#[cfg(not(feature = "sqlite"))]
fn sqlite_sink(
    _: &Path,
    _: bool,
) -> anyhow::Result<Box<dyn wrans::output::RecordSink>> {
    anyhow::bail!("--sqlite needs the `sqlite` feature (rebuild with it)")
}

#[cfg(feature = "parquet")]
fn parquet_sink(
    dir: &Path,
) -> anyhow::Result<Box<dyn wrans::output::RecordSink>> {
    let export = wrans::output::parquet::ParquetExport::create(dir)
        .with_context(|| format!("{}: cannot write", dir.display()))?;
    Ok(Box::new(export))
}

#[cfg(not(feature = "parquet"))]
fn parquet_sink(
    _: &Path,
) -> anyhow::Result<Box<dyn wrans::output::RecordSink>> {
    anyhow::bail!(
        "--parquet needs the `parquet` feature: cargo build --release --features parquet"
    )
}

/// Parses every input through the pipeline and hands the records to
/// `sink` one at a time, in input order, never reading the files the run
/// writes (`written`). Returns whether every input parsed.
fn feed(
    common: &Common,
    sink: &mut dyn wrans::output::RecordSink,
    written: &[PathBuf],
) -> anyhow::Result<bool> {
    if common.paths.is_empty() {
        anyhow::bail!("no input: give files, directories or - for stdin");
    }
    let written = written.to_vec();
    let inputs = wrans::input::walk(common.paths.clone()).filter(
        move |spec| match spec {
            InputSpec::File { path, .. } => {
                let p = absolute(path);
                !written.iter().any(|w| p.starts_with(w))
            }
            _ => true,
        },
    );
    let mut sink_error = None;
    let ok = run_inputs(common, inputs, Record::clone, |record| {
        sink.write(&record).map_err(|e| {
            sink_error = Some(e);
            io::Error::other("the output failed")
        })
    });
    if let Some(e) = sink_error {
        return Err(e.into());
    }
    ok
}

/// `path` made absolute, with its folder's symbolic links resolved (the
/// file itself may not exist yet).
fn absolute(path: &Path) -> PathBuf {
    let name = path.file_name();
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty());
    let dir = dir.unwrap_or(Path::new("."));
    match (dir.canonicalize(), name) {
        (Ok(d), Some(n)) => d.join(n),
        _ => path.to_path_buf(),
    }
}

/// Runs the pipeline over the inputs, renders each record with `render`
/// (on the worker threads) and writes the output in input order, after
/// `header` if any. Returns whether every input parsed.
fn process(
    common: &Common,
    header: Option<String>,
    render: impl Fn(&Record) -> Vec<u8> + Send + Sync + 'static,
) -> anyhow::Result<bool> {
    if common.paths.is_empty() {
        anyhow::bail!("no input: give files, directories or - for stdin");
    }
    let mut out = Output::open(common.output.as_deref())?;
    if let Some(h) = header {
        out.write_all(h.as_bytes())?;
    }
    let inputs = wrans::input::walk(common.paths.clone());
    let ok =
        run_inputs(common, inputs, render, |bytes| out.write_all(&bytes))?;
    out.finish()?;
    Ok(ok)
}

/// Runs the pipeline over `inputs` with the command line's options and a
/// progress bar, hands each rendered record to `on_record` in input order
/// and prints the messages. Returns whether every input parsed.
fn run_inputs<T: Send + 'static>(
    common: &Common,
    inputs: impl Iterator<Item = InputSpec>,
    render: impl Fn(&Record) -> T + Send + Sync + 'static,
    mut on_record: impl FnMut(T) -> io::Result<()>,
) -> anyhow::Result<bool> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(common.threads.unwrap_or(0))
        .thread_name(|i| format!("wrans-{i}"))
        .build()
        .context("cannot start the thread pool")?;
    let bar =
        Bar::new(!common.quiet && io::stderr().is_terminal(), &common.paths);
    let quiet = common.quiet;
    let summary =
        pipeline::run(inputs, &common.options(), &pool, render, |event| {
            match event {
                Event::Record(item) => on_record(item)?,
                Event::Message(m) if m.severity == Severity::Note && quiet => {
                }
                Event::Message(m) => bar.println(&m.text),
                Event::Progress(p) => bar.update(p),
            }
            Ok(())
        });
    bar.finish();
    let summary = summary.context("cannot write the output")?;
    Ok(summary.ok())
}

/// `wrans figures --text FILE`: the figures of a plain-text file.
fn figures_of_text(
    common: &Common,
    file: &std::path::Path,
    csv: bool,
) -> anyhow::Result<bool> {
    let limits = common.options().limits;
    let shown = file.display().to_string();
    let opened = if file.as_os_str() == "-" {
        wrans::input::open_stdin(&limits)
    } else {
        wrans::input::open_file(file, &limits)
    };
    let text = opened.and_then(|o| {
        let mut bytes = o.head;
        let mut rest = o.rest.take(limits.max_document);
        rest.read_to_end(&mut bytes).map_err(wrans::input::read_error)?;
        wrans::input::decode(&bytes)
    });
    let decoded = match text {
        Ok(d) => d,
        Err(e) => {
            let e = e.with_path(&shown);
            eprintln!("{}", pipeline::one_line(&e.to_string()));
            return Ok(false);
        }
    };
    let figures = wrans::figures::extract(&decoded.text, "text");
    let mut out = Output::open(common.output.as_deref())?;
    let mut buf = Vec::new();
    if csv {
        let mut w = csv::Writer::from_writer(&mut buf);
        w.write_record(FIGURE_COLUMNS)?;
        for f in &figures {
            w.write_record(figure_cells(f))?;
        }
        w.flush()?;
    } else {
        for f in &figures {
            write_json(&mut buf, f, common.pretty)?;
        }
    }
    out.write_all(&buf)?;
    out.finish()?;
    Ok(true)
}

/// A record as one JSON line (or pretty-printed).
fn json_line(record: &Record, pretty: bool) -> Vec<u8> {
    let mut out = Vec::with_capacity(4096);
    let _ = write_json(&mut out, record, pretty);
    out
}

fn figure_rows_csv(r: &Record) -> Vec<u8> {
    let mut out = Vec::new();
    let _ = write_figure_rows_csv(&mut out, r);
    out
}

/// `value` as one JSON line (or pretty-printed), appended to `out`.
fn write_json<T: serde::Serialize>(
    out: &mut Vec<u8>,
    value: &T,
    pretty: bool,
) -> anyhow::Result<()> {
    if pretty {
        serde_json::to_writer_pretty(&mut *out, value)?;
    } else {
        wrans::output::json::to_vec(out, value)?;
    }
    out.push(b'\n');
    Ok(())
}

/// A figure joined with its record, for `wrans figures`.
#[derive(serde::Serialize)]
struct FigureRow<'a> {
    record_id: &'a str,
    house: Option<wrans::House>,
    uin: Option<&'a str>,
    heading: Option<&'a str>,
    answered_on: Option<&'a str>,
    answerer: Option<&'a str>,
    answering_body: Option<&'a str>,
    #[serde(flatten)]
    figure: &'a wrans::Figure,
}

fn figure_rows(r: &Record) -> impl Iterator<Item = FigureRow<'_>> {
    let answer = r.answer.as_ref();
    let letter = r.letter.as_ref();
    r.figures.iter().map(move |f| FigureRow {
        record_id: &r.id,
        house: r.house,
        uin: r.uin.as_deref(),
        heading: r.heading.as_deref(),
        answered_on: answer
            .and_then(|a| a.answered_on.as_deref())
            .or_else(|| letter.and_then(|l| l.date.as_deref())),
        answerer: answer
            .and_then(|a| a.answerer.as_ref())
            .and_then(|p| p.name.as_deref())
            .or_else(|| letter.and_then(|l| l.sender.name.as_deref())),
        answering_body: r
            .question
            .as_ref()
            .and_then(|q| q.answering_body.as_deref()),
        figure: f,
    })
}

const RECORD_COLUMNS: [&str; 7] = [
    "record_id",
    "house",
    "uin",
    "heading",
    "answered_on",
    "answerer",
    "answering_body",
];

const FIGURE_COLUMNS: [&str; 15] = [
    "kind",
    "text",
    "field",
    "start",
    "end",
    "value",
    "unit",
    "qualifier",
    "period",
    "sentence",
    "total",
    "low",
    "high",
    "from",
    "to",
];

fn figure_csv_header() -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let cols = RECORD_COLUMNS.iter().chain(FIGURE_COLUMNS.iter());
    let _ = w.write_record(cols);
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

fn num(v: Option<f64>) -> String {
    match v {
        Some(x) if x.fract() == 0.0 && x.abs() < 9.0e15 => {
            (x as i64).to_string()
        }
        Some(x) => x.to_string(),
        None => String::new(),
    }
}

fn figure_cells(f: &wrans::Figure) -> Vec<String> {
    vec![
        f.kind.as_str().to_string(),
        f.text.clone(),
        f.field.clone(),
        f.span[0].to_string(),
        f.span[1].to_string(),
        num(f.value),
        f.unit.clone().unwrap_or_default(),
        f.qualifier.map(|q| q.as_str().to_string()).unwrap_or_default(),
        f.period.clone().unwrap_or_default(),
        f.sentence.clone(),
        num(f.total),
        num(f.low),
        num(f.high),
        num(f.from),
        num(f.to),
    ]
}

fn write_figure_rows_csv(
    out: &mut dyn Write,
    r: &Record,
) -> anyhow::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    for row in figure_rows(r) {
        let mut cells = vec![
            row.record_id.to_string(),
            row.house.map(|h| h.as_str().to_string()).unwrap_or_default(),
            row.uin.unwrap_or_default().to_string(),
            row.heading.unwrap_or_default().to_string(),
            row.answered_on.unwrap_or_default().to_string(),
            row.answerer.unwrap_or_default().to_string(),
            row.answering_body.unwrap_or_default().to_string(),
        ];
        cells.extend(figure_cells(row.figure));
        w.write_record(&cells)?;
    }
    w.flush()?;
    Ok(())
}
