//! The figure extractor: every quantity quoted in a text, with its span.
//!
//! (Full documentation below, see "What is recognised".)

mod combine;
mod cx;
mod lexicon;
mod period;
mod scan;
mod sentence;
mod table;
mod token;

use crate::record::{Figure, FigureKind};
use combine::Fig;
use cx::Cx;
use scan::Atom;
use sentence::Sent;
use token::Tok;

/// How far (in tokens) a clause is searched for a period on either side
/// of a figure.
const CLAUSE_REACH: usize = 40;

/// Extracts the figures of `text`; `field` names the field the spans point
/// into (`answer.text`, `letter.body`, `text`).
pub fn extract(text: &str, field: &str) -> Vec<Figure> {
    let mut toks = Vec::new();
    token::tokenize(text, &mut toks);
    if toks.is_empty() {
        return Vec::new();
    }
    let sents = sentence::split(text);
    let (sid, sent_tok) = sentence_ids(&toks, &sents);
    let cx = Cx { text, toks: &toks, sid: &sid };
    let atoms = scan::scan(&cx);
    if atoms.is_empty() {
        return Vec::new();
    }
    let mut figs = combine::combine(&cx, &atoms);
    drop_overlaps(&mut figs);
    table::apply(&cx, &sents, &mut figs);
    let mut tok_atom = vec![period::NONE; toks.len()];
    for (i, a) in atoms.iter().enumerate() {
        for slot in tok_atom.iter_mut().take(a.e).skip(a.s) {
            *slot = i as u32;
        }
    }
    let keep = attach_periods(&cx, &atoms, &tok_atom, &sent_tok, &mut figs);
    let mut out = Vec::with_capacity(figs.len());
    let mut cache: Option<(u32, String)> = None;
    for (f, keep) in figs.into_iter().zip(keep) {
        if !keep {
            continue;
        }
        let (start, end) = cx.span(f.s, f.e);
        let s = sid[f.s];
        let sentence = match &cache {
            Some((cs, text)) if *cs == s => text.clone(),
            _ => {
                let t = sentence_text(text, sents.get(s as usize));
                cache = Some((s, t.clone()));
                t
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

/// The sentence index of every token, and the first token of every
/// sentence (plus one past the end).
fn sentence_ids(toks: &[Tok], sents: &[Sent]) -> (Vec<u32>, Vec<usize>) {
    let mut sid = Vec::with_capacity(toks.len());
    let mut first = vec![0usize; sents.len() + 1];
    let mut cur = 0usize;
    for (i, t) in toks.iter().enumerate() {
        while cur + 1 < sents.len() && sents[cur + 1].start <= t.start {
            cur += 1;
            first[cur] = i;
        }
        sid.push(cur as u32);
    }
    // Sentences without tokens start where the next one does.
    let n = toks.len();
    for k in cur + 1..first.len() {
        first[k] = n;
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
    if out.contains('\n') {
        out = out.split_whitespace().collect::<Vec<_>>().join(" ");
    }
    out
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

/// Sets each figure's period from its clause; returns which figures to
/// keep (a duration that is a figure's period is not a figure itself).
fn attach_periods(
    cx: &Cx<'_>,
    atoms: &[Atom],
    tok_atom: &[u32],
    sent_tok: &[usize],
    figs: &mut [Fig],
) -> Vec<bool> {
    let mut keep = vec![true; figs.len()];
    let mut i = 0;
    while i < figs.len() {
        let s = cx.sid[figs[i].s] as usize;
        let mut j = i;
        while j < figs.len() && cx.sid[figs[j].s] as usize == s {
            j += 1;
        }
        let t0 = sent_tok.get(s).copied().unwrap_or(0);
        let t1 = sent_tok.get(s + 1).copied().unwrap_or(cx.n()).max(figs[j - 1].e);
        let phrases = period::phrases(cx, atoms, tok_atom, t0, t1);
        if !phrases.is_empty() {
            let mut used = vec![false; phrases.len()];
            for f in i..j {
                if matches!(
                    figs[f].kind,
                    FigureKind::FinancialYear | FigureKind::Duration
                ) {
                    continue;
                }
                if let Some(p) = choose(cx, &figs[i..j], f - i, &phrases, t0, t1)
                {
                    let (ps, pe) = phrases[p];
                    figs[f].period = Some(period_text(cx.slice(ps, pe)));
                    used[p] = true;
                }
            }
            for f in i..j {
                if figs[f].kind == FigureKind::Duration
                    && phrases.iter().zip(&used).any(|(&(ps, pe), &u)| {
                        u && ps <= figs[f].s && figs[f].e <= pe
                    })
                {
                    keep[f] = false;
                }
            }
        }
        i = j;
    }
    keep
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
        figs[from..].iter().take_while(|g| g.s < hi).enumerate().any(|(x, g)| {
            from + x != fi && g.e <= hi && !(p.0 <= g.s && g.e <= p.1)
        })
    };
    let mut best: Option<(usize, bool, usize)> = None; // (dist, before, idx)
    let mut internal = None;
    for (pi, &(ps, pe)) in phrases.iter().enumerate() {
        if ps < cs || pe > ce {
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
        let pi = phrases.iter().position(|&(ps, pe)| pe == cs - 1 && ps >= t0)?;
        let (ps, pe) = phrases[pi];
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
fn clause(cx: &Cx<'_>, s: usize, e: usize, t0: usize, t1: usize) -> (usize, usize) {
    let sep = |k: usize| {
        matches!(cx.t(k), "," | ";" | ":" | "(" | ")" | "[" | "]" | "|")
            || ((cx.dash(k) || cx.t(k) == "—") && !cx.touch(k) && k > 0 && !cx.touch(k - 1))
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
