//! The records of every real sample, as the binary writes them, pinned by
//! a digest per input file (`tests/samples.digests`: path, records,
//! FNV-1a of the output lines). Speed work must leave every output byte
//! as it was: a changed digest names the sample whose records changed,
//! to be looked at with `wrans parse` before the digests are rewritten
//! with `UPDATE_EXPECT=1 cargo test --test output_digest` (and the change
//! explained in its commit).

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::Command;

fn fnv(h: &mut u64, bytes: &[u8]) {
    for &b in bytes {
        *h ^= u64::from(b);
        *h = h.wrapping_mul(0x0100_0000_01b3);
    }
}

#[test]
fn sample_outputs_are_unchanged() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let samples = root.join("../shared/samples");
    if !samples.is_dir() {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must have ../shared/samples"
        );
        eprintln!("SKIPPED: ../shared/samples not found");
        return;
    }
    let out = Command::new(env!("CARGO_BIN_EXE_wrans"))
        .current_dir(&root)
        .args(["parse", "-j", "2", "../shared/samples"])
        .output()
        .expect("the binary runs");
    let mut per_file: BTreeMap<String, (usize, u64)> = BTreeMap::new();
    for line in out.stdout.split(|&b| b == b'\n').filter(|l| !l.is_empty()) {
        let v: serde_json::Value = serde_json::from_slice(line).expect("JSON");
        let path = v["source"]["path"].as_str().unwrap_or("?").to_string();
        let e = per_file.entry(path).or_insert((0, 0xcbf2_9ce4_8422_2325));
        e.0 += 1;
        fnv(&mut e.1, line);
        fnv(&mut e.1, b"\n");
    }
    let got: String = per_file
        .iter()
        .map(|(p, (n, h))| format!("{p}\t{n}\t{h:016x}\n"))
        .collect();
    let file = root.join("tests/samples.digests");
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        std::fs::write(&file, &got).expect("write the digests");
        return;
    }
    let want = std::fs::read_to_string(&file).unwrap_or_default();
    let diff: Vec<String> = {
        let w: BTreeMap<&str, &str> =
            want.lines().filter_map(|l| l.split_once('\t')).collect();
        let g: BTreeMap<&str, &str> =
            got.lines().filter_map(|l| l.split_once('\t')).collect();
        w.keys()
            .chain(g.keys())
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .filter(|k| w.get(*k) != g.get(*k))
            .map(|k| format!("{k}: want {:?}, got {:?}", w.get(k), g.get(k)))
            .collect()
    };
    assert!(diff.is_empty(), "sample outputs changed:\n{}", diff.join("\n"));
}
