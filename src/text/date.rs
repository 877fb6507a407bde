//! Dates in every form the sources print them, to `YYYY-MM-DD`.
//!
//! Accepted: ISO dates and timestamps (`2019-07-22`,
//! `2019-07-22T16:46:42.68Z`, `2013-01-22Z`, `2024-11-13T00:00:00`),
//! day-month-year with or without an ordinal and a weekday
//! (`Tuesday 16th September 2020`, `03 June 2019`, `3 Sept. 2019`),
//! month-day-year (`September 16, 2020`) and numeric UK dates
//! (`22/07/19`, `22/07/2019`, `22.07.2019`). Every date is checked to
//! exist (`31 June` is rejected).

use std::sync::LazyLock;

use regex::Regex;

/// The month number of an English month name or abbreviation
/// (`Sept`, `sep.`, `September`), case-insensitive.
pub fn month_number(name: &str) -> Option<u8> {
    let n = name.trim_end_matches('.').to_ascii_lowercase();
    const MONTHS: [&str; 12] = [
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
    if n.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| *m == n || (n.len() <= 4 && m.starts_with(&n)))
        .map(|i| i as u8 + 1)
}

/// Formats a checked date; `None` when the day does not exist.
pub fn ymd(year: i32, month: u8, day: u8) -> Option<String> {
    if !(1800..=2200).contains(&year) {
        return None;
    }
    jiff::civil::Date::new(year as i16, month as i8, day as i8)
        .ok()
        .map(|d| d.to_string())
}

const MONTH: &str = "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";

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
/// and trailing punctuation allowed) to `YYYY-MM-DD`.
pub fn parse_date(s: &str) -> Option<String> {
    let t = s.trim().trim_end_matches(['.', ',', ';', ':', ')']);
    let t = t.trim_start_matches('(');
    let t = strip_weekday(t);
    let (date, range) = find_date_in(t)?;
    if range.0 == 0 && range.1 == t.len() {
        Some(date)
    } else {
        None
    }
}

/// Finds the first date anywhere in `s` and returns it as `YYYY-MM-DD`.
pub fn find_date(s: &str) -> Option<String> {
    find_date_in(s).map(|(d, _)| d)
}

/// Finds the first date in `s`, with its byte range.
pub fn find_date_in(s: &str) -> Option<(String, (usize, usize))> {
    let mut best: Option<(String, (usize, usize))> = None;
    let mut consider = |d: Option<String>, start: usize, end: usize| {
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
        let y = if c[3].len() == 2 { 2000 + y } else { y };
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
            return s[d.len()..].trim_start_matches([',', ' ']);
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
    date!(uk_short, "22/07/19", Some("2019-07-22"));
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
    }
}
