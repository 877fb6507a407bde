//! Dates in every form the sources print them, as a checked [`Date`].
//!
//! Accepted: ISO dates and timestamps (`2019-07-22`,
//! `2019-07-22T16:46:42.68Z`, `2013-01-22Z`, `2024-11-13T00:00:00`),
//! day-month-year with or without an ordinal and a weekday
//! (`Tuesday 16th September 2020`, `03 June 2019`, `3 Sept. 2019`),
//! month-day-year (`September 16, 2020`) and numeric UK dates
//! (`22/07/2019`, `22.07.2019`). Every date is checked to exist
//! (`31 June` is rejected), so a date that cannot exist cannot reach a
//! record.
//!
//! A two-digit year (`22/07/98`) is never read blindly as 20xx: it is
//! resolved against a reference year (the document's own date, or a year
//! of the period the source covers) with [`parse_date_near`] and
//! [`find_date_near`], to the year ending in those digits nearest the
//! reference. Without a reference ([`parse_date`], [`find_date`]) a
//! two-digit year gives no date.

use std::borrow::Cow;
use std::fmt;
use std::sync::LazyLock;

use regex::Regex;
use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A calendar date that exists, written `YYYY-MM-DD` (years 1800–2200).
///
/// It dereferences to its `YYYY-MM-DD` text, serialises as that string and
/// is published in the JSON Schema as `{"type": "string", "format":
/// "date"}`. Ordering is chronological.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// `YYYY-MM-DD`, ASCII digits and dashes only.
    text: [u8; 10],
}

impl Date {
    /// The date of `year`-`month`-`day`; `None` when it does not exist or
    /// the year is outside 1800–2200.
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        if !(1800..=2200).contains(&year) {
            return None;
        }
        let d = jiff::civil::Date::new(year as i16, month as i8, day as i8)
            .ok()?;
        let s = d.to_string();
        let text: [u8; 10] = s.as_bytes().try_into().ok()?;
        Some(Date { text })
    }

    /// Reads exactly `YYYY-MM-DD`; `None` for anything else or a date that
    /// does not exist.
    pub fn from_iso(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        Date::new(
            s.get(0..4)?.parse().ok()?,
            s.get(5..7)?.parse().ok()?,
            s.get(8..10)?.parse().ok()?,
        )
    }

    /// The date as `YYYY-MM-DD`.
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.text).unwrap_or_default()
    }

    /// The year.
    pub fn year(&self) -> i32 {
        self.as_str().get(0..4).and_then(|y| y.parse().ok()).unwrap_or(0)
    }

    /// The same date as a jiff civil date.
    pub fn civil(&self) -> Option<jiff::civil::Date> {
        self.as_str().parse().ok()
    }
}

impl std::ops::Deref for Date {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for Date {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq<str> for Date {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Date {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Date({})", self.as_str())
    }
}

/// For tests and literals: `"2011-07-19".into()`. Panics on a date that
/// does not exist; never use it on input.
#[cfg(test)]
impl From<&str> for Date {
    fn from(s: &str) -> Date {
        match Date::from_iso(s) {
            Some(d) => d,
            None => panic!("not a date: {s:?}"),
        }
    }
}

impl std::str::FromStr for Date {
    type Err = String;
    fn from_str(s: &str) -> Result<Date, String> {
        Date::from_iso(s)
            .ok_or_else(|| format!("expected a date YYYY-MM-DD, found {s:?}"))
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let s = Cow::<str>::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

impl JsonSchema for Date {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> Cow<'static, str> {
        "date".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({"type": "string", "format": "date"})
    }
}

/// The one month table: English month names, in order.
pub const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The month number of an English month name or abbreviation
/// (`Sept`, `sep.`, `September`, `Jan`), case-insensitive. Abbreviations
/// are the first three letters, and `Sept`; `Marc` or `ma` are not months.
pub fn month_number(name: &str) -> Option<u8> {
    // Compared without a lower-cased copy: this runs on every capitalised
    // word the figure extractor meets.
    let n = name.trim_end_matches('.');
    MONTHS
        .iter()
        .position(|m| {
            m.eq_ignore_ascii_case(n)
                || (n.len() == 3
                    && m.get(..3).is_some_and(|p| p.eq_ignore_ascii_case(n)))
                || (n.eq_ignore_ascii_case("sept") && *m == "september")
        })
        .map(|i| i as u8 + 1)
}

/// Whether `word` (lower-case, no trailing dot) is a month name or one of
/// its usual abbreviations (`jan`, `sept`); for tokenizers that see words.
pub fn is_month_word(word: &str) -> bool {
    !word.ends_with('.') && month_number(word).is_some()
}

/// A checked date; `None` when the day does not exist. Shorthand for
/// [`Date::new`].
pub fn ymd(year: i32, month: u8, day: u8) -> Option<Date> {
    Date::new(year, month, day)
}

/// A regex fragment matching a month name or abbreviation, with an
/// optional dot (case-sensitivity is the caller's: add `(?i)`). The one
/// pattern every format's date regexes build on.
pub const MONTH_PATTERN: &str = "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";

const MONTH: &str = MONTH_PATTERN;

static ISO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\b(\d{4})-(\d{2})-(\d{2})(?:[T ][0-9:.]+)?(?:Z|[+-]\d{2}:?\d{2})?",
    )
    .expect("valid regex")
});

static DMY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(\d{{1,2}})(?:st|nd|rd|th)?(?:\s+of)?\s+({MONTH})\s*,?\s+(\d{{4}})\b"
    ))
    .expect("valid regex")
});

static MDY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b({MONTH})\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b"
    ))
    .expect("valid regex")
});

static NUMERIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})\b")
        .expect("valid regex")
});

/// Parses a string that is a date (surrounding spaces, a leading weekday
/// and trailing punctuation allowed). A two-digit year gives `None`: use
/// [`parse_date_near`] with the document's date.
pub fn parse_date(s: &str) -> Option<Date> {
    parse_date_near(s, None)
}

/// [`parse_date`], resolving a two-digit year (`22/07/98`) to the year
/// ending in those digits nearest `reference` (a year of the document's
/// own date or of the period its source covers).
pub fn parse_date_near(s: &str, reference: Option<i32>) -> Option<Date> {
    if let Some(d) = iso_fast(s) {
        return Some(d);
    }
    let t = s.trim().trim_end_matches(['.', ',', ';', ':', ')']);
    let t = t.trim_start_matches('(');
    let t = strip_weekday(t);
    let (date, range) = find_date_in_near(t, reference)?;
    if range.0 == 0 && range.1 == t.len() {
        Some(date)
    } else {
        None
    }
}

/// The API's own forms, read without a regex: `2019-07-22`,
/// `2019-07-22T16:46:42.68Z`, `2013-01-22Z`, `2021-02-01T00:00:00` (what
/// [`ISO`] accepts when it spans the whole string). `None` sends anything
/// else to the general reader.
fn iso_fast(s: &str) -> Option<Date> {
    let b = s.as_bytes();
    let date = Date::from_iso(s.get(..10)?)?;
    let mut rest = &b[10..];
    if let Some((&sep, tail)) = rest.split_first() {
        if sep == b'T' || sep == b' ' {
            let n = tail
                .iter()
                .take_while(|c| c.is_ascii_digit() || matches!(c, b':' | b'.'))
                .count();
            if n == 0 {
                return None;
            }
            rest = &tail[n..];
        }
    }
    let zone_ok = match rest {
        [] | [b'Z'] => true,
        [b'+' | b'-', h1, h2, m1, m2]
        | [b'+' | b'-', h1, h2, b':', m1, m2] => {
            [h1, h2, m1, m2].iter().all(|c| c.is_ascii_digit())
        }
        _ => false,
    };
    zone_ok.then_some(date)
}

/// Finds the first date anywhere in `s` (a two-digit year gives none; see
/// [`find_date_near`]).
pub fn find_date(s: &str) -> Option<Date> {
    find_date_in(s).map(|(d, _)| d)
}

/// [`find_date`], resolving a two-digit year against `reference`.
pub fn find_date_near(s: &str, reference: Option<i32>) -> Option<Date> {
    find_date_in_near(s, reference).map(|(d, _)| d)
}

/// Finds the first date in `s`, with its byte range.
pub fn find_date_in(s: &str) -> Option<(Date, (usize, usize))> {
    find_date_in_near(s, None)
}

/// The year ending in the two digits `yy` nearest `reference`
/// (`98` near 2003 is 1998, `03` near 1998 is 2003); `None` without a
/// reference.
pub fn resolve_two_digit_year(yy: i32, reference: Option<i32>) -> Option<i32> {
    let r = reference?;
    let base = r - r.rem_euclid(100) + yy;
    [base - 100, base, base + 100].into_iter().min_by_key(|y| (y - r).abs())
}

/// Finds the first date in `s` with its byte range, resolving a two-digit
/// year against `reference`.
pub fn find_date_in_near(
    s: &str,
    reference: Option<i32>,
) -> Option<(Date, (usize, usize))> {
    let mut best: Option<(Date, (usize, usize))> = None;
    let mut consider = |d: Option<Date>, start: usize, end: usize| {
        if let Some(d) = d {
            if best.as_ref().is_none_or(|(_, (bs, _))| start < *bs) {
                best = Some((d, (start, end)));
            }
        }
    };
    if let Some(c) = ISO.captures(s) {
        let m = c.get(0).map_or((0, 0), |m| (m.start(), m.end()));
        consider(ymd(num(&c[1]), num::<u8>(&c[2]), num(&c[3])), m.0, m.1);
    }
    for c in DMY.captures_iter(s) {
        let m = c.get(0).map_or((0, 0), |m| (m.start(), m.end()));
        let d =
            month_number(&c[2]).and_then(|mo| ymd(num(&c[3]), mo, num(&c[1])));
        if d.is_some() {
            consider(d, m.0, m.1);
            break;
        }
    }
    for c in MDY.captures_iter(s) {
        let m = c.get(0).map_or((0, 0), |m| (m.start(), m.end()));
        let d =
            month_number(&c[1]).and_then(|mo| ymd(num(&c[3]), mo, num(&c[2])));
        if d.is_some() {
            consider(d, m.0, m.1);
            break;
        }
    }
    for c in NUMERIC.captures_iter(s) {
        let m = c.get(0).map_or((0, 0), |m| (m.start(), m.end()));
        let y: i32 = num(&c[3]);
        let y = if c[3].len() == 2 {
            match resolve_two_digit_year(y, reference) {
                Some(y) => y,
                None => continue,
            }
        } else {
            y
        };
        let d = ymd(y, num(&c[2]), num(&c[1]));
        if d.is_some() {
            consider(d, m.0, m.1);
            break;
        }
    }
    best
}

fn num<T: std::str::FromStr + Default>(s: &str) -> T {
    s.parse().unwrap_or_default()
}

fn strip_weekday(s: &str) -> &str {
    const DAYS: [&str; 7] = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    let lower = s.to_ascii_lowercase();
    for d in DAYS {
        if lower.starts_with(d) {
            return s
                .get(d.len()..)
                .unwrap_or("")
                .trim_start_matches([',', ' ']);
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    macro_rules! date {
        ($name:ident, $input:expr, $want:expr) => {
            #[test]
            fn $name() {
                assert_eq!(parse_date($input).as_deref(), $want);
            }
        };
    }

    date!(ordinal, "16th September 2020", Some("2020-09-16"));
    date!(zero_padded, "03 June 2019", Some("2019-06-03"));
    date!(single_digit, "3 June 2019", Some("2019-06-03"));
    date!(weekday, "Tuesday 19th March 2024", Some("2024-03-19"));
    date!(abbrev, "3 Sept. 2019", Some("2019-09-03"));
    date!(abbrev_sep, "3 Sep 2019", Some("2019-09-03"));
    date!(uk_short_needs_reference, "22/07/19", None);
    date!(uk_long, "22/07/2019", Some("2019-07-22"));
    date!(lda_timestamp, "2019-07-22T16:46:42.68Z", Some("2019-07-22"));
    date!(qna_z_date, "2013-01-22Z", Some("2013-01-22"));
    date!(api_datetime, "2024-11-13T00:00:00", Some("2024-11-13"));
    date!(iso_plain, "2019-07-22", Some("2019-07-22"));
    date!(us_order, "September 16, 2020", Some("2020-09-16"));
    date!(in_parens, "(asked on 16th September 2020)", None);
    date!(no_year, "Monday 2nd February", None);
    date!(impossible_day, "31 June 2019", None);
    date!(impossible_iso, "2019-02-30", None);
    date!(not_a_date, "£3 million", None);
    date!(empty, "", None);

    #[test]
    fn two_digit_years_resolve_near_the_reference() {
        let near = |s, r| parse_date_near(s, Some(r)).map(|d| d.to_string());
        assert_eq!(near("22/07/98", 2003).as_deref(), Some("1998-07-22"));
        assert_eq!(near("22/07/98", 1960).as_deref(), Some("1998-07-22"));
        assert_eq!(near("22/07/19", 2019).as_deref(), Some("2019-07-22"));
        assert_eq!(near("03/02/01", 1999).as_deref(), Some("2001-02-03"));
        assert_eq!(near("31/02/98", 1998), None);
        assert_eq!(resolve_two_digit_year(98, None), None);
        assert_eq!(resolve_two_digit_year(50, Some(2000)), Some(1950));
    }

    #[test]
    fn date_type_checks_and_serialises() {
        assert!(Date::new(2019, 2, 29).is_none());
        assert!(Date::new(2020, 2, 29).is_some());
        assert!(Date::from_iso("2019-13-01").is_none());
        assert!(Date::from_iso("2019-1-01").is_none());
        let d = Date::new(1998, 7, 22);
        assert_eq!(d.map(|d| d.year()), Some(1998));
        let json = serde_json::to_string(&d).unwrap_or_default();
        assert_eq!(json, "\"1998-07-22\"");
        let back: Result<Date, _> = serde_json::from_str("\"2019-02-30\"");
        assert!(back.is_err());
        let ok: Option<Date> = serde_json::from_str("\"2019-02-28\"").ok();
        assert_eq!(ok.as_deref(), Some("2019-02-28"));
        assert!(Date::new(1998, 7, 22) < Date::new(2001, 1, 1));
    }

    #[test]
    fn finds_dates_in_text() {
        assert_eq!(
            find_date("This question was answered on 23rd September 2020")
                .as_deref(),
            Some("2020-09-23")
        );
        assert_eq!(
            find_date("Asked on: 22 July 2019").as_deref(),
            Some("2019-07-22")
        );
        assert_eq!(find_date("in 2018-19 there were 5"), None);
        assert_eq!(month_number("Sept"), Some(9));
        assert_eq!(month_number("ma"), None);
        assert_eq!(month_number("Marc"), None);
        assert_eq!(month_number("JUNE"), Some(6));
        assert!(is_month_word("sept") && !is_month_word("sept."));
    }
}
