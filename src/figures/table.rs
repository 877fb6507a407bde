//! Reads a table's header to give its cells a kind and unit.
//!
//! A figure that is a whole table cell and a bare number (a count with no
//! noun) takes its meaning from its column's header cell:
//! - a header with `%`, `per cent`, `percent` or `percentage` makes it a
//!   percent;
//! - a header with `£` makes it money, scaled by `£000` / `£'000` / `£k`
//!   (thousands), `£m` / `£ million` (millions) or `£bn` / `£ billion`;
//! - a header `Number of X` makes `X` its unit;
//! - a header that names a length of time in a unit (`Average number of
//!   days taken`, `Waiting time (weeks)`) makes it a duration in that unit;
//! - a header that names a rate without a base (`Actual reoffending
//!   rate`, not `Rate per 1,000`) makes a cell of 0 to 100 a percent;
//! - a unit alone on the line just above the header row (`£`, `£000`,
//!   `£ million`, `%`) applies to every column whose header has none.
//!
//! A cell figure with no period of its own takes one from its row's first
//! cell or, failing that, its column's header cell, when that cell is a
//! time: a year, a financial year, a month and year, `Q1 2020`
//! ([`periods`]).

use super::combine::Fig;
use super::cx::Cx;
use super::lexicon;
use super::scan::round_dec;
use super::sentence::Sent;
use crate::record::FigureKind;

/// Longer rows are not read as table rows.
const MAX_ROW: usize = 4000;

/// Which header row, read how: its start, and whether its opening bar is
/// stripped.
type HeadKey = (usize, bool);

/// Applies the column headers to the figures standing in table rows.
pub(super) fn apply(cx: &Cx<'_>, sents: &[Sent], figs: &mut [Fig]) {
    // The header cells of the current table, and whether each is marked
    // as money or percent, keyed by the header's start and whether its
    // opening bar is stripped (which depends on the row).
    let mut head: Option<(HeadKey, Vec<(&str, bool)>)> = None;
    // The number of cells of the last row looked at, and its label cell
    // when that names a unit (`unit_label`), by its start.
    let mut row_cells: Option<(usize, usize, Option<&str>, bool)> = None;
    // The header cells read for the current table (a few columns: a
    // linear search).
    let mut reads: Vec<(&str, Head)> = Vec::new();
    let mut reads_of = usize::MAX;
    // The caption above the current table, by its header's start.
    let mut cap_of: Option<(usize, Option<&str>)> = None;
    // The row of units under the current table's header, by its start.
    let mut units_of: Option<(usize, Option<&str>)> = None;
    for f in figs.iter_mut() {
        // A bare count, or an amount of money written without a scale
        // (`£58`, `£146 to £206`) that the header may scale.
        let bare_count = f.kind == FigureKind::Count
            && f.unit.is_none()
            && f.qualifier.is_none();
        let money = matches!(f.kind, FigureKind::Money | FigureKind::Range);
        if !bare_count && !money {
            continue;
        }
        // Table rows only (cheap: the sentence says it has a header).
        if sents.get(cx.sid[f.s] as usize).is_none_or(|s| s.header.is_none()) {
            continue;
        }
        let (fs, fe) = cx.span(f.s, f.e);
        let unscaled_money = money
            && f.unit.as_deref() == Some("GBP")
            && unscaled_pounds(&cx.text[fs..fe]);
        if !bare_count && !unscaled_money {
            continue;
        }
        let Some(sent) = sents.get(cx.sid[f.s] as usize) else { continue };
        let Some((hs, he)) = sent.header else { continue };
        let (start, end) = cx.span(f.s, f.e);
        if start < sent.start || end > sent.end {
            continue;
        }
        // Rows and headers of a sane size only: the lookups are linear in
        // the row.
        if sent.end - sent.start > MAX_ROW || he - hs > MAX_ROW {
            continue;
        }
        let row = &cx.text[sent.start..sent.end];
        let header = &cx.text[hs..he];
        // A bar opening both the header and the row is decoration; one
        // opening only the header is an empty corner cell.
        let strip = bar_first(header) && bar_first(row);
        let Some((rcol, cell)) = cell_at(row, start - sent.start, strip)
        else {
            continue;
        };
        // The figure is the whole cell (it may carry a note mark after
        // it: `£342 to £418*`, `45*`, or a stray full stop: `24.`).
        let ft = &cx.text[start..end];
        let cell = cell.trim();
        // `(265)` under a money header: a negative amount, as accounts
        // print them.
        let bracketed = bare_count
            && cell.strip_prefix('(').and_then(|c| c.strip_suffix(')'))
                == Some(ft)
            && f.s >= 1
            && cx.sym(f.s - 1, "(")
            && cx.sym(f.e, ")");
        // A note in brackets after it is no part of the figure either
        // (`9.23M (estimate)`, `120 (provisional)`).
        let note = |r: &str| {
            let r = r.trim_start();
            r.len() <= 40
                && r.starts_with('(')
                && r.ends_with(')')
                && r.bytes().filter(|&b| b == b'(').count() == 1
                && !r.bytes().any(|b| b.is_ascii_digit())
        };
        if cell != ft
            && !bracketed
            && !cell.strip_prefix(ft).is_some_and(|r| {
                r == "." || r.chars().all(lexicon::note_mark) || note(r)
            })
        {
            continue;
        }
        if head.as_ref().is_none_or(|(h, _)| *h != (hs, strip)) {
            let cells = cells(header, strip).map(|c| (c, signal(c))).collect();
            head = Some(((hs, strip), cells));
        }
        let Some((_, heads)) = &head else { continue };
        // A header one cell short of its rows has no corner cell over the
        // rows' labels (`Number of Transactions | Total Spend` over `2022
        // | 1021 | £119,166`): its cells head the columns after the first.
        let (n_row, row_unit, unlabelled) = match row_cells {
            Some((at, n, u, v)) if at == sent.start => (n, u, v),
            _ => {
                let n = cells(row, strip).count();
                let first = cells(row, strip).next();
                let u = first.filter(|c| unit_label(c));
                let v = first.is_some_and(value_cell);
                row_cells = Some((sent.start, n, u, v));
                (n, u, v)
            }
        };
        // A row one cell short of its header whose first cell is a value
        // has no label cell (`£481,873,973 | 842,354 | £572.06` under
        // `All acute trusts | Total Costs | Length of stay (days) |
        // Average cost per day`): its cells stand under the columns after
        // the first.
        let col = if heads.len() + 1 == n_row {
            match rcol.checked_sub(1) {
                Some(c) => c,
                None => continue,
            }
        } else if n_row + 1 == heads.len() && unlabelled {
            rcol + 1
        } else {
            rcol
        };
        let units = match units_of {
            Some((h, u)) if h == hs => u,
            _ => {
                let u = unit_row(cx.text, he);
                units_of = Some((hs, u));
                u
            }
        };
        // The column's own unit: its header cell's, else the cell under
        // it in a row of units (` | £'000 | £'000`) as long as the row's
        // (a short row's cells may stand under other columns).
        let own = heads.get(col).filter(|h| h.1).map(|h| h.0).or_else(|| {
            let u = units?;
            let strip = strip && bar_first(u);
            if cells(u, strip).count() != n_row {
                return None;
            }
            cells(u, strip).nth(rcol).filter(|c| unit_line(c))
        });
        // A unit in the row's own label (`Exchequer impact (£m) | 140 |
        // 235` under years): the row says what its cells are.
        let label = || row_unit.filter(|_| rcol > 0);
        // A unit stated once for the whole table, in its only marked
        // header cell, when that is the corner cell (`£ million | North |
        // South`) or a caption over fewer cells than the row has.
        let shared = || {
            let mut marked = heads.iter().enumerate().filter(|(_, h)| h.1);
            let first = marked.next();
            if marked.next().is_some() {
                return None;
            }
            first
                .filter(|&(k, _)| k == 0 || heads.len() < n_row)
                .map(|(_, h)| h.0)
        };
        let cap = match cap_of {
            Some((h, c)) if h == hs => c,
            _ => {
                let c = caption(cx.text, hs);
                cap_of = Some((hs, c));
                c
            }
        };
        if unscaled_money {
            // The scale of the column's header, else one stated once for
            // the table (corner cell, caption row, title line above).
            let exp = own
                .or_else(|| heads.get(col).map(|h| h.0))
                .and_then(scale_of)
                .or_else(|| label().and_then(scale_of))
                .or_else(|| heads.first().and_then(|h| scale_of(h.0)))
                .or_else(|| cap.and_then(scale_of))
                .or_else(|| unit_below(cx.text, he).and_then(scale_of))
                .or_else(|| group_row_scale(cx.text, hs));
            if let Some(exp) = exp.filter(|&x| x > 0) {
                let m = 10f64.powi(exp);
                let scale = |v: Option<f64>| v.map(|v| round_dec(v * m, 6));
                f.value = scale(f.value);
                f.low = scale(f.low);
                f.high = scale(f.high);
            }
            continue;
        }
        let pick = own
            .or_else(label)
            .or_else(shared)
            .or(cap)
            .or_else(|| heads.get(col).map(|h| h.0));
        if let Some(h) = pick {
            // A header is read once for all the cells under it.
            if reads_of != hs {
                reads.clear();
                reads_of = hs;
            }
            let at = match reads.iter().position(|(k, _)| *k == h) {
                Some(at) => at,
                None => {
                    reads.push((h, Head::read(h, cx.text, hs)));
                    reads.len() - 1
                }
            };
            let Some((_, meaning)) = reads.get(at) else { continue };
            if bracketed {
                let mut g = f.clone();
                meaning.apply(&mut g);
                if g.kind == FigureKind::Money {
                    g.value = g.value.map(|v| -v);
                    g.s -= 1;
                    g.e += 1;
                    *f = g;
                }
            } else {
                meaning.apply(f);
            }
        }
    }
}

/// Whether a cell holds an amount and no words: `£481,873,973`,
/// `842,354`, `12.5%`; not a year or a span of years (`2019`,
/// `2021-2022`), which label rows.
fn value_cell(cell: &str) -> bool {
    let cell = cell.trim();
    let marked = cell.starts_with(['£', '$', '€'])
        || cell.ends_with('%')
        || cell
            .as_bytes()
            .windows(2)
            .any(|w| w[0] == b',' && w[1].is_ascii_digit());
    marked
        && cell.bytes().any(|b| b.is_ascii_digit())
        && !cell.chars().any(char::is_alphabetic)
}

/// Whether a figure's text is pounds written without a scale: `£58`,
/// `£71.3`, `£146 to £206`, `£5-£10` (no scale word, no pence).
fn unscaled_pounds(t: &str) -> bool {
    t.starts_with('£')
        && t.chars().all(|c| {
            c.is_ascii_digit()
                || matches!(c, '£' | ',' | '.' | ' ' | '-' | '–' | 't' | 'o')
        })
        && !t.contains("  ")
}

/// The power of ten a header cell or caption says its amounts are in:
/// `£000`, `£'000`, `£k`, `£m`, `£ million`, `£bn` after a pound sign, or
/// the words `thousands`, `millions`, `billions` (`Grant in Aid
/// (Millions)`); 0 for a pound sign with no scale; `None` when it says
/// nothing of money.
fn scale_of(head: &str) -> Option<i32> {
    let lower = head.to_lowercase();
    if let Some(p) = lower.find('£') {
        // (`£, million`: a comma may stand between.)
        let after: String = lower[p + '£'.len_utf8()..]
            .trim_start_matches([',', ' '])
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '\'' && *c != '’')
            .take(8)
            .collect();
        return Some(scale_after_pound(&after));
    }
    let scale = words(&lower).find_map(|w| match w {
        "thousands" => Some(3),
        "millions" => Some(6),
        "billions" => Some(9),
        _ => None,
    });
    scale
}

/// The power of ten of what follows a pound sign in a header (spaces and
/// apostrophes removed): `000`, `thousand`, `k` → 3; `bn`, `billion` → 9;
/// `m`, `million`, `000,000` → 6; else 0.
fn scale_after_pound(after: &str) -> i32 {
    if after.starts_with("000,000") || after.starts_with("000000") {
        6
    } else if after.starts_with("000")
        || after.starts_with("thousand")
        || after.starts_with('k')
    {
        3
    } else if after.starts_with("bn") || after.starts_with("billion") {
        9
    } else if after.starts_with('m') {
        6
    } else {
        0
    }
}

/// Drops the numbers of a table that label its rows and columns rather
/// than give a figure: a range that is a whole cell in a row's first
/// column (`8 to 11 | 1,039,000`, `0 – 25% | 54.2%`) or a whole cell with
/// bare ends that are small whole numbers anywhere (`On Time | 15-30 |
/// 30-59`), and a count or range
/// in the header row of a table (`Name | Under 3 | 3 and over`): bands
/// and thresholds naming groups.
pub(super) fn drop_labels(cx: &Cx<'_>, sents: &[Sent], figs: &mut Vec<Fig>) {
    // Whether the last sentence looked at is a table row (one search of
    // its text per sentence, not per figure).
    let mut row_of: Option<(u32, bool)> = None;
    let mut code_head: Option<(usize, bool)> = None;
    figs.retain(|f| {
        if !matches!(
            f.kind,
            FigureKind::Range | FigureKind::Count | FigureKind::Duration
        ) {
            return true;
        }
        let sid = cx.sid[f.s];
        let Some(sent) = sents.get(sid as usize) else { return true };
        let (start, end) = cx.span(f.s, f.e);
        let row = match cx.text.get(sent.start..sent.end) {
            Some(r) if start >= sent.start && end <= sent.end => r,
            _ => return true,
        };
        let is_row = match row_of {
            Some((s, r)) if s == sid => r,
            _ => {
                let r = sent.header.is_some()
                    || (sent.end - sent.start <= MAX_ROW
                        && row.contains(" | "));
                row_of = Some((sid, r));
                r
            }
        };
        if sent.end - sent.start > MAX_ROW || !is_row {
            return true;
        }
        let ft = &cx.text[start..end];
        // The figure's column and cell under the row's header (found only
        // where a rule below needs them).
        let placed = || {
            let (hs, he) = sent.header?;
            let header = cx.text.get(hs..he)?;
            let strip = bar_first(header) && bar_first(row);
            let (col, cell) = cell_at(row, start - sent.start, strip)?;
            Some((header, strip, col, cell.trim()))
        };
        if f.kind == FigureKind::Duration {
            // A length of time labelling a row (`3 months | 6,000 |
            // 708,000`): the whole first cell names the group.
            return !placed()
                .is_some_and(|(_, _, col, cell)| col == 0 && cell == ft);
        }
        if sent.header.is_none() && !sent.data {
            // The header row itself, when rows follow it, or a caption row
            // over a header row that rows follow.
            let idx = cx.sid[f.s] as usize;
            let heads = |i: usize, start: usize| {
                sents
                    .get(i)
                    .and_then(|n| n.header)
                    .is_some_and(|h| h.0 == start)
            };
            let has_rows = heads(idx + 1, sent.start)
                || sents.get(idx + 1).is_some_and(|n| {
                    n.header.is_none()
                        && cx
                            .text
                            .get(sent.end..n.start)
                            .is_some_and(|gap| gap.trim().is_empty())
                        && heads(idx + 2, n.start)
                });
            return !has_rows;
        }
        // A row of number words only (`Six | Seven | Eight`): a second
        // header row naming groups.
        if f.kind == FigureKind::Count
            && !row.bytes().any(|b| b.is_ascii_digit())
        {
            return false;
        }
        if f.kind == FigureKind::Count && f.unit.is_none() {
            // Whether the header names a code anywhere, read once per
            // table: most do not.
            if let Some((hs, he)) = sent.header {
                let codes = match code_head {
                    Some((h, c)) if h == hs => c,
                    _ => {
                        let header = cx.text.get(hs..he).unwrap_or("");
                        // (A header opening with a bar over rows that do
                        // not has an empty first cell.)
                        let c = bar_first(header)
                            || cells(header, false).enumerate().any(
                                |(k, h)| {
                                    code_header(h)
                                        || (k == 0 && serial_header(h))
                                },
                            );
                        code_head = Some((hs, c));
                        c
                    }
                };
                // Its whole cell under a header cell naming a code
                // (`Exception` over `1 | AO | £26,500`), or in the first
                // column under an empty header cell (a row's number).
                let code = codes
                    && placed().is_some_and(|(header, strip, col, cell)| {
                        cell == ft
                            && cells(header, strip).nth(col).is_some_and(|h| {
                                code_header(h)
                                    || (col == 0 && serial_header(h))
                            })
                    });
                if code {
                    return false;
                }
            }
        }
        let label_count = f.kind == FigureKind::Count
            && f.qualifier.is_some()
            && f.unit.is_none();
        if f.kind != FigureKind::Range && !label_count {
            return true;
        }
        let Some((_, _, col, cell)) = placed() else { return true };
        let whole = cell == ft;
        // Bands are small whole numbers (`15-30`, `16-18`); `728,086 to
        // 1,389,577` in a cell is an estimate's range.
        let small = |v: Option<f64>| {
            v.is_some_and(|x| x.fract() == 0.0 && x.abs() < 1000.0)
        };
        if label_count {
            // A threshold labelling a row (`17 or over | 9 | 2`, `Under 5
            // | 12`): the first cell, a small number with its qualifier
            // and nothing else.
            let words = |r: &str| {
                r.split_whitespace()
                    .all(|w| w.chars().all(|c| c.is_alphabetic() || c == '+'))
            };
            let words_only =
                cell.split_once(ft).is_some_and(|(a, b)| words(a) && words(b));
            return !(col == 0 && small(f.value) && words_only);
        }
        let band = f.unit.is_none() && small(f.low) && small(f.high);
        !(whole && (col == 0 || band))
    });
}

/// The one-word header cells naming a code; `No.` only with its stop
/// (`No` heads answers), and not `Year`, `Level`, `Volume` or `Number`,
/// which head values.
const CODE_HEADERS: [&str; 21] = [
    "exception",
    "exceptions",
    "ref",
    "ref.",
    "reference",
    "code",
    "item",
    "id",
    "no.",
    "section",
    "paragraph",
    "question",
    "pq",
    "uin",
    "annex",
    "schedule",
    "article",
    "clause",
    "chapter",
    "regulation",
    "rule",
];

/// Whether the first header cell heads a column of row numbers: it is
/// empty or `#` (` | Local authority | Funds paid (£)` over `1 |
/// Birmingham | 351,324.81`), or names numbered groups
/// ([`rank_header`]).
fn serial_header(cell: &str) -> bool {
    matches!(cell.trim(), "" | "#") || rank_header(cell)
}

/// Whether a first header cell names numbered groups (`Cohort number`,
/// `IMD quintile`, `Lifetime graduate earnings decile`, `Band`): the
/// numbers under it name the rows' groups.
fn rank_header(cell: &str) -> bool {
    let mut words = cell
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| !w.is_empty())
        .rev();
    let mut last = words.next();
    if last.is_some_and(|w| {
        w.eq_ignore_ascii_case("number") || w.eq_ignore_ascii_case("no")
    }) {
        last = words.next();
    }
    last.is_some_and(|w| {
        [
            "decile",
            "deciles",
            "quintile",
            "quintiles",
            "quartile",
            "quartiles",
            "percentile",
            "cohort",
            "wave",
            "tier",
            "rank",
            "band",
            "grade",
        ]
        .iter()
        .any(|r| w.eq_ignore_ascii_case(r))
    })
}

/// Whether a header cell names a code ([`CODE_HEADERS`], any case).
fn code_header(cell: &str) -> bool {
    let cell = cell.trim();
    CODE_HEADERS.iter().any(|c| c.eq_ignore_ascii_case(cell))
}

/// Gives each figure standing in a table cell, that has no period yet, the
/// period its row or column is headed by: the row's first cell or the
/// column's header cell, when that cell is a time (a year, a financial
/// year, a month and year, a quarter).
pub(super) fn periods(cx: &Cx<'_>, sents: &[Sent], figs: &mut [Fig]) {
    // The figures of a row come together, and the rows of a table share
    // a header: the row's first cell and the header's cells are read once
    // per row and once per header, not once per figure.
    let mut row_cache: Option<(u32, Option<&str>)> = None;
    let mut head_key: Option<(usize, usize, bool)> = None;
    let mut head_times: Vec<Option<&str>> = Vec::new();
    for f in figs.iter_mut() {
        if f.period.is_some() || f.kind == FigureKind::FinancialYear {
            continue;
        }
        let sid = cx.sid[f.s];
        let Some(sent) = sents.get(sid as usize) else { continue };
        let Some((hs, he)) = sent.header else { continue };
        let (start, end) = cx.span(f.s, f.e);
        if start < sent.start
            || end > sent.end
            || sent.end - sent.start > MAX_ROW
            || he - hs > MAX_ROW
        {
            continue;
        }
        let row = &cx.text[sent.start..sent.end];
        let header = &cx.text[hs..he];
        let strip = bar_first(header) && bar_first(row);
        let Some((col, _)) = cell_at(row, start - sent.start, strip) else {
            continue;
        };
        if col == 0 {
            continue;
        }
        let row_head = match row_cache {
            Some((s, head)) if s == sid => head,
            _ => {
                let head = cells(row, strip).next().and_then(time);
                row_cache = Some((sid, head));
                head
            }
        };
        let t = row_head.or_else(|| {
            let key = Some((hs, he, strip));
            if head_key != key {
                head_key = key;
                head_times = cells(header, strip).map(time).collect();
            }
            head_times.get(col).copied().flatten()
        });
        if let Some(t) = t {
            f.period = Some(normalise_year_pair(t));
        }
    }
}

/// The time a header cell names, without a trailing note: `2019`,
/// `2019-20`, `2019/20`, `2019 to 2020`, `March 2020`, `Q1 2020`; `2019
/// (provisional)` and `2019(1)` give `2019`.
fn time(cell: &str) -> Option<&str> {
    let c = cell.trim();
    let c = c.split(['(', '*']).next().unwrap_or("").trim();
    is_time(c).then_some(c)
}

/// `2020/21`, `2020–2021` and `2020-2021` as financial years are
/// written (`2020-21`); any other time as it is.
fn normalise_year_pair(t: &str) -> String {
    let mut parts = t.splitn(2, ['-', '/', '–']);
    match (parts.next(), parts.next()) {
        (Some(a), Some(b))
            if a.len() == 4
                && matches!(b.len(), 2 | 4)
                && !t.contains(' ') =>
        {
            format!("{a}-{}", &b[b.len() - 2..])
        }
        _ => t.to_string(),
    }
}

/// Whether a (note-free) cell names a time.
fn is_time(c: &str) -> bool {
    if c.is_empty() || c.len() > 24 {
        return false;
    }
    let year = |w: &str| {
        w.len() == 4
            && w.bytes().all(|b| b.is_ascii_digit())
            && matches!(&w[..2], "18" | "19" | "20")
    };
    let words: Vec<&str> = c.split_whitespace().collect();
    match words.as_slice() {
        [w] => {
            if year(w) {
                return true;
            }
            // 2019-20, 2019/20, 2019–2020
            let mut parts = w.splitn(2, ['-', '/', '–']);
            let (a, b) =
                (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
            year(a)
                && matches!(b.len(), 2 | 4)
                && b.bytes().all(|x| x.is_ascii_digit())
        }
        [a, "to", b] => year(a) && year(b),
        [m, y] => {
            year(y)
                && (crate::text::date::month_number(m).is_some()
                    || matches!(*m, "Q1" | "Q2" | "Q3" | "Q4"))
        }
        _ => false,
    }
}

/// A unit given on its own on the line just above the header row at
/// `hs` (`£`, `£000`, `£ million`, `Per cent`): a short line that says
/// money or percent and has no digit other than the zeros of `£000`. One
/// blank line may stand between (`Table 2: … (£ thousands)`, blank,
/// header).
pub(super) fn caption(text: &str, hs: usize) -> Option<&str> {
    let before = text.get(..hs)?.trim_end_matches([' ', '\t']);
    let before = before.strip_suffix('\n')?;
    let mut line = &before[before.rfind('\n').map_or(0, |p| p + 1)..];
    if line.trim().is_empty() {
        let above = before[..before.len() - line.len()].strip_suffix('\n')?;
        line = &above[above.rfind('\n').map_or(0, |p| p + 1)..];
    }
    let line = line.trim();
    if unit_line(line) {
        return Some(line);
    }
    // A table's title line (`Expenditure by region, 2023/24 prices, £m
    // (2019/20 to 2023/24)`): no bar, not a sentence, and a pound sign
    // that is a unit, not an amount (never followed by a digit but the
    // zeros of `£000`).
    let title = line.len() <= 200
        && !line.contains('|')
        && !line.ends_with(['.', ':'])
        && line.contains('£')
        && line.match_indices('£').all(|(p, m)| {
            // `£m`, `£000`, `£ million`, `£ (2019/20 …)`, `£,`: a unit;
            // `£5`, `£ below`: not.
            let rest =
                line[p + m.len()..].trim_start_matches([' ', '\'', '’']);
            let lower = rest.to_ascii_lowercase();
            rest.is_empty()
                || rest.starts_with(['(', ')', ',', ';', '0'])
                || [
                    "m ", "m)", "m,", "bn", "k ", "k)", "million", "billion",
                    "thousand",
                ]
                .iter()
                .any(|u| lower.starts_with(u))
                || lower == "m"
                || lower == "k"
        });
    title.then_some(line)
}

/// Whether a trimmed line is a unit alone (`£`, `£000`, `£ million`,
/// `Per cent`): short, saying money or percent, with no digit other than
/// the zeros of `£000`.
pub(super) fn unit_line(line: &str) -> bool {
    let digits_ok = line.bytes().all(|b| !b.is_ascii_digit() || b == b'0');
    !line.is_empty() && line.len() <= 24 && digits_ok && signal(line)
}

/// A row of units just below the header row ending at `he`, one under
/// each column that has one (` | £'000 | £'000`, `Rows | 24/25 | £k |
/// £k`): a row with a unit cell and otherwise only empty cells, times and
/// words.
fn unit_row(text: &str, he: usize) -> Option<&str> {
    let line = line_below(text, he)?;
    if !line.contains('|') || line.len() > MAX_ROW {
        return None;
    }
    let mut unit = false;
    for c in cells(line, bar_first(line)) {
        if unit_line(c) {
            unit = true;
        } else if !(c.bytes().all(|b| !b.is_ascii_digit()) || is_time(c)) {
            return None;
        }
    }
    unit.then_some(line)
}

/// Whether a row's label cell names the unit of the row's cells
/// (`Exchequer Impact (£m)`, `Levy spend (£ millions)`, `Share (%)`): it
/// says money or percent and holds no amount or percentage of its own
/// (`£0 to £10,000`, `Over 50%` label groups).
fn unit_label(cell: &str) -> bool {
    if !signal(cell) || cell.len() > 200 {
        return false;
    }
    let amount = cell.match_indices('£').any(|(p, m)| {
        let rest = cell[p + m.len()..].trim_start_matches([' ', '\'', '’']);
        let zeros = rest.strip_prefix("000");
        rest.starts_with(|c: char| c.is_ascii_digit())
            && zeros
                .is_none_or(|z| z.starts_with(|c: char| c.is_ascii_digit()))
    });
    let lower = cell.to_ascii_lowercase();
    let share = ["%", "per cent", "percent"].iter().any(|pat| {
        lower.match_indices(pat).any(|(p, _)| {
            lower[..p].trim_end().ends_with(|c: char| c.is_ascii_digit())
        })
    });
    !amount && !share
}

/// The line just below the header row ending at `he`, trimmed.
fn line_below(text: &str, he: usize) -> Option<&str> {
    let after = text.get(he..)?.strip_prefix('\n')?;
    Some(after.split('\n').next().unwrap_or(after).trim())
}

/// A unit alone on the line just below the header row ending at `he`
/// (`Collection fees | 2024/2025`, then `£000`, then the rows).
fn unit_below(text: &str, he: usize) -> Option<&str> {
    let line = line_below(text, he)?;
    unit_line(line).then_some(line)
}

/// The scale stated in the row just above the header row at `hs` when
/// that row is a caption over groups of columns (`Grant in Aid (Millions)
/// | Actual spend | Allocation`, see [`super::sentence`]).
fn group_row_scale(text: &str, hs: usize) -> Option<i32> {
    let before = text.get(..hs)?.trim_end();
    let line = &before[before.rfind('\n').map_or(0, |p| p + 1)..];
    if !line.contains(" | ") || line.len() > MAX_ROW {
        return None;
    }
    cells(line, bar_first(line)).find_map(|c| scale_of(c).filter(|&x| x > 0))
}

/// Whether a row starts with a bar.
fn bar_first(row: &str) -> bool {
    row.trim_start().starts_with('|')
}

/// The cells of a row, without the trailing bar, and without the opening
/// bar when `strip`.
pub(super) fn cells(row: &str, strip: bool) -> impl Iterator<Item = &str> {
    let row = row.trim();
    let row = if strip { row.strip_prefix('|').unwrap_or(row) } else { row };
    let row = row.strip_suffix('|').unwrap_or(row);
    row.split('|').map(str::trim)
}

/// The column index and the cell text at byte `at` of the row.
fn cell_at(row: &str, at: usize, strip: bool) -> Option<(usize, &str)> {
    let skip = usize::from(strip && bar_first(row));
    let before = row.get(..at)?.as_bytes();
    let col = memchr::memchr_iter(b'|', before).count().checked_sub(skip)?;
    let start = memchr::memrchr(b'|', before).map_or(0, |p| p + 1);
    let end = memchr::memchr(b'|', &row.as_bytes()[at..])
        .map_or(row.len(), |k| at + k);
    row.get(start..end).map(|cell| (col, cell))
}

/// Whether a header cell says its column is money or percent.
fn signal(head: &str) -> bool {
    head.contains('£')
        || head.contains('%')
        || contains_ci(head, "percent")
        || contains_ci(head, "per cent")
}

/// Whether `hay` contains the lower-case ASCII `needle`, in any case.
fn contains_ci(hay: &str, needle: &str) -> bool {
    hay.as_bytes()
        .windows(needle.len())
        .any(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

/// What a header cell says of the cells under it.
enum Head {
    /// `%`, `per cent`, `percent`: percents.
    Percent,
    /// A pound sign: money, scaled by this power of ten.
    Money(i32),
    /// A length of time in this unit (`Average number of days taken`;
    /// `Time taken` with the unit in the text above the table).
    Duration(&'static str),
    /// Anything else.
    Other {
        /// A rate without a base (`Actual reoffending rate`): a cell of 0
        /// to 100 is a percent.
        rate: bool,
        /// Money named in words (`Committed Spend`), and its scale.
        money: Option<i32>,
        /// The unit of `Number of X`.
        number_of: Option<String>,
    },
}

impl Head {
    /// Reads the header cell `head` of the table whose header row starts
    /// at `hs` of `text`.
    fn read(head: &str, text: &str, hs: usize) -> Head {
        let lower = head.to_lowercase();
        if lower.contains('%')
            || lower.contains("per cent")
            || lower.contains("percent")
        {
            return Head::Percent;
        }
        if lower.contains('£') {
            return Head::Money(scale_of(head).unwrap_or(0));
        }
        let (unit, time) = time_words(&lower);
        // "Time taken" with no unit: the unit the text above the table
        // says its times are measured in.
        let intro = if (unit, time) == (None, true) {
            intro_time_unit(text, hs)
        } else {
            None
        };
        if let Some(unit) = unit.filter(|_| time).or(intro) {
            return Head::Duration(unit);
        }
        let trimmed = head.trim().trim_end_matches([':', '.', '*']).trim();
        let prefix = trimmed.get(..10);
        let number_of = prefix
            .filter(|p| p.eq_ignore_ascii_case("number of "))
            .map(|_| without_asides(trimmed.get(10..).unwrap_or_default()))
            .filter(|u| !u.is_empty() && u.len() <= 60);
        Head::Other {
            rate: rate_header(&lower),
            money: money_header(&lower).then(|| scale_of(head).unwrap_or(0)),
            number_of,
        }
    }

    /// Gives a cell figure the header's meaning.
    fn apply(&self, f: &mut Fig) {
        let Some(v) = f.value else { return };
        let money = |f: &mut Fig, exp: i32| {
            f.kind = FigureKind::Money;
            f.unit = Some("GBP".into());
            f.value = Some(round_dec(v * 10f64.powi(exp), 6));
        };
        match self {
            Head::Percent => {
                f.kind = FigureKind::Percent;
                f.unit = Some("%".into());
            }
            Head::Money(exp) => money(f, *exp),
            Head::Duration(unit) => {
                f.kind = FigureKind::Duration;
                f.unit = Some((*unit).into());
            }
            Head::Other { rate, money: words, number_of } => {
                if *rate && (0.0..=100.0).contains(&v) {
                    f.kind = FigureKind::Percent;
                    f.unit = Some("%".into());
                } else if let Some(exp) = words {
                    money(f, *exp);
                } else if let Some(unit) = number_of {
                    f.unit = Some(unit.clone());
                }
            }
        }
    }
}

/// Whether a lower-case header names an amount of money without a pound
/// sign (`Committed Spend from 2025/26`, `Total expenditure`, `Funding
/// allocation`), and no count, rate or other unit (`Number of grants`,
/// `Spend per pupil (%)` are read otherwise), or a kind of public
/// spending (`Capital`, `Resource DEL`). Not `income` or `revenue`,
/// which name bodies (`Inland Revenue`) and benefits (`Income Support`).
fn money_header(lower: &str) -> bool {
    if lower.contains(['$', '€']) {
        return false;
    }
    let mut money = false;
    // `FTE` counts staff, except before a salary (`Mean FTE Salary`).
    let (mut fte, mut salary) = (false, false);
    let mut ws = words(lower).peekable();
    while let Some(w) = ws.next() {
        // "since the Spending Review": the name of an event, not spend.
        if w == "spending" && ws.peek() == Some(&"review") {
            ws.next();
            continue;
        }
        match w {
            "spend" | "spending" | "expenditure" | "funding" | "cost"
            | "costs" | "budget" | "allocation" | "allocations"
            | "payments" | "fees" | "outturn" => money = true,
            // Money named as such (`Acute (millions of pounds)`).
            "pounds" | "gbp" | "sterling" => money = true,
            // The two kinds of public spending (`Capital | Resource`,
            // `RDEL | CDEL`, `Capital DEL`).
            "capital" | "resource" | "rdel" | "cdel" | "del" => money = true,
            "salary" | "salaries" => (money, salary) = (true, true),
            "fte" => fte = true,
            "number" | "no" | "volume" | "count" | "headcount" | "rate"
            | "ratio" | "proportion" | "share" | "index" | "percentage"
            | "tonnes" | "hours" | "days" | "weeks" | "months" | "years"
            | "claims" | "applications" | "projects" | "schemes"
            | "recipients" | "households" | "people" | "pupils"
            | "children" | "staff" | "posts" | "units" | "status" | "type"
            | "category" | "name" | "reference" | "date" | "usd"
            | "dollars" | "eur" | "euro" | "euros" => return false,
            _ => {}
        }
    }
    money && (salary || !fte)
}

/// The words of a lower-case header.
fn words(lower: &str) -> impl Iterator<Item = &str> {
    lower.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty())
}

/// The unit of time a header names, and whether it names time taken.
fn time_words(lower: &str) -> (Option<&'static str>, bool) {
    let mut unit = None;
    let mut time = false;
    for w in words(lower) {
        match w {
            "days" | "day" => unit = unit.or(Some("days")),
            "weeks" | "week" => unit = unit.or(Some("weeks")),
            "months" | "month" => unit = unit.or(Some("months")),
            "years" | "year" => unit = unit.or(Some("years")),
            "hours" | "hour" => unit = unit.or(Some("hours")),
            "minutes" | "mins" => unit = unit.or(Some("minutes")),
            "taken" | "time" | "times" | "wait" | "waiting" | "waited"
            | "duration" | "length" | "delay" | "turnaround" => time = true,
            _ => {}
        }
    }
    (unit, time)
}

/// The unit of time in `measured in (the number of) days` (weeks, months)
/// in the paragraph just above the header row at `hs` (within 600 bytes).
fn intro_time_unit(text: &str, hs: usize) -> Option<&'static str> {
    let mut from = hs.saturating_sub(600);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let before = text.get(from..hs)?.to_ascii_lowercase();
    let at = before.rfind("measured in")?;
    let rest = before.get(at + "measured in".len()..)?;
    let rest = rest.trim_start();
    let rest = rest.strip_prefix("the number of").unwrap_or(rest).trim_start();
    let w = rest.split(|c: char| !c.is_ascii_alphabetic()).next()?;
    match w {
        "days" => Some("days"),
        "weeks" => Some("weeks"),
        "months" => Some("months"),
        "hours" => Some("hours"),
        "years" => Some("years"),
        _ => None,
    }
}

/// Whether a header names a rate of people without a base: `Actual
/// reoffending rate`, `Employment rate`; not `Rate per 1,000`, `Exchange
/// rate`, `Rate of pay`.
fn rate_header(lower: &str) -> bool {
    let mut rate = false;
    for w in words(lower) {
        match w {
            "rate" | "rates" => rate = true,
            "per" | "of" | "exchange" | "interest" | "pay" | "hourly"
            | "daily" | "weekly" | "annual" | "£" => return false,
            _ => {}
        }
    }
    rate && !lower.contains('£')
}

/// A header's words without bracketed asides: `IOs (some of which will
/// be part-time)` → `IOs`, `(FTE) staff` → `staff`. An unclosed bracket
/// hides the rest.
fn without_asides(words: &str) -> String {
    let mut out = String::with_capacity(words.len());
    let mut depth = 0usize;
    for c in words.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            c if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cell_lookup() {
        assert_eq!(cell_at("2018 | 1,234", 7, false), Some((1, " 1,234")));
        assert_eq!(cell_at("| 2018 | 1,234", 9, true), Some((1, " 1,234")));
        assert_eq!(
            cells("| Year | Number of pupils", true).collect::<Vec<_>>(),
            ["Year", "Number of pupils"]
        );
        assert_eq!(
            cells("| North | South", false).collect::<Vec<_>>(),
            ["", "North", "South"]
        );
    }
}
