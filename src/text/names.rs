//! People's names: the printed form, the plain name, member ids in URIs.

use crate::record::Person;
use crate::text::people::{self, NameWord, POST_NOMINALS, STYLES};

/// The plain name: honorifics (`Dr`, `Mr.`, `Mrs`, `Ms`, `Sir`, `Dame`,
/// `Rt Hon`), decorations (`MP`, `QC`, `CBE`, ` Portrait`,
/// `Biography information for`) and a trailing colon removed; a peer's
/// title is kept (`Lord True`, `Baroness Barran`, `Earl of Courtown`).
pub fn plain_name(printed: &str) -> String {
    plain_of_normalized(&crate::text::html::normalize_spaces(printed))
}

/// [`plain_name`] of a name whose spaces are already normalised
/// ([`crate::text::html::normalize_spaces`], which a second pass would not
/// change).
fn plain_of_normalized(printed: &str) -> String {
    let mut s = printed.trim().trim_end_matches([':', ',']).trim();
    loop {
        let before = s.len();
        // Each table entry is tried only when its first (last) byte is
        // the name's, in either case: most names match none.
        let first = s.as_bytes().first().map(u8::to_ascii_lowercase);
        if let Some(rest) = STYLES
            .iter()
            .filter(|p| p.as_bytes().first() == first.as_ref())
            .find_map(|p| strip_prefix_ci(s, p))
        {
            s = rest.trim_start();
        }
        // A courtesy honorific or a title, when more of the name follows.
        if let Some((first, rest)) = s.split_once(' ') {
            let drop = matches!(
                people::name_word(first),
                Some(NameWord::Courtesy | NameWord::Title)
            );
            if drop && !rest.trim().is_empty() {
                s = rest.trim_start();
            }
        }
        let last = s.as_bytes().last().map(u8::to_ascii_lowercase);
        for x in POST_NOMINALS {
            if x.as_bytes().last() != last.as_ref() {
                continue;
            }
            if let Some(rest) = strip_suffix_ci(s, x) {
                if !rest.is_empty() {
                    s = rest.trim_end().trim_end_matches(',');
                    break;
                }
            }
        }
        if s.len() == before {
            break;
        }
    }
    // "The Lord Bishop of X" / "The Earl of Y": drop a leading "The".
    if let Some((the, rest)) = s.split_once(' ') {
        if the.eq_ignore_ascii_case("the") && is_peer(rest) {
            s = rest.trim_start();
        }
    }
    s.to_string()
}

/// Whether a (plain) name is a peer's: it opens with a peerage rank (or
/// `Bishop`), or `The` and one, and more of the name follows
/// (`Lord True`, `The Earl of Courtown`).
pub fn is_peer(name: &str) -> bool {
    let mut words = name.split_whitespace();
    let Some(mut first) = words.next() else { return false };
    if first.eq_ignore_ascii_case("the") {
        let Some(w) = words.next() else { return false };
        first = w;
    }
    people::is_peerage_word(first) && words.next().is_some()
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
    let printed = crate::text::html::normalize_spaces(printed);
    let printed = printed.trim().trim_end_matches(':').trim();
    if printed.is_empty() {
        return None;
    }
    let name = plain_of_normalized(printed);
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
    // ASCII case is enough: no character outside ASCII lower-cases into
    // these words (the Kelvin sign's `k` is in none of them).
    let s = s.trim();
    [
        "life peer",
        "life peeress",
        "bishops",
        "bishop",
        "excepted hereditary",
        "hereditary",
        "law lord",
        "lord spiritual",
        "lords spiritual",
    ]
    .iter()
    .any(|w| s.eq_ignore_ascii_case(w))
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
