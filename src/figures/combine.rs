//! Turns atoms into figures: pairs neighbouring quantities into ratios,
//! ranges and changes, reads the change verbs and nouns around a lone
//! quantity, and the qualifier before each figure.

use super::cx::Cx;
use super::lexicon;
use super::scan::{capitals, round_dec, Atom, Skip, Suffix, What};
use crate::record::{FigureKind, Qualifier};

/// A figure before its period and sentence are known.
#[derive(Clone, Debug)]
pub(super) struct Fig {
    /// Token range of the figure's text.
    pub s: usize,
    pub e: usize,
    pub kind: FigureKind,
    pub value: Option<f64>,
    pub unit: Option<String>,
    pub qualifier: Option<Qualifier>,
    /// Set for a financial year (its normalised form).
    pub period: Option<String>,
    pub total: Option<f64>,
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub from: Option<f64>,
    pub to: Option<f64>,
}

impl Fig {
    fn new(s: usize, e: usize, kind: FigureKind) -> Fig {
        Fig {
            s,
            e,
            kind,
            value: None,
            unit: None,
            qualifier: None,
            period: None,
            total: None,
            low: None,
            high: None,
            from: None,
            to: None,
        }
    }
}

/// Qualifier phrases, longest first, as written before a figure.
const QUALIFIERS: &[(&[&str], Qualifier)] = {
    use Qualifier::*;
    &[
        (&["fewer", "than", "or", "equal", "to"], AtMost),
        (&["less", "than", "or", "equal", "to"], AtMost),
        (&["more", "than", "or", "equal", "to"], AtLeast),
        (&["greater", "than", "or", "equal", "to"], AtLeast),
        (&["in", "the", "region", "of"], Approx),
        (&["in", "the", "order", "of"], Approx),
        (&["no", "more", "than"], AtMost),
        (&["not", "more", "than"], AtMost),
        (&["no", "fewer", "than"], AtLeast),
        (&["no", "less", "than"], AtLeast),
        (&["not", "less", "than"], AtLeast),
        (&["in", "excess", "of"], MoreThan),
        (&["a", "maximum", "of"], AtMost),
        (&["a", "minimum", "of"], AtLeast),
        (&["as", "many", "as"], UpTo),
        (&["as", "much", "as"], UpTo),
        (&["slightly", "more", "than"], MoreThan),
        (&["slightly", "less", "than"], LessThan),
        (&["slightly", "fewer", "than"], LessThan),
        (&["just", "more", "than"], MoreThan),
        (&["just", "less", "than"], LessThan),
        (&["just", "fewer", "than"], LessThan),
        (&["a", "little", "over"], MoreThan),
        (&["a", "little", "under"], LessThan),
        (&["more", "than"], MoreThan),
        (&["less", "than"], LessThan),
        (&["fewer", "than"], LessThan),
        (&["at", "least"], AtLeast),
        (&["at", "most"], AtMost),
        (&["up", "to"], UpTo),
        (&["upwards", "of"], MoreThan),
        (&["upward", "of"], MoreThan),
        (&["just", "over"], MoreThan),
        (&["just", "under"], LessThan),
        (&["just", "above"], MoreThan),
        (&["just", "below"], LessThan),
        (&["well", "over"], MoreThan),
        (&["well", "above"], MoreThan),
        (&["well", "below"], LessThan),
        (&["well", "under"], LessThan),
        (&["close", "to"], Approx),
        (&["an", "estimated"], Approx),
        (&["approximately"], Approx),
        (&["approx"], Approx),
        (&["around"], Approx),
        (&["about"], Approx),
        (&["some"], Approx),
        (&["roughly"], Approx),
        (&["nearly"], Approx),
        (&["almost"], Approx),
        (&["circa"], Approx),
        (&["estimated"], Approx),
        (&["over"], MoreThan),
        (&["above"], MoreThan),
        (&["exceeding"], MoreThan),
        (&["under"], LessThan),
        (&["below"], LessThan),
    ]
};

/// The qualifier written just before token `i`, and its first token.
pub(super) fn qual_before(
    cx: &Cx<'_>,
    i: usize,
) -> Option<(Qualifier, usize)> {
    if i >= 2
        && cx.sym(i - 1, ".")
        && cx.touch(i - 2)
        && cx.near(i - 1)
        && (cx.is(i - 2, "c") || cx.is(i - 2, "ca") || cx.is(i - 2, "approx"))
    {
        return Some((Qualifier::Approx, i - 2));
    }
    // "c300,000": `c` glued to the number, standing alone on its left
    // (lower case: `C1` is a code).
    if i >= 1
        && cx.touch(i - 1)
        && cx.word(i - 1)
        && cx.t(i - 1) == "c"
        && (i < 2 || !cx.touch(i - 2))
    {
        return Some((Qualifier::Approx, i - 1));
    }
    // `<5`, `>100`, `≤2`, `≥10` (suppressed table cells, thresholds): the
    // sign touching the number, which stays the figure's text; the sign
    // itself alone or just inside a quote or bracket (`‘≤2’`).
    if i >= 1
        && cx.touch(i - 1)
        && (i < 2
            || !cx.touch(i - 2)
            || matches!(cx.t(i - 2), "‘" | "“" | "(" | "[" | "'" | "\""))
    {
        let q = match cx.t(i - 1) {
            "<" => Some(Qualifier::LessThan),
            ">" => Some(Qualifier::MoreThan),
            "≤" => Some(Qualifier::AtMost),
            "≥" => Some(Qualifier::AtLeast),
            _ => None,
        };
        // (Only a symbol token can read `<`, `>`, `≤` or `≥`.)
        if let Some(q) = q {
            return Some((q, i));
        }
    }
    // Every phrase ends in one of these words: most numbers have none.
    let last = cx.low_before(i);
    if !matches!(
        last,
        Some(
            "of" | "than"
                | "least"
                | "most"
                | "as"
                | "to"
                | "over"
                | "under"
                | "above"
                | "below"
                | "estimated"
                | "approximately"
                | "approx"
                | "around"
                | "about"
                | "some"
                | "roughly"
                | "nearly"
                | "almost"
                | "circa"
                | "exceeding"
        )
    ) {
        return None;
    }
    let mut words: [&str; 5] = [""; 5];
    let mut pos = [0usize; 5];
    let mut n = 0;
    let mut k = i;
    while n < 5 && k > 0 && cx.word(k - 1) && cx.near(k - 1) {
        k -= 1;
        words[n] = cx.t(k);
        pos[n] = k;
        n += 1;
    }
    for (pat, q) in QUALIFIERS {
        let m = pat.len();
        if m <= n
            && (0..m).all(|x| words[x].eq_ignore_ascii_case(pat[m - 1 - x]))
        {
            // "centred around four priority areas": `around` after a verb
            // of arrangement is a preposition.
            if m == 1
                && pat[0] == "around"
                && pos[0] > 0
                && cx.near(pos[0] - 1)
            {
                let verb = cx.low(pos[0] - 1);
                if verb.is_some_and(lexicon::arranged_around) {
                    return None;
                }
            }
            // "phased in over three years", "spread over two years":
            // `over` after a word of spreading (and at most one particle)
            // is "during".
            if m == 1
                && pat[0] == "over"
                && time_after(cx, i)
                && spread_before(cx, pos[0])
            {
                return None;
            }
            return Some((*q, pos[m - 1]));
        }
    }
    None
}

/// Whether the number at token `i` (a word or digits) is followed by a
/// unit of time, with at most one word between (`three years`, `two
/// financial years`): a spell of time, which `spent over` can spread
/// across, unlike an amount (`spent over £400 million` is more than it).
fn time_after(cx: &Cx<'_>, i: usize) -> bool {
    (i + 1..i + 3)
        .take_while(|&k| cx.near(k - 1))
        .any(|k| cx.low(k).and_then(lexicon::time_unit).is_some())
}

/// Whether a word of spreading ([`lexicon::spread_over`]) stands just
/// before token `o` (`over`), or before one particle that does (`phased
/// in over`, `spread out over`).
fn spread_before(cx: &Cx<'_>, o: usize) -> bool {
    let Some(w) = o.checked_sub(1).filter(|&w| cx.near(w)) else {
        return false;
    };
    if cx.low(w).is_some_and(lexicon::spread_over) {
        return true;
    }
    matches!(cx.low(w), Some("in" | "out" | "evenly" | "equally"))
        && w.checked_sub(1)
            .filter(|&v| cx.near(v))
            .and_then(|v| cx.low(v))
            .is_some_and(lexicon::spread_over)
}

/// Builds the figures from the atoms, in text order.
pub(super) fn combine(cx: &Cx<'_>, atoms: &[Atom]) -> Vec<Fig> {
    let mut figs = Vec::new();
    let mut k = 0;
    while k < atoms.len() {
        let a = &atoms[k];
        let next = match &a.what {
            What::Skip(_) => k + 1,
            // "(2026/27 - 2029/30)": a span of several years, as printed
            // with spaces round the dash (the compact `2023/24-2024/25`
            // is read as one span by the scanner): neither end is a figure.
            What::FinYear(_)
                if atoms.get(k + 1).is_some_and(|b| {
                    matches!(b.what, What::FinYear(_))
                        && b.s == a.e + 1
                        && cx.dash(a.e)
                        && cx.near(a.e - 1)
                        && cx.near(a.e)
                }) =>
            {
                k + 2
            }
            What::FinYear(norm) => {
                let mut f = Fig::new(a.s, a.e, FigureKind::FinancialYear);
                f.period = Some(norm.clone());
                figs.push(f);
                k + 1
            }
            What::Fraction { num, den } => {
                let mut f = Fig::new(a.s, a.e, FigureKind::Ratio);
                f.value = Some(*num);
                f.total = Some(*den);
                f.unit = a.noun.map(|(s, e)| cx.slice(s, e).to_string());
                f.qualifier = qual_before(cx, a.s).map(|q| q.0);
                figs.push(f);
                k + 1
            }
            What::Qty => from_to(cx, atoms, k, &mut figs)
                .or_else(|| between(cx, atoms, k, &mut figs))
                .or_else(|| range(cx, atoms, k, &mut figs))
                .or_else(|| ratio(cx, atoms, k, &mut figs))
                .or_else(|| of_the_whole(cx, atoms, k, &mut figs))
                .or_else(|| up_down_from(cx, atoms, k, &mut figs))
                .or_else(|| to_from(cx, atoms, k, &mut figs))
                .unwrap_or_else(|| {
                    single(cx, a, &mut figs);
                    k + 1
                }),
        };
        k = next.max(k + 1);
    }
    figs
}

/// Makes two quantities compatible for pairing: a currency, scale, pence
/// or suffix written on one end applies to the other (`£5–10 million`,
/// `10-15%`). `None` when they measure different things.
fn merge(a: &Atom, b: &Atom) -> Option<(Atom, Atom)> {
    let (mut a, mut b) = (a.clone(), b.clone());
    match (a.cur, b.cur) {
        (None, Some(c)) if a.suffix == Suffix::None && a.noun.is_none() => {
            a.cur = Some(c);
            if b.pence && a.scale.is_none() {
                a.pence = true;
            }
        }
        (Some(c), None) if b.suffix == Suffix::None && b.noun.is_none() => {
            b.cur = Some(c);
            b.pence = a.pence && b.scale.is_none();
        }
        (Some(x), Some(y)) if x != y => return None,
        _ => {}
    }
    if a.scale.is_none() && b.scale.is_some() && !a.pence {
        let mut t = a.clone();
        t.scale = b.scale;
        if t.value() <= b.value() {
            a = t;
        }
    }
    if a.suffix == Suffix::None && a.cur.is_none() && a.noun.is_none() {
        a.suffix = b.suffix;
    }
    if b.suffix == Suffix::None && b.cur.is_none() && b.noun.is_none() {
        b.suffix = a.suffix;
    }
    if a.kind() != b.kind() || a.suffix != b.suffix {
        return None;
    }
    Some((a, b))
}

/// The unit of a pair: the first end's, else the second's.
fn pair_unit(cx: &Cx<'_>, a: &Atom, b: &Atom) -> Option<String> {
    match (a.noun, b.noun) {
        (None, Some(_)) => b.unit(cx),
        _ => a.unit(cx).or_else(|| b.unit(cx)),
    }
}

/// The next atom, when it is a quantity.
fn next_qty(atoms: &[Atom], k: usize) -> Option<&Atom> {
    atoms.get(k + 1).filter(|b| b.qty())
}

/// Words allowed between `from X` and `to Y`: a period of the first
/// value (`from 30 in April 2017 to 19`).
fn filler(cx: &Cx<'_>, t: usize) -> bool {
    match cx.low(t) {
        Some(w) => {
            matches!(
                w,
                "in" | "at"
                    | "the"
                    | "end"
                    | "start"
                    | "beginning"
                    | "of"
                    | "during"
                    | "financial"
                    | "academic"
                    | "calendar"
                    | "school"
                    | "year"
                    | "last"
                    | "this"
                    | "previous"
                    | "early"
                    | "late"
                    | "mid"
                    | "as"
                    | "on"
                    // "from £151 a week to £196", "£4.65 per week, up
                    // from £4.25": the rate of both ends.
                    | "a"
                    | "per"
                    | "week"
                    | "month"
                    | "day"
                    | "annum"
            ) || (lexicon::month(w) && cx.cap(t))
                || lexicon::season(w)
        }
        None => cx.sym(t, ","),
    }
}

/// A token that may stand between a value and the other end of its
/// change, naming what the value counts (`88% of UK premises can now
/// access gigabit-capable broadband, up from 10%`): a word that does not
/// start a second clause or a comparison, a bracket, or a hyphen inside
/// a word.
fn naming(cx: &Cx<'_>, t: usize) -> bool {
    if cx.word(t) {
        return !matches!(
            cx.low(t),
            Some(
                "and"
                    | "or"
                    | "but"
                    | "while"
                    | "whereas"
                    | "compared"
                    | "than"
                    | "against"
                    | "versus"
                    | "up"
                    | "down"
            )
        );
    }
    cx.sym(t, "(")
        || cx.sym(t, ")")
        || (cx.dash(t) && t >= 1 && cx.touch(t - 1) && cx.touch(t))
}

/// `from 30 to 19`, `from £500 million in 2017-18 to £4.3 billion`: a
/// change with both ends.
fn from_to(
    cx: &Cx<'_>,
    atoms: &[Atom],
    k: usize,
    figs: &mut Vec<Fig>,
) -> Option<usize> {
    let a = &atoms[k];
    let (aq, astart) = qualified(cx, a.s);
    // "from a baseline of 3,778 places", "from an average of 13 bags",
    // "from the current offer of four weeks to eight weeks": a
    // determiner, one or two words and `of` between `from` and the value.
    let det = |t: usize| {
        matches!(cx.low(t), Some("a" | "an" | "the" | "its" | "their" | "our"))
    };
    let astart = [4, 5]
        .iter()
        .filter_map(|&n| astart.checked_sub(n))
        .find(|&f| {
            cx.is(f, "from")
                && det(f + 1)
                && (f + 2..astart - 1)
                    .all(|t| cx.word(t) && !cx.is(t, "of") && !cx.is(t, "to"))
                && cx.is(astart - 1, "of")
                && (f..astart).all(|t| cx.near(t))
        })
        .map_or(astart, |f| f + 1);
    if astart == 0 || !cx.is(astart - 1, "from") || !cx.near(astart - 1) {
        return None;
    }
    if astart >= 2 && (cx.is(astart - 2, "aged") || cx.is(astart - 2, "ages"))
    {
        return None;
    }
    let from_tok = astart - 1;
    let mut t = a.ne;
    let mut kk = k + 1;
    while t < a.ne + 10 && t < cx.n() && cx.same_sent(a.s, t) {
        if cx.is(t, "to") {
            break;
        }
        if let Some(x) = atoms.get(kk).filter(|x| x.s == t) {
            if matches!(
                x.what,
                What::Skip(Skip::Year | Skip::Date) | What::FinYear(_)
            ) {
                t = x.e;
                kk += 1;
                continue;
            }
            return None;
        }
        // "from 5 minutes before to 5 minutes after the event": points
        // in time around an event, not a change ("from 48 hours after
        // service of a notice to 72 hours" is one).
        if matches!(
            cx.low(t),
            Some("before" | "after" | "prior" | "earlier" | "later" | "ago")
        ) && cx.is(t + 1, "to")
        {
            return None;
        }
        // A period of the first value, or more words naming what it
        // counts ("from 13 bags found on beaches in 2013 to just 3",
        // "from 142.5 Full-Time Equivalent (FTE) in 2024-25 to 184").
        if !filler(cx, t) && !naming(cx, t) {
            return None;
        }
        t += 1;
    }
    let (b, bq) = value_after(cx, atoms, kk, t, "to")?;
    // "bands range from £1,500 to £27,000", "fees vary from £5 to £10":
    // the ends of a range, not of a change.
    let ranging = matches!(
        cx.low_before(from_tok),
        Some(
            "range"
                | "ranges"
                | "ranged"
                | "ranging"
                | "vary"
                | "varies"
                | "varied"
                | "varying"
        )
    );
    if ranging && kk == k + 1 {
        push_range(cx, a, b, from_tok, figs)?;
        return Some(kk + 1);
    }
    let (a2, b2) = merge(a, b)?;
    // "increase by 150% from £800 million in 2023/24 to £2 billion",
    // "increased from 2,382 to 2,575, which is an 8% increase": the size
    // is given on its own, so the ends are plain figures (and the years
    // between them financial years). So are the ends of "ranged from
    // £5.8 million in 1996-97 to £30.6 million", values of two years.
    if ranging || size_in_sentence(cx, atoms, figs, k, kk) {
        single(cx, a, figs);
        for x in atoms.get(k + 1..kk).unwrap_or_default() {
            if let What::FinYear(norm) = &x.what {
                let mut f = Fig::new(x.s, x.e, FigureKind::FinancialYear);
                f.period = Some(norm.clone());
                figs.push(f);
            }
        }
        single(cx, b, figs);
        return Some(kk + 1);
    }
    let q = aq.or(bq);
    figs.push(change(cx, (from_tok, b.ne.max(b.e)), &a2, &b2, q));
    Some(kk + 1)
}

/// Whether the sentence of the change `from atoms[k] to atoms[kk]` states
/// the change's size on its own: an earlier change figure without ends or
/// a size in percentage points after `by` (`increase by 150% from …`,
/// `a 7% increase …, rising from …`), or a later quantity before a change
/// noun or after `by` (`…, which is an 8% increase`, `(…), a 144 percent
/// rise`).
fn size_in_sentence(
    cx: &Cx<'_>,
    atoms: &[Atom],
    figs: &[Fig],
    k: usize,
    kk: usize,
) -> bool {
    let a = &atoms[k];
    // The size is the change's own: among the last two figures, with no
    // `and`, `but` or semicolon between it and the ends (not "rise by
    // 750,000 … and spending will rise from £23bn to £31bn").
    let before =
        figs.iter().rev().take(2).take_while(|f| cx.same_sent(f.s, a.s)).any(
            |f| {
                let size = (f.kind == FigureKind::Change && f.from.is_none())
                    || (f.kind == FigureKind::PercentagePoints
                        && f.s >= 1
                        && cx.is(f.s - 1, "by"));
                size && (f.e..a.s).all(|t| {
                    !(cx.is(t, "and") || cx.is(t, "but") || cx.sym(t, ";"))
                })
            },
        );
    if before {
        return true;
    }
    atoms
        .get(kk + 1..)
        .unwrap_or_default()
        .iter()
        .take_while(|x| {
            let b_end = atoms[kk].ne.max(atoms[kk].e);
            cx.same_sent(a.s, x.s) && x.s <= b_end + 8
        })
        .filter(|x| x.qty() && x.suffix == Suffix::Percent)
        .any(|x| {
            let e = x.ne.max(x.e);
            cx.low(e).and_then(lexicon::change_noun).is_some()
                || (x.s >= 1 && cx.is(x.s - 1, "by"))
        })
}

/// `between 10 and 20`: a range.
fn between(
    cx: &Cx<'_>,
    atoms: &[Atom],
    k: usize,
    figs: &mut Vec<Fig>,
) -> Option<usize> {
    let a = &atoms[k];
    if a.s == 0 || !cx.is(a.s - 1, "between") || !cx.near(a.s - 1) {
        return None;
    }
    let b = next_qty(atoms, k)?;
    if !(cx.is(a.ne, "and")
        && b.s == a.ne + 1
        && cx.near(a.ne - 1)
        && cx.near(a.ne))
    {
        return None;
    }
    push_range(cx, a, b, a.s - 1, figs).map(|()| k + 2)
}

/// `10-15`, `£5–10 million`, `£180–260k`, `5 to 10 years`: a range.
fn range(
    cx: &Cx<'_>,
    atoms: &[Atom],
    k: usize,
    figs: &mut Vec<Fig>,
) -> Option<usize> {
    let a = &atoms[k];
    let b = next_qty(atoms, k)?;
    let c = a.e;
    if a.ne != a.e || b.s != c + 1 || !cx.near(c - 1) || !cx.near(c) {
        return None;
    }
    let dash = cx.dash(c) && (cx.touch(c - 1) == cx.touch(c));
    let to = cx.is(c, "to");
    if !(dash || to) {
        // "16 -19 students": a band naming a group, however its dash is
        // spaced.
        if cx.dash(c) && group_band(cx, a, b) {
            return Some(k + 2);
        }
        return None;
    }
    // A band naming a group, not a quantity: school years and stages
    // (`years 9 to 11`), and the age bands of education and employment
    // (`16-19 students`, `the 16 to 19 tuition fund`, `from 18-21 to
    // 18-24`). Both numbers are skipped.
    if group_band(cx, a, b) {
        return Some(k + 2);
    }
    // "increase by 20 to 34%": a bare first end sharing the second's unit
    // is a range of the size, not a size and an end value.
    let shared_unit = a.bare() && a.noun.is_none() && !b.bare();
    if to {
        let p = qual_before(cx, a.s).map_or(a.s, |q| q.1);
        if cx.is(p.wrapping_sub(1), "by") && !shared_unit {
            // "increase by £1.6 billion to £57 billion": a change.
            let (v, sign) = by_verb(cx, p)?;
            let (a2, b2) = merge(a, b)?;
            let d = a2.vdec().max(b2.vdec());
            let mut f = Fig::new(v, b.ne.max(b.e), FigureKind::Change);
            f.value = Some(sign * a2.value());
            f.to = Some(b2.value());
            f.from = Some(round_dec(b2.value() - sign * a2.value(), d));
            f.unit = pair_unit(cx, &a2, &b2);
            f.qualifier = qual_before(cx, a.s).map(|q| q.0);
            figs.push(f);
            return Some(k + 2);
        }
        if a.value() >= b.value() {
            return None;
        }
        // "rose 12% to 4,500": a change then a count, not a range.
        if (a.suffix != Suffix::None || a.cur.is_some()) && b.bare() {
            return None;
        }
        let before = p.checked_sub(1).and_then(|v| cx.low(v));
        if before.and_then(lexicon::change_verb).is_some() && !shared_unit {
            return None;
        }
    }
    // The dash of a range must not be followed by another number part.
    if cx.touch(b.e - 1) && cx.dash(b.e) && cx.num(b.e + 1) {
        return None;
    }
    // "2-1.5 spaces per unit": a band of a measure written from high to
    // low, when the second end carries the unit.
    if dash && cx.touch(c) && b.noun.is_some() {
        let (a2, b2) = merge(a, b)?;
        if a2.value() > b2.value() {
            let mut f = Fig::new(a.s, b.ne.max(b.e), FigureKind::Range);
            f.low = Some(b2.value());
            f.high = Some(a2.value());
            f.value = f.low;
            f.unit = pair_unit(cx, &a2, &b2);
            f.qualifier = qual_before(cx, a.s).map(|q| q.0);
            figs.push(f);
            return Some(k + 2);
        }
    }
    // "40-45,000 customers": the thousands written once, on the second
    // end, when the first end read in thousands is of its size.
    let thousands = a.bare()
        && a.dec == 0
        && a.scale.is_none()
        && b.scale.is_none()
        && a.raw < 1000.0
        && cx.t(a.s).len() <= 3
        && cx.t(b.s).ends_with(",000")
        && a.raw * 1000.0 <= b.raw
        && a.raw * 10_000.0 > b.raw;
    if thousands {
        let mut a2 = a.clone();
        a2.raw *= 1000.0;
        return push_range(cx, &a2, b, a.s, figs).map(|()| k + 2);
    }
    push_range(cx, a, b, a.s, figs).map(|()| k + 2)
}

/// Whether `a`–`b` (`a` to `b`) is a band naming a group: after `years`,
/// `ages`, `aged`, `stages`, `grades`, `levels`, `bands`, `tiers`; before
/// `age` (`the 0-25 age range`); or, with
/// bare whole ends and no unit of measure, one of the age bands of
/// education and employment (from 11, 14, 16 or 18 to 16, 18, 19, 21, 24
/// or 25), not after `between`.
fn group_band(cx: &Cx<'_>, a: &Atom, b: &Atom) -> bool {
    if matches!(
        cx.low_before(a.s),
        Some(
            "years"
                | "ages"
                | "aged"
                | "stages"
                | "grades"
                | "levels"
                | "bands"
                | "tiers"
        )
    ) {
        return a.bare() && b.bare();
    }
    let whole = |x: &Atom| x.bare() && x.dec == 0 && x.scale.is_none();
    // "the 0-25 age range", "the 18-24 age group".
    if whole(a)
        && whole(b)
        && b.ne == b.e
        && cx.near(b.e - 1)
        && matches!(cx.low(b.e), Some("age" | "ages"))
    {
        return true;
    }
    // "of compulsory school age, 5 to 16", "working-age people (16-64)":
    // a band set off by a comma or a bracket just after `age`.
    if whole(a) && whole(b) && after_age(cx, a.s) {
        return true;
    }
    // "families with children 0-19", "women 50-70": ages right after a
    // word for people.
    if whole(a)
        && whole(b)
        && b.noun.is_none()
        && a.raw < b.raw
        && b.raw <= 120.0
        && a.s >= 1
        && cx.near(a.s - 1)
        && matches!(
            cx.low(a.s - 1),
            Some(
                "children"
                    | "child"
                    | "pupils"
                    | "girls"
                    | "boys"
                    | "adults"
                    | "women"
                    | "men"
                    | "infants"
                    | "babies"
                    | "teenagers"
                    | "youngsters"
            )
        )
    {
        return true;
    }
    let (lo, hi) = (a.raw, b.raw);
    whole(a)
        && whole(b)
        && matches!(b.suffix, Suffix::None)
        && !(a.s >= 1 && cx.is(a.s - 1, "between"))
        && [11.0, 14.0, 16.0, 18.0].contains(&lo)
        && [16.0, 18.0, 19.0, 21.0, 24.0, 25.0].contains(&hi)
        && lo < hi
}

/// Whether token `s` follows a comma or an opening bracket that comes at
/// most three words after `age`, `ages` or `aged`, all on one line of one
/// sentence (`school age, 5`, `working-age people (16`).
fn after_age(cx: &Cx<'_>, s: usize) -> bool {
    let Some(p) = s.checked_sub(1) else { return false };
    if !(cx.sym(p, ",") || cx.sym(p, "(")) || !cx.near(p) {
        return false;
    }
    let mut k = p;
    for _ in 0..3 {
        let Some(w) = k.checked_sub(1).filter(|&w| cx.near(w)) else {
            return false;
        };
        if cx.low(w).is_some_and(lexicon::age_word) {
            return true;
        }
        if !cx.word(w) && !cx.dash(w) {
            return false;
        }
        k = w;
    }
    false
}

fn push_range(
    cx: &Cx<'_>,
    a: &Atom,
    b: &Atom,
    s: usize,
    figs: &mut Vec<Fig>,
) -> Option<()> {
    let (a2, b2) = merge(a, b)?;
    let (low, high) = (a2.value(), b2.value());
    if low > high {
        return None;
    }
    let mut f = Fig::new(s, b.ne.max(b.e), FigureKind::Range);
    f.low = Some(low);
    f.high = Some(high);
    f.value = Some(low);
    f.unit = pair_unit(cx, &a2, &b2);
    f.qualifier = qual_before(cx, s).map(|q| q.0);
    figs.push(f);
    Some(())
}

/// `146 local authorities out of a total of 151`, `19 of 42`, `one in
/// five`, `3 per 1,000`: a ratio.
fn ratio(
    cx: &Cx<'_>,
    atoms: &[Atom],
    k: usize,
    figs: &mut Vec<Fig>,
) -> Option<usize> {
    let a = &atoms[k];
    let b = next_qty(atoms, k)?;
    if a.kind() != FigureKind::Count
        || !a.bare()
        || b.cur.is_some()
        || b.scale.is_some()
        || b.suffix != Suffix::None
        || !cx.same_sent(a.s, b.s)
    {
        return None;
    }
    let t = a.ne;
    let seq = |words: &[&str]| {
        b.s == t + words.len()
            && words
                .iter()
                .enumerate()
                .all(|(x, w)| cx.is(t + x, w) && cx.near(t + x - 1))
    };
    let out_of = cx.is(t, "out") && cx.is(t + 1, "of");
    let matched = if out_of {
        seq(&["out", "of"])
            || seq(&["out", "of", "a", "total", "of"])
            || seq(&["out", "of", "the"])
            || seq(&["out", "of", "all"])
            || seq(&["out", "of", "a"])
            || seq(&["out", "of", "our"])
            || seq(&["out", "of", "an", "estimated"])
    } else if a.noun.is_none() || a.ne == a.e {
        seq(&["of"])
            || seq(&["of", "the"])
            || seq(&["of", "all"])
            || seq(&["of", "our"])
            || seq(&["of", "these"])
            || seq(&["of", "those"])
            || seq(&["of", "a", "total", "of"])
            || seq(&["in"])
            || seq(&["in", "every"])
            // "9 out 10 recipients": `of` left out.
            || seq(&["out"])
            || seq(&["per"])
    } else {
        false
    };
    if !matched {
        return None;
    }
    let per = cx.is(t, "per");
    if !per && a.value() > b.value() {
        return None;
    }
    let mut f = Fig::new(a.s, b.ne.max(b.e), FigureKind::Ratio);
    f.value = Some(a.value());
    f.total = Some(b.value());
    f.unit = pair_unit(cx, a, b);
    f.qualifier = qual_before(cx, a.s).map(|q| q.0).or(a.post_q);
    figs.push(f);
    Some(k + 2)
}

/// `Of the 154 appeals settled by May, 48 were allowed`, `of the 2,295
/// offered a place only 70 refused`: the whole after `of the`, then the
/// part (a bare number without a noun, after a comma or `only`/`just`)
/// later in the sentence, with no other quantity between.
fn of_the_whole(
    cx: &Cx<'_>,
    atoms: &[Atom],
    k: usize,
    figs: &mut Vec<Fig>,
) -> Option<usize> {
    let a = &atoms[k];
    if a.s < 2
        || !cx.is(a.s - 2, "of")
        || !cx.is(a.s - 1, "the")
        || !cx.near(a.s - 2)
        || !cx.near(a.s - 1)
        || a.kind() != FigureKind::Count
        || !a.bare()
    {
        return None;
    }
    let mut kk = k + 1;
    while atoms
        .get(kk)
        .is_some_and(|x| matches!(x.what, What::Skip(Skip::Year | Skip::Date)))
    {
        kk += 1;
    }
    let b = atoms.get(kk).filter(|b| b.qty())?;
    let lead = b.s >= 1
        && (cx.sym(b.s - 1, ",")
            || cx.is(b.s - 1, "only")
            || cx.is(b.s - 1, "just"));
    if b.s > a.ne + 16
        || !cx.same_sent(a.s, b.s)
        || !lead
        || !b.bare()
        || b.noun.is_some()
        || b.weak
        || b.value() > a.value()
    {
        return None;
    }
    // Nothing between that ends the clause's subject: no stop, semicolon,
    // colon or bracket.
    if (a.ne..b.s).any(|t| matches!(cx.t(t), ";" | ":" | "(" | ")")) {
        return None;
    }
    let mut f = Fig::new(a.s, b.e, FigureKind::Ratio);
    f.value = Some(b.value());
    f.total = Some(a.value());
    f.unit = a.unit(cx);
    f.qualifier = qual_before(cx, b.s).map(|q| q.0);
    figs.push(f);
    Some(kk + 1)
}

/// How many tokens after the new value `up from`, `down from` or
/// `against` may stand (`88% of UK premises can now access …, up from`).
const UP_FROM_REACH: usize = 30;

/// `19, down from 30`: a change, the new value first.
fn up_down_from(
    cx: &Cx<'_>,
    atoms: &[Atom],
    k: usize,
    figs: &mut Vec<Fig>,
) -> Option<usize> {
    let a = &atoms[k];
    // The new value may carry its own period: "3.5% in 2019-20, up from
    // 2.1%".
    // Cheap test first: no `up`, `down` or `against` before the clause's
    // first comma or just after it, no change (the walk below stops
    // there too).
    let cue = |t: usize| matches!(cx.low(t), Some("up" | "down" | "against"));
    let reach = (a.ne + UP_FROM_REACH).min(cx.n());
    let comma = (a.ne..reach).find(|&t| cx.sym(t, ",") || cue(t))?;
    if !cue(comma) && !cue(comma + 1) {
        return None;
    }
    let mut t = a.ne;
    let mut kk = k + 1;
    let mut named = false;
    while t < reach && !cx.sym(t, ",") && !cue(t) {
        if let Some(x) = atoms.get(kk).filter(|x| x.s == t) {
            // Years, dates and other numbers that are no figures may
            // stand between (`50% of students in years 9 to 11 knew …,
            // up from 14%`), but no other quantity.
            let band = x.qty()
                && atoms.get(kk + 1).is_some_and(|y| {
                    y.s == x.e + 1 && cx.is(x.e, "to") && group_band(cx, x, y)
                });
            if band {
                t = atoms[kk + 1].e;
                kk += 2;
                named = true;
                continue;
            }
            if !matches!(x.what, What::Skip(_) | What::FinYear(_)) {
                return None;
            }
            if matches!(x.what, What::Skip(Skip::Label | Skip::Age)) {
                named = true;
            }
            t = x.e;
            kk += 1;
        } else if filler(cx, t) || cx.is(t, "for") {
            // "£2.1 billion for the 2025/26 financial year, up from …"
            t += 1;
        } else if naming(cx, t) {
            // "88% of UK premises can now access broadband, up from 10%"
            named = true;
            t += 1;
        } else {
            return None;
        }
    }
    if cx.sym(t, ",") {
        t += 1;
    }
    let b = atoms.get(kk).filter(|b| b.qty())?;
    // "up from about 12%": a qualifier may stand before the old value.
    let bstart = qual_before(cx, b.s).map_or(b.s, |q| q.1);
    let up_down = (cx.is(t, "up") || cx.is(t, "down"))
        && cx.is(t + 1, "from")
        && bstart == t + 2;
    // "1,200, against the 1,500 planned": the plan or target is the base.
    let against = cx.is(t, "against")
        && (bstart == t + 1
            || (bstart == t + 2
                && matches!(cx.low(t + 1), Some("the" | "a" | "an"))))
        && matches!(
            cx.low(b.ne.max(b.e)),
            Some(
                "planned"
                    | "target"
                    | "targeted"
                    | "expected"
                    | "forecast"
                    | "budgeted"
                    | "projected"
            )
        );
    if !((up_down || against) && cx.same_sent(a.s, b.s)) {
        return None;
    }
    // Words between the new value and `up from` name what it counts only
    // when both are the same kind of quantity (`88% …, up from 10%`).
    if named && (a.suffix != b.suffix || a.cur != b.cur) {
        return None;
    }
    // "£10,000 and £20,000 up from £500 and £3,000 respectively": lists
    // of ends, paired by position; not read here.
    let after_b = b.ne.max(b.e);
    if cx.is(after_b, "and")
        && atoms.get(kk + 1).is_some_and(|x| x.s == after_b + 1)
    {
        return None;
    }
    let (b2, a2) = merge(b, a)?;
    let end = if against { b.ne.max(b.e) + 1 } else { b.ne.max(b.e) };
    let q = qual_before(cx, a.s).map(|q| q.0);
    figs.push(change(cx, (a.s, end), &b2, &a2, q));
    Some(kk + 1)
}

/// `has risen to 90% from 68%`, `reduced to 433 from 3,062 at the end of
/// October`: a change verb, the new value after `to` and the old one after
/// `from` (a year or date may stand between).
fn to_from(
    cx: &Cx<'_>,
    atoms: &[Atom],
    k: usize,
    figs: &mut Vec<Fig>,
) -> Option<usize> {
    let a = &atoms[k];
    // Cheap test first: no `to` just before (a qualifier may stand
    // between: `to over 90%`), no change.
    if !(a.s.saturating_sub(3)..a.s).any(|t| cx.is(t, "to")) {
        return None;
    }
    let (aq, astart) = qualified(cx, a.s);
    let to = astart.checked_sub(1)?;
    if !cx.is(to, "to") || !cx.near(to) {
        return None;
    }
    cx.low_before(to).and_then(lexicon::change_verb)?;
    let mut t = a.ne.max(a.e);
    let mut kk = k + 1;
    // A period of the new value: "to 28 in 2025/26 from 40".
    while let Some(x) = atoms.get(kk).filter(|x| x.s == t || x.s == t + 1) {
        if x.s == t + 1 && !cx.is(t, "in") {
            break;
        }
        if !matches!(
            x.what,
            What::Skip(Skip::Year | Skip::Date) | What::FinYear(_)
        ) {
            break;
        }
        t = x.e;
        kk += 1;
    }
    let (b, bq) = value_after(cx, atoms, kk, t, "from")?;
    if !cx.same_sent(a.s, b.s) {
        return None;
    }
    let (b2, a2) = merge(b, a)?;
    figs.push(change(cx, (to, b.ne.max(b.e)), &b2, &a2, aq.or(bq)));
    Some(kk + 1)
}

/// A change over tokens `s..e` from the value of `old` to that of `new`
/// (merged atoms, so that both carry the unit and scale), its size given
/// to the larger number of decimals of the two, its unit the pair's in
/// the order written ([`pair_unit`]).
fn change(
    cx: &Cx<'_>,
    (s, e): (usize, usize),
    old: &Atom,
    new: &Atom,
    q: Option<Qualifier>,
) -> Fig {
    let (from, to) = (old.value(), new.value());
    let mut f = Fig::new(s, e, FigureKind::Change);
    f.from = Some(from);
    f.to = Some(to);
    f.value = Some(round_dec(to - from, old.vdec().max(new.vdec())));
    f.unit = if old.s <= new.s {
        pair_unit(cx, old, new)
    } else {
        pair_unit(cx, new, old)
    };
    f.qualifier = q;
    f
}

/// The qualifier standing before token `i` (`more than`, `about`), and
/// where the qualified value starts: `i` when there is none.
fn qualified(cx: &Cx<'_>, i: usize) -> (Option<Qualifier>, usize) {
    match qual_before(cx, i) {
        Some((q, s)) => (Some(q), s),
        None => (None, i),
    }
}

/// Atom `kk`, when it is a quantity standing (with its qualifier, or
/// after `just`/`only`) just after the word `w` at token `t`, on the same
/// line: the `to` value of
/// `from X to Y`, the `from` value of `to Y from X`.
fn value_after<'x>(
    cx: &Cx<'_>,
    atoms: &'x [Atom],
    kk: usize,
    t: usize,
    w: &str,
) -> Option<(&'x Atom, Option<Qualifier>)> {
    if !cx.is(t, w) || !cx.near(t) {
        return None;
    }
    let b = atoms.get(kk).filter(|b| b.qty())?;
    let (bq, bstart) = qualified(cx, b.s);
    // "to just 3", "to only £2 million": a word of emphasis may stand
    // before the value.
    let emphasis = bstart == t + 2
        && cx.near(t + 1)
        && matches!(cx.low(t + 1), Some("just" | "only"));
    // "to an effective £5.62", "to a projected 1.2 million": an article
    // and a word saying how the value is known.
    let hedged = bstart == t + 3
        && cx.near(t + 1)
        && cx.near(t + 2)
        && matches!(cx.low(t + 1), Some("a" | "an"))
        && matches!(
            cx.low(t + 2),
            Some(
                "effective"
                    | "estimated"
                    | "projected"
                    | "reported"
                    | "expected"
                    | "forecast"
                    | "provisional"
                    | "record"
            )
        );
    (bstart == t + 1 || emphasis || hedged).then_some((b, bq))
}

/// `increased by`, `reducing the levy by`, `has gone up by` just before
/// token `p`: the verb's token and the sign of the change.
fn by_verb(cx: &Cx<'_>, p: usize) -> Option<(usize, f64)> {
    if p < 2 || !cx.is(p - 1, "by") || !cx.near(p - 2) || !cx.near(p - 1) {
        return None;
    }
    let mut v = p - 1;
    for n in 0..5 {
        if v == 0 || !cx.word(v - 1) || !cx.near(v - 1) {
            return None;
        }
        v -= 1;
        let Some(w) = cx.low(v) else { continue };
        if matches!(w, "up" | "down") {
            if n > 0 {
                return None;
            }
            let aux = matches!(
                cx.low_before(v),
                Some(
                    "gone"
                        | "went"
                        | "go"
                        | "goes"
                        | "going"
                        | "be"
                        | "been"
                        | "is"
                        | "are"
                        | "was"
                        | "were"
                        | "has"
                        | "have"
                        | "had"
                        | "come"
                        | "came"
                        | "comes"
                        | "coming"
                )
            );
            // `…, up by 45.7%`, `(down by 3)`: after a clause, as `up
            // from` is.
            let after_clause = v >= 1
                && (cx.sym(v - 1, ",") || cx.sym(v - 1, "("))
                && cx.near(v - 1);
            return if aux || after_clause {
                lexicon::change_verb(if cx.is(v, "up") {
                    "up"
                } else {
                    "down"
                })
                .map(|s| (v, s))
            } else {
                None
            };
        }
        if let Some(sign) = lexicon::change_verb(w) {
            return Some((v, sign));
        }
        if lexicon::stopword(w)
            && !matches!(
                w,
                "the"
                    | "a"
                    | "an"
                    | "its"
                    | "their"
                    | "our"
                    | "of"
                    | "this"
                    | "that"
                    | "these"
                    | "those"
                    | "his"
                    | "her"
                    | "your"
            )
        {
            return None;
        }
    }
    None
}

/// `an increase in X of`, `a cash increase to their core spending power
/// of`, `a reduction in the participation rate of` just before token `p`:
/// the change noun's token (or the article's before it) and its sign. What
/// changes is at most eight words, with no punctuation or number.
fn noun_in_of(cx: &Cx<'_>, p: usize) -> Option<(usize, f64)> {
    if p < 4 || !cx.is(p - 1, "of") || !cx.near(p - 2) {
        return None;
    }
    let mut t = p - 2;
    for _ in 0..9 {
        if t < 1 || !cx.word(t) || !cx.near(t - 1) {
            return None;
        }
        if matches!(cx.low(t), Some("in" | "to")) {
            let sign = cx.low(t - 1).and_then(lexicon::change_noun)?;
            return Some((t - 1, sign));
        }
        t -= 1;
    }
    None
}

/// Whether a lone `one` counts the noun after it (`one report`, `one
/// child`), unlike the pronoun (`one of`, `no one`) and idioms (`at one
/// point`, `one way or another`); `one year` is a duration.
fn one_counts(cx: &Cx<'_>, a: &Atom) -> bool {
    // `one year`, `one per cent`.
    if matches!(a.suffix, Suffix::Time(_) | Suffix::Percent | Suffix::Points) {
        return true;
    }
    // The noun right after `one` (not the unit of `one of our schools`).
    let Some((ns, ne)) = a.noun.filter(|n| n.0 == a.e) else {
        return false;
    };
    let before_ok = a.s == 0
        || !cx.near(a.s - 1)
        || !matches!(
            cx.low(a.s - 1),
            Some(
                "no" | "any"
                    | "every"
                    | "each"
                    | "the"
                    | "this"
                    | "that"
                    | "which"
                    | "at"
                    | "on"
                    | "some"
                    | "only"
                    | "just"
                    | "another"
            )
        );
    // `one way or another`, `on the other hand`; "into one place", "from
    // one area to another", "under one roof", "a one stop shop": no
    // count.
    // "keep one another informed": the pronoun, whatever follows it.
    let idiom = cx.is(ns, "another")
        || (ne == ns + 1
            && matches!(
                cx.low(ns),
                Some(
                    "way"
                        | "hand"
                        | "point"
                        | "side"
                        | "thing"
                        | "time"
                        | "off"
                        | "such"
                        | "other"
                        | "else"
                )
            ))
        || (cx.is(ns, "place")
            && a.s >= 1
            && matches!(cx.low(a.s - 1), Some("in" | "into")))
        || (cx.is(ne, "to") && cx.is(ne + 1, "another") && cx.near(ne))
        || (cx.is(ns, "roof")
            && a.s >= 1
            && matches!(cx.low(a.s - 1), Some("under" | "beneath")))
        || (cx.is(ns, "stop") && cx.is(ns + 1, "shop"));
    // "One Defence" (the name of a programme), "One Great George Street"
    // (an address): a capitalised word alone, not an acronym (`One FTE
    // post`), or a street; not `One London GP surgery`.
    let name = cx.t(a.s) == "One"
        && cx.cap(ns)
        && ((ne == ns + 1 && !capitals(cx.t(ns), 2..=usize::MAX))
            || cx.low(ne - 1).is_some_and(lexicon::street));
    before_ok && !idiom && !name
}

/// Whether the quantity is a multiplier (`5 times more likely`, `three
/// times overrepresented`), which is no kind of figure.
fn multiplier(cx: &Cx<'_>, a: &Atom) -> bool {
    let t = a.e;
    if !(a.bare() && cx.near(t - 1) && cx.is(t, "times") && cx.near(t)) {
        return false;
    }
    cx.low(t + 1).is_some_and(|w| {
        matches!(
            w,
            "more" | "less" | "fewer" | "as" | "the" | "likely" | "over"
        ) || ((w.ends_with("er") || w.ends_with("ed")) && w.len() > 4)
    })
}

/// Numbers that name a precision, a threshold or a thing already named,
/// not a quantity: `rounded to the nearest 10` (`nearest` before),
/// `scored fewer than four points` (points after a verb of scoring, or with
/// a qualifier: `more than 12 daily living points`), `the
/// distinction between the two` (a number word after `the` with no noun).
/// `p` is the first token of the qualifier before the number, if any.
fn not_a_quantity(cx: &Cx<'_>, a: &Atom, p: usize) -> bool {
    if p >= 1 && cx.near(p - 1) && cx.is(p - 1, "nearest") {
        return true;
    }
    if a.kind() == FigureKind::Count {
        if let Some((ns, _)) = a.noun {
            let ne = a.noun.map_or(ns, |n| n.1);
            let points =
                (ns..ne).any(|t| cx.is(t, "points") || cx.is(t, "point"));
            // "more than 12 daily living points", "fewer than 4 points":
            // a threshold naming a group.
            if points && qual_before(cx, a.s).is_some() {
                return true;
            }
            if points {
                let score = (p.saturating_sub(3)..p).any(|t| {
                    matches!(
                        cx.low(t),
                        Some("score" | "scored" | "scores" | "scoring")
                    )
                });
                if score {
                    return true;
                }
            }
        }
    }
    let word = cx.word(a.s) && a.e == a.s + 1;
    word && a.noun.is_none()
        && a.bare()
        && matches!(cx.low_before(a.s), Some("the" | "these" | "those"))
        && (a.e >= cx.n()
            || !cx.word(a.e)
            || cx.is(a.e, "and")
            || cx.is(a.e, "or"))
}

/// Whether a bare count is the base of a rate (`per 100 offenders`,
/// `per 100,000 population`), not a figure of its own.
fn rate_base(cx: &Cx<'_>, a: &Atom) -> bool {
    a.bare() && a.s >= 1 && cx.near(a.s - 1) && cx.is(a.s - 1, "per")
}

/// `State Pensions were uprated by 10.1%`, `increase the wage for
/// workers aged 21 and over by 9.8%`: `by` just before token `p`, and a
/// change verb earlier in the same clause (no comma, semicolon, colon or
/// other quantity between); the sign of the change.
fn far_by_verb(cx: &Cx<'_>, p: usize) -> Option<f64> {
    if p < 2 || !cx.is(p - 1, "by") || !cx.near(p - 1) {
        return None;
    }
    let mut v = p - 1;
    // Whether an `and`/`or` stands between token `v` and `by`: a comma
    // before it joins a list (`reduced deaths across HIV, TB and malaria
    // by 63 per cent`), not a clause.
    let mut list = false;
    for _ in 0..14 {
        if v == 0 || !cx.same_sent(v - 1, p) {
            return None;
        }
        v -= 1;
        if cx.sym(v, ")") {
            // A bracketed aside: `reduce its direct (scope 1, gas, fuel)
            // emissions by 23%`.
            let open = (v.saturating_sub(30)..v)
                .rev()
                .find(|&k| cx.sym(k, "(") || cx.sym(k, ")"))?;
            if !cx.sym(open, "(") || open == 0 || !cx.same_sent(open, p) {
                return None;
            }
            v = open;
            continue;
        }
        if cx.sym(v, ",") && list && v >= 1 && cx.word(v - 1) && cx.word(v + 1)
        {
            continue;
        }
        if matches!(cx.t(v), "," | ";" | ":" | "(" | ")") {
            return None;
        }
        let Some(w) = cx.low(v) else { continue };
        match w {
            "and" | "or" => list = true,
            // A finite `is`/`was` between: the `by` belongs to another
            // verb (`increase the Cadet Forces by 30% by 2030 … is backed
            // by £70 million`).
            "is" | "are" | "was" | "were" => return None,
            "up" | "down" | "gone" | "went" | "lower" => continue,
            _ => {}
        }
        if let Some(sign) = lexicon::change_verb(w) {
            return Some(sign);
        }
    }
    None
}

/// A lone quantity: a change when a change verb or noun goes with it
/// (`increased by 16`, `fell by 13%`, `an increase of 5%`, `a 13%
/// reduction`, `rose to 19`), else money, percent, points, count or
/// duration.
fn single(cx: &Cx<'_>, a: &Atom, figs: &mut Vec<Fig>) {
    if a.weak && !one_counts(cx, a) {
        return;
    }
    if multiplier(cx, a) || rate_base(cx, a) {
        return;
    }
    let (q, p) = qualified(cx, a.s);
    if not_a_quantity(cx, a, p) {
        return;
    }
    // A quantity in percentage points is always one, even as the size of
    // a change (`fell 3 percentage points`, `a 5 percentage point rise`).
    if a.suffix == Suffix::Points {
        let mut f = Fig::new(a.s, a.ne.max(a.e), FigureKind::PercentagePoints);
        f.value = Some(a.value());
        f.unit = a.unit(cx);
        f.qualifier = q.or(a.post_q);
        figs.push(f);
        return;
    }
    let qualifier = q.or(a.post_q);
    let unit = a.unit(cx);
    let value = a.value();
    let e = a.ne.max(a.e);
    let change = |s: usize, e: usize| {
        let mut f = Fig::new(s, e, FigureKind::Change);
        f.unit = unit.clone();
        f.qualifier = qualifier;
        f
    };
    // "rose 12%", "fell 3 percentage points", "is up 5%"
    if matches!(a.suffix, Suffix::Percent | Suffix::Points)
        && p >= 1
        && cx.near(p - 1)
    {
        let w = cx.low(p - 1).unwrap_or("");
        let aux = p >= 2
            && matches!(
                cx.low(p - 2),
                Some("is" | "are" | "was" | "were" | "be" | "been")
            );
        if let Some(sign) = lexicon::change_verb(w) {
            if !matches!(w, "up" | "down") || aux {
                let mut f = change(p - 1, e);
                f.value = Some(sign * value);
                figs.push(f);
                return;
            }
        }
    }
    if p >= 2 && cx.near(p - 2) && cx.near(p - 1) {
        let before = cx.low(p - 2).unwrap_or("");
        // "increased by 16", "fell significantly by 13%"
        if let Some((v, sign)) = by_verb(cx, p) {
            let mut f = change(v, e);
            f.value = Some(sign * value);
            figs.push(f);
            return;
        }
        // "an increase of 5%"
        if cx.is(p - 1, "of") {
            if let Some(sign) = lexicon::change_noun(before) {
                let mut f = change(p - 2, e);
                f.value = Some(sign * value);
                figs.push(f);
                return;
            }
        }
        // "rose to 19", "fell from 30": only one end of a change, which
        // is no change (no size, no pair): the figure itself (below).
    }
    // "an increase in Core Spending Power of up to £5.1 billion", "a
    // reduction in the participation rate of 0.1 per cent": a change noun,
    // `in`/`to` and what changes, then `of` and the size.
    if let Some((v, sign)) = noun_in_of(cx, p) {
        let mut f = change(v, e);
        f.value = Some(sign * value);
        figs.push(f);
        return;
    }
    // "… by up to £922.2 million (6.0% in cash terms)", "£5.1 billion or
    // 9.4%": the same change again, in percent.
    if a.suffix == Suffix::Percent {
        if let Some(prev) = figs.last().filter(|f| {
            f.kind == FigureKind::Change
                && f.from.is_none()
                && f.unit.as_deref() != Some("%")
                && cx.same_sent(f.s, a.s)
                && f.e < p
                && p - f.e <= 2
                && (f.e..p).all(|t| matches!(cx.t(t), "(" | "or" | ","))
        }) {
            let sign =
                if prev.value.is_some_and(|v| v < 0.0) { -1.0 } else { 1.0 };
            let mut f = change(a.s, e);
            f.value = Some(sign * value);
            figs.push(f);
            return;
        }
    }
    // "increase the wage for workers aged 21 and over by 9.8%": `by` and a
    // change verb further back in the clause.
    if matches!(a.suffix, Suffix::Percent) || a.cur.is_some() {
        if let Some(sign) = far_by_verb(cx, p) {
            let mut f = change(p - 1, e);
            f.value = Some(sign * value);
            figs.push(f);
            return;
        }
    }
    // "9 per cent fewer visitors", "£8.4 million more than", "1% lower
    // than": a percent or an amount before a comparative.
    if a.noun.is_none() && (a.suffix == Suffix::Percent || a.cur.is_some()) {
        let mut t = e;
        // "9 per cent. fewer": the old Hansard stop after `per cent`.
        if cx.sym(t, ".") {
            t += 1;
        }
        if cx.near(t - 1) && cx.same_sent(a.s, t) {
            let sign = match cx.low(t) {
                Some("more" | "higher" | "greater") => Some(1.0),
                Some("fewer" | "less" | "lower") => Some(-1.0),
                _ => None,
            };
            let likely = cx.is(t + 1, "likely");
            // "£1 billion more to help …": more with no base is the amount;
            // a percent more or higher is relative by nature ("a 30%
            // higher chance"), and so is an amount higher or greater
            // ("would be £4 billion higher without these reforms").
            let relative = matches!(cx.low(t), Some("higher" | "greater"));
            let based = |sg: f64| {
                sg < 0.0
                    || relative
                    || a.suffix == Suffix::Percent
                    || has_base(cx, a.s, t + 1)
            };
            if let Some(sign) =
                sign.filter(|&sg| !likely && cx.near(t) && based(sg))
            {
                let mut f = change(a.s, t + 1);
                f.value = Some(sign * value);
                figs.push(f);
                return;
            }
        }
    }
    // "a 13% reduction", "a £3 million real terms increase"
    if a.noun.is_none() {
        let mut t = e;
        let mut skipped = 0;
        while skipped < 3
            && cx.near(t - 1)
            && (cx.dash(t) && cx.touch(t - 1) && cx.touch(t) && skipped > 0
                || matches!(
                    cx.low(t),
                    Some(
                        "real"
                            | "terms"
                            | "cash"
                            | "annual"
                            | "overall"
                            | "net"
                            | "year"
                    )
                ))
        {
            t += 1;
            skipped += 1;
        }
        // "a 20% VAT increase", "a 5% pay rise": one word naming what
        // changes, when a change noun follows it. Not after a length of
        // time: "the one-year LHA increase" says how long it lasts.
        if skipped == 0
            && !matches!(a.suffix, Suffix::Time(_))
            && cx.near(t - 1)
            && cx.near(t)
            && cx.word(t)
            && cx.low(t + 1).and_then(lexicon::change_noun).is_some()
            && cx.low(t).is_some_and(|w| {
                !lexicon::stopword(w)
                    && lexicon::number_word(w).is_none()
                    && lexicon::change_noun(w).is_none()
                    && lexicon::change_verb(w).is_none()
            })
        {
            t += 1;
        }
        // A capitalised change noun names something: "the £27.5m Libraries
        // Improvement Fund".
        if cx.near(t - 1) && !cx.cap(t) {
            if let Some(sign) = cx.low(t).and_then(lexicon::change_noun) {
                // Only a noun used as a noun: "a 5% increase in", not "5% cut
                // off".
                let mut f = change(a.s, t + 1);
                f.value = Some(sign * value);
                figs.push(f);
                return;
            }
        }
    }
    // "all 43 police forces", "All 75 towns", "all ten of": the whole
    // named as a part of itself.
    if a.kind() == FigureKind::Count
        && a.bare()
        && q.is_none()
        && a.s >= 1
        && cx.near(a.s - 1)
        && cx.is(a.s - 1, "all")
        && value >= 2.0
    {
        let mut f = Fig::new(a.s - 1, e, FigureKind::Ratio);
        f.value = Some(value);
        f.total = Some(value);
        f.unit = unit;
        figs.push(f);
        return;
    }
    // "4,000 more officers … compared to March 2017", "440,000 fewer
    // pupils … than in the year before", "an extra £1 million in 2024/25
    // compared to 2023/24": a quantity of more or fewer against a stated
    // base is a change.
    if let Some((s, ce, sign)) = comparative(cx, a, p) {
        let mut f = change(s, ce.max(e));
        if ce > a.e {
            // The noun after `more`/`fewer` is the unit.
            f.e = ce;
            f.unit = a
                .noun
                .filter(|n| n.0 + 1 < n.1 && n.0 + 1 == ce)
                .map(|n| cx.slice(n.0 + 1, n.1).to_string())
                .or(f.unit);
        }
        f.value = Some(sign * value);
        figs.push(f);
        return;
    }
    let mut f = Fig::new(a.s, e, a.kind());
    f.value = Some(value);
    f.unit = unit;
    f.qualifier = qualifier;
    figs.push(f);
}

/// Whether the sentence of token `s` names the base of a comparison
/// within 25 tokens from token `from`: `than` (not a qualifier of a next
/// number, as in "… more than 300 schools") or `compared to/with`,
/// `relative to`, before any semicolon.
fn has_base(cx: &Cx<'_>, s: usize, from: usize) -> bool {
    let mut t = from;
    while t < from + 25 && t < cx.n() && cx.same_sent(s, t) {
        if cx.sym(t, ";") {
            return false;
        }
        let w = cx.low(t);
        if matches!(w, Some("than")) {
            let next_num = cx.num(t + 1)
                || matches!(cx.t(t + 1), "£" | "$" | "€")
                || cx.low(t + 1).and_then(lexicon::number_word).is_some();
            return !next_num;
        }
        if matches!(w, Some("compared" | "comparison" | "relative"))
            && matches!(cx.low(t + 1), Some("to" | "with"))
        {
            return true;
        }
        t += 1;
    }
    false
}

/// A count or an amount said to be more or fewer than a base: `N more` /
/// `N fewer` / `N additional` / `N extra` right after the number, or
/// `additional` / `extra` just before it (before its qualifier, which
/// starts at `p`), with `than` or `compared to/with` later in the
/// sentence. The first token of the change, the end of the comparative
/// word (the number's own end when the word is before it), and the sign.
fn comparative(
    cx: &Cx<'_>,
    a: &Atom,
    p: usize,
) -> Option<(usize, usize, f64)> {
    if !(a.kind() == FigureKind::Count || a.kind() == FigureKind::Money)
        || a.weak
        || !matches!(a.suffix, Suffix::None)
    {
        return None;
    }
    // Every form needs a base: "20,000 fewer children in poverty" alone is
    // a count, as "13,000 more officers" is (the annotation conventions).
    let (ce, word_end, sign) = match cx.low(a.e) {
        Some(w @ ("more" | "fewer" | "additional" | "extra"))
            if cx.near(a.e - 1) =>
        {
            let sign = if w == "fewer" { -1.0 } else { 1.0 };
            (a.e + 1, a.e + 1, sign)
        }
        // "£4.6 billion of additional funding … compared to 2025/26"
        Some("of")
            if cx.near(a.e - 1)
                && cx.near(a.e)
                && matches!(cx.low(a.e + 1), Some("additional" | "extra")) =>
        {
            (a.e, a.e + 2, 1.0)
        }
        _ => {
            let before = p.checked_sub(1)?;
            if !cx.near(before)
                || !(cx.is(before, "additional") || cx.is(before, "extra"))
            {
                return None;
            }
            (a.e, a.ne.max(a.e), 1.0)
        }
    };
    if !has_base(cx, a.s, word_end) {
        return None;
    }
    Some((a.s, ce, sign))
}
