//! The flat columns of a record and of a figure, shared by the CSV, SQLite
//! and Parquet outputs, with their types.
//!
//! A record becomes one row of [`RECORD_COLUMNS`]: nested objects are
//! flattened with a prefix (`asker_member_id`, `answerer_name`,
//! `letter_body`), dates are ISO `YYYY-MM-DD` (text in CSV and SQLite,
//! `DATE` in Parquet), and a field the record does not have is empty
//! (`NULL`). A figure becomes one row of `record_id`, `n` (its 0-based
//! position in the record's `figures`) and [`FIGURE_COLUMNS`].
//!
//! `docs/output.md` lists the same columns; a test keeps the two equal.

use crate::record::{Answer, Figure, Letter, Person, Question, Record};

/// The type of a column.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColumnType {
    /// UTF-8 text.
    Text,
    /// A calendar date, `YYYY-MM-DD`.
    Date,
    /// A 64-bit integer (ids, counts, offsets).
    Int,
    /// `true` or `false`.
    Bool,
    /// A 64-bit float (figure values).
    Float,
    /// A list of strings (CSV: joined, see [`Column::csv_cell`]).
    TextList,
}

impl ColumnType {
    /// The name used in `docs/output.md`.
    pub fn as_str(self) -> &'static str {
        match self {
            ColumnType::Text => "text",
            ColumnType::Date => "date",
            ColumnType::Int => "int64",
            ColumnType::Bool => "bool",
            ColumnType::Float => "double",
            ColumnType::TextList => "list<text>",
        }
    }
}

/// One cell's value, borrowed from the record.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Cell<'a> {
    /// Text, or null.
    Text(Option<&'a str>),
    /// An ISO date as text, or null.
    Date(Option<&'a str>),
    /// An integer, or null.
    Int(Option<i64>),
    /// A boolean, or null.
    Bool(Option<bool>),
    /// A float, or null.
    Float(Option<f64>),
    /// A list of strings (empty, never null).
    TextList(&'a [String]),
}

/// A column: its name, type, meaning, and how to read it from a row.
pub struct Column<T: ?Sized + 'static> {
    /// The column's name.
    pub name: &'static str,
    /// The column's type.
    pub ty: ColumnType,
    /// What the column holds.
    pub doc: &'static str,
    /// Reads the cell from a row.
    pub get: for<'r> fn(&'r T) -> Cell<'r>,
}

impl<T: ?Sized> Column<T> {
    /// The cell as CSV text: empty for null, `true`/`false`, whole numbers
    /// without a fraction; `grouped_with` joined by `;`, `warnings` by a
    /// newline (the CSV writer quotes it).
    pub fn csv_cell(&self, row: &T) -> String {
        match (self.get)(row) {
            Cell::Text(v) | Cell::Date(v) => v.unwrap_or("").to_string(),
            Cell::Int(v) => v.map(|n| n.to_string()).unwrap_or_default(),
            Cell::Bool(v) => v.map(|b| b.to_string()).unwrap_or_default(),
            Cell::Float(v) => v.map(num).unwrap_or_default(),
            Cell::TextList(v) => {
                v.join(if self.name == "warnings" { "\n" } else { ";" })
            }
        }
    }
}

/// A number as text: whole numbers without a fraction (`3000000`).
pub fn num(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 9.0e15 {
        (x as i64).to_string()
    } else {
        x.to_string()
    }
}

fn id(v: Option<u64>) -> Cell<'static> {
    Cell::Int(v.and_then(|n| i64::try_from(n).ok()))
}

fn q(r: &Record) -> Option<&Question> {
    r.question.as_ref()
}
fn a(r: &Record) -> Option<&Answer> {
    r.answer.as_ref()
}
fn l(r: &Record) -> Option<&Letter> {
    r.letter.as_ref()
}
fn asker(r: &Record) -> Option<&Person> {
    q(r).and_then(|q| q.asker.as_ref())
}
fn answerer(r: &Record) -> Option<&Person> {
    a(r).and_then(|a| a.answerer.as_ref())
}

/// Shorthand for a column of records.
macro_rules! col {
    ($name:literal, $ty:ident, $doc:literal, $get:expr) => {
        Column { name: $name, ty: ColumnType::$ty, doc: $doc, get: $get }
    };
}

/// The columns of one record, in order.
pub static RECORD_COLUMNS: &[Column<Record>] = &[
    col!("id", Text, "the record's id", |r| Cell::Text(Some(&r.id))),
    col!("kind", Text, "`written_question` or `letter`", |r| {
        Cell::Text(Some(match r.kind {
            crate::record::Kind::WrittenQuestion => "written_question",
            crate::record::Kind::Letter => "letter",
        }))
    }),
    col!("house", Text, "`commons` or `lords`", |r| {
        Cell::Text(r.house.map(|h| h.as_str()))
    }),
    col!("uin", Text, "the question's UIN", |r| Cell::Text(r.uin.as_deref())),
    col!("heading", Text, "the heading", |r| {
        Cell::Text(r.heading.as_deref())
    }),
    col!("question_text", Text, "`question.text`", |r| {
        Cell::Text(q(r).and_then(|q| q.text.as_deref()))
    }),
    col!("question_truncated", Bool, "`question.truncated`", |r| {
        Cell::Bool(q(r).map(|q| q.truncated))
    }),
    col!("tabled_on", Date, "`question.tabled_on`", |r| {
        Cell::Date(q(r).and_then(|q| q.tabled_on.as_deref()))
    }),
    col!("asker_name", Text, "`question.asker.name`", |r| {
        Cell::Text(asker(r).and_then(|p| p.name.as_deref()))
    }),
    col!("asker_printed", Text, "`question.asker.printed`", |r| {
        Cell::Text(asker(r).and_then(|p| p.printed.as_deref()))
    }),
    col!("asker_member_id", Int, "`question.asker.member_id`", |r| {
        id(asker(r).and_then(|p| p.member_id))
    }),
    col!("asker_twfy_id", Text, "`question.asker.twfy_id`", |r| {
        Cell::Text(asker(r).and_then(|p| p.twfy_id.as_deref()))
    }),
    col!("asker_party", Text, "`question.asker.party`", |r| {
        Cell::Text(asker(r).and_then(|p| p.party.as_deref()))
    }),
    col!("asker_constituency", Text, "`question.asker.constituency`", |r| {
        Cell::Text(asker(r).and_then(|p| p.constituency.as_deref()))
    }),
    col!("asker_role", Text, "`question.asker.role`", |r| {
        Cell::Text(asker(r).and_then(|p| p.role.as_deref()))
    }),
    col!("addressed_to", Text, "`question.addressed_to`", |r| {
        Cell::Text(q(r).and_then(|q| q.addressed_to.as_deref()))
    }),
    col!("answering_body", Text, "`question.answering_body`", |r| {
        Cell::Text(q(r).and_then(|q| q.answering_body.as_deref()))
    }),
    col!("answering_body_id", Int, "`question.answering_body_id`", |r| {
        id(q(r).and_then(|q| q.answering_body_id))
    }),
    col!("named_day", Bool, "`question.named_day`", |r| {
        Cell::Bool(q(r).and_then(|q| q.named_day))
    }),
    col!("registered_interest", Bool, "`question.registered_interest`", |r| {
        Cell::Bool(q(r).and_then(|q| q.registered_interest))
    }),
    col!("answer_text", Text, "`answer.text`", |r| {
        Cell::Text(a(r).and_then(|a| a.text.as_deref()))
    }),
    col!("answer_truncated", Bool, "`answer.truncated`", |r| {
        Cell::Bool(a(r).map(|a| a.truncated))
    }),
    col!("answered_on", Date, "`answer.answered_on`", |r| {
        Cell::Date(a(r).and_then(|a| a.answered_on.as_deref()))
    }),
    col!("answerer_name", Text, "`answer.answerer.name`", |r| {
        Cell::Text(answerer(r).and_then(|p| p.name.as_deref()))
    }),
    col!("answerer_printed", Text, "`answer.answerer.printed`", |r| {
        Cell::Text(answerer(r).and_then(|p| p.printed.as_deref()))
    }),
    col!("answerer_member_id", Int, "`answer.answerer.member_id`", |r| {
        id(answerer(r).and_then(|p| p.member_id))
    }),
    col!("answerer_twfy_id", Text, "`answer.answerer.twfy_id`", |r| {
        Cell::Text(answerer(r).and_then(|p| p.twfy_id.as_deref()))
    }),
    col!("answerer_party", Text, "`answer.answerer.party`", |r| {
        Cell::Text(answerer(r).and_then(|p| p.party.as_deref()))
    }),
    col!(
        "answerer_constituency",
        Text,
        "`answer.answerer.constituency`",
        |r| Cell::Text(answerer(r).and_then(|p| p.constituency.as_deref()))
    ),
    col!("answerer_role", Text, "`answer.answerer.role`", |r| {
        Cell::Text(answerer(r).and_then(|p| p.role.as_deref()))
    }),
    col!("is_holding", Bool, "`answer.is_holding`", |r| {
        Cell::Bool(a(r).map(|a| a.is_holding))
    }),
    col!("holding_answered_on", Date, "`answer.holding_answered_on`", |r| {
        Cell::Date(a(r).and_then(|a| a.holding_answered_on.as_deref()))
    }),
    col!("is_correction", Bool, "`answer.is_correction`", |r| {
        Cell::Bool(a(r).map(|a| a.is_correction))
    }),
    col!("corrected_on", Date, "`answer.corrected_on`", |r| {
        Cell::Date(a(r).and_then(|a| a.corrected_on.as_deref()))
    }),
    col!(
        "grouped_with",
        TextList,
        "`answer.grouped_with` (CSV: `;`-joined)",
        |r| {
            Cell::TextList(a(r).map_or(&[], |a| a.grouped_with.as_slice()))
        }
    ),
    col!("letter_date", Date, "`letter.date`", |r| {
        Cell::Date(l(r).and_then(|l| l.date.as_deref()))
    }),
    col!("letter_sender_name", Text, "`letter.sender.name`", |r| {
        Cell::Text(l(r).and_then(|l| l.sender.name.as_deref()))
    }),
    col!("letter_sender_role", Text, "`letter.sender.role`", |r| {
        Cell::Text(l(r).and_then(|l| l.sender.role.as_deref()))
    }),
    col!(
        "letter_sender_organisation",
        Text,
        "`letter.sender.organisation`",
        |r| Cell::Text(l(r).and_then(|l| l.sender.organisation.as_deref()))
    ),
    col!("letter_recipient_name", Text, "`letter.recipient.name`", |r| {
        Cell::Text(l(r).and_then(|l| l.recipient.name.as_deref()))
    }),
    col!("letter_recipient_role", Text, "`letter.recipient.role`", |r| {
        Cell::Text(l(r).and_then(|l| l.recipient.role.as_deref()))
    }),
    col!("letter_reference", Text, "`letter.reference`", |r| {
        Cell::Text(l(r).and_then(|l| l.reference.as_deref()))
    }),
    col!("letter_subject", Text, "`letter.subject`", |r| {
        Cell::Text(l(r).and_then(|l| l.subject.as_deref()))
    }),
    col!("letter_salutation", Text, "`letter.salutation`", |r| {
        Cell::Text(l(r).and_then(|l| l.salutation.as_deref()))
    }),
    col!("letter_body", Text, "`letter.body`", |r| {
        Cell::Text(l(r).and_then(|l| l.body.as_deref()))
    }),
    col!("letter_sign_off", Text, "`letter.sign_off`", |r| {
        Cell::Text(l(r).and_then(|l| l.sign_off.as_deref()))
    }),
    col!("letter_address", Text, "`letter.address`", |r| {
        Cell::Text(l(r).and_then(|l| l.address.as_deref()))
    }),
    col!("letter_phone", Text, "`letter.phone`", |r| {
        Cell::Text(l(r).and_then(|l| l.phone.as_deref()))
    }),
    col!("letter_email", Text, "`letter.email`", |r| {
        Cell::Text(l(r).and_then(|l| l.email.as_deref()))
    }),
    col!("source_format", Text, "`source.format`", |r| {
        Cell::Text(Some(r.source.format.name()))
    }),
    col!("source_path", Text, "`source.path`", |r| {
        Cell::Text(Some(&r.source.path))
    }),
    col!("source_index", Int, "`source.index`", |r| {
        Cell::Int(i64::try_from(r.source.index).ok())
    }),
    col!("source_resource", Text, "`source.resource`", |r| {
        Cell::Text(r.source.resource.as_deref())
    }),
    col!(
        "source_count",
        Int,
        "how many origins (`sources`; 1 unless merged)",
        |r| {
            Cell::Int(
                i64::try_from(r.sources.as_ref().map_or(1, Vec::len)).ok(),
            )
        }
    ),
    col!("figure_count", Int, "how many figures", |r| {
        Cell::Int(i64::try_from(r.figures.len()).ok())
    }),
    col!("warnings", TextList, "`warnings` (CSV: one per line)", |r| {
        Cell::TextList(&r.warnings)
    }),
];

/// Shorthand for a column of figures.
macro_rules! fcol {
    ($name:literal, $ty:ident, $doc:literal, $get:expr) => {
        Column::<Figure> {
            name: $name,
            ty: ColumnType::$ty,
            doc: $doc,
            get: $get,
        }
    };
}

/// The columns of one figure, after `record_id` (text) and `n` (int64,
/// the figure's 0-based position in its record).
pub static FIGURE_COLUMNS: &[Column<Figure>] = &[
    fcol!("kind", Text, "`money`, `percent`, `count`, ...", |f| {
        Cell::Text(Some(f.kind.as_str()))
    }),
    fcol!("text", Text, "the figure as it stands in the text", |f| {
        Cell::Text(Some(&f.text))
    }),
    fcol!("field", Text, "the field it stands in (`answer.text`)", |f| {
        Cell::Text(Some(&f.field))
    }),
    fcol!("start", Int, "byte offset where it starts in the field", |f| {
        Cell::Int(i64::try_from(f.span[0]).ok())
    }),
    fcol!("end", Int, "byte offset where it ends (exclusive)", |f| {
        Cell::Int(i64::try_from(f.span[1]).ok())
    }),
    fcol!("value", Float, "the value", |f| Cell::Float(f.value)),
    fcol!("unit", Text, "`GBP`, `%`, a counted noun, ...", |f| {
        Cell::Text(f.unit.as_deref())
    }),
    fcol!("qualifier", Text, "`approx`, `more_than`, ...", |f| {
        Cell::Text(f.qualifier.map(|q| q.as_str()))
    }),
    fcol!("period", Text, "the time the figure refers to", |f| {
        Cell::Text(f.period.as_deref())
    }),
    fcol!("sentence", Text, "the sentence it stands in", |f| {
        Cell::Text(Some(&f.sentence))
    }),
    fcol!("total", Float, "a ratio's whole", |f| Cell::Float(f.total)),
    fcol!("low", Float, "a range's low end", |f| Cell::Float(f.low)),
    fcol!("high", Float, "a range's high end", |f| Cell::Float(f.high)),
    fcol!("from", Float, "a change's start", |f| Cell::Float(f.from)),
    fcol!("to", Float, "a change's end", |f| Cell::Float(f.to)),
];
