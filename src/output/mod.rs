//! Outputs other than JSON Lines: flat CSV rows, a SQLite database, typed
//! Parquet files, and the merge of one question's records from several
//! sources.
//!
//! # Brief overview
//!
//! Every writer consumes records one at a time through [`RecordSink`], so
//! memory does not grow with the corpus:
//!
//! - [`csv::CsvWriter`]: one row per record, the columns of
//!   [`columns::RECORD_COLUMNS`] (`wrans parse --csv`).
//! - `sqlite::SqliteExport` (feature `sqlite`, on by default): tables
//!   `records`, `figures`, `members`, `sources`, a full-text index, and an
//!   idempotent upsert (`wrans export --sqlite`).
//! - `parquet::ParquetExport` (feature `parquet`): `records.parquet` and
//!   `figures.parquet` with typed columns, one row group per batch of
//!   records (`wrans export --parquet`).
//! - `merge::MergeStore` (feature `sqlite`): one record per question across
//!   all inputs, keyed and resolved as SPEC section 4 says, with the records
//!   waiting in an on-disk SQLite store, not in memory (`--merge`).
//!
//! The flattened columns shared by CSV, SQLite and Parquet are listed, with
//! their types, in [`columns`] and in `docs/output.md`.

pub mod columns;
pub mod csv;
pub mod json;
pub mod jsonl;
#[cfg(feature = "sqlite")]
pub mod merge;
#[cfg(feature = "parquet")]
pub mod parquet;
#[cfg(feature = "sqlite")]
pub mod sqlite;

use crate::record::Record;

/// An error that can occur when writing an output.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum OutputError {
    /// Reading or writing a file failed.
    #[error("{0}")]
    Io(#[from] std::io::Error),
    /// The CSV writer failed.
    #[error("csv: {0}")]
    Csv(#[from] ::csv::Error),
    /// A record could not be (de)serialised as JSON.
    #[error("json: {0}")]
    Json(#[from] serde_json::Error),
    /// The SQLite database failed.
    #[cfg(feature = "sqlite")]
    #[error("sqlite: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// The Parquet writer failed.
    #[cfg(feature = "parquet")]
    #[error("parquet: {0}")]
    Parquet(#[from] ::parquet::errors::ParquetError),
    /// Building an Arrow batch failed.
    #[cfg(feature = "parquet")]
    #[error("arrow: {0}")]
    Arrow(#[from] arrow_schema::ArrowError),
    /// The output cannot be used as asked.
    #[error("{0}")]
    Usage(String),
}

/// A convenient alias for results whose error is [`OutputError`].
pub type Result<T, E = OutputError> = std::result::Result<T, E>;

/// A consumer of records, one at a time.
pub trait RecordSink {
    /// Takes one record.
    fn write(&mut self, record: &Record) -> Result<()>;
    /// Ends the output and says what was written.
    fn finish(&mut self) -> Result<Summary>;
}

/// What an output wrote: rows per table, in the order written.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// `(table, rows)` pairs: rows inserted or changed in each table.
    pub tables: Vec<(&'static str, u64)>,
    /// Records read from the inputs.
    pub records_in: u64,
    /// Records that changed nothing (already written with the same
    /// content, e.g. on a re-import).
    pub unchanged: u64,
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} records read; rows written:", self.records_in)?;
        for (i, (t, n)) in self.tables.iter().enumerate() {
            let sep = if i == 0 { "" } else { "," };
            write!(f, "{sep} {t} {n}")?;
        }
        if self.unchanged > 0 {
            write!(f, "; {} records unchanged", self.unchanged)?;
        }
        Ok(())
    }
}

impl<S: RecordSink + ?Sized> RecordSink for Box<S> {
    fn write(&mut self, record: &Record) -> Result<()> {
        (**self).write(record)
    }

    fn finish(&mut self) -> Result<Summary> {
        (**self).finish()
    }
}
