//! A minister's letter: letterhead, addresses, date, references, subject,
//! salutation, body, sign-off and signature.
//!
//! The layout is found from landmarks rather than fixed positions: the
//! salutation (`Dear …`) splits the header from the body, the last sign-off
//! (`Yours sincerely`) ends the body, and the header's blocks (separated by
//! blank lines) are told apart by what they hold, so the sender's and the
//! recipient's blocks may come in either order:
//!
//! - the sender's: the signature's name, a telephone number, an email or
//!   web address, a department (`Department for Education`, `HM
//!   Treasury`), an office (`Parliamentary Under-Secretary of State`);
//! - the recipient's: a person's name that is not the signature's
//!   (`Lord Watson of Invergowrie`, `Rt Hon Robert Halfon MP`), then the
//!   address;
//! - a date in any common form (`7 January 2022`, `7th January 2022`,
//!   `January 7, 2022`, `07/01/2022`, read day first as in the UK);
//! - references (`Our reference: 168555`, `Our ref:`, `Your ref:`; ours is
//!   preferred) and subject lines (`Re: …`, `Subject: …`).
//!
//! The signature is the first line after the sign-off that is not a
//! description of a signature image (`A handwritten signature …`); a name
//! in capitals is re-cased (`BARONESS BARRAN` → `Baroness Barran`), and the
//! line after it is the office, or the organisation when it names one.
//! The office printed in the letterhead, when there is one, is preferred
//! to the (often shortened) one under the signature.
//!
//! `email` is an email address only: a web address on the letterhead is
//! not an email and is left out (see `docs/decisions.md`).
//!
//! Scanned letters are handled with warnings rather than failures: a
//! letter flattened to one line (no line breaks at all) has its
//! salutation and sign-off found inside the line and its header cut at
//! postcodes, dates, telephone numbers and references; `|` read by OCR for
//! `I` (`| am`) is put right in the body; page numbers, security markings
//! and letterhead lines repeated on a later page are dropped from the
//! body. A title line just after the salutation is the subject.

use std::sync::LazyLock;

use regex::Regex;

use crate::error::{Error, ErrorKind, Result};
use crate::format::Format;
use crate::record::{Kind, Letter, Record};
use crate::text::{self, clean_plain, parse_date};
use crate::{Input, Parsed};

// ---------------------------------------------------------------------
// Landmarks

/// `Dear Mike,` on a line of its own.
static SALUTATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^[ \t]*(Dear\s+[^\n,:]{1,80}?)[ \t]*[,:]?[ \t]*$")
        .expect("valid regex")
});

/// `Dear Ms Smith,` inside a line (a letter flattened to one line).
static INLINE_SALUTATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\b(Dear\s+(?:Sir\s+or\s+Madam|Sir/Madam|(?:(?:Mr|Mrs|Ms|Miss|Mx|Dr|Sir|Dame|Lord|Lady|Baroness|Professor|Prof|Rev|Cllr|Councillor)\.?\s+)?[A-Z][\w'’.-]*(?:\s+(?:of\s+)?[A-Z][\w'’.-]*){0,4}))\s*,",
    )
    .expect("valid regex")
});

/// `Yours sincerely,` on a line of its own.
static SIGN_OFF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?mi)^[ \t]*(Yours\s+(?:sincerely|faithfully|truly|ever|aye)|Yours|With\s+(?:best|kind|warm)\s+(?:wishes|regards)|Best\s+wishes|Kind\s+regards|Warm\s+regards|Regards)[ \t]*[,.]?[ \t]*$",
    )
    .expect("valid regex")
});

/// `Yours sincerely,` inside a line.
static INLINE_SIGN_OFF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(Yours\s+(?:sincerely|faithfully|truly|ever)|With\s+(?:best|kind|warm)\s+(?:wishes|regards)|Kind\s+regards|Best\s+wishes)\s*[,.]",
    )
    .expect("valid regex")
});

/// The strict sign-offs a flattened letter must have to be detected.
static STRICT_SIGN_OFF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bYours\s+(?:sincerely|faithfully)\b")
        .expect("valid regex")
});

// ---------------------------------------------------------------------
// Header fields

static POSTCODE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b[A-Z]{1,2}[0-9][A-Z0-9]?\s*[0-9][A-Z]{2}\b")
        .expect("valid regex")
});

static PHONE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:tel(?:ephone)?|phone|t)\b\s*[:.]?\s*(\+?[0-9][0-9 ()-]{7,}[0-9])",
    )
    .expect("valid regex")
});

static EMAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
        .expect("valid regex")
});

static WEB: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:https?://|www\.)[^\s,;]+[^\s,;.)]")
        .expect("valid regex")
});

/// `Our reference:`, `Our ref`, `Your ref:`, `Ref:`; the value follows.
static REF_KEY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:(our|your|my)\s+ref(?:erence)?\.?(?:\s*(?:no\.?|number))?\s*[:.]?|ref(?:erence)?(?:\s*(?:no\.?|number))?\s*:)\s*",
    )
    .expect("valid regex")
});

static SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:re|subject|subj)\s*[:.]\s*(\S.*?)\s*$")
        .expect("valid regex")
});

/// Where an office starts in a one-line signature
/// (`BARONESS BARRAN PARLIAMENTARY UNDER-SECRETARY OF STATE`).
static ROLE_START: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:parliamentary|minister|secretary|under-secretary|deputy|permanent|chief|head|director|chair(?:man|woman)?|senior|assistant|principal|attorney|solicitor|advocate|paymaster|lord\s+chancellor|leader|exchequer|financial\s+secretary|economic\s+secretary|commissioner|clerk|officer|manager|prime)\b",
    )
    .expect("valid regex")
});

/// UK government departments, current and recent, for letterheads run
/// into their address (flattened letters).
const DEPARTMENTS: [&str; 40] = [
    "Department for Business, Energy and Industrial Strategy",
    "Department for Business, Energy & Industrial Strategy",
    "Department for Business and Trade",
    "Department for Business, Innovation and Skills",
    "Department for Communities and Local Government",
    "Department for Culture, Media and Sport",
    "Department for Digital, Culture, Media and Sport",
    "Department for Digital, Culture, Media & Sport",
    "Department for Education",
    "Department for Energy Security and Net Zero",
    "Department for Environment, Food and Rural Affairs",
    "Department for Environment, Food & Rural Affairs",
    "Department for Exiting the European Union",
    "Department for International Development",
    "Department for International Trade",
    "Department for Levelling Up, Housing and Communities",
    "Department for Science, Innovation and Technology",
    "Department for Transport",
    "Department for Work and Pensions",
    "Department for Work & Pensions",
    "Department of Energy and Climate Change",
    "Department of Health and Social Care",
    "Department of Health & Social Care",
    "Department of Health",
    "Ministry of Defence",
    "Ministry of Housing, Communities and Local Government",
    "Ministry of Housing, Communities & Local Government",
    "Ministry of Justice",
    "HM Treasury",
    "HM Revenue and Customs",
    "HM Revenue & Customs",
    "Home Office",
    "Foreign, Commonwealth and Development Office",
    "Foreign, Commonwealth & Development Office",
    "Foreign and Commonwealth Office",
    "Cabinet Office",
    "Northern Ireland Office",
    "Office of the Secretary of State for Scotland",
    "Office of the Secretary of State for Wales",
    "Scotland Office",
];

/// A line that is only an organisation's name.
static ORG_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:Department\s+(?:for|of)\s+[A-Z][A-Za-z,&' -]+|Ministry\s+of\s+[A-Z][A-Za-z,&' -]+|HM\s+[A-Z][A-Za-z&' ]+|[A-Z][A-Za-z,&' -]*\s+Office|Office\s+(?:of|for)\s+(?:the\s+)?[A-Z][A-Za-z,&' -]+)$",
    )
    .expect("valid regex")
});

/// Words that start the address part of a name run into its address.
const ADDRESS_WORDS: [&str; 34] = [
    "house",
    "houses",
    "street",
    "st",
    "road",
    "rd",
    "lane",
    "avenue",
    "buildings",
    "building",
    "court",
    "square",
    "place",
    "parliament",
    "london",
    "westminster",
    "whitehall",
    "gardens",
    "terrace",
    "way",
    "drive",
    "close",
    "crescent",
    "park",
    "hall",
    "chambers",
    "office",
    "department",
    "ministry",
    "committee",
    "council",
    "unit",
    "centre",
    "tower",
];

// ---------------------------------------------------------------------
// Detection

/// Whether `text` looks like a letter: a salutation line followed by a
/// sign-off line; or, for a letter flattened to one line, `Dear Name,`
/// followed by `Yours sincerely`/`Yours faithfully`.
pub(crate) fn detect(text: &str) -> bool {
    let head = text::head(text, 200_000);
    if let Some(m) = SALUTATION.find(head) {
        if SIGN_OFF.is_match(&head[m.end()..]) {
            return true;
        }
        // No sign-off (a committee's letter signed with the Chair's name
        // only, or a page cut short): a dated header and a body that
        // opens as letters do.
        let before = &head[..m.start()];
        let after = head[m.end()..].trim_start();
        return before.lines().any(|l| text::find_date(l).is_some())
            && LETTER_OPENING.is_match(after);
    }
    // A letter flattened to one line, maybe under a few lines of page
    // furniture.
    let long_line = head.lines().any(|l| l.len() > 600);
    if head.trim().lines().count() <= 3 || long_line {
        for m in INLINE_SALUTATION.find_iter(head) {
            let after = &head[m.end()..];
            if STRICT_SIGN_OFF.is_match(after) {
                return true;
            }
            let line_start =
                head[..m.start()].rfind('\n').map_or(0, |i| i + 1);
            let before = &head[line_start..m.start()];
            if long_line
                && text::find_date(before).is_some()
                && LETTER_OPENING.is_match(after.trim_start())
            {
                return true;
            }
        }
    }
    letter_from_heading(head).is_some()
}

/// How a letter's body opens (`I write…`, `Thank you for…`, `As you are
/// aware…`), within its first sentence or title line.
static LETTER_OPENING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?s)^.{0,200}?\b(?:I\s+(?:am|write|wrote|was|have|had|would|should|wanted|hope|refer|enclose|attach)|I['’]m|We\s+(?:are|write|have|would)|Thank\s+you|Further\s+to|Following|As\s+you\s+(?:are|will|know)|Many\s+thanks)\b",
    )
    .expect("valid regex")
});

/// `Letter from Mr Andrew Tyrie MP to the Chairman of the Committee`,
/// `Letter from Madam Speaker to Tony Wright, MP of 5 July 2000`,
/// `8. Letter to Mr Jim Fitzpatrick MP` / `from the Commissioner, 4
/// November 2009`, `Letter to the Minister for …, 16 December 2021`: the
/// headings under which committee reports print the
/// letters they received or sent. Groups `from`, `to` and `date`.
static LETTER_HEADINGS: LazyLock<[Regex; 3]> = LazyLock::new(|| {
    const DATE: &str =
        r"(?P<date>\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]+\.?\s+\d{4})";
    [
        Regex::new(&format!(
            r"(?m)^[ \t]*(?:Annex\s+\S+[:.]?\s+|\d{{1,3}}\.\s+)?Letter\s+from\s+(?P<from>[^\n]{{3,120}}?)\s+to\s+(?P<to>[^\n]{{3,160}}?)(?:,?\s+(?:of|dated)\s+{DATE})?[ \t]*\.?[ \t]*$"
        ))
        .expect("valid regex"),
        Regex::new(&format!(
            r"(?m)^[ \t]*(?:Annex\s+\S+[:.]?\s+|\d{{1,3}}\.\s+)?Letter\s+to\s+(?P<to>[^\n]{{3,120}}?)\s+from\s+(?P<from>[^\n]{{3,160}}?)(?:,?\s+(?:of\s+|dated\s+)?{DATE})?[ \t]*\.?[ \t]*$"
        ))
        .expect("valid regex"),
        // `Letter to the Minister for the Cabinet Office, 16 December 2021`
        Regex::new(&format!(
            r"(?m)^[ \t]*(?:\d{{1,3}}\.\s+)?Letter\s+to\s+(?P<to>[^\n]{{3,160}}?),\s+{DATE}[ \t]*\.?[ \t]*$"
        ))
        .expect("valid regex"),
    ]
});

/// The `Letter from … to …` (or `Letter to … from …`) heading of a letter
/// printed in a report, when the paragraph after it opens as a letter
/// does; its captures.
fn letter_from_heading(text: &str) -> Option<regex::Captures<'_>> {
    LETTER_HEADINGS
        .iter()
        .filter_map(|re| {
            let c = re.captures(text)?;
            let end = c.get(0)?.end();
            let after = text.get(end..)?.trim_start();
            LETTER_OPENING.is_match(after).then_some(c)
        })
        .min_by_key(|c| c.get(0).map_or(usize::MAX, |m| m.start()))
}

// ---------------------------------------------------------------------
// Parsing

/// The letter cut at its landmarks.
struct Layout<'a> {
    header: String,
    salutation: String,
    body: &'a str,
    sign_off: Option<String>,
    signature: &'a str,
    flattened: bool,
}

fn layout(text: &str) -> Option<Layout<'_>> {
    let (sal_range, salutation, flattened) = match SALUTATION.captures(text) {
        Some(c) => {
            let m = c.get(0)?;
            (m.range(), c[1].to_string(), false)
        }
        None => {
            let c = INLINE_SALUTATION.captures(text)?;
            let m = c.get(0)?;
            (m.range(), c[1].to_string(), true)
        }
    };
    let after = &text[sal_range.end..];
    let line_sign = SIGN_OFF.captures_iter(after).last();
    let sign = match line_sign {
        Some(c) => c.get(0).map(|m| (m.range(), c[1].to_string())),
        None => INLINE_SIGN_OFF
            .captures_iter(after)
            .last()
            .and_then(|c| c.get(0).map(|m| (m.range(), c[1].to_string()))),
    };
    let (body, sign_off, signature) = match sign {
        Some((r, s)) => (&after[..r.start], Some(s), &after[r.end..]),
        None => (after, None, ""),
    };
    let header = &text[..sal_range.start];
    let header =
        if flattened { reline_header(header) } else { header.to_string() };
    Some(Layout {
        header,
        salutation: text::html::collapse_spaces(&salutation),
        body,
        sign_off,
        signature,
        flattened,
    })
}

/// Lines a web page or a PDF host puts around a letter: `Total Page:16`,
/// `File Type:pdf, Size:1020Kb`, `previous page contents next page`, the
/// publications site's footer. They are blanked (the line count is kept).
static FURNITURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?im)^[ \t]*(?:Total\s+Page:\s*\d+|File\s+Type:\s*\w+(?:,\s*Size:\s*\S+)?|previous\s+page\s+contents(?:\s+next\s+page)?|contents\s+next\s+page|House\s+of\s+Commons\s+home\s+page\b.*|©\s*Parliamentary\s+copyright.*|Prepared\s+\d{1,2}\s+[A-Za-z]+\s+\d{4})[ \t]*$",
    )
    .expect("valid regex")
});

/// An office a salutation can name instead of a person: `Dear Secretary
/// of State`, `Dear Lord Chancellor`, `Dear Minister`, `Dear Chair`.
static OFFICE_SALUTATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^Dear\s+((?:(?:Deputy|Shadow)\s+)?(?:Secretary\s+of\s+State|Minister|Lord\s+Chancellor|Chancellor(?:\s+of\s+the\s+(?:Exchequer|Duchy\s+of\s+Lancaster))?|Prime\s+Minister|Attorney(?:\s+|-)General|Solicitor(?:\s+|-)General|Advocate\s+General|(?:Chief|Financial|Economic|Exchequer)\s+Secretary|Paymaster\s+General|Leader\s+of\s+the\s+House|Chief\s+Whip|Chair(?:man|woman)?|Convener|Lord\s+Speaker|Mr\.?\s+Speaker|Madam\s+Speaker|Commissioner|Director(?:\s+General)?|Permanent\s+Secretary))\s*$",
    )
    .expect("valid regex")
});

/// A committee named in a letterhead or a signature.
static COMMITTEE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\b((?:Select\s+Committee\s+on\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+(?:and\s+|of\s+|the\s+)?[A-Z][\w’'-]*){0,5})|(?:[A-Z][\w’'-]*\s+(?:and\s+|of\s+|the\s+)?){1,6}Committee)\b",
    )
    .expect("valid regex")
});

/// Parses one letter.
pub(crate) fn parse(input: &Input<'_>) -> Result<Parsed> {
    let blanked;
    let text = if FURNITURE.is_match(input.text) {
        blanked = FURNITURE.replace_all(input.text, "").into_owned();
        blanked.as_str()
    } else {
        input.text
    };
    let from_heading = letter_from_heading(text);
    if SALUTATION.find(text).is_none() {
        if let Some(c) = from_heading {
            return Ok(parse_letter_from(input, text, &c));
        }
    }
    let Some(lay) = layout(text) else {
        return Err(Error::new(ErrorKind::NoRecords(
            "expected a \"Dear ...\" salutation line".into(),
        ))
        .at_offset(text, 0));
    };
    let mut record = Record::question(input.source(Format::Letter, 0, None));
    record.kind = Kind::Letter;
    record.question = None;
    let mut letter = Letter {
        salutation: Some(lay.salutation.clone()),
        sign_off: lay.sign_off.clone(),
        ..Letter::default()
    };
    if lay.flattened {
        record.warn(
            "the letter has no line breaks: its layout was rebuilt from \
             landmarks, so the header's fields are a best guess",
        );
    }
    if lay.sign_off.is_none() {
        record.warn(
            "no sign-off (\"Yours sincerely\") found: body runs to the end",
        );
    }

    let header_lines: Vec<&str> =
        lay.header.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    // Without a sign-off, a closing line that is a signature (`William
    // Wragg MP Chair, Public Administration and Constitutional Affairs
    // Committee`) is taken from the end of the body.
    let (body_text, trailing_sig) = match lay.sign_off {
        Some(_) => (lay.body, None),
        None => split_trailing_signature(lay.body),
    };
    let from_trailing = trailing_sig.is_some();
    let sig = match trailing_sig {
        Some(t) => {
            record.warn(
                "no sign-off: the last line of the letter is taken as the \
                 signature",
            );
            let mut sig = signature(&t);
            // `Chair, Public Administration … Committee`: the office, then
            // the committee.
            if let Some(role_line) = t.lines().nth(1) {
                match role_line.split_once(',') {
                    Some((r, org)) if COMMITTEE.is_match(org) => {
                        sig.role = Some(r.trim().to_string());
                        sig.organisation = Some(org.trim().to_string());
                    }
                    _ => sig.role = Some(role_line.trim().to_string()),
                }
            }
            sig
        }
        None => signature(lay.signature),
    };

    // The body, and a subject line at its top.
    let (subject, body) =
        clean_body(body_text, &header_lines, &mut record.warnings);
    letter.subject = subject;
    letter.body = body;
    if letter.body.is_none() {
        record.warn("letter body is empty");
    }

    read_header(&lay.header, lay.flattened, &sig, &mut letter);

    if from_trailing {
        // A committee's letter has no letterhead office: what the header
        // holds is the recipients'.
        letter.sender.name = sig.name.clone().or(letter.sender.name.take());
        letter.sender.role = sig.role.clone().or(letter.sender.role.take());
        letter.sender.organisation =
            sig.organisation.clone().or(letter.sender.organisation.take());
    }
    if letter.sender.name.is_none() {
        letter.sender.name = sig.name.clone();
    }
    if letter.sender.role.is_none() {
        letter.sender.role = sig.role.clone();
    }
    if letter.sender.organisation.is_none() {
        letter.sender.organisation = sig.organisation.clone();
    }
    if letter.date.is_none() {
        letter.date = lay.header.lines().find_map(text::find_date);
    }
    if letter.date.is_none() {
        // `22/07/98`: a two-digit year is read near a year the letter
        // itself gives (a full date, or a year, anywhere in it).
        if let Some(year) = reference_year(text) {
            let near = |l: &str| text::find_date_near(l, Some(year));
            if let Some(d) = lay.header.lines().find_map(near) {
                record.warn(format!(
                    "the letter's date has a two-digit year, read as {} \
                     (near {year}, a year the letter gives)",
                    d.year()
                ));
                letter.date = Some(d);
            }
        }
    }
    // A recipient addressed by office.
    if let Some(c) = OFFICE_SALUTATION.captures(&lay.salutation) {
        if letter.recipient.role.is_none() {
            letter.recipient.role = Some(text::html::collapse_spaces(&c[1]));
        }
    }
    // A committee's letter: the committee is the sender's organisation.
    if letter.sender.organisation.is_none() {
        let committee = lay
            .header
            .lines()
            .chain(lay.signature.lines())
            .chain(trailing_sig_text(&sig).lines())
            .find_map(|l| {
                COMMITTEE.captures(l).map(|c| c[1].trim().to_string())
            });
        letter.sender.organisation = committee;
    }
    if letter.date.is_none() {
        if let Some(d) = lay.signature.lines().find_map(parse_date) {
            letter.date = Some(d);
            record.warn("the date is printed under the signature");
        }
    }
    if letter.date.is_none() {
        record.warn("no date found in the letter's header");
    }
    if letter.sender.name.is_none() {
        record.warn("sender not found");
    }
    if letter.recipient.name.is_none() {
        record.warn("recipient not found");
    }
    record.letter = Some(letter);
    Ok(Parsed { records: vec![record], ..Parsed::default() })
}

static YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(1[89]\d\d|20\d\d)\b").expect("valid regex")
});

/// A year the letter itself gives: that of its first full date, else the
/// first plausible year it mentions (`1998`, `1998-99`).
fn reference_year(text: &str) -> Option<i32> {
    text::find_date(text)
        .map(|d| d.year())
        .or_else(|| YEAR.captures(text).and_then(|c| c[1].parse().ok()))
}

/// The signature's role, as text to search for a committee's name.
fn trailing_sig_text(sig: &Sig) -> String {
    sig.role.clone().unwrap_or_default()
}

/// `NAME MP ROLE…` on one line: the name (with `MP`) and the role.
static NAME_MP_ROLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^((?:(?:Rt\.?\s+)?Hon\.?\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){1,3}\s+MP)\s+(\S.*)$")
        .expect("valid regex")
});

/// The body without its last line when that line is a signature: short,
/// no full stop at its end, a name with `MP` or a role word. Returns the
/// body and the signature as lines (name, then role).
fn split_trailing_signature(body: &str) -> (&str, Option<String>) {
    let trimmed = body.trim_end();
    let start = trimmed.rfind('\n').map_or(0, |i| i + 1);
    let last = trimmed[start..].trim();
    if start == 0
        || last.is_empty()
        || last.len() > 160
        || last.ends_with(['.', ':', ';', '?', '!'])
    {
        return (body, None);
    }
    if let Some(c) = NAME_MP_ROLE.captures(last) {
        return (&trimmed[..start], Some(format!("{}\n{}", &c[1], &c[2])));
    }
    if person_like(last) && last.split_whitespace().count() <= 6 {
        return (&trimmed[..start], Some(last.to_string()));
    }
    (body, None)
}

/// The paragraphs of a letter printed in a report: blocks between blank
/// lines with their lines joined; a page with no blank line at all (hard
/// line breaks only) is cut where a line ends a sentence and the next one
/// starts with a capital.
fn report_paragraphs(rest: &str) -> Vec<String> {
    let lines: Vec<&str> = rest.lines().map(str::trim).collect();
    let blank_separated = {
        let content = lines.iter().position(|l| !l.is_empty()).unwrap_or(0);
        lines.iter().skip(content).any(|l| l.is_empty())
            && lines.iter().filter(|l| !l.is_empty()).count() > 1
    };
    let mut out: Vec<String> = Vec::new();
    let mut cur = String::new();
    let flush = |cur: &mut String, out: &mut Vec<String>| {
        if !cur.is_empty() {
            out.push(std::mem::take(cur));
        }
    };
    let mut prev_ends = false;
    for l in lines {
        if l.is_empty() {
            flush(&mut cur, &mut out);
            prev_ends = false;
            continue;
        }
        let starts_cap = l.chars().next().is_some_and(char::is_uppercase);
        let standalone = parse_date(l).is_some() || l.len() < 3;
        if (!blank_separated && prev_ends && starts_cap) || standalone {
            flush(&mut cur, &mut out);
        }
        if !cur.is_empty() {
            cur.push(' ');
        }
        cur.push_str(l);
        prev_ends = l.ends_with(['.', '?', '!', ':']);
        if standalone {
            flush(&mut cur, &mut out);
        }
    }
    flush(&mut cur, &mut out);
    out
}

/// A letter printed in a report under `Letter from X to Y [of DATE]` (or
/// `Letter to Y from X, DATE`),
/// with no salutation: sender and recipient from the heading, the date
/// from the heading or from a date line after the body, the signature a
/// short line just before that date.
fn parse_letter_from(
    input: &Input<'_>,
    text: &str,
    c: &regex::Captures<'_>,
) -> Parsed {
    let mut record = Record::question(input.source(Format::Letter, 0, None));
    record.kind = Kind::Letter;
    record.question = None;
    let mut letter = Letter::default();
    let side = |s: &str| -> (Option<String>, Option<String>) {
        let s = s.trim().trim_end_matches(',').trim();
        let s = s.strip_prefix("the ").unwrap_or(s);
        if s.is_empty() {
            return (None, None);
        }
        let office = OFFICE_SALUTATION.is_match(&format!("Dear {s}"));
        if person_like(s) && !text::people::names_office(s) && !office {
            (Some(text::plain_name(s.trim_end_matches(", MP"))), None)
        } else {
            (None, Some(s.to_string()))
        }
    };
    let (n, r) = side(c.name("from").map_or("", |m| m.as_str()));
    letter.sender.name = n;
    letter.sender.role = r;
    let (n, r) = side(c.name("to").map_or("", |m| m.as_str()));
    letter.recipient.name = n;
    letter.recipient.role = r;
    letter.date = c.name("date").and_then(|d| parse_date(d.as_str()));
    let end = c.get(0).map_or(0, |m| m.end());
    let mut rest = text.get(end..).unwrap_or("");
    // A sign-off ends the letter; a short line after it is the signature,
    // anything longer is the page's.
    if let Some(sc) = SIGN_OFF.captures_iter(rest).last() {
        if let Some(m) = sc.get(0) {
            letter.sign_off = Some(sc[1].to_string());
            let after = rest.get(m.end()..).unwrap_or("");
            if let Some(l) =
                after.lines().map(str::trim).find(|l| !l.is_empty())
            {
                if l.len() < 80 && !l.ends_with('.') {
                    let sig = signature(l);
                    if letter.sender.name.is_none()
                        && letter.sender.role.is_none()
                    {
                        letter.sender.name = sig.name;
                    }
                }
            }
            rest = rest.get(..m.start()).unwrap_or(rest);
        }
    }
    let mut paras = report_paragraphs(rest);
    // Stray marks after the letter (`|`).
    while paras.last().is_some_and(|l| !l.chars().any(char::is_alphanumeric)) {
        paras.pop();
    }
    // Trailing date line, then a signature line before it.
    if let Some(last) = paras.last() {
        if let Some(d) = parse_date(last) {
            letter.date.get_or_insert(d);
            paras.pop();
            if let Some(s) = paras.last() {
                if s.len() < 80 && !s.ends_with('.') {
                    let sig = signature(s);
                    if letter.sender.name.is_none()
                        && letter.sender.role.is_none()
                    {
                        letter.sender.name = sig.name;
                    }
                    paras.pop();
                }
            }
        }
    }
    let body = clean_plain(&paras.join("\n\n"));
    letter.body = (!body.is_empty()).then_some(body);
    if letter.body.is_none() {
        record.warn("letter body is empty");
    }
    record.warn(
        "no salutation: a letter printed in a report under a \"Letter from \
         … to …\" heading",
    );
    if letter.date.is_none() {
        record.warn("no date found in the heading or after the letter");
    }
    if letter.sender.name.is_none() && letter.sender.role.is_none() {
        record.warn("sender not found: the heading names only the recipient");
    }
    record.letter = Some(letter);
    Parsed { records: vec![record], ..Parsed::default() }
}

// ---------------------------------------------------------------------
// Signature

/// What the signature gives.
#[derive(Debug, Default)]
struct Sig {
    name: Option<String>,
    role: Option<String>,
    organisation: Option<String>,
}

fn signature(sig: &str) -> Sig {
    let lines: Vec<&str> = sig
        .lines()
        .map(str::trim)
        .filter(|l| {
            !l.is_empty()
                && !is_signature_image(l)
                && !is_page_number(l)
                && !is_marking(l)
        })
        .collect();
    let mut out = Sig::default();
    let Some(first) = lines.first() else { return out };
    let first = strip_signature_image(first);
    // A name and office on one line: "BARONESS BARRAN PARLIAMENTARY
    // UNDER-SECRETARY OF STATE", "Jane Doe, Head of Correspondence".
    let (name, role_inline) = split_name_role(first);
    if name.is_empty() || parse_date(name).is_some() {
        return out;
    }
    out.name = Some(text::plain_name(&tidy_caps(name)));
    if let Some(r) = role_inline {
        out.role = Some(tidy_caps(r));
    }
    for l in lines.iter().skip(1).take(3) {
        if let Some(org) = org_of(l) {
            out.organisation.get_or_insert(org);
            continue;
        }
        if out.role.is_none()
            && !POSTCODE.is_match(l)
            && !PHONE.is_match(l)
            && !EMAIL.is_match(l)
            && !WEB.is_match(l)
            && parse_date(l).is_none()
            && l.split_whitespace().count() <= 14
            && !l.to_ascii_lowercase().starts_with("cc")
            && !l.to_ascii_lowercase().starts_with("enc")
        {
            out.role = Some(tidy_caps(l));
        }
    }
    out
}

/// Splits a one-line signature into name and office.
fn split_name_role(l: &str) -> (&str, Option<&str>) {
    if let Some((n, r)) = l.split_once(',') {
        if text::people::names_office(r) && !text::people::names_office(n) {
            return (n.trim(), Some(r.trim()));
        }
    }
    if let Some(m) = ROLE_START.find(l) {
        let name = l[..m.start()].trim();
        if !name.is_empty() && name.split_whitespace().count() <= 6 {
            return (name, Some(l[m.start()..].trim()));
        }
    }
    (l.trim(), None)
}

fn is_signature_image(l: &str) -> bool {
    let lower = l.to_lowercase();
    (lower.contains("signature") || lower.contains("signed"))
        && (lower.starts_with("a ")
            || lower.starts_with('[')
            || lower.starts_with('(')
            || lower.starts_with("image")
            || lower == "signature"
            || lower.starts_with("signed"))
}

/// A signature description at the start of a flattened signature line:
/// `[signature] JANE DOE`.
fn strip_signature_image(l: &str) -> &str {
    let t = l.trim();
    if t.starts_with('[') {
        if let Some(e) = t.find(']') {
            if t[..e].to_lowercase().contains("sign") {
                return t[e + 1..].trim();
            }
        }
    }
    if let Some(rest) = t.strip_prefix("A handwritten signature") {
        // "... reads \"Diana Barran\". BARONESS BARRAN": after the quote.
        if let Some((e, q)) =
            rest.char_indices().rev().find(|(_, c)| matches!(c, '"' | '”'))
        {
            return rest[e + q.len_utf8()..].trim_start_matches(['.', ' ']);
        }
    }
    t
}

/// "BARONESS BARRAN" to "Baroness Barran"; mixed-case text is kept.
/// Short vowel-less words (`MP`, `QC`, `HM`) stay in capitals.
pub(crate) fn tidy_caps(l: &str) -> String {
    if l.chars().any(|c| c.is_lowercase()) {
        return l.to_string();
    }
    l.split(' ')
        .map(|w| {
            let lw = w.to_lowercase();
            if matches!(lw.as_str(), "of" | "for" | "the" | "and" | "in") {
                return lw;
            }
            if matches!(
                lw.as_str(),
                "rt" | "rt." | "mr" | "mr." | "dr" | "dr."
            ) {
                let mut c = lw.chars();
                return c
                    .next()
                    .map(|f| f.to_uppercase().chain(c).collect())
                    .unwrap_or_default();
            }
            let letters: String =
                lw.chars().filter(|c| c.is_alphabetic()).collect();
            if !letters.is_empty()
                && letters.len() <= 3
                && !letters.chars().any(|c| "aeiouy".contains(c))
            {
                return w.to_string();
            }
            let mut out = String::new();
            let mut up = true;
            for c in lw.chars() {
                if up {
                    out.extend(c.to_uppercase());
                } else {
                    out.push(c);
                }
                up = c == '-' || c == '\'';
            }
            out
        })
        .collect::<Vec<_>>()
        .join(" ")
}

// ---------------------------------------------------------------------
// Body

/// `2`, `- 2 -`, `Page 2 of 3`.
fn is_page_number(l: &str) -> bool {
    static PAGE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?i)^(?:-\s*)?(?:page\s+)?\d{1,3}(?:\s+of\s+\d{1,3})?(?:\s*-)?$",
        )
        .expect("valid regex")
    });
    PAGE.is_match(l.trim())
}

/// Security markings printed on every page.
fn is_marking(l: &str) -> bool {
    let u = l.trim().to_ascii_uppercase();
    matches!(
        u.as_str(),
        "OFFICIAL"
            | "OFFICIAL-SENSITIVE"
            | "OFFICIAL - SENSITIVE"
            | "OFFICIAL SENSITIVE"
            | "UNCLASSIFIED"
            | "PROTECT"
            | "RESTRICTED"
            | "NOT PROTECTIVELY MARKED"
    )
}

/// `|` read by OCR for `I`, before the words that follow an "I".
static OCR_BAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"(^|[\s"“(])\|(\s+(?:am|have|had|was|will|would|hope|look|write|wrote|believe|know|think|can|could|should|shall|may|might|must|do|did|understand|appreciate|enclose|attach|trust|want|wanted|wish|apologise|regret|note|agree|share|also|remain|welcome|recognise|said|mentioned|set|am|thank|met|asked|visited|should)\b|['’](?:m|ve|ll|d)\b)"#,
    )
    .expect("valid regex")
});

/// Whether a line reads as a title: a few capitalised words, no closing
/// punctuation.
fn title_like(l: &str) -> bool {
    let t = l.trim();
    let words: Vec<&str> = t.split_whitespace().collect();
    if words.len() < 2
        || words.len() > 14
        || t.ends_with(['.', ',', ';', '?', '!'])
    {
        return false;
    }
    if t.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase) {
        return true;
    }
    let small = [
        "of", "and", "for", "the", "in", "on", "to", "a", "an", "with", "at",
        "by",
    ];
    words.iter().all(|w| {
        small.contains(w)
            || w.chars().next().is_some_and(|c| !c.is_lowercase())
    })
}

/// Joins the lines kept from a body; where dropped page furniture cut a
/// sentence (the line before has no closing punctuation, the line after
/// starts in lower case), the two halves are joined with a space.
fn rejoin_page_breaks(lines: &[Option<&str>]) -> String {
    let mut out: Vec<String> = Vec::with_capacity(lines.len());
    let mut i = 0;
    while i < lines.len() {
        let Some(l) = lines[i] else {
            i += 1;
            continue;
        };
        if !l.trim().is_empty() {
            out.push(l.to_string());
            i += 1;
            continue;
        }
        // A run of blank and dropped lines.
        let start = i;
        let mut dropped = false;
        while i < lines.len() && lines[i].is_none_or(|l| l.trim().is_empty()) {
            dropped |= lines[i].is_none();
            i += 1;
        }
        let next = lines.get(i).copied().flatten().unwrap_or("");
        let cut = dropped
            && out.last().is_some_and(|p| {
                !p.trim_end().ends_with(['.', '?', '!', ':', ';', '"', '”'])
            })
            && next
                .trim_start()
                .chars()
                .next()
                .is_some_and(char::is_lowercase);
        if cut {
            if let Some(p) = out.last_mut() {
                let t = p.trim_end().to_string();
                *p = format!("{t} {}", next.trim());
            }
            i += 1;
        } else {
            out.extend(
                lines[start..i].iter().flatten().map(|l| l.to_string()),
            );
        }
    }
    out.join("\n")
}

/// The body: a subject line at its top taken out, page furniture dropped,
/// OCR's `|` for `I` put right. Warnings say what was changed.
fn clean_body(
    raw: &str,
    header: &[&str],
    warnings: &mut Vec<String>,
) -> (Option<String>, Option<String>) {
    let mut lines: Vec<&str> = raw.lines().collect();
    while lines.first().is_some_and(|l| l.trim().is_empty()) {
        lines.remove(0);
    }
    let mut subject = None;
    if let Some(first) = lines.first() {
        if let Some(c) = SUBJECT.captures(first) {
            subject = Some(c[1].to_string());
            lines.remove(0);
        } else if title_like(first)
            && lines.get(1).is_some_and(|l| l.trim().is_empty())
        {
            subject = Some(text::html::collapse_spaces(first.trim()));
            lines.remove(0);
        }
    }
    let mut pages = 0;
    let mut repeated = 0;
    let mut markings = 0;
    // `None` marks a dropped line, where a page break may have cut a
    // paragraph.
    let mut kept: Vec<Option<&str>> = Vec::with_capacity(lines.len());
    for l in lines {
        let t = l.trim();
        if t.is_empty() {
            kept.push(Some(l));
        } else if is_page_number(t) {
            pages += 1;
            kept.push(None);
        } else if is_marking(t) {
            markings += 1;
            kept.push(None);
        } else if t.len() > 3 && header.contains(&t) {
            repeated += 1;
            kept.push(None);
        } else {
            kept.push(Some(l));
        }
    }
    let kept = rejoin_page_breaks(&kept);
    if pages > 0 {
        warnings.push(format!(
            "dropped {pages} page-number line{} from the body",
            if pages == 1 { "" } else { "s" }
        ));
    }
    if markings > 0 {
        warnings
            .push("dropped security markings (OFFICIAL) from the body".into());
    }
    if repeated > 0 {
        warnings.push(format!(
            "dropped {repeated} letterhead line{} repeated in the body (a \
             later page's header)",
            if repeated == 1 { "" } else { "s" }
        ));
    }
    let mut body = clean_plain(&kept);
    let bars = OCR_BAR.find_iter(&body).count();
    if bars > 0 {
        body = OCR_BAR.replace_all(&body, "${1}I${2}").into_owned();
        warnings.push(format!(
            "OCR: read \"|\" as \"I\" {bars} time{} in the body (\"| am\" → \
             \"I am\")",
            if bars == 1 { "" } else { "s" }
        ));
    }
    let body = if body.is_empty() { None } else { Some(body) };
    (subject, body)
}

// ---------------------------------------------------------------------
// Header

/// Cuts a flattened header into lines at postcodes, dates, telephone
/// numbers, email and web addresses, references and departments.
fn reline_header(h: &str) -> String {
    let h = text::html::normalize_spaces(&h.replace('\n', " "));
    let mut cuts: Vec<usize> = Vec::new();
    for m in POSTCODE.find_iter(&h) {
        cuts.push(m.end());
    }
    let mut from = 0;
    while let Some((_, (s, e))) = text::date::find_date_in(&h[from..]) {
        cuts.push(from + s);
        cuts.push(from + e);
        from += e;
    }
    for c in PHONE.captures_iter(&h) {
        if let (Some(m), Some(n)) = (c.get(0), c.get(1)) {
            cuts.push(m.start());
            cuts.push(n.end());
        }
    }
    for re in [&*EMAIL, &*WEB] {
        for m in re.find_iter(&h) {
            // "Email: x@y": cut before the label too.
            let before = h[..m.start()].trim_end();
            let label = before.rfind(' ').map_or(0, |i| i + 1);
            let word = before[label..].to_ascii_lowercase();
            let start = if word.starts_with("email")
                || word.starts_with("e-mail")
                || word.starts_with("web")
            {
                label
            } else {
                m.start()
            };
            cuts.push(start);
            cuts.push(m.end());
        }
    }
    for m in REF_KEY.find_iter(&h) {
        cuts.push(m.start());
        // The value: one token.
        let rest = &h[m.end()..];
        let len = rest.find(' ').unwrap_or(rest.len());
        cuts.push(m.end() + len);
    }
    for d in DEPARTMENTS {
        if let Some(i) = h.find(d) {
            cuts.push(i);
            cuts.push(i + d.len());
        }
    }
    cuts.push(h.len());
    cuts.sort_unstable();
    cuts.dedup();
    let mut out = String::new();
    let mut prev = 0;
    for c in cuts {
        if c <= prev || !h.is_char_boundary(c) {
            continue;
        }
        let piece = h[prev..c].trim();
        if !piece.is_empty() {
            out.push_str(piece);
            out.push_str("\n\n");
        }
        prev = c;
    }
    out
}

/// The organisation a line names: a whole-line department or office, or a
/// known department at its start.
fn org_of(l: &str) -> Option<String> {
    let t = l.trim();
    if let Some(d) = DEPARTMENTS.iter().find(|d| t.starts_with(*d)) {
        return Some((*d).to_string());
    }
    if t.len() <= 90 && ORG_LINE.is_match(t) && !text::people::names_office(t)
    {
        return Some(t.to_string());
    }
    None
}

/// The name at the start of a line that may run on into an address
/// (`Lord Watson of Invergowrie House of Lords London`).
fn name_prefix(l: &str) -> &str {
    let t = l.trim();
    let t = t.split(',').next().unwrap_or(t);
    let mut end = t.len();
    for (i, w) in t.split_whitespace().enumerate() {
        let lw = w.to_ascii_lowercase();
        if i > 0
            && (ADDRESS_WORDS.contains(&lw.trim_end_matches(['.', ',']))
                || w.chars().any(|c| c.is_ascii_digit()))
        {
            if let Some(p) = t.find(&format!(" {w}")) {
                end = end.min(p);
            }
            break;
        }
    }
    t[..end].trim()
}

/// Whether a line reads as a person's name.
fn person_like(l: &str) -> bool {
    let t = l.trim();
    let words: Vec<&str> = t.split_whitespace().collect();
    if words.is_empty() || words.len() > 8 {
        return false;
    }
    if text::people::names_office(t)
        || org_of(t).is_some()
        || POSTCODE.is_match(t)
        || parse_date(t).is_some()
        || t.chars().any(|c| c.is_ascii_digit())
        || t.contains('@')
    {
        return false;
    }
    let connectors = ["of", "and", "de", "la", "le", "van", "von"];
    let all_caps_words = words.iter().enumerate().all(|(i, w)| {
        (i > 0 && connectors.contains(&w.to_ascii_lowercase().as_str()))
            || w.chars().next().is_some_and(char::is_uppercase)
    });
    if !all_caps_words {
        return false;
    }
    if words.iter().any(|w| {
        ADDRESS_WORDS.contains(&w.to_ascii_lowercase().trim_end_matches(','))
    }) {
        return false;
    }
    let first = words[0].to_ascii_lowercase();
    first == "the"
        || text::people::opens_name(&first)
        || (2..=5).contains(&words.len())
}

fn same_name(a: &str, b: &str) -> bool {
    let a = text::match_key(&text::plain_name(a));
    let b = text::match_key(&text::plain_name(b));
    !a.is_empty() && a == b
}

/// What a header line is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum LineKind {
    Date,
    Reference,
    Subject,
    Contact,
    Org,
    Role,
    Other,
}

fn line_kind(l: &str) -> LineKind {
    let t = l.trim();
    if parse_date(t).is_some()
        || (t.len() < 40
            && t.to_ascii_lowercase().starts_with("date")
            && text::find_date(t).is_some())
    {
        LineKind::Date
    } else if REF_KEY.find(t).is_some_and(|m| m.start() == 0) {
        LineKind::Reference
    } else if SUBJECT.is_match(t) {
        LineKind::Subject
    } else if PHONE.is_match(t) || EMAIL.is_match(t) || WEB.is_match(t) {
        LineKind::Contact
    } else if org_of(t).is_some() {
        LineKind::Org
    } else if text::people::names_office(t) && !POSTCODE.is_match(t) {
        LineKind::Role
    } else {
        LineKind::Other
    }
}

/// Splits text into blocks of non-empty trimmed lines.
fn blocks(text: &str) -> Vec<Vec<&str>> {
    let mut out: Vec<Vec<&str>> = Vec::new();
    let mut cur = Vec::new();
    for l in text.lines().map(str::trim) {
        if l.is_empty() || is_marking(l) || is_page_number(l) {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
        } else {
            cur.push(l);
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// Which side of the letter a header block is on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Side {
    Sender,
    Recipient,
    Neither,
}

/// Reads the header: date, reference, subject, contacts everywhere; then
/// the sender's and the recipient's blocks.
fn read_header(header: &str, flattened: bool, sig: &Sig, letter: &mut Letter) {
    let blocks = blocks(header);
    let mut ours = None;
    let mut yours = None;
    for b in &blocks {
        for l in b {
            if letter.date.is_none() && line_kind(l) == LineKind::Date {
                letter.date = parse_date(l).or_else(|| text::find_date(l));
            }
            if let Some(c) = PHONE.captures(l) {
                letter.phone.get_or_insert_with(|| c[1].trim().to_string());
            }
            if let Some(m) = EMAIL.find(l) {
                letter.email.get_or_insert_with(|| m.as_str().to_string());
            }
            if let Some(c) = SUBJECT.captures(l) {
                letter.subject.get_or_insert_with(|| c[1].to_string());
            }
            let keys: Vec<_> = REF_KEY.captures_iter(l).collect();
            for (k, c) in keys.iter().enumerate() {
                let Some(m) = c.get(0) else { continue };
                let end = keys
                    .get(k + 1)
                    .and_then(|n| n.get(0))
                    .map_or(l.len(), |n| n.start());
                let mut v = l[m.end()..end].trim();
                if flattened {
                    v = v.split(' ').next().unwrap_or(v);
                }
                let v = v.trim_end_matches([',', ';', '.']).trim();
                if v.is_empty() {
                    continue;
                }
                match c.get(1).map(|w| w.as_str().to_ascii_lowercase()) {
                    Some(w) if w == "your" => {
                        yours.get_or_insert_with(|| v.to_string());
                    }
                    _ => {
                        ours.get_or_insert_with(|| v.to_string());
                    }
                }
            }
        }
    }
    letter.reference = ours.or(yours);

    // Sides.
    let first_of = |b: &Vec<&str>| -> String {
        let f = b.first().copied().unwrap_or("");
        if flattened {
            name_prefix(f).to_string()
        } else {
            f.to_string()
        }
    };
    let sig_name = sig.name.as_deref();
    let mut sides = vec![Side::Neither; blocks.len()];
    let mut recipient = None;
    for (i, b) in blocks.iter().enumerate() {
        let kinds: Vec<LineKind> = b.iter().map(|l| line_kind(l)).collect();
        if kinds.iter().all(|k| {
            matches!(
                k,
                LineKind::Date | LineKind::Reference | LineKind::Subject
            )
        }) {
            continue;
        }
        let first = first_of(b);
        let is_sig = sig_name.is_some_and(|s| same_name(s, &first));
        let contact = kinds.contains(&LineKind::Contact);
        let org = kinds.contains(&LineKind::Org);
        let role = kinds.contains(&LineKind::Role);
        let person = person_like(&first);
        if person && !is_sig && !contact && !org && recipient.is_none() {
            sides[i] = Side::Recipient;
            recipient = Some(i);
        } else if is_sig || contact || org || (role && !person) {
            sides[i] = Side::Sender;
        } else if person && recipient.is_none() {
            sides[i] = Side::Recipient;
            recipient = Some(i);
        }
    }
    // A postcode block next to the sender's is the sender's address (a
    // letterhead cut by blank lines); a role block right after the
    // recipient's name is the recipient's.
    for i in 0..blocks.len() {
        if sides[i] != Side::Neither {
            continue;
        }
        let near_sender = (i > 0 && sides[i - 1] == Side::Sender)
            || sides.get(i + 1) == Some(&Side::Sender);
        if near_sender && Some(i) != recipient {
            sides[i] = Side::Sender;
        }
    }

    // The sender.
    let mut address = Vec::new();
    for (i, b) in blocks.iter().enumerate() {
        if sides[i] != Side::Sender {
            continue;
        }
        for (k, l) in b.iter().enumerate() {
            let kind = line_kind(l);
            match kind {
                LineKind::Org => {
                    let org = org_of(l).unwrap_or_default();
                    letter.sender.organisation.get_or_insert(org.clone());
                    // A department run into its address (flattened).
                    let rest =
                        l.trim()[org.len().min(l.trim().len())..].trim();
                    if !rest.is_empty() {
                        address.push(rest.to_string());
                    }
                }
                LineKind::Role if letter.sender.role.is_none() => {
                    letter.sender.role = Some(l.to_string());
                }
                LineKind::Other => {
                    let name = if flattened { name_prefix(l) } else { l };
                    let is_name = letter.sender.name.is_none()
                        && (sig_name.is_some_and(|s| same_name(s, name))
                            || (k == 0 && person_like(name)));
                    if is_name {
                        letter.sender.name = Some(text::plain_name(name));
                    } else if l.to_ascii_lowercase().starts_with("from ") {
                        // "From the Minister of State for Schools".
                    } else {
                        address.push(l.to_string());
                    }
                }
                _ => {}
            }
        }
    }
    if !address.is_empty() {
        letter.address = Some(address.join(", "));
    }

    // The recipient.
    if let Some(i) = recipient {
        let b = &blocks[i];
        let first = first_of(b);
        letter.recipient.name = Some(text::plain_name(&first));
        letter.recipient.role = b
            .iter()
            .skip(1)
            .take(2)
            .find(|l| line_kind(l) == LineKind::Role)
            .map(|l| l.to_string());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_digit_year_read_near_a_year_the_letter_gives() {
        let text = "Department of Health\nLondon SW1A 2NS\n\n22/07/98\n\n\
            Dear Mr Smith,\n\nThank you for your letter about the 1998-99 \
            budget.\n\nYours sincerely,\n\nJane Doe\n";
        let p = parse(&Input { path: "x.txt", text }).unwrap_or_default();
        let l = p.records[0].letter.as_ref().and_then(|l| l.date);
        assert_eq!(l.as_deref(), Some("1998-07-22"));
        let none = "London SW1A 2NS\n\n22/07/98\n\nDear Mr Smith,\n\n\
            Thank you.\n\nYours sincerely,\n\nJane Doe\n";
        let p =
            parse(&Input { path: "x.txt", text: none }).unwrap_or_default();
        assert_eq!(p.records[0].letter.as_ref().and_then(|l| l.date), None);
    }

    #[test]
    fn detects_letters_only() {
        assert!(detect("Dear Mike,\n\nText.\n\nYours sincerely,\n\nX\n"));
        assert!(detect(
            "HM Treasury London SW1A 2HQ 7 January 2022 Dear Ms Smith, I am \
             writing. Yours sincerely, JANE DOE"
        ));
        assert!(!detect("Dear Mike,\n\nText with no sign-off.\n"));
        assert!(!detect(
            "line one\nline two\nline three\nline four\nDear all, best \
             wishes. Yours sincerely"
        ));
    }

    #[test]
    fn signature_lines() {
        let s = signature(
            "\nA handwritten signature in cursive script that reads \"Diana \
             Barran\".\n\nBARONESS BARRAN\n\nPARLIAMENTARY UNDER-SECRETARY OF STATE",
        );
        assert_eq!(s.name.as_deref(), Some("Baroness Barran"));
        assert_eq!(
            s.role.as_deref(),
            Some("Parliamentary Under-Secretary of State")
        );
        let s = signature(
            " BARONESS BARRAN PARLIAMENTARY UNDER-SECRETARY OF STATE",
        );
        assert_eq!(s.name.as_deref(), Some("Baroness Barran"));
        assert_eq!(
            s.role.as_deref(),
            Some("Parliamentary Under-Secretary of State")
        );
        let s = signature("\nJane Doe\nCorrespondence Unit\nHM Treasury\n");
        assert_eq!(s.name.as_deref(), Some("Jane Doe"));
        assert_eq!(s.role.as_deref(), Some("Correspondence Unit"));
        assert_eq!(s.organisation.as_deref(), Some("HM Treasury"));
        assert_eq!(tidy_caps("RT HON NICK GIBB MP"), "Rt Hon Nick Gibb MP");
    }

    #[test]
    fn ocr_and_page_furniture() {
        let mut w = Vec::new();
        let (subj, body) = clean_body(
            "\nRe: School funding\n\n| am grateful. | have asked.\n\n2\n\nMore, | think.\nOFFICIAL\n",
            &[],
            &mut w,
        );
        assert_eq!(subj.as_deref(), Some("School funding"));
        assert_eq!(
            body.as_deref(),
            Some("I am grateful. I have asked.\n\nMore, I think.")
        );
        assert_eq!(w.len(), 3, "{w:?}");
        let (subj, _) = clean_body(
            "\nCHILDREN'S SOCIAL CARE FUNDING\n\nThank you.",
            &[],
            &mut w,
        );
        assert_eq!(subj.as_deref(), Some("CHILDREN'S SOCIAL CARE FUNDING"));
        let (subj, _) =
            clean_body("\nThank you for your letter.\n\nMore.", &[], &mut w);
        assert_eq!(subj, None);
    }

    #[test]
    fn header_pieces() {
        assert!(person_like("Lord Watson of Invergowrie"));
        assert!(person_like("Rt Hon Robert Halfon MP"));
        assert!(person_like("Jane Smith"));
        assert!(!person_like("House of Lords"));
        assert!(!person_like("Parliamentary Under-Secretary of State"));
        assert!(!person_like("Department for Education"));
        assert!(!person_like("London"));
        assert_eq!(
            name_prefix(
                "Lord Watson of Invergowrie House of Lords London SW1A 0PW"
            ),
            "Lord Watson of Invergowrie"
        );
        assert_eq!(
            name_prefix("Ms Jane Smith 14 Acacia Avenue"),
            "Ms Jane Smith"
        );
        assert_eq!(
            org_of("Ministry of Justice").as_deref(),
            Some("Ministry of Justice")
        );
        assert_eq!(
            org_of("Department for Education Sanctuary Buildings").as_deref(),
            Some("Department for Education")
        );
        assert_eq!(org_of("Sanctuary Buildings"), None);
        let h = reline_header(
            "Department for Education Sanctuary Buildings London SW1P 3BT \
             tel: 0370 000 2288 Our ref: 2022-0001 Ms Jane Smith 14 Acacia \
             Avenue Leeds LS1 4AB 12 March 2022 ",
        );
        let lines: Vec<&str> = h.lines().filter(|l| !l.is_empty()).collect();
        assert_eq!(
            lines,
            [
                "Department for Education",
                "Sanctuary Buildings London SW1P 3BT",
                "tel: 0370 000 2288",
                "Our ref: 2022-0001",
                "Ms Jane Smith 14 Acacia Avenue Leeds LS1 4AB",
                "12 March 2022"
            ]
        );
    }
}
