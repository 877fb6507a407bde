//! Splits a text into sentences and table rows, once per text.
//!
//! - A line containing ` | ` is a table row; consecutive rows form a table
//!   whose first row is its header. A row's sentence is the header, `: `,
//!   and the row (`Year | Number: 2018 | 1,234`); the header's own
//!   sentence is itself. Blank lines between the header and the first row
//!   are inside the table; a first row with more cells than the header and
//!   no number in them is the real header (the row above is a caption over
//!   groups of columns).
//! - Other text splits at `.`, `?` and `!` followed by a space and a
//!   character that is not a lower-case letter, unless the word before the
//!   stop is a single letter (`J. Smith`, `S.O.`) or a known abbreviation
//!   (`Mr.`, `No.`, `para.`, `e.g.`, `c.`, `approx.`).
//! - A blank line always ends a sentence; a single line break does too,
//!   unless the line ends in a lower-case letter or a comma and the next
//!   starts with a lower-case letter (a hard-wrapped paragraph).
//! - A sentence is trimmed of spaces and of a leading list bullet
//!   (`- `, `• `, `* `).

/// A sentence: a byte range of the text, and the byte range of its
/// table's header row when it is a table row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Sent {
    pub start: usize,
    pub end: usize,
    pub header: Option<(usize, usize)>,
    /// A row of a table without a header row.
    pub data: bool,
}

/// The sentences of `text`, in order, not overlapping.
pub(super) fn split(text: &str) -> Vec<Sent> {
    let mut out = Vec::new();
    let mut header: Option<(usize, usize)> = None;
    // Rows of the current table after its header.
    let mut body = 0usize;
    // In a table whose first row was data (no header row).
    let mut headless = false;
    let mut block: Option<usize> = None;
    let mut pos = 0;
    let n = text.len();
    while pos < n {
        let end = memchr::memchr(b'\n', &text.as_bytes()[pos..])
            .map_or(n, |k| pos + k);
        let line = &text[pos..end];
        let blank = line.trim().is_empty();
        let table = line.contains(" | ");
        if table || blank {
            if let Some(bs) = block.take() {
                split_block(text, bs, pos, &mut out);
            }
        }
        if table {
            match header {
                // The first row after a caption row that spans groups of
                // columns (`| Projects with marker 2 | Projects with marker
                // 1`): more cells, and no number in either row (years
                // over groups of columns stay the header: they are the
                // columns' periods). It is the real header.
                Some((hs, he))
                    if body == 0
                        && is_group_caption(
                            line,
                            text.get(hs..he).unwrap_or(""),
                        ) =>
                {
                    header = Some((pos, end));
                    push(text, pos, end, None, &mut out);
                }
                Some(h) => {
                    body += 1;
                    push(text, pos, end, Some(h), &mut out);
                }
                // A table without a header row (`April 2025 | 23,769`,
                // `Alternative role | <5 | <5`): its rows stand alone.
                None if headless
                    || (is_data_row(line)
                        && super::table::caption(text, pos).is_none()) =>
                {
                    headless = true;
                    let n = out.len();
                    push(text, pos, end, None, &mut out);
                    if let Some(row) = out.get_mut(n) {
                        row.data = true;
                    }
                }
                None => {
                    header = Some((pos, end));
                    body = 0;
                    push(text, pos, end, None, &mut out);
                }
            }
        } else if !blank
            && header.is_some()
            && body == 0
            && super::table::unit_line(line.trim())
        {
            // A unit alone under the header row (`£000`) is inside the
            // table: the rows below still have their header.
            push(text, pos, end, None, &mut out);
        } else if blank && header.is_some() && body == 0 {
            // A blank line between a header row and the table's body
            // (`| DBT Core (£000) | Total (£000)`, blank, rows) is inside
            // the table.
        } else {
            header = None;
            headless = false;
            if !blank && block.is_none() {
                block = Some(pos);
            }
        }
        pos = end + 1;
    }
    if let Some(bs) = block {
        split_block(text, bs, n, &mut out);
    }
    out
}

/// Whether `head`, a table's first row, is a caption over groups of
/// columns with `row` under it the real header: `row` has more cells, and
/// neither has a number in a cell.
fn is_group_caption(row: &str, head: &str) -> bool {
    let count = |r: &str| super::table::cells(r, true).count();
    count(row) > count(head)
        && !row.split('|').any(numeric_cell)
        && !head.split('|').any(numeric_cell)
}

/// Whether a table's first row is data, not a header: every cell after
/// the first is a number alone (`23,769`, `<5`, `12%`, `£4.5`), and one at
/// least is not a year (years over columns are a header: `Region | 2019 |
/// 2020`), and they do not count up one by one (numbered columns are a
/// header: `NATO Category | 2 | 3 | 4`).
fn is_data_row(line: &str) -> bool {
    let mut cells = super::table::cells(line, true).skip(1).peekable();
    if cells.peek().is_none() {
        return false;
    }
    let mut all_years = true;
    // Whether the cells so far are whole numbers counting up by one, and
    // how many and the last.
    let (mut counting, mut n, mut last) = (true, 0usize, 0u64);
    for c in cells {
        let c = c.trim();
        let v = c.trim_start_matches(['<', '>', '£', '(', '-', '–']);
        let v = v.trim_end_matches(['%', ')', '*']);
        let digits = v.bytes().filter(u8::is_ascii_digit).count();
        let number = digits > 0
            && v.starts_with(|c: char| c.is_ascii_digit())
            && v.bytes().all(|b| b.is_ascii_digit() || b == b',' || b == b'.');
        // `£000`: a unit, not an amount.
        let unit = c.starts_with('£') && v.bytes().all(|b| b == b'0');
        if !number || unit {
            return false;
        }
        let year = v.len() == 4
            && digits == 4
            && v.parse::<u32>().is_ok_and(|y| (1800..2200).contains(&y));
        all_years &= year;
        let whole = (c == v).then(|| v.parse::<u64>().ok()).flatten();
        counting &= whole.is_some_and(|x| n == 0 || x == last + 1);
        last = whole.unwrap_or(0);
        n += 1;
    }
    let numbered = counting && n >= 2;
    !(all_years || numbered)
}

/// Whether a table cell holds a number: it starts with a digit, or with a
/// sign, bracket or pound sign before one (`12`, `£5`, `(265)`, `-3`).
fn numeric_cell(cell: &str) -> bool {
    let cell =
        cell.trim_start_matches([' ', '£', '(', '-', '–', '+', '<', '>']);
    cell.starts_with(|c: char| c.is_ascii_digit())
}

/// Pushes the trimmed sentence `[s, e)`, if not empty.
fn push(
    text: &str,
    s: usize,
    e: usize,
    header: Option<(usize, usize)>,
    out: &mut Vec<Sent>,
) {
    let (s, e) = trim(text, s, e);
    let header = header.map(|(hs, he)| trim(text, hs, he));
    if s < e {
        out.push(Sent { start: s, end: e, header, data: false });
    }
}

/// `[s, e)` without surrounding spaces and a leading bullet.
fn trim(text: &str, s: usize, e: usize) -> (usize, usize) {
    let piece = &text[s..e];
    let lead = piece.len() - piece.trim_start().len();
    let mut s = s + lead;
    let e = s + text[s..e].trim_end().len();
    for bullet in ["- ", "• ", "* ", "· ", "– "] {
        if text[s..e].starts_with(bullet) {
            s += bullet.len();
            let rest = &text[s..e];
            s += rest.len() - rest.trim_start().len();
            break;
        }
    }
    (s, e)
}

/// Splits the paragraph lines `[bs, be)` into sentences.
fn split_block(text: &str, bs: usize, be: usize, out: &mut Vec<Sent>) {
    let b = text.as_bytes();
    let find_bang = |from: usize| {
        memchr::memchr(b'!', &b[from..be]).map_or(be, |k| from + k)
    };
    let mut start = bs;
    let mut i = bs;
    let mut bang = find_bang(bs);
    while i < be {
        // Jump to the next line break or stop.
        if bang < i {
            bang = find_bang(i);
        }
        let next = memchr::memchr3(b'\n', b'.', b'?', &b[i..be])
            .map_or(be, |k| i + k)
            .min(bang);
        if next >= be {
            break;
        }
        i = next;
        let cut = match b[i] {
            b'\n' => hard_break(text, bs, be, i).then_some(i),
            _ => stop_end(text, bs, be, i),
        };
        if let Some(cut) = cut {
            push(text, start, cut, None, out);
            start = cut;
            i = cut.max(i + 1);
        } else {
            i += 1;
        }
    }
    push(text, start, be, None, out);
}

/// Whether the line break at `i` ends a sentence.
fn hard_break(text: &str, bs: usize, be: usize, i: usize) -> bool {
    let before = text[bs..i].trim_end();
    let after = text[i + 1..be].trim_start();
    let wrapped = before
        .chars()
        .next_back()
        .is_some_and(|c| c.is_lowercase() || c == ',')
        && after.chars().next().is_some_and(char::is_lowercase);
    !wrapped
}

/// When the stop at `i` ends a sentence, the byte just after it (and its
/// closing quotes and brackets).
fn stop_end(text: &str, bs: usize, be: usize, i: usize) -> Option<usize> {
    let rest = &text[i + 1..be];
    let closers = rest
        .char_indices()
        .find(|&(_, c)| !matches!(c, '"' | '\'' | '”' | '’' | ')' | ']'))
        .map_or(rest.len(), |(k, _)| k);
    let cut = i + 1 + closers;
    let after = &text[cut..be];
    let trimmed = after.trim_start();
    if trimmed.len() == after.len() && !after.is_empty() {
        return None; // no space after: 3.2, e.g., gov.uk
    }
    let next = trimmed.chars().next()?;
    if next.is_lowercase() {
        return None;
    }
    if text.as_bytes()[i] == b'.' && abbreviation(&text[bs..i]) {
        return None;
    }
    Some(cut)
}

/// Whether `before` (the text up to a full stop) ends in an abbreviation.
fn abbreviation(before: &str) -> bool {
    let word_start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| !c.is_alphabetic())
        .map_or(0, |(k, c)| k + c.len_utf8());
    let word = &before[word_start..];
    if word.chars().count() == 1 {
        return true;
    }
    let mut buf = [0u8; 24];
    let Some(w) = super::lexicon::lower(word, &mut buf) else {
        return false;
    };
    matches!(
        w,
        "mr" | "mrs"
            | "ms"
            | "dr"
            | "prof"
            | "rt"
            | "hon"
            | "st"
            | "no"
            | "nos"
            | "vol"
            | "col"
            | "cols"
            | "para"
            | "paras"
            | "pp"
            | "ca"
            | "approx"
            | "cf"
            | "vs"
            | "fig"
            | "figs"
            | "art"
            | "sch"
            | "reg"
            | "regs"
            | "ss"
            | "ch"
            | "cl"
            | "cm"
            | "al"
            | "inc"
            | "ltd"
            | "co"
            | "jan"
            | "feb"
            | "mar"
            | "apr"
            | "jun"
            | "jul"
            | "aug"
            | "sep"
            | "sept"
            | "oct"
            | "nov"
            | "dec"
            | "govt"
            | "dept"
            | "est"
            | "gen"
            | "lt"
            | "capt"
            | "sgt"
            | "cllr"
            | "rev"
            | "revd"
            | "op"
            | "cit"
            | "ibid"
            | "viz"
            | "eg"
            | "ie"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sents(text: &str) -> Vec<String> {
        split(text)
            .iter()
            .map(|s| {
                let body = &text[s.start..s.end];
                match s.header {
                    Some((a, b)) => format!("{}: {}", &text[a..b], body),
                    None => body.to_string(),
                }
            })
            .collect()
    }

    #[test]
    fn prose() {
        assert_eq!(
            sents("We spent £3.2 billion. Mr. Smith said so! See para. 3.2 e.g. here.\n\nNext one"),
            ["We spent £3.2 billion.", "Mr. Smith said so!", "See para. 3.2 e.g. here.", "Next one"]
        );
        assert_eq!(
            sents("It rose (by 3.) Then fell.\nLine 2\nand a wrap,\ncontinued here."),
            ["It rose (by 3.)", "Then fell.", "Line 2", "and a wrap,\ncontinued here."]
        );
        assert_eq!(sents("- item one\n- item two"), ["item one", "item two"]);
        assert_eq!(sents(""), Vec::<String>::new());
        assert_eq!(
            sents("J. Smith and S.O. No. 22 apply. Ok"),
            ["J. Smith and S.O. No. 22 apply.", "Ok"]
        );
    }

    #[test]
    fn tables() {
        assert_eq!(
            sents("Figures:\n\nYear | Number\n2018 | 1,234\n2019 | 1,300\n\nAfter."),
            ["Figures:", "Year | Number", "Year | Number: 2018 | 1,234", "Year | Number: 2019 | 1,300", "After."]
        );
    }
}
