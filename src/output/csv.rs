//! Records as CSV: one row per record, the columns of
//! [`RECORD_COLUMNS`], header once.

use std::io::Write;

use super::columns::RECORD_COLUMNS;
use super::{RecordSink, Result, Summary};
use crate::record::Record;

/// The header line (with its line end) of `wrans parse --csv`.
pub fn header() -> String {
    let mut w = ::csv::Writer::from_writer(Vec::new());
    // Writing to a Vec cannot fail.
    let _ = w.write_record(RECORD_COLUMNS.iter().map(|c| c.name));
    let bytes = w.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

/// Writes one record as one CSV row (no header), e.g. into a per-input
/// buffer that is written out later in input order.
pub fn write_row(out: &mut dyn Write, record: &Record) -> Result<()> {
    let mut w = ::csv::Writer::from_writer(out);
    w.write_record(RECORD_COLUMNS.iter().map(|c| c.csv_cell(record)))?;
    w.flush()?;
    Ok(())
}

/// A CSV writer of records: the header, then one row per record.
pub struct CsvWriter<W: Write> {
    out: ::csv::Writer<W>,
    header_written: bool,
    rows: u64,
}

impl<W: Write> CsvWriter<W> {
    /// A writer into `out`; the header is written with the first record
    /// (or by [`RecordSink::finish`] when there is none).
    pub fn new(out: W) -> CsvWriter<W> {
        CsvWriter {
            out: ::csv::Writer::from_writer(out),
            header_written: false,
            rows: 0,
        }
    }

    fn header(&mut self) -> Result<()> {
        if !self.header_written {
            self.out.write_record(RECORD_COLUMNS.iter().map(|c| c.name))?;
            self.header_written = true;
        }
        Ok(())
    }
}

impl<W: Write> RecordSink for CsvWriter<W> {
    fn write(&mut self, record: &Record) -> Result<()> {
        self.header()?;
        self.out
            .write_record(RECORD_COLUMNS.iter().map(|c| c.csv_cell(record)))?;
        self.rows += 1;
        Ok(())
    }

    fn finish(&mut self) -> Result<Summary> {
        self.header()?;
        self.out.flush()?;
        Ok(Summary {
            tables: vec![("csv", self.rows)],
            records_in: self.rows,
            unchanged: 0,
        })
    }
}
