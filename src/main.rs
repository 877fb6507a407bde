//! The `wrans` command line: parses arguments, walks the inputs, calls the
//! library, writes JSON Lines (or CSV) and picks the exit code
//! (0 = every input parsed, 1 = some inputs failed, 2 = usage error).

use std::fs;
use std::io::{self, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use clap::{Args, Parser, Subcommand};
use rayon::prelude::*;

use wrans::{Format, Parsed, Record};

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
        /// Extract the figures of a plain-text file (not a parsed record).
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
    paths: Vec<String>,
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
}

fn main() -> ExitCode {
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
        Err(err) => {
            eprintln!("wrans: {err:#}");
            ExitCode::from(2)
        }
    }
}

/// Runs a command; `Ok(false)` when some inputs failed.
fn run(cli: Cli) -> anyhow::Result<bool> {
    match cli.command {
        Command::Schema => {
            let schema = wrans::schema::json_schema();
            println!("{}", serde_json::to_string_pretty(&schema)?);
            Ok(true)
        }
        Command::Formats => {
            for f in Format::ALL {
                println!("{:<20}{}", f.name(), f.description());
            }
            Ok(true)
        }
        Command::Parse { common, out } if out.csv || out.merge => {
            parse_to(&common, &out)
        }
        Command::Export(args) => export(&args),
        Command::Parse { common, out: _ } => {
            let pretty = common.pretty;
            process(&common, None, |out, record| {
                write_json(out, record, pretty)
            })
        }
        Command::Figures { common, csv, text: Some(file) } => {
            figures_of_text(&common, &file, csv)
        }
        Command::Figures { common, csv, text: None } => {
            if csv {
                let header = figure_csv_header();
                process(&common, Some(header), write_figure_rows_csv)
            } else {
                let pretty = common.pretty;
                process(&common, None, |out, record| {
                    for row in figure_rows(record) {
                        write_json(out, &row, pretty)?;
                    }
                    Ok(())
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
        return process(common, Some(header), |out, record| {
            Ok(wrans::output::csv::write_row(out, record)?)
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

/// Parses every input (in parallel, in batches) and hands the records to
/// `sink` one at a time, in input order. Returns whether every input
/// parsed.
fn feed(
    common: &Common,
    sink: &mut dyn wrans::output::RecordSink,
    written: &[PathBuf],
) -> anyhow::Result<bool> {
    if common.paths.is_empty() {
        anyhow::bail!("no input: give files, directories or - for stdin");
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(common.threads.unwrap_or(0))
        .build()
        .context("cannot start the thread pool")?;
    let mut inputs = expand(&common.paths);
    inputs.retain(|i| match i {
        InputPath::File(p, _) => {
            let p = absolute(p);
            !written.iter().any(|w| p.starts_with(w))
        }
        _ => true,
    });
    let mut ok = true;
    let batch = 64 * pool.current_num_threads().max(1);
    for chunk in inputs.chunks(batch) {
        let results: Vec<Parsed> = pool.install(|| {
            chunk.par_iter().map(|i| parse_one(i, common.format)).collect()
        });
        for parsed in results {
            for record in &parsed.records {
                if common.strict && !record.warnings.is_empty() {
                    ok = false;
                    for w in &record.warnings {
                        eprintln!(
                            "{}: record {} ({}): {w}",
                            record.source.path, record.source.index, record.id
                        );
                    }
                    continue;
                }
                sink.write(record)?;
            }
            if !common.quiet {
                for n in &parsed.notes {
                    eprintln!("{n}");
                }
            }
            if let Some(e) = &parsed.failure {
                ok = false;
                eprintln!("{e}");
            }
        }
    }
    Ok(ok)
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

/// An input: a file path, or standard input.
enum InputPath {
    File(PathBuf, String),
    Stdin,
    /// A path that could not be walked: reported, counted as failed.
    Bad(String, String),
}

/// Expands the paths given on the command line into inputs, in order:
/// directories are walked recursively in sorted order.
fn expand(paths: &[String]) -> Vec<InputPath> {
    let mut out = Vec::new();
    for p in paths {
        if p == "-" {
            out.push(InputPath::Stdin);
            continue;
        }
        let path = Path::new(p);
        if path.is_dir() {
            let walker = walkdir::WalkDir::new(path)
                .follow_links(true)
                .sort_by_file_name();
            for entry in walker {
                match entry {
                    Ok(e) if e.file_type().is_file() => {
                        let shown = e.path().display().to_string();
                        out.push(InputPath::File(e.into_path(), shown));
                    }
                    Ok(_) => {}
                    Err(e) => {
                        let shown = e.path().map_or_else(
                            || p.clone(),
                            |x| x.display().to_string(),
                        );
                        out.push(InputPath::Bad(shown, e.to_string()));
                    }
                }
            }
        } else {
            out.push(InputPath::File(path.to_path_buf(), p.clone()));
        }
    }
    out
}

/// Reads and parses one input.
fn parse_one(input: &InputPath, format: Option<Format>) -> Parsed {
    let (shown, bytes) = match input {
        InputPath::Stdin => {
            let mut buf = Vec::new();
            match io::stdin().lock().read_to_end(&mut buf) {
                Ok(_) => ("-".to_string(), buf),
                Err(e) => return failed("-", wrans::ErrorKind::Io(e)),
            }
        }
        InputPath::Bad(shown, msg) => {
            return failed(
                shown,
                wrans::ErrorKind::Io(io::Error::other(msg.clone())),
            )
        }
        InputPath::File(path, shown) => {
            if path.is_dir() {
                return failed(shown, wrans::ErrorKind::IsDirectory);
            }
            match fs::read(path) {
                Ok(b) => (shown.clone(), b),
                Err(e) => return failed(shown, wrans::ErrorKind::Io(e)),
            }
        }
    };
    wrans::parse_bytes(&shown, &bytes, format)
}

fn failed(path: &str, kind: wrans::ErrorKind) -> Parsed {
    Parsed {
        failure: Some(wrans::Error::new(kind).with_path(path)),
        ..Parsed::default()
    }
}

/// What one input gave, rendered: the output bytes of its records and
/// the lines for stderr.
struct Rendered {
    out: Vec<u8>,
    messages: Vec<String>,
    ok: bool,
}

/// Parses one input and renders its records with `render` (in the worker
/// thread, so that serialisation runs in parallel too).
fn parse_and_render(
    input: &InputPath,
    common: &Common,
    render: &(impl Fn(&mut dyn Write, &Record) -> anyhow::Result<()> + Sync),
) -> Rendered {
    let parsed = parse_one(input, common.format);
    let mut done =
        Rendered { out: Vec::new(), messages: Vec::new(), ok: true };
    for record in &parsed.records {
        if common.strict && !record.warnings.is_empty() {
            done.ok = false;
            for w in &record.warnings {
                done.messages.push(format!(
                    "{}: record {} ({}): {w}",
                    record.source.path, record.source.index, record.id
                ));
            }
            continue;
        }
        if let Err(e) = render(&mut done.out, record) {
            done.ok = false;
            done.messages.push(format!(
                "{}: record {}: cannot write: {e:#}",
                record.source.path, record.source.index
            ));
        }
    }
    if !common.quiet {
        done.messages.extend(parsed.notes);
    }
    if let Some(e) = &parsed.failure {
        done.ok = false;
        done.messages.push(e.to_string());
    }
    done
}

/// Parses every input (in parallel, in batches), renders each record with
/// `render` and writes the output in input order, after `header` if any.
/// Returns whether every input parsed.
fn process(
    common: &Common,
    header: Option<String>,
    render: impl Fn(&mut dyn Write, &Record) -> anyhow::Result<()> + Sync,
) -> anyhow::Result<bool> {
    if common.paths.is_empty() {
        anyhow::bail!("no input: give files, directories or - for stdin");
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(common.threads.unwrap_or(0))
        .build()
        .context("cannot start the thread pool")?;
    let inputs = expand(&common.paths);
    let mut out = Output::open(common.output.as_deref())?;
    if let Some(h) = header {
        out.writer().write_all(h.as_bytes())?;
    }
    let progress =
        !common.quiet && io::stderr().is_terminal() && inputs.len() > 50;
    let mut ok = true;
    let batch = 64 * pool.current_num_threads().max(1);
    let mut done = 0;
    for chunk in inputs.chunks(batch) {
        let results: Vec<Rendered> = pool.install(|| {
            chunk
                .par_iter()
                .map(|i| parse_and_render(i, common, &render))
                .collect()
        });
        for r in results {
            out.writer().write_all(&r.out)?;
            for m in &r.messages {
                eprintln!("{m}");
            }
            ok &= r.ok;
        }
        done += chunk.len();
        if progress {
            eprint!("\r{done}/{} inputs", inputs.len());
        }
    }
    if progress {
        eprintln!();
    }
    out.finish()?;
    Ok(ok)
}

fn figures_of_text(
    common: &Common,
    file: &Path,
    csv: bool,
) -> anyhow::Result<bool> {
    let bytes = fs::read(file)
        .with_context(|| format!("{}: cannot read", file.display()))?;
    let decoded = wrans::input::decode(&bytes)
        .map_err(|e| e.with_path(&file.display().to_string()))?;
    let figures = wrans::figures::extract(&decoded.text, "text");
    let mut out = Output::open(common.output.as_deref())?;
    if csv {
        let mut w = csv::Writer::from_writer(out.writer());
        w.write_record(FIGURE_COLUMNS)?;
        for f in &figures {
            w.write_record(figure_cells(f))?;
        }
        w.flush()?;
    } else {
        for f in &figures {
            write_json(out.writer(), f, common.pretty)?;
        }
    }
    out.finish()?;
    Ok(true)
}

fn write_json<T: serde::Serialize>(
    out: &mut dyn Write,
    value: &T,
    pretty: bool,
) -> anyhow::Result<()> {
    if pretty {
        serde_json::to_writer_pretty(&mut *out, value)?;
    } else {
        serde_json::to_writer(&mut *out, value)?;
    }
    out.write_all(b"\n")?;
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

/// Standard output, or a temporary file renamed over `-o FILE` when the
/// run finishes, so that a failed run never leaves half a file.
struct Output {
    writer: Option<Box<dyn Write>>,
    rename: Option<(PathBuf, PathBuf)>,
}

impl Output {
    fn open(path: Option<&Path>) -> anyhow::Result<Output> {
        match path {
            None => Ok(Output {
                writer: Some(Box::new(io::BufWriter::new(
                    io::stdout().lock(),
                ))),
                rename: None,
            }),
            // A device or pipe (`-o /dev/null`) is written directly:
            // renaming over it would replace it.
            Some(p) if p.exists() && !p.is_file() => {
                let file =
                    fs::OpenOptions::new().write(true).open(p).with_context(
                        || format!("{}: cannot open", p.display()),
                    )?;
                Ok(Output {
                    writer: Some(Box::new(io::BufWriter::new(file))),
                    rename: None,
                })
            }
            Some(p) => {
                let dir = p.parent().filter(|d| !d.as_os_str().is_empty());
                let name = p.file_name().with_context(|| {
                    format!("{}: not a file name", p.display())
                })?;
                let mut tmp_name = std::ffi::OsString::from(".");
                tmp_name.push(name);
                tmp_name.push(format!(".{}.tmp", std::process::id()));
                let tmp = dir.map_or_else(
                    || PathBuf::from(&tmp_name),
                    |d| d.join(&tmp_name),
                );
                let file = fs::File::create(&tmp).with_context(|| {
                    format!("{}: cannot create", tmp.display())
                })?;
                Ok(Output {
                    writer: Some(Box::new(io::BufWriter::new(file))),
                    rename: Some((tmp, p.to_path_buf())),
                })
            }
        }
    }

    fn writer(&mut self) -> &mut dyn Write {
        match &mut self.writer {
            Some(w) => &mut **w,
            // Only after `finish`, which consumes the output.
            None => unreachable!("output used after finish"),
        }
    }

    fn finish(mut self) -> anyhow::Result<()> {
        if let Some(mut w) = self.writer.take() {
            w.flush().context("cannot write the output")?;
        }
        if let Some((tmp, dest)) = self.rename.take() {
            fs::rename(&tmp, &dest).with_context(|| {
                format!("cannot move {} to {}", tmp.display(), dest.display())
            })?;
        }
        Ok(())
    }
}

impl Drop for Output {
    /// A run that stops before `finish` removes its temporary file, so no
    /// half-written output is left behind.
    fn drop(&mut self) {
        if let Some((tmp, _)) = self.rename.take() {
            self.writer.take();
            let _ = fs::remove_file(tmp);
        }
    }
}
