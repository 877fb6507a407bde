//! Finds the phrases of a sentence that say when (`in 2018-19`, `over 5
//! years`, `since May 2010`, `at the end of August 2020`, `this year`), and
//! gives each figure the one its clause says.
//!
//! A period phrase is one of:
//! - a preposition (`in`, `during`, `since`, `by`, `until`, `before`,
//!   `after`, `from`, `at`, `on`, `for`, `throughout`, `over`, `across`,
//!   `between`, `as at`, `as of`, `ending`), then optionally `the end of`
//!   / `the start of` / `the first half of`..., then a time: a financial
//!   year, a year, a date, a month (`March and April 2020`), a season and
//!   year (`spring 2022`), `[the] [this|last|next|current|...]
//!   [financial|academic|...] year|month|quarter...` optionally with a
//!   date (`financial year 2012-13`, `the year to March 2021`), or a
//!   duration (`over 5 years`, `the 3 years to March 2021`, `the next
//!   three years`; after `in` or `for` only with `the` or `next`/`last`:
//!   `in just 2 years` is a duration, not a period);
//! - `this year`, `last year`, `this financial year`, `each year`, `per
//!   year`, `per annum`, `annually`, `a year` (after a figure), `to date`,
//!   `so far`;
//! - a financial year on its own.
//!
//! A time can run on with `and`, `to` or a dash to a second time (`between
//!   2015 and 2020`), and with an apposition (`this financial year,
//!   2021-22`).

use super::cx::Cx;
use super::lexicon;
use super::scan::{Atom, Skip, Suffix, What};

/// No atom at this token.
pub(super) const NONE: u32 = u32::MAX;

/// The period phrases of the tokens `[s0, s1)`, as token ranges, in
/// `out` (cleared first: one buffer serves every sentence).
pub(super) fn phrases(
    cx: &Cx<'_>,
    atoms: &[Atom],
    tok_atom: &[u32],
    (s0, s1): (usize, usize),
    out: &mut Vec<(usize, usize)>,
) {
    out.clear();
    let p = Periods { cx, atoms, tok_atom, end: s1 };
    let mut k = s0;
    while k < s1 {
        match p.phrase_at(k) {
            Some(e) if e > k && e <= s1 => {
                out.push((k, e));
                k = e;
            }
            _ => k += 1,
        }
    }
}

/// A cheap first test on the words a period phrase starts with (`this`,
/// `in`, `since`, `throughout`, ...): their first letters, and at most ten
/// letters.
fn may_start(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() <= 10
        && b.first().is_some_and(|c| {
            matches!(
                c.to_ascii_lowercase(),
                b'a' | b'b'
                    | b'c'
                    | b'd'
                    | b'e'
                    | b'f'
                    | b'i'
                    | b'l'
                    | b'n'
                    | b'o'
                    | b'p'
                    | b's'
                    | b't'
                    | b'u'
                    | b'y'
            )
        })
}

struct Periods<'c, 'a> {
    cx: &'c Cx<'a>,
    atoms: &'c [Atom],
    tok_atom: &'c [u32],
    /// End of the sentence.
    end: usize,
}

impl<'a> Periods<'_, 'a> {
    /// The atom starting at token `k`.
    fn atom(&self, k: usize) -> Option<&Atom> {
        if k >= self.end {
            return None;
        }
        let i = *self.tok_atom.get(k)?;
        let a = self.atoms.get(i as usize)?;
        (a.s == k).then_some(a)
    }

    fn low(&self, k: usize) -> Option<&'a str> {
        if k >= self.end {
            return None;
        }
        self.cx.low(k)
    }

    /// Whether token `k` is the word `w` and follows `k - 1` on the line.
    fn is(&self, k: usize, w: &str) -> bool {
        k < self.end && self.cx.is(k, w) && k > 0 && self.cx.near(k - 1)
    }

    /// A period phrase starting at `k`: its end.
    fn phrase_at(&self, k: usize) -> Option<usize> {
        let cx = self.cx;
        if let Some(a) = self.atom(k) {
            if let What::FinYear(_) = a.what {
                return Some(self.run_on(self.fy_words(a.e)));
            }
            return None;
        }
        if !may_start(cx.t(k)) {
            return None;
        }
        let w = self.low(k)?;
        match w {
            "this" | "last" | "next" | "current" | "previous" => {
                self.unit_phrase(k + 1, true)
            }
            "each" | "every" | "per" => {
                let u = self.low(k + 1)?;
                (matches!(u, "year" | "annum" | "month" | "week" | "quarter")
                    && cx.near(k))
                .then_some(k + 2)
            }
            "a" => {
                // "£3 million a year"
                let after_qty = k >= 1
                    && self.tok_atom.get(k - 1).is_some_and(|&x| {
                        x != NONE
                            && self
                                .atoms
                                .get(x as usize)
                                .is_some_and(|a| a.qty() && a.e == k)
                    });
                (after_qty
                    && (self.is(k + 1, "year")
                        || self.is(k + 1, "month")
                        || self.is(k + 1, "week")))
                .then_some(k + 2)
            }
            "annually" | "yearly" => Some(k + 1),
            "to" => self.is(k + 1, "date").then_some(k + 2),
            "so" => self.is(k + 1, "far").then_some(k + 2),
            "as" => {
                if self.is(k + 1, "at") || self.is(k + 1, "of") {
                    self.time(k + 2, "as")
                } else {
                    None
                }
            }
            "in" | "during" | "since" | "by" | "until" | "till" | "before"
            | "after" | "from" | "at" | "on" | "for" | "throughout"
            | "over" | "across" | "between" | "ending" | "up" => {
                if w == "up" {
                    return if self.is(k + 1, "to") {
                        self.time(k + 2, "up")
                    } else {
                        None
                    };
                }
                if !cx.near(k) {
                    return None;
                }
                if w == "on" {
                    // "on 2 July", not "based on 2021 census data".
                    let a = self.atom(k + 1)?;
                    return matches!(a.what, What::Skip(Skip::Date))
                        .then(|| self.run_on(a.e));
                }
                self.time(k + 1, w)
            }
            _ => None,
        }
    }

    /// `[the] [rel] [financial] year ...` at `k`; `rel` says a relative
    /// word (`this`, `last`) was already read.
    fn unit_phrase(&self, k: usize, rel: bool) -> Option<usize> {
        let mut j = k;
        let fy = matches!(
            self.low(j),
            Some(
                "financial"
                    | "academic"
                    | "calendar"
                    | "school"
                    | "tax"
                    | "spending"
            )
        );
        if fy {
            j += 1;
        }
        let unit = matches!(
            self.low(j),
            Some(
                "year"
                    | "years"
                    | "quarter"
                    | "month"
                    | "months"
                    | "week"
                    | "weeks"
                    | "term"
                    | "period"
                    | "decade"
                    | "session"
                    | "parliament"
                    | "review"
            )
        );
        if !unit
            || (j > k && !self.cx.near(j - 1))
            || (!rel && !fy && !self.cx.near(j - 1))
        {
            return None;
        }
        j += 1;
        if let Some(e) = self.date(j) {
            return Some(self.run_on(e));
        }
        if (self.is(j, "to") || self.is(j, "ending") || self.is(j, "ended"))
            && self.date(j + 1).is_some()
        {
            return self.date(j + 1).map(|e| self.run_on(e));
        }
        Some(self.apposition(j))
    }

    /// A time after the preposition `prep`, starting at `k`.
    fn time(&self, k: usize, prep: &str) -> Option<usize> {
        let mut j = k;
        // "the end of", "the first half of"
        if self.is(j, "the")
            && matches!(
                self.low(j + 1),
                Some(
                    "end"
                        | "start"
                        | "beginning"
                        | "middle"
                        | "course"
                        | "close"
                )
            )
            && self.is(j + 2, "of")
        {
            j += 3;
        } else if matches!(self.low(j), Some("end" | "start" | "beginning"))
            && self.is(j + 1, "of")
        {
            j += 2;
        } else if self.is(j, "the")
            && matches!(
                self.low(j + 1),
                Some("first" | "second" | "third" | "fourth" | "last")
            )
            && (self.is(j + 2, "half") || self.is(j + 2, "quarter"))
            && self.is(j + 3, "of")
        {
            j += 4;
        }
        if let Some(e) = self.date(j) {
            return Some(self.run_on(e));
        }
        let the = self.is(j, "the");
        if the {
            j += 1;
            if let Some(a) = self.atom(j) {
                if matches!(a.what, What::FinYear(_)) {
                    return Some(self.run_on(self.fy_words(a.e)));
                }
            }
        }
        let rel = matches!(
            self.low(j),
            Some(
                "this"
                    | "last"
                    | "next"
                    | "current"
                    | "past"
                    | "previous"
                    | "coming"
                    | "following"
                    | "same"
                    | "first"
                    | "recent"
                    | "preceding"
            )
        );
        if rel {
            j += 1;
        }
        // A duration: "over 5 years", "the 3 years to March 2021".
        if let Some(a) = self.atom(j) {
            if a.qty() && matches!(a.suffix, Suffix::Time(_)) {
                let ok = the
                    || rel
                    || matches!(
                        prep,
                        "over" | "across" | "during" | "throughout"
                    );
                if !ok {
                    return None;
                }
                let e = a.e;
                if (self.is(e, "to")
                    || self.is(e, "ending")
                    || self.is(e, "ended")
                    || self.is(e, "until")
                    || self.is(e, "from"))
                    && self.date(e + 1).is_some()
                {
                    return self.date(e + 1);
                }
                return Some(e);
            }
        }
        if the
            || rel
            || matches!(
                self.low(j),
                Some("financial" | "academic" | "calendar" | "school")
            )
        {
            return self.unit_phrase(j, rel || the);
        }
        None
    }

    /// A date-like time at `k`: a financial year, year, date, month
    /// (`March and April 2020`), season and year.
    fn date(&self, k: usize) -> Option<usize> {
        if k >= self.end {
            return None;
        }
        if let Some(a) = self.atom(k) {
            return match a.what {
                What::FinYear(_) | What::Skip(Skip::Year | Skip::Date) => {
                    Some(a.e)
                }
                _ => None,
            };
        }
        let cx = self.cx;
        let w = self.low(k)?;
        if lexicon::month(w) && cx.cap(k) {
            let mut e = k + 1;
            if (self.is(e, "and")
                || self.is(e, "to")
                || (e < self.end && cx.dash(e)))
                && self.month_at(e + 1)
            {
                e += 2;
            }
            if let Some(y) = self.year_at(e) {
                e = y;
            }
            return Some(e);
        }
        if lexicon::season(w) {
            return self.year_at(k + 1);
        }
        None
    }

    /// After a financial year ending at `e`, `financial year` / `academic
    /// year` / `school year`: the end of those words.
    fn fy_words(&self, e: usize) -> usize {
        let fy = self.is(e, "financial")
            || self.is(e, "academic")
            || self.is(e, "school")
            || self.is(e, "tax");
        if fy && self.is(e + 1, "year") {
            e + 2
        } else {
            e
        }
    }

    fn month_at(&self, k: usize) -> bool {
        k < self.end
            && self.cx.cap(k)
            && self.cx.low(k).is_some_and(lexicon::month)
    }

    /// A year (or financial year) atom at `k` on the same line: its end.
    fn year_at(&self, k: usize) -> Option<usize> {
        if k == 0 || !self.cx.near(k - 1) {
            return None;
        }
        let a = self.atom(k)?;
        matches!(a.what, What::Skip(Skip::Year) | What::FinYear(_))
            .then_some(a.e)
    }

    /// Extends a time ending at `e` to a second time (`2015 to 2020`) and
    /// an apposition (`, 2021-22`).
    fn run_on(&self, e: usize) -> usize {
        let cx = self.cx;
        let mut e = e;
        if e < self.end
            && (self.is(e, "and")
                || self.is(e, "to")
                || (cx.dash(e) && cx.near(e - 1)))
            && cx.near(e)
        {
            if let Some(e2) = self.date(e + 1) {
                if self.atom(e + 1).is_some() {
                    e = e2;
                }
            }
        }
        self.apposition(e)
    }

    /// `this financial year, 2021-22`: takes in the financial year.
    fn apposition(&self, e: usize) -> usize {
        if e < self.end && self.cx.sym(e, ",") {
            if let Some(a) = self.atom(e + 1) {
                if matches!(a.what, What::FinYear(_)) {
                    return a.e;
                }
            }
        }
        e
    }
}
