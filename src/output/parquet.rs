//! Records and figures as typed Parquet files (`wrans export --parquet
//! DIR`, feature `parquet`).
//!
//! `DIR/records.parquet` has the columns of
//! [`RECORD_COLUMNS`] and
//! `DIR/figures.parquet` `record_id`, `n` and the columns of
//! [`FIGURE_COLUMNS`], typed: dates are
//! `DATE`, ids and offsets `INT64`, flags `BOOLEAN`, figure values
//! `DOUBLE`, and `grouped_with` and `warnings` lists of strings. Records
//! are written in row groups of [`ROW_GROUP`] as they come, so memory
//! stays flat; each file is written under a temporary name and renamed
//! into place when the export finishes.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use arrow_array::builder::{ListBuilder, StringBuilder};
use arrow_array::{
    ArrayRef, BooleanArray, Date32Array, Float64Array, Int64Array,
    RecordBatch, StringArray,
};
use arrow_schema::{DataType, Field, Schema, SchemaRef};
use parquet::arrow::ArrowWriter;
use parquet::basic::Compression;
use parquet::file::properties::WriterProperties;

use super::columns::{
    Cell, Column, ColumnType, FIGURE_COLUMNS, RECORD_COLUMNS,
};
use super::{OutputError, RecordSink, Result, Summary};
use crate::record::{Figure, Record};

/// Records per row group (and per Arrow batch).
pub const ROW_GROUP: usize = 2048;

/// The Arrow type of a column type.
fn arrow_type(ty: ColumnType) -> DataType {
    match ty {
        ColumnType::Text => DataType::Utf8,
        ColumnType::Date => DataType::Date32,
        ColumnType::Int => DataType::Int64,
        ColumnType::Bool => DataType::Boolean,
        ColumnType::Float => DataType::Float64,
        ColumnType::TextList => {
            DataType::List(Arc::new(Field::new("item", DataType::Utf8, true)))
        }
    }
}

/// The schema of `records.parquet`.
pub fn records_schema() -> SchemaRef {
    let fields: Vec<Field> = RECORD_COLUMNS
        .iter()
        .map(|c| Field::new(c.name, arrow_type(c.ty), c.name != "id"))
        .collect();
    Arc::new(Schema::new(fields))
}

/// The schema of `figures.parquet`.
pub fn figures_schema() -> SchemaRef {
    let mut fields = vec![
        Field::new("record_id", DataType::Utf8, false),
        Field::new("n", DataType::Int64, false),
    ];
    fields.extend(
        FIGURE_COLUMNS
            .iter()
            .map(|c| Field::new(c.name, arrow_type(c.ty), true)),
    );
    Arc::new(Schema::new(fields))
}

/// Days since 1970-01-01 of an ISO `YYYY-MM-DD` date; `None` when it is
/// not one.
pub fn epoch_days(iso: &str) -> Option<i32> {
    let b = iso.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let y: i64 = iso.get(0..4)?.parse().ok()?;
    let m: i64 = iso.get(5..7)?.parse().ok()?;
    let d: i64 = iso.get(8..10)?.parse().ok()?;
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    // Howard Hinnant's days_from_civil.
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    i32::try_from(era * 146_097 + doe - 719_468).ok()
}

/// One column's array from the cells of `rows`.
fn array<T>(col: &Column<T>, rows: &[&T]) -> ArrayRef {
    let cells = rows.iter().map(|r| (col.get)(r));
    match col.ty {
        ColumnType::Text => {
            Arc::new(StringArray::from_iter(cells.map(|c| match c {
                Cell::Text(v) | Cell::Date(v) => v,
                _ => None,
            })))
        }
        ColumnType::Date => {
            Arc::new(Date32Array::from_iter(cells.map(|c| match c {
                Cell::Date(v) | Cell::Text(v) => v.and_then(epoch_days),
                _ => None,
            })))
        }
        ColumnType::Int => {
            Arc::new(Int64Array::from_iter(cells.map(|c| match c {
                Cell::Int(v) => v,
                _ => None,
            })))
        }
        ColumnType::Bool => {
            Arc::new(BooleanArray::from_iter(cells.map(|c| match c {
                Cell::Bool(v) => v,
                _ => None,
            })))
        }
        ColumnType::Float => {
            Arc::new(Float64Array::from_iter(cells.map(|c| match c {
                Cell::Float(v) => v,
                _ => None,
            })))
        }
        ColumnType::TextList => {
            let mut b = ListBuilder::new(StringBuilder::new());
            for c in cells {
                if let Cell::TextList(items) = c {
                    for s in items {
                        b.values().append_value(s);
                    }
                }
                b.append(true);
            }
            Arc::new(b.finish())
        }
    }
}

/// A Parquet file being written under a temporary name.
struct Part {
    writer: Option<ArrowWriter<File>>,
    tmp: PathBuf,
    dest: PathBuf,
    rows: u64,
}

impl Part {
    fn create(dir: &Path, name: &str, schema: SchemaRef) -> Result<Part> {
        let dest = dir.join(name);
        let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
        let file = File::create(&tmp)?;
        let props = WriterProperties::builder()
            .set_compression(Compression::SNAPPY)
            .set_max_row_group_size(ROW_GROUP)
            .build();
        let writer = ArrowWriter::try_new(file, schema, Some(props))?;
        Ok(Part { writer: Some(writer), tmp, dest, rows: 0 })
    }

    fn write(&mut self, batch: &RecordBatch) -> Result<()> {
        if batch.num_rows() == 0 {
            return Ok(());
        }
        let w = self.writer.as_mut().ok_or_else(|| {
            OutputError::Usage("parquet file already closed".into())
        })?;
        w.write(batch)?;
        // End the row group now, so that no more than one batch is held.
        w.flush()?;
        self.rows += batch.num_rows() as u64;
        Ok(())
    }

    fn close(&mut self) -> Result<()> {
        if let Some(w) = self.writer.take() {
            w.close()?;
            std::fs::rename(&self.tmp, &self.dest)?;
        }
        Ok(())
    }
}

impl Drop for Part {
    /// An export that stops before finishing leaves no partial file.
    fn drop(&mut self) {
        if self.writer.take().is_some() {
            let _ = std::fs::remove_file(&self.tmp);
        }
    }
}

/// A Parquet export into a directory.
pub struct ParquetExport {
    records: Part,
    figures: Part,
    batch: Vec<Record>,
}

impl ParquetExport {
    /// Starts `DIR/records.parquet` and `DIR/figures.parquet` (the
    /// directory is created if missing).
    pub fn create(dir: &Path) -> Result<ParquetExport> {
        std::fs::create_dir_all(dir)?;
        Ok(ParquetExport {
            records: Part::create(dir, "records.parquet", records_schema())?,
            figures: Part::create(dir, "figures.parquet", figures_schema())?,
            batch: Vec::with_capacity(ROW_GROUP),
        })
    }

    fn flush(&mut self) -> Result<()> {
        if self.batch.is_empty() {
            return Ok(());
        }
        let rows: Vec<&Record> = self.batch.iter().collect();
        let columns: Vec<ArrayRef> =
            RECORD_COLUMNS.iter().map(|c| array(c, &rows)).collect();
        let batch = RecordBatch::try_new(records_schema(), columns)?;
        self.records.write(&batch)?;

        let figures: Vec<(&str, i64, &Figure)> = self
            .batch
            .iter()
            .flat_map(|r| {
                r.figures.iter().enumerate().map(move |(n, f)| {
                    (r.id.as_str(), i64::try_from(n).unwrap_or(i64::MAX), f)
                })
            })
            .collect();
        let mut columns: Vec<ArrayRef> = vec![
            Arc::new(StringArray::from_iter_values(
                figures.iter().map(|(id, _, _)| *id),
            )),
            Arc::new(Int64Array::from_iter_values(
                figures.iter().map(|(_, n, _)| *n),
            )),
        ];
        let only: Vec<&Figure> = figures.iter().map(|(_, _, f)| *f).collect();
        columns.extend(FIGURE_COLUMNS.iter().map(|c| array(c, &only)));
        let batch = RecordBatch::try_new(figures_schema(), columns)?;
        self.figures.write(&batch)?;
        self.batch.clear();
        Ok(())
    }
}

impl RecordSink for ParquetExport {
    fn write(&mut self, record: &Record) -> Result<()> {
        self.batch.push(record.clone());
        if self.batch.len() >= ROW_GROUP {
            self.flush()?;
        }
        Ok(())
    }

    fn finish(&mut self) -> Result<Summary> {
        self.flush()?;
        self.records.close()?;
        self.figures.close()?;
        Ok(Summary {
            tables: vec![
                ("records.parquet", self.records.rows),
                ("figures.parquet", self.figures.rows),
            ],
            records_in: self.records.rows,
            unchanged: 0,
        })
    }
}
