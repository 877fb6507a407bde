//! One record per question across all inputs and sources (`--merge`).
//!
//! # Keys
//!
//! Records are grouped when they share a key (SPEC section 4), checked in
//! this order of strength:
//!
//! - the record's `id` (`HOUSE/TABLED_ON/UIN`, or the content hash);
//! - the source's own id of the question, for sources whose ids name one
//!   question: the Written Questions API's question id (`wqapi_json`,
//!   list dumps and the "longform" full answers alike) and the Linked Data
//!   API's resource number (`lda_json`, `lda_text`);
//! - house + UIN + tabling date; house + UIN + answer date (accepted only
//!   when the tabling dates do not differ);
//! - the normalised question text ([`crate::text::match_key`]) + tabling
//!   date, or + answer date (accepted only when house, UIN and asker do
//!   not differ: members table identical questions on the same day). A truncated question text gives no text key.
//!
//! A record sharing keys with several groups joins them into one.
//!
//! # Resolution
//!
//! [`merge`] resolves one group: the answer text comes from the best
//! answer (a correction beats the original, a substantive answer beats a
//! holding answer, untruncated beats truncated, then input order; a
//! truncated best answer takes its text from an untruncated one that
//! begins with it, such as the "longform" full answer, which does not say
//! whether it is a correction); the question text from the first
//! untruncated question. Every other field
//! is filled from whichever source has it; `source` is the origin whose
//! text won and `sources` lists every origin in input order. Sources that
//! disagree (different answer dates, answerer, tabling date, UIN, house,
//! or an answer text that is not the same text) give a warning on the
//! merged record. The figures are those of the winning answer's text.
//!
//! # Members
//!
//! A person with a name but no member id (or TheyWorkForYou id) gets the
//! id when the inputs show exactly one such id for that name in that
//! House on dates within a year of the record's date (its answer date,
//! else its tabling date), with a warning saying so (see
//! `docs/decisions.md`). Within one question's group, records naming the
//! same person complete each other without a warning.
//!
//! # Memory
//!
//! [`MergeStore`] keeps the records in an on-disk SQLite database (a
//! temporary one, or the export database itself), so memory does not grow
//! with the corpus: only one group is in memory at a time.

use std::collections::BTreeSet;

use rusqlite::{params, Connection, OptionalExtension, Statement};

use super::{RecordSink, Result, Summary};
use crate::format::Format;
use crate::record::{Answer, House, Person, Question, Record, Source};
use crate::text::{match_key, record_id, stable_hash};

/// Records added between two commits of the store.
const COMMIT_EVERY: u64 = 20_000;

/// The most records merged into one: a bound on memory should many
/// (broken, empty) records share one key.
const MAX_GROUP: usize = 1000;

/// Groups read from the store at a time when draining.
const DRAIN_PAGE: usize = 512;

/// How records are grouped.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Grouping {
    /// By record id only (an upsert of the same record from re-imports).
    ById,
    /// By every key of SPEC section 4 (`--merge`).
    Merge,
}

/// The kind of a key, which decides when a match is accepted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum KeyClass {
    /// Record id, source id, house + UIN + tabling date: always.
    Strong,
    /// House + UIN + answer date: when the tabling dates agree.
    UinAnswered,
    /// Question text + date: when house and UIN agree.
    Text,
}

/// The keys of a record, with their classes.
fn keys(record: &Record, grouping: Grouping) -> Vec<(String, KeyClass)> {
    let mut out = vec![(format!("id:{}", record.id), KeyClass::Strong)];
    if grouping == Grouping::ById {
        return out;
    }
    if let Some(res) = record.source.resource.as_deref() {
        let family = match record.source.format {
            Format::WqapiJson => Some("wqapi"),
            Format::LdaJson | Format::LdaText => Some("lda"),
            // A TheyWorkForYou `<ques>` id is shared by grouped questions.
            _ => None,
        };
        if let Some(f) = family {
            out.push((format!("res:{f}:{res}"), KeyClass::Strong));
        }
    }
    let q = record.question.as_ref();
    let tabled = q.and_then(|q| q.tabled_on.as_deref());
    let answered =
        record.answer.as_ref().and_then(|a| a.answered_on.as_deref());
    if let (Some(h), Some(u)) = (record.house, record.uin.as_deref()) {
        let h = h.as_str();
        if let Some(t) = tabled {
            out.push((format!("uin:{h}/{u}/t:{t}"), KeyClass::Strong));
        }
        if let Some(a) = answered {
            out.push((format!("uin:{h}/{u}/a:{a}"), KeyClass::UinAnswered));
        }
    }
    let text = q.filter(|q| !q.truncated).and_then(|q| q.text.as_deref());
    if let Some(text) = text.map(match_key).filter(|k| k.len() >= 20) {
        let hash = stable_hash(&[&text]);
        if let Some(t) = tabled {
            out.push((format!("txt:t:{t}/{hash:016x}"), KeyClass::Text));
        }
        if let Some(a) = answered {
            out.push((format!("txt:a:{a}/{hash:016x}"), KeyClass::Text));
        }
    }
    out
}

/// `a` and `b` do not contradict each other (either is unknown, or equal).
fn agree<T: PartialEq>(a: Option<T>, b: Option<T>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a == b,
        _ => true,
    }
}

/// The origin of a record, unique per input record: format, path, index.
fn origin(s: &Source) -> String {
    format!("{}\u{1f}{}\u{1f}{}", s.format.name(), s.path, s.index)
}

/// A person's name as matched across sources.
fn name_key(p: &Person) -> Option<String> {
    p.name.as_deref().or(p.printed.as_deref()).map(match_key)
}

/// Whether two person objects are the same person.
fn same_person(a: &Person, b: &Person) -> bool {
    if let (Some(x), Some(y)) = (a.member_id, b.member_id) {
        return x == y;
    }
    if let (Some(x), Some(y)) = (&a.twfy_id, &b.twfy_id) {
        return x == y;
    }
    match (name_key(a), name_key(b)) {
        (Some(x), Some(y)) => x == y,
        _ => true,
    }
}

/// Fills `into`'s missing fields from `from`.
fn fill_person(into: &mut Person, from: &Person) {
    fn fill<T: Clone>(a: &mut Option<T>, b: &Option<T>) {
        if a.is_none() {
            a.clone_from(b);
        }
    }
    fill(&mut into.name, &from.name);
    fill(&mut into.printed, &from.printed);
    fill(&mut into.member_id, &from.member_id);
    fill(&mut into.twfy_id, &from.twfy_id);
    fill(&mut into.party, &from.party);
    fill(&mut into.constituency, &from.constituency);
    fill(&mut into.role, &from.role);
}

fn fill<T: Clone>(a: &mut Option<T>, b: &Option<T>) {
    if a.is_none() {
        a.clone_from(b);
    }
}

/// `format path#index`, to name a source in a warning.
fn cite(s: &Source) -> String {
    format!("{} {}#{}", s.format.name(), s.path, s.index)
}

/// A warning when the records give different values of one field.
fn disagree<'a>(
    what: &str,
    records: &'a [Record],
    get: impl Fn(&'a Record) -> Option<String>,
    kept: Option<&str>,
) -> Option<String> {
    let mut seen: Vec<(String, &Source)> = Vec::new();
    for r in records {
        if let Some(v) = get(r) {
            if !seen.iter().any(|(s, _)| *s == v) {
                seen.push((v, &r.source));
            }
        }
    }
    if seen.len() < 2 {
        return None;
    }
    let list: Vec<String> =
        seen.iter().map(|(v, s)| format!("{v} ({})", cite(s))).collect();
    Some(format!(
        "merge: sources disagree on {what}: {}; kept {}",
        list.join(", "),
        kept.unwrap_or("none")
    ))
}

/// The rank of an answer: a correction beats the original, a substantive
/// answer a holding one, untruncated beats truncated.
fn answer_rank(a: &Answer) -> (bool, bool, bool) {
    (a.is_correction, !a.is_holding, !a.truncated)
}

/// A truncated text without its trailing ellipsis.
fn untruncated_part(text: &str) -> &str {
    let t = text.trim_end();
    t.strip_suffix("...").or_else(|| t.strip_suffix('…')).unwrap_or(t)
}

/// Merges the records of one question (in input order) into one record,
/// as the module documentation says. `None` for an empty slice.
pub fn merge(records: &[Record]) -> Option<Record> {
    let first = records.first()?;
    let answer_win = best(records, |r| {
        r.answer.as_ref().filter(|a| a.text.is_some()).map(answer_rank)
    });
    let question_win = best(records, |r| {
        r.question.as_ref().filter(|q| q.text.is_some()).map(|q| !q.truncated)
    });
    // A truncated winning answer gives way, for its text only, to an
    // untruncated text that begins with it (the same answer, not cut: a
    // longform full answer does not say whether it is a correction).
    let text_win = answer_win.map(|w| full_text_of(records, w).unwrap_or(w));
    let base = text_win.or(question_win).unwrap_or(0);
    let mut m = records.get(base).unwrap_or(first).clone();
    // The base first, then the others in input order.
    let order: Vec<&Record> = std::iter::once(base)
        .chain((0..records.len()).filter(|&i| i != base))
        .filter_map(|i| records.get(i))
        .collect();
    for r in &order {
        fill(&mut m.house, &r.house);
        fill(&mut m.uin, &r.uin);
        fill(&mut m.heading, &r.heading);
        if m.letter.is_none() {
            m.letter.clone_from(&r.letter);
        }
    }
    let mut warnings: Vec<String> = Vec::new();
    m.question = merge_questions(records, question_win, &mut warnings);
    m.answer = merge_answers(records, answer_win, &mut warnings);
    if let (Some(a), Some(t)) = (m.answer.as_mut(), text_win) {
        if Some(t) != answer_win {
            let full = records.get(t).and_then(|r| r.answer.as_ref());
            a.text = full.and_then(|f| f.text.clone());
            a.truncated = false;
        }
    }
    conflicts(records, &m, text_win, &mut warnings);
    let mut all: Vec<String> = Vec::new();
    for w in records.iter().flat_map(|r| &r.warnings).chain(&warnings) {
        if !all.contains(w) {
            all.push(w.clone());
        }
    }
    m.warnings = all;
    m.sources = Some(records.iter().map(|r| r.source.clone()).collect());
    m.id = record_id(&m);
    Some(m)
}

/// The first record with an untruncated answer text that begins with the
/// truncated answer text of record `cut` (compared as [`match_key`]s).
fn full_text_of(records: &[Record], cut: usize) -> Option<usize> {
    let a = records.get(cut)?.answer.as_ref().filter(|a| a.truncated)?;
    let key = match_key(untruncated_part(a.text.as_deref()?));
    if key.is_empty() {
        return None;
    }
    records.iter().position(|r| {
        r.answer.as_ref().is_some_and(|o| {
            !o.truncated
                && o.text
                    .as_deref()
                    .is_some_and(|t| match_key(t).starts_with(&key))
        })
    })
}

/// The index of the record with the highest rank (the first among equals).
fn best<K: Ord>(
    records: &[Record],
    rank: impl Fn(&Record) -> Option<K>,
) -> Option<usize> {
    let mut best: Option<(usize, K)> = None;
    for (i, r) in records.iter().enumerate() {
        if let Some(k) = rank(r) {
            if best.as_ref().is_none_or(|(_, b)| k > *b) {
                best = Some((i, k));
            }
        }
    }
    best.map(|(i, _)| i)
}

fn merge_questions(
    records: &[Record],
    win: Option<usize>,
    warnings: &mut Vec<String>,
) -> Option<Question> {
    let start =
        win.or_else(|| records.iter().position(|r| r.question.is_some()))?;
    let mut q = records.get(start)?.question.clone()?;
    for (i, r) in records.iter().enumerate() {
        let Some(o) = r.question.as_ref().filter(|_| i != start) else {
            continue;
        };
        fill(&mut q.tabled_on, &o.tabled_on);
        fill(&mut q.addressed_to, &o.addressed_to);
        fill(&mut q.answering_body, &o.answering_body);
        fill(&mut q.answering_body_id, &o.answering_body_id);
        fill(&mut q.named_day, &o.named_day);
        fill(&mut q.registered_interest, &o.registered_interest);
        merge_person(&mut q.asker, &o.asker, "question.asker", warnings);
    }
    Some(q)
}

fn merge_answers(
    records: &[Record],
    win: Option<usize>,
    warnings: &mut Vec<String>,
) -> Option<Answer> {
    let start =
        win.or_else(|| records.iter().position(|r| r.answer.is_some()))?;
    let mut a = records.get(start)?.answer.clone()?;
    for (i, r) in records.iter().enumerate() {
        let Some(o) = r.answer.as_ref().filter(|_| i != start) else {
            continue;
        };
        if o.is_holding && !a.is_holding {
            // A holding answer given before this one.
            if o.answered_on != a.answered_on {
                fill(&mut a.holding_answered_on, &o.answered_on);
            }
        } else if o.is_holding == a.is_holding {
            fill(&mut a.answered_on, &o.answered_on);
        }
        fill(&mut a.holding_answered_on, &o.holding_answered_on);
        fill(&mut a.corrected_on, &o.corrected_on);
        if a.grouped_with.is_empty() {
            a.grouped_with.clone_from(&o.grouped_with);
        }
        merge_person(
            &mut a.answerer,
            &o.answerer,
            "answer.answerer",
            warnings,
        );
    }
    Some(a)
}

/// Fills `into` from `from` when they are the same person; a warning when
/// they are not.
fn merge_person(
    into: &mut Option<Person>,
    from: &Option<Person>,
    what: &str,
    warnings: &mut Vec<String>,
) {
    let Some(from) = from else { return };
    match into {
        None => *into = Some(from.clone()),
        Some(p) if same_person(p, from) => fill_person(p, from),
        Some(p) => {
            let show = |p: &Person| {
                let name = p.name.as_deref().or(p.printed.as_deref());
                match (name, p.member_id) {
                    (Some(n), Some(id)) => format!("{n} ({id})"),
                    (Some(n), None) => n.to_string(),
                    (None, Some(id)) => id.to_string(),
                    (None, None) => "unnamed".to_string(),
                }
            };
            let w = format!(
                "merge: sources disagree on {what}: {} and {}; kept {}",
                show(p),
                show(from),
                show(p)
            );
            if !warnings.contains(&w) {
                warnings.push(w);
            }
        }
    }
}

/// Warnings for fields the sources give differently.
fn conflicts(
    records: &[Record],
    m: &Record,
    answer_win: Option<usize>,
    warnings: &mut Vec<String>,
) {
    let kept_answer = m.answer.as_ref();
    let holding = kept_answer.map(|a| (a.is_holding, a.is_correction));
    // Answer dates of answers of the same standing as the kept one (a
    // holding answer and the later substantive one differ by design).
    warnings.extend(disagree(
        "answer.answered_on",
        records,
        |r| {
            r.answer
                .as_ref()
                .filter(|a| Some((a.is_holding, a.is_correction)) == holding)
                .and_then(|a| a.answered_on.map(|d| d.to_string()))
        },
        kept_answer.and_then(|a| a.answered_on.as_deref()),
    ));
    warnings.extend(disagree(
        "question.tabled_on",
        records,
        |r| {
            r.question
                .as_ref()
                .and_then(|q| q.tabled_on.map(|d| d.to_string()))
        },
        m.question.as_ref().and_then(|q| q.tabled_on.as_deref()),
    ));
    warnings.extend(disagree(
        "uin",
        records,
        |r| r.uin.clone(),
        m.uin.as_deref(),
    ));
    warnings.extend(disagree(
        "house",
        records,
        |r| r.house.map(|h: House| h.as_str().to_string()),
        m.house.map(House::as_str),
    ));
    // The answer texts: a truncated text must begin the kept one, and
    // untruncated texts must be the same words.
    let Some(win) = answer_win.and_then(|i| records.get(i)) else {
        return;
    };
    let Some(kept) = win.answer.as_ref().and_then(|a| a.text.as_deref())
    else {
        return;
    };
    let kept_key = match_key(kept);
    for r in records {
        if std::ptr::eq(r, win) {
            continue;
        }
        let Some(a) = r.answer.as_ref() else { continue };
        let Some(text) = a.text.as_deref() else { continue };
        if a.is_holding != win.answer.as_ref().is_some_and(|w| w.is_holding)
            || a.is_correction
                != win.answer.as_ref().is_some_and(|w| w.is_correction)
        {
            continue;
        }
        let same = if a.truncated {
            // The cut may fall inside a word: compare as a prefix.
            kept_key.starts_with(&match_key(untruncated_part(text)))
        } else {
            match_key(text) == kept_key
        };
        if !same {
            warnings.push(format!(
                "merge: the answer text of {} is not the same as the kept \
                 text of {}",
                cite(&r.source),
                cite(&win.source)
            ));
        }
    }
}

/// An on-disk store of records waiting to be merged: a temporary SQLite
/// database, or tables `merge_*` of an export database.
pub struct MergeStore {
    conn: Connection,
    grouping: Grouping,
    next_seq: i64,
    since_commit: u64,
    in_transaction: bool,
    /// Records waiting to be added in one batch (bounded by
    /// [`ADD_BATCH`]), so that statements are prepared once per batch.
    pending: Vec<Record>,
    /// Records added.
    pub records_in: u64,
    /// Records added that the store already held unchanged.
    pub unchanged: u64,
}

/// Records added to the store in one batch.
const ADD_BATCH: usize = 256;

/// One merged record ready to be written.
pub struct Merged {
    /// The merged record.
    pub record: Record,
    /// The id this group was last written under, if any (it changes when
    /// a later input fills the UIN or tabling date).
    pub previous_id: Option<String>,
    /// Whether the record is the same as when last written.
    pub unchanged: bool,
}

const STORE_SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS merge_input (
    seq INTEGER PRIMARY KEY,
    gid INTEGER NOT NULL,
    origin TEXT NOT NULL UNIQUE,
    json TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS merge_input_gid ON merge_input(gid);
CREATE TABLE IF NOT EXISTS merge_key (
    key TEXT PRIMARY KEY,
    gid INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS merge_key_gid ON merge_key(gid);
CREATE TABLE IF NOT EXISTS merge_group (
    gid INTEGER PRIMARY KEY,
    first_seq INTEGER NOT NULL,
    house TEXT,
    uin TEXT,
    tabled_on TEXT,
    asker TEXT,
    dirty INTEGER NOT NULL,
    record_id TEXT,
    record_hash TEXT
);
CREATE INDEX IF NOT EXISTS merge_group_dirty
    ON merge_group(first_seq) WHERE dirty = 1;
CREATE TABLE IF NOT EXISTS merge_stale (record_id TEXT PRIMARY KEY);
CREATE TABLE IF NOT EXISTS merge_person (
    house TEXT NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    value TEXT NOT NULL,
    date TEXT NOT NULL,
    PRIMARY KEY (house, name, kind, date, value)
) WITHOUT ROWID;
";

/// The statements of one batch of additions, prepared once.
struct AddStatements<'c> {
    find_origin: Statement<'c>,
    delete_input: Statement<'c>,
    mark_dirty: Statement<'c>,
    find_key: Statement<'c>,
    new_group: Statement<'c>,
    insert_input: Statement<'c>,
    insert_key: Statement<'c>,
    update_group: Statement<'c>,
    join_inputs: Statement<'c>,
    join_keys: Statement<'c>,
    join_stale: Statement<'c>,
    join_group: Statement<'c>,
    drop_group: Statement<'c>,
    note_person: Statement<'c>,
}

impl<'c> AddStatements<'c> {
    fn new(c: &'c Connection) -> rusqlite::Result<AddStatements<'c>> {
        Ok(AddStatements {
            find_origin: c.prepare(
                "SELECT seq, gid, json FROM merge_input WHERE origin = ?1",
            )?,
            delete_input: c.prepare("DELETE FROM merge_input WHERE seq = ?1")?,
            mark_dirty: c
                .prepare("UPDATE merge_group SET dirty = 1 WHERE gid = ?1")?,
            find_key: c.prepare(
                "SELECT g.gid, g.house, g.uin, g.tabled_on, g.asker \
                 FROM merge_key k JOIN merge_group g ON g.gid = k.gid \
                 WHERE k.key = ?1",
            )?,
            new_group: c.prepare(
                "INSERT INTO merge_group (first_seq, dirty) VALUES (?1, 1)",
            )?,
            insert_input: c.prepare(
                "INSERT INTO merge_input (seq, gid, origin, json) \
                 VALUES (?1, ?2, ?3, ?4)",
            )?,
            insert_key: c.prepare(
                "INSERT OR IGNORE INTO merge_key (key, gid) VALUES (?1, ?2)",
            )?,
            update_group: c.prepare(
                "UPDATE merge_group SET house = COALESCE(house, ?2), \
                 uin = COALESCE(uin, ?3), tabled_on = COALESCE(tabled_on, ?4), \
                 first_seq = MIN(first_seq, ?5), asker = COALESCE(asker, ?6), \
                 dirty = 1 WHERE gid = ?1",
            )?,
            join_inputs: c
                .prepare("UPDATE merge_input SET gid = ?1 WHERE gid = ?2")?,
            join_keys: c
                .prepare("UPDATE merge_key SET gid = ?1 WHERE gid = ?2")?,
            join_stale: c.prepare(
                "INSERT OR IGNORE INTO merge_stale (record_id) \
                 SELECT record_id FROM merge_group \
                 WHERE gid = ?1 AND record_id IS NOT NULL",
            )?,
            join_group: c.prepare(
                "UPDATE merge_group SET \
                 house = COALESCE(house, (SELECT house FROM merge_group WHERE gid = ?2)), \
                 uin = COALESCE(uin, (SELECT uin FROM merge_group WHERE gid = ?2)), \
                 tabled_on = COALESCE(tabled_on, \
                   (SELECT tabled_on FROM merge_group WHERE gid = ?2)), \
                 first_seq = MIN(first_seq, \
                   (SELECT first_seq FROM merge_group WHERE gid = ?2)), \
                 asker = COALESCE(asker, (SELECT asker FROM merge_group WHERE gid = ?2)), \
                 dirty = 1 WHERE gid = ?1",
            )?,
            drop_group: c.prepare("DELETE FROM merge_group WHERE gid = ?1")?,
            note_person: c.prepare(
                "INSERT OR IGNORE INTO merge_person (house, name, kind, value, date) \
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )?,
        })
    }
}

impl MergeStore {
    /// A store in a temporary on-disk database, deleted when the store is
    /// dropped.
    pub fn temporary(grouping: Grouping) -> Result<MergeStore> {
        // An empty file name: SQLite's private temporary database on disk.
        let conn = Connection::open("")?;
        conn.execute_batch(
            "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;
             PRAGMA temp_store = FILE; PRAGMA cache_size = -32768;",
        )?;
        MergeStore::on(conn, grouping)
    }

    /// A store in the tables `merge_*` of `conn`, created if missing.
    pub fn on(conn: Connection, grouping: Grouping) -> Result<MergeStore> {
        conn.execute_batch(STORE_SCHEMA)?;
        let next_seq: i64 = conn.query_row(
            "SELECT COALESCE(MAX(seq), 0) + 1 FROM merge_input",
            [],
            |r| r.get(0),
        )?;
        Ok(MergeStore {
            conn,
            grouping,
            next_seq,
            since_commit: 0,
            in_transaction: false,
            pending: Vec::new(),
            records_in: 0,
            unchanged: 0,
        })
    }

    /// The database connection.
    pub fn connection(&self) -> &Connection {
        &self.conn
    }

    fn begin(&mut self) -> Result<()> {
        if !self.in_transaction {
            self.conn.execute_batch("BEGIN")?;
            self.in_transaction = true;
        }
        Ok(())
    }

    /// Adds the records waiting, then commits the open transaction.
    pub fn commit(&mut self) -> Result<()> {
        self.flush()?;
        if self.in_transaction {
            self.conn.execute_batch("COMMIT")?;
            self.in_transaction = false;
        }
        self.since_commit = 0;
        Ok(())
    }

    /// Adds one record. A record whose origin (format, path, index) the
    /// store already holds replaces it, or changes nothing when it is the
    /// same.
    pub fn add(&mut self, record: &Record) -> Result<()> {
        self.records_in += 1;
        self.pending.push(record.clone());
        if self.pending.len() >= ADD_BATCH {
            self.flush()?;
            if self.since_commit >= COMMIT_EVERY {
                self.commit()?;
            }
        }
        Ok(())
    }

    /// Adds the records waiting in `pending`.
    fn flush(&mut self) -> Result<()> {
        if self.pending.is_empty() {
            return Ok(());
        }
        self.begin()?;
        let pending = std::mem::take(&mut self.pending);
        let mut st = AddStatements::new(&self.conn)?;
        for record in &pending {
            let seq = self.next_seq;
            match add_one(&mut st, record, self.grouping, seq)? {
                Added::Unchanged => self.unchanged += 1,
                Added::New => self.next_seq += 1,
                Added::Replaced => {}
            }
        }
        self.since_commit += pending.len() as u64;
        Ok(())
    }

    /// The one id of `kind` the inputs show for this name in this House
    /// within a year of `date`.
    fn person_id(
        stmt: &mut Statement<'_>,
        house: &str,
        name: &str,
        kind: &str,
        date: &str,
    ) -> Result<Option<String>> {
        let found: Vec<String> = stmt
            .query_map([house, name, kind, date], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(match found.as_slice() {
            [one] => Some(one.clone()),
            _ => None,
        })
    }

    /// Fills missing member and TheyWorkForYou ids of the record's people
    /// from what other inputs show for the same name, with a warning.
    fn fill_people(
        stmt: &mut Statement<'_>,
        record: &mut Record,
    ) -> Result<()> {
        let Some(house) = record.house.map(House::as_str) else {
            return Ok(());
        };
        let Some(date) = record_date(record).map(str::to_string) else {
            return Ok(());
        };
        let mut notes = Vec::new();
        let people = [
            (
                "question.asker",
                record.question.as_mut().and_then(|q| q.asker.as_mut()),
            ),
            (
                "answer.answerer",
                record.answer.as_mut().and_then(|a| a.answerer.as_mut()),
            ),
        ];
        for (what, p) in people {
            let Some(p) = p else { continue };
            let Some(name) = name_key(p).filter(|n| !n.is_empty()) else {
                continue;
            };
            let shown = p.name.clone().or_else(|| p.printed.clone());
            let shown = shown.unwrap_or_default();
            if p.member_id.is_none() {
                let id = MergeStore::person_id(
                    stmt, house, &name, "member", &date,
                )?;
                if let Some(id) = id.and_then(|v| v.parse::<u64>().ok()) {
                    p.member_id = Some(id);
                    notes.push(format!(
                        "merge: {what}.member_id {id} is the id other inputs \
                         give for {shown:?} within a year of {date}"
                    ));
                }
            }
            if p.twfy_id.is_none() {
                if let Some(id) =
                    MergeStore::person_id(stmt, house, &name, "twfy", &date)?
                {
                    notes.push(format!(
                        "merge: {what}.twfy_id {id} is the id other inputs \
                         give for {shown:?} within a year of {date}"
                    ));
                    p.twfy_id = Some(id);
                }
            }
        }
        record.warnings.extend(notes);
        Ok(())
    }

    /// Record ids that groups joined into others were written under: the
    /// caller deletes them. Clears the list.
    pub fn take_stale(&mut self) -> Result<Vec<String>> {
        self.flush()?;
        self.begin()?;
        let ids: Vec<String> = self
            .conn
            .prepare("SELECT record_id FROM merge_stale")?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        self.conn.execute("DELETE FROM merge_stale", [])?;
        Ok(ids)
    }

    /// Merges every group changed since the last drain, in input order of
    /// the groups' first records, and hands them to `write` a page at a
    /// time (a few hundred), with the store's connection; returns how many
    /// groups were merged.
    pub fn drain(
        &mut self,
        mut write: impl FnMut(&Connection, &[&Merged]) -> Result<()>,
    ) -> Result<u64> {
        self.flush()?;
        self.begin()?;
        let mut after = i64::MIN;
        let mut n = 0;
        loop {
            let c = &self.conn;
            let page: Vec<(i64, i64, Option<String>, Option<String>)> = c
                .prepare(
                    "SELECT gid, first_seq, record_id, record_hash FROM merge_group \
                     WHERE dirty = 1 AND first_seq > ?1 ORDER BY first_seq LIMIT ?2",
                )?
                .query_map(params![after, DRAIN_PAGE as i64], |r| {
                    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
                })?
                .collect::<rusqlite::Result<_>>()?;
            let Some(last) = page.last() else { break };
            after = last.1;
            let mut inputs = c.prepare(
                "SELECT json FROM merge_input WHERE gid = ?1 ORDER BY seq \
                 LIMIT ?2",
            )?;
            let mut stale =
                c.prepare("INSERT OR IGNORE INTO merge_stale VALUES (?1)")?;
            let mut drop_group =
                c.prepare("DELETE FROM merge_group WHERE gid = ?1")?;
            let mut done = c.prepare(
                "UPDATE merge_group SET dirty = 0, record_id = ?2, \
                 record_hash = ?3 WHERE gid = ?1",
            )?;
            let mut people = c.prepare(
                "SELECT DISTINCT value FROM merge_person WHERE house = ?1 \
                 AND name = ?2 AND kind = ?3 \
                 AND date BETWEEN date(?4, '-366 days') AND date(?4, '+366 days') \
                 LIMIT 2",
            )?;
            let mut merged_page = Vec::with_capacity(page.len());
            for (gid, _, previous_id, previous_hash) in page {
                // At most MAX_GROUP records (one more to tell).
                let mut records: Vec<Record> = inputs
                    .query_map(params![gid, MAX_GROUP as i64 + 1], |r| {
                        r.get::<_, String>(0)
                    })?
                    .map(|j| -> Result<Record> {
                        Ok(serde_json::from_str(&j?)?)
                    })
                    .collect::<Result<_>>()?;
                let too_many = records.len() > MAX_GROUP;
                records.truncate(MAX_GROUP);
                let Some(mut record) = merge(&records) else {
                    // Every input of the group was replaced elsewhere.
                    if let Some(id) = previous_id {
                        stale.execute([id])?;
                    }
                    drop_group.execute([gid])?;
                    continue;
                };
                if self.grouping == Grouping::Merge {
                    MergeStore::fill_people(&mut people, &mut record)?;
                }
                if too_many {
                    record.warnings.push(format!(
                        "merge: more than {MAX_GROUP} input records share \
                         this question's keys; the first {MAX_GROUP} were \
                         merged"
                    ));
                }
                let hash = format!(
                    "{:016x}",
                    stable_hash(&[&serde_json::to_string(&record)?])
                );
                let unchanged = previous_hash.as_deref()
                    == Some(hash.as_str())
                    && previous_id.as_deref() == Some(record.id.as_str());
                merged_page.push((
                    gid,
                    hash,
                    Merged { record, previous_id, unchanged },
                ));
            }
            {
                let refs: Vec<&Merged> =
                    merged_page.iter().map(|(_, _, m)| m).collect();
                write(c, &refs)?;
            }
            for (gid, hash, m) in &merged_page {
                done.execute(params![gid, m.record.id, hash])?;
                n += 1;
            }
            drop((inputs, stale, drop_group, done, people));
            // Large transactions, but not one for the whole corpus.
            self.since_commit += DRAIN_PAGE as u64;
            if self.since_commit >= COMMIT_EVERY {
                self.commit()?;
                self.begin()?;
            }
        }
        self.commit()?;
        Ok(n)
    }
}

/// The date a record's people are seen on: the answer's, else the
/// tabling date.
fn record_date(r: &Record) -> Option<&str> {
    r.answer
        .as_ref()
        .and_then(|a| a.answered_on.as_deref())
        .or_else(|| r.question.as_ref().and_then(|q| q.tabled_on.as_deref()))
}

/// What adding one record did.
enum Added {
    /// The store held the same record from the same origin.
    Unchanged,
    /// The record replaced an earlier one from the same origin.
    Replaced,
    /// The record is new, stored under the sequence number given.
    New,
}

/// Adds one record under sequence number `seq` (unless it replaces one).
fn add_one(
    st: &mut AddStatements<'_>,
    record: &Record,
    grouping: Grouping,
    seq: i64,
) -> Result<Added> {
    let json = serde_json::to_string(record)?;
    let origin = origin(&record.source);
    let old: Option<(i64, i64, String)> = st
        .find_origin
        .query_row([&origin], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .optional()?;
    let (seq, added) = match old {
        Some((_, _, ref j)) if *j == json => return Ok(Added::Unchanged),
        Some((old_seq, gid, _)) => {
            st.delete_input.execute([old_seq])?;
            st.mark_dirty.execute([gid])?;
            (old_seq, Added::Replaced)
        }
        None => (seq, Added::New),
    };
    let keys = keys(record, grouping);
    let house = record.house.map(House::as_str);
    let uin = record.uin.as_deref();
    let tabled = record.question.as_ref().and_then(|q| q.tabled_on.as_deref());
    let asker = record
        .question
        .as_ref()
        .and_then(|q| q.asker.as_ref())
        .and_then(name_key)
        .filter(|n| !n.is_empty());
    let mut groups = BTreeSet::new();
    for (key, class) in &keys {
        type Hit = (i64, [Option<String>; 4]);
        let hit: Option<Hit> = st
            .find_key
            .query_row([key], |r| {
                Ok((r.get(0)?, [r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?]))
            })
            .optional()?;
        let Some((gid, [g_house, g_uin, g_tabled, g_asker])) = hit else {
            continue;
        };
        let accept = match class {
            KeyClass::Strong => true,
            KeyClass::UinAnswered => agree(g_tabled.as_deref(), tabled),
            // The same words on the same day from two members are two
            // questions.
            KeyClass::Text => {
                agree(g_house.as_deref(), house)
                    && agree(g_uin.as_deref(), uin)
                    && agree(g_asker.as_deref(), asker.as_deref())
            }
        };
        if accept {
            groups.insert(gid);
        }
    }
    let mut groups = groups.into_iter();
    let gid = match groups.next() {
        Some(g) => g,
        None => st.new_group.insert([seq])?,
    };
    for other in groups {
        st.join_inputs.execute([gid, other])?;
        st.join_keys.execute([gid, other])?;
        st.join_stale.execute([other])?;
        st.join_group.execute([gid, other])?;
        st.drop_group.execute([other])?;
    }
    st.insert_input.execute(params![seq, gid, origin, json])?;
    for (key, _) in &keys {
        st.insert_key.execute(params![key, gid])?;
    }
    st.update_group.execute(params![gid, house, uin, tabled, seq, asker])?;
    // The ids this record gives for its people's names, on its date.
    if let (Some(house), Some(date)) = (house, record_date(record)) {
        let people = [
            record.question.as_ref().and_then(|q| q.asker.as_ref()),
            record.answer.as_ref().and_then(|a| a.answerer.as_ref()),
        ];
        for p in people.into_iter().flatten() {
            let Some(name) = name_key(p).filter(|n| !n.is_empty()) else {
                continue;
            };
            let ids = [
                ("member", p.member_id.map(|n| n.to_string())),
                ("twfy", p.twfy_id.clone()),
            ];
            for (kind, value) in ids {
                if let Some(v) = value {
                    st.note_person
                        .execute(params![house, name, kind, v, date])?;
                }
            }
        }
    }
    Ok(added)
}

/// A [`RecordSink`] that merges: records wait in a temporary on-disk
/// store, and [`RecordSink::finish`] hands the merged records to the inner
/// sink, in input order of each question's first record.
pub struct MergedSink<S: RecordSink> {
    store: MergeStore,
    inner: S,
}

impl<S: RecordSink> MergedSink<S> {
    /// A merging sink in front of `inner`, with its store in a temporary
    /// database (in the directory SQLite picks: `$TMPDIR`, else `/tmp`).
    pub fn new(inner: S) -> Result<MergedSink<S>> {
        Ok(MergedSink {
            store: MergeStore::temporary(Grouping::Merge)?,
            inner,
        })
    }
}

impl<S: RecordSink> MergedSink<S> {
    /// The sink the merged records go to.
    pub fn inner_mut(&mut self) -> &mut S {
        &mut self.inner
    }
}

impl<S: RecordSink> RecordSink for MergedSink<S> {
    fn write(&mut self, record: &Record) -> Result<()> {
        self.store.add(record)
    }

    fn finish(&mut self) -> Result<Summary> {
        let inner = &mut self.inner;
        self.store.drain(|_, page| {
            page.iter().try_for_each(|m| inner.write(&m.record))
        })?;
        let mut summary = self.inner.finish()?;
        summary.records_in = self.store.records_in;
        Ok(summary)
    }
}
