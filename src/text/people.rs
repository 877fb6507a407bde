//! The people recogniser every format shares: one table of honorifics,
//! titles and peerage ranks, the styles and post-nominals around a name,
//! and one lexicon of offices.
//!
//! Formats keep only their layout logic: `text::names` turns a printed
//! name into a plain one with these tables, `formats::hansard` asks
//! whether a line opens with a name or names an office, and
//! `formats::letter` whether a signature line is a person's.

use std::sync::LazyLock;

use regex::Regex;

/// What a word that opens a name is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameWord {
    /// A courtesy honorific (`Mr`, `Mrs`, `Ms`, `Miss`, `Mx`, `Cllr`):
    /// dropped from the plain name.
    Courtesy,
    /// A title (`Dr`, `Sir`, `Dame`, `Professor`, `Rev`): dropped from the
    /// plain name only when more of the name follows.
    Title,
    /// A peerage rank or a bishop (`Lord`, `Baroness`, `Earl`, `Bishop`):
    /// part of the name, kept.
    Peerage,
}

/// The one table of words that open a person's name, lower case, without
/// a trailing full stop (`mr.` is looked up as `mr`).
const NAME_WORDS: [(&str, NameWord); 31] = [
    ("mr", NameWord::Courtesy),
    ("mrs", NameWord::Courtesy),
    ("ms", NameWord::Courtesy),
    ("miss", NameWord::Courtesy),
    ("mx", NameWord::Courtesy),
    ("cllr", NameWord::Courtesy),
    ("councillor", NameWord::Courtesy),
    ("dr", NameWord::Title),
    ("sir", NameWord::Title),
    ("dame", NameWord::Title),
    ("professor", NameWord::Title),
    ("prof", NameWord::Title),
    ("rev", NameWord::Title),
    ("revd", NameWord::Title),
    ("reverend", NameWord::Title),
    ("rt", NameWord::Title),
    ("lord", NameWord::Peerage),
    ("lady", NameWord::Peerage),
    ("baroness", NameWord::Peerage),
    ("baron", NameWord::Peerage),
    ("viscount", NameWord::Peerage),
    ("viscountess", NameWord::Peerage),
    ("earl", NameWord::Peerage),
    ("countess", NameWord::Peerage),
    ("marquess", NameWord::Peerage),
    ("marquis", NameWord::Peerage),
    ("marchioness", NameWord::Peerage),
    ("duke", NameWord::Peerage),
    ("duchess", NameWord::Peerage),
    ("bishop", NameWord::Peerage),
    ("archbishop", NameWord::Peerage),
];

/// What `word` is when it opens a name (`Mr.`, `LORD`, `dame`), if it is
/// in the table. Case and one trailing full stop are ignored.
pub fn name_word(word: &str) -> Option<NameWord> {
    let w = word.strip_suffix('.').unwrap_or(word);
    if w.is_empty() || w.len() > 12 {
        return None;
    }
    // The table is ASCII, and no character outside ASCII lower-cases to
    // one of its words (U+212A, the Kelvin sign, gives `k`, which none
    // holds), so an ASCII comparison is a full one.
    NAME_WORDS
        .iter()
        .find(|(k, _)| w.eq_ignore_ascii_case(k))
        .map(|(_, kind)| *kind)
}

/// Whether `word` is an honorific, title or peerage rank that may open a
/// person's name (`Mr`, `Mrs.`, `Dr`, `Sir`, `Lord`, `Baroness`, ...).
pub fn opens_name(word: &str) -> bool {
    name_word(word).is_some()
}

/// Whether `word` is a peerage rank (or `Bishop`), kept in a plain name.
pub fn is_peerage_word(word: &str) -> bool {
    name_word(word) == Some(NameWord::Peerage)
}

/// Styles printed before a name and dropped from the plain name, lower
/// case, longest first so that `the rt hon` wins over `rt hon`.
pub const STYLES: [&str; 14] = [
    "biography information for ",
    "the right honourable ",
    "the rt. hon. ",
    "the right hon. ",
    "the right hon ",
    "the rt hon. ",
    "the rt hon ",
    "right honourable ",
    "right hon. ",
    "rt. hon. ",
    "rt hon. ",
    "rt hon ",
    "the hon. ",
    "hon. ",
];

/// Post-nominals and decorations printed after a name and dropped from
/// the plain name (with their leading space), lower case.
pub const POST_NOMINALS: [&str; 14] = [
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

/// Lower-case words allowed inside a name (`Lord Hunt of Kings Heath`,
/// `Baroness Smith of Basildon`, `Mr. de la Bere`).
pub const NAME_CONNECTORS: [&str; 12] = [
    "of", "and", "de", "la", "le", "van", "von", "du", "da", "upon", "on",
    "under",
];

/// Whether `word` (any case) may stand inside a name in lower case.
pub fn is_name_connector(word: &str) -> bool {
    let lw = word.to_lowercase();
    NAME_CONNECTORS.contains(&lw.as_str())
}

/// The one lexicon of offices: words that mark a designation as an
/// office rather than a name, in ministers' designations (`The Minister of
/// State, Ministry of Justice (Lord McNally)`), Lords offices (`Lord in
/// Waiting`), and letters' signatures (`Chair`, `Chief Executive`,
/// `Director`, `Clerk`).
static OFFICE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:minister|secretary|under-secretary|chancellor|attorney|solicitor|advocate|whip|spokesperson|speaker|leader|president|privy\s+seal|paymaster|commissioner|deputy|member\s+for|captain|(?:lord|baroness)\s+in\s+waiting|chief\s+executive|permanent\s+secretary|chair|chairman|chairwoman|director|head\s+of|clerk|prime\s+minister)\b",
    )
    .expect("valid regex")
});

/// Whether `text` names an office anywhere (`Minister of State`,
/// `Parliamentary Under-Secretary of State`, `Chair of the Committee`).
pub fn names_office(text: &str) -> bool {
    OFFICE.is_match(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn name_words() {
        assert_eq!(name_word("Mr."), Some(NameWord::Courtesy));
        assert_eq!(name_word("MRS"), Some(NameWord::Courtesy));
        assert_eq!(name_word("Dr"), Some(NameWord::Title));
        assert_eq!(name_word("Baroness"), Some(NameWord::Peerage));
        assert_eq!(name_word("the"), None);
        assert_eq!(name_word("Mister-of-everything"), None);
        assert!(opens_name("Viscountess"));
        assert!(is_peerage_word("LORD"));
        assert!(!is_peerage_word("Sir"));
        assert!(!opens_name(""));
    }

    #[test]
    fn offices() {
        assert!(names_office("The Minister of State, Ministry of Justice"));
        assert!(names_office("Parliamentary Under-Secretary of State"));
        assert!(names_office("Chair of the Health Committee"));
        assert!(names_office("Lord in Waiting"));
        assert!(!names_office("Lord McNally"));
        assert!(!names_office("Mr Crispin Blunt"));
        assert!(is_name_connector("of"));
        assert!(!is_name_connector("Heath"));
    }
}
