//! The word lists the figure recognisers look words up in.
//!
//! Every lookup takes the word lower-cased by [`lower`] (ASCII only: a word
//! with other letters is in none of the lists).

/// `w` lower-cased into `buf`, when it is ASCII and at most 24 bytes long.
pub(super) fn lower<'b>(w: &'b str, buf: &'b mut [u8; 24]) -> Option<&'b str> {
    let b = w.as_bytes();
    if b.len() > buf.len() || !b.is_ascii() {
        return None;
    }
    // Most words are lower-case already: no copy.
    if !b.iter().any(u8::is_ascii_uppercase) {
        return Some(w);
    }
    let out = &mut buf[..b.len()];
    out.copy_from_slice(b);
    out.make_ascii_lowercase();
    std::str::from_utf8(out).ok()
}

/// A cheap first test for [`number_word`], the fractions, `a`/`an`, the
/// currency codes and `FY`/`US`: whether a word of this length can start
/// with this letter.
pub(super) fn may_be_number_word(w: &str) -> bool {
    w.as_bytes().first().is_some_and(|&c| may_number(c, w.len()))
}

/// [`may_be_number_word`] for a word of `len` bytes starting with the
/// byte `first`.
fn may_number(first: u8, len: usize) -> bool {
    // For each length 1..=9, the first letters (bit 0 = 'a') of the words
    // looked for.
    const fn bits(s: &[u8]) -> u32 {
        let mut m = 0;
        let mut i = 0;
        while i < s.len() {
            m |= 1 << (s[i] - b'a');
            i += 1;
        }
        m
    }
    const FIRST: [u32; 10] = [
        0,
        bits(b"a"),
        bits(b"afu"),
        bits(b"egostu"),
        bits(b"efhn"),
        bits(b"defnst"),
        bits(b"efhnst"),
        bits(b"befhmqs"),
        bits(b"efnqst"),
        bits(b"s"),
    ];
    let c = first.to_ascii_lowercase();
    len < FIRST.len()
        && c.is_ascii_lowercase()
        && FIRST[len] & (1 << (c - b'a')) != 0
}

/// Whether the scanner may start a figure at a word of `len` bytes
/// starting with the byte `first`: [`may_be_number_word`], or `decade`
/// (`the next decade`).
pub(super) fn may_lead(first: u8, len: usize) -> bool {
    may_number(first, len) || (len == 6 && first.eq_ignore_ascii_case(&b'd'))
}

/// A number word.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum NumWord {
    /// one .. nineteen
    Unit(u64),
    /// twenty .. ninety
    Tens(u64),
    /// hundred
    Hundred,
    /// thousand, million, billion, trillion: the power of ten.
    Scale(i32),
    /// dozen
    Dozen,
}

/// `one` .. `trillion`, `dozen`.
pub(super) fn number_word(w: &str) -> Option<NumWord> {
    use NumWord::*;
    Some(match w {
        "one" => Unit(1),
        "two" => Unit(2),
        "three" => Unit(3),
        "four" => Unit(4),
        "five" => Unit(5),
        "six" => Unit(6),
        "seven" => Unit(7),
        "eight" => Unit(8),
        "nine" => Unit(9),
        "ten" => Unit(10),
        "eleven" => Unit(11),
        "twelve" => Unit(12),
        "thirteen" => Unit(13),
        "fourteen" => Unit(14),
        "fifteen" => Unit(15),
        "sixteen" => Unit(16),
        "seventeen" => Unit(17),
        "eighteen" => Unit(18),
        "nineteen" => Unit(19),
        "twenty" => Tens(20),
        "thirty" => Tens(30),
        "forty" => Tens(40),
        "fifty" => Tens(50),
        "sixty" => Tens(60),
        "seventy" => Tens(70),
        "eighty" => Tens(80),
        "ninety" => Tens(90),
        "hundred" => Hundred,
        "dozen" => Dozen,
        _ => Scale(scale_word_long(w)?),
    })
}

/// `thousand`, `million`, `billion`, `trillion`: the power of ten.
pub(super) fn scale_word_long(w: &str) -> Option<i32> {
    Some(match w {
        "thousand" => 3,
        "million" => 6,
        "billion" => 9,
        "trillion" => 12,
        _ => return None,
    })
}

/// The abbreviated scales written after a number: `m`, `bn`, `k`, ...
pub(super) fn scale_word_short(w: &str) -> Option<i32> {
    Some(match w {
        "k" => 3,
        "m" | "mn" | "mil" | "mill" => 6,
        "bn" | "b" | "bln" => 9,
        "tn" | "trn" => 12,
        _ => return None,
    })
}

/// A note mark written after a number (`45*`, `492,484¹`).
pub(super) fn note_mark(c: char) -> bool {
    matches!(c, '*' | '†' | '‡' | '¹' | '²' | '³' | '⁰' | '⁴'..='⁹')
}

/// A fraction word and its denominator: `half` 2, `thirds` 3, ...
pub(super) fn fraction_word(w: &str) -> Option<u64> {
    Some(match w {
        "half" | "halves" => 2,
        "third" | "thirds" => 3,
        "quarter" | "quarters" => 4,
        "fifth" | "fifths" => 5,
        "sixth" | "sixths" => 6,
        "seventh" | "sevenths" => 7,
        "eighth" | "eighths" => 8,
        "ninth" | "ninths" => 9,
        "tenth" | "tenths" => 10,
        _ => return None,
    })
}

/// A unit of time, normalised to the plural used as `unit`.
pub(super) fn time_unit(w: &str) -> Option<(&'static str, f64)> {
    Some(match w {
        "year" | "years" | "yr" | "yrs" => ("years", 1.0),
        "month" | "months" => ("months", 1.0),
        "week" | "weeks" | "wk" | "wks" => ("weeks", 1.0),
        "day" | "days" => ("days", 1.0),
        "hour" | "hours" => ("hours", 1.0),
        "minute" | "minutes" | "mins" => ("minutes", 1.0),
        "decade" | "decades" => ("years", 10.0),
        "century" | "centuries" => ("years", 100.0),
        _ => return None,
    })
}

/// `age`, `ages`, `aged`: a word that makes the numbers near it ages
/// (`aged 16`, `school age, 5 to 16`).
pub(super) fn age_word(w: &str) -> bool {
    matches!(w, "age" | "ages" | "aged")
}

/// A word of spreading after which `over` means "during" or "across",
/// not "more than": `phased in over three years` reads `phased over`,
/// `spread over two financial years`, `paid in instalments over 10
/// years`, `averaged over 13 weeks`.
pub(super) fn spread_over(w: &str) -> bool {
    matches!(
        w,
        "spread"
            | "spreading"
            | "phased"
            | "phasing"
            | "staggered"
            | "split"
            | "spent"
            | "spend"
            | "spending"
            | "paid"
            | "repaid"
            | "repayable"
            | "instalments"
            | "installments"
            | "averaged"
            | "amortised"
            | "amortized"
            | "collected"
            | "spanning"
            | "spanned"
            | "spans"
    )
}

/// A verb of arrangement after which `around` is a preposition, not
/// "approximately": `centred around four priority areas`.
pub(super) fn arranged_around(w: &str) -> bool {
    matches!(
        w,
        "centred"
            | "centered"
            | "centres"
            | "centers"
            | "centre"
            | "center"
            | "based"
            | "built"
            | "revolves"
            | "revolve"
            | "revolving"
            | "organised"
            | "organized"
            | "structured"
            | "focused"
            | "focussed"
            | "arranged"
            | "grouped"
            | "clustered"
            | "framed"
    )
}

/// `first` .. `ninth`: the ordinal that ends `twenty first`.
pub(super) fn ordinal_unit(w: &str) -> bool {
    matches!(
        w,
        "first"
            | "second"
            | "third"
            | "fourth"
            | "fifth"
            | "sixth"
            | "seventh"
            | "eighth"
            | "ninth"
    )
}

/// A word after `Whitehall` that makes it stand for the government, not
/// the street (`20 Whitehall departments`).
pub(super) fn whitehall_body(w: &str) -> bool {
    matches!(
        w,
        "department"
            | "departments"
            | "dept"
            | "depts"
            | "body"
            | "bodies"
            | "organisations"
            | "organizations"
            | "officials"
            | "teams"
            | "civil"
    )
}

/// A word that ends the name of a street (`Stephenson Street`, `Horse
/// Guards Road`).
pub(super) fn street(w: &str) -> bool {
    matches!(
        w,
        "street"
            | "road"
            | "avenue"
            | "lane"
            | "square"
            | "place"
            | "terrace"
            | "crescent"
            | "embankment"
            | "parade"
            | "drive"
            | "gardens"
            | "mews"
            | "wharf"
            | "quay"
            | "st"
            | "rd"
    )
}

/// A month name or abbreviation (the caller checks the capital letter:
/// `may` and `march` are verbs).
pub(super) fn month(w: &str) -> bool {
    crate::text::date::is_month_word(w)
}

/// A season, as in `spring 2022`.
pub(super) fn season(w: &str) -> bool {
    matches!(w, "spring" | "summer" | "autumn" | "winter")
}

/// The label words whose numbers may follow in brackets as a list of
/// labels (`by level (1, 2 and 3)`, `occupation code (6135)`); not the
/// words whose bracketed number is a value (`the previous year (19,117)`,
/// `the figure (761)`).
pub(super) fn bracket_label(w: &str) -> bool {
    matches!(
        w,
        "level"
            | "levels"
            | "tier"
            | "tiers"
            | "band"
            | "bands"
            | "grade"
            | "grades"
            | "stage"
            | "stages"
            | "phase"
            | "wave"
            | "round"
            | "code"
            | "category"
            | "type"
            | "class"
            | "group"
            | "priority"
            | "step"
            | "option"
            | "zone"
            | "section"
            | "sections"
            | "paragraph"
            | "paragraphs"
            | "article"
            | "regulation"
            | "regulations"
            | "clause"
            | "schedule"
            | "annex"
            | "chapter"
            | "part"
            | "parts"
            | "rule"
            | "rules"
    )
}

/// Words after which a number is a name, not a quantity: `Section 497A`,
/// `Key Stage 2`, `Question 184900`, `paragraph 3.2`, `Level 3`.
pub(super) fn label(w: &str) -> bool {
    matches!(
        w,
        "section"
            | "sections"
            | "s"
            | "ss"
            | "sec"
            | "article"
            | "articles"
            | "art"
            | "schedule"
            | "schedules"
            | "sch"
            | "part"
            | "parts"
            | "clause"
            | "clauses"
            | "cl"
            | "chapter"
            | "chapters"
            | "ch"
            | "chap"
            | "regulation"
            | "regulations"
            | "reg"
            | "regs"
            | "rule"
            | "rules"
            | "paragraph"
            | "paragraphs"
            | "para"
            | "paras"
            | "subsection"
            | "table"
            | "tables"
            | "figure"
            | "fig"
            | "chart"
            | "graph"
            | "annex"
            | "annexe"
            | "appendix"
            | "page"
            | "pages"
            | "p"
            | "pp"
            | "pg"
            | "column"
            | "columns"
            | "col"
            | "cols"
            | "volume"
            | "vol"
            | "no"
            | "nos"
            | "number"
            | "question"
            | "questions"
            | "pq"
            | "pqs"
            | "uin"
            | "uins"
            | "ref"
            | "reference"
            | "references"
            | "item"
            | "line"
            | "lines"
            | "option"
            | "exception"
            | "exceptions"
            | "phase"
            | "wave"
            | "round"
            | "stage"
            | "stages"
            | "level"
            | "levels"
            | "tier"
            | "tiers"
            | "band"
            | "bands"
            | "grade"
            | "grades"
            | "year"
            | "step"
            | "priority"
            | "group"
            | "lot"
            | "route"
            | "standard"
            | "box"
            | "form"
            | "version"
            | "release"
            | "room"
            | "platform"
            | "junction"
            | "flight"
            | "session"
            | "segment"
            | "segments"
            | "series"
            | "division"
            | "amendment"
            | "amendments"
            | "motion"
            | "order"
            | "cm"
            | "cp"
            | "hc"
            | "hl"
            | "si"
            | "ward"
            | "tranche"
            | "dataset"
            | "scope"
            | "incident"
            | "action"
            | "quarter"
            | "unit"
            | "zone"
            | "module"
            | "category"
            | "cat"
            | "type"
            | "class"
            | "bill"
            | "act"
            | "directive"
            | "resolution"
            | "protocol"
            | "telephone"
            | "tel"
            | "phone"
            | "fax"
            | "mobile"
            | "id"
            | "code"
            | "postcode"
            | "deb"
            | "covid"
            | "wa"
            | "ws"
            | "wh"
            | "exercise"
            | "operation"
            | "report"
            | "recommendation"
            | "recommendations"
            | "channel"
            | "document"
            | "top"
    )
}

/// Function words and other words that end a counted noun phrase and are
/// never labels (`In 2018`, `Around 500`, `Only 3`).
pub(super) fn stopword(w: &str) -> bool {
    matches!(
        w,
        "a" | "an"
            | "the"
            | "this"
            | "that"
            | "these"
            | "those"
            | "of"
            | "in"
            | "on"
            | "at"
            | "to"
            | "for"
            | "from"
            | "by"
            | "with"
            | "without"
            | "within"
            | "into"
            | "onto"
            | "over"
            | "under"
            | "above"
            | "below"
            | "between"
            | "among"
            | "amongst"
            | "across"
            | "through"
            | "throughout"
            | "during"
            | "since"
            | "until"
            | "till"
            | "before"
            | "after"
            | "per"
            | "via"
            | "as"
            | "than"
            | "and"
            | "or"
            | "but"
            | "nor"
            | "so"
            | "yet"
            | "if"
            | "while"
            | "whilst"
            | "where"
            | "when"
            | "which"
            | "who"
            | "whom"
            | "whose"
            | "what"
            | "why"
            | "how"
            | "it"
            | "its"
            | "they"
            | "them"
            | "their"
            | "we"
            | "our"
            | "us"
            | "you"
            | "your"
            | "he"
            | "his"
            | "him"
            | "she"
            | "her"
            | "i"
            | "my"
            | "me"
            | "is"
            | "are"
            | "was"
            | "were"
            | "be"
            | "been"
            | "being"
            | "am"
            | "have"
            | "has"
            | "had"
            | "having"
            | "do"
            | "does"
            | "did"
            | "will"
            | "would"
            | "shall"
            | "should"
            | "can"
            | "could"
            | "may"
            | "might"
            | "must"
            | "not"
            | "no"
            | "also"
            | "only"
            | "just"
            | "still"
            | "already"
            | "now"
            | "then"
            | "currently"
            | "more"
            | "most"
            | "less"
            | "fewer"
            | "least"
            | "other"
            | "others"
            | "such"
            | "each"
            | "every"
            | "all"
            | "both"
            | "either"
            | "neither"
            | "some"
            | "any"
            | "many"
            | "much"
            | "few"
            | "several"
            | "own"
            | "same"
            | "further"
            | "very"
            | "too"
            | "here"
            | "there"
            | "up"
            | "down"
            | "out"
            | "off"
            | "about"
            | "around"
            | "approximately"
            | "approx"
            | "nearly"
            | "almost"
            | "roughly"
            | "circa"
            | "against"
            | "including"
            | "excluding"
            | "respectively"
            | "compared"
            | "cent"
            | "percent"
            | "total"
            | "totalling"
            | "totaling"
            | "overall"
            | "together"
            | "again"
            | "always"
            | "never"
            | "often"
            | "however"
            | "therefore"
            | "thus"
            | "although"
            | "though"
            | "because"
            | "whether"
            | "once"
            | "twice"
            | "even"
            | "ever"
            | "instead"
            | "rather"
            | "namely"
            | "like"
            | "unlike"
            | "plus"
            | "minus"
            | "times"
            | "versus"
            | "vs"
            | "v"
            | "etc"
            | "ie"
            | "eg"
            | "furthermore"
            | "moreover"
            | "previously"
            | "recently"
            | "originally"
            | "initially"
            | "subsequently"
            | "separately"
            | "similarly"
            | "additionally"
            | "finally"
            | "firstly"
            | "secondly"
            | "today"
            | "yesterday"
            | "tomorrow"
            | "last"
            | "next"
            | "first"
            | "second"
            | "third"
            | "final"
            | "latest"
            | "yes"
            | "nil"
            | "none"
            | "please"
            | "see"
            | "note"
            | "source"
            | "sources"
            | "notes"
            | "answer"
    )
}

/// Change verbs, with the sign of the change they describe: `increased`
/// (+1), `fell` (-1).
pub(super) fn change_verb(w: &str) -> Option<f64> {
    Some(match w {
        "increase" | "increased" | "increases" | "increasing" | "rise"
        | "rises" | "rose" | "risen" | "rising" | "grow" | "grew"
        | "grown" | "grows" | "growing" | "up" | "climbed" | "climb"
        | "climbs" | "jumped" | "jump" | "boosted" | "boost" | "raised"
        | "raise" | "expanded" | "expand" | "doubled" | "trebled"
        | "tripled" | "gone" | "went" | "uplifted" | "uprated"
        | "boosting" | "boosts" | "expanding" | "expands" | "uplift"
        | "uplifting" | "uprate" | "uprating" => 1.0,
        "decrease" | "decreased" | "decreases" | "decreasing" | "fall"
        | "fell" | "fallen" | "falls" | "falling" | "reduce" | "reduced"
        | "reduces" | "reducing" | "drop" | "dropped" | "drops"
        | "dropping" | "decline" | "declined" | "declines" | "declining"
        | "cut" | "cuts" | "cutting" | "down" | "shrunk" | "shrank"
        | "lowered" | "lower" | "lowering" | "lowers" | "halved"
        | "slashed" | "halve" | "halving" => -1.0,
        _ => return None,
    })
}

/// Change nouns, with the sign of the change they name: `an increase of
/// 5%`, `a 13% reduction`.
pub(super) fn change_noun(w: &str) -> Option<f64> {
    Some(match w {
        "increase" | "increases" | "rise" | "rises" | "growth" | "uplift"
        | "boost" | "gain" | "gains" | "hike" | "jump" | "improvement" => 1.0,
        "decrease" | "decreases" | "reduction" | "reductions" | "fall"
        | "falls" | "drop" | "drops" | "decline" | "declines" | "cut"
        | "cuts" | "shortfall" => -1.0,
        _ => return None,
    })
}

/// Verbs in the third person that end in `-s` like a plural but are
/// never the counted noun: `the 18,424 includes the 10,192`, `until 29-30
/// becomes the third year`, `the 5.2 million figure refers to`.
pub(super) fn verb_s(w: &str) -> bool {
    matches!(
        w,
        "includes"
            | "excludes"
            | "becomes"
            | "remains"
            | "requires"
            | "refers"
            | "relates"
            | "provides"
            | "represents"
            | "reflects"
            | "contains"
            | "comprises"
            | "consists"
            | "applies"
            | "equates"
            | "amounts"
            | "exceeds"
            | "indicates"
            | "suggests"
            | "appears"
            | "seems"
            | "goes"
            | "ensures"
            | "enables"
            | "allows"
    )
}

/// Words for people whose age a number after `under`/`over` gives:
/// `children under 16`, `those under 25`.
pub(super) fn person_word(w: &str) -> bool {
    matches!(
        w,
        "child"
            | "children"
            | "pupils"
            | "people"
            | "persons"
            | "person"
            | "those"
            | "anyone"
            | "someone"
            | "individuals"
            | "adults"
            | "students"
            | "apprentices"
            | "participants"
            | "girls"
            | "boys"
            | "women"
            | "men"
            | "learners"
            | "babies"
            | "infants"
            | "teenagers"
            | "youngsters"
            | "patients"
            | "claimants"
            | "applicants"
            | "residents"
            | "drivers"
            | "employees"
            | "workers"
            | "pensioners"
    )
}

/// Irregular plurals and mass nouns that can be counted without a plural
/// `-s`: `12 staff`, `3 million people`.
pub(super) fn plural_noun(w: &str) -> bool {
    matches!(
        w,
        "people"
            | "children"
            | "staff"
            | "police"
            | "personnel"
            | "men"
            | "women"
            | "data"
            | "media"
            | "criteria"
            | "cattle"
            | "sheep"
            | "fish"
            | "deer"
            | "livestock"
            | "aircraft"
            | "feet"
            | "teeth"
            | "geese"
            | "mice"
            | "alumni"
            | "clergy"
            | "offspring"
            | "species"
            | "series"
            | "premises"
            | "headcount"
            | "fte"
            | "ftes"
            | "workforce"
            | "poultry"
            | "salmon"
            | "trout"
            | "swine"
            | "bison"
            | "crew"
    )
}

/// Singular nouns ending in `-ly`, which are not adverbs.
pub(super) fn ly_noun(w: &str) -> bool {
    matches!(
        w,
        "family"
            | "supply"
            | "assembly"
            | "reply"
            | "anomaly"
            | "monopoly"
            | "ally"
            | "rally"
            | "italy"
            | "belly"
            | "bully"
    )
}

/// Measurement units written straight after a number (`10GW`, `5km`); the
/// unit is kept as written.
pub(super) fn measure_unit(w: &str) -> bool {
    matches!(
        w,
        "km" | "kg"
            | "mg"
            | "mph"
            | "kph"
            | "kw"
            | "mw"
            | "gw"
            | "tw"
            | "kwh"
            | "mwh"
            | "gwh"
            | "twh"
            | "ml"
            | "cm"
            | "mm"
            | "ha"
            | "ft"
            | "sqm"
            | "sqft"
            | "mt"
            | "kt"
            | "gb"
            | "tb"
            | "mb"
            | "mbps"
            | "gbps"
    )
}

/// Words after which a four-digit number is a calendar year whatever
/// follows (`in 2019 schools`, `by 2022`).
pub(super) fn year_context(w: &str) -> bool {
    matches!(
        w,
        "in" | "since"
            | "by"
            | "until"
            | "till"
            | "from"
            | "to"
            | "during"
            | "before"
            | "after"
            | "between"
            | "and"
            | "or"
            | "of"
            | "the"
            | "early"
            | "late"
            | "mid"
            | "spring"
            | "summer"
            | "autumn"
            | "winter"
            | "end"
            | "start"
            | "year"
            | "years"
            | "calendar"
            | "financial"
            | "academic"
            | "circa"
            | "at"
            | "for"
            | "as"
            | "throughout"
            | "on"
            | "within"
            | "pre"
            | "post"
            | "through"
            | "beyond"
            | "than"
            | "this"
            | "that"
            | "its"
            | "their"
            | "our"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The cheap filter lets through every word the scanner looks for.
    #[test]
    fn filter_covers_the_lists() {
        let words = [
            "a",
            "an",
            "fy",
            "us",
            "gbp",
            "eur",
            "usd",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
            "thirty",
            "forty",
            "fifty",
            "sixty",
            "seventy",
            "eighty",
            "ninety",
            "hundred",
            "thousand",
            "million",
            "billion",
            "trillion",
            "dozen",
            "half",
            "halves",
            "third",
            "thirds",
            "quarter",
            "quarters",
            "fifth",
            "fifths",
            "sixth",
            "sixths",
            "seventh",
            "sevenths",
            "eighth",
            "eighths",
            "ninth",
            "ninths",
            "tenth",
            "tenths",
        ];
        for w in words {
            assert!(may_be_number_word(w), "{w}");
            assert!(may_be_number_word(&w.to_uppercase()), "{w}");
        }
        for w in ["of", "and", "to", "is", "local", "authorities", "", "é"] {
            assert!(!may_be_number_word(w), "{w}");
        }
    }
}
