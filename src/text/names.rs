//! People's names: the printed form, the plain name, member ids in URIs.

use crate::record::Person;

/// Honorifics and decorations dropped from the front of a name.
const PREFIXES: [&str; 22] = [
    "biography information for ",
    "the rt. hon. ",
    "the rt hon. ",
    "the rt hon ",
    "the right hon. ",
    "the right hon ",
    "the right honourable ",
    "rt. hon. ",
    "rt hon. ",
    "rt hon ",
    "right hon. ",
    "right honourable ",
    "the hon. ",
    "hon. ",
    "mr. ",
    "mr ",
    "mrs. ",
    "mrs ",
    "ms. ",
    "ms ",
    "miss ",
    "mx ",
];

/// Titles dropped only when more of the name follows.
const TITLES: [&str; 8] =
    ["dr. ", "dr ", "sir ", "dame ", "professor ", "prof. ", "prof ", "rev. "];

/// Decorations dropped from the end of a name.
const SUFFIXES: [&str; 14] = [
    " portrait",
    " mp",
    " m.p.",
    " qc",
    " kc",
    " msp",
    " mla",
    " ms",
    " cbe",
    " obe",
    " mbe",
    " kbe",
    " dbe",
    " pc",
];

/// Peers' titles: kept at the front of a name.
const PEER_TITLES: [&str; 11] = [
    "lord ",
    "baroness ",
    "viscount ",
    "earl ",
    "countess ",
    "marquess ",
    "duke ",
    "lady ",
    "bishop ",
    "the lord ",
    "the earl ",
];

/// The plain name: honorifics (`Dr`, `Mr.`, `Mrs`, `Ms`, `Sir`, `Dame`,
/// `Rt Hon`), decorations (`MP`, `QC`, `CBE`, ` Portrait`,
/// `Biography information for`) and a trailing colon removed; a peer's
/// title is kept (`Lord True`, `Baroness Barran`, `Earl of Courtown`).
pub fn plain_name(printed: &str) -> String {
    let mut s = crate::text::html::collapse_spaces(
        &crate::text::html::fix_spaces(printed),
    );
    s = s.trim().trim_end_matches([':', ',']).trim().to_string();
    loop {
        let before = s.len();
        for p in PREFIXES {
            if let Some(rest) = strip_prefix_ci(&s, p) {
                s = rest.trim_start().to_string();
                break;
            }
        }
        for t in TITLES {
            if let Some(rest) = strip_prefix_ci(&s, t) {
                if !rest.trim().is_empty() {
                    s = rest.trim_start().to_string();
                    break;
                }
            }
        }
        for x in SUFFIXES {
            if let Some(rest) = strip_suffix_ci(&s, x) {
                if !rest.is_empty() {
                    s = rest.trim_end().trim_end_matches(',').to_string();
                    break;
                }
            }
        }
        if s.len() == before {
            break;
        }
    }
    // "The Lord Bishop of X" / "The Earl of Y": drop a leading "The".
    if let Some(rest) = strip_prefix_ci(&s, "the ") {
        if PEER_TITLES.iter().any(|t| strip_prefix_ci(rest, t).is_some()) {
            s = rest.to_string();
        }
    }
    s
}

/// Whether a (plain) name is a peer's.
pub fn is_peer(name: &str) -> bool {
    PEER_TITLES.iter().any(|t| strip_prefix_ci(name, t).is_some())
}

/// `s` without `prefix`, compared ASCII-case-insensitively (the tables
/// are ASCII), sliced on `s`'s own char boundaries: never by a length
/// measured on a case-mapped copy, whose length can differ (U+212A).
fn strip_prefix_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix).then(|| &s[prefix.len()..])
}

/// `s` without `suffix`, compared ASCII-case-insensitively.
fn strip_suffix_ci<'a>(s: &'a str, suffix: &str) -> Option<&'a str> {
    let at = s.len().checked_sub(suffix.len())?;
    let tail = s.get(at..)?;
    tail.eq_ignore_ascii_case(suffix).then(|| &s[..at])
}

/// A person from a printed name: `printed` as given (trimmed), `name`
/// plain. Returns `None` for an empty name.
pub fn person(printed: &str) -> Option<Person> {
    let printed = crate::text::html::collapse_spaces(
        &crate::text::html::fix_spaces(printed),
    );
    let printed = printed.trim().trim_end_matches(':').trim();
    if printed.is_empty() {
        return None;
    }
    let name = plain_name(printed);
    Some(Person {
        name: if name.is_empty() { None } else { Some(name) },
        printed: Some(printed.to_string()),
        ..Person::default()
    })
}

/// The member id at the end of a Parliament member URI
/// (`http://data.parliament.uk/members/4649` gives 4649).
pub fn member_id_from_uri(uri: &str) -> Option<u64> {
    let tail = uri.trim_end_matches('/').rsplit('/').next()?;
    if uri.contains("/members/") || uri.contains("/member/") {
        tail.parse().ok()
    } else {
        None
    }
}

/// Whether a "constituency" is really a peer's type of membership, which
/// the API's `memberFrom` gives for peers ("Life peer", "Bishops",
/// "Excepted Hereditary"); such a value is not a constituency.
pub fn is_peerage_type(s: &str) -> bool {
    let l = s.trim().to_lowercase();
    matches!(
        l.as_str(),
        "life peer"
            | "life peeress"
            | "bishops"
            | "bishop"
            | "excepted hereditary"
            | "hereditary"
            | "law lord"
            | "lord spiritual"
            | "lords spiritual"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    macro_rules! name {
        ($name:ident, $input:expr, $want:expr) => {
            #[test]
            fn $name() {
                assert_eq!(plain_name($input), $want);
            }
        };
    }

    name!(plain, "Thelma Walker", "Thelma Walker");
    name!(portrait, "Vicky Ford Portrait", "Vicky Ford");
    name!(
        biography,
        "Biography information for Nadhim Zahawi",
        "Nadhim Zahawi"
    );
    name!(dr, "Dr David Drew", "David Drew");
    name!(mr_dot, "Mr. Leigh", "Leigh");
    name!(mrs, "Mrs Theresa May", "Theresa May");
    name!(sir_mp, "Sir Edward Leigh MP", "Edward Leigh");
    name!(rt_hon, "The Rt Hon Dame Margaret Hodge MP", "Margaret Hodge");
    name!(qc, "Geoffrey Cox QC", "Geoffrey Cox");
    name!(peer, "Lord True", "Lord True");
    name!(baroness, "Baroness Barran", "Baroness Barran");
    name!(the_earl, "The Earl of Courtown", "Earl of Courtown");
    name!(colon, "John Thurso:", "John Thurso");
    name!(lone_title_kept, "Dr", "Dr");
    name!(dr_surname, "Dr Poulter", "Poulter");
    name!(nbsp, "Vicky\u{a0}Ford", "Vicky Ford");

    #[test]
    fn member_ids() {
        assert_eq!(
            member_id_from_uri("http://data.parliament.uk/members/4649"),
            Some(4649)
        );
        assert_eq!(member_id_from_uri("http://example.com/x/12"), None);
        assert!(is_peerage_type("Life peer"));
        assert!(!is_peerage_type("Colne Valley"));
        assert!(is_peer("Baroness Barran"));
        assert!(!is_peer("Thelma Walker"));
    }
}
