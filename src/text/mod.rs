//! Pieces every format shares: HTML to text, dates, names, the House a
//! question belongs to, whom it is addressed to, and stable record ids.

pub mod date;
pub mod html;
pub mod names;
pub mod people;

use std::sync::LazyLock;

use regex::Regex;

use crate::record::{House, Kind, Record};

pub use date::{find_date, find_date_near, parse_date, parse_date_near, Date};
pub use html::{clean_plain, html_to_text, to_text};
pub use names::{person, plain_name};

/// The first `n` bytes of `text` (fewer, to end on a character
/// boundary): for sniffing a format without scanning a whole large input.
pub fn head(text: &str, n: usize) -> &str {
    let mut n = n.min(text.len());
    while !text.is_char_boundary(n) {
        n -= 1;
    }
    &text[..n]
}

static LORDS_FORM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:[^.]{0,80}?\b)?to\s+ask\s+(?:his|her)\s+majesty['’]?s\s+government|^(?:[^.]{0,80}?\b)?to\s+ask\s+the\s+(?:senior\s+deputy\s+speaker|chairman\s+of\s+committees|lord\s+speaker)",
    )
    .expect("valid regex")
});

static COMMONS_FORM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\s*to\s+ask\s+(?:the\s+)?(?:secretary\s+of\s+state|minister|(?:right\s+)?hon(?:\.|ourable)?\s+(?:and\s+learned\s+)?(?:member|gentleman|lady)|chancellor\s+of\s+the\s+(?:exchequer|duchy)|prime\s+minister|deputy\s+prime\s+minister|attorney\s+general|solicitor\s+general|advocate\s+general|leader\s+of\s+the\s+house|paymaster\s+general|president\s+of\s+the\s+(?:board|council)|parliamentary\s+secretary|first\s+secretary)",
    )
    .expect("valid regex")
});

/// The House a question belongs to, inferred from its form or its UIN,
/// and never otherwise: `To ask His/Her Majesty's Government` (or the
/// Senior Deputy Speaker, the Chairman of Committees) and `HL` UINs are the
/// Lords; `To ask the Secretary of State…`, `the Minister…`, `the hon.
/// Member for…` and the other Commons offices are the Commons.
pub fn infer_house(
    question: Option<&str>,
    uin: Option<&str>,
) -> Option<House> {
    if let Some(u) = uin {
        let u = u.trim();
        if u.len() > 2
            && u.get(..2).is_some_and(|p| p.eq_ignore_ascii_case("HL"))
        {
            return Some(House::Lords);
        }
    }
    let q = question?.trim_start();
    if LORDS_FORM.is_match(q) {
        Some(House::Lords)
    } else if COMMONS_FORM.is_match(q) {
        Some(House::Commons)
    } else {
        None
    }
}

/// Whom a question is put to: `To ask the Secretary of State for
/// Education, what …` gives `the Secretary of State for Education`;
/// `To ask Her Majesty's Government what …` gives `Her Majesty's
/// Government`. `None` when the text has no `To ask` near its start.
///
/// The words are matched as the regular expressions of `tests/
/// text_props.rs` would match them (a property test holds the two
/// equal): case-insensitively with Unicode's simple case folding, `\s`
/// as Unicode white space, word boundaries as Unicode word characters.
pub fn addressed_to(question: &str) -> Option<String> {
    // Lords listings drop the "To ask": "Her Majesty's Government what …".
    if let Some(g) = ask::government(question.trim_start()) {
        return Some(g.to_string());
    }
    let (start, end) = ask::to_ask(question)?;
    if start > 120 {
        return None;
    }
    let rest = &question[end..];
    if let Some(g) = ask::government(rest) {
        return Some(g.to_string());
    }
    // Prefer a stop at an interrogative word; fall back to the first comma.
    let end = match ask::addressee_end(rest) {
        Some(s) => s,
        None => rest.find(',')?,
    };
    let who = rest[..end].trim().trim_end_matches(',').trim();
    if who.is_empty() || who.len() > 160 {
        None
    } else {
        Some(who.to_string())
    }
}

/// The landmarks of [`addressed_to`], found by hand: it runs on every
/// record, where three regular expressions cost about 1,600 instructions
/// a question.
mod ask {
    /// The words that end an addressee, after a comma or white space
    /// (`, what`, ` whether`), by their first letter; a space stands for
    /// any white space. (The expressions' `what's` is `what` before a
    /// word boundary, so it needs no entry.) None starts with a letter that Unicode folds a
    /// character outside ASCII into (`s`, `k`).
    fn ends(first: u8) -> &'static [&'static [u8]] {
        match first.to_ascii_lowercase() {
            b'w' => &[
                b"what",
                b"whether",
                b"when",
                b"which",
                b"why",
                b"who",
                b"whom",
                b"where",
                b"with reference",
            ],
            b'h' => &[b"how"],
            b'i' => &[b"if", b"in what"],
            b'p' => &[b"pursuant"],
            b'f' => &[b"further to", b"following", b"for what", b"from what"],
            b'o' => &[b"on what"],
            b'b' => &[b"by what"],
            b't' => &[b"to what"],
            b'a' => &[b"at what"],
            b'u' => &[b"under what"],
            _ => &[],
        }
    }

    /// The end of `word` (ASCII lower case; a space in it stands for one
    /// or more white-space characters) matched at byte `at` of `s`,
    /// case-insensitively: an ASCII letter also matches its capital, and
    /// `s` and `k` match `ſ` and the Kelvin sign, as Unicode's simple
    /// case folding has them.
    fn word_at(s: &str, at: usize, word: &[u8]) -> Option<usize> {
        let b = s.as_bytes();
        let mut i = at;
        for &w in word {
            if w == b' ' {
                let j = skip_space(s, i);
                if j == i {
                    return None;
                }
                i = j;
                continue;
            }
            let c = *b.get(i)?;
            if c.to_ascii_lowercase() == w {
                i += 1;
            } else if w == b's'
                && b.get(i..i + 2) == Some("\u{17f}".as_bytes())
            {
                i += 2;
            } else if w == b'k'
                && b.get(i..i + 3) == Some("\u{212a}".as_bytes())
            {
                i += 3;
            } else {
                return None;
            }
        }
        Some(i)
    }

    /// The first byte at or after `i` that does not start a white-space
    /// character.
    fn skip_space(s: &str, mut i: usize) -> usize {
        while let Some(c) = s.get(i..).and_then(|r| r.chars().next()) {
            if !c.is_whitespace() {
                break;
            }
            i += c.len_utf8();
        }
        i
    }

    /// Whether a word character stands at byte `i` (none at the end).
    fn word_char_at(s: &str, i: usize) -> bool {
        s.get(i..)
            .and_then(|r| r.chars().next())
            .is_some_and(regex_syntax::is_word_character)
    }

    /// `His/Her Majesty's Government` at the start of `s`, followed by a
    /// word boundary.
    pub(super) fn government(s: &str) -> Option<&str> {
        if !matches!(s.as_bytes().first(), Some(b'h' | b'H')) {
            return None;
        }
        let i = word_at(s, 0, b"his majesty")
            .or_else(|| word_at(s, 0, b"her majesty"))?;
        let i = if s.as_bytes().get(i) == Some(&b'\'') {
            i + 1
        } else if s.get(i..).is_some_and(|r| r.starts_with('’')) {
            i + '’'.len_utf8()
        } else {
            i
        };
        let e = word_at(s, i, b"s government")?;
        (!word_char_at(s, e)).then(|| &s[..e])
    }

    /// The first `to ask` starting a word and followed by white space: the
    /// byte where it starts and the byte after the white space.
    pub(super) fn to_ask(s: &str) -> Option<(usize, usize)> {
        let b = s.as_bytes();
        let mut from = 0;
        while let Some(k) = memchr::memchr2(b't', b'T', b.get(from..)?) {
            let p = from + k;
            from = p + 1;
            let starts_word = s
                .get(..p)
                .and_then(|r| r.chars().next_back())
                .is_none_or(|c| !regex_syntax::is_word_character(c));
            if !starts_word {
                continue;
            }
            let Some(e) = word_at(s, p, b"to ask") else { continue };
            let after = skip_space(s, e);
            if after > e {
                return Some((p, after));
            }
        }
        None
    }

    /// Where the addressee ends: the first comma or run of white space
    /// followed (after any white space) by one of [`ends`] and a word
    /// boundary.
    pub(super) fn addressee_end(s: &str) -> Option<usize> {
        // The bytes a landmark may start at: a comma, ASCII white space
        // (with the vertical tab) and every byte outside ASCII.
        static MAY_START: [bool; 256] = {
            let mut t = [false; 256];
            let mut c = 0;
            while c < 256 {
                let b = c as u8;
                t[c] = b == b','
                    || b.is_ascii_whitespace()
                    || b == 0x0b
                    || b >= 0x80;
                c += 1;
            }
            t
        };
        let b = s.as_bytes();
        let mut i = 0;
        loop {
            while b.get(i).is_some_and(|&c| !MAY_START[usize::from(c)]) {
                i += 1;
            }
            let Some(&c) = b.get(i) else { break };
            let (len, space) = if c < 0x80 {
                (1, c.is_ascii_whitespace() || c == 0x0b)
            } else {
                let ch = s.get(i..).and_then(|r| r.chars().next())?;
                (ch.len_utf8(), ch.is_whitespace())
            };
            if c == b',' || space {
                // A run of white space is tried once, from its start.
                let q = skip_space(s, i + len);
                let first = b.get(q).copied().unwrap_or(0);
                let ends = ends(first).iter().any(|w| {
                    word_at(s, q, w).is_some_and(|e| !word_char_at(s, e))
                });
                if ends {
                    return Some(i);
                }
                if space {
                    i = q;
                    continue;
                }
            }
            i += len;
        }
        None
    }
}

/// A question's text normalised for matching records from different
/// sources: lower case, letters and digits only, single spaces, without a
/// leading `To ask …,`.
pub fn match_key(question: &str) -> String {
    let mut out = Vec::with_capacity(question.len());
    match_key_bytes(question, |b| out.push(b));
    // Only whole characters are ever written.
    String::from_utf8(out).unwrap_or_default()
}

/// For each byte: its lower-case form when it is an ASCII letter or digit
/// (part of a [`match_key`] word), [`NON_ASCII`] when it is part of a
/// character outside ASCII, else 0 (a separator).
static KEY: [u8; 256] = {
    let mut t = [NON_ASCII; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] =
            if c.is_ascii_alphanumeric() { c.to_ascii_lowercase() } else { 0 };
        b += 1;
    }
    t
};

/// [`KEY`]'s mark for a byte of a character outside ASCII.
const NON_ASCII: u8 = 0xff;

/// The bytes of [`match_key`], handed to `sink` one at a time without
/// building the string (for hashing): the words (maximal runs of
/// alphanumeric characters) lower-cased and joined by single spaces.
///
/// One pass over the bytes: a run of ASCII letters and digits is
/// lower-cased by table in a tight loop, and only a character outside
/// ASCII is decoded (and lower-cased by Unicode's rules, which agree with
/// ASCII's on ASCII).
fn match_key_bytes(question: &str, mut sink: impl FnMut(u8)) {
    let bytes = question.as_bytes();
    let mut started = false;
    let mut space = false;
    let mut i = 0;
    while let Some(&x) = bytes.get(i) {
        let low = KEY[usize::from(x)];
        if low == 0 {
            space = started;
            i += 1;
            continue;
        }
        if low != NON_ASCII {
            if space {
                sink(b' ');
                space = false;
            }
            started = true;
            sink(low);
            i += 1;
            // The rest of the ASCII word.
            while let Some(&y) = bytes.get(i) {
                let low = KEY[usize::from(y)];
                if low == 0 || low == NON_ASCII {
                    break;
                }
                sink(low);
                i += 1;
            }
            continue;
        }
        // `i` is on a character boundary: every step above is one ASCII
        // byte, and this one is a whole character.
        let Some(c) = question.get(i..).and_then(|t| t.chars().next()) else {
            break;
        };
        i += c.len_utf8();
        if c.is_alphanumeric() {
            if space {
                sink(b' ');
                space = false;
            }
            started = true;
            let mut buf = [0u8; 4];
            for l in c.to_lowercase() {
                l.encode_utf8(&mut buf).bytes().for_each(&mut sink);
            }
        } else {
            space = started;
        }
    }
}

/// A 64-bit FNV-1a hash, fed piece by piece: stable across runs,
/// machines and Rust versions.
struct Fnv(u64);

impl Fnv {
    fn new() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }

    #[inline]
    fn bytes(&mut self, b: &[u8]) {
        for &x in b {
            self.byte(x);
        }
    }

    #[inline]
    fn byte(&mut self, x: u8) {
        self.0 ^= u64::from(x);
        self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
    }

    /// Ends a part (the parts of a hash are separated by a 0xff byte,
    /// which UTF-8 text never holds).
    fn part(&mut self, s: &str) {
        self.bytes(s.as_bytes());
        self.bytes(&[0xff]);
    }

    /// A part that is the [`match_key`] of `s`.
    fn key_part(&mut self, s: Option<&str>) {
        if let Some(s) = s {
            // The state in a local, so that it stays in a register.
            let mut h = Fnv(self.0);
            match_key_bytes(s, |b| h.byte(b));
            self.0 = h.0;
        }
        self.bytes(&[0xff]);
    }
}

/// A 64-bit FNV-1a hash: stable across runs, machines and Rust versions.
pub fn stable_hash(parts: &[&str]) -> u64 {
    let mut h = Fnv::new();
    for p in parts {
        h.part(p);
    }
    h.0
}

/// The record's id: `HOUSE/TABLED_ON/UIN` when all three are known;
/// otherwise the format's name, `:`, and a stable hash of the record's
/// content (house, UIN, dates, normalised question text, names, answer or
/// letter text), streamed into the hasher without building the
/// normalised texts.
pub fn record_id(r: &Record) -> String {
    let q = r.question.as_ref();
    let tabled = q.and_then(|q| q.tabled_on.as_deref());
    if let (Some(h), Some(t), Some(u)) = (r.house, tabled, r.uin.as_deref()) {
        let h = h.as_str();
        let mut id = String::with_capacity(h.len() + t.len() + u.len() + 2);
        id.push_str(h);
        id.push('/');
        id.push_str(t);
        id.push('/');
        id.push_str(u);
        return id;
    }
    let asker =
        q.and_then(|q| q.asker.as_ref()).and_then(|p| p.name.as_deref());
    let a = r.answer.as_ref();
    let l = r.letter.as_ref();
    let mut h = Fnv::new();
    h.part(match r.kind {
        Kind::WrittenQuestion => "q",
        Kind::Letter => "l",
    });
    h.part(r.house.map_or("", House::as_str));
    h.part(r.uin.as_deref().unwrap_or(""));
    h.part(tabled.unwrap_or(""));
    h.key_part(q.and_then(|q| q.text.as_deref()));
    h.part(r.heading.as_deref().unwrap_or(""));
    h.part(asker.unwrap_or(""));
    h.part(a.and_then(|a| a.answered_on.as_deref()).unwrap_or(""));
    h.key_part(a.and_then(|a| a.text.as_deref()));
    h.part(l.and_then(|l| l.date.as_deref()).unwrap_or(""));
    h.part(l.and_then(|l| l.sender.name.as_deref()).unwrap_or(""));
    h.key_part(l.and_then(|l| l.body.as_deref()));
    format!("{}:{:016x}", r.source.format.name(), h.0)
}

/// Decodes character references left in any text field of `record`
/// (`R&amp;D`, `&quot;`, `&#163;`): sources give entity-escaped text
/// without tags in names, headings and bodies as well as in answers, and
/// some escape twice. `source.path` and the warnings are left as they are.
pub fn decode_record_entities(record: &mut Record) {
    fn fix(s: &mut String) {
        if s.contains('&') {
            if let std::borrow::Cow::Owned(d) = html::decode_entities(s) {
                *s = d;
            }
        }
    }
    fn opt(s: &mut Option<String>) {
        if let Some(s) = s {
            fix(s);
        }
    }
    fn person(p: &mut Option<crate::record::Person>) {
        if let Some(p) = p {
            opt(&mut p.name);
            opt(&mut p.printed);
            opt(&mut p.party);
            opt(&mut p.constituency);
            opt(&mut p.role);
        }
    }
    opt(&mut record.uin);
    opt(&mut record.heading);
    if let Some(q) = &mut record.question {
        opt(&mut q.text);
        opt(&mut q.addressed_to);
        opt(&mut q.answering_body);
        person(&mut q.asker);
    }
    if let Some(a) = &mut record.answer {
        opt(&mut a.text);
        person(&mut a.answerer);
        a.grouped_with.iter_mut().for_each(fix);
    }
    if let Some(l) = &mut record.letter {
        for s in [
            &mut l.reference,
            &mut l.subject,
            &mut l.salutation,
            &mut l.body,
            &mut l.sign_off,
            &mut l.address,
            &mut l.phone,
            &mut l.email,
            &mut l.sender.name,
            &mut l.sender.role,
            &mut l.sender.organisation,
            &mut l.recipient.name,
            &mut l.recipient.role,
        ] {
            opt(s);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn house_from_form_and_uin() {
        let c = Some(House::Commons);
        let l = Some(House::Lords);
        assert_eq!(
            infer_house(
                Some("To ask the Secretary of State for Education, what"),
                None
            ),
            c
        );
        assert_eq!(
            infer_house(
                Some("To ask the Minister for the Cabinet Office, if"),
                None
            ),
            c
        );
        assert_eq!(
            infer_house(
                Some("To ask the hon. Member for Caithness, representing"),
                None
            ),
            c
        );
        assert_eq!(
            infer_house(
                Some("To ask the Chancellor of the Exchequer, what"),
                None
            ),
            c
        );
        assert_eq!(
            infer_house(Some("To ask Her Majesty's Government what"), None),
            l
        );
        assert_eq!(
            infer_house(Some("To ask His Majesty’s Government whether"), None),
            l
        );
        assert_eq!(
            infer_house(Some("Lord Alton of Liverpool to ask His Majesty's Government what"), None),
            l
        );
        assert_eq!(infer_house(None, Some("HL5821")), l);
        assert_eq!(
            infer_house(Some("What his policy is on legal aid."), None),
            None
        );
        assert_eq!(infer_house(None, Some("912085")), None);
    }

    #[test]
    fn addressee() {
        assert_eq!(
            addressed_to(
                "To ask the Secretary of State for Education, what steps"
            )
            .as_deref(),
            Some("the Secretary of State for Education")
        );
        assert_eq!(
            addressed_to("To ask Her Majesty's Government what assessment")
                .as_deref(),
            Some("Her Majesty's Government")
        );
        assert_eq!(
            addressed_to(
                "To ask the hon. Member for Caithness, Sutherland and Easter Ross, \
                 representing the House of Commons Commission when the"
            )
            .as_deref(),
            Some(
                "the hon. Member for Caithness, Sutherland and Easter Ross, \
                 representing the House of Commons Commission"
            )
        );
        assert_eq!(
            addressed_to(
                "To ask the Secretary of State for Foreign, Commonwealth and \
                 Development Affairs, what"
            )
            .as_deref(),
            Some("the Secretary of State for Foreign, Commonwealth and Development Affairs")
        );
        assert_eq!(
            addressed_to("To ask Her Majesty's Government in light of the report, how many")
                .as_deref(),
            Some("Her Majesty's Government")
        );
        assert_eq!(
            addressed_to("His Majesty's Government what assessment")
                .as_deref(),
            Some("His Majesty's Government")
        );
        assert_eq!(addressed_to("What his policy is."), None);
    }

    #[test]
    fn hash_is_stable() {
        // Fixed value: changing the hash changes every id.
        assert_eq!(stable_hash(&["a", "b"]), stable_hash(&["a", "b"]));
        assert_ne!(stable_hash(&["ab", ""]), stable_hash(&["a", "b"]));
        assert_eq!(format!("{:016x}", stable_hash(&[""])), "af64724c8602eb6e");
        assert_eq!(
            match_key("To ask the  Secretary, what?"),
            "to ask the secretary what"
        );
    }
}
