//! Golden tests: every `fixtures/<format>/<name>.<ext>` is parsed and its
//! records compared with `fixtures/<format>/<name>.expected.json`.
//!
//! The input is parsed with its format detected from content; the folder
//! name must be the detected format (so detection is tested too), except
//! under `fixtures/figures/`, which holds the figure gold set and is
//! scored by `tests/figures_gold.rs`.
//!
//! Run with `UPDATE_EXPECT=1 cargo test --test fixtures` to rewrite the
//! expected files, then review the diff with `git diff fixtures/`.

use std::fs;
use std::path::{Path, PathBuf};

fn fixture_inputs() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut out = Vec::new();
    for entry in walkdir::WalkDir::new(&root).sort_by_file_name() {
        let entry = entry.expect("fixtures/ is readable");
        let p = entry.path();
        if !entry.file_type().is_file() {
            continue;
        }
        let rel = p.strip_prefix(&root).expect("under fixtures/");
        let top = rel.components().next().map(|c| c.as_os_str().to_owned());
        if top.as_deref() == Some("figures".as_ref()) {
            continue;
        }
        let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if name.ends_with(".expected.json")
            || name.ends_with(".md")
            || name.starts_with('.')
        {
            continue;
        }
        out.push(p.to_path_buf());
    }
    out
}

fn expected_path(input: &Path) -> PathBuf {
    let name = input.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let stem = match name.find('.') {
        Some(i) => &name[..i],
        None => name,
    };
    input.with_file_name(format!("{stem}.expected.json"))
}

#[test]
fn golden_fixtures() {
    let update = std::env::var_os("UPDATE_EXPECT").is_some();
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let inputs = fixture_inputs();
    assert!(!inputs.is_empty(), "no fixtures found under fixtures/");
    let mut failures = Vec::new();
    for input in &inputs {
        let rel =
            input.strip_prefix(manifest).expect("under the manifest dir");
        let shown = rel.to_string_lossy().replace('\\', "/");
        let bytes = fs::read(input).expect("fixture is readable");
        let parsed = wrans::parse_bytes(&shown, &bytes, None);
        let folder = rel
            .components()
            .nth(1)
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .unwrap_or_default();
        if let Some(f) = parsed.format {
            if f.name() != folder {
                failures.push(format!(
                    "{shown}: detected as {} but filed under fixtures/{folder}/",
                    f.name()
                ));
            }
        }
        let mut got = serde_json::json!({
            "records": parsed.records,
            "failure": parsed.failure.as_ref().map(|e| e.to_string()),
        });
        if parsed.records.is_empty() {
            got["records"] = serde_json::json!([]);
        }
        let got =
            serde_json::to_string_pretty(&got).expect("serialises") + "\n";
        let exp_path = expected_path(input);
        if update {
            fs::write(&exp_path, &got).expect("expected file is writable");
            continue;
        }
        match fs::read_to_string(&exp_path) {
            Ok(want) if want == got => {}
            Ok(want) => failures.push(format!(
                "{shown}: output differs from {}\n--- expected\n```\n{}\n```\n--- got\n```\n{}\n```",
                exp_path.display(),
                first_difference(&want, &got).0,
                first_difference(&want, &got).1,
            )),
            Err(_) => failures.push(format!(
                "{shown}: no {} (run with UPDATE_EXPECT=1 to create it)",
                exp_path.display()
            )),
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} fixtures failed:\n\n{}",
        failures.len(),
        inputs.len(),
        failures.join("\n\n")
    );
}

/// The lines around the first difference of two texts.
fn first_difference(a: &str, b: &str) -> (String, String) {
    let al: Vec<&str> = a.lines().collect();
    let bl: Vec<&str> = b.lines().collect();
    let i = al.iter().zip(&bl).take_while(|(x, y)| x == y).count();
    let from = i.saturating_sub(3);
    let window =
        |v: &[&str]| v[from.min(v.len())..(i + 4).min(v.len())].join("\n");
    (
        format!("(line {})\n{}", i + 1, window(&al)),
        format!("(line {})\n{}", i + 1, window(&bl)),
    )
}
