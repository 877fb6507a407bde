//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::PathBuf;

/// `../shared/samples` beside the checkout, when it exists.
///
/// When it is missing the test says so on stderr and is skipped, unless
/// `CI` is set: in CI the samples must be there, and the test fails.
pub fn samples_dir() -> Option<PathBuf> {
    let dir =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/samples");
    if dir.is_dir() {
        return Some(dir);
    }
    if std::env::var_os("CI").is_some() {
        panic!(
            "{} is missing: CI must have ../shared beside the checkout",
            dir.display()
        );
    }
    eprintln!(
        "SKIPPED: {} not found; this test reads the real samples and needs ../shared beside the checkout",
        dir.display()
    );
    None
}

/// Parses one sample file (path relative to the samples folder) as the
/// CLI would, with its format detected.
pub fn parse_sample(rel: &str) -> Option<wrans::Parsed> {
    let dir = samples_dir()?;
    let path = dir.join(rel);
    let bytes = std::fs::read(&path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    Some(wrans::parse_bytes(&format!("../shared/samples/{rel}"), &bytes, None))
}

/// A record's JSON without its `source`, whose index differs when records
/// before it are lost: for comparing a record read from a damaged copy
/// with the same record read from the whole file.
pub fn without_source(r: &wrans::Record) -> serde_json::Value {
    let mut v = serde_json::to_value(r).expect("serialises");
    if let Some(o) = v.as_object_mut() {
        o.remove("source");
    }
    v
}
