//! The one output schema: [`Record`] and the types it is made of.
//!
//! # Wire format
//!
//! `wrans parse` writes one [`Record`] per line (JSON Lines). Keys are
//! snake_case and always appear in the order below; a field the source does
//! not give is `null` (or `[]`), never left out, so that the schema of every
//! line is the same.
//!
//! | key | type | null when |
//! |---|---|---|
//! | `id` | string | never: `HOUSE/TABLED_ON/UIN`, else `FORMAT:` + a stable content hash |
//! | `kind` | `"written_question"` \| `"letter"` | never |
//! | `source` | [`Source`] | never |
//! | `sources` | array of [`Source`] | only on merged records (`--merge`); absent otherwise |
//! | `house` | `"commons"` \| `"lords"` | the source does not say and the question's form does not show it |
//! | `uin` | string | the source gives no UIN (Lords UINs keep their `HL` prefix) |
//! | `heading` | string | the source gives no heading |
//! | `question` | [`Question`] | the record is a letter |
//! | `answer` | [`Answer`] | the question is not (yet) answered, or the record is a letter |
//! | `letter` | [`Letter`] | the record is a written question |
//! | `figures` | array of [`Figure`] | never (`[]` when there are none) |
//! | `warnings` | array of string | never (`[]` when there are none) |
//!
//! ```json
//! {"id":"commons/2019-07-18/912085","kind":"written_question",
//!  "source":{"format":"lda_text","path":"corpus/002.txt","index":0,"resource":"1140099"},
//!  "house":"commons","uin":"912085","heading":"Children: Social Services",
//!  "question":{"text":"To ask the Secretary of State for Education, ...","tabled_on":"2019-07-18",
//!    "asker":{"name":"Thelma Walker","printed":"Thelma Walker","member_id":4649,"twfy_id":null,
//!             "party":null,"constituency":"Colne Valley","role":null},
//!    "addressed_to":"the Secretary of State for Education",
//!    "answering_body":"Department for Education","answering_body_id":60,
//!    "named_day":null,"registered_interest":false,"truncated":false},
//!  "answer":{"text":"We are providing ...","answered_on":"2019-07-22",
//!    "answerer":{"name":"Nadhim Zahawi","printed":"Nadhim Zahawi","member_id":4113,"twfy_id":null,
//!                "party":null,"constituency":"Stratford-on-Avon","role":null},
//!    "is_holding":false,"holding_answered_on":null,"is_correction":false,"corrected_on":null,
//!    "grouped_with":[],"truncated":false},
//!  "letter":null,
//!  "figures":[{"kind":"money","text":"£410 million","field":"answer.text","span":[86,98],
//!    "value":410000000,"unit":"GBP","qualifier":null,"period":"this year","sentence":"...",
//!    "total":null,"low":null,"high":null,"from":null,"to":null}],
//!  "warnings":[]}
//! ```
//!
//! The JSON Schema of this format is printed by `wrans schema`; it is
//! generated from these types, so it cannot drift from them.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize, Serializer};

use crate::format::Format;
pub use crate::text::date::Date;

/// The version of the record schema. It changes whenever a key is added,
/// removed or changes meaning; it is published in the JSON Schema.
pub const SCHEMA_VERSION: u32 = 1;

/// One written question (with its answer, if any) or one minister's letter.
///
/// See the module documentation for the wire format.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub struct Record {
    /// `HOUSE/TABLED_ON/UIN` when all three are known, else the format name,
    /// a colon and a stable 16-hex-digit hash of the record's content.
    pub id: String,
    /// What the record describes.
    pub kind: Kind,
    /// Where the record came from (for a merged record: the source whose
    /// text won).
    pub source: Source,
    /// Every origin of a merged record (`wrans parse --merge`), in input
    /// order. Only merging sets it; it is left out of unmerged records,
    /// whose keys stay as documented above (see docs/decisions.md).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sources: Option<Vec<Source>>,
    /// The House the question was asked in.
    pub house: Option<House>,
    /// The question's Unique Identification Number, as a string
    /// (`"912085"`, `"HL5821"`).
    pub uin: Option<String>,
    /// The heading the question was published under
    /// (`"Children: Social Services"`).
    pub heading: Option<String>,
    /// The question; `null` for a letter.
    pub question: Option<Question>,
    /// The answer; `null` when not (yet) answered and for a letter.
    pub answer: Option<Answer>,
    /// The letter; `null` for a written question.
    pub letter: Option<Letter>,
    /// Every figure quoted in the answer (or the letter's body).
    pub figures: Vec<Figure>,
    /// What the parser was unsure of, one message each.
    pub warnings: Vec<String>,
}

/// The kind of a [`Record`].
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// A written (parliamentary) question, answered or not.
    WrittenQuestion,
    /// A minister's letter.
    Letter,
}

/// A House of Parliament.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum House {
    /// The House of Commons.
    Commons,
    /// The House of Lords.
    Lords,
}

impl House {
    /// The lower-case name used in ids: `commons` or `lords`.
    pub fn as_str(self) -> &'static str {
        match self {
            House::Commons => "commons",
            House::Lords => "lords",
        }
    }
}

/// Where a record came from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub struct Source {
    /// The format the input was parsed as.
    pub format: Format,
    /// The input's path as given on the command line (`-` for stdin).
    pub path: String,
    /// The 0-based position of the record within its input.
    pub index: usize,
    /// The source's own id for the record (API question id, LDA resource
    /// number, TheyWorkForYou gid), when it has one.
    pub resource: Option<String>,
}

/// A person: an asking member, an answering minister, a letter's sender.
///
/// Every person object has the same keys; those the source does not give
/// are `null`.
#[derive(
    Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub struct Person {
    /// The name without honorifics or decoration (`Dr`, `Mr.`, `Rt Hon`,
    /// `MP`, `QC`, `Portrait`, ...); a peer's title is kept
    /// (`Lord True`, `Baroness Barran`).
    pub name: Option<String>,
    /// The name exactly as the source printed it.
    pub printed: Option<String>,
    /// Parliament's member id.
    pub member_id: Option<u64>,
    /// A TheyWorkForYou speaker or person id, as given
    /// (`uk.org.publicwhip/member/1234`).
    pub twfy_id: Option<String>,
    /// The member's party.
    pub party: Option<String>,
    /// An MP's constituency; always `null` for a peer.
    pub constituency: Option<String>,
    /// The office the person spoke or wrote in
    /// (`Minister of State (Department for Education)`).
    pub role: Option<String>,
}

/// A written question.
#[derive(
    Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub struct Question {
    /// The question as plain text.
    pub text: Option<String>,
    /// The date the question was tabled, `YYYY-MM-DD`.
    pub tabled_on: Option<Date>,
    /// The member who asked it.
    pub asker: Option<Person>,
    /// Whom the question is put to (`the Secretary of State for Education`).
    pub addressed_to: Option<String>,
    /// The department or body that answers it.
    pub answering_body: Option<String>,
    /// Parliament's id of the answering body.
    pub answering_body_id: Option<u64>,
    /// Whether it is a named-day question; `null` when the source does not
    /// say.
    pub named_day: Option<bool>,
    /// Whether the asker declared a relevant interest; `null` when the
    /// source does not say.
    pub registered_interest: Option<bool>,
    /// Whether the source cut the question's text.
    pub truncated: bool,
}

/// The answer to a written question.
#[derive(
    Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub struct Answer {
    /// The answer as plain text: paragraphs joined by a blank line, list
    /// items and table rows one per line, cells separated by ` | `.
    pub text: Option<String>,
    /// The date of the answer, `YYYY-MM-DD`.
    pub answered_on: Option<Date>,
    /// The minister (or member) who answered.
    pub answerer: Option<Person>,
    /// Whether this is a holding answer.
    pub is_holding: bool,
    /// When a holding answer was given before this one.
    pub holding_answered_on: Option<Date>,
    /// Whether this answer corrects an earlier one.
    pub is_correction: bool,
    /// When the answer was corrected.
    pub corrected_on: Option<Date>,
    /// The UINs of the questions answered together with this one.
    pub grouped_with: Vec<String>,
    /// Whether the source cut the answer's text.
    pub truncated: bool,
}

/// A minister's letter.
#[derive(
    Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub struct Letter {
    /// The letter's date, `YYYY-MM-DD`.
    pub date: Option<Date>,
    /// Who wrote it.
    pub sender: Sender,
    /// To whom.
    pub recipient: Recipient,
    /// A reference given by the letter (`Our reference: 168555`).
    pub reference: Option<String>,
    /// A subject line.
    pub subject: Option<String>,
    /// The salutation (`Dear Mike`).
    pub salutation: Option<String>,
    /// The body, from after the salutation to before the sign-off.
    pub body: Option<String>,
    /// The sign-off (`Yours sincerely`).
    pub sign_off: Option<String>,
    /// The sender's postal address, one line.
    pub address: Option<String>,
    /// A telephone number printed on the letter.
    pub phone: Option<String>,
    /// An email address printed on the letter (a web address is not one).
    pub email: Option<String>,
}

/// A letter's sender.
#[derive(
    Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub struct Sender {
    /// The sender's name (`Baroness Barran`).
    pub name: Option<String>,
    /// The sender's office.
    pub role: Option<String>,
    /// The sender's department or organisation, when the letter names it.
    pub organisation: Option<String>,
}

/// A letter's recipient.
#[derive(
    Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub struct Recipient {
    /// The recipient's name.
    pub name: Option<String>,
    /// The recipient's office.
    pub role: Option<String>,
}

/// The kind of a [`Figure`].
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum FigureKind {
    /// An amount of money; `value` in units of the currency.
    Money,
    /// A percentage; `value` 50 for `50%`.
    Percent,
    /// A difference of percentages; `value` 14 for `14 percentage points`.
    PercentagePoints,
    /// A number of things; `unit` is the counted noun when named.
    Count,
    /// A part of a whole; `value` the part, `total` the whole.
    Ratio,
    /// A range; `low` and `high`.
    Range,
    /// A change; `from` and `to` where given, `value` the signed change.
    Change,
    /// A length of time; `unit` years, months, weeks or days.
    Duration,
    /// A financial or academic year standing as a period; `value` null.
    FinancialYear,
}

impl FigureKind {
    /// Every kind, in declaration order.
    pub const ALL: [FigureKind; 9] = [
        FigureKind::Money,
        FigureKind::Percent,
        FigureKind::PercentagePoints,
        FigureKind::Count,
        FigureKind::Ratio,
        FigureKind::Range,
        FigureKind::Change,
        FigureKind::Duration,
        FigureKind::FinancialYear,
    ];

    /// The snake_case name used on the wire.
    pub fn as_str(self) -> &'static str {
        match self {
            FigureKind::Money => "money",
            FigureKind::Percent => "percent",
            FigureKind::PercentagePoints => "percentage_points",
            FigureKind::Count => "count",
            FigureKind::Ratio => "ratio",
            FigureKind::Range => "range",
            FigureKind::Change => "change",
            FigureKind::Duration => "duration",
            FigureKind::FinancialYear => "financial_year",
        }
    }
}

/// How a figure is hedged.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// around, approximately, about, some, roughly, nearly, almost, circa
    Approx,
    /// more than, over, in excess of, above
    MoreThan,
    /// less than, under, fewer than, below
    LessThan,
    /// at least
    AtLeast,
    /// no more than, at most
    AtMost,
    /// up to
    UpTo,
}

impl Qualifier {
    /// The snake_case name used on the wire.
    pub fn as_str(self) -> &'static str {
        match self {
            Qualifier::Approx => "approx",
            Qualifier::MoreThan => "more_than",
            Qualifier::LessThan => "less_than",
            Qualifier::AtLeast => "at_least",
            Qualifier::AtMost => "at_most",
            Qualifier::UpTo => "up_to",
        }
    }
}

/// A quantity quoted in a text, tied to its place in that text.
///
/// `span` is a byte range `[start, end)` into the text of the field named
/// by `field`, so that `&field_text[start..end] == text`. The kind-specific
/// keys (`total`, `low`, `high`, `from`, `to`) are always present and
/// `null` where they do not apply.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub struct Figure {
    /// What sort of quantity it is.
    pub kind: FigureKind,
    /// The text of the figure, exactly as it stands in the field.
    pub text: String,
    /// The field the span points into: `answer.text`, `question.text`,
    /// `letter.body` or `text` (for `wrans figures --text`).
    pub field: String,
    /// Byte offsets `[start, end)` of `text` in the field.
    pub span: [usize; 2],
    /// The figure's value (see [`FigureKind`]); `null` for a financial
    /// year, and for a change whose size is not given.
    #[serde(serialize_with = "ser_opt_num")]
    pub value: Option<f64>,
    /// The unit: `GBP`, `EUR`, `USD`, `%`, `pp`, a counted noun, or
    /// `years`/`months`/`weeks`/`days`.
    pub unit: Option<String>,
    /// How the figure is hedged.
    pub qualifier: Option<Qualifier>,
    /// The time the figure refers to, when the same clause says it.
    pub period: Option<String>,
    /// The sentence the figure stands in (a table row, prefixed by its
    /// header, for a figure in a table).
    pub sentence: String,
    /// For a ratio: the whole.
    #[serde(serialize_with = "ser_opt_num")]
    pub total: Option<f64>,
    /// For a range: the low end.
    #[serde(serialize_with = "ser_opt_num")]
    pub low: Option<f64>,
    /// For a range: the high end.
    #[serde(serialize_with = "ser_opt_num")]
    pub high: Option<f64>,
    /// For a change: the starting value, when given.
    #[serde(serialize_with = "ser_opt_num")]
    pub from: Option<f64>,
    /// For a change: the end value, when given.
    #[serde(serialize_with = "ser_opt_num")]
    pub to: Option<f64>,
}

/// Writes whole numbers without a fraction (`3000000`, not `3000000.0`).
fn ser_opt_num<S: Serializer>(
    v: &Option<f64>,
    s: S,
) -> Result<S::Ok, S::Error> {
    match v {
        None => s.serialize_none(),
        Some(x) if x.fract() == 0.0 && x.abs() < 9.0e15 => {
            s.serialize_i64(*x as i64)
        }
        Some(x) => s.serialize_f64(*x),
    }
}

impl Record {
    /// A new written-question record with every field empty, for the
    /// format parsers to fill.
    pub fn question(source: Source) -> Record {
        Record {
            id: String::new(),
            kind: Kind::WrittenQuestion,
            source,
            sources: None,
            house: None,
            uin: None,
            heading: None,
            question: Some(Question::default()),
            answer: None,
            letter: None,
            figures: Vec::new(),
            warnings: Vec::new(),
        }
    }

    /// Adds a warning to the record.
    pub fn warn(&mut self, msg: impl Into<String>) {
        self.warnings.push(msg.into());
    }
}
