//! Records as JSON Lines, through [`RecordSink`] (for `--merge`).

use std::io::Write;

use super::{RecordSink, Result, Summary};
use crate::record::Record;

/// Writes one record per line (or pretty-printed, one after another).
pub struct JsonlWriter<W: Write> {
    out: W,
    pretty: bool,
    rows: u64,
    // One record's JSON, reused from record to record.
    buf: Vec<u8>,
}

impl<W: Write> JsonlWriter<W> {
    /// A writer into `out`.
    pub fn new(out: W, pretty: bool) -> JsonlWriter<W> {
        JsonlWriter { out, pretty, rows: 0, buf: Vec::new() }
    }
}

impl<W: Write> RecordSink for JsonlWriter<W> {
    fn write(&mut self, record: &Record) -> Result<()> {
        if self.pretty {
            serde_json::to_writer_pretty(&mut self.out, record)?;
        } else {
            self.buf.clear();
            super::json::to_vec(&mut self.buf, record)?;
            self.out.write_all(&self.buf)?;
        }
        self.out.write_all(b"\n")?;
        self.rows += 1;
        Ok(())
    }

    fn finish(&mut self) -> Result<Summary> {
        self.out.flush()?;
        Ok(Summary {
            tables: vec![("json", self.rows)],
            records_in: self.rows,
            unchanged: 0,
        })
    }
}
