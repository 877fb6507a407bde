//! XML plumbing shared by the XML formats: HTML entities the document
//! does not declare, parsing with roxmltree, error positions in the
//! user's text, recovery of the complete part of a broken document, and
//! elements to clean text.
//!
//! roxmltree resolves the entities an internal DTD declares, but rejects
//! any other named entity. ParlParse files often use `&pound;`, `&mdash;`
//! and the like with an empty DTD, so [`prepare`] declares every entity
//! the text uses but does not declare (with the value of the HTML entity
//! of that name; an unknown name is kept as written). The declarations are
//! inserted at one place, and positions are mapped back around it, so
//! error positions point into the user's text.
//!
//! The text is already UTF-8 (`input::decode` transcodes Latin-1 and
//! UTF-16); roxmltree does not act on the declaration's `encoding`, so an
//! `ISO-8859-1` or `utf-16` declaration left in the text is harmless.

use std::borrow::Cow;
use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::sync::LazyLock;

use regex::Regex;
use roxmltree::{Document, Node, ParsingOptions};

use crate::error::{Error, ErrorKind, Position};
use crate::text;

/// How much of the start of an input is scanned for the prolog.
const PROLOG_LIMIT: usize = 256 * 1024;

/// A document's text ready for roxmltree, with entity declarations added
/// where needed.
#[derive(Debug)]
pub(crate) struct Prepared<'a> {
    /// The text handed to roxmltree.
    pub(crate) text: Cow<'a, str>,
    /// The byte offset where declarations were inserted, and their length.
    insert: Option<(usize, usize)>,
}

impl Prepared<'_> {
    /// The byte offset in the original text of `byte` in the prepared
    /// text.
    pub(crate) fn original_offset(&self, byte: usize) -> usize {
        match self.insert {
            Some((at, len)) if byte >= at + len => byte - len,
            Some((at, _)) if byte > at => at,
            _ => byte,
        }
    }

    /// The byte offset in the prepared text of a roxmltree error.
    pub(crate) fn error_offset(&self, e: &roxmltree::Error) -> usize {
        if matches!(
            e,
            roxmltree::Error::UnclosedRootNode
                | roxmltree::Error::UnexpectedEndOfStream
        ) {
            return self.text.len();
        }
        let pos = e.pos();
        let p = Position::of_line_column(
            &self.text,
            u64::from(pos.row),
            u64::from(pos.col),
        );
        (p.byte as usize).min(self.text.len())
    }

    /// Our error for a roxmltree error, positioned in `original` (the
    /// user's text): `not well-formed XML: <what>`.
    pub(crate) fn error(&self, original: &str, e: &roxmltree::Error) -> Error {
        let byte = self.original_offset(self.error_offset(e));
        Error::new(ErrorKind::Xml(format!(
            "not well-formed XML: {}",
            message(e)
        )))
        .at_offset(original, byte)
    }
}

static AT_POS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r" at \d+:\d+").expect("valid regex"));

/// roxmltree's message without its position (ours replaces it).
pub(crate) fn message(e: &roxmltree::Error) -> String {
    match e {
        roxmltree::Error::UnclosedRootNode => {
            return "unexpected end of input: the root element is not closed"
                .to_string()
        }
        roxmltree::Error::UnexpectedEndOfStream => {
            return "unexpected end of input".to_string()
        }
        roxmltree::Error::EntityReferenceLoop(_) => {
            return format!(
                "entity expansion beyond the limit of {} MiB, or an entity \
                 that refers to itself",
                ENTITY_EXPANSION_LIMIT / (1024 * 1024)
            )
        }
        _ => {}
    }
    AT_POS.replace_all(&e.to_string(), "").into_owned()
}

/// Parses prepared text (internal DTD allowed: its entities are
/// resolved; roxmltree guards against entity-expansion attacks).
///
/// roxmltree guards against reference loops but not against size: one
/// large entity referenced many times (or a "billion laughs" nest) would
/// expand to gigabytes. So the text's references are first weighed
/// against [`ENTITY_EXPANSION_LIMIT`]; beyond it the document is refused
/// with `EntityReferenceLoop` at the first reference (reported as
/// "entity expansion beyond the limit" by [`message`]).
pub(crate) fn parse<'a>(
    text: &'a str,
) -> Result<Document<'a>, roxmltree::Error> {
    if let Some(at) = expansion_beyond_limit(text) {
        let p = Position::of_offset(text, at);
        let pos = roxmltree::TextPos::new(
            u32::try_from(p.line).unwrap_or(u32::MAX),
            u32::try_from(p.column).unwrap_or(u32::MAX),
        );
        return Err(roxmltree::Error::EntityReferenceLoop(pos));
    }
    let opt = ParsingOptions { allow_dtd: true, ..ParsingOptions::default() };
    Document::parse_with_options(text, opt)
}

/// How many bytes the entities of one XML document may expand to in all.
pub(crate) const ENTITY_EXPANSION_LIMIT: usize = 16 * 1024 * 1024;

static ENTITY_DECL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"<!ENTITY\s+([A-Za-z_:][-A-Za-z0-9._:]*)\s+(?:"([^"]*)"|'([^']*)')"#,
    )
    .expect("valid regex")
});

/// The offset of the first entity reference when the document's internal
/// entities, expanded, would exceed [`ENTITY_EXPANSION_LIMIT`]; `None`
/// when they fit (or the document declares none).
fn expansion_beyond_limit(text: &str) -> Option<usize> {
    let prolog = scan_prolog(text);
    let (a, b) = prolog.subset?;
    let subset = text.get(a..b)?;
    let mut values: Vec<(&str, &str)> = Vec::new();
    for c in ENTITY_DECL.captures_iter(subset) {
        let name = c.get(1).map_or("", |m| m.as_str());
        let value = c.get(2).or_else(|| c.get(3)).map_or("", |m| m.as_str());
        values.push((name, value));
    }
    if values.is_empty() {
        return None;
    }
    // Expanded length of each entity, innermost first; saturating, and
    // each pass bounded by the number of declarations (loops stay finite).
    let mut sizes: Vec<usize> = values.iter().map(|(_, v)| v.len()).collect();
    for _ in 0..values.len().min(64) {
        let mut changed = false;
        for (i, (_, v)) in values.iter().enumerate() {
            let mut size = 0usize;
            let mut rest_len = v.len();
            for c in REFERENCE.captures_iter(v) {
                let name = c.get(1).map_or("", |m| m.as_str());
                if let Some(j) = values.iter().position(|(n, _)| *n == name) {
                    size = size.saturating_add(sizes[j]);
                    rest_len = rest_len.saturating_sub(name.len() + 2);
                }
            }
            let total = size.saturating_add(rest_len);
            if total > sizes[i] {
                sizes[i] = total.min(usize::MAX / 2);
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    let body = text.get(b..).unwrap_or("");
    let mut total = 0usize;
    let mut first = None;
    for c in REFERENCE.captures_iter(body) {
        let name = c.get(1).map_or("", |m| m.as_str());
        if let Some(j) = values.iter().position(|(n, _)| *n == name) {
            first.get_or_insert(b + c.get(0).map_or(0, |m| m.start()));
            total = total.saturating_add(sizes[j]);
            if total > ENTITY_EXPANSION_LIMIT {
                return first;
            }
        }
    }
    None
}

/// Where the prolog's parts are: the DOCTYPE and the root element.
#[derive(Debug, Default)]
struct Prolog {
    /// Byte range of `<!DOCTYPE ...>`.
    doctype: Option<(usize, usize)>,
    /// Byte range of the internal subset, inside the brackets.
    subset: Option<(usize, usize)>,
    /// Byte offset of the root element's `<`.
    root: Option<usize>,
}

/// Scans the prolog: declaration, comments, processing instructions and
/// DOCTYPE, up to the root element's start tag.
fn scan_prolog(text: &str) -> Prolog {
    let b = text.as_bytes();
    let limit = b.len().min(PROLOG_LIMIT);
    let mut p = Prolog::default();
    let mut i = 0;
    while i < limit {
        match b[i] {
            b' ' | b'\t' | b'\n' | b'\r' => i += 1,
            b'<' if text[i..].starts_with("<?") => {
                i = find_from(text, i, "?>").map_or(limit, |k| k + 2);
            }
            b'<' if text[i..].starts_with("<!--") => {
                i = find_from(text, i, "-->").map_or(limit, |k| k + 3);
            }
            b'<' if text[i..].starts_with("<!DOCTYPE") => {
                let (end, subset) = doctype_end(text, i);
                p.doctype = Some((i, end));
                p.subset = subset;
                i = end;
            }
            b'<' if b
                .get(i + 1)
                .is_some_and(|c| c.is_ascii_alphabetic() || *c == b'_') =>
            {
                p.root = Some(i);
                break;
            }
            _ => break,
        }
    }
    p
}

/// The end of a DOCTYPE starting at `start`, and its internal subset's
/// range when it has one.
fn doctype_end(text: &str, start: usize) -> (usize, Option<(usize, usize)>) {
    let b = text.as_bytes();
    let mut i = start + "<!DOCTYPE".len();
    let mut quote = None;
    while i < b.len() {
        let c = b[i];
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == b'"' || c == b'\'' => quote = Some(c),
            None if c == b'>' => return (i + 1, None),
            None if c == b'[' => {
                let open = i + 1;
                let close = subset_end(text, open);
                let after = text[close..]
                    .find('>')
                    .map_or(text.len(), |k| close + k + 1);
                return (after, Some((open, close)));
            }
            None => {}
        }
        i += 1;
    }
    (b.len(), None)
}

/// The byte offset of the `]` closing an internal subset that opens at
/// `open`: declarations' quoted values and comments may hold `]`.
fn subset_end(text: &str, open: usize) -> usize {
    let b = text.as_bytes();
    let mut i = open;
    let mut quote = None;
    while i < b.len() {
        let c = b[i];
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if b[i..].starts_with(b"<!--") => {
                i = find_from(text, i, "-->").map_or(b.len(), |k| k + 2);
            }
            None if c == b'"' || c == b'\'' => quote = Some(c),
            None if c == b']' => return i,
            None => {}
        }
        i += 1;
    }
    b.len()
}

fn find_from(text: &str, from: usize, pat: &str) -> Option<usize> {
    text.get(from..)?.find(pat).map(|k| from + k)
}

/// The byte where the root element's start tag begins (after the
/// prolog: declaration, comments, doctype).
pub(crate) fn root_start(text: &str) -> Option<usize> {
    scan_prolog(text).root
}

/// The byte just after the root element's start tag (`<publicwhip
/// latest="yes">`), for a copy of the document that keeps the root and
/// drops what follows it.
pub(crate) fn root_open_end(text: &str) -> Option<usize> {
    let at = scan_prolog(text).root?;
    Some(at + text.get(at..)?.find('>')? + 1)
}

/// `text` with the bytes of `from..to` (character boundaries) turned into
/// spaces, line breaks kept: every other byte keeps its line, column and
/// offset, so that errors found in the copy point into `text`.
pub(crate) fn blank(text: &str, from: usize, to: usize) -> Option<String> {
    let (head, rest) = text.split_at_checked(from)?;
    let (gap, tail) = rest.split_at_checked(to.checked_sub(from)?)?;
    let mut out = String::with_capacity(text.len());
    out.push_str(head);
    out.extend(gap.bytes().map(|b| if b == b'\n' { '\n' } else { ' ' }));
    out.push_str(tail);
    Some(out)
}

/// The local name of the document's root element (the first element after
/// the prolog), for sniffing.
pub(crate) fn root_name(text: &str) -> Option<&str> {
    let at = scan_prolog(text).root?;
    let rest = &text[at + 1..];
    let end = rest
        .find(|c: char| c.is_whitespace() || matches!(c, '>' | '/'))
        .unwrap_or(rest.len());
    let qname = &rest[..end];
    Some(qname.rsplit(':').next().unwrap_or(qname))
}

static DECLARED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"<!ENTITY\s+([A-Za-z_:][-A-Za-z0-9._:]*)")
        .expect("valid regex")
});

static REFERENCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"&([A-Za-z_:][-A-Za-z0-9._:]*);").expect("valid regex")
});

/// Prepares `text` for roxmltree: declares, in the internal DTD subset
/// (created when missing), every named entity the text uses that is
/// neither predefined nor declared. A known HTML entity gets its
/// character; an unknown one is kept as written (`&foo;`).
pub(crate) fn prepare(text: &str) -> Prepared<'_> {
    let prolog = scan_prolog(text);
    let declared: BTreeSet<&str> = match prolog.subset {
        Some((a, b)) => DECLARED
            .captures_iter(&text[a..b])
            .filter_map(|c| c.get(1).map(|m| m.as_str()))
            .collect(),
        None => BTreeSet::new(),
    };
    let mut missing = BTreeSet::new();
    if memchr::memchr(b'&', text.as_bytes()).is_some() {
        for c in REFERENCE.captures_iter(text) {
            let name = c.get(1).map_or("", |m| m.as_str());
            if !matches!(name, "amp" | "lt" | "gt" | "quot" | "apos")
                && !declared.contains(name)
            {
                missing.insert(name);
            }
        }
    }
    if missing.is_empty() {
        return Prepared { text: Cow::Borrowed(text), insert: None };
    }
    let mut decls = String::new();
    for name in &missing {
        let value = text::html::named_entity(name);
        let _ = write!(decls, "\n<!ENTITY {name} \"");
        match value {
            Some(v) => {
                for ch in v.chars() {
                    let _ = write!(decls, "&#{};", u32::from(ch));
                }
            }
            // roxmltree reads `&#38;` in the value as a plain `&`.
            None => {
                let _ = write!(decls, "&#38;{name};");
            }
        }
        decls.push_str("\">");
    }
    decls.push('\n');
    let (at, insert) = match (prolog.subset, prolog.doctype, prolog.root) {
        (Some((open, _)), _, _) => (open, decls),
        (None, Some((_, end)), _)
            if end > 0 && text.as_bytes()[end - 1] == b'>' =>
        {
            // `<!DOCTYPE x SYSTEM "...">`: add a subset before the `>`.
            (end - 1, format!(" [{decls}]"))
        }
        (None, None, Some(root)) => {
            let name = root_qname(text, root);
            (root, format!("<!DOCTYPE {name} [{decls}]>\n"))
        }
        _ => return Prepared { text: Cow::Borrowed(text), insert: None },
    };
    let mut out = String::with_capacity(text.len() + insert.len());
    out.push_str(&text[..at]);
    out.push_str(&insert);
    out.push_str(&text[at..]);
    Prepared { text: Cow::Owned(out), insert: Some((at, insert.len())) }
}

fn root_qname(text: &str, root: usize) -> &str {
    let rest = &text[root + 1..];
    let end = rest
        .find(|c: char| c.is_whitespace() || matches!(c, '>' | '/'))
        .unwrap_or(rest.len());
    &rest[..end]
}

/// The byte offset just after the end of the first root element, found by
/// scanning tags (comments, CDATA, processing instructions and quoted
/// attribute values are skipped). `None` when the root is not closed.
pub(crate) fn first_root_end(text: &str) -> Option<usize> {
    let start = scan_prolog(text).root?;
    let b = text.as_bytes();
    let mut i = start;
    let mut depth = 0usize;
    while let Some(k) = memchr::memchr(b'<', &b[i..]) {
        i += k;
        let rest = &text[i..];
        if rest.starts_with("<!--") {
            i = find_from(text, i, "-->")? + 3;
        } else if rest.starts_with("<![CDATA[") {
            i = find_from(text, i, "]]>")? + 3;
        } else if rest.starts_with("<?") {
            i = find_from(text, i, "?>")? + 2;
        } else if rest.starts_with("<!") {
            i = find_from(text, i, ">")? + 1;
        } else {
            let end = tag_end(text, i)?;
            if rest.starts_with("</") {
                depth = depth.checked_sub(1)?;
            } else if b[end - 2] != b'/' {
                depth += 1;
            }
            i = end;
            if depth == 0 {
                return Some(end);
            }
        }
    }
    None
}

/// The byte offset just after the `>` ending the tag that starts at
/// `start`, skipping quoted attribute values.
fn tag_end(text: &str, start: usize) -> Option<usize> {
    let b = text.as_bytes();
    let mut quote = None;
    for (k, &c) in b.iter().enumerate().skip(start + 1) {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == b'"' || c == b'\'' => quote = Some(c),
            None if c == b'>' => return Some(k + 1),
            None => {}
        }
    }
    None
}

/// The first child element of `node` with the local name `name`.
pub(crate) fn child<'a, 'i>(
    node: Node<'a, 'i>,
    name: &str,
) -> Option<Node<'a, 'i>> {
    node.children().find(|c| c.is_element() && c.tag_name().name() == name)
}

/// The child elements of `node` with the local name `name`.
pub(crate) fn children<'a, 'i: 'a>(
    node: Node<'a, 'i>,
    name: &'a str,
) -> impl Iterator<Item = Node<'a, 'i>> + 'a {
    node.children()
        .filter(move |c| c.is_element() && c.tag_name().name() == name)
}

/// Whether an element is marked `xsi:nil="true"`.
pub(crate) fn is_nil(node: Node<'_, '_>) -> bool {
    node.attributes().any(|a| a.name() == "nil" && a.value().trim() == "true")
}

/// All the text inside `node`, in document order.
pub(crate) fn text_of(node: Node<'_, '_>) -> String {
    let mut out = String::new();
    for d in node.descendants() {
        if let Some(t) = d.is_text().then(|| d.text()).flatten() {
            out.push_str(t);
        }
    }
    out
}

/// The trimmed text of the child element `name` of `node`; `None` when the
/// element is missing, nil or blank.
pub(crate) fn child_text(node: Node<'_, '_>, name: &str) -> Option<String> {
    let c = child(node, name)?;
    if is_nil(c) {
        return None;
    }
    let t = text_of(c);
    let t = t.trim();
    (!t.is_empty()).then(|| t.to_string())
}

/// Writes `node` (an element with its content, or a text) back as HTML:
/// elements by their local names, text escaped, for
/// [`text::html_to_text`]. Elements named in `drop` are left out with
/// their content. Iterative, so deep nesting cannot overflow the stack.
pub(crate) fn write_html(out: &mut String, node: Node<'_, '_>, drop: &[&str]) {
    // (node, closing): a node to open, or an element to close.
    let mut stack: Vec<(Node<'_, '_>, bool)> = vec![(node, false)];
    while let Some((n, closing)) = stack.pop() {
        if n.is_text() {
            escape_into(out, n.text().unwrap_or(""));
            continue;
        }
        if !n.is_element() {
            continue;
        }
        let name = n.tag_name().name();
        if closing {
            if name != "br" {
                let _ = write!(out, "</{name}>");
            }
            continue;
        }
        if drop.contains(&name) {
            continue;
        }
        let _ = write!(out, "<{name}>");
        stack.push((n, true));
        stack.extend(n.children().rev().map(|c| (c, false)));
    }
}

fn escape_into(out: &mut String, t: &str) {
    for c in t.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn undeclared_entities_are_declared() {
        let t = "<?xml version=\"1.0\"?>\n<!DOCTYPE a\n[\n]>\n<a>&pound;3 &mdash; &foo; &amp;</a>";
        let p = prepare(t);
        let doc = parse(&p.text).unwrap();
        assert_eq!(text_of(doc.root_element()), "£3 — &foo; &");
    }

    #[test]
    fn entities_without_doctype() {
        let p = prepare("<!-- c --><a x='1'>&pound;&mu;</a>");
        let doc = parse(&p.text).unwrap();
        assert_eq!(text_of(doc.root_element()), "£μ");
        let p = prepare("<a>&pound;</a>");
        assert!(p.text.starts_with("<!DOCTYPE a ["));
    }

    #[test]
    fn declared_entities_are_kept() {
        let t = "<!DOCTYPE a [<!ENTITY pound \"&#163;\">]><a>&pound;</a>";
        let p = prepare(t);
        assert!(matches!(p.text, Cow::Borrowed(_)));
        let doc = parse(&p.text).unwrap();
        assert_eq!(text_of(doc.root_element()), "£");
    }

    #[test]
    fn error_positions_are_in_the_original_text() {
        let t = "<!DOCTYPE a []>\n<a>&pound;\n<b></c></a>";
        let p = prepare(t);
        let e = parse(&p.text).unwrap_err();
        let err = p.error(t, &e);
        let pos = err.position().unwrap();
        assert_eq!(pos.line, 3);
        assert!(err.to_string().contains("not well-formed XML"));
        assert!(!err.to_string().contains(" at 3:"));
    }

    #[test]
    fn first_root() {
        let t = "<!-- x --><a><b x='>'/><!-- </a> --></a>\n<a/>";
        let end = first_root_end(t).unwrap();
        assert_eq!(&t[..end], "<!-- x --><a><b x='>'/><!-- </a> --></a>");
        assert_eq!(first_root_end("<a><b></b>"), None);
        assert_eq!(
            root_name("<?xml version='1.0'?><q:Err x='1'/>"),
            Some("Err")
        );
        assert_eq!(root_name("not xml"), None);
    }

    #[test]
    fn html_of_elements() {
        let doc = parse("<r><p>a &amp; <i>b</i><br/>c</p><del>x</del><table><tr><td>1</td></tr></table></r>").unwrap();
        let mut out = String::new();
        for c in doc.root_element().children() {
            write_html(&mut out, c, &["del"]);
        }
        assert_eq!(
            out,
            "<p>a &amp; <i>b</i><br>c</p><table><tr><td>1</td></tr></table>"
        );
    }
}
