//! Read-only questions about the tokens of one text, shared by the
//! recognisers: what a token says, whether two tokens touch, whether they
//! are on the same line and in the same sentence.

use super::lexicon;
use super::token::{Tok, TokKind};

/// The tokens of a text, with the sentence each token stands in.
pub(super) struct Cx<'a> {
    pub text: &'a str,
    /// `text` with ASCII letters lower-cased (the same byte offsets).
    pub lower: &'a str,
    pub toks: &'a [Tok],
    /// The sentence index of each token.
    pub sid: &'a [u32],
}

impl<'a> Cx<'a> {
    /// The number of tokens.
    pub fn n(&self) -> usize {
        self.toks.len()
    }

    /// The text of token `i` (empty when out of range).
    pub fn t(&self, i: usize) -> &'a str {
        match self.toks.get(i) {
            Some(t) => self.text.get(t.start()..t.end()).unwrap_or(""),
            None => "",
        }
    }

    /// The kind of token `i`.
    pub fn kind(&self, i: usize) -> Option<TokKind> {
        self.toks.get(i).map(|t| t.kind)
    }

    /// Whether token `i` is a number.
    pub fn num(&self, i: usize) -> bool {
        self.kind(i) == Some(TokKind::Num)
    }

    /// Whether token `i` is a word.
    pub fn word(&self, i: usize) -> bool {
        self.kind(i) == Some(TokKind::Word)
    }

    /// Whether token `i` is the symbol `c`.
    pub fn sym(&self, i: usize, c: &str) -> bool {
        self.kind(i) == Some(TokKind::Sym) && self.t(i) == c
    }

    /// Whether token `i` is one of the dashes `-`, `–`, `—`, `‑`.
    pub fn dash(&self, i: usize) -> bool {
        self.kind(i) == Some(TokKind::Sym)
            && matches!(self.t(i), "-" | "–" | "—" | "‑" | "‐")
    }

    /// Whether token `i` is the word `w` (`w` lower-case ASCII; the token
    /// in any case).
    pub fn is(&self, i: usize, w: &str) -> bool {
        debug_assert!(!w.bytes().any(|b| b.is_ascii_uppercase()));
        match self.toks.get(i) {
            Some(t)
                if t.kind == TokKind::Word
                    && t.end() - t.start() == w.len() =>
            {
                self.lower.as_bytes().get(t.start()..t.end())
                    == Some(w.as_bytes())
            }
            _ => false,
        }
    }

    /// Token `i` lower-cased, when it is an ASCII word of at most 24
    /// bytes.
    pub fn low(&self, i: usize) -> Option<&'a str> {
        // As `lexicon::lower` would give it, without a copy: the token's
        // bytes in the lower-cased text.
        let t = self.toks.get(i).filter(|t| t.kind == TokKind::Word)?;
        let w = self.lower.get(t.start()..t.end())?;
        (w.len() <= 24 && w.is_ascii()).then_some(w)
    }

    /// The word just before token `i` on its line and in its sentence,
    /// lower-cased ([`Cx::low`]): `in` for `in 2019`.
    pub fn low_before(&self, i: usize) -> Option<&'a str> {
        let p = i.checked_sub(1).filter(|&p| self.near(p))?;
        self.low(p)
    }

    /// Whether word `i` starts with an upper-case letter.
    pub fn cap(&self, i: usize) -> bool {
        self.word(i)
            && self.t(i).chars().next().is_some_and(char::is_uppercase)
    }

    /// Whether tokens `i` and `i + 1` touch (no space between them).
    pub fn touch(&self, i: usize) -> bool {
        match (self.toks.get(i), self.toks.get(i + 1)) {
            (Some(a), Some(b)) => a.end() == b.start(),
            _ => false,
        }
    }

    /// Whether token `i + 1` exists, is on the same line as token `i` and
    /// in the same sentence.
    pub fn near(&self, i: usize) -> bool {
        match (self.toks.get(i), self.sid.get(i), self.sid.get(i + 1)) {
            (Some(a), Some(s), Some(t)) => s == t && !a.line_end,
            _ => false,
        }
    }

    /// The text between tokens `i` and `i + 1`.
    pub fn gap(&self, i: usize) -> &'a str {
        match (self.toks.get(i), self.toks.get(i + 1)) {
            (Some(a), Some(b)) => {
                self.text.get(a.end()..b.start()).unwrap_or("")
            }
            _ => "",
        }
    }

    /// Whether tokens `i` and `j` (`i <= j`) are in the same sentence.
    pub fn same_sent(&self, i: usize, j: usize) -> bool {
        match (self.sid.get(i), self.sid.get(j)) {
            (Some(a), Some(b)) => a == b,
            _ => false,
        }
    }

    /// Whether token `i` starts its line (after spaces and a bullet).
    pub fn line_start(&self, i: usize) -> bool {
        let Some(t) = self.toks.get(i) else { return false };
        let before = self.text.get(..t.start()).unwrap_or("");
        for c in before.chars().rev() {
            match c {
                '\n' => return true,
                '-' | '•' | '*' | '·' => {}
                c if c.is_whitespace() => {}
                _ => return false,
            }
        }
        true
    }

    /// Whether tokens `[s, e)` are a whole table cell after the first
    /// column: after a bar, and before a bar or the line's end, with
    /// perhaps a note mark after them (`| 45*`, `| (13) |`).
    pub fn whole_cell(&self, s: usize, e: usize) -> bool {
        let Some(last) = e.checked_sub(1).filter(|&l| l >= s) else {
            return false;
        };
        let left_bar = s > 0 && self.sym(s - 1, "|") && self.near(s - 1);
        let mut j = last;
        let mark = |t: &str| {
            let mut cs = t.chars();
            cs.next().is_some_and(lexicon::note_mark) && cs.next().is_none()
        };
        if self.touch(j) && mark(self.t(j + 1)) {
            j += 1;
        }
        let right = (self.sym(j + 1, "|") && self.near(j)) || !self.near(j);
        left_bar && right
    }

    /// Whether token `i` is the first of its sentence, or follows a
    /// colon, a table cell bar or an opening bracket.
    pub fn clause_start(&self, i: usize) -> bool {
        if i == 0 || !self.same_sent(i - 1, i) || self.line_start(i) {
            return true;
        }
        matches!(self.t(i - 1), ":" | "|" | "(" | "[" | "\"" | "“" | "‘")
    }

    /// The byte range of tokens `[s, e)`.
    pub fn span(&self, s: usize, e: usize) -> (usize, usize) {
        match (
            self.toks.get(s),
            e.checked_sub(1).and_then(|l| self.toks.get(l)),
        ) {
            (Some(a), Some(b)) if e > s => (a.start(), b.end()),
            _ => (0, 0),
        }
    }

    /// The text of tokens `[s, e)`.
    pub fn slice(&self, s: usize, e: usize) -> &'a str {
        let (a, b) = self.span(s, e);
        self.text.get(a..b).unwrap_or("")
    }
}
