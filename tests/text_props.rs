//! Property tests of the shared text helpers and the figure extractor:
//! on any string (hostile characters included) nothing panics, every span
//! lies inside its text on character boundaries, and HTML turned into
//! text keeps no tags.

use proptest::prelude::*;
use wrans::text;

/// Strings of HTML-ish pieces, numbers, money and case-changing
/// characters (U+212A lower-cases to one byte, U+0130 to three).
fn hostile() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("<p>".to_string()),
        Just("</p>".to_string()),
        Just("<td>".to_string()),
        Just("<br/>".to_string()),
        Just("<table><tr>".to_string()),
        Just(" | ".to_string()),
        Just("£3.2 billion".to_string()),
        Just("12%".to_string()),
        Just("2019-20".to_string()),
        Just("from 30 to 19".to_string()),
        Just("Jan 2024 \u{2013} Dec 2025".to_string()),
        Just("Mr \u{212A}C".to_string()),
        Just("\u{0130}".to_string()),
        Just("\u{FB03}".to_string()),
        Just("HL".to_string()),
        Just("To ask Her Majesty's Government".to_string()),
        Just("\n\n".to_string()),
        Just("\u{a0}".to_string()),
        "[a-zA-Z0-9 .,;:()\\-]{0,12}",
        any::<char>().prop_map(|c| c.to_string()),
    ];
    proptest::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

/// Strings of words and every kind of space `normalize_spaces` treats
/// (plain, tab, non-breaking, narrow, fixed-width, zero-width, soft
/// hyphen, byte-order mark), with line breaks and other characters.
fn spaces() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just(" ".to_string()),
        Just("  ".to_string()),
        Just("\t".to_string()),
        Just("\n".to_string()),
        Just("\r".to_string()),
        Just("\u{a0}".to_string()),
        Just("\u{202f}".to_string()),
        Just("\u{2007}".to_string()),
        Just("\u{2009}".to_string()),
        Just("\u{2002}".to_string()),
        Just("\u{2003}".to_string()),
        Just("\u{200b}".to_string()),
        Just("\u{feff}".to_string()),
        Just("\u{ad}".to_string()),
        Just("£3\u{2019}s".to_string()),
        "[a-z0-9.,]{0,6}",
        any::<char>().prop_map(|c| c.to_string()),
    ];
    proptest::collection::vec(piece, 0..30).prop_map(|v| v.concat())
}

/// The reference for `normalize_spaces`' first half, written out
/// character by character: odd spaces and tabs become plain spaces,
/// zero-width characters go.
fn plain_spaces(s: &str) -> String {
    s.chars()
        .filter(|c| !matches!(c, '\u{200b}' | '\u{feff}' | '\u{ad}'))
        .map(|c| match c {
            '\u{a0}' | '\u{202f}' | '\u{2007}' | '\u{2009}' | '\u{2002}'
            | '\u{2003}' | '\t' => ' ',
            c => c,
        })
        .collect()
}

/// Question openings: the words `addressed_to` looks for, in every case
/// and spacing, with the characters that fold into ASCII letters (`ſ`,
/// the Kelvin sign), word characters that are not letters (a combining
/// accent, `_`) and odd white space.
fn openings() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("To ask ".to_string()),
        Just("to  ask\u{a0}".to_string()),
        Just("TO ASK\t".to_string()),
        Just("to a\u{17f}\u{212a} ".to_string()),
        Just("xto ask ".to_string()),
        Just("the Secretary of State for Education".to_string()),
        Just("His Majesty's Government".to_string()),
        Just("her majesty’\u{17f}\u{a0}government".to_string()),
        Just("Her Majesty’s Governments".to_string()),
        Just("His Majestys Government".to_string()),
        Just(", ".to_string()),
        Just(",".to_string()),
        Just(" ".to_string()),
        Just("\u{b}".to_string()),
        Just("\u{85}".to_string()),
        Just("\u{2028}".to_string()),
        Just("what".to_string()),
        Just("whatever".to_string()),
        Just("what's".to_string()),
        Just("WHOM".to_string()),
        Just("who\u{301}".to_string()),
        Just("if_".to_string()),
        Just("with \n reference".to_string()),
        Just("further to".to_string()),
        Just("under  what".to_string()),
        Just("pur\u{17f}uant".to_string()),
        Just("in what".to_string()),
        "[a-zA-Z ,']{0,10}",
        any::<char>().prop_map(|c| c.to_string()),
    ];
    proptest::collection::vec(piece, 0..24).prop_map(|v| v.concat())
}

/// `addressed_to` as it was written with three regular expressions, the
/// reference for the hand-written matcher that replaced them.
fn addressed_to_by_regex(question: &str) -> Option<String> {
    use regex::Regex;
    use std::sync::LazyLock;
    static END: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?i)(?:,\s*|\s+)(?:what|whether|how|when|if|which|why|who|whom|where|pursuant|with\s+reference|further\s+to|following|for\s+what|on\s+what|by\s+what|to\s+what|in\s+what|at\s+what|under\s+what|from\s+what|what's)\b|,",
        )
        .unwrap()
    });
    static GOVERNMENT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^(?:his|her)\s+majesty['’]?s\s+government\b").unwrap()
    });
    static TO_ASK: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?i)\bto\s+ask\s+").unwrap());
    if let Some(g) = GOVERNMENT.find(question.trim_start()) {
        return Some(g.as_str().to_string());
    }
    let m = TO_ASK.find(question)?;
    if m.start() > 120 {
        return None;
    }
    let rest = &question[m.end()..];
    if let Some(g) = GOVERNMENT.find(rest) {
        return Some(g.as_str().to_string());
    }
    let stop = END
        .find_iter(rest)
        .find(|s| !s.as_str().trim().eq(","))
        .map(|s| s.start());
    let end = match (stop, rest.find(',')) {
        (Some(s), _) => s,
        (None, Some(c)) => c,
        (None, None) => return None,
    };
    let who = rest[..end].trim().trim_end_matches(',').trim();
    if who.is_empty() || who.len() > 160 {
        None
    } else {
        Some(who.to_string())
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn figures_spans_are_inside_and_on_boundaries(s in hostile()) {
        for f in wrans::figures::extract(&s, "answer.text") {
            let [a, b] = f.span;
            prop_assert!(a <= b && b <= s.len(), "{:?} in {:?}", f.span, s);
            prop_assert!(s.is_char_boundary(a) && s.is_char_boundary(b));
            prop_assert_eq!(&s[a..b], f.text.as_str());
        }
    }

    #[test]
    fn normalize_spaces_is_replace_then_collapse(s in spaces()) {
        let two = text::html::collapse_spaces(&plain_spaces(&s));
        prop_assert_eq!(text::html::normalize_spaces(&s), two);
    }

    #[test]
    fn html_to_text_keeps_no_tags(s in hostile()) {
        // Entities may decode to '<' legitimately; without '&' none can.
        let s = s.replace('&', " ");
        let out = text::to_text(&s);
        let tag = regex_lite_tag(&out);
        prop_assert!(tag.is_none(), "tag {:?} left in {:?} (from {:?})", tag, out, s);
    }

    #[test]
    fn names_houses_dates_and_ids_never_panic(s in hostile()) {
        let _ = text::names::plain_name(&s);
        let _ = text::names::person(&s);
        let _ = text::names::is_peer(&s);
        let _ = text::infer_house(Some(&s), Some(&s));
        let _ = text::addressed_to(&s);
        let _ = text::match_key(&s);
        let _ = text::parse_date(&s).is_some();
        let _ = text::find_date(&s).is_some();
        let _ = text::clean_plain(&s);
        let _ = text::html::decode_entity(&s);
    }

    /// The hand-written `addressed_to` finds what its regular expressions
    /// found, on openings of every spelling and spacing.
    #[test]
    fn addressed_to_equals_its_regex_reference(s in openings()) {
        prop_assert_eq!(text::addressed_to(&s), addressed_to_by_regex(&s));
    }

    /// The one-pass `match_key` (which the content ids hash) equals its
    /// definition: alphanumeric words, lower-cased, joined by one space.
    #[test]
    fn match_key_is_lowercase_words_joined(s in hostile()) {
        let words: Vec<String> = s
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(|w| w.chars().flat_map(char::to_lowercase).collect())
            .collect();
        prop_assert_eq!(text::match_key(&s), words.join(" "));
    }
}

/// A tag (`<p>`, `</td>`, `<br/>`) in `s`, if any.
fn regex_lite_tag(s: &str) -> Option<String> {
    let b = s.as_bytes();
    for (i, &c) in b.iter().enumerate() {
        if c != b'<' {
            continue;
        }
        let rest = &s[i + 1..];
        let name = rest.trim_start_matches('/');
        let starts =
            name.chars().next().is_some_and(|c| c.is_ascii_alphabetic());
        if let (true, Some(end)) = (starts, rest.find('>')) {
            let inner = &rest[..end];
            if inner.chars().all(|c| {
                c.is_ascii_alphanumeric()
                    || c == '/'
                    || c == ' '
                    || c == '='
                    || c == '"'
            }) {
                return Some(format!("<{inner}>"));
            }
        }
    }
    None
}
