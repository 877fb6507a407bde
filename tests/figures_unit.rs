//! Table-driven tests of the figure extractor: one line per case, for each
//! kind, each qualifier, periods, and each class of numbers that are not
//! figures.

use wrans::figures::extract;
use wrans::{Figure, FigureKind, Qualifier};

/// The expected keys of one figure; a key left out must be `null`.
#[derive(Debug, PartialEq)]
struct Exp {
    kind: FigureKind,
    text: String,
    value: Option<f64>,
    unit: Option<String>,
    qualifier: Option<Qualifier>,
    period: Option<String>,
    total: Option<f64>,
    low: Option<f64>,
    high: Option<f64>,
    from: Option<f64>,
    to: Option<f64>,
}

impl Exp {
    fn of(f: &Figure) -> Exp {
        Exp {
            kind: f.kind,
            text: f.text.clone(),
            value: f.value,
            unit: f.unit.clone(),
            qualifier: f.qualifier,
            period: f.period.clone(),
            total: f.total,
            low: f.low,
            high: f.high,
            from: f.from,
            to: f.to,
        }
    }
}

/// Conversions so that the table can write `3e6`, `"GBP"`, `MoreThan`.
trait Opt<T> {
    fn opt(self) -> Option<T>;
}
impl Opt<f64> for f64 {
    fn opt(self) -> Option<f64> {
        Some(self)
    }
}
impl Opt<f64> for Option<f64> {
    fn opt(self) -> Option<f64> {
        self
    }
}
impl Opt<String> for &str {
    fn opt(self) -> Option<String> {
        Some(self.to_string())
    }
}
impl Opt<String> for Option<&str> {
    fn opt(self) -> Option<String> {
        self.map(str::to_string)
    }
}
impl Opt<Qualifier> for Qualifier {
    fn opt(self) -> Option<Qualifier> {
        Some(self)
    }
}

/// `figure!(name, input, Kind, "text", value, unit, key: v, ...)`: the
/// input holds exactly one figure, with these keys and every other key
/// null.
macro_rules! figure {
    ($name:ident, $input:expr, $kind:ident, $text:expr, $value:expr, $unit:expr
     $(, $key:ident : $val:expr)* $(,)?) => {
        #[test]
        fn $name() {
            #[allow(unused_imports)]
            use Qualifier::*;
            let input: &str = $input;
            let figs = extract(input, "text");
            assert_eq!(figs.len(), 1, "{input:?} gave {figs:#?}");
            #[allow(unused_mut)]
            let mut exp = Exp {
                kind: FigureKind::$kind,
                text: $text.to_string(),
                value: Opt::<f64>::opt($value),
                unit: Opt::<String>::opt($unit),
                qualifier: None,
                period: None,
                total: None,
                low: None,
                high: None,
                from: None,
                to: None,
            };
            $( exp.$key = Opt::opt($val); )*
            if exp.kind == FigureKind::FinancialYear && exp.period.is_none() {
                exp.period = Some(exp.text.replace('/', "-"));
            }
            assert_eq!(Exp::of(&figs[0]), exp, "in {input:?}");
            check_spans(input, &figs);
        }
    };
}

/// `none!(name, input)`: no figure at all.
macro_rules! none {
    ($name:ident, $input:expr) => {
        #[test]
        fn $name() {
            let input: &str = $input;
            let figs = extract(input, "text");
            assert!(figs.is_empty(), "{input:?} gave {figs:#?}");
        }
    };
}

/// `texts!(name, input, ["a", "b"])`: exactly these figure texts, in order.
macro_rules! texts {
    ($name:ident, $input:expr, [$($t:expr),* $(,)?]) => {
        #[test]
        fn $name() {
            let input: &str = $input;
            let figs = extract(input, "text");
            let got: Vec<&str> = figs.iter().map(|f| f.text.as_str()).collect();
            let want: Vec<&str> = vec![$($t),*];
            assert_eq!(got, want, "in {input:?}: {figs:#?}");
            check_spans(input, &figs);
        }
    };
}

fn check_spans(input: &str, figs: &[Figure]) {
    for f in figs {
        let [s, e] = f.span;
        assert!(input.is_char_boundary(s) && input.is_char_boundary(e));
        assert_eq!(&input[s..e], f.text);
        assert_eq!(f.field, "text");
    }
}

// --- money ---------------------------------------------------------------
figure! { money_million, "We are investing £3 million in it.", Money, "£3 million", 3e6, "GBP" }
figure! { money_billion_decimal, "It cost £3.2 billion.", Money, "£3.2 billion", 3.2e9, "GBP" }
figure! { money_m, "The £24m fund.", Money, "£24m", 24e6, "GBP" }
figure! { money_bn, "A £1.5bn deal.", Money, "£1.5bn", 1.5e9, "GBP" }
figure! { money_k, "Grants of £500k were paid.", Money, "£500k", 500e3, "GBP" }
figure! { money_plain, "The band is £325,000 for each estate.", Money, "£325,000", 325000.0, "GBP" }
figure! { money_pence_p, "It costs 45p a bag.", Money, "45p", 0.45, "GBP" }
// Only one end of a change is no change (gold README): the amount itself.
figure! { money_pence_word, "It rose to 45 pence.", Money, "45 pence", 0.45, "GBP" }
figure! { money_euro, "The EU gave €5 million.", Money, "€5 million", 5e6, "EUR" }
figure! { money_dollar, "The US gave $10m.", Money, "$10m", 10e6, "USD" }
figure! { money_us_dollar, "It pledged US$2 billion.", Money, "US$2 billion", 2e9, "USD" }
figure! { money_pounds_word, "They paid 3 million pounds.", Money, "3 million pounds", 3e6, "GBP" }
figure! { money_trillion, "Debt is £2.5 trillion.", Money, "£2.5 trillion", 2.5e12, "GBP" }
figure! { money_million_glued, "We gave £11billion of orders.", Money, "£11billion", 11e9, "GBP" }

// --- percent and percentage points ----------------------------------------
figure! { percent_sign, "Of these, 50% were judged good.", Percent, "50%", 50.0, "%" }
figure! { percent_words, "Some 51 per cent of them.", Percent, "51 per cent", 51.0, "%", qualifier: Approx }
figure! { percent_one_word, "It is 12.5 percent.", Percent, "12.5 percent", 12.5, "%" }
figure! { percent_number_word, "Only five per cent replied.", Percent, "five per cent", 5.0, "%" }
figure! { points, "This is 14 percentage points higher.", PercentagePoints, "14 percentage points", 14.0, "pp" }
figure! { points_pp, "Turnout was 3pp lower.", PercentagePoints, "3pp", 3.0, "pp" }
// Percentage points are always `percentage_points`, even as a change's size.
figure! { change_verb_points, "Turnout fell 3pp overall.", PercentagePoints, "3pp", 3.0, "pp" }
figure! { points_percent_points, "It is 2 % points lower.", PercentagePoints, "2 % points", 2.0, "pp" }

// --- counts ---------------------------------------------------------------
figure! { count_noun, "Since then 46 local authorities have left.", Count, "46 local authorities", 46.0, "local authorities" }
figure! { count_irregular, "There are 12 staff in post.", Count, "12 staff", 12.0, "staff" }
figure! { count_possessive, "We opened 3 children’s homes there.", Count, "3 children’s homes", 3.0, "children’s homes" }
figure! { count_bare, "Of those, 61 are good.", Count, "61", 61.0, None }
figure! { count_scaled, "We sent 1.3 million laptops.", Count, "1.3 million laptops", 1.3e6, "laptops" }
figure! { count_word, "We visited three schools.", Count, "three schools", 3.0, "schools" }
figure! { count_word_compound, "It has twenty-five members.", Count, "twenty-five members", 25.0, "members" }
figure! { count_word_hundred, "It took one hundred and twenty staff.", Count, "one hundred and twenty staff", 120.0, "staff" }
figure! { count_dozen, "We met a dozen charities.", Count, "a dozen charities", 12.0, "charities" }
figure! { count_word_billion, "There are one billion websites.", Count, "one billion websites", 1e9, "websites" }
figure! { count_days_of, "They delivered 5,500 days of support.", Count, "5,500 days", 5500.0, "days" }
figure! { count_year_like_with_noun, "It trained 2000 nurses.", Count, "2000 nurses", 2000.0, "nurses" }
figure! { count_partitive, "So 19 of our strongest performing local authorities help.", Count, "19", 19.0, "local authorities" }
figure! { count_proper_name, "We have 36 Skills Advisory Panels now.", Count, "36 Skills Advisory Panels", 36.0, "Skills Advisory Panels" }
figure! { count_measure, "It adds 10GW of power.", Count, "10GW", 10.0, "GW" }

// --- ratios ---------------------------------------------------------------
figure! { ratio_out_of_total, "146 local authorities out of a total of 151 have benefited.", Ratio, "146 local authorities out of a total of 151", 146.0, "local authorities", total: 151.0 }
figure! { ratio_of, "It was 19 of 42 this year.", Ratio, "19 of 42", 19.0, None, total: 42.0, period: "this year" }
figure! { ratio_of_the, "We saw 3 of the 10 schools.", Ratio, "3 of the 10 schools", 3.0, "schools", total: 10.0 }
figure! { ratio_one_in_five, "Now one in five children vape.", Ratio, "one in five children", 1.0, "children", total: 5.0 }
figure! { ratio_digits_in, "About 1 in 10 adults smoke.", Ratio, "1 in 10 adults", 1.0, "adults", total: 10.0, qualifier: Approx }
figure! { ratio_out_of, "It accepted six out of seven recommendations.", Ratio, "six out of seven recommendations", 6.0, "recommendations", total: 7.0 }
figure! { ratio_a_third, "Nearly a third of councils replied.", Ratio, "a third", 1.0, "councils", total: 3.0, qualifier: Approx }
figure! { ratio_half, "Over half of all pupils passed.", Ratio, "half", 1.0, "pupils", total: 2.0, qualifier: MoreThan }
figure! { ratio_two_thirds, "Two-thirds of the firms agreed.", Ratio, "Two-thirds", 2.0, "firms", total: 3.0 }
figure! { ratio_per, "There were 8.5 per 1,000 children.", Ratio, "8.5 per 1,000 children", 8.5, "children", total: 1000.0 }

// --- ranges ---------------------------------------------------------------
figure! { range_between, "It will take between 10 and 20 weeks.", Range, "between 10 and 20 weeks", 10.0, "weeks", low: 10.0, high: 20.0 }
figure! { range_dash, "Classes have 10-15 pupils.", Range, "10-15 pupils", 10.0, "pupils", low: 10.0, high: 15.0 }
figure! { range_money_shared_scale, "Each costs £5–10 million.", Range, "£5–10 million", 5e6, "GBP", low: 5e6, high: 10e6 }
figure! { range_money_k, "Salaries are £180–260k.", Range, "£180–260k", 180e3, "GBP", low: 180e3, high: 260e3 }
figure! { range_percent, "A rise of 10–15% is likely.", Range, "10–15%", 10.0, "%", low: 10.0, high: 15.0 }
figure! { range_percent_shared, "Margins are 10-15%.", Range, "10-15%", 10.0, "%", low: 10.0, high: 15.0 }
figure! { range_to_years, "It can take 2 to 3 years.", Range, "2 to 3 years", 2.0, "years", low: 2.0, high: 3.0 }
figure! { range_between_money, "Firms with between £6 million and £30 million of sales.", Range, "between £6 million and £30 million", 6e6, "GBP", low: 6e6, high: 30e6 }

// --- changes --------------------------------------------------------------
figure! { change_from_to, "The number has reduced from 30 to 19.", Change, "from 30 to 19", -11.0, None, from: 30.0, to: 19.0 }
figure! { change_from_to_period_inside, "It has fallen from 30 in April 2017 to 19 currently.", Change, "from 30 in April 2017 to 19", -11.0, None, from: 30.0, to: 19.0, period: "in April 2017" }
figure! { change_from_to_money, "Funding grew from £500 million in 2017-18 to £4.3 billion.", Change, "from £500 million in 2017-18 to £4.3 billion", 3.8e9, "GBP", from: 5e8, to: 4.3e9, period: "in 2017-18" }
figure! { change_from_to_percent, "It increased from 70% to 74.5% since 2018.", Change, "from 70% to 74.5%", 4.5, "%", from: 70.0, to: 74.5, period: "since 2018" }
figure! { change_increased_by, "It has increased by 16 since April 2017.", Change, "increased by 16", 16.0, None, period: "since April 2017" }
figure! { change_fell_by_percent, "Crime fell by 13% last year.", Change, "fell by 13%", -13.0, "%", period: "last year" }
figure! { change_by_qualified, "It has increased by over £3 billion.", Change, "increased by over £3 billion", 3e9, "GBP", qualifier: MoreThan }
figure! { change_by_object, "They cut the budget by £2 million.", Change, "cut the budget by £2 million", -2e6, "GBP" }
figure! { change_by_to, "This will increase by £1.6 billion to £57 billion.", Change, "increase by £1.6 billion to £57 billion", 1.6e9, "GBP", from: 55.4e9, to: 57e9 }
figure! { change_noun_of, "It delivered an increase of at least 2.5%.", Change, "increase of at least 2.5%", 2.5, "%", qualifier: AtLeast }
figure! { change_noun_after, "Russia saw a 24% reduction in revenue.", Change, "24% reduction", -24.0, "%" }
figure! { change_points_noun, "It assumed a 5 percentage point increase.", PercentagePoints, "5 percentage point", 5.0, "pp" }
figure! { change_to_only, "The rate rose to 19%.", Percent, "19%", 19.0, "%" }
figure! { change_from_only, "The fee was uplifted from £3.10 last year.", Money, "£3.10", 3.1, "GBP", period: "last year" }
figure! { change_down_from, "It is 19, down from 30.", Change, "19, down from 30", -11.0, None, from: 30.0, to: 19.0 }
figure! { change_up_by, "Poverty has gone up by 700,000 since 2010.", Change, "up by 700,000", 700000.0, None, period: "since 2010" }

// --- durations ------------------------------------------------------------
figure! { duration_within, "Failure rates will halve within 5 years.", Duration, "5 years", 5.0, "years" }
figure! { duration_in_just, "It moved to Good in just 2 years.", Duration, "2 years", 2.0, "years" }
figure! { duration_adjective, "A 3-year settlement was agreed.", Duration, "3-year", 3.0, "years" }
figure! { duration_words, "It lasts for six months.", Duration, "six months", 6.0, "months" }
figure! { duration_modifier, "Replies come within three working days.", Duration, "three working days", 3.0, "days" }
figure! { duration_days_of_event, "Deaths within 28 days of the first test.", Duration, "28 days", 28.0, "days" }
figure! { duration_over_alone, "Some waited over 2 years.", Duration, "2 years", 2.0, "years", qualifier: MoreThan }

// --- financial years ------------------------------------------------------
figure! { fy_dash, "Funding in 2021-22 is unchanged.", FinancialYear, "2021-22", None, None }
figure! { fy_slash, "The 2012/13 accounts are published.", FinancialYear, "2012/13", None, None }
figure! { fy_long, "The 1999-2000 accounts.", FinancialYear, "1999-2000", None, None, period: "1999-00" }
figure! { fy_academic, "Over the 2023/24 academic year.", FinancialYear, "2023/24", None, None }
figure! { fy_prefix, "For FY 2019-20, see the report.", FinancialYear, "FY 2019-20", None, None, period: "2019-20" }
figure! { fy_short, "It will rise during the 21/22 financial year.", FinancialYear, "21/22", None, None, period: "2021-22" }
figure! { fy_words, "In the financial year 2020 to 2021 it was paid.", FinancialYear, "2020 to 2021", None, None, period: "2020-21" }

// --- qualifiers -----------------------------------------------------------
figure! { q_more_than, "It reached more than 80 authorities.", Count, "80 authorities", 80.0, "authorities", qualifier: MoreThan }
figure! { q_over, "We gave over £5 billion.", Money, "£5 billion", 5e9, "GBP", qualifier: MoreThan }
figure! { q_in_excess_of, "Costs were in excess of £1m.", Money, "£1m", 1e6, "GBP", qualifier: MoreThan }
figure! { q_above, "Growth above 2% is rare.", Percent, "2%", 2.0, "%", qualifier: MoreThan }
figure! { q_less_than, "By then less than 10% will fail.", Percent, "10%", 10.0, "%", qualifier: LessThan }
figure! { q_under, "Budgets under £6m are exempt.", Money, "£6m", 6e6, "GBP", qualifier: LessThan }
figure! { q_fewer_than, "Fewer than 20 firms bid.", Count, "20 firms", 20.0, "firms", qualifier: LessThan }
figure! { q_below, "Inflation is below 3%.", Percent, "3%", 3.0, "%", qualifier: LessThan }
figure! { q_at_least, "It takes at least 4 weeks.", Duration, "4 weeks", 4.0, "weeks", qualifier: AtLeast }
figure! { q_at_most, "It takes at most 4 weeks.", Duration, "4 weeks", 4.0, "weeks", qualifier: AtMost }
figure! { q_no_more_than, "Pay no more than £100.", Money, "£100", 100.0, "GBP", qualifier: AtMost }
figure! { q_up_to, "It will create up to 84,000 jobs.", Count, "84,000 jobs", 84000.0, "jobs", qualifier: UpTo }
figure! { q_around, "It supports around 5,500 families.", Count, "5,500 families", 5500.0, "families", qualifier: Approx }
figure! { q_approximately, "It costs approximately £710.", Money, "£710", 710.0, "GBP", qualifier: Approx }
figure! { q_about, "About 40 people came.", Count, "40 people", 40.0, "people", qualifier: Approx }
figure! { q_some, "Some 40 people came.", Count, "40 people", 40.0, "people", qualifier: Approx }
figure! { q_roughly, "Roughly 80% are in Scotland.", Percent, "80%", 80.0, "%", qualifier: Approx }
figure! { q_nearly, "Nearly 9 million people have had it.", Count, "9 million people", 9e6, "people", qualifier: Approx }
figure! { q_almost, "Almost 500,000 have had it.", Count, "500,000", 500000.0, None, qualifier: Approx }
figure! { q_circa, "It has circa 500 places.", Count, "500 places", 500.0, "places", qualifier: Approx }
figure! { q_c_dot, "It will deliver c.500 places.", Count, "500 places", 500.0, "places", qualifier: Approx }
figure! { q_or_more, "It has two or more inadequate judgments.", Count, "two or more inadequate judgments", 2.0, "inadequate judgments", qualifier: AtLeast }
figure! { q_or_fewer, "Aim for 10% or fewer failing.", Percent, "10%", 10.0, "%", qualifier: AtMost }

// --- periods --------------------------------------------------------------
figure! { p_since_intro, "Since May 2010, 46 local authorities have left.", Count, "46 local authorities", 46.0, "local authorities", period: "since May 2010" }
figure! { p_at_the_end_of, "At the end of August 2020, 50% were good.", Percent, "50%", 50.0, "%", period: "at the end of August 2020" }
figure! { p_this_year, "An additional £410 million invested this year.", Money, "£410 million", 410e6, "GBP", period: "this year" }
figure! { p_by_year, "By 2022 less than 10% will be inadequate.", Percent, "10%", 10.0, "%", qualifier: LessThan, period: "by 2022" }
figure! { p_during_months, "During March and April 2020, we gave £3.2 billion.", Money, "£3.2 billion", 3.2e9, "GBP", period: "during March and April 2020" }
figure! { p_per_week, "That is £710 per week.", Money, "£710", 710.0, "GBP", period: "per week" }
figure! { p_to_date, "It reached 70 local authorities to date.", Count, "70 local authorities", 70.0, "local authorities", period: "to date" }
figure! { p_between_years, "We gave £5.8 billion between 2016 and 2020.", Money, "£5.8 billion", 5.8e9, "GBP", period: "between 2016 and 2020" }
figure! { p_as_of, "As of August 2023, 14,400 schools have claimed.", Count, "14,400 schools", 14400.0, "schools", period: "as of August 2023" }
figure! { p_other_clause_not_taken, "We gave £5m, and the scheme ended in 2019.", Money, "£5m", 5e6, "GBP" }

/// A table cell takes its period from a time in its row's first cell or
/// its column's header.
#[test]
fn table_cells_take_their_time_headings_as_period() {
    let by_column = "Region | 2019-20 | 2020/21 | March 2022\nNorth | 1,200 | 1,350 | 1,400";
    let figs = extract(by_column, "text");
    check_spans(by_column, &figs);
    // The header's financial years are figures too; the cells take them
    // as periods, normalised as financial years are.
    let periods: Vec<Option<&str>> = figs
        .iter()
        .filter(|f| f.kind != FigureKind::FinancialYear)
        .map(|f| f.period.as_deref())
        .collect();
    assert_eq!(
        periods,
        [Some("2019-20"), Some("2020-21"), Some("March 2022")]
    );

    let by_row =
        "Year | Staff | Cost (£)\n2018 (p) | 420 | 1,000\n2019 | 450 | 1,100";
    let figs = extract(by_row, "text");
    check_spans(by_row, &figs);
    let got: Vec<(&str, Option<&str>)> =
        figs.iter().map(|f| (f.text.as_str(), f.period.as_deref())).collect();
    assert_eq!(
        got,
        [
            ("420", Some("2018")),
            ("1,000", Some("2018")),
            ("450", Some("2019")),
            ("1,100", Some("2019"))
        ]
    );

    // A header that is not a time gives no period.
    let plain = "Region | North | South\nStaff | 1,200 | 1,350";
    assert!(extract(plain, "text").iter().all(|f| f.period.is_none()));
}

/// A length of time that is another figure's period is reported too (as a
/// financial year is), without the `over` read as `more_than`.
#[test]
fn period_duration_is_also_a_figure() {
    for (text, money, period, duration, years) in [
        (
            "We are investing £3 million over the 3 years to March 2021 to help.",
            "£3 million",
            "over the 3 years to March 2021",
            "3 years",
            3.0,
        ),
        ("We are investing £84 million over 5 years.", "£84 million", "over 5 years", "5 years", 5.0),
        ("Investing £3m over the next three years.", "£3m", "over the next three years", "three years", 3.0),
    ] {
        let figs = extract(text, "text");
        check_spans(text, &figs);
        assert_eq!(figs.len(), 2, "{text}: {figs:?}");
        assert_eq!((figs[0].kind, figs[0].text.as_str()), (FigureKind::Money, money));
        assert_eq!(figs[0].period.as_deref(), Some(period));
        assert_eq!((figs[1].kind, figs[1].text.as_str()), (FigureKind::Duration, duration));
        assert_eq!((figs[1].value, figs[1].unit.as_deref()), (Some(years), Some("years")));
        assert_eq!(figs[1].qualifier, None);
    }
}

// --- several figures --------------------------------------------------------
texts! { seed_sentence, "During March and April 2020, the government provided £3.2 billion of emergency grant funding and over £5 billion of cashflow support.", ["£3.2 billion", "£5 billion"] }
texts! { change_then_count, "Admissions rose 12% to 4,500.", ["rose 12%", "4,500"] }
texts! { up_from_with_period, "It was 3.5% in 2019-20, up from 2.1% in 2018-19.", ["3.5% in 2019-20, up from 2.1%", "2018-19"] }
figure! { count_more_modifier, "We will recruit 50,000 more nurses.", Count, "50,000 more nurses", 50000.0, "nurses" }
texts! { list_of_counts, "There were 3, 4 and 5 cases.", ["3", "4", "5 cases"] }
texts! { fy_and_money, "In this financial year, 2021-22, we have invested £5.7 million.", ["2021-22", "£5.7 million"] }
texts! { table_row, "Year | Number of pupils\n2018 | 1,234\n2019 | 1,300", ["1,234", "1,300"] }

#[test]
fn table_row_sentence_and_unit() {
    let t = "Year | Number of pupils | Spend (£000) | Share (%)\n2018 | 1,234 | 56 | 7.5";
    let f = extract(t, "text");
    assert_eq!(f.len(), 3, "{f:#?}");
    assert_eq!(f[0].sentence, "Year | Number of pupils | Spend (£000) | Share (%): 2018 | 1,234 | 56 | 7.5");
    assert_eq!(
        (f[0].kind, f[0].unit.as_deref()),
        (FigureKind::Count, Some("pupils"))
    );
    assert_eq!((f[1].kind, f[1].value), (FigureKind::Money, Some(56000.0)));
    assert_eq!((f[2].kind, f[2].value), (FigureKind::Percent, Some(7.5)));
}

#[test]
fn sentence_is_the_sentence() {
    let t = "First sentence here. We spent £3m on it. Last one.";
    let f = extract(t, "answer.text");
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].sentence, "We spent £3m on it.");
    assert_eq!(f[0].field, "answer.text");
    assert_eq!(f[0].span, [30, 34]);
}

// --- not figures ------------------------------------------------------------
none! { neg_year, "In 2017 the department acted." }
none! { neg_month_year, "Since November 2017 it has run." }
none! { neg_day_month, "On 6 December the statement was made." }
none! { neg_day_month_year, "It ends on 31 March 2016." }
none! { neg_month_day, "It ends on December 6, 2019." }
none! { neg_iso_date, "Answered on 2019-07-22." }
none! { neg_slash_date, "Dated 22/07/19 and 22/07/2019." }
none! { neg_dotted_date, "Dated 22.07.2019." }
none! { neg_ordinal_date, "On 16th September 2020 it was asked." }
none! { neg_time, "The meeting is at 10am, or 10:30, or 2.30 pm." }
none! { neg_uin_hl, "See question HL5821." }
none! { neg_question_ref, "I refer to Question 184900 and PQ 146306." }
none! { neg_question_list, "In response to Questions 137946, 137947 and 137948." }
none! { neg_bracket_uin, "To ask the Minister about it. [67391]" }
none! { neg_uin_word, "See UIN 143147 on 28 January 2021." }
none! { neg_section, "Under Section 497A of the Education Act 1996." }
none! { neg_standing_order, "Under S.O. No. 22(4) it applies." }
none! { neg_covid, "During the COVID-19 outbreak and Covid-19 pandemic." }
none! { neg_markers, "(a) first\n(1) second\n1. third\n2) fourth" }
none! { neg_paragraph, "See paragraph 3.2 and para 4 and p.136." }
none! { neg_phone, "Call 020 7219 3000 or 0800 123 4567 or +44 20 7946 0000." }
none! { neg_postcode, "Write to SW1A 0AA or M1 1AA." }
none! { neg_reference, "Our reference 168555 applies." }
none! { neg_key_stage, "Pupils at Key Stage 2 and Level 3 and Tier 4 and Band 5 and Year 7." }
none! { neg_ordinal_words, "The first inspection and the Third Report." }
none! { neg_url, "See https://assets.publishing.service.gov.uk/file/554573/x_2019.pdf and www.gov.uk/12345." }
none! { neg_session, "In Session 2010-12 and the 2017-19 Parliament and Session 1997-98." }
none! { neg_column, "Official Report, column 824W, and 773W." }
none! { neg_hansard_ref, "HC Deb 12 March 2019 Vol. 656 c123W." }
none! { neg_year_range, "Between 2015-2020 and from 2010 to 2015 it ran." }
none! { neg_label_capitalised, "The Boeing 737 and Type 45 destroyers and Article 50." }
none! { neg_age, "Children aged 16, and 5 to 16 year olds, and 16-year-olds." }
none! { neg_compound, "The two-child limit and a 5-star hotel." }
none! { neg_lone_one, "This is one of the best." }
none! { neg_decade_word, "It is the 1990s." }
none! { neg_name_number_word, "We work with the Five Eyes partners." }
none! { neg_table_unit_header, "Spend (£000) | Year" }
none! { neg_empty, "" }

// --- odd input never panics and spans are right -------------------------------
#[test]
fn odd_inputs() {
    let long = "9".repeat(5000);
    let inputs = [
        "",
        " ",
        "0",
        "999999999999999999999999",
        "999999999999999999999999 people",
        "£999999999999999999999999 billion",
        "£",
        "£ ",
        "text ending in £",
        "%%%",
        "50%%",
        "-",
        "−5%",
        "(-0.3%)",
        "1,",
        "1,000,",
        ".5",
        "5.",
        "3.2.1.",
        "2019-",
        "2019/",
        "FY",
        "FY20",
        "a",
        "a third",
        "half",
        "one",
        "twenty-",
        "between 1 and",
        "from 30 to",
        "increased by",
        "é£3millionü",
        "日本 3 人",
        "£3\u{a0}million",
        "3\u{202f}per cent",
        "\u{feff}£5m",
        "|||",
        " | | \n | 3 | ",
        "£5–",
        "10-",
        "one in",
        "1 in",
        "https://",
        "www.",
        &long,
    ];
    for input in inputs {
        let figs = extract(input, "text");
        check_spans(input, &figs);
    }
}

/// A poor man's fuzzer: random sentences built from a vocabulary of
/// tricky tokens, and random bytes decoded lossily.
#[test]
fn random_inputs() {
    let vocab = [
        "£",
        "€",
        "$",
        "%",
        "per",
        "cent",
        "million",
        "bn",
        "m",
        "k",
        "p",
        "3",
        "3.2",
        "1,234",
        "2019",
        "2019-20",
        "2019/20",
        "0207",
        "12:30",
        "from",
        "to",
        "by",
        "of",
        "out",
        "in",
        "between",
        "and",
        "over",
        "more",
        "than",
        "at",
        "least",
        "up",
        "around",
        "c.",
        "half",
        "a",
        "third",
        "one",
        "two",
        "twenty-five",
        "hundred",
        "years",
        "days",
        "schools",
        "local",
        "authorities",
        "increased",
        "fell",
        "since",
        "May",
        "March",
        "2010",
        "the",
        "end",
        "this",
        "year",
        "-",
        "–",
        ",",
        ".",
        "(",
        ")",
        "[",
        "]",
        "|",
        "\n",
        "\n\n",
        "é",
        "’s",
        "COVID-19",
        "HL",
        "Section",
        "No.",
        "https://x.y/1",
        "aged",
        "or",
        "more",
    ];
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for _ in 0..3000 {
        let n = (next() % 40) as usize;
        let mut s = String::new();
        for _ in 0..n {
            let w = vocab[(next() % vocab.len() as u64) as usize];
            s.push_str(w);
            if next() % 3 != 0 {
                s.push(' ');
            }
        }
        let figs = extract(&s, "text");
        check_spans(&s, &figs);
        let bytes: Vec<u8> =
            (0..(next() % 64)).map(|_| (next() % 256) as u8).collect();
        let lossy = String::from_utf8_lossy(&bytes);
        let figs = extract(&lossy, "text");
        check_spans(&lossy, &figs);
    }
}

/// A huge text without full stops: linear time, and each figure's
/// sentence is the text around it, not the whole run.
#[test]
fn run_on_text() {
    let input = "we spent £3 million over 5 years in 2019, from 30 to 19 and 46 schools "
        .repeat(5000);
    let figs = extract(&input, "text");
    // Per repetition: money, duration (also the money's period), change,
    // count.
    assert_eq!(figs.len(), 20000);
    check_spans(&input, &figs);
    for f in &figs {
        assert!(f.sentence.len() < 800, "{}", f.sentence.len());
        assert!(f.sentence.contains(&f.text));
    }
}

// --- rules added to meet the development gold set (issue 4) ---------------

// Tables: a unit alone on the line above the header; a header naming time
// taken; a header naming a rate without a base.
#[test]
fn table_caption_time_and_rate_headers() {
    let kinds = |t: &str| -> Vec<(FigureKind, Option<f64>, Option<String>)> {
        extract(t, "text")
            .into_iter()
            .map(|f| (f.kind, f.value, f.unit))
            .collect()
    };
    let money = kinds("£000\n | North | South\nGrants | 12 | 3,400");
    assert_eq!(
        money,
        [
            (FigureKind::Money, Some(12000.0), Some("GBP".into())),
            (FigureKind::Money, Some(3_400_000.0), Some("GBP".into()))
        ]
    );
    // A caption line that is a sentence, not a unit, says nothing.
    let plain =
        kinds("Figures for 2010 are in £ below\n | North\nGrants | 12");
    assert_eq!(plain, [(FigureKind::Count, Some(12.0), None)]);
    let days = kinds("Region | Mean processing time in weeks\nWales | 6.5");
    assert_eq!(
        days,
        [(FigureKind::Duration, Some(6.5), Some("weeks".into()))]
    );
    // Days that are counted, not taken: a count.
    let absence = kinds("Unit | Number of days of sickness absence\nA | 340");
    assert_eq!(absence[0].0, FigureKind::Count);
    let rate =
        kinds("Prison | Cohort | Proven reoffending rate\nA | 1,204 | 31.5");
    assert_eq!(rate[1], (FigureKind::Percent, Some(31.5), Some("%".into())));
    let per = kinds("Area | Rate per 1,000 births\nA | 4.2");
    assert_eq!(per[0].0, FigureKind::Count);
}

// A lone `one` counts the noun after it, but not as a pronoun or idiom.
figure! { one_counts_noun, "Each trust received one grant last spring.", Count, "one grant", 1.0, "grant" }
none! { one_pronoun_of, "It is one of our priorities." }
none! { one_no_one, "No one was harmed and at one point nobody knew." }
figure! { one_year_duration, "They signed a one year contract.", Duration, "one year", 1.0, "years" }

// Multipliers and rate bases are not figures.
none! { multiplier_more_likely, "Such pupils are 4 times more likely to be excluded." }
none! { multiplier_participle, "They are two times underrepresented in the workforce." }
texts! { times_as_count_stays, "He visited the site 12 times in May.", ["12"] }
none! { rate_base_per, "The rate is measured per 100,000 residents." }
figure! { ratio_per_stays, "There are 8.5 per 1,000 children.", Ratio, "8.5 per 1,000 children", 8.5, "children", total: 1000.0 }

// `by X%` far after its change verb, in the same clause.
figure! { change_far_by, "Tuition fees for overseas students on taught courses will rise next year by 4.5%.", Change, "by 4.5%", 4.5, "%", period: "next year" }
texts! { change_far_by_blocked_by_comma, "The levy was raised in 2019, and later fell by 3%.", ["fell by 3%"] }
texts! { by_without_verb, "Sales are measured by 5% bands.", ["5%"] }

// A percent or amount before a comparative is a change.
figure! { change_comparative_fewer, "Last summer 7 per cent. fewer tourists arrived.", Change, "7 per cent. fewer", -7.0, "%" }
figure! { change_comparative_more, "Each school gets £2.5 million more than last year.", Change, "£2.5 million more", 2.5e6, "GBP", period: "last year" }
texts! { comparative_likely_not_change, "They are 20% more likely to apply.", ["20%"] }
texts! { count_more_is_not_comparative_change, "We hired 300 more teachers.", ["300 more teachers"] }

// A change noun after one word naming what changes.
figure! { change_noun_after_word, "They expect a 3% fare rise next year.", Change, "3% fare rise", 3.0, "%", period: "next year" }
texts! { change_noun_after_stopword, "It was 3% of the rise.", ["3%"] }

// `a week`, `a decade`, `half a century` as lengths of time; not rates.
figure! { a_week_after_than, "Claims are paid in less than a week.", Duration, "a week", 1.0, "weeks", qualifier: LessThan }
figure! { a_decade, "It took a decade of work.", Duration, "a decade", 10.0, "years" }
figure! { a_year_possessive, "They won a year’s delay.", Duration, "a year’s", 1.0, "years" }
figure! { half_a_century, "The rule stood for half a century.", Duration, "half a century", 50.0, "years" }
texts! { a_year_as_rate, "Members pay £120 a year and meet twice a year.", ["£120"] }
none! { a_week_plain, "It was a week to remember." }

// Hours are lengths of time even before `of`; so is part of a year.
figure! { hours_of, "Pupils get three hours of music.", Duration, "three hours", 3.0, "hours" }
figure! { months_of_year, "In the first six months of 2011 sales grew.", Duration, "six months", 6.0, "months" }
figure! { days_of_work_count, "Volunteers gave 1,200 days of support.", Count, "1,200 days", 1200.0, "days" }

// More labels: list markers after a stop, names with numbers.
texts! { marker_after_stop, "Figures are rounded. 2. Data for 2019-20 are provisional.", ["2019-20"] }
none! { fy_in_circular, "Source: Finance circular 2004-05." }
none! { ordinal_bracketed, "Pupils in 12(th) grade." }
none! { dwelling_size, "We need 2 bed flats, 3 bedroom houses and 1-2 bed units." }
none! { band_glued_unit, "Band | Count\n5-20tpa | x" }
none! { school_years_label, "Pupils in Years 7-9 took part." }
none! { acronym_document, "See the guidance (PPG 13) and (MPS 3)." }
none! { label_chain_aside, "It is taught at Level 4 (HNC) and 5 (HND)." }
none! { segment_word, "The trust moved to segment three of the framework." }
texts! { acronym_count_in_sentence, "The NHS employs 1,200 nurses here.", ["1,200 nurses"] }

// A single letter and a stop at a line's start is a list marker, not a
// label of the number after it.
figure! { letter_marker_then_range, "d. 12,000 – 15,000 new homes", Range, "12,000 – 15,000 new homes", 12000.0, "homes", low: 12000.0, high: 15000.0 }
none! { page_label, "See the report at p. 136 for details." }

// A band of a measure written from high to low.
figure! { range_high_to_low, "Flats | 3-2.5 spaces per flat", Range, "3-2.5 spaces", 2.5, "spaces", low: 2.5, high: 3.0 }
texts! { ascending_dash_range, "Expect 4-6 weeks.", ["4-6 weeks"] }

// Financial years: the GOV.UK style without `financial year`, and a
// slashed short pair as a period.
figure! { fy_govuk_style, "Funding for 2026 to 2027 is set out below.", FinancialYear, "2026 to 2027", None, None, period: "2026-27" }
none! { from_year_to_year_is_span, "Data from 2016 to 2017 were lost." }
figure! { fy_short_slash, "Bills will fall in 25/26.", FinancialYear, "25/26", None, None, period: "2025-26" }
none! { short_pair_no_period_word, "The score was 25/26 overall." }

// `Of the N ..., M were ...`: a ratio from the whole to the part.
figure! { ratio_of_the_whole, "Of the 240 claims received by May, 35 were upheld.", Ratio, "240 claims received by May, 35", 35.0, "claims", total: 240.0, period: "by May" }
figure! { ratio_of_the_only, "Of the 90 who applied only 12 were refused.", Ratio, "90 who applied only 12", 12.0, None, total: 90.0 }
texts! { of_the_then_noun_is_not_part, "Of the 240 claims, 35 claims were upheld.", ["240 claims", "35 claims"] }
texts! { of_the_part_larger_is_not_ratio, "Of the 40 sites, 120 staff moved.", ["40 sites", "120 staff"] }

// --- rules added on the tune part of the second gold set (issue 13) -------

// Money written without a scale takes the table's scale: the column
// header, the corner cell or a title line just above the header.
#[test]
fn table_scale_for_pounds_and_title_lines() {
    let vals = |t: &str| -> Vec<(FigureKind, Option<f64>, Option<f64>)> {
        extract(t, "text")
            .into_iter()
            .map(|f| (f.kind, f.value, f.high))
            .collect()
    };
    let own = vals("Outturn (£bn) | Plan (£bn)\n£11.5 | £13.6");
    assert_eq!(
        own,
        [
            (FigureKind::Money, Some(11.5e9), None),
            (FigureKind::Money, Some(13.6e9), None)
        ]
    );
    let corner = vals(
        "Grant (Millions) | Actual | Range\nNorth | £71.3 | £146 to £206*",
    );
    assert_eq!(corner[0], (FigureKind::Money, Some(71.3e6), None));
    assert_eq!(corner[1], (FigureKind::Range, Some(146e6), Some(206e6)));
    let title = vals("Spend by region, 2023/24 prices, £m (2019/20 to 2023/24)\nRegion | Spend\nNorth | 336");
    assert_eq!(title.last(), Some(&(FigureKind::Money, Some(336e6), None)));
    // A sentence above a table is no title: `£` followed by a word.
    let plain = vals("The figures below are all in £ for the year\nRegion | Total\nNorth | 336");
    assert_eq!(plain.last().map(|x| x.0), Some(FigureKind::Count));
}

#[test]
fn table_headers_apart_grouped_and_money_by_name() {
    let vals = |t: &str| -> Vec<(FigureKind, String, Option<f64>)> {
        extract(t, "text")
            .into_iter()
            .map(|f| (f.kind, f.text, f.value))
            .collect()
    };
    let money = |t: &str, v: f64| (FigureKind::Money, t.to_string(), Some(v));
    let count = |t: &str, v: f64| (FigureKind::Count, t.to_string(), Some(v));
    // A blank line between the header row and the body.
    assert_eq!(
        vals(" | Core (£000) | Total (£000)\n\nStaff costs | 1,556 | 13"),
        [money("1,556", 1_556_000.0), money("13", 13_000.0)]
    );
    // Accounts: a bracketed amount is negative; an opening bar on one row
    // only; a superscript note mark.
    assert_eq!(
        vals(" | Core (£000) | Total (£000)\nOther capital | (13) | (265)\n | 468,365 | 492,484¹"),
        [
            money("(13)", -13_000.0),
            money("(265)", -265_000.0),
            money("468,365", 468_365_000.0),
            money("492,484", 492_484_000.0)
        ]
    );
    // In a column of counts, the number alone.
    assert_eq!(vals("Area | Cases\nNorth | (13)"), [count("13", 13.0)]);
    // A caption row over groups of columns, then the real header: the
    // columns are read from the second row, the scale from either.
    assert_eq!(
        vals("Grant (Millions) | Actual | Plan\nRegion | 2021 spend | 2022 spend | Range\nNorth | £71.3 | £76.5 | 4"),
        [money("£71.3", 71.3e6), money("£76.5", 76.5e6), count("4", 4.0)]
    );
    assert_eq!(
        vals(" | Projects marked 2 | Projects marked 1\nDepartment | Spending (£ millions) | Projects | Spending (£ millions) | Projects\nDFID | 6.7 | 12 | 0.0 | 0"),
        [money("6.7", 6.7e6), count("12", 12.0), money("0.0", 0.0), count("0", 0.0)]
    );
    // Years over groups of columns stay the header (they are periods),
    // though the row under them has more cells and no number.
    let periods: Vec<Option<String>> = extract(
        "Sentence | 2020 | 2021\nType | Number | % | Number | %\nIPP | 6 | 2% | 7 | 3%",
        "text",
    )
    .into_iter()
    .map(|f| f.period)
    .collect();
    assert_eq!(
        periods[..2],
        [Some("2020".to_string()), Some("2021".to_string())]
    );
    // Unformatted numbers of five to seven digits are values in a table
    // (a reference elsewhere), with a note mark after a cell.
    assert_eq!(
        vals("Year | Children | Funding (£ million)\n2019/20 | 11823 | 42\n2020/21 | 11261 | 45*")
            .into_iter()
            .filter(|f| f.0 != FigureKind::FinancialYear)
            .collect::<Vec<_>>(),
        [count("11823", 11823.0), money("42", 42e6), count("11261", 11261.0), money("45", 45e6)]
    );
    assert_eq!(vals("Council | Reference\nGravesham | 20221064"), []);
    assert_eq!(vals("Number | Artist\n18792 | Laura Gannon"), []);
    // A header without the corner cell over the rows' labels.
    assert_eq!(
        vals(
            "Number of Transactions | Total Spend\nPeriod A | 1021 | £119,166"
        ),
        [count("1021", 1021.0), money("£119,166", 119_166.0)]
    );
    assert_eq!(
        vals("Year | Cost in USD per litre\nFuel A | 1.70"),
        [count("1.70", 1.7)]
    );
    // A scale spelt out after the pound sign (it was cut at seven letters).
    assert_eq!(
        vals("Table 1: ODA spent (£thousand)\n | Total\nFCDO | 11,785"),
        [money("11,785", 11_785_000.0)]
    );
    assert_eq!(vals("See our reference 11823 for details."), []);
    // A header naming money without a pound sign.
    assert_eq!(
        vals("Region | Committed Spend from 2025/26\nWales | 10,061,956")
            .into_iter()
            .filter(|f| f.0 != FigureKind::FinancialYear)
            .collect::<Vec<_>>(),
        [money("10,061,956", 10_061_956.0)]
    );
    assert_eq!(
        vals("Region | Number of funding applications\nWales | 1,956"),
        [count("1,956", 1956.0)]
    );
    assert_eq!(
        vals("Area | Allocation status | Total\nWales | 1 | 718")[0],
        count("1", 1.0)
    );
    assert_eq!(
        vals(
            "As at 1 April | Customs | Inland Revenue\n1997 | 24,509 | 53,315"
        ),
        [count("24,509", 24509.0), count("53,315", 53315.0)]
    );
}

// Bands labelling a table's rows and columns are not figures; an
// estimate's range in a cell is.
texts! { table_band_labels, "Points | Claimants\n8 to 11 | 1,039,000\n12-15 | 180,000", ["1,039,000", "180,000"] }
texts! { table_threshold_row_labels, "Age | Cases\nUnder 5 | 12\n17 or over | 9", ["12", "9"] }
texts! { table_threshold_in_a_value_cell, "Area | Waiting\nNorth | over 40", ["40"] }
texts! { table_header_bands, "Year | On time | 15-30 | 30-59\nA | 5 | 6 | 7", ["5", "6", "7"] }
texts! { table_cell_big_range_kept, "Scenario | Life years lost\n1 | 728,086 to 1,389,577", ["1", "728,086 to 1,389,577"] }

// Age and school-year bands are not ranges.
none! { age_band_fund, "The 16-19 tuition fund is targeted at students in most need." }
none! { age_bands_from_to, "The Jobs Guarantee widens from 18-21 to 18-24." }
texts! { school_years_band, "Most students in years 9 to 11 knew.", [] }
figure! { by_bare_to_percent_is_range, "Places need to increase by 20 to 34%.", Range, "20 to 34%", 20.0, "%", low: 20.0, high: 34.0 }

// Changes in their written forms.
figure! { change_more_than_base, "There were 4,000 more officers in post in June 2023 compared to March 2017.", Change, "4,000 more", 4000.0, "officers", period: "in June 2023" }
figure! { change_fewer, "There were 440,000 fewer pupils absent than last year.", Change, "440,000 fewer", -440000.0, "pupils", period: "last year" }
// Without a base, `fewer` is a count, as `more` is (the adjudicated
// annotation conventions of the tune and test gold).
texts! { fewer_without_base_is_a_count, "The reforms could result in around 20,000 fewer children in poverty.", ["20,000 fewer children"] }
// "the next decade" is ten years; "a year earlier" is a point in time.
figure! { the_next_decade, "Funding will be given over the next decade.", Duration, "decade", 10.0, "years" }
texts! { a_year_earlier_is_no_figure, "It was 61.0%, 2.7 percentage points higher than a year earlier.", ["61.0%", "2.7 percentage points"] }
texts! { years_earlier_than_planned_is_a_figure, "Sales end in 2030, ten years earlier than planned.", ["ten years"] }
// "c300,000": circa glued to the number; `C1` is a grade.
texts! { capital_c_code_is_no_figure, "She was promoted to C1 in 2010.", [] }
figure! { circa_glued, "There are c300,000 places.", Count, "300,000 places", 300000.0, "places", qualifier: Approx }
// A span of financial years printed with a spaced dash is no figure.
texts! { spaced_financial_year_span, "The fund will run for four years (2026/27 - 2029/30).", ["four years"] }
figure! { change_from_a_baseline_of, "We will increase placements from a baseline of 3,778 places to 4,269 places.", Change, "from a baseline of 3,778 places to 4,269 places", 491.0, "places", from: 3778.0, to: 4269.0 }
figure! { change_from_to_with_words_naming_the_first, "It would increase coverage from 4% of special settings to 100%.", Change, "from 4% of special settings to 100%", 96.0, "%", from: 4.0, to: 100.0 }
texts! { from_to_across_two_clauses_is_no_change, "It moved from 4 sites and then to 10 more.", ["4 sites", "10"] }
figure! { change_up_from_after_words_naming_the_value, "Over 88% of premises can now access gigabit-capable broadband, up from less than 10% in 2019.", Change, "88% of premises can now access gigabit-capable broadband, up from less than 10%", 78.0, "%", from: 10.0, to: 88.0, qualifier: MoreThan, period: "in 2019" }
texts! { up_from_lists_respectively_are_no_change, "Fines are £10,000 and £20,000 per occupier up from £500 and £3,000 respectively.", ["£10,000", "£20,000", "£500", "£3,000"] }
texts! { up_from_after_words_needs_the_same_unit, "There were 88 schools able to join the scheme, up from 10% last year.", ["88 schools", "10%"] }
figure! { change_extra_with_base, "Schools get an extra £1 million compared to last year.", Change, "£1 million", 1e6, "GBP", period: "last year" }
texts! { additional_without_base_is_money, "We are investing an additional £165 million annually.", ["£165 million"] }
figure! { change_up_from_about, "It was 45%, up from about 30%.", Change, "45%, up from about 30%", 15.0, "%", from: 30.0, to: 45.0 }
figure! { change_against_planned, "We recruited 1,200, against the 1,500 planned.", Change, "1,200, against the 1,500 planned", -300.0, None, from: 1500.0, to: 1200.0 }
figure! { change_per_week_up_from, "Each will receive £4.65 per week, up from £4.25.", Change, "£4.65 per week, up from £4.25", 0.4, "GBP", from: 4.25, to: 4.65, period: "per week" }
figure! { change_up_from_after_for_the_year, "Funding rises to £2.1 billion for the 2025/26 financial year, up from £1.8 billion.", Change, "£2.1 billion for the 2025/26 financial year, up from £1.8 billion", 300000000.0, "GBP", from: 1800000000.0, to: 2100000000.0, period: "for the 2025/26 financial year" }
figure! { change_noun_in_of, "This is an increase in Core Spending Power of up to 6.7% in cash terms.", Change, "increase in Core Spending Power of up to 6.7%", 6.7, "%", qualifier: UpTo }
texts! { change_restated_in_percent, "Funding will increase by up to £922.2 million (6.0% in cash terms).", ["increase by up to £922.2 million", "6.0%"] }
texts! { change_size_apart_ends_plain, "Funding will increase by 150% from £800 million in 2023/24 to £2 billion.", ["increase by 150%", "£800 million", "2023/24", "£2 billion"] }
texts! { change_size_after_ends_plain, "Claims increased from 2,382 in 2023/24 to 2,575, an 8% increase.", ["2,382", "2023/24", "2,575", "8% increase"] }
figure! { change_hyphenated_terms, "It is a 6.8% cash-terms increase on last year.", Change, "6.8% cash-terms increase", 6.8, "%", period: "last year" }

figure! { range_from_to_after_range_verb, "Apprenticeship funding bands range from £1,500 to £27,000.", Range, "from £1,500 to £27,000", 1500.0, "GBP", low: 1500.0, high: 27000.0 }

// Ratios.
figure! { ratio_fraction_alone_after_almost, "Almost a quarter included a claim.", Ratio, "a quarter", 1.0, None, total: 4.0, qualifier: Approx }
figure! { ratio_fractions_alone_after_over, "Over three quarters, or most, will benefit.", Ratio, "three quarters", 3.0, None, total: 4.0, qualifier: MoreThan }
none! { quarter_of_the_year_is_no_ratio, "In the first quarter, sales rose." }
figure! { half_a_billion_pounds, "Funding rose by over half a billion pounds.", Change, "rose by over half a billion pounds", 5e8, "GBP", qualifier: MoreThan }
figure! { half_a_million_people, "Half a million people applied.", Count, "Half a million people", 5e5, "people" }
figure! { one_per_cent, "These represent less than one per cent of all properties.", Percent, "one per cent", 1.0, "%", qualifier: LessThan }
figure! { change_percent_higher_without_base, "It gives a 30% higher chance of success.", Change, "30% higher", 30.0, "%" }
figure! { ratio_all_n, "All 75 towns were selected.", Ratio, "All 75 towns", 75.0, "towns", total: 75.0 }
figure! { ratio_out_without_of, "The OBR predicts that 9 out 10 recipients are unaffected.", Ratio, "9 out 10 recipients", 9.0, "recipients", total: 10.0 }

// Financial years: short, misprinted, in tables, and in names.
figure! { fy_short_after_fy, "We made funds available in FY 25/26.", FinancialYear, "FY 25/26", None, None, period: "2025-26" }
figure! { fy_short_from, "Decisions will apply from 26/27 onwards.", FinancialYear, "26/27", None, None, period: "2026-27" }
figure! { fy_misprint_one_digit, "In 2024-5 the rate held.", FinancialYear, "2024-5", None, None, period: "2024-25" }
figure! { fy_spaced_dash, "Grants were paid in 2025 -2026 to farms.", FinancialYear, "2025 -2026", None, None, period: "2025-26" }
texts! { fy_short_table_cells, "Year | Spend\n19/20 | 4\n20/21 | 5", ["19/20", "4", "20/21", "5"] }
texts! { fy_short_dashed_header, "Region | 16-17 | 17-18\nA | 1 | 2", ["16-17", "17-18", "1", "2"] }
texts! { fy_misprinted_pair_in_table, "Year | Spend\n2016-17 | 5\n2017-19 | 6\n2018-19 | 7", ["2016-17", "5", "2017-19", "6", "2018-19", "7"] }
texts! { dashed_pair_age_band_not_fy, "Age | People\n16-17 | 5\n18-24 | 6", ["5", "6"] }
none! { fy_in_document_name, "See the Annual Report and Accounts 2021-22 and the 2022-23 annual report." }
none! { fy_in_page_title, "Rough sleeping winter pressures 2024-25 funding allocations - GOV.UK" }

// Not quantities: rounding bases, scoring thresholds, pronouns, names.
none! { rounding_base, "Figures are rounded to the nearest 100." }
none! { scoring_threshold, "Claimants who scored fewer than four points were excluded." }
none! { number_word_pronoun, "We must distinguish between the two, as before." }
none! { capitalised_year_name, "The 10-Year Health Plan sets out our aims." }

// Tables: rules written on the tune3 set (tables only; `fixtures/figures/SPLIT.md`).

/// `(kind, value, unit)` of every figure of `t`.
fn kvu(t: &str) -> Vec<(FigureKind, Option<f64>, Option<String>)> {
    let figs = extract(t, "text");
    check_spans(t, &figs);
    figs.into_iter().map(|f| (f.kind, f.value, f.unit)).collect()
}

#[test]
fn table_cell_with_a_stray_stop_takes_its_header() {
    let got = kvu(
        "Centre | Average waiting time (in weeks)\nAyr | 24.\nBarra | 10.5",
    );
    let weeks = Some("weeks".to_string());
    assert_eq!(
        got,
        [
            (FigureKind::Duration, Some(24.0), weeks.clone()),
            (FigureKind::Duration, Some(10.5), weeks)
        ]
    );
}

#[test]
fn table_title_a_blank_line_above_the_header() {
    let got = kvu("Table 2: ODA to sector code 15180, 2019 - 2022 (£ thousands)\n\n | 2019 | 2020\nBilateral ODA | 47,096 | 35,556");
    let gbp = Some("GBP".to_string());
    assert_eq!(
        got[got.len() - 2..],
        [
            (FigureKind::Money, Some(47_096_000.0), gbp.clone()),
            (FigureKind::Money, Some(35_556_000.0), gbp)
        ]
    );
    // Two blank lines: no longer the table's title.
    let far =
        kvu("Table 2: Spend (£ thousands)\n\n\n | 2019\nBilateral | 47,096");
    assert_eq!(far.last().map(|x| x.0), Some(FigureKind::Count));
}

#[test]
fn table_unit_alone_under_the_header() {
    let got = kvu("Collection fees | 2024/2025\n£000\n(a) Paying Parent | £56,993\n(b) Receiving Parent | £11,141");
    let money: Vec<_> =
        got.into_iter().filter(|x| x.0 == FigureKind::Money).collect();
    assert_eq!(
        money.iter().map(|x| x.1).collect::<Vec<_>>(),
        [Some(56_993_000.0), Some(11_141_000.0)]
    );
}

texts! { table_code_column_is_no_quantity, "Exception | Band | Salary | Job title\n1 | AO | £26,500 | Intern\n3 | G7 | £53,000 | Fellow", ["£26,500", "£53,000"] }
none! { exception_number_in_prose, "Exception 1: Temporary Appointments" }
texts! { table_no_and_level_headers_head_values, "Month | No | Yes\nOctober | 6 | 0\n\nRegion | Level | Rate\nNorth | 13.6m | 65%", ["6", "0", "13.6m", "65%"] }

#[test]
fn table_without_a_header_row() {
    // The first row is data: a number that is not a year under no header.
    let got = kvu("Redundancies:\n\nApril 2025 | 23,769\nMay 2025 | 24,643");
    assert_eq!(
        got.iter().map(|x| x.1).collect::<Vec<_>>(),
        [Some(23_769.0), Some(24_643.0)]
    );
    let less = extract(
        "Outcomes\nAlternative role | <5 | <5\nDismissal | 8 | <5",
        "text",
    );
    assert_eq!(less.len(), 4, "{less:#?}");
    assert_eq!(less[0].qualifier, Some(Qualifier::LessThan));
    // Years over columns, and numbered columns, are still a header.
    texts_of("Region | 2019 | 2020\nNorth | 5 | 6", &["5", "6"]);
    texts_of(
        "NATO Category | 2 | 3 | 4\nArmy | 15 | 16 | 17",
        &["15", "16", "17"],
    );
    // A title with a unit above makes the first row a header, as before.
    let titled =
        kvu("VAT not recovered £million\nFY20/21 | 3,026\nFY21/22 | 3,143");
    assert_eq!(
        titled.last(),
        Some(&(
            FigureKind::Money,
            Some(3_143_000_000.0),
            Some("GBP".to_string())
        ))
    );
}

fn texts_of(t: &str, want: &[&str]) {
    let figs = extract(t, "text");
    let got: Vec<&str> = figs.iter().map(|f| f.text.as_str()).collect();
    assert_eq!(got, want, "in {t:?}");
}

texts! { table_row_label_lengths_of_time, "In payment for at least: | WRAG | Support Group\n3 months | 6,000 | 708,000\n18 months | - | 653,000", ["6,000", "708,000", "653,000"] }
texts! { table_header_length_of_time_stays, "Month | Number Cleared Within 28 Days of Receipt\nMay | 120", ["28 Days", "120"] }
none! { year_span_is_no_length_of_time, "The allocations for the 2021 to 2023 academic years were published." }
texts! { footnote_numbered_with_a_dash, "Appeals | 2\n\n1 - In addition appeals can be struck out.\n2 - (B) Is the total of cases.", ["2"] }
texts! { line_start_range_with_a_dash_stays, "Waiting times:\n1 - 3 days for most cases.", ["1 - 3 days"] }

#[test]
fn table_fte_salary_is_money_fte_alone_counts() {
    let got = kvu(
        "Job Family | No in role | Mean FTE Salary\nAdmin | 130 | 27495.39",
    );
    assert_eq!(
        got[1],
        (FigureKind::Money, Some(27495.39), Some("GBP".to_string()))
    );
    let staff = kvu("Team | FTE spend\nAdmin | 130");
    assert_eq!(staff[0].0, FigureKind::Count);
}

// Tables: units given by a row's label or by a row of units under the
// header (found in tables of the public source of `tune2`, not of a gold
// set; `docs/figures.md`).

#[test]
fn table_row_label_names_the_unit_of_its_cells() {
    let got = kvu("Financial Year | 2022/23 | 2023/24\nNeurodevelopmental Expenditure (£ millions) | 1,770 | 2,210\nOffshore Wind Load Factor (%) | 39.9 | 40.4\nClaims | 774 | 782");
    let gbp = Some("GBP".to_string());
    let pc = Some("%".to_string());
    assert_eq!(
        got[2..],
        [
            (FigureKind::Money, Some(1_770_000_000.0), gbp.clone()),
            (FigureKind::Money, Some(2_210_000_000.0), gbp.clone()),
            (FigureKind::Percent, Some(39.9), pc.clone()),
            (FigureKind::Percent, Some(40.4), pc),
            (FigureKind::Count, Some(774.0), None),
            (FigureKind::Count, Some(782.0), None),
        ]
    );
    // An amount or a share in the label names a group, not a unit.
    let bands =
        kvu("Size | 2019 | 2020\nOver 50% | 3 | 4\nUp to £5m each | 6 | 7");
    assert!(
        bands
            .iter()
            .filter(|x| x.1 == Some(3.0) || x.1 == Some(7.0))
            .all(|x| x.0 == FigureKind::Count),
        "{bands:?}"
    );
    // `£'000,000` is millions.
    let m =
        kvu("Type | 2014-15\nTotal Compensation Payable (£'000,000) | 72.9");
    assert_eq!(m.last(), Some(&(FigureKind::Money, Some(72_900_000.0), gbp)));
}

#[test]
fn table_row_of_units_under_the_header() {
    let got = kvu(" | 31 March 2023 | 31 March 2022\n | Volume | Value (£m) | Volume | Value (£m)\nHQ cases | 2 | 6.1 | 1 | 0.2\n\n | 2022-23 | 2023-24\n | £’000 | £’000\nAnnual cost | 321 | -212");
    let vals: Vec<_> = got.iter().map(|x| (x.0, x.1)).collect();
    assert_eq!(
        vals,
        [
            (FigureKind::Count, Some(2.0)),
            (FigureKind::Money, Some(6_100_000.0)),
            (FigureKind::Count, Some(1.0)),
            (FigureKind::Money, Some(200_000.0)),
            (FigureKind::FinancialYear, None),
            (FigureKind::FinancialYear, None),
            (FigureKind::Money, Some(321_000.0)),
            (FigureKind::Money, Some(-212_000.0)),
        ]
    );
    // A short row (a merged cell) does not take the units by position.
    let short = kvu("Sentence | 2020 | 2021\n | Number | % | Number | %\nCommunity | 117 | 40% | 99 | 36%\nTotal | 293 | 276");
    assert!(
        short
            .iter()
            .filter(|x| x.1 == Some(276.0))
            .all(|x| x.0 == FigureKind::Count),
        "{short:?}"
    );
}

// Changes with `up by` after a clause and the new value before the old
// (`to N from M`): forms found in the public pool, not in a gold set.
figure! { change_up_by_after_a_comma, "Referrals rose again, up by 45.7%.", Change, "up by 45.7%", 45.7, "%" }
figure! { change_to_then_from, "The rate has risen to 90% from 68%.", Change, "to 90% from 68%", 22.0, "%", from: 68.0, to: 90.0 }
figure! { change_to_then_from_count, "Vacancies were reduced to 433 from 3,062 at the end of October.", Change, "to 433 from 3,062", -2629.0, None, from: 3062.0, to: 433.0, period: "at the end of October" }
figure! { change_to_in_year_then_from, "Staff numbers will fall to 28 in 2025/26 from 40.", Change, "to 28 in 2025/26 from 40", -12.0, None, from: 40.0, to: 28.0, period: "in 2025/26" }
texts! { to_from_without_a_change_verb_is_no_change, "Trains run to 10 stations from 6 depots.", ["10 stations", "6 depots"] }

// A `+` sign: a figure in a table of changes and in text; a telephone
// number's country code, with its area code in brackets, is none.
texts! { plus_signed_figures, "The change was +0.3% (+7 staff).", ["+0.3%", "+7 staff"] }
texts! { plus_phone_with_bracketed_area_code, "Call us on +234 (9) 462 3100 or +44 20 7008 5000.", [] }
texts! { plus_glued_to_a_number_is_no_sign, "There are 4+1 bed units.", [] }
#[test]
fn table_plus_signed_cells_take_the_row_unit() {
    let got =
        kvu("Year | 2026-27 | 2027-28\nExchequer Impact (£m) | +5 | -15");
    let gbp = Some("GBP".to_string());
    assert_eq!(
        got[2..],
        [
            (FigureKind::Money, Some(5_000_000.0), gbp.clone()),
            (FigureKind::Money, Some(-15_000_000.0), gbp),
        ]
    );
}

// Public spending by kind (`Capital | Resource`) with amounts written
// `1.47 M` and a note in brackets after a cell (from a text of `tune`).
#[test]
fn table_capital_and_resource_with_spaced_millions() {
    let got = kvu("Year | Capital | Resource\n2018/19 | 1.47 M | 5.68 M\n2024-25 | 6.25m (estimate) | 10.87m (estimate)");
    let gbp = Some("GBP".to_string());
    let money: Vec<_> =
        got.iter().filter(|x| x.0 == FigureKind::Money).cloned().collect();
    assert_eq!(
        money,
        [
            (FigureKind::Money, Some(1_470_000.0), gbp.clone()),
            (FigureKind::Money, Some(5_680_000.0), gbp.clone()),
            (FigureKind::Money, Some(6_250_000.0), gbp.clone()),
            (FigureKind::Money, Some(10_870_000.0), gbp),
        ]
    );
}
// A spaced `M` scales only a decimal at the end of a clause: not `3 M`,
// not `5.68 M visits`, and a spaced `m` may be metres.
texts! { spaced_capital_m_at_a_clause_end, "Sales reached 5.68 M. The rank was 3 M.", ["5.68 M", "3"] }
texts! { spaced_m_before_a_word_is_no_scale, "There were 5.68 M visits over 2.5 m of track.", ["5.68", "2.5"] }

// --- fifth pass of issue 13 (the public pool and `tune`) ------------------
// A verb in `-s` ends a count's noun.
figure! { count_before_includes, "The oil and gas figure of 55 includes them.", Count, "55", 55.0, None::<&str> }
texts! { counts_before_includes, "Note that the 18,424 includes the 10,192.", ["18,424", "10,192"] }
// A capitalised change noun names a fund, not a change.
figure! { growth_in_a_fund_name, "The new £902 million Local Growth Fund is open.", Money, "£902 million", 902e6, "GBP" }
// A band before `age` names a group.
none! { band_before_age_range, "Authorities can spend it across the 0-25 age range." }
// A quarter of a million is a quantity.
figure! { quarter_of_a_million, "We had over a quarter of a million contributions.", Count, "a quarter of a million contributions", 250_000.0, "contributions", qualifier: MoreThan }
// A postcode's sector; a table's row numbers under an empty header cell.
texts! { postcode_sector_in_a_table, "Venue | Address | Cost\nHotel | Manchester M1 5 | £284\nHouse | London SW1P 3 | £5", ["£284", "£5"] }
texts! { road_then_a_count, "We drove on the M1 5 times.", ["5"] }
texts! { table_row_numbers, " | Local authority | Funds (£)\n1 | Birmingham | 351,324.81\n2 | Bradford | 223,230.88", ["351,324.81", "223,230.88"] }
// An age threshold for people.
none! { age_under_for_children, "Where the child is under 16, the courts may act." }
none! { age_or_over, "All participants must be 18 or over to join." }
none! { age_those_under, "It helps those under 25 who are care leavers." }
figure! { under_as_a_count, "Pupils live under 5 miles away.", Count, "5 miles", 5.0, "miles", qualifier: LessThan }
// `one-to-one` is a compound; a year before an acronym is a year.
none! { one_to_one_support, "Advisers give one-to-one support." }
none! { year_before_an_acronym, "This updates the original 2019 IES." }
// `N% of X …, up from M%` across a band of school years.
figure! { up_from_across_a_band, "50% of students in years 9 to 11 knew about it in 2023, up from 14%.", Change, "50% of students in years 9 to 11 knew about it in 2023, up from 14%", 36.0, "%", from: 14.0, to: 50.0, period: "in 2023" }
// `from X to just Y`.
figure! { from_to_just, "Waits fell from 14 days to just three.", Change, "from 14 days to just three", -11.0, "days", from: 14.0, to: 3.0 }
// A few weeks of support are a length of time; thousands of days a count.
figure! { weeks_of_support, "It is followed by four weeks of intensive support.", Duration, "four weeks", 4.0, "weeks" }
// Millions of funding are money; an amount higher is a change.
figure! { half_a_billion_of_funding, "We announced half a billion of additional central government funding.", Money, "half a billion", 5e8, "GBP" }
figure! { amount_higher, "It would be £4 billion higher without these reforms.", Change, "£4 billion higher", 4e9, "GBP" }
// A label's number before a word of time.
none! { table_label_before_year, "See Table 1 Year of Application." }

// A row one cell short of its header, opening with an amount, has no
// label cell: its cells stand under the columns after the first.
#[test]
fn table_row_without_its_label_cell() {
    let got = kvu("All trusts | Total Costs | Length of stay (days) | Average cost per day\n£481,873,973 | 842,354 | £572.06");
    let days = got.iter().find(|x| x.1 == Some(842_354.0)).cloned();
    assert_eq!(
        days,
        Some((
            FigureKind::Duration,
            Some(842_354.0),
            Some("days".to_string())
        ))
    );
}
// A year opening a short row labels it: no shift.
#[test]
fn table_short_row_opening_with_a_year() {
    let got = kvu("Year | Cases | Notes (£m)\n2021-2022 | 5873");
    assert!(
        got.iter().any(|x| x.0 == FigureKind::Count && x.1 == Some(5873.0)),
        "{got:?}"
    );
}
// `£, million` and `£,000` in a header scale the column.
#[test]
fn table_pound_comma_scale() {
    let got = kvu("Programme | 2022/23 (£, million)\nFlu vaccination | 448.1");
    assert!(
        got.contains(&(
            FigureKind::Money,
            Some(448_100_000.0),
            Some("GBP".to_string())
        )),
        "{got:?}"
    );
    let got = kvu("Year | Total (£,000)\n2010/11 | 3,100");
    assert!(
        got.contains(&(
            FigureKind::Money,
            Some(3_100_000.0),
            Some("GBP".to_string())
        )),
        "{got:?}"
    );
}

// `from the current offer of N to M`; numbers glued to underscores; short
// financial years after `(FY)` and at the far end of a span.
figure! { from_the_current_offer_of, "Pay doubles from the current offer of four weeks to eight weeks.", Change, "from the current offer of four weeks to eight weeks", 4.0, "weeks", from: 4.0, to: 8.0 }
none! { underscore_names, "See UKSPF_Indicators_25-26_.xlsx and table FIA_3 of Stage_2_MPA.pdf." }
texts! { short_fy_span_end, "In each year of the period, 2025-26 to 29-30.", ["2025-26", "29-30"] }
figure! { short_fy_after_bracketed_fy, "Financial Year (FY) 22-23 was the last.", FinancialYear, "22-23", None::<f64>, None::<&str>, period: "2022-23" }
// Ages in words, and both ends of an age band in words.
none! { age_in_words, "The vaccine covers children over the age of one year and those aged six months or over." }
none! { age_band_in_words, "Pupils aged eleven to sixteen, and pupils aged between four and ten." }

// Sixth pass (pool of real answers): lists of days before a month are
// dates; ages reached (`turn 18`); `or fewer` after a count's noun and
// `fewer than or equal to`; `around` after a verb of arrangement; an age
// band however its dash is spaced; a table header's bracketed aside is not
// part of its unit.
none! { days_listed_before_a_month, "See the answers provided on 11, 18 and 19 March, and on 10, 17, and 24 February 2023." }
none! { days_with_or_before_a_month, "Due dates falling on 25 or 26 December 2024 move." }
texts! { ages_reached, "They apply when they turn 18, or the term after their child turns 3; those who turned 16 in 2021/22.", ["2021/22"] }
figure! { turned_twenty_percent_is_no_age, "The margin turned 20% last year.", Percent, "20%", 20.0, "%", period: "last year" }
figure! { or_fewer_after_the_noun, "The total amounts to five people or fewer.", Count, "five people", 5.0, "people", qualifier: AtMost }
figure! { or_more_after_the_noun, "Farms of 40,000 poultry places or more need a permit.", Count, "40,000 poultry places", 40000.0, "poultry places", qualifier: AtLeast }
figure! { or_more_than_is_the_next_figure_s, "We saw 20 cases or more than that.", Count, "20 cases", 20.0, "cases" }
figure! { fewer_than_or_equal_to, "That number is fewer than or equal to five.", Count, "five", 5.0, None::<&str>, qualifier: AtMost }
figure! { centred_around_is_no_qualifier, "The Board is centred around four priority areas.", Count, "four priority areas", 4.0, "priority areas" }
figure! { around_is_still_approx, "We received around 200 calls.", Count, "200 calls", 200.0, "calls", qualifier: Approx }
none! { age_band_with_a_spaced_dash, "Hundreds of thousands of 16 -19 students attain Level 2." }
#[test]
fn table_header_aside_is_not_the_unit() {
    let got = kvu("Hub | Number of IOs (some part-time)\nHMP Lincoln | 5");
    assert!(
        got.contains(&(FigureKind::Count, Some(5.0), Some("IOs".to_string()))),
        "{got:?}"
    );
}
// A dashed short financial year after `in`/`until` with no word after it;
// `from X before to Y after` is no change.
figure! { dashed_short_fy_as_period, "Budgets were set until 24-25.", FinancialYear, "24-25", None::<f64>, None::<&str>, period: "2024-25" }
texts! { dashed_pair_before_a_noun_is_no_fy, "Support in 16-17 year olds rose.", [] }
texts! { from_before_to_after, "Adverts are banned from 5 minutes before to 5 minutes after the event.", ["5 minutes", "5 minutes"] }
// A lettered part of a labelled thing (`table C.2`, not "circa 2"); an age
// reached in words.
none! { lettered_table_label, "As set out in the Budget document (Table C.2), and table C.2 confirms it." }
figure! { circa_still_approx, "Some c.300 people came.", Count, "300 people", 300.0, "people", qualifier: Approx }
none! { age_reached_in_words, "Credits run until their child turns twelve." }
// A far change verb across a list's commas or a bracketed aside; not
// across a finite `is` (the `by` belongs to another verb).
figure! { far_verb_across_a_list, "It reduced combined deaths across HIV, TB and malaria by 63 per cent.", Change, "by 63 per cent", -63.0, "%" }
figure! { far_verb_across_brackets, "We will reduce our direct (gas, fuel, fugitive) emissions by 23%.", Change, "by 23%", -23.0, "%" }
texts! { far_verb_not_across_is, "The campaign to increase the Cadet Forces by 30% by 2030 is backed by £70 million.", ["increase the Cadet Forces by 30%", "£70 million"] }
// School years and quarters in lower case, notes in brackets and house
// numbers are labels; financial years in the plural.
none! { school_years_lower_case, "It varies for students in years 11 and 13, and in years 2 and 3 of the fund." }
none! { quarters_are_labels, "Errors fell to zero in quarter 3 and quarter 4 of the year." }
none! { notes_in_brackets, "Applicants invited [note 1] rose (see note 2)." }
none! { house_numbers, "Ministers met at 10 Downing Street and at 23 Stephenson Street, and 3-8 Whitehall Place." }
figure! { we_note_is_a_verb, "We note 5 cases were late.", Count, "5 cases", 5.0, "cases" }
texts! { financial_years_plural, "Discussions over financial years 22-23 and 23-24 went well.", ["22-23", "23-24"] }
// `One` naming a programme or an address, and idioms of `one`.
none! { one_as_a_name, "5. One Defence. The venue was One Great George Street." }
none! { one_place_and_one_to_another, "It brings the data together in one place, and costs vary from one property to another." }
figure! { one_with_a_capitalised_phrase_counts, "One London GP surgery reduced waits.", Count, "One London GP surgery", 1.0, "London GP surgery" }
// A qualifier between a number and its unit of time.
figure! { or_more_between_number_and_unit_of_time, "Prisoners serving a sentence of 4 or more years.", Duration, "4 or more years", 4.0, "years", qualifier: AtLeast }
none! { or_over_years_old_is_an_age, "People aged 65 or over years old." }
// Telephone service numbers; more label words; a label's list does not
// swallow a large amount.
none! { service_numbers, "Report via 101, 999, or at a local station; call 999 now; including 999 and 112." }
figure! { service_number_counting_something, "We received 101 complaints.", Count, "101 complaints", 101.0, "complaints" }
none! { more_label_words, "In tranche 1 and dataset 2, scope 3 emissions, action 9 and incident 4 fell." }
texts! { label_list_stops_at_an_amount, "1,889 were released on day one of tranche 1 and 1,223 were released later.", ["1,889", "1,223"] }
// `twenty first century` is an ordinal; a list of ages before `year olds`.
none! { tens_before_an_ordinal, "The challenges of the twenty first century and the twenty-first century." }
none! { ages_listed_before_year_olds, "Education for any 16, 17 or 18 year olds, and a pregnant 16 or 17-year-old." }
// `Spending Review` in a header names an event, not spend.
#[test]
fn table_spending_review_is_no_money() {
    let got =
        kvu("Month | Activity since the Spending Review\nJan-24 | 6,841,026");
    assert!(
        got.iter()
            .any(|x| x.0 == FigureKind::Count && x.1 == Some(6_841_026.0)),
        "{got:?}"
    );
}

// --- seventh pass of issue 13 (the public pool) ---------------------------
// An age band set off by a comma or a bracket just after `age` names a
// group; a range of ages after other words is still a range.
none! { age_band_after_school_age, "Children of compulsory school age, 5 to 16, travel free." }
none! { age_band_bracketed_after_working_age, "We counted working-age people (16-64) in work." }
texts! { range_after_a_bracket_without_age, "Grants (5 to 16 per school) were paid.", ["5 to 16"] }
// A list of labels in words continues as in digits.
none! { label_list_in_words, "We support computer science at level two and three, and more." }
none! { label_list_in_words_with_commas, "We agree with recommendations five, six and seven in the report." }
texts! { label_list_in_words_then_a_share, "We aim to diagnose 75% of cancers at stages one and two by 2028.", ["75%"] }
// `over` after a word of spreading, before a spell of time, is "during";
// before an amount, and after other words, it is still "more than".
figure! { phased_in_over_years, "The change will be phased in over three years.", Duration, "three years", 3.0, "years" }
figure! { spread_over_financial_years, "The funding was spread over two financial years.", Duration, "two financial years", 2.0, "years" }
figure! { spent_over_an_amount, "The Government has spent over £2 billion.", Money, "£2 billion", 2e9, "GBP", qualifier: MoreThan }
figure! { waited_over_months, "Claims have waited for over three months.", Duration, "three months", 3.0, "months", qualifier: MoreThan }
// The noun after the last of a list of labels names them all; a count
// after a label, a comma, a bracket or a labelled noun is still a count.
none! { label_list_with_a_noun, "NICE guidance covers type 1 and 2 diabetes in full." }
texts! { label_range_with_a_noun, "There are 113 band 3-5 prison officers in post.", ["113"] }
texts! { count_after_a_label_and_a_larger_count, "We had 968 users on Trial 1 and 532 users on Trial 2.", ["968 users", "532 users"] }
texts! { count_after_a_label_and_a_comma, "Six attended, including a Grade 7, three SEOs and an EO.", ["Six", "three SEOs"] }
texts! { count_after_a_bracketed_aside, "Exception 3 (Secondments) - 8 appointments were made.", ["8 appointments"] }
// The government's streets named without a street word take house
// numbers too; Whitehall standing for the government does not.
texts! { house_number_on_whitehall, "There are 571 desks in 55 Whitehall and more elsewhere.", ["571 desks"] }
none! { house_number_on_petty_france, "The office is based at 102 Petty France, London." }
figure! { whitehall_departments_count, "We asked 20 Whitehall departments for data.", Count, "20 Whitehall departments", 20.0, "Whitehall departments" }
// `one another` is a pronoun; a year before a capitalised name is a year.
none! { one_another_is_a_pronoun, "Officials keep one another informed on decisions." }
none! { year_before_a_capitalised_name, "We use the recently published 2025 Indices of Multiple Deprivation." }
// The end of a change may follow an article and a word saying how it is
// known; the ends of `ranged from … in YEAR to …` are two years' values.
figure! { change_to_an_effective_value, "The rate has increased from £5.29 to an effective £5.62 from September.", Change, "from £5.29 to an effective £5.62", 0.33, "GBP", from: 5.29, to: 5.62, period: "from September" }
texts! { ranged_from_a_value_in_a_year_to_another, "Spending ranged from £5.8 million in 1996-97 to £30.6 million for 2025-26.", ["£5.8 million", "1996-97", "£30.6 million", "2025-26"] }
// A dashed short financial year after more prepositions, and before a
// word that carries the clause on; not before a word naming a group.
figure! { short_dashed_year_beyond, "Funding beyond 25-26 will be set at Phase 2.", FinancialYear, "25-26", None, None::<&str>, period: "2025-26" }
figure! { short_dashed_year_for_then_comma, "For 26-27, we expect to deliver more.", FinancialYear, "26-27", None, None::<&str>, period: "2026-27" }
texts! { dashed_age_band_before_year_olds, "Support for 16-17 year olds rose.", [] }

// Eighth pass (public pool, `docs/figures.md`).
// A header that names pounds in words makes its column money, scaled by
// its `millions`/`thousands`.
#[test]
fn table_header_naming_millions_of_pounds() {
    let got = kvu("Integrated care board | Acute (millions of pounds) | Visits\nNorth ICB | 1,115.9 | 190");
    assert_eq!(
        got,
        vec![
            (
                FigureKind::Money,
                Some(1_115_900_000.0),
                Some("GBP".to_string())
            ),
            (FigureKind::Count, Some(190.0), None),
        ]
    );
}

// The numbers under a first header cell naming numbered groups are the
// groups' names, not counts; the other columns keep theirs.
#[test]
fn table_first_column_under_a_group_header() {
    let got = kvu("Cohort number | Programme | Number of participants\n1 | High potential | 14\n2 | Leadership | 15");
    assert_eq!(
        got,
        vec![
            (FigureKind::Count, Some(14.0), Some("participants".to_string())),
            (FigureKind::Count, Some(15.0), Some("participants".to_string())),
        ]
    );
    let got = kvu("IMD quintile | Reception | Year 6\n2 | 12.1% | 28.9%");
    assert_eq!(got.len(), 2);
    assert!(got.iter().all(|g| g.0 == FigureKind::Percent));
    // `Number of appointments` counts: its first column stays.
    let got =
        kvu("Number of appointments | Pay Band\n4 | Senior Civil Servant");
    assert_eq!(
        got,
        vec![(FigureKind::Count, Some(4.0), Some("appointments".to_string()))]
    );
}

// `≤` and `≥` touching a number are at most / at least; a sign just inside
// a bracket or quote qualifies the number too.
figure! { at_most_sign_in_quotes, "Small numbers are shown as ‘≤2’ in the table.", Count, "2", 2.0, None::<&str>, qualifier: AtMost }
figure! { at_least_sign, "Premises with ≥30 Mbps are counted.", Count, "30 Mbps", 30.0, "Mbps", qualifier: AtLeast }
figure! { less_than_sign_in_brackets, "The share related to MemberHub was small (<1%).", Percent, "1%", 1.0, "%", qualifier: LessThan }
// Labels listed in brackets after a label word are labels; a value in
// brackets after `year` or `figure` is still a value.
none! { labels_listed_in_brackets, "Reports on individuals in detention by level (1, 2 and 3)." }
none! { occupation_code_in_brackets, "Visas for the care workers occupation code (6135) rose." }
figure! { value_in_brackets_after_year, "This is a rise compared to the preceding year (19,117).", Count, "19,117", 19117.0, None::<&str> }
// An age threshold in brackets after a word for people is an age.
none! { age_in_brackets_after_people, "Accommodation for young people (under 25) who are at risk." }
// `under one roof` and `a one stop shop` are idioms, not counts.
none! { under_one_roof, "The centres bring services together under one roof, including crisis beds." }
none! { one_stop_shop, "This includes an enhanced ‘one stop shop’ advice service." }
// Thousands written once, on the second end of a range, apply to the
// first when it is of that size; a band of ages after a word for people
// is no range.
figure! { range_with_thousands_written_once, "The programme will support 40-45,000 customers.", Range, "40-45,000 customers", 40000.0, "customers", low: 40000.0, high: 45000.0 }
figure! { range_small_to_thousands_stays, "Firms employ 5-60,000 staff each.", Range, "5-60,000 staff", 5.0, "staff", low: 5.0, high: 60000.0 }
none! { age_band_after_children, "Services for families with children 0-19 are growing." }
// Quarters after `first`, `last`, `next`... are quarters of a year, not a
// fraction; `three quarters of` a whole still is.
texts! { first_two_quarters_of_a_year, "Places lost in the first two quarters of 2023-24 are shown.", ["2023-24"] }
figure! { three_quarters_of_a_whole, "Almost three quarters of estates claimed relief.", Ratio, "three quarters", 3.0, "estates", total: 4.0, qualifier: Approx }
