//! HTML (the small subset answers use) and messy plain text to clean text.
//!
//! The output rules are those of the record schema: tags removed, entities
//! decoded, `&nbsp;`/U+00A0/U+202F made spaces, paragraphs joined by one
//! blank line, list items and table rows one per line, table cells joined
//! by ` | `.

use memchr::memchr2;

/// One tag found by [`next_tag`]: `<p class="x">`, `</td>`, `<br/>`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tag<'a> {
    /// Byte offset of the `<`.
    pub start: usize,
    /// Byte offset just after the `>`.
    pub end: usize,
    /// The element name, lower-cased (`p`, `td`, `h3`); empty for `<!…>`
    /// and `<?…>`.
    pub name: String,
    /// Whether it is an end tag (`</p>`).
    pub closing: bool,
    /// What lies between `<` and `>`.
    pub inner: &'a str,
}

/// The element name of a tag's inside (`/p`, `td colspan=2`, `my-tag`),
/// lower-cased, without a leading `/`.
pub fn tag_name(inner: &str) -> String {
    let rest = inner.trim_start_matches('/');
    let n = rest
        .bytes()
        .take_while(|b| b.is_ascii_alphanumeric() || *b == b'-')
        .count();
    // The first `n` bytes are ASCII, so `n` is a character boundary.
    rest.get(..n).unwrap_or("").to_ascii_lowercase()
}

/// The one HTML tokenizer: the next tag at or after byte `from`, skipping
/// comments (`<!-- … -->`) and a `<` that cannot open a tag (`a < b`).
/// `None` when no complete tag follows. Every format that walks HTML tags
/// uses it (through [`html_to_text`] or directly).
pub fn next_tag(s: &str, from: usize) -> Option<Tag<'_>> {
    let b = s.as_bytes();
    let mut i = from.min(b.len());
    while let Some(j) = memchr::memchr(b'<', &b[i..]) {
        let t = i + j;
        if s[t..].starts_with("<!--") {
            i = s[t..].find("-->").map(|k| t + k + 3)?;
            continue;
        }
        if !opens_tag(b, t) {
            i = t + 1;
            continue;
        }
        let e = t + memchr::memchr(b'>', &b[t..])?;
        // "<HL<p>": a `<` before the `>` means the first one opened
        // nothing; the tag, if any, starts at the later one.
        if let Some(k) = memchr::memchr(b'<', &b[t + 1..e]) {
            i = t + 1 + k;
            continue;
        }
        let inner = &s[t + 1..e];
        return Some(Tag {
            start: t,
            end: e + 1,
            name: tag_name(inner),
            closing: inner.starts_with('/'),
            inner,
        });
    }
    None
}

/// Whether the `<` at `b[t]` can open a tag: a letter, `/`, `!` or `?`
/// follows it.
fn opens_tag(b: &[u8], t: usize) -> bool {
    let next = b.get(t + 1).copied().unwrap_or(b' ');
    next.is_ascii_alphabetic() || matches!(next, b'/' | b'!' | b'?')
}

/// Whether `s` holds HTML markup (a tag the answer subset uses, or an
/// entity), as opposed to plain text.
pub fn looks_like_html(s: &str) -> bool {
    let mut i = 0;
    while let Some(tag) = next_tag(s, i) {
        i = tag.end;
        let name = tag.name;
        if matches!(
            name.as_str(),
            "p" | "br"
                | "div"
                | "span"
                | "a"
                | "b"
                | "i"
                | "em"
                | "strong"
                | "ul"
                | "ol"
                | "li"
                | "table"
                | "tr"
                | "td"
                | "th"
                | "tbody"
                | "thead"
                | "sup"
                | "sub"
                | "h1"
                | "h2"
                | "h3"
                | "h4"
                | "h5"
                | "h6"
                | "u"
                | "font"
                | "blockquote"
                | "img"
                | "hr"
        ) {
            return true;
        }
    }
    false
}

/// Converts `s` to clean text: as HTML when it holds markup, else as plain
/// text (see [`clean_plain`]).
pub fn to_text(s: &str) -> String {
    if looks_like_html(s) {
        html_to_text(s)
    } else {
        clean_plain(s)
    }
}

/// Cleans plain text: decodes character references (text that has
/// entities but no tags, `R&amp;D`), makes non-breaking and other odd
/// spaces plain, trims every line, collapses runs of spaces, and keeps at
/// most one blank line between paragraphs.
pub fn clean_plain(s: &str) -> String {
    let s = decode_entities(s);
    let mut out = String::with_capacity(s.len());
    let mut blank = false;
    for line in s.lines() {
        let mark = out.len();
        if mark > 0 {
            out.push_str(if blank { "\n\n" } else { "\n" });
        }
        let start = out.len();
        push_normalized(&mut out, line);
        if out.len() == start {
            out.truncate(mark);
            blank = mark > 0;
        } else {
            blank = false;
        }
    }
    out
}

/// Characters dropped from text: zero-width spaces, byte-order marks and
/// soft hyphens.
fn is_zero_width(c: char) -> bool {
    matches!(c, '\u{200b}' | '\u{feff}' | '\u{ad}')
}

/// Characters read as a plain space: tabs and non-breaking, narrow and
/// other fixed-width spaces.
fn is_odd_space(c: char) -> bool {
    matches!(
        c,
        '\u{a0}'
            | '\u{202f}'
            | '\u{2007}'
            | '\u{2009}'
            | '\u{2002}'
            | '\u{2003}'
            | '\t'
    )
}

/// Collapses runs of spaces into one and trims the ends.
pub fn collapse_spaces(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split(' ').filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// Plain spaces, in one pass: non-breaking, narrow and other fixed-width
/// spaces and tabs made plain, zero-width characters dropped, runs of
/// spaces collapsed into one, the ends trimmed.
pub fn normalize_spaces(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_normalized(&mut out, s);
    out
}

/// Appends [`normalize_spaces`] of `s` to `out`, copying runs of plain
/// ASCII at once.
fn push_normalized(out: &mut String, s: &str) {
    let b = s.as_bytes();
    // Most lines need no change (ASCII with single inner spaces), which
    // whole-slice scans tell faster than the loop below.
    if s.is_ascii()
        && memchr::memchr(b'\t', b).is_none()
        && memchr::memmem::find(b, b"  ").is_none()
        && b.first().is_some_and(|&x| x != b' ')
        && b.last().is_some_and(|&x| x != b' ')
    {
        out.push_str(s);
        return;
    }
    let mut i = 0;
    // Whether a space is owed before the next character that is kept:
    // only after something was written, so the ends are trimmed.
    let mut space = false;
    let wrote = out.len();
    while i < b.len() {
        let x = b[i];
        if x == b' ' || x == b'\t' {
            space = out.len() > wrote;
            i += 1;
            continue;
        }
        if x < 0x80 {
            // A run of ASCII, single spaces between words included, is
            // copied whole.
            let start = i;
            let word = |y: u8| y < 0x80 && y != b' ' && y != b'\t';
            loop {
                match b.get(i) {
                    Some(&y) if word(y) => i += 1,
                    Some(b' ') if b.get(i + 1).is_some_and(|&z| word(z)) => {
                        i += 2
                    }
                    _ => break,
                }
            }
            if space {
                out.push(' ');
                space = false;
            }
            out.push_str(s.get(start..i).unwrap_or(""));
            continue;
        }
        // `i` is on a character boundary: only whole characters and ASCII
        // bytes are stepped over.
        let Some(c) = s.get(i..).and_then(|r| r.chars().next()) else {
            break;
        };
        i += c.len_utf8();
        if is_zero_width(c) {
            continue;
        }
        if is_odd_space(c) {
            space = out.len() > wrote;
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.push(c);
    }
}

/// Where the converter is in the block structure.
#[derive(Default)]
struct Builder {
    /// Finished lines; an empty string marks a paragraph break.
    lines: Vec<String>,
    /// The line being built.
    cur: String,
    /// Cells of the table row being built.
    row: Option<Vec<String>>,
    /// Inside `<script>`/`<style>`: text is dropped.
    skip: bool,
}

impl Builder {
    fn text(&mut self, t: &str) {
        if self.skip {
            return;
        }
        let b = t.as_bytes();
        let mut i = 0;
        while i < b.len() {
            // A run of plain ASCII, copied at once: single spaces between
            // words included (a space after a non-space is always kept).
            let start = i;
            while let Some(&x) = b.get(i) {
                let plain =
                    x < 0x80 && !matches!(x, b' ' | b'\n' | b'\r' | b'\t');
                let inner_space = x == b' ' && i > start && b[i - 1] != b' ';
                if !(plain || inner_space) {
                    break;
                }
                i += 1;
            }
            if i > start {
                self.cur.push_str(&t[start..i]);
            }
            // Then one character that may be space or not ASCII.
            let Some(c) = t.get(i..).and_then(|r| r.chars().next()) else {
                break;
            };
            i += c.len_utf8();
            let c = match c {
                '\u{a0}' | '\u{202f}' | '\u{2007}' | '\u{2009}' | '\n'
                | '\r' | '\t' => ' ',
                '\u{200b}' | '\u{feff}' | '\u{ad}' => continue,
                c => c,
            };
            if c == ' ' && (self.cur.is_empty() || self.cur.ends_with(' ')) {
                continue;
            }
            self.cur.push(c);
        }
    }

    /// Ends the current line (a `<br>` or list item).
    fn line(&mut self) {
        let l = self.cur.trim().to_string();
        self.cur.clear();
        if let Some(row) = &mut self.row {
            // A line break inside a cell: keep the cell's text together.
            if !l.is_empty() {
                if let Some(last) = row.last_mut() {
                    if !last.is_empty() {
                        last.push(' ');
                    }
                    last.push_str(&l);
                    return;
                }
                row.push(l);
            }
            return;
        }
        if !l.is_empty() {
            self.lines.push(l);
        }
    }

    /// Ends the current paragraph.
    fn para(&mut self) {
        self.line();
        if self.row.is_none()
            && self.lines.last().is_some_and(|l| !l.is_empty())
        {
            self.lines.push(String::new());
        }
    }

    fn start_row(&mut self) {
        self.line();
        self.row = Some(Vec::new());
    }

    fn start_cell(&mut self) {
        self.line();
        if let Some(row) = &mut self.row {
            row.push(String::new());
        }
    }

    fn end_cell(&mut self) {
        let Some(row) = &mut self.row else { return };
        let l = self.cur.trim().to_string();
        self.cur.clear();
        if l.is_empty() {
            return;
        }
        match row.last_mut() {
            Some(last) => {
                if !last.is_empty() {
                    last.push(' ');
                }
                last.push_str(&l);
            }
            None => row.push(l),
        }
    }

    fn end_row(&mut self) {
        self.end_cell();
        if let Some(row) = self.row.take() {
            let cells: Vec<&str> = row.iter().map(|c| c.trim()).collect();
            if cells.iter().any(|c| !c.is_empty()) {
                self.lines.push(cells.join(" | "));
            }
        }
    }

    fn finish(mut self) -> String {
        self.end_row();
        self.line();
        let mut out = String::new();
        let mut blank = false;
        for l in self.lines {
            if l.is_empty() {
                blank = !out.is_empty();
                continue;
            }
            if !out.is_empty() {
                out.push_str(if blank { "\n\n" } else { "\n" });
            }
            blank = false;
            out.push_str(&l);
        }
        out
    }
}

/// Converts an HTML fragment to clean text.
///
/// Understands the answer subset: paragraphs and other blocks, `<br>`,
/// lists, tables (rows on their own lines, cells joined by ` | `), inline
/// markup (dropped), comments, `<script>`/`<style>` (dropped) and
/// character references. Never fails: unclosed tags and stray `<` are
/// treated as text where they cannot be tags.
pub fn html_to_text(s: &str) -> String {
    let mut b = Builder::default();
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let Some(j) = memchr2(b'<', b'&', &bytes[i..]) else {
            b.text(&s[i..]);
            break;
        };
        b.text(&s[i..i + j]);
        i += j;
        if bytes[i] == b'&' {
            let (decoded, used) = decode_entity(&s[i..]);
            b.text(&decoded);
            i += used;
            continue;
        }
        // A comment.
        if s[i..].starts_with("<!--") {
            i = s[i..].find("-->").map_or(bytes.len(), |k| i + k + 3);
            continue;
        }
        // A tag as `next_tag` reads one. Any other `<` ("a < b", the first
        // of "<HL<p>") is text, and reading goes on after it; an opened tag
        // that never closes leaves the rest as text.
        let tag = match next_tag(s, i) {
            Some(tag) if tag.start == i => tag,
            None if opens_tag(bytes, i) => {
                b.text(&s[i..]);
                break;
            }
            _ => {
                b.text("<");
                i += 1;
                continue;
            }
        };
        i = tag.end;
        let closing = tag.closing;
        let name = tag.name;
        match name.as_str() {
            "script" | "style" => b.skip = !closing,
            "br" => b.line(),
            "p" | "div" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6"
            | "blockquote" | "ul" | "ol" | "dl" | "section" | "article"
            | "header" | "footer" | "hr" | "pre" | "center" | "title" => {
                if b.row.is_some() {
                    b.line();
                } else {
                    b.para();
                }
            }
            "li" | "dt" | "dd" => b.line(),
            "table" | "tbody" | "thead" | "tfoot" | "caption" => {
                b.end_row();
                b.para();
            }
            "tr" => {
                b.end_row();
                if !closing {
                    b.start_row();
                }
            }
            "td" | "th" => {
                if closing {
                    b.end_cell();
                } else {
                    if b.row.is_none() {
                        b.start_row();
                    } else {
                        b.end_cell();
                    }
                    b.start_cell();
                }
            }
            _ => {}
        }
    }
    b.finish()
}

/// Decodes the character reference at the start of `s` (which starts with
/// `&`). Returns the decoded text and the number of bytes used; an unknown
/// or malformed reference is kept as a literal `&`.
pub fn decode_entity(s: &str) -> (String, usize) {
    let Some(rest) = s.strip_prefix('&') else {
        // Not a reference: the first character as it is.
        let first = s.chars().next().map_or(String::new(), String::from);
        let used = first.len();
        return (first, used);
    };
    let end = rest
        .char_indices()
        .take(32)
        .find(|&(_, c)| c == ';' || c.is_whitespace() || c == '&' || c == '<')
        .map(|(k, c)| (k + 1, c));
    let Some((semi, ';')) = end else {
        // `&pound` without `;` is common in scraped text: try the name.
        return ("&".to_string(), 1);
    };
    let name = &s[1..semi];
    match reference_value(name) {
        // `&amp;quot;`: text escaped twice; the second reference is meant.
        Some(d) if name == "amp" => {
            let rest = &s[semi + 1..];
            let inner = rest
                .char_indices()
                .take(33)
                .find(|&(_, c)| !(c.is_ascii_alphanumeric() || c == '#'))
                .filter(|&(k, c)| c == ';' && k > 0)
                .and_then(|(k, _)| {
                    Some((reference_value(&rest[..k])?, semi + 1 + k + 1))
                });
            inner.unwrap_or((d, semi + 1))
        }
        Some(d) => (d, semi + 1),
        None => ("&".to_string(), 1),
    }
}

/// The text of the reference `&name;` (`amp`, `#163`, `#xA3`).
fn reference_value(name: &str) -> Option<String> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok(),
            None => num.parse::<u32>().ok(),
        };
        code.and_then(numeric_char).map(String::from)
    } else {
        named_entity(name).map(String::from)
    }
}

/// Decodes every character reference in plain text (`R&amp;D`,
/// `&quot;`, `&#163;`, `&amp;pound;`); an unknown or malformed reference
/// (`R&D`, `&c.`) is kept as written. Borrows when there is nothing to
/// decode.
pub fn decode_entities(s: &str) -> std::borrow::Cow<'_, str> {
    let b = s.as_bytes();
    let Some(first) = memchr::memchr(b'&', b) else {
        return std::borrow::Cow::Borrowed(s);
    };
    let mut out = String::with_capacity(s.len());
    out.push_str(&s[..first]);
    let mut i = first;
    while i < b.len() {
        let (decoded, used) = decode_entity(&s[i..]);
        out.push_str(&decoded);
        i += used.max(1);
        match memchr::memchr(b'&', &b[i..]) {
            Some(k) => {
                out.push_str(&s[i..i + k]);
                i += k;
            }
            None => {
                out.push_str(&s[i..]);
                break;
            }
        }
    }
    std::borrow::Cow::Owned(out)
}

/// A numeric reference's character; Windows-1252 codes 128–159 are mapped
/// as browsers do (`&#150;` is an en dash).
fn numeric_char(code: u32) -> Option<char> {
    const CP1252: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ',
        '\u{8d}', 'Ž', '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—',
        '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
    ];
    match code {
        128..=159 => Some(CP1252[(code - 128) as usize]),
        0 => None,
        c => char::from_u32(c),
    }
}

/// Decodes the named entities found in answers and in the ParlParse DTDs
/// (the one table for HTML and XML inputs).
pub fn named_entity(name: &str) -> Option<&'static str> {
    Some(match name {
        "amp" => "&",
        "lt" => "<",
        "gt" => ">",
        "quot" => "\"",
        "apos" => "'",
        "nbsp" => " ",
        "pound" => "£",
        "euro" => "€",
        "cent" => "¢",
        "yen" => "¥",
        "dollar" => "$",
        "ndash" => "–",
        "mdash" => "—",
        "hyphen" | "dash" => "-",
        "minus" => "−",
        "lsquo" => "‘",
        "rsquo" => "’",
        "sbquo" => "‚",
        "ldquo" => "“",
        "rdquo" => "”",
        "bdquo" => "„",
        "hellip" => "…",
        "middot" => "·",
        "bull" => "•",
        "deg" => "°",
        "frac12" => "½",
        "frac14" => "¼",
        "frac34" => "¾",
        "frac13" => "⅓",
        "frac23" => "⅔",
        "times" => "×",
        "divide" => "÷",
        "plusmn" => "±",
        "sup1" => "¹",
        "sup2" => "²",
        "sup3" => "³",
        "micro" => "µ",
        "para" => "¶",
        "sect" => "§",
        "copy" => "©",
        "reg" => "®",
        "trade" => "™",
        "laquo" => "«",
        "raquo" => "»",
        "iexcl" => "¡",
        "iquest" => "¿",
        "shy" => "\u{ad}",
        "ordm" => "º",
        "ordf" => "ª",
        "dagger" => "†",
        "Dagger" => "‡",
        "permil" => "‰",
        "prime" => "′",
        "Prime" => "″",
        "larr" => "←",
        "rarr" => "→",
        "le" => "≤",
        "ge" => "≥",
        "ne" => "≠",
        "thinsp" => "\u{2009}",
        "ensp" => "\u{2002}",
        "emsp" => "\u{2003}",
        "zwnj" => "\u{200c}",
        "zwj" => "\u{200d}",
        "aacute" => "á",
        "Aacute" => "Á",
        "agrave" => "à",
        "Agrave" => "À",
        "acirc" => "â",
        "Acirc" => "Â",
        "auml" => "ä",
        "Auml" => "Ä",
        "atilde" => "ã",
        "aring" => "å",
        "Aring" => "Å",
        "aelig" => "æ",
        "AElig" => "Æ",
        "ccedil" => "ç",
        "Ccedil" => "Ç",
        "eacute" => "é",
        "Eacute" => "É",
        "egrave" => "è",
        "Egrave" => "È",
        "ecirc" => "ê",
        "Ecirc" => "Ê",
        "euml" => "ë",
        "Euml" => "Ë",
        "iacute" => "í",
        "Iacute" => "Í",
        "igrave" => "ì",
        "icirc" => "î",
        "iuml" => "ï",
        "ntilde" => "ñ",
        "Ntilde" => "Ñ",
        "oacute" => "ó",
        "Oacute" => "Ó",
        "ograve" => "ò",
        "ocirc" => "ô",
        "Ocirc" => "Ô",
        "ouml" => "ö",
        "Ouml" => "Ö",
        "otilde" => "õ",
        "oslash" => "ø",
        "Oslash" => "Ø",
        "uacute" => "ú",
        "Uacute" => "Ú",
        "ugrave" => "ù",
        "ucirc" => "û",
        "uuml" => "ü",
        "Uuml" => "Ü",
        "yacute" => "ý",
        "yuml" => "ÿ",
        "szlig" => "ß",
        "eth" => "ð",
        "thorn" => "þ",
        "alpha" => "α",
        "beta" => "β",
        "gamma" => "γ",
        "delta" => "δ",
        "mu" => "μ",
        "pi" => "π",
        "sigma" => "σ",
        "oelig" => "œ",
        "OElig" => "Œ",
        "scaron" => "š",
        "Scaron" => "Š",
        "Igrave" => "Ì",
        "Icirc" => "Î",
        "Iuml" => "Ï",
        "Ograve" => "Ò",
        "Otilde" => "Õ",
        "Ugrave" => "Ù",
        "Ucirc" => "Û",
        "Yacute" => "Ý",
        "ETH" => "Ð",
        "THORN" => "Þ",
        "curren" => "¤",
        "brvbar" => "¦",
        "uml" => "¨",
        "not" => "¬",
        "macr" => "¯",
        "acute" => "´",
        "cedil" => "¸",
        "frasl" => "⁄",
        "lrm" | "rlm" => "",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn entities_without_tags_are_decoded() {
        use super::*;
        assert_eq!(to_text("R&amp;D and &quot;x&quot;"), "R&D and \"x\"");
        assert_eq!(
            clean_plain("HM Courts &amp; Tribunals"),
            "HM Courts & Tribunals"
        );
        assert_eq!(clean_plain("&#163;5 &amp;pound;6 &amp;amp;"), "£5 £6 &");
        assert_eq!(clean_plain("R&D &c. AT&T; & x"), "R&D &c. AT&T; & x");
        assert_eq!(html_to_text("<p>&amp;quot;a&amp;quot;</p>"), "\"a\"");
        assert_eq!(clean_plain("&amp;"), "&");
    }

    use super::*;

    #[test]
    fn a_lt_that_opens_nothing_leaves_the_next_tag_a_tag() {
        // Found by tests/text_props.rs: "<HL<p>" kept "<p>" as text.
        let t = next_tag("<HL<p>x", 0).map(|t| (t.start, t.name));
        assert_eq!(t, Some((3, "p".to_string())));
        assert_eq!(to_text("<HL<p>x</p>"), "<HL\n\nx");
        assert_eq!(to_text("<HL<p>"), "<HL");
        // What follows a `<` that opens nothing is read as text is.
        assert_eq!(to_text("<HL &amp; <p>x</p>"), "<HL &\n\nx");
    }

    macro_rules! html {
        ($name:ident, $input:expr, $want:expr) => {
            #[test]
            fn $name() {
                assert_eq!(html_to_text($input), $want);
            }
        };
    }

    html!(paragraphs, "<p>One.</p><p>Two.</p>", "One.\n\nTwo.");
    html!(lda_escapes, "\n\nOne.</p>\n\n</p>\n\nTwo.</p>", "One.\n\nTwo.");
    html!(br_is_line, "a<br/>b<br>c", "a\nb\nc");
    html!(
        entities,
        "&pound;3&nbsp;m &amp; &#163;4 &#x20AC;5 &#150;",
        "£3 m & £4 €5 –"
    );
    html!(unknown_entity_kept, "AT&T &foo; & bar", "AT&T &foo; & bar");
    html!(nbsp_chars, "a\u{a0}b\u{202f}c", "a b c");
    html!(
        inline_markup,
        "<p>The <b>big</b> <i>(a)</i> <a href=\"x\">link</a></p>",
        "The big (a) link"
    );
    html!(
        list_items,
        "<p>Intro:</p><ul><li>one</li><li>two</li></ul><p>End</p>",
        "Intro:\n\none\ntwo\n\nEnd"
    );
    html!(
        table_rows,
        "<table><tr><th>Year</th><th>Number</th></tr><tr><td>2018</td><td colspan=\"2\">1,234</td></tr></table>",
        "Year | Number\n2018 | 1,234"
    );
    html!(
        table_cell_paras,
        "<table><tr><td><p>a</p><p>b</p></td><td>c</td></tr></table>",
        "a b | c"
    );
    html!(comment_script, "a<!-- x -->b<script>var x=1;</script>c", "abc");
    html!(stray_lt, "less than 5 < 6 and x<y", "less than 5 < 6 and x<y");
    html!(whitespace, "<p>\n  lots   of\n space </p>", "lots of space");

    #[test]
    fn plain_text_cleaning() {
        assert_eq!(clean_plain("  a\u{a0} b \n\n\n\nc\nd  "), "a b\n\nc\nd");
        assert!(!looks_like_html("5 < 6 and £3"));
        assert!(looks_like_html("x<p>y"));
        assert_eq!(to_text("a<br>b"), "a\nb");
    }
}
