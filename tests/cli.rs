//! End-to-end tests through the real `wrans` binary: the README's
//! quick-start command, exit codes, diagnostics for bad inputs, atomic
//! output, stdin, and the other subcommands.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn wrans() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_wrans"));
    c.current_dir(env!("CARGO_MANIFEST_DIR"));
    c
}

fn run(args: &[&str]) -> Output {
    wrans().args(args).output().expect("the binary runs")
}

/// Asserts exit status 0, showing stderr when it is not.
fn assert_success(out: &Output) {
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn stdout_records(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("every stdout line is JSON"))
        .collect()
}

/// A fresh scratch directory under the target dir.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

#[test]
fn readme_quick_start_parses_the_corpus() {
    // The README's command is `cargo run --release -- parse corpus/`.
    let readme = fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"),
    )
    .expect("README.md exists");
    assert!(readme.contains("cargo run --release -- parse corpus/"));
    assert!(readme.contains("cargo test"));

    let out = run(&["parse", "corpus/"]);
    assert_success(&out);
    let records = stdout_records(&out);
    assert_eq!(records.len(), 5);
    let kinds: Vec<&str> =
        records.iter().map(|r| r["kind"].as_str().unwrap_or("")).collect();
    assert_eq!(kinds.iter().filter(|k| **k == "written_question").count(), 4);
    assert_eq!(kinds.iter().filter(|k| **k == "letter").count(), 1);
    // Input order: the corpus is walked in sorted order.
    let paths: Vec<&str> = records
        .iter()
        .map(|r| r["source"]["path"].as_str().unwrap_or(""))
        .collect();
    let mut sorted = paths.clone();
    sorted.sort();
    assert_eq!(paths, sorted);
    // Top-level keys in the schema's order (checked on the raw line, as a
    // JSON map would sort them).
    let line = String::from_utf8_lossy(&out.stdout);
    let line = line.lines().next().unwrap_or("");
    let keys = [
        "id", "kind", "source", "house", "uin", "heading", "question",
        "answer", "letter", "figures", "warnings",
    ];
    let positions: Vec<usize> = keys
        .iter()
        .map(|k| line.find(&format!("\"{k}\":")).unwrap_or(usize::MAX))
        .collect();
    assert!(positions.iter().all(|p| *p != usize::MAX), "{line}");
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "key order: {line}");
}

#[test]
fn seed_002_fields() {
    let out = run(&["parse", "corpus/002_b68d5a5a8b9ccac3.txt"]);
    assert_eq!(out.status.code(), Some(0));
    let r = &stdout_records(&out)[0];
    assert_eq!(r["id"], "commons/2019-07-18/912085");
    assert_eq!(r["source"]["format"], "lda_text");
    assert_eq!(r["source"]["resource"], "1140099");
    assert_eq!(r["house"], "commons");
    assert_eq!(r["uin"], "912085");
    assert_eq!(r["heading"], "Children: Social Services");
    let q = &r["question"];
    assert_eq!(q["tabled_on"], "2019-07-18");
    assert_eq!(q["asker"]["name"], "Thelma Walker");
    assert_eq!(q["asker"]["member_id"], 4649);
    assert_eq!(q["asker"]["constituency"], "Colne Valley");
    assert_eq!(q["answering_body"], "Department for Education");
    assert_eq!(q["answering_body_id"], 60);
    assert_eq!(q["registered_interest"], false);
    let a = &r["answer"];
    assert_eq!(a["answered_on"], "2019-07-22");
    assert_eq!(a["answerer"]["name"], "Nadhim Zahawi");
    assert_eq!(a["answerer"]["member_id"], 4113);
    assert_eq!(a["answerer"]["constituency"], "Stratford-on-Avon");
    assert_eq!(a["is_correction"], false);
    let text = a["text"].as_str().expect("answer text");
    assert_eq!(text.split("\n\n").count(), 4, "four paragraphs: {text}");
    for noise in ["more like this", "remove filter", "<p>", "</p>"] {
        assert!(!text.contains(noise), "{noise:?} in answer text");
    }
}

#[test]
fn parallelparliament_seeds_fields() {
    let out = run(&["parse", "corpus/000_555fe286e42fcb93.txt"]);
    assert_eq!(out.status.code(), Some(0));
    let r = &stdout_records(&out)[0];
    assert_eq!(r["heading"], "Children: Protection");
    assert_eq!(r["house"], "commons");
    assert!(r["uin"].is_null());
    assert_eq!(r["question"]["tabled_on"], "2020-09-16");
    assert_eq!(r["question"]["answering_body"], "Department for Education");
    assert_eq!(r["answer"]["answered_on"], "2020-09-23");
    assert_eq!(r["answer"]["answerer"]["name"], "Vicky Ford");
    let text = r["answer"]["text"].as_str().expect("answer text");
    assert!(text.starts_with("The department aims to provide"));
    assert!(text.ends_with("caused by the COVID-19 outbreak."));
    for noise in ["Reticulating Splines", "View Source", "Portrait"] {
        assert!(!text.contains(noise));
    }
}

#[test]
fn letter_seed_fields() {
    let out = run(&["parse", "corpus/003_938f14ec678c149b.txt"]);
    assert_eq!(out.status.code(), Some(0));
    let r = &stdout_records(&out)[0];
    assert_eq!(r["kind"], "letter");
    assert!(r["question"].is_null() && r["answer"].is_null());
    let l = &r["letter"];
    assert_eq!(l["date"], "2022-01-07");
    assert_eq!(l["sender"]["name"], "Baroness Barran");
    assert_eq!(
        l["sender"]["role"],
        "Parliamentary Under-Secretary of State for the School System"
    );
    assert_eq!(l["recipient"]["name"], "Lord Watson of Invergowrie");
    assert_eq!(l["salutation"], "Dear Mike");
    assert_eq!(l["sign_off"], "Yours sincerely");
    let body = l["body"].as_str().expect("body");
    assert!(body.starts_with("Following the Oral Statement"));
    assert!(body.ends_with("place a copy in the House Libraries."));
    assert!(
        !body.contains("SW1A 0PW") && !body.contains("Sanctuary Buildings")
    );
}

#[test]
fn bad_inputs_get_one_line_each_and_the_run_goes_on() {
    let dir = scratch("bad_inputs");
    fs::write(dir.join("empty.txt"), b"").expect("write");
    fs::write(dir.join("binary.bin"), [0u8, 159, 146, 150, 1, 2, 3, 0, 255])
        .expect("write");
    fs::create_dir_all(dir.join("sub")).expect("mkdir");
    let good = fs::read("corpus/002_b68d5a5a8b9ccac3.txt").expect("seed");
    fs::write(dir.join("sub/good.txt"), &good).expect("write");
    let missing = dir.join("missing.txt");
    let out = run(&[
        "parse",
        dir.join("empty.txt").to_str().unwrap_or_default(),
        dir.join("binary.bin").to_str().unwrap_or_default(),
        missing.to_str().unwrap_or_default(),
        dir.join("sub").to_str().unwrap_or_default(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 3, "one line per bad input:\n{stderr}");
    assert!(
        lines[0].contains("empty.txt") && lines[0].contains("empty input")
    );
    assert!(
        lines[1].contains("binary.bin") && lines[1].contains("binary data")
    );
    assert!(
        lines[2].contains("missing.txt") && lines[2].contains("cannot read")
    );
    let records = stdout_records(&out);
    assert_eq!(records.len(), 1, "the good input's record is there");
    assert_eq!(records[0]["uin"], "912085");
}

#[test]
fn encodings_bom_crlf_and_invalid_utf8() {
    let dir = scratch("encodings");
    let seed =
        fs::read_to_string("corpus/002_b68d5a5a8b9ccac3.txt").expect("seed");
    let mut bom = b"\xef\xbb\xbf".to_vec();
    bom.extend_from_slice(seed.as_bytes());
    fs::write(dir.join("a_bom.txt"), &bom).expect("write");
    fs::write(dir.join("b_crlf.txt"), seed.replace('\n', "\r\n"))
        .expect("write");
    let mut bad = seed.clone().into_bytes();
    bad.extend_from_slice(b"\nanswering dept short name caf\xe9\n");
    fs::write(dir.join("c_latin.txt"), &bad).expect("write");
    let out = run(&["parse", dir.to_str().unwrap_or_default()]);
    assert_success(&out);
    let records = stdout_records(&out);
    assert_eq!(records.len(), 3);
    for r in &records {
        assert_eq!(r["uin"], "912085");
        assert_eq!(r["heading"], "Children: Social Services");
        assert_eq!(r["id"], records[0]["id"], "same content, same id");
    }
    let warnings = records[2]["warnings"].as_array().expect("warnings");
    assert!(warnings
        .iter()
        .any(|w| w.as_str().unwrap_or("").contains("UTF-8")));
}

#[test]
fn a_directory_given_as_a_file_and_unknown_text() {
    let dir = scratch("unknown");
    fs::write(dir.join("notes.txt"), "just some words\nand more words\n")
        .expect("write");
    let out =
        run(&["parse", dir.join("notes.txt").to_str().unwrap_or_default()]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("notes.txt:1:1:"), "{stderr}");
    assert!(stderr.contains("no written question found"), "{stderr}");
}

#[test]
fn stdin_and_format_override() {
    let seed = fs::read("corpus/000_555fe286e42fcb93.txt").expect("seed");
    let mut child = wrans()
        .args(["parse", "-", "--format", "parallelparliament"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    child.stdin.take().expect("stdin").write_all(&seed).expect("write");
    let out = child.wait_with_output().expect("wait");
    assert_eq!(out.status.code(), Some(0));
    let r = &stdout_records(&out)[0];
    assert_eq!(r["source"]["path"], "-");
    assert_eq!(r["source"]["format"], "parallelparliament");

    // Forcing a wrong format gives a diagnostic naming it.
    let out = run(&[
        "parse",
        "--format",
        "letter",
        "corpus/002_b68d5a5a8b9ccac3.txt",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains(": letter: "));
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(run(&["parse"]).status.code(), Some(2));
    assert_eq!(
        run(&["parse", "--format", "pdf", "corpus/"]).status.code(),
        Some(2)
    );
    assert_eq!(run(&["frobnicate"]).status.code(), Some(2));
}

#[test]
fn output_file_is_written_atomically() {
    let dir = scratch("output");
    let dest = dir.join("out.jsonl");
    let out =
        run(&["parse", "corpus/", "-o", dest.to_str().unwrap_or_default()]);
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty());
    let text = fs::read_to_string(&dest).expect("output written");
    assert_eq!(text.lines().count(), 5);
    let leftovers: Vec<_> = fs::read_dir(&dir)
        .expect("read dir")
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "no temporary file is left");
}

#[test]
fn output_is_the_same_whatever_the_thread_count() {
    let one = run(&["parse", "-j", "1", "corpus/"]);
    let two = run(&["parse", "-j", "2", "corpus/"]);
    assert_eq!(one.stdout, two.stdout);
}

#[test]
fn schema_formats_and_pretty() {
    let out = run(&["schema"]);
    assert_eq!(out.status.code(), Some(0));
    let schema: serde_json::Value =
        serde_json::from_slice(&out.stdout).expect("schema is JSON");
    let props = &schema["properties"];
    for key in [
        "id", "kind", "source", "house", "uin", "question", "answer",
        "figures",
    ] {
        assert!(props.get(key).is_some(), "schema has {key}");
    }
    let out = run(&["formats"]);
    let text = String::from_utf8_lossy(&out.stdout);
    for name in [
        "parallelparliament",
        "lda_text",
        "lda_json",
        "wqapi_json",
        "qna_xml",
        "twfy_xml",
        "parliament_page",
        "hansard",
        "order_paper",
        "letter",
    ] {
        assert!(text.contains(name), "formats lists {name}");
    }
    let out = run(&["parse", "--pretty", "corpus/003_938f14ec678c149b.txt"]);
    let v: serde_json::Value =
        serde_json::from_slice(&out.stdout).expect("one pretty record");
    assert_eq!(v["kind"], "letter");
}

#[test]
fn figures_subcommand_joins_records_and_writes_csv() {
    let out = run(&["figures", "corpus/002_b68d5a5a8b9ccac3.txt"]);
    assert_eq!(out.status.code(), Some(0));
    for row in stdout_records(&out) {
        assert_eq!(row["record_id"], "commons/2019-07-18/912085");
        assert_eq!(row["answerer"], "Nadhim Zahawi");
        assert!(row["kind"].is_string() && row["span"].is_array());
    }
    let out = run(&["figures", "--csv", "corpus/002_b68d5a5a8b9ccac3.txt"]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.starts_with("record_id,house,uin,heading,answered_on,answerer,answering_body,kind,text,"));

    let dir = scratch("figures_text");
    let file = dir.join("prose.txt");
    fs::write(&file, "We spent £3 million on 46 schools.").expect("write");
    let out = run(&["figures", "--text", file.to_str().unwrap_or_default()]);
    assert_eq!(out.status.code(), Some(0));
    for f in stdout_records(&out) {
        assert_eq!(f["field"], "text");
    }
}

#[test]
fn strict_turns_warnings_into_errors() {
    let dir = scratch("strict");
    let mut bad = fs::read("corpus/002_b68d5a5a8b9ccac3.txt").expect("seed");
    bad.extend_from_slice(b"\nanswering dept short name caf\xe9\n");
    fs::write(dir.join("latin.txt"), &bad).expect("write");
    let path = dir.join("latin.txt");
    let lenient = run(&["parse", path.to_str().unwrap_or_default()]);
    assert_eq!(lenient.status.code(), Some(0));
    assert_eq!(stdout_records(&lenient).len(), 1);
    let strict =
        run(&["parse", "--strict", path.to_str().unwrap_or_default()]);
    assert_eq!(strict.status.code(), Some(1));
    assert!(stdout_records(&strict).is_empty());
    let stderr = String::from_utf8_lossy(&strict.stderr);
    assert!(
        stderr.contains("record 0 (commons/2019-07-18/912085)"),
        "{stderr}"
    );
    assert!(stderr.contains("UTF-8"), "{stderr}");
}
