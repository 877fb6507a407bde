//! Splits a text into words, numbers, symbols and URLs, with byte offsets.
//!
//! - A **number** is a run of ASCII digits, with thousands groups
//!   (`1,234,567`: a comma followed by exactly three digits, after a first
//!   group of one to three digits) and one decimal part (`3.2`). A sign, a
//!   currency symbol or a letter is never part of it: `£24m` is `£`, `24`,
//!   `m`.
//! - A **word** is a run of letters (any script) with inner apostrophes
//!   (`children’s`, `don't`). Hyphens are symbols, so `COVID-19` is a word,
//!   a symbol and a number, all three adjacent.
//! - A **URL** is everything from `http://`, `https://` or `www.` to the
//!   next whitespace (without trailing punctuation); numbers inside it are
//!   never looked at.
//! - Every other non-space character is a one-character **symbol**.
//!
//! Whitespace is not a token; whether two tokens touch is read from their
//! offsets.

use super::lexicon;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum TokKind {
    /// Letters.
    Word,
    /// Digits, with thousands commas and a decimal part.
    Num,
    /// One other character.
    Sym,
    /// A web address.
    Url,
}

/// One token: a byte range of the text and its kind (12 bytes: texts
/// are at most `u32::MAX` bytes here; `extract` splits longer ones).
#[derive(Clone, Copy, Debug)]
pub(super) struct Tok {
    s: u32,
    e: u32,
    pub kind: TokKind,
    /// Whether the scanner may start a figure at this token: a number, a
    /// currency sign (`£`, `€`, `$`), or a word that may be a number word,
    /// a fraction, `a`/`an`, a currency code, `FY`, `US` or `decade`
    /// ([`lexicon::may_lead`]). The scanner passes over every other token
    /// without looking at it.
    pub lead: bool,
    /// Whether a line break stands between this token and the next (read
    /// by `Cx::near` for every pair of tokens it is asked about).
    pub line_end: bool,
}

impl Tok {
    /// A token of `kind` over the bytes `[start, end)` (both at most
    /// `u32::MAX`, which `tokenize` guarantees).
    fn new(start: usize, end: usize, kind: TokKind, lead: bool) -> Tok {
        Tok { s: start as u32, e: end as u32, kind, lead, line_end: false }
    }

    /// The byte offset where the token starts.
    #[inline]
    pub fn start(&self) -> usize {
        self.s as usize
    }

    /// The byte offset just past the token.
    #[inline]
    pub fn end(&self) -> usize {
        self.e as usize
    }
}

/// The class of each byte, for [`tokenize`]'s dispatch.
const SPACE: u8 = 0;
const LETTER: u8 = 1;
const DIGIT: u8 = 2;
const SYMBOL: u8 = 3;
const NON_ASCII: u8 = 4;
const CLASS: [u8; 256] = {
    let mut t = [NON_ASCII; 256];
    let mut c = 0;
    while c < 128 {
        let b = c as u8;
        t[c] = if b.is_ascii_whitespace() {
            SPACE
        } else if b.is_ascii_alphabetic() {
            LETTER
        } else if b.is_ascii_digit() {
            DIGIT
        } else {
            SYMBOL
        };
        c += 1;
    }
    t
};

/// Appends the tokens of `text` to `out`.
pub(super) fn tokenize(text: &str, out: &mut Vec<Tok>) {
    // Offsets are stored as `u32`: `extract` never passes a longer text.
    let text = text.get(..text.len().min(u32::MAX as usize)).unwrap_or("");
    let b = text.as_bytes();
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        let class = CLASS[usize::from(c)];
        if class == SPACE {
            if c == b'\n' {
                if let Some(t) = out.last_mut() {
                    t.line_end = true;
                }
            }
            i += 1;
        } else if class == LETTER {
            if matches!(c, b'h' | b'H' | b'w' | b'W') {
                if let Some(e) = scan_url(b, i) {
                    out.push(Tok::new(i, e, TokKind::Url, false));
                    i = e;
                    continue;
                }
            }
            let e = scan_word(text, i);
            let lead = lexicon::may_lead(c, e - i);
            out.push(Tok::new(i, e, TokKind::Word, lead));
            i = e;
        } else if class == DIGIT {
            let e = scan_number(b, i);
            out.push(Tok::new(i, e, TokKind::Num, true));
            i = e;
        } else if class == SYMBOL {
            out.push(Tok::new(i, i + 1, TokKind::Sym, c == b'$'));
            i += 1;
        } else {
            let ch = text[i..].chars().next().unwrap_or(' ');
            let len = ch.len_utf8();
            if ch.is_alphabetic() {
                // Words that start with a letter outside ASCII are in no
                // list.
                let e = scan_word(text, i);
                out.push(Tok::new(i, e, TokKind::Word, false));
                i = e;
            } else {
                if !ch.is_whitespace() {
                    let lead = matches!(ch, '£' | '€');
                    out.push(Tok::new(i, i + len, TokKind::Sym, lead));
                }
                i += len;
            }
        }
    }
}

/// The end of the number starting at `i` (a digit).
fn scan_number(b: &[u8], i: usize) -> usize {
    let n = b.len();
    let mut j = i;
    while j < n && b[j].is_ascii_digit() {
        j += 1;
    }
    // Thousands groups: only after a first group of 1-3 digits.
    if j - i <= 3 {
        while j < n && b[j] == b',' && three_digits(b, j + 1) {
            j += 4;
        }
    }
    // Decimal part.
    if j + 1 < n && b[j] == b'.' && b[j + 1].is_ascii_digit() {
        j += 1;
        while j < n && b[j].is_ascii_digit() {
            j += 1;
        }
    }
    j
}

/// Whether `b[k..k+3]` are digits not followed by a fourth digit.
fn three_digits(b: &[u8], k: usize) -> bool {
    k + 3 <= b.len()
        && b[k..k + 3].iter().all(u8::is_ascii_digit)
        && b.get(k + 3).is_none_or(|d| !d.is_ascii_digit())
}

/// The end of the word starting at `i`: letters and inner apostrophes.
#[inline]
fn scan_word(text: &str, i: usize) -> usize {
    let b = text.as_bytes();
    // ASCII letters: most of every word, eight at a time.
    let j = i + ascii_letters(b.get(i..).unwrap_or_default());
    match b.get(j) {
        // The common end of a word: a space, a stop, a digit, the text's
        // end.
        Some(&c) if c < 0x80 && c != b'\'' => j,
        None => j,
        // An apostrophe or a letter outside ASCII: the rest, out of line.
        Some(_) => scan_word_rest(text, j),
    }
}

/// The rest of a word from `j`, where an apostrophe or a non-ASCII
/// character stands: letters in any script and inner apostrophes
/// (`children’s`, `don't`, `Siôn`).
#[cold]
#[inline(never)]
fn scan_word_rest(text: &str, mut j: usize) -> usize {
    let b = text.as_bytes();
    while let Some(&c) = b.get(j) {
        if c < 0x80 {
            if c == b'\'' && b.get(j + 1).is_some_and(u8::is_ascii_alphabetic)
            {
                j += 1;
                j += ascii_letters(b.get(j..).unwrap_or_default());
                continue;
            }
            break;
        }
        let ch = text.get(j..).and_then(|r| r.chars().next()).unwrap_or(' ');
        if ch.is_alphabetic() {
            j += ch.len_utf8();
        } else if ch == '’'
            && text
                .get(j + 3..)
                .and_then(|r| r.chars().next())
                .is_some_and(char::is_alphabetic)
        {
            j += 3;
        } else {
            break;
        }
        j += ascii_letters(b.get(j..).unwrap_or_default());
    }
    j
}

/// The number of ASCII letters at the start of `b`, read eight bytes at a
/// time: for a word of up to eight letters one load, a few arithmetic
/// steps and one branch, in place of one branch per letter.
fn ascii_letters(b: &[u8]) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut k = 0;
    while let Some(chunk) = b.get(k..k + 8) {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let x = u64::from_le_bytes(word);
        // A byte is a letter when it is ASCII and, with bit 5 set, in
        // `a..=z`: at least 0x61 (adding 0x1f sets its high bit) and below
        // 0x7b (adding 0x05 does not). An ASCII byte never carries into
        // the next; a non-ASCII byte may, but only into bytes after it,
        // and it is itself the first byte that is not a letter.
        let y = x | (0x20 * ONES);
        // (Wrapping: a carry out of the last byte is dropped.)
        let letter = y.wrapping_add(0x1f * ONES)
            & !y.wrapping_add(0x05 * ONES)
            & !x
            & HIGH;
        if letter != HIGH {
            // The first byte that is not a letter (a non-ASCII byte has its
            // high bit set in `x` and is not a letter).
            return k + ((!letter & HIGH).trailing_zeros() / 8) as usize;
        }
        k += 8;
    }
    k + b[k..].iter().take_while(|c| c.is_ascii_alphabetic()).count()
}

/// The end of a URL starting at `i`, if one starts there.
fn scan_url(b: &[u8], i: usize) -> Option<usize> {
    if !matches!(b[i], b'h' | b'H' | b'w' | b'W') {
        return None;
    }
    let rest = &b[i..];
    let starts = |p: &[u8]| {
        rest.len() > p.len() && rest[..p.len()].eq_ignore_ascii_case(p)
    };
    if !(starts(b"http://") || starts(b"https://") || starts(b"www.")) {
        return None;
    }
    if i > 0 && b[i - 1].is_ascii_alphanumeric() {
        return None;
    }
    let mut e = i;
    while e < b.len() && !b[e].is_ascii_whitespace() && b[e] != b'<' {
        // Stop at a non-ASCII space (U+00A0, U+202F, ...).
        if b[e] == 0xC2 && b.get(e + 1) == Some(&0xA0) {
            break;
        }
        if b[e] == 0xE2 && b.get(e + 1) == Some(&0x80) {
            break;
        }
        e += 1;
    }
    // Trailing punctuation belongs to the sentence.
    while e > i && matches!(b[e - 1], b'.' | b',' | b';' | b':' | b')' | b']')
    {
        e -= 1;
    }
    // `e` is a char boundary: the loop stops only at ASCII bytes and at
    // the lead bytes of U+00A0 and U+20xx.
    Some(e.max(i + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<(&str, TokKind)> {
        let mut v = Vec::new();
        tokenize(s, &mut v);
        v.iter().map(|t| (&s[t.start()..t.end()], t.kind)).collect()
    }

    #[test]
    fn numbers() {
        use TokKind::*;
        assert_eq!(
            toks("£1,234.5m 2017,2018 3.2. 1,23"),
            vec![
                ("£", Sym),
                ("1,234.5", Num),
                ("m", Word),
                ("2017", Num),
                (",", Sym),
                ("2018", Num),
                ("3.2", Num),
                (".", Sym),
                ("1", Num),
                (",", Sym),
                ("23", Num),
            ]
        );
    }

    #[test]
    fn ascii_letters_counts_the_leading_letters() {
        for s in [
            "",
            "a",
            "abcdefgh",
            "abcdefghi",
            "abc def",
            "ABCdefGHijk.",
            "z@[`{",
            "Az09",
            "caf\u{e9}",
            "abcdefg\u{e9}",
            "aaaaaaaaaaaaaaaaaaaaa1",
        ] {
            let want = s.bytes().take_while(u8::is_ascii_alphabetic).count();
            assert_eq!(ascii_letters(s.as_bytes()), want, "{s:?}");
        }
        // Every byte value at every position of a word.
        for pos in 0..10 {
            for c in 0..=255u8 {
                let mut v = vec![b'q'; 12];
                v[pos] = c;
                let want =
                    v.iter().take_while(|b| b.is_ascii_alphabetic()).count();
                assert_eq!(ascii_letters(&v), want, "byte {c:#x} at {pos}");
            }
        }
    }

    #[test]
    fn words_and_urls() {
        use TokKind::*;
        assert_eq!(
            toks("children’s COVID-19 see https://x.gov.uk/a/554573/b.pdf."),
            vec![
                ("children’s", Word),
                ("COVID", Word),
                ("-", Sym),
                ("19", Num),
                ("see", Word),
                ("https://x.gov.uk/a/554573/b.pdf", Url),
                (".", Sym),
            ]
        );
        assert_eq!(toks("é’"), vec![("é", Word), ("’", Sym)]);
        // Words that leave ASCII or hold an apostrophe, read out of line.
        assert_eq!(
            toks("Siôn don't café’s naïve' x'"),
            vec![
                ("Siôn", Word),
                ("don't", Word),
                ("café’s", Word),
                ("naïve", Word),
                ("'", Sym),
                ("x", Word),
                ("'", Sym),
            ]
        );
        assert_eq!(toks("www.x"), vec![("www.x", Url)]);
        assert_eq!(toks("www."), vec![("www", Word), (".", Sym)]);
    }
}
