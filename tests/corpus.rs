//! Robustness: every file under `corpus/` parses without a panic and
//! without an error (they are all known-good documents), and arbitrary
//! bytes never make any format parser panic.

use std::collections::BTreeMap;
use std::path::Path;

use wrans::Format;

#[test]
fn every_corpus_file_parses() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let mut per_format: BTreeMap<String, (usize, usize, usize)> =
        BTreeMap::new();
    let mut failures = Vec::new();
    for entry in walkdir::WalkDir::new(&root).sort_by_file_name() {
        let entry = entry.expect("corpus/ is readable");
        if !entry.file_type().is_file() {
            continue;
        }
        let bytes = std::fs::read(entry.path()).expect("readable");
        let shown = entry.path().display().to_string();
        let parsed = wrans::parse_bytes(&shown, &bytes, None);
        if let Some(e) = &parsed.failure {
            failures.push(e.to_string());
        }
        let name = parsed.format.map_or("undetected", Format::name);
        let slot = per_format.entry(name.to_string()).or_default();
        slot.0 += 1;
        slot.1 += parsed.records.len();
        slot.2 +=
            parsed.records.iter().map(|r| r.warnings.len()).sum::<usize>();
        for r in &parsed.records {
            assert!(!r.id.is_empty(), "{shown}: record without id");
        }
    }
    for (format, (files, records, warnings)) in &per_format {
        eprintln!("{format:<20} {files:>4} files {records:>6} records {warnings:>4} warnings");
    }
    assert!(
        failures.is_empty(),
        "corpus files failed:\n{}",
        failures.join("\n")
    );
    assert!(per_format.values().map(|v| v.1).sum::<usize>() >= 5);
}

/// A small deterministic generator (xorshift), so the test needs no
/// extra dependency and fails the same way every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

#[test]
fn arbitrary_bytes_never_panic() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let seeds: Vec<Vec<u8>> = walkdir::WalkDir::new(root.join("corpus"))
        .into_iter()
        .chain(walkdir::WalkDir::new(root.join("fixtures")))
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter_map(|e| std::fs::read(e.path()).ok())
        .filter(|b| b.len() < 200_000)
        .collect();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut inputs: Vec<Vec<u8>> = vec![
        Vec::new(),
        b"{".to_vec(),
        b"[".repeat(100_000),
        b"<".to_vec(),
        b"<?xml version=\"1.0\"?><publicwhip>".to_vec(),
        b"\xff\xfe<\x00".to_vec(),
        b"\xfe\xff".to_vec(),
        b"\x1f\x8b\x08\x00".to_vec(),
        "£%%% 999999999999999999999999 per cent £".as_bytes().to_vec(),
    ];
    // Mutations of real documents: truncations, flipped bytes, splices.
    for seed in &seeds {
        for _ in 0..6 {
            let mut b = seed.clone();
            match rng.next() % 3 {
                0 => b.truncate((rng.next() as usize) % (b.len() + 1)),
                1 => {
                    for _ in 0..8 {
                        if !b.is_empty() {
                            let i = (rng.next() as usize) % b.len();
                            b[i] = rng.next() as u8;
                        }
                    }
                }
                _ => {
                    let other = &seeds[(rng.next() as usize) % seeds.len()];
                    let cut = (rng.next() as usize) % (other.len() + 1);
                    b.extend_from_slice(&other[..cut]);
                }
            }
            inputs.push(b);
        }
    }
    for input in &inputs {
        let _ = wrans::parse_bytes("fuzz", input, None);
        for f in Format::ALL {
            let _ = wrans::parse_bytes("fuzz", input, Some(f));
        }
    }
}
