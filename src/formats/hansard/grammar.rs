//! Small anchored grammars of bound Hansard, written with nom: a column
//! marker line, a speaker line, and a UIN. Landmarks are found with regex
//! and memchr elsewhere (`lines.rs`); these decide whether a candidate
//! that starts at a known place is one, and decode it.
//!
//! Every parser here takes the whole candidate (`all_consuming`), so
//! `Column 501 and more` is not a column marker.

use nom::branch::alt;
use nom::bytes::complete::{tag, tag_no_case, take_while1, take_while_m_n};
use nom::character::complete::{char, space0, space1};
use nom::combinator::{all_consuming, map_res, opt, recognize};
use nom::multi::many0;
use nom::sequence::{delimited, preceded, terminated};
use nom::{IResult, Parser};

use crate::text::people;
use crate::text::{self, Date};

/// A column marker's letters: the part of the day's report it is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum ColumnKind {
    /// `773W`: Commons written answers.
    W,
    /// `WA 45`: Lords written answers.
    Wa,
    /// `89WS`: written statements.
    Ws,
    /// `WH`, `P`, or no letters.
    Other,
}

/// A column marker on a line of its own.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct ColumnMarker {
    /// The day in a dated marker (`12 Jan 1998 : Column: 501`), as
    /// a checked date.
    pub date: Option<Date>,
    /// The column number.
    pub number: u32,
    /// The letters after (or before) the number.
    pub kind: ColumnKind,
}

// "773W", "WA", "ws": the letters of a column.
fn column_letters(i: &str) -> IResult<&str, ColumnKind> {
    alt((
        tag_no_case("WA").map(|_| ColumnKind::Wa),
        tag_no_case("WS").map(|_| ColumnKind::Ws),
        tag_no_case("WH").map(|_| ColumnKind::Other),
        tag_no_case("W").map(|_| ColumnKind::W),
        tag_no_case("P").map(|_| ColumnKind::Other),
    ))
    .parse(i)
}

// "501", "1184": a column number, at most five digits.
fn column_number(i: &str) -> IResult<&str, u32> {
    map_res(take_while_m_n(1, 5, |c: char| c.is_ascii_digit()), str::parse)
        .parse(i)
}

// "501W", "501 W", "WA 45", "WA45", "501".
fn column_body(i: &str) -> IResult<&str, (u32, ColumnKind)> {
    alt((
        preceded((tag_no_case("WA"), space0), column_number)
            .map(|n| (n, ColumnKind::Wa)),
        (column_number, opt(preceded(space0, column_letters)))
            .map(|(n, k)| (n, k.unwrap_or(ColumnKind::Other))),
    ))
    .parse(i)
}

// "Column", "Column:", "Col.", "Cols.", "c": the word before the number.
fn column_word(i: &str) -> IResult<&str, &str> {
    terminated(
        alt((
            tag_no_case("column"),
            tag_no_case("cols."),
            tag_no_case("col."),
        )),
        (space0, opt(char(':')), space0),
    )
    .parse(i)
}

// "12 Jan 1998", "19 July 2011", "23 Oct. 2003": the day of a dated marker.
fn marker_date(i: &str) -> IResult<&str, &str> {
    recognize((
        take_while_m_n(1, 2, |c: char| c.is_ascii_digit()),
        space1,
        take_while1(|c: char| c.is_ascii_alphabetic()),
        opt(char('.')),
        space1,
        take_while_m_n(4, 4, |c: char| c.is_ascii_digit()),
    ))
    .parse(i)
}

// "—continued", "- continued", "continued": a marker repeated on a
// continued column.
fn continued(i: &str) -> IResult<&str, ()> {
    (
        space0,
        opt(take_while1(|c: char| matches!(c, '—' | '–' | '-'))),
        space0,
        tag_no_case("continued"),
    )
        .map(|_| ())
        .parse(i)
}

/// A line that is only a column marker: `12 Jan 1998 : Column: 501`,
/// `19 July 2011 : Column 773W`, `Column 242`, `Col. 12W`, `773W`,
/// `WA 45`, `[Continued from column 773W]`.
///
/// A bare number with no letters and no `Column` word (`501`) is not a
/// marker: it may be a figure on a line of its own.
pub(super) fn column_marker(line: &str) -> Option<ColumnMarker> {
    let t = line.trim();
    let t = t.strip_prefix('[').and_then(|t| t.strip_suffix(']')).unwrap_or(t);
    let t = strip_prefix_ci(t, "continued from ")
        .or_else(|| strip_prefix_ci(t, "continued in "))
        .unwrap_or(t);
    let dated = (
        terminated(marker_date, (space0, char(':'), space0)),
        column_word,
        column_body,
        opt(continued),
    )
        .map(|(d, _, (n, k), _)| (Some(d), n, k, true));
    let worded = (column_word, column_body, opt(continued))
        .map(|(_, (n, k), _)| (None, n, k, true));
    let bare = (column_body, opt(continued))
        .map(|((n, k), _)| (None, n, k, k != ColumnKind::Other));
    let (_, (date, number, kind, ok)) =
        all_consuming(alt((dated, worded, bare))).parse(t).ok()?;
    if !ok {
        return None;
    }
    let date = match date {
        Some(d) => Some(text::parse_date(d)?),
        None => None,
    };
    Some(ColumnMarker { date, number, kind })
}

fn strip_prefix_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix).then(|| &s[prefix.len()..])
}

/// A UIN as printed: `[67391]`, `[HL9224]`, `[HL 9224]`, `[138423R]`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Uin {
    /// The UIN without spaces, `HL` in capitals (`HL9224`).
    pub id: String,
    /// Whether an `R` (a declared interest) follows the number.
    pub r_suffix: bool,
}

// "HL", "HL ": the Lords prefix.
fn uin_lords(i: &str) -> IResult<&str, &str> {
    terminated(tag_no_case("HL"), space0).parse(i)
}

// "[HL 9224]", "[ 67391 ]", "[138423R]".
fn uin_bracketed(i: &str) -> IResult<&str, (Option<&str>, &str, bool)> {
    delimited(
        (char('['), space0),
        (
            opt(uin_lords),
            recognize(take_while_m_n(1, 7, |c: char| c.is_ascii_digit())),
            opt(preceded(space0, tag_no_case("R"))).map(|r| r.is_some()),
        ),
        (space0, char(']')),
    )
    .parse(i)
}

/// Decodes a bracketed UIN candidate (found by a regex): the whole of
/// `s` must be the UIN.
pub(super) fn uin(s: &str) -> Option<Uin> {
    let (_, (hl, digits, r_suffix)) =
        all_consuming(uin_bracketed).parse(s.trim()).ok()?;
    let id = match hl {
        Some(_) => format!("HL{digits}"),
        None => digits.to_string(),
    };
    Some(Uin { id, r_suffix })
}

// "12. ": an oral question's number.
fn question_number(i: &str) -> IResult<&str, &str> {
    terminated(
        take_while_m_n(1, 3, |c: char| c.is_ascii_digit()),
        (char('.'), space0),
    )
    .parse(i)
}

// "Mr.", "Baroness", "Dr": a word that opens a name (the people table).
fn name_opener(i: &str) -> IResult<&str, &str> {
    let (rest, w) =
        recognize((take_while1(|c: char| c.is_alphabetic()), opt(char('.'))))
            .parse(i)?;
    if people::opens_name(w) {
        Ok((rest, w))
    } else {
        Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Verify,
        )))
    }
}

// "Brian", "O'Malley", "Maxwell-Hyslop", "of", "D.": a word of a name.
fn name_word(i: &str) -> IResult<&str, &str> {
    let (rest, w) = take_while1(|c: char| {
        c.is_alphabetic() || matches!(c, '.' | '\'' | '’' | '-')
    })
    .parse(i)?;
    let ok = w.chars().next().is_some_and(char::is_uppercase)
        || people::is_name_connector(w);
    if ok {
        Ok((rest, w))
    } else {
        Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Verify,
        )))
    }
}

// "Mr. Brian O'Malley", "Lord Hunt of Kings Heath": an opener and up to
// seven more words.
fn name(i: &str) -> IResult<&str, &str> {
    recognize((name_opener, many0(preceded(space1, name_word))))
        .parse(i)
        .and_then(|(rest, n)| {
            if n.split_whitespace().count() <= 8 {
                Ok((rest, n))
            } else {
                Err(nom::Err::Error(nom::error::Error::new(
                    i,
                    nom::error::ErrorKind::TooLarge,
                )))
            }
        })
}

// "(Orpington)", "(Mr. Brian O'Malley)": a bracketed part, one level.
fn bracketed(i: &str) -> IResult<&str, &str> {
    delimited(
        char('('),
        take_while1(|c: char| c != '(' && c != ')'),
        char(')'),
    )
    .parse(i)
}

// "[holding answer 9 January 2002]".
fn holding(i: &str) -> IResult<&str, &str> {
    recognize((
        char('['),
        space0,
        tag_no_case("holding answer"),
        take_while1(|c: char| c != ']' && c != '['),
        char(']'),
    ))
    .parse(i)
}

/// A line that is only a speaker's designation, the text of the turn
/// following on the next line: `Mr. Milburn`, `Mr. Milburn:`, `12. Mr.
/// Rooker`, `Mr. John Horam (Orpington)`, `(Mr. Brian O'Malley)`, `Ms
/// Blears [holding answer 9 January 2002]:`, `The Minister of State,
/// Department of Health (Mr. Brian O'Malley)`. Returns the designation
/// without the number, brackets kept, colon dropped.
///
/// A name must open with an honorific or peerage title (the people
/// table), or stand in brackets after an office: a heading such as
/// `Animal Experiments` is not a speaker.
pub(super) fn speaker_line(line: &str) -> Option<&str> {
    let t = line.trim();
    if t.len() > 220 {
        return None;
    }
    let t = match question_number(t) {
        Ok((rest, _)) => rest,
        Err(_) => t,
    };
    // "(Mr. Brian O'Malley)": the name of an office printed on the line
    // before.
    let bracketed_name =
        delimited((char('('), space0), name, (space0, char(')')));
    // "The Minister of State, ... (Mr. Brian O'Malley)".
    let office = recognize((
        tag("The "),
        take_while1(|c: char| c != '(' && c != ')' && c != ':'),
        delimited(char('('), name, char(')')),
    ))
    .map(|s: &str| s);
    let plain = recognize((name, opt(preceded(space1, bracketed))));
    let designation = alt((recognize(bracketed_name), office, plain));
    let mut line_parser = all_consuming(terminated(
        recognize((designation, opt(preceded(space0, holding)))),
        (space0, opt(char(':')), space0),
    ));
    let (_, who) = line_parser.parse(t).ok()?;
    if who.starts_with("The ") && !people::names_office(who) {
        return None;
    }
    Some(who.trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    macro_rules! column {
        ($name:ident, $line:expr, $want:expr) => {
            #[test]
            fn $name() {
                let got =
                    column_marker($line).map(|m| (m.date, m.number, m.kind));
                assert_eq!(got, $want);
            }
        };
    }

    fn d(s: &str) -> Option<Date> {
        Date::from_iso(s)
    }

    column!(
        dated_colon,
        "12 Jan 1998 : Column: 501",
        Some((d("1998-01-12"), 501, ColumnKind::Other))
    );
    column!(
        dated_w,
        "19 July 2011 : Column 773W",
        Some((d("2011-07-19"), 773, ColumnKind::W))
    );
    column!(
        dated_continued,
        "23 Oct 2003 : Column 640W—continued",
        Some((d("2003-10-23"), 640, ColumnKind::W))
    );
    column!(
        dated_wa,
        "9 July 2012 : Column WA197",
        Some((d("2012-07-09"), 197, ColumnKind::Wa))
    );
    column!(
        glued_continued,
        "3 Mar 2003 : Column 849Wcontinued",
        Some((d("2003-03-03"), 849, ColumnKind::W))
    );
    column!(worded, "Column 242", Some((None, 242, ColumnKind::Other)));
    column!(col_dot, "Col. 12W", Some((None, 12, ColumnKind::W)));
    column!(bare_w, "773W", Some((None, 773, ColumnKind::W)));
    column!(bare_wa, "WA 45", Some((None, 45, ColumnKind::Wa)));
    column!(
        continued_from,
        "[Continued from column 773W]",
        Some((None, 773, ColumnKind::W))
    );
    column!(bare_number_is_not, "501", None);
    column!(sentence_is_not, "Column 501 shows the totals", None);
    column!(impossible_date, "31 Feb 1998 : Column: 501", None);
    column!(watts_is_not, "a 60W bulb", None);

    #[test]
    fn uins() {
        assert_eq!(
            uin("[67391]"),
            Some(Uin { id: "67391".into(), r_suffix: false })
        );
        assert_eq!(
            uin("[HL 9224]"),
            Some(Uin { id: "HL9224".into(), r_suffix: false })
        );
        assert_eq!(
            uin("[hl9224]"),
            Some(Uin { id: "HL9224".into(), r_suffix: false })
        );
        assert_eq!(
            uin("[138423R]"),
            Some(Uin { id: "138423".into(), r_suffix: true })
        );
        assert_eq!(uin("[12345678]"), None);
        assert_eq!(uin("[N]"), None);
        assert_eq!(uin("[12345] more"), None);
    }

    #[test]
    fn speaker_lines() {
        assert_eq!(speaker_line("Mr. Milburn"), Some("Mr. Milburn"));
        assert_eq!(speaker_line("Mr. Milburn:"), Some("Mr. Milburn"));
        assert_eq!(speaker_line("12. Mr. Rooker"), Some("Mr. Rooker"));
        assert_eq!(
            speaker_line("Mr. John Horam (Orpington)"),
            Some("Mr. John Horam (Orpington)")
        );
        assert_eq!(
            speaker_line("(Mr. Brian O'Malley)"),
            Some("(Mr. Brian O'Malley)")
        );
        assert_eq!(
            speaker_line("Ms Blears [holding answer 9 January 2002]:"),
            Some("Ms Blears [holding answer 9 January 2002]")
        );
        assert_eq!(
            speaker_line(
                "The Minister of State, Department of Health and Social Security (Mr. Brian O'Malley)"
            ),
            Some(
                "The Minister of State, Department of Health and Social Security (Mr. Brian O'Malley)"
            )
        );
        assert_eq!(
            speaker_line("Lord Hunt of Kings Heath"),
            Some("Lord Hunt of Kings Heath")
        );
        // Not speaker lines.
        assert_eq!(speaker_line("Animal Experiments"), None);
        assert_eq!(speaker_line("Mr. Milburn: The information is"), None);
        assert_eq!(speaker_line("Lord's Cricket Ground Access"), None);
        assert_eq!(speaker_line("Hospital Beds (Mr. Smith)"), None);
        assert_eq!(speaker_line("The Attorney General's Office"), None);
    }
}
