//! No character reference survives in any text field: every record of
//! every real sample (`/work/shared/samples/` when present, or the folder
//! named by `WRANS_SAMPLES`), every fixture and every corpus file is
//! parsed, and each string in its JSON is checked for `&amp;`, `&quot;`,
//! `&lt;`, `&gt;`, `&apos;` and numeric references (`&#163;`, `&#xA3;`).

use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use regex::Regex;
use serde_json::Value;

static REFERENCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"&(?:amp|quot|lt|gt|apos|#[0-9]+|#[xX][0-9a-fA-F]+);")
        .expect("valid regex")
});

/// The string fields of `v` holding a reference, as `(json path, excerpt)`.
fn undecoded(v: &Value, path: &str, out: &mut Vec<(String, String)>) {
    match v {
        Value::String(s) => {
            // `source.path` is a file name, not text from the document.
            if path == ".source.path" {
                return;
            }
            if let Some(m) = REFERENCE.find(s) {
                let mut from = m.start().saturating_sub(30);
                while !s.is_char_boundary(from) {
                    from -= 1;
                }
                let mut to = (m.end() + 20).min(s.len());
                while !s.is_char_boundary(to) {
                    to += 1;
                }
                out.push((path.to_string(), s[from..to].to_string()));
            }
        }
        Value::Array(a) => a.iter().for_each(|x| undecoded(x, path, out)),
        Value::Object(o) => {
            for (k, x) in o {
                undecoded(x, &format!("{path}.{k}"), out);
            }
        }
        _ => {}
    }
}

fn roots() -> Vec<PathBuf> {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    let samples = std::env::var_os("WRANS_SAMPLES")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/work/shared/samples"));
    let mut roots = vec![here.join("fixtures"), here.join("corpus")];
    if samples.is_dir() {
        roots.push(samples);
    }
    roots
}

#[test]
fn no_character_reference_survives_in_any_text_field() {
    let mut files = 0;
    let mut records = 0;
    let mut bad = Vec::new();
    for root in roots() {
        for entry in walkdir::WalkDir::new(&root).sort_by_file_name() {
            let Ok(entry) = entry else { continue };
            let p = entry.path();
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            if !entry.file_type().is_file()
                || name.ends_with(".expected.json")
                || name.ends_with(".gold.json")
                || name.ends_with(".md")
                || name.ends_with(".tsv")
                || p.components().any(|c| c.as_os_str() == "figures")
            {
                continue;
            }
            let Ok(bytes) = std::fs::read(p) else { continue };
            let shown = p.display().to_string();
            let parsed = wrans::parse_bytes(&shown, &bytes, None);
            files += 1;
            for r in &parsed.records {
                records += 1;
                let json = serde_json::to_value(r).unwrap_or(Value::Null);
                let mut found = Vec::new();
                undecoded(&json, "", &mut found);
                for (field, excerpt) in found {
                    bad.push(format!("{shown}: {field}: {excerpt:?}"));
                }
            }
        }
    }
    eprintln!("checked {records} records from {files} files");
    assert!(records > 50, "too few records checked: {records}");
    assert!(
        bad.is_empty(),
        "{} undecoded references:\n{}",
        bad.len(),
        bad.join("\n")
    );
}

/// Fields other than the answer: names, headings, bodies and the question
/// itself, from JSON (escaped once) and XML (escaped twice).
#[test]
fn references_are_decoded_in_names_headings_and_bodies() {
    let json = r#"{"totalResults":1,"results":[{"value":{"id":1,"askingMemberId":1,
      "askingMember":{"name":"Mr A &amp; B","memberFrom":"Ayr &amp; Carrick"},
      "house":"Commons","dateTabled":"2024-01-05T00:00:00","uin":"8024",
      "questionText":"To ask the Secretary of State for R&amp;D, what &quot;x&quot;.",
      "answeringBodyId":13,"answeringBodyName":"Culture, Media &amp; Sport",
      "answeringMember":{"name":"C &amp; D"},"dateAnswered":"2024-03-12T00:00:00",
      "answerText":"R&amp;D &#163;5","heading":"Arts &amp; Culture"},"links":[]}]}"#;
    let xml = r#"<Questions xmlns="http://data.parliament.uk/QnA/2013/02"><Question>
      <Uin>1</Uin><Heading>Arts &amp;amp; Culture</Heading><TablingMember><MemberId>1</MemberId>
      <MemberName>A &amp;amp; B</MemberName></TablingMember><Text>R&amp;amp;D</Text>
      </Question></Questions>"#;
    for (name, text) in [("x.json", json), ("x.xml", xml)] {
        let parsed = wrans::parse_text(name, text, None, &[]);
        assert_eq!(parsed.records.len(), 1, "{name}: {:?}", parsed.failure);
        let r = &parsed.records[0];
        assert_eq!(r.heading.as_deref(), Some("Arts & Culture"), "{name}");
        let q = r.question.as_ref().expect("a question");
        assert!(
            q.text.as_deref().is_some_and(|t| t.contains("R&D")),
            "{name}"
        );
        let asker = q.asker.as_ref().and_then(|p| p.name.as_deref());
        assert!(asker.is_some_and(|n| n.contains("A & B")), "{name}");
        let json = serde_json::to_string(r).unwrap_or_default();
        let path_free = json.replace(name, "");
        assert!(!REFERENCE.is_match(&path_free), "{name}: {json}");
    }
}
