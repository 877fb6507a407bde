//! The figure extractor: every quantity quoted in a text, with its span.
//!
//! [`extract`] takes any text (an answer, a letter's body, a plain-text
//! file) and returns its figures in text order. Each [`Figure`] has a
//! `kind`, the `text` exactly as it stands, a byte `span` into the text
//! (`&text[span[0]..span[1]] == figure.text`, always on char boundaries),
//! a `value`, a `unit`, a `qualifier`, a `period` and the `sentence` it
//! stands in. Figures never overlap.
//!
//! # What is recognised
//!
//! **Numbers.** Digits with thousands commas and decimals (`1,234.5`),
//! a sign (`-0.3%`), scales written after them (`thousand`, `million`,
//! `billion`, `trillion`, and `k`, `m`, `bn` when they touch the number or
//! follow a currency: `£24m`, `£3.2 billion`, `£500k`, `1.5m people`),
//! number words (`three`, `twenty-five`, `one hundred and twenty`, `a
//! dozen`, `a million`, `one billion`) and fractions (`half of`, `a third
//! of`, `two-thirds of`, `three quarters of`).
//!
//! **Kinds, values and units.**
//!
//! | kind | written as | `value` | `unit` | other keys |
//! |---|---|---|---|---|
//! | `money` | `£3 million`, `£24m`, `€5m`, `$10bn`, `US$2 billion`, `3 million pounds`, `45p`, `45 pence` | in units of the currency (`45p` → 0.45) | `GBP`, `EUR`, `USD` | |
//! | `percent` | `50%`, `51 per cent`, `12.5 percent` | 50 | `%` | |
//! | `percentage_points` | `14 percentage points`, `3pp`, `2 % points` | 14 | `pp` | |
//! | `count` | `46 local authorities`, `three schools`, `61` | 46 | the counted noun, or `null` | |
//! | `ratio` | `146 local authorities out of a total of 151`, `19 of 42`, `3 of the 10 schools`, `one in five children`, `8.5 per 1,000 children`, `a third of`, `half of` | the part (1 for `a third`, `half`; 2 for `two thirds`) | the counted noun | `total`: the whole (3, 2) |
//! | `range` | `between 10 and 20`, `10-15`, `£5–10 million`, `£180–260k`, `2 to 3 years` | the low end | of the ends | `low`, `high` |
//! | `change` | `from 30 to 19`, `from £500 million in 2017-18 to £4.3 billion`, `19, down from 30`, `increased by 16`, `fell by 13%`, `cut the budget by £2m`, `an increase of 5%`, `a 13% reduction`, `a 20% VAT increase`, `increase by £1.6bn to £57bn`, `uprated … by 10.1%`, `9 per cent fewer`, `£8m more than` | the signed size (`to - from`, `±` the `by` amount, the sign of `more`/`fewer`/`lower`...) | of the figures inside | `from`, `to` where given |
//! | `duration` | `5 years`, `within 5 years` (text `5 years`), `3-year`, `six months`, `three working days`, `24 hours`, `one year`, `a decade`, `within a week`, `a year’s extension`, `half a century` | 5 | `years`, `months`, `weeks`, `days`, `hours`, `minutes` (a decade is 10 years, a century 100) | |
//! | `financial_year` | `2021-22`, `2012/13`, `1999-2000`, `FY 2019-20`, `financial year 2020 to 2021`, `2023 to 2024` (GOV.UK style; not after `from`), `in 24/25` | `null` | `null` | `period`: normalised `2021-22` |
//!
//! - A scale, currency, pence or `%` written on one end of a range or a
//!   change applies to the other (`£5–10 million` is 5,000,000 to
//!   10,000,000; `10-15%` is a range of percents).
//! - A **count's noun** is the phrase after the number up to its first
//!   plural (`46 local authorities`, `3 children’s homes`, `36 Skills
//!   Advisory Panels`, `12 staff`, `1.3 million laptops`); it is part of the
//!   figure's text. A singular noun is taken only after one (`1 school`).
//!   After `19 of our strongest performing local authorities` the noun is
//!   the unit (`local authorities`) but not part of the text (`19`).
//! - **Time units**: `N years/months/weeks/days/hours` is a duration,
//!   unless it counts things: `5,500 days of support` (a thousand or
//!   more) is a count of days, `four weeks of intensive support` a
//!   duration;
//!   `within 28 days of the first test` stays a duration (`of` is followed
//!   by a determiner or a year, as in `the first eight months of 2009`, or
//!   the number by `within`/`after`/`for`...). Hours and minutes are always
//!   durations (`300 hours of unpaid work`). `a`/`an` + a unit of time is a
//!   duration only as a length of time (`a decade`, `a year’s extension`,
//!   after `within`, `for`, `than`, `after`, `almost`, `over`...), not as a
//!   rate (`£800 a year`, `twice a week`). Ages are not durations (below).
//! - **Tables** (lines with ` | `): a cell that is a bare number takes its
//!   column header's meaning: `%` / `per cent` → percent; `£` → money,
//!   scaled by `£000`/`£k` (thousands), `£m`/`£ million`, `£bn`; `Number of
//!   X` → unit `X`; a header naming time taken (`Average number of days
//!   taken`, `Waiting time (weeks)`) → a duration in that unit; a header
//!   naming a rate without a base (`Actual reoffending rate`, not `Rate per
//!   1,000`) → a percent (cells of 0 to 100). A unit given once in the
//!   corner cell, in a caption spanning the columns, or alone on the line
//!   above the header (`£`, `£000`) applies to every column.
//!
//! **Qualifiers** are read just before the figure: `approx` (around,
//! approximately, about, some, roughly, nearly, almost, circa, `c.`,
//! `approx.`, an estimated, close to, in the region of), `more_than` (more
//! than, over, in excess of, above, just over, well over, upwards of,
//! exceeding), `less_than` (less than, under, fewer than, below, just
//! under), `at_least` (at least, no fewer/less than, a minimum of, and
//! after the number or its noun: `or more`, `and over`, `+`), `at_most`
//! (at most, no more than, a maximum of, fewer than or equal to; after:
//! `or fewer`, `or less`), `up_to` (up to, as many as). `around` after a
//! verb of arrangement (`centred around four areas`) is no qualifier. A
//! qualifier is not part of the figure's text, except inside a change
//! (`increased by over £3 billion`) or between a count and its noun (`two
//! or more inadequate judgments`).
//!
//! **Periods** (see the `period` submodule) are phrases such as `in
//! 2018-19`, `over 5 years`, `over the 3 years to March 2021`, `since May
//! 2010`, `at the end of August 2020`, `during March and April 2020`, `by
//! 2022`, `between 2016 and 2020`, `as of August 2023`, `this year`, `this
//! financial year, 2021-22`, `per week`, `a year`, `to date`. A figure takes
//! the nearest period phrase of its clause (the text between commas,
//! semicolons, colons, brackets, bars and spaced dashes) that no other
//! figure stands between; else one inside the figure itself (`from 30 in
//! April 2017 to 19`); else an introductory phrase that ends the clause
//! before (`Since May 2010, 46 local authorities ...`). The phrase is
//! reported as written, with a capitalised opening preposition
//! lower-cased (`At the end of` → `at the end of`). Financial years
//! report themselves; durations get no period.
//!
//! **Sentences**: the sentence a figure stands in, trimmed of a list
//! bullet; for a table row, the table's header row, `: `, and the row, both
//! without their outer bars (`Year | Number: 2018 | 1,234`). A "sentence"
//! longer than 4,000 bytes (a huge text without stops) is reported as the
//! text within about 300 bytes of the figure.
//!
//! # Decisions on overlapping readings
//!
//! - A pair is one figure: `from 30 to 19` is one change (not counts 30
//!   and 19); `146 local authorities out of a total of 151` is one ratio;
//!   `between 10 and 20` is one range; a money amount inside a change is
//!   part of the change. A financial year or date between `from X` and `to
//!   Y` is part of the change too (and its period).
//! - `from X to Y` is a change, `between X and Y` and `X to Y` / `X-Y`
//!   are ranges; `by X to Y` after a change verb is a change with `value`
//!   X and `to` Y.
//! - A duration that is a figure's period (`£84 million over 5 years`) is
//!   reported too (as financial years are), with no qualifier: its `over`
//!   means "spanning"; alone, `over` before a duration is `more_than`
//!   (`waited over 2 years`).
//! - A financial year is reported wherever it stands as a period, also
//!   when it is another figure's period (`In 2021-22 we spent £5m` gives a
//!   financial year and money with period `in 2021-22`).
//! - `a third of` / `half of` are ratios with value 1 and total 3 / 2;
//!   `two thirds of` is 2 of 3. `Of the 154 appeals settled, 48 were
//!   allowed` is one ratio (48 of 154), from the whole to the part, when
//!   the part is a bare number after a comma or `only`.
//! - A lone `one` is a count when it counts the noun right after it (`one
//!   report`, `one child`), not as a pronoun (`one of the best`, `no one`)
//!   or in idioms (`at one point`, `one way or another`); it is a figure in
//!   a pair (`one in five`, `one of the 22 countries`), with a scale (`one
//!   billion`) and with a unit of time (`one year`).
//! - Changes need their size or both ends (gold-set guideline; SPEC is
//!   silent): `rose to 19%` and `uplifted from £2.41` are the percent and
//!   the money, not changes. A size in percentage points is always a
//!   `percentage_points` figure (`fell 3pp`, `a 5 percentage point
//!   increase` → 3, 5), never a change.
//! - A range written from high to low with a unit on the second end (`2-1.5
//!   spaces per unit`) is the range 1.5 to 2.
//! - A parliamentary session (`Session 2010-12`, `Session 1997-98`) is a
//!   name, not a financial year; `2010-12` (years that do not follow each
//!   other) is a span of years, not a financial year.
//! - A percent's `of` phrase is not read: `50% of local authorities` is a
//!   percent with unit `%`. `N times` as a multiplier (`5 times more
//!   likely`, `three times overrepresented`) is no figure; `visited 12
//!   times` is a count.
//! - The base of a rate (`per 100 offenders`, `per 100,000 residents`) is
//!   not a figure; `8.5 per 1,000 children` is a ratio.
//!
//! - Rules from the tune part of the second gold set (issue 13; the list
//!   is in `docs/figures.md`): `N more`/`N fewer`/`an extra N` against a
//!   stated base (`than …`, `compared to …`) is a change (`fewer` needs
//!   none); `N%, up from about M%` and `N, against the M planned` are
//!   changes; when a change's size is stated apart from its ends
//!   (`increase by 150% from £800m in 2023/24 to £2bn`) the ends are plain
//!   figures; `all 43 police forces` is the ratio 43 of 43; age and
//!   school-year bands (`16-19 students`, `years 9 to 11`) are not ranges;
//!   short, misprinted and tabled financial years (`FY 25/26`, `2024-5`,
//!   `19/20 | …`) are financial years with a normalised period, those in a
//!   document's name (`Annual Report and Accounts 2021-22`) are not; a
//!   table's amounts in pounds without a scale take the header's, corner
//!   cell's or title line's scale; bands labelling table rows and columns
//!   are not figures.
//! - Rules from the public pool (sixth pass, `docs/figures.md`): `by N%`
//!   takes a change verb further back across a list's commas or a
//!   bracketed aside (`reduced deaths across HIV, TB and malaria by 63 per
//!   cent`), never across a finite `is`/`was`; a dashed short year pair
//!   after `in`/`until` with nothing after it is a financial year (`until
//!   24-25.`); `from 5 minutes before to 5 minutes after` is two durations.
//!
//! # Not figures
//!
//! Never reported: calendar years (`2017`, `in 2019 schools`, but `2000
//! nurses` after a lower-case word is a count) and spans of years
//! (`2015-2020`); dates (`November 2017`, `6 December`, `31 March 2016`,
//! `December 6`, `16th September 2020`, `2019-07-22`, `22/07/19`,
//! `22.07.2019`, `from 15 to 16 May`); times (`10am`, `10:30`, `2.30
//! pm`); UINs and references (`HL5821`, `Question 184900`, `PQ 146306`,
//! `UIN 143147`, `[67391]`, `our reference 168555`, bare numbers of five
//! digits or more without a unit, lists after a label: `Questions 137946,
//! 137947 and 137948`); legislation (`Section 497A`, `Education Act 1996`,
//! `S.O. No. 22(4)`, `Article 50`); `COVID-19` and every number glued to
//! letters (`SW1A`, `824W`, `3D`, `G7`, `FY21`); list and paragraph
//! markers (`(a)`, `(1)`, `1.` and `2)` starting a line, `Notes: 1.`,
//! `paragraph 3.2`, `p.136`); telephone numbers (a number with a leading
//! zero, `+44 ...`); postcodes; numbers after a label word (`Key Stage 2`,
//! `Level 3`, `Tier 4`, `Band 5`, `Year 7`, `Phase 2`, `Table 1`, `column
//! 824`, `Vol. 656`, `top 10`, `segment four`, `Years 1-13`, `Note 13`)
//! or after a capitalised name (`Boeing 737`, `Type 45`, `Challenger 2`) or
//! an acronym (`PPG 13`, `PPS 11`), also across a bracketed aside (`Level 2
//! (GCSE) and 3`); dwelling sizes (`3 bed units`, `4+1 bed`, `1-2 bed`) and
//! bands whose second end has a glued unit (`1-10tpy`); a financial year
//! in a document name (`Pay circular 1997-98`); list markers after a stop
//! (`... nurse. 2. 1996-97 figures`) or a letter at a line's start (`b.
//! 44,000`); ordinals (`3rd`; `first inspection` and
//! `Third Report` are never read as numbers); ages (`aged 16`, `aged
//! between 0 and 17`, `5 to 16 year olds`, `16-year-olds`, `5 years old`,
//! `children under 16`, `must be 18 or over`, `the 0-25 age range`, `when
//! they turn 18`, `any 16, 17 or 18 year olds`, `of school age, 5 to
//! 16`); days listed before a month (`on 11, 18 and 19 March`); house
//! numbers (`10 Downing Street`, `70 Whitehall`, `102 Petty France`) and
//! `One` naming a programme (`One Defence`); lists of labels in words or
//! with a noun after the last (`level two and three`, `type 1 and 2
//! diabetes`); `one another`; telephone service numbers
//! (`call 999`, `via 101, 999`); school years and quarters in lower case
//! (`students in years 11 and 13`, `quarter 4`), notes (`[note 1]`);
//! ordinals in words (`the twenty first century`);
//! postcode sectors (`Manchester M1 5 |`); a table's row numbers (under an
//! empty first header cell); `one-to-one`; a year before an acronym or a
//! capitalised noun (`the 2019 IES`, `the 2025 Indices of Multiple
//! Deprivation`);
//! compound adjectives (`two-child limit`, `5-star`, `3- and 4-year-olds`);
//! bracketed ordinals (`6(th) forms`);
//! number words in names (`the Five Eyes`); numbers inside URLs (`https://…`,
//! `www.…`); a currency followed by zeros (`(£000)`, a table unit).
//!
//! # How it works
//!
//! The text is tokenised once (words, numbers, symbols, URLs, with byte
//! offsets) and split into sentences once. One pass over the tokens reads
//! each number where it starts (a digit, a currency symbol, or a word that
//! passes a cheap length-and-first-letter filter for number words),
//! looking only at a few tokens around it, and classifies it (submodule
//! `scan`). A second pass pairs neighbouring quantities (`combine`), then
//! table headers are applied (`table`), and period phrases are found only
//! in sentences that have figures (`period`). No regular expression runs
//! over the text. `examples/bench_figures.rs` measures the speed; see
//! `docs/figures.md`.
//!
//! # Example
//!
//! ```
//! use wrans::figures::extract;
//! use wrans::{FigureKind, Qualifier};
//!
//! let text = "Since May 2010, 46 local authorities have left intervention, \
//!             and the number has reduced from 30 to 19. We gave over £5 billion.";
//! let figs = extract(text, "answer.text");
//! assert_eq!(figs.len(), 3);
//! assert_eq!(figs[0].text, "46 local authorities");
//! assert_eq!(figs[0].unit.as_deref(), Some("local authorities"));
//! assert_eq!(figs[0].period.as_deref(), Some("since May 2010"));
//! assert_eq!((figs[1].kind, figs[1].value), (FigureKind::Change, Some(-11.0)));
//! assert_eq!((figs[2].value, figs[2].qualifier), (Some(5e9), Some(Qualifier::MoreThan)));
//! assert_eq!(&text[figs[2].span[0]..figs[2].span[1]], "£5 billion");
//! ```

mod combine;
mod cx;
mod lexicon;
mod period;
mod scan;
mod sentence;
mod table;
mod token;

use crate::record::{Figure, FigureKind, Qualifier};
use combine::Fig;
use cx::Cx;
use scan::Atom;
use sentence::Sent;
use token::Tok;

/// Longer sentences are reported as the [`window`] around the figure.
const MAX_SENTENCE: usize = 4000;

/// How far (in tokens) a clause is searched for a period on either side
/// of a figure.
const CLAUSE_REACH: usize = 40;

/// A text longer than this is read in pieces cut at paragraph breaks
/// (see [`next_cut`]), so that the extractor's working memory (tokens,
/// sentences, candidates) is bounded by the piece, not the text. Real
/// answers are far shorter: only archives of concatenated text (`wrans
/// figures --text` on a whole file) are cut.
const PIECE: usize = 1 << 20;

/// How far past [`PIECE`] a paragraph break (then a line break) is looked
/// for before a piece is cut at a sentence end or anywhere.
const PIECE_REACH: usize = 8 * PIECE;

/// Extracts the figures of `text`; `field` names the field the spans point
/// into (`answer.text`, `letter.body`, `text`).
///
/// A text of up to 1 MiB is read whole. A longer one is read in pieces cut
/// at a blank line at or after every 1 MiB (a table's rows are consecutive
/// lines, so a header stays with its rows, and sentences never cross a
/// blank line); only a text without blank lines for 8 MiB is cut at a line
/// break, a sentence end, or, failing all, a character boundary.
pub fn extract(text: &str, field: &str) -> Vec<Figure> {
    if text.len() <= PIECE {
        return extract_piece(text, field);
    }
    let mut out = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        let base = text.len() - rest.len();
        // `next_cut` gives a character boundary of `rest` above 0.
        let (piece, after) =
            rest.split_at_checked(next_cut(rest)).unwrap_or((rest, ""));
        if piece.is_empty() {
            break;
        }
        for mut f in extract_piece(piece, field) {
            f.span = [f.span[0] + base, f.span[1] + base];
            out.push(f);
        }
        rest = after;
    }
    out
}

/// Where the next piece of `rest` ends: all of it when it is short,
/// otherwise just after the first blank line at or after [`PIECE`] bytes
/// (within [`PIECE_REACH`]), else after a line break, else after a
/// sentence's `. `, else at a character boundary. Always on a character
/// boundary, and above `PIECE - 4` for a longer `rest`.
fn next_cut(rest: &str) -> usize {
    if rest.len() <= PIECE {
        return rest.len();
    }
    let b = rest.as_bytes();
    let lim = (PIECE + PIECE_REACH).min(b.len()).min(u32::MAX as usize);
    let window = &b[PIECE..lim];
    let found = memchr::memmem::find(window, b"\n\n")
        .map(|k| k + 2)
        .or_else(|| memchr::memchr(b'\n', window).map(|k| k + 1))
        .or_else(|| memchr::memmem::find(window, b". ").map(|k| k + 2));
    let mut cut = match found {
        Some(k) => PIECE + k,
        None if lim == b.len() => return b.len(),
        None => lim,
    };
    while !rest.is_char_boundary(cut) {
        cut -= 1;
    }
    cut
}

/// [`extract`] on a text of at most `u32::MAX` bytes.
fn extract_piece(text: &str, field: &str) -> Vec<Figure> {
    let mut toks = Vec::with_capacity(text.len() / 5 + 4);
    token::tokenize(text, &mut toks);
    if toks.is_empty() {
        return Vec::new();
    }
    let sents = sentence::split(text);
    let (sid, sent_tok) = sentence_ids(&toks, &sents);
    let lower = text.to_ascii_lowercase();
    let cx = Cx { text, lower: &lower, toks: &toks, sid: &sid };
    let atoms = scan::scan(&cx);
    if atoms.is_empty() {
        return Vec::new();
    }
    let mut figs = combine::combine(&cx, &atoms);
    drop_relative_dates(&cx, &mut figs);
    drop_overlaps(&mut figs);
    table::drop_labels(&cx, &sents, &mut figs);
    table::apply(&cx, &sents, &mut figs);
    let mut tok_atom = vec![period::NONE; toks.len()];
    for (i, a) in atoms.iter().enumerate() {
        for slot in tok_atom.iter_mut().take(a.e).skip(a.s) {
            *slot = i as u32;
        }
    }
    attach_periods(&cx, &atoms, &tok_atom, &sent_tok, &mut figs);
    table::periods(&cx, &sents, &mut figs);
    let mut out = Vec::with_capacity(figs.len());
    let mut cache: Option<(u32, String)> = None;
    for f in figs {
        let (start, end) = cx.span(f.s, f.e);
        let s = sid[f.s];
        let sent = sents.get(s as usize);
        let sentence = if sent.is_some_and(|x| x.end - x.start > MAX_SENTENCE)
        {
            // A run-on "sentence" (no stops in a huge text): the part
            // around the figure.
            window(text, start, end)
        } else {
            match &cache {
                Some((cs, t)) if *cs == s => t.clone(),
                _ => {
                    let t = sentence_text(text, sent);
                    cache = Some((s, t.clone()));
                    t
                }
            }
        };
        out.push(Figure {
            kind: f.kind,
            text: text[start..end].to_string(),
            field: field.to_string(),
            span: [start, end],
            value: f.value,
            unit: f.unit,
            qualifier: f.qualifier,
            period: f.period,
            sentence,
            total: f.total,
            low: f.low,
            high: f.high,
            from: f.from,
            to: f.to,
        });
    }
    out
}

/// Drops lengths of time that date something relative to another time
/// (`a year earlier`, `two years ago`): a point in time, not a figure.
/// `ten years earlier than planned` is kept: a shift by ten years.
fn drop_relative_dates(cx: &Cx<'_>, figs: &mut Vec<Fig>) {
    figs.retain(|f| {
        let relative = f.kind == FigureKind::Duration
            && f.e > f.s
            && cx.near(f.e - 1)
            && matches!(cx.low(f.e), Some("earlier" | "ago"))
            && !(cx.near(f.e) && cx.is(f.e + 1, "than"));
        !relative
    });
}

/// The sentence index of every token, and the first token of every
/// sentence (plus one past the end).
fn sentence_ids(toks: &[Tok], sents: &[Sent]) -> (Vec<u32>, Vec<usize>) {
    let mut sid = Vec::with_capacity(toks.len());
    let mut first = vec![0usize; sents.len() + 1];
    let mut cur = 0usize;
    for (i, t) in toks.iter().enumerate() {
        while cur + 1 < sents.len() && sents[cur + 1].start <= t.start() {
            cur += 1;
            first[cur] = i;
        }
        sid.push(cur as u32);
    }
    // Sentences without tokens start where the next one does.
    let n = toks.len();
    for slot in first.iter_mut().skip(cur + 1) {
        *slot = n;
    }
    (sid, first)
}

/// The sentence a figure stands in: the sentence, or the table row
/// prefixed by its header.
fn sentence_text(text: &str, sent: Option<&Sent>) -> String {
    let Some(s) = sent else { return String::new() };
    let body = &text[s.start..s.end];
    let mut out = match s.header {
        Some((hs, he)) => {
            format!("{}: {}", strip_bars(&text[hs..he]), strip_bars(body))
        }
        None if body.contains(" | ") => strip_bars(body).to_string(),
        None => body.to_string(),
    };
    if memchr::memchr(b'\n', out.as_bytes()).is_some() {
        out = out.split_whitespace().collect::<Vec<_>>().join(" ");
    }
    out
}

/// Up to 300 bytes either side of `[start, end)`, cut at spaces, for a
/// sentence too long to report whole.
fn window(text: &str, start: usize, end: usize) -> String {
    let mut a = start.saturating_sub(300);
    while !text.is_char_boundary(a) {
        a += 1;
    }
    let mut b = (end + 300).min(text.len());
    while !text.is_char_boundary(b) {
        b -= 1;
    }
    let piece = &text[a..b];
    let lead = if a > 0 { piece.find(' ').map_or(0, |k| k + 1) } else { 0 };
    let lead = lead.min(start - a);
    let tail = if b < text.len() {
        piece.rfind(' ').unwrap_or(piece.len()).max(end - a)
    } else {
        piece.len()
    };
    piece[lead..tail].split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A table row without its outer bars: `| a | b |` → `a | b`.
fn strip_bars(row: &str) -> &str {
    let row = row.trim();
    let row = row.strip_prefix('|').unwrap_or(row);
    let row = row.strip_suffix('|').unwrap_or(row);
    row.trim()
}

/// Figures never overlap: a later figure that starts inside an earlier
/// one is dropped.
fn drop_overlaps(figs: &mut Vec<Fig>) {
    let mut end = 0;
    figs.retain(|f| {
        if f.s < end {
            return false;
        }
        end = f.e;
        true
    });
}

/// Sets each figure's period from its clause.
fn attach_periods(
    cx: &Cx<'_>,
    atoms: &[Atom],
    tok_atom: &[u32],
    sent_tok: &[usize],
    figs: &mut [Fig],
) {
    let mut phrases = Vec::new();
    let mut used = Vec::new();
    let mut i = 0;
    while i < figs.len() {
        let s = cx.sid[figs[i].s] as usize;
        let mut j = i;
        while j < figs.len() && cx.sid[figs[j].s] as usize == s {
            j += 1;
        }
        let t0 = sent_tok.get(s).copied().unwrap_or(0);
        let t1 =
            sent_tok.get(s + 1).copied().unwrap_or(cx.n()).max(figs[j - 1].e);
        period::phrases(cx, atoms, tok_atom, (t0, t1), &mut phrases);
        if !phrases.is_empty() {
            used.clear();
            used.resize(phrases.len(), false);
            for f in i..j {
                if matches!(
                    figs[f].kind,
                    FigureKind::FinancialYear | FigureKind::Duration
                ) {
                    continue;
                }
                if let Some(p) =
                    choose(cx, &figs[i..j], f - i, &phrases, t0, t1)
                {
                    let (ps, pe) = phrases[p];
                    figs[f].period = Some(period_text(cx.slice(ps, pe)));
                    used[p] = true;
                }
            }
            for fig in &mut figs[i..j] {
                if fig.kind == FigureKind::Duration
                    && fig.qualifier == Some(Qualifier::MoreThan)
                    && {
                        // The phrase starting at or before the duration.
                        let k = phrases.partition_point(|p| p.0 <= fig.s);
                        k > 0 && used[k - 1] && fig.e <= phrases[k - 1].1
                    }
                {
                    // A length of time that is also another figure's
                    // period is still reported (as financial years are);
                    // its `over` means "spanning", not "more than".
                    fig.qualifier = None;
                }
            }
        }
        i = j;
    }
}

/// The period phrase for figure `fi` of the sentence's figures `figs`.
fn choose(
    cx: &Cx<'_>,
    figs: &[Fig],
    fi: usize,
    phrases: &[(usize, usize)],
    t0: usize,
    t1: usize,
) -> Option<usize> {
    let f = &figs[fi];
    debug_assert!(t0 <= f.s && f.e <= t1);
    let (cs, ce) = clause(cx, f.s, f.e, t0, t1);
    // Whether a figure other than `f` (and other than one inside the
    // phrase: "over 5 years", "in 2021-22") stands in `[lo, hi)`.
    let blocked = |lo: usize, hi: usize, p: (usize, usize)| {
        let from = figs.partition_point(|g| g.s < lo);
        figs[from..].iter().take_while(|g| g.s < hi).enumerate().any(
            |(x, g)| {
                from + x != fi && g.e <= hi && !(p.0 <= g.s && g.e <= p.1)
            },
        )
    };
    let mut best: Option<(usize, bool, usize)> = None; // (dist, before, idx)
    let mut internal = None;
    // Phrases are in order and do not overlap: look only at the clause's.
    let first = phrases.partition_point(|p| p.0 < cs);
    let window = phrases[first..].iter().take_while(|p| p.0 < ce);
    for (x, &(ps, pe)) in window.enumerate() {
        let pi = first + x;
        if pe > ce {
            continue;
        }
        if ps >= f.s && pe <= f.e {
            internal = internal.or(Some(pi));
            continue;
        }
        let (dist, before) = if pe <= f.s {
            if blocked(pe, f.s, (ps, pe)) {
                continue;
            }
            (f.s - pe, true)
        } else if ps >= f.e {
            if blocked(f.e, ps, (ps, pe)) {
                continue;
            }
            (ps - f.e, false)
        } else {
            continue;
        };
        let better = match best {
            None => true,
            Some((d, b, _)) => dist < d || (dist == d && b && !before),
        };
        if better {
            best = Some((dist, before, pi));
        }
    }
    if let Some((_, _, pi)) = best {
        return Some(pi);
    }
    if internal.is_some() {
        return internal;
    }
    // An introductory phrase before a comma: "Since May 2010, 46 ...".
    if cs > t0 && cx.sym(cs - 1, ",") {
        let pi = phrases.partition_point(|p| p.1 < cs - 1);
        let &(ps, pe) =
            phrases.get(pi).filter(|p| p.1 == cs - 1 && p.0 >= t0)?;
        // Not when the phrase goes with a figure just before it: "From a
        // low of only two in 2017, eight ...".
        if !blocked(ps.saturating_sub(3).max(t0), ps, (ps, pe)) {
            return Some(pi);
        }
    }
    None
}

/// The clause `[cs, ce)` around tokens `[s, e)`, within the sentence
/// `[t0, t1)`: up to a comma, semicolon, colon, bracket, bar or spaced
/// dash.
fn clause(
    cx: &Cx<'_>,
    s: usize,
    e: usize,
    t0: usize,
    t1: usize,
) -> (usize, usize) {
    let sep = |k: usize| {
        matches!(cx.t(k), "," | ";" | ":" | "(" | ")" | "[" | "]" | "|")
            || ((cx.dash(k) || cx.t(k) == "—")
                && !cx.touch(k)
                && k > 0
                && !cx.touch(k - 1))
    };
    let mut cs = s;
    while cs > t0 && s - cs < CLAUSE_REACH && !sep(cs - 1) {
        cs -= 1;
    }
    let mut ce = e;
    while ce < t1 && ce - e < CLAUSE_REACH && !sep(ce) {
        ce += 1;
    }
    (cs, ce)
}

/// A period phrase as reported: its first letter lower-cased when it
/// opens with a capitalised preposition (`At the end of ...` → `at the end
/// of ...`; `May 2010` stays).
fn period_text(p: &str) -> String {
    let first = p.split(|c: char| !c.is_alphabetic()).next().unwrap_or("");
    let mut buf = [0u8; 24];
    let lower = lexicon::lower(first, &mut buf).unwrap_or("");
    let prep = matches!(
        lower,
        "in" | "at"
            | "since"
            | "by"
            | "during"
            | "over"
            | "across"
            | "throughout"
            | "this"
            | "last"
            | "next"
            | "each"
            | "every"
            | "per"
            | "as"
            | "to"
            | "so"
            | "up"
            | "from"
            | "between"
            | "until"
            | "till"
            | "before"
            | "after"
            | "on"
            | "for"
            | "ending"
            | "current"
            | "previous"
            | "annually"
    );
    if prep && first.as_bytes().first().is_some_and(u8::is_ascii_uppercase) {
        let mut s = String::with_capacity(p.len());
        s.push_str(&p[..1].to_ascii_lowercase());
        s.push_str(&p[1..]);
        s
    } else {
        p.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PARA: &str = "Spending rose from £3.2 million in 2021-22 to \
                        £4.1 million, and 46 local authorities (12%) took part.";

    #[test]
    fn a_long_text_is_read_in_pieces_with_the_same_figures() {
        let one = extract(PARA, "text");
        let kinds: Vec<FigureKind> = one.iter().map(|f| f.kind).collect();
        assert_eq!(
            kinds,
            [FigureKind::Change, FigureKind::Count, FigureKind::Percent]
        );
        // 3 MiB of paragraphs: three pieces or more, cut at blank lines.
        let n = 3 * PIECE / (PARA.len() + 2) + 1;
        let text = vec![PARA; n].join("\n\n");
        let all = extract(&text, "text");
        assert_eq!(all.len(), one.len() * n);
        for (k, f) in all.iter().enumerate() {
            let base = (k / one.len()) * (PARA.len() + 2);
            let g = &one[k % one.len()];
            assert_eq!(f.span, [g.span[0] + base, g.span[1] + base]);
            assert_eq!((f.kind, f.value, &f.text), (g.kind, g.value, &g.text));
            assert_eq!(&text[f.span[0]..f.span[1]], f.text);
        }
    }

    #[test]
    fn pieces_end_at_paragraphs_then_lines_then_sentences_then_anywhere() {
        let short = "a\n\nb";
        assert_eq!(next_cut(short), short.len());
        let para =
            format!("{}\n\n{}", "x".repeat(PIECE + 10), "y".repeat(PIECE));
        assert_eq!(next_cut(&para), PIECE + 12);
        let line =
            format!("{}\n{}", "x".repeat(PIECE + 10), "y".repeat(PIECE));
        assert_eq!(next_cut(&line), PIECE + 11);
        let sent =
            format!("{}. {}", "x".repeat(PIECE + 10), "y".repeat(PIECE));
        assert_eq!(next_cut(&sent), PIECE + 12);
        // No break at all: the whole text when it ends within reach, else
        // a cut on a character boundary.
        let run = "é".repeat(PIECE);
        assert_eq!(next_cut(&run), run.len());
        let long = "é".repeat(PIECE + PIECE_REACH);
        let cut = next_cut(&long);
        assert!(long.is_char_boundary(cut) && cut > PIECE && cut < long.len());
    }
}
