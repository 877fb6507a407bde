//! Records, figures, members and sources in a SQLite database
//! (`wrans export --sqlite DB`).
//!
//! # Tables
//!
//! - `records`: one row per question (or letter): `record_no` (an integer
//!   key for the full-text index) and the columns of
//!   [`RECORD_COLUMNS`]; dates as ISO text,
//!   booleans as 0/1, lists (`grouped_with`, `warnings`) as JSON arrays.
//! - `figures`: one row per figure: `record_id`, `n` and the columns of
//!   [`FIGURE_COLUMNS`].
//! - `members`: every person seen asking or answering: `key` (`m:` member
//!   id, else `t:` TheyWorkForYou id, else `n:HOUSE:normalised name`),
//!   `member_id`, `twfy_id`, `name`, `printed` (a JSON array of every
//!   printed form seen), `house`, `party`, `constituency`.
//! - `sources`: every origin of every record: `record_id`, `format`,
//!   `path`, `idx`, `resource`, `won` (1 for the origin whose text won).
//! - `records_fts`: an FTS5 index over `heading`, `question_text` and
//!   `answer_text` (external content: join on `records.record_no`).
//! - `merge_*`: the inputs as parsed and their merge keys, so that a later
//!   import merges with what is already there; `merge_meta` records
//!   whether the database groups with `--merge` or by id, and a run with
//!   the other grouping is refused.
//!
//! # Re-import
//!
//! Importing records is an upsert: a record is stored by its origin
//! (format, path, index), grouped with the records it describes the same
//! question as (by id; with `--merge`, by every key of SPEC section 4),
//! and the group's merged record replaces the row of its id. Importing the
//! same inputs again changes no row; importing new files merges them with
//! the rows already there.

use std::path::Path;

use rusqlite::types::Value;
use rusqlite::{params, Connection, Statement};

use super::columns::{Cell, ColumnType, FIGURE_COLUMNS, RECORD_COLUMNS};
use super::merge::{Grouping, MergeStore, Merged};
use super::{OutputError, RecordSink, Result, Summary};
use crate::record::{House, Person, Record};
use crate::text::match_key;

/// A SQLite export: records go into the database's merge store as they
/// come; [`RecordSink::finish`] writes the merged records into the tables.
pub struct SqliteExport {
    store: MergeStore,
}

fn sql_type(ty: ColumnType) -> &'static str {
    match ty {
        ColumnType::Text | ColumnType::Date | ColumnType::TextList => "TEXT",
        ColumnType::Int | ColumnType::Bool => "INTEGER",
        ColumnType::Float => "REAL",
    }
}

fn sql_value(cell: Cell<'_>) -> Value {
    match cell {
        Cell::Text(v) | Cell::Date(v) => {
            v.map_or(Value::Null, |s| Value::Text(s.to_string()))
        }
        Cell::Int(v) => v.map_or(Value::Null, Value::Integer),
        Cell::Bool(v) => v.map_or(Value::Null, |b| Value::Integer(b.into())),
        Cell::Float(v) => v.map_or(Value::Null, Value::Real),
        Cell::TextList(v) => {
            Value::Text(serde_json::to_string(v).unwrap_or_default())
        }
    }
}

/// The tables, indexes and triggers.
fn schema() -> String {
    let mut s = String::from(
        "CREATE TABLE IF NOT EXISTS records (\n  record_no INTEGER PRIMARY KEY",
    );
    for c in RECORD_COLUMNS {
        let extra = if c.name == "id" { " NOT NULL UNIQUE" } else { "" };
        s.push_str(&format!(",\n  \"{}\" {}{extra}", c.name, sql_type(c.ty)));
    }
    s.push_str("\n);\nCREATE TABLE IF NOT EXISTS figures (\n  record_id TEXT NOT NULL,\n  n INTEGER NOT NULL");
    for c in FIGURE_COLUMNS {
        s.push_str(&format!(",\n  \"{}\" {}", c.name, sql_type(c.ty)));
    }
    s.push_str(",\n  PRIMARY KEY (record_id, n)\n) WITHOUT ROWID;\n");
    s.push_str(
        "
CREATE TABLE IF NOT EXISTS members (
  key TEXT PRIMARY KEY,
  member_id INTEGER,
  twfy_id TEXT,
  name TEXT,
  printed TEXT NOT NULL,
  house TEXT,
  party TEXT,
  constituency TEXT
);
CREATE TABLE IF NOT EXISTS sources (
  record_id TEXT NOT NULL,
  format TEXT NOT NULL,
  path TEXT NOT NULL,
  idx INTEGER NOT NULL,
  resource TEXT,
  won INTEGER NOT NULL,
  PRIMARY KEY (record_id, format, path, idx)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS records_uin ON records(uin);
CREATE INDEX IF NOT EXISTS records_tabled_on ON records(tabled_on);
CREATE INDEX IF NOT EXISTS records_answered_on ON records(answered_on);
CREATE INDEX IF NOT EXISTS records_asker ON records(asker_member_id);
CREATE INDEX IF NOT EXISTS records_answerer ON records(answerer_member_id);
CREATE INDEX IF NOT EXISTS records_body ON records(answering_body);
CREATE INDEX IF NOT EXISTS figures_kind ON figures(kind);
CREATE INDEX IF NOT EXISTS members_member_id ON members(member_id);
CREATE VIRTUAL TABLE IF NOT EXISTS records_fts USING fts5(
  heading, question_text, answer_text,
  content = 'records', content_rowid = 'record_no'
);
CREATE TRIGGER IF NOT EXISTS records_fts_insert AFTER INSERT ON records BEGIN
  INSERT INTO records_fts (rowid, heading, question_text, answer_text)
  VALUES (new.record_no, new.heading, new.question_text, new.answer_text);
END;
CREATE TRIGGER IF NOT EXISTS records_fts_delete AFTER DELETE ON records BEGIN
  INSERT INTO records_fts (records_fts, rowid, heading, question_text, answer_text)
  VALUES ('delete', old.record_no, old.heading, old.question_text, old.answer_text);
END;
CREATE TRIGGER IF NOT EXISTS records_fts_update AFTER UPDATE ON records BEGIN
  INSERT INTO records_fts (records_fts, rowid, heading, question_text, answer_text)
  VALUES ('delete', old.record_no, old.heading, old.question_text, old.answer_text);
  INSERT INTO records_fts (rowid, heading, question_text, answer_text)
  VALUES (new.record_no, new.heading, new.question_text, new.answer_text);
END;
",
    );
    s
}

/// Counts of rows written by one export.
#[derive(Default)]
struct Counts {
    records: u64,
    figures: u64,
    members: u64,
    sources: u64,
    unchanged: u64,
}

impl SqliteExport {
    /// Opens (or creates) the database at `path`; `merge` groups records
    /// by every key of SPEC section 4, not only by id.
    pub fn open(path: &Path, merge: bool) -> Result<SqliteExport> {
        let conn = Connection::open(path)?;
        conn.execute_batch(
            "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -32768;
             PRAGMA temp_store = FILE;",
        )?;
        conn.execute_batch(&schema())?;
        let grouping = if merge { Grouping::Merge } else { Grouping::ById };
        // Records already stored are grouped the way they were: a run with
        // the other grouping would leave them so, silently.
        conn.execute_batch(
            "CREATE TABLE IF NOT EXISTS merge_meta \
             (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        )?;
        let want = if merge { "merge" } else { "id" };
        conn.execute(
            "INSERT OR IGNORE INTO merge_meta VALUES ('grouping', ?1)",
            [want],
        )?;
        let have: String = conn.query_row(
            "SELECT value FROM merge_meta WHERE key = 'grouping'",
            [],
            |r| r.get(0),
        )?;
        if have != want {
            return Err(OutputError::Usage(format!(
                "this database was built {}; run with the same grouping, \
                 or export into a new database",
                if have == "merge" {
                    "with --merge"
                } else {
                    "without --merge"
                }
            )));
        }
        Ok(SqliteExport { store: MergeStore::on(conn, grouping)? })
    }
}

impl RecordSink for SqliteExport {
    fn write(&mut self, record: &Record) -> Result<()> {
        self.store.add(record)
    }

    fn finish(&mut self) -> Result<Summary> {
        let mut counts = Counts::default();
        for id in self.store.take_stale()? {
            delete_record(self.store.connection(), &id)?;
        }
        self.store.commit()?;
        self.store.drain(|conn, page| {
            let mut w = Writer::new(conn)?;
            page.iter().try_for_each(|m| w.write(m, &mut counts))
        })?;
        // Groups that lost every input while draining.
        for id in self.store.take_stale()? {
            delete_record(self.store.connection(), &id)?;
        }
        self.store.commit()?;
        Ok(Summary {
            tables: vec![
                ("records", counts.records),
                ("figures", counts.figures),
                ("members", counts.members),
                ("sources", counts.sources),
            ],
            records_in: self.store.records_in,
            unchanged: counts.unchanged + self.store.unchanged,
        })
    }
}

fn delete_record(conn: &Connection, id: &str) -> Result<()> {
    conn.execute("DELETE FROM records WHERE id = ?1", [id])?;
    conn.execute("DELETE FROM figures WHERE record_id = ?1", [id])?;
    conn.execute("DELETE FROM sources WHERE record_id = ?1", [id])?;
    Ok(())
}

/// The statements that write merged records, prepared once per page.
struct Writer<'c> {
    conn: &'c Connection,
    upsert_record: Statement<'c>,
    delete_figures: Statement<'c>,
    insert_figure: Statement<'c>,
    delete_sources: Statement<'c>,
    insert_source: Statement<'c>,
    find_member: Statement<'c>,
    put_member: Statement<'c>,
}

impl<'c> Writer<'c> {
    fn new(conn: &'c Connection) -> Result<Writer<'c>> {
        let names: Vec<String> =
            RECORD_COLUMNS.iter().map(|c| format!("\"{}\"", c.name)).collect();
        let marks: Vec<String> =
            (1..=names.len()).map(|i| format!("?{i}")).collect();
        let updates: Vec<String> = names
            .iter()
            .skip(1)
            .map(|n| format!("{n} = excluded.{n}"))
            .collect();
        let upsert = format!(
            "INSERT INTO records ({}) VALUES ({}) \
             ON CONFLICT(id) DO UPDATE SET {}",
            names.join(", "),
            marks.join(", "),
            updates.join(", ")
        );
        let fnames: Vec<String> =
            FIGURE_COLUMNS.iter().map(|c| format!("\"{}\"", c.name)).collect();
        let fmarks: Vec<String> =
            (3..fnames.len() + 3).map(|i| format!("?{i}")).collect();
        let insert_figure = format!(
            "INSERT INTO figures (record_id, n, {}) VALUES (?1, ?2, {})",
            fnames.join(", "),
            fmarks.join(", ")
        );
        Ok(Writer {
            conn,
            upsert_record: conn.prepare(&upsert)?,
            delete_figures: conn
                .prepare("DELETE FROM figures WHERE record_id = ?1")?,
            insert_figure: conn.prepare(&insert_figure)?,
            delete_sources: conn
                .prepare("DELETE FROM sources WHERE record_id = ?1")?,
            insert_source: conn.prepare(
                "INSERT OR IGNORE INTO sources \
                 (record_id, format, path, idx, resource, won) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?,
            find_member: conn.prepare(
                "SELECT member_id, twfy_id, name, printed, house, party, \
                 constituency FROM members WHERE key = ?1",
            )?,
            put_member: conn.prepare(
                "INSERT OR REPLACE INTO members \
                 (key, member_id, twfy_id, name, printed, house, party, \
                 constituency) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            )?,
        })
    }

    fn write(&mut self, m: &Merged, counts: &mut Counts) -> Result<()> {
        if m.unchanged {
            counts.unchanged += 1;
            return Ok(());
        }
        let r = &m.record;
        if let Some(old) = m.previous_id.as_deref() {
            if old != r.id {
                delete_record(self.conn, old)?;
            }
        }
        // The record row: an upsert keeps `record_no`, and so the index.
        let values: Vec<Value> =
            RECORD_COLUMNS.iter().map(|c| sql_value((c.get)(r))).collect();
        self.upsert_record.execute(rusqlite::params_from_iter(values))?;
        counts.records += 1;

        self.delete_figures.execute([&r.id])?;
        for (n, f) in r.figures.iter().enumerate() {
            let mut values = vec![
                Value::Text(r.id.clone()),
                Value::Integer(i64::try_from(n).unwrap_or(i64::MAX)),
            ];
            values
                .extend(FIGURE_COLUMNS.iter().map(|c| sql_value((c.get)(f))));
            self.insert_figure.execute(rusqlite::params_from_iter(values))?;
            counts.figures += 1;
        }

        self.delete_sources.execute([&r.id])?;
        let all =
            r.sources.as_deref().unwrap_or(std::slice::from_ref(&r.source));
        for s in all {
            let won = s == &r.source;
            let idx = i64::try_from(s.index).unwrap_or(i64::MAX);
            self.insert_source.execute(params![
                r.id,
                s.format.name(),
                s.path,
                idx,
                s.resource,
                won
            ])?;
            counts.sources += 1;
        }

        let people = [
            r.question.as_ref().and_then(|q| q.asker.as_ref()),
            r.answer.as_ref().and_then(|a| a.answerer.as_ref()),
        ];
        for p in people.into_iter().flatten() {
            if self.upsert_member(p, r.house)? {
                counts.members += 1;
            }
        }
        Ok(())
    }

    /// Inserts or completes the person's row; whether a row changed.
    fn upsert_member(
        &mut self,
        p: &Person,
        house: Option<House>,
    ) -> Result<bool> {
        let name_key =
            p.name.as_deref().or(p.printed.as_deref()).map(match_key);
        let key = match (p.member_id, &p.twfy_id, name_key) {
            (Some(id), _, _) => format!("m:{id}"),
            (None, Some(t), _) => format!("t:{t}"),
            (None, None, Some(n)) if !n.is_empty() => {
                format!("n:{}:{n}", house.map_or("", House::as_str))
            }
            _ => return Ok(false),
        };
        let old: Option<MemberRow> = self
            .find_member
            .query_map([&key], |row| {
                let printed: String = row.get(3)?;
                Ok(MemberRow {
                    member_id: row.get(0)?,
                    twfy_id: row.get(1)?,
                    name: row.get(2)?,
                    printed: serde_json::from_str(&printed)
                        .unwrap_or_default(),
                    house: row.get(4)?,
                    party: row.get(5)?,
                    constituency: row.get(6)?,
                })
            })?
            .next()
            .transpose()?;
        let mut new = MemberRow {
            member_id: p.member_id.and_then(|n| i64::try_from(n).ok()),
            twfy_id: p.twfy_id.clone(),
            name: p.name.clone(),
            printed: p.printed.iter().cloned().collect(),
            house: house.map(|h| h.as_str().to_string()),
            party: p.party.clone(),
            constituency: p.constituency.clone(),
        };
        if let Some(old) = &old {
            // What is already there stays; new facts fill the gaps.
            new = MemberRow {
                member_id: old.member_id.or(new.member_id),
                twfy_id: old.twfy_id.clone().or(new.twfy_id),
                name: old.name.clone().or(new.name),
                printed: {
                    let mut all = old.printed.clone();
                    all.extend(new.printed);
                    all.sort();
                    all.dedup();
                    all
                },
                house: old.house.clone().or(new.house),
                party: old.party.clone().or(new.party),
                constituency: old.constituency.clone().or(new.constituency),
            };
            if &new == old {
                return Ok(false);
            }
        }
        self.put_member.execute(params![
            key,
            new.member_id,
            new.twfy_id,
            new.name,
            serde_json::to_string(&new.printed)?,
            new.house,
            new.party,
            new.constituency
        ])?;
        Ok(true)
    }
}

/// A member row as stored.
#[derive(PartialEq)]
struct MemberRow {
    member_id: Option<i64>,
    twfy_id: Option<String>,
    name: Option<String>,
    printed: Vec<String>,
    house: Option<String>,
    party: Option<String>,
    constituency: Option<String>,
}
