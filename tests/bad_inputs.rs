//! Bad input through the real binary (SPEC section 5): one case per class,
//! each between two good documents. Each asserts the one diagnostic line
//! (naming the input, on one line), the exit status, and that the good
//! inputs' records are all there. Also: the regressions of issue 9 (four
//! panics and an entity-expansion abort), containment of a deliberately
//! crashing input, a closed pipe, an interrupted `-o` run, non-UTF-8
//! paths and `figures --text -`.

use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const GOOD_A: &str = "corpus/000_555fe286e42fcb93.txt";
const GOOD_B: &str = "corpus/002_b68d5a5a8b9ccac3.txt";

fn wrans() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_wrans"));
    c.current_dir(env!("CARGO_MANIFEST_DIR"));
    c
}

fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

fn records(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("every stdout line is JSON"))
        .collect()
}

fn stderr_lines(out: &Output) -> Vec<String> {
    String::from_utf8_lossy(&out.stderr).lines().map(str::to_string).collect()
}

/// Runs `parse GOOD_A bad GOOD_B` (plus `extra` arguments first).
fn between_good(extra: &[&str], bad: &Path) -> Output {
    wrans()
        .arg("parse")
        .args(extra)
        .arg(GOOD_A)
        .arg(bad)
        .arg(GOOD_B)
        .output()
        .expect("the binary runs")
}

/// The records of the good inputs are all there, in order around the bad
/// one's.
fn assert_good_records(out: &Output) -> Vec<serde_json::Value> {
    let recs = records(out);
    let paths: Vec<&str> =
        recs.iter().filter_map(|r| r["source"]["path"].as_str()).collect();
    assert_eq!(paths.first(), Some(&GOOD_A), "{paths:?}");
    assert_eq!(paths.last(), Some(&GOOD_B), "{paths:?}");
    recs
}

/// One failure line naming `bad`, containing `what`; exit status 1.
fn assert_one_failure(out: &Output, bad: &Path, what: &str) {
    let lines = stderr_lines(out);
    assert_eq!(lines.len(), 1, "stderr: {lines:#?}");
    let shown = bad.display().to_string();
    assert!(lines[0].starts_with(&shown), "{lines:?} should name {shown}");
    assert!(lines[0].contains(what), "{:?} should contain {what:?}", lines[0]);
    assert_eq!(out.status.code(), Some(1), "{lines:?}");
    assert_good_records(out);
}

/// A Written Questions API list record, keys in the API's own order.
fn api_record(uin: &str, asker: &str, answer_html: &str) -> String {
    let s = |v: &str| serde_json::to_string(v).unwrap();
    format!(
        r#"{{"value": {{"id": 1, "askingMemberId": 4476, "askingMember": {{"id": 4476, "name": {}, "memberFrom": "Vale of Clwyd"}}, "house": "Commons", "dateTabled": "2021-02-01T00:00:00", "uin": {}, "questionText": "To ask the Secretary of State for Health and Social Care, what plans he has.", "answeringBodyName": "Department of Health and Social Care", "dateAnswered": "2021-03-17T00:00:00", "answerText": {}}}}}"#,
        s(asker),
        s(uin),
        s(answer_html)
    )
}

#[test]
fn each_class_of_bad_input_gets_one_line_and_the_run_goes_on() {
    let dir = scratch("bad_classes");
    let write = |name: &str, bytes: &[u8]| {
        let p = dir.join(name);
        fs::write(&p, bytes).expect("write");
        p
    };
    // (file, expected text of the one failure line)
    let mut cases: Vec<(PathBuf, &str)> = vec![
        (write("empty.txt", b""), "empty input"),
        (write("blank.txt", b"  \n\t \n"), "empty input"),
        (write("binary.bin", b"\x00\x01\x02\x03PK\x03\x04\x00\x00"), "binary data"),
        (
            write("cut.json", br#"{"results": [{"value": {"uin": "1", "questionText": "To ask"#),
            "unexpected end of input",
        ),
        (
            write("cut.xml", b"<?xml version=\"1.0\"?>\n<publicwhip>\n<ques id=\"x\"><p>To ask"),
            "twfy_xml",
        ),
        (
            write("nested.json", &[b"[".repeat(200_000), b"]".repeat(200_000)].concat()),
            "no written question found",
        ),

        (
            write("nested.xml", &[b"<publicwhip>".to_vec(), b"<a>".repeat(100_000)].concat()),
            "twfy_xml",
        ),
        (
            write(
                "laughs.xml",
                br#"<?xml version="1.0"?>
<!DOCTYPE publicwhip [
<!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
<!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
<!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
<!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">
]>
<publicwhip><ques id="q"><p>&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;</p></ques></publicwhip>
"#,
            ),
            "entity expansion beyond the limit",
        ),
        (write("unknown.txt", b"Just some words that are not a question.\n"), "no written question found"),
    ];
    // The quadratic kind: one large entity used many times (250 KB).
    let mut quad =
        b"<?xml version=\"1.0\"?>\n<!DOCTYPE publicwhip [<!ENTITY big \""
            .to_vec();
    quad.extend(b"x".repeat(100_000));
    quad.extend(b"\">]>\n<publicwhip><ques id=\"q\"><p>");
    quad.extend(b"&big;".repeat(30_000));
    quad.extend(b"</p></ques></publicwhip>\n");
    cases.push((
        write("quadratic.xml", &quad),
        "entity expansion beyond the limit",
    ));
    // A gzip bomb: 1 MiB that expands to 1 GiB.
    {
        let mut e = flate2::write::GzEncoder::new(
            Vec::new(),
            flate2::Compression::best(),
        );
        e.write_all(b"[").unwrap();
        let chunk = vec![b' '; 1 << 20];
        for _ in 0..1024 {
            e.write_all(&chunk).unwrap();
        }
        cases.push((
            write("bomb.json.gz", &e.finish().unwrap()),
            "expands beyond the limit",
        ));
    }
    // One enormous record, beyond a small --max-record.
    let huge = api_record("77", "Jo Bloggs", &"word ".repeat(400_000));
    let huge_line = format!("{huge}\n{huge}\n");
    cases.push((
        write("huge.jsonl", huge_line.as_bytes()),
        "larger than the limit",
    ));

    for (bad, what) in &cases {
        let out = between_good(&["--max-record", "1"], bad);
        assert_one_failure(&out, bad, what);
    }

    // Devices and FIFOs named as input: one line, never a hang.
    assert_one_failure(
        &between_good(&[], Path::new("/dev/zero")),
        Path::new("/dev/zero"),
        "not a regular file",
    );
    let fifo = dir.join("fifo");
    if Command::new("mkfifo").arg(&fifo).status().is_ok_and(|s| s.success()) {
        assert_one_failure(&between_good(&[], &fifo), &fifo, "a FIFO");
    }
    // A missing file.
    let missing = dir.join("missing.json");
    assert_one_failure(&between_good(&[], &missing), &missing, "cannot read");
}

#[test]
fn decodable_oddities_parse_with_or_without_a_warning() {
    let dir = scratch("bad_decodable");
    let good =
        fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join(GOOD_B)).unwrap();
    let text = String::from_utf8(good.clone()).unwrap();
    let mut utf16le = vec![0xff, 0xfe];
    let mut utf16be_nobom = Vec::new();
    for u in text.encode_utf16() {
        utf16le.extend_from_slice(&u.to_le_bytes());
        utf16be_nobom.extend_from_slice(&u.to_be_bytes());
    }
    let crlf = text.replace('\n', "\r\n").into_bytes();
    let lone_cr = text.replace('\n', "\r").into_bytes();
    let bom = [b"\xef\xbb\xbf".to_vec(), good.clone()].concat();
    let cp1252 = text
        .replace('£', "\u{0}")
        .into_bytes()
        .iter()
        .map(|&b| if b == 0 { 0xa3 } else { b })
        .collect::<Vec<u8>>();
    let cases: Vec<(&str, Vec<u8>, bool)> = vec![
        ("utf16le.txt", utf16le, false),
        ("utf16be_nobom.txt", utf16be_nobom, true),
        ("crlf.txt", crlf, false),
        ("lone_cr.txt", lone_cr, false),
        ("bom.txt", bom, false),
        ("cp1252.txt", cp1252, true),
    ];
    for (name, bytes, warned) in cases {
        let p = dir.join(name);
        fs::write(&p, &bytes).unwrap();
        let out = between_good(&[], &p);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{name}: {:?}",
            stderr_lines(&out)
        );
        let recs = assert_good_records(&out);
        assert_eq!(recs.len(), 3, "{name}");
        let mid = &recs[1];
        assert_eq!(mid["uin"], "912085", "{name}");
        assert_eq!(
            !mid["warnings"].as_array().unwrap().is_empty(),
            warned,
            "{name}: {}",
            mid["warnings"]
        );
    }
}

#[test]
fn regressions_of_issue_9_parse_and_keep_their_neighbours() {
    let dir = scratch("regressions");
    // A Kelvin sign in a name that ends like a decoration (" KC"); a
    // table header cell with an en dash at byte 10; a UIN starting with
    // a multi-byte character; all in one JSON Lines file between good
    // records.
    let lines = [
        api_record("1001", "Jo Bloggs", "<p>Fine.</p>"),
        api_record("1002", "Jo \u{212A}C", "<p>Named.</p>"),
        api_record(
            "1003",
            "Ann Other",
            "<table><tr><td>Jan 2024 \u{2013} Dec 2025</td></tr><tr><td>5</td></tr></table>",
        ),
        api_record("\u{20ac}12", "Ann Other", "<p>Euro.</p>"),
        api_record("1005", "Jo Bloggs", "<p>Last.</p>"),
    ];
    let text: String = lines.iter().map(|l| format!("{l}\n")).collect();
    let p = dir.join("regressions.jsonl");
    fs::write(&p, text).unwrap();
    let out = between_good(&[], &p);
    assert_eq!(out.status.code(), Some(0), "{:?}", stderr_lines(&out));
    assert!(stderr_lines(&out).is_empty(), "{:?}", stderr_lines(&out));
    let recs = assert_good_records(&out);
    let uins: Vec<&str> =
        recs.iter().filter_map(|r| r["uin"].as_str()).collect();
    // GOOD_A (a parallelparliament page) prints no UIN.
    assert_eq!(uins, ["1001", "1002", "1003", "\u{20ac}12", "1005", "912085"]);
    assert_eq!(recs[2]["question"]["asker"]["printed"], "Jo \u{212A}C");

    // serde_json error columns inside multi-byte characters: cut and
    // damaged strings of pound signs, in a list.
    for (i, tail) in
        ["££££\u{1}x", "££\"£", "£££,,", "££££"].iter().enumerate()
    {
        let doc = format!(
            "{{\"results\": [{}, {{\"value\": {{\"uin\": \"9\", \"questionText\": \"To ask £{tail}",
            api_record("1", "A B", "<p>ok</p>")
        );
        let p = dir.join(format!("multibyte_{i}.json"));
        fs::write(&p, doc).unwrap();
        let out = between_good(&[], &p);
        let lines = stderr_lines(&out);
        assert_eq!(lines.len(), 1, "{lines:?}");
        assert!(!lines[0].contains("a bug in wrans"), "{lines:?}");
        assert_eq!(out.status.code(), Some(1));
        let recs = assert_good_records(&out);
        assert!(recs.iter().any(|r| r["uin"] == "1"));
    }
}

#[test]
fn a_crashing_record_costs_only_itself() {
    let dir = scratch("crash");
    let lines = [
        api_record("2001", "Jo Bloggs", "<p>One.</p>"),
        api_record("2002", "Jo Bloggs", "<p>CRASH-ME-NOW</p>"),
        api_record("2003", "Jo Bloggs", "<p>Three.</p>"),
    ];
    let text: String = lines.iter().map(|l| format!("{l}\n")).collect();
    let p = dir.join("crash.jsonl");
    fs::write(&p, text).unwrap();
    let doc = dir.join("crash.txt");
    let good =
        fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(GOOD_B))
            .unwrap();
    fs::write(&doc, format!("{good}\nCRASH-ME-NOW\n")).unwrap();
    for threads in ["1", "2"] {
        let out = wrans()
            .env("WRANS_TEST_PANIC", "CRASH-ME-NOW")
            .args(["parse", "-j", threads, GOOD_A])
            .arg(&p)
            .arg(&doc)
            .arg(GOOD_B)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1));
        let lines = stderr_lines(&out);
        assert_eq!(lines.len(), 2, "{lines:#?}");
        assert!(
            lines[0].contains(
                "crash.jsonl:2:1: wqapi_json: a bug in wrans (panic at src/"
            ),
            "{}",
            lines[0]
        );
        assert!(
            !lines[0].contains("CRASH-ME-NOW"),
            "no document content: {}",
            lines[0]
        );
        assert!(
            lines[1].contains("crash.txt: a bug in wrans (panic at src/"),
            "{}",
            lines[1]
        );
        let recs = assert_good_records(&out);
        let uins: Vec<&str> =
            recs.iter().filter_map(|r| r["uin"].as_str()).collect();
        assert_eq!(uins, ["2001", "2003", "912085"]);
        // The crashed line's neighbours keep their positions.
        assert_eq!(recs[2]["source"]["index"], 2);
    }
}

/// A JSON Lines file of `n` real-looking records.
fn big_jsonl(path: &Path, n: usize) {
    let mut f = std::io::BufWriter::new(fs::File::create(path).unwrap());
    for i in 0..n {
        let r = api_record(
            &format!("{}", 100_000 + i),
            "Jo Bloggs",
            "<p>We spent £3 million over 2 years.</p>",
        );
        writeln!(f, "{r}").unwrap();
    }
}

#[test]
fn a_closed_pipe_ends_quietly_with_status_0() {
    let dir = scratch("pipe");
    let p = dir.join("big.jsonl");
    big_jsonl(&p, 20_000);
    let mut child = wrans()
        .args(["parse"])
        .arg(&p)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 100];
    stdout.read_exact(&mut first).unwrap();
    drop(stdout);
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn an_interrupted_output_run_leaves_no_temporary_and_the_old_target() {
    let dir = scratch("sigint");
    let p = dir.join("big.jsonl");
    big_jsonl(&p, 400_000);
    let target = dir.join("out").join("records.jsonl");
    fs::create_dir_all(target.parent().unwrap()).unwrap();
    fs::write(&target, "old\n").unwrap();
    let mut child = wrans()
        .args(["parse", "-j", "1", "-o"])
        .arg(&target)
        .arg(&p)
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Wait for the temporary file to appear, then interrupt.
    let out_dir = target.parent().unwrap();
    let mut seen = false;
    for _ in 0..200 {
        std::thread::sleep(std::time::Duration::from_millis(20));
        if fs::read_dir(out_dir).unwrap().count() > 1 {
            seen = true;
            break;
        }
    }
    assert!(seen, "the temporary file appears");
    let _ =
        Command::new("kill").args(["-INT", &child.id().to_string()]).status();
    let status = child.wait().unwrap();
    assert_ne!(status.code(), Some(0));
    let left: Vec<_> = fs::read_dir(out_dir)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.file_name())
        .collect();
    assert_eq!(left, [std::ffi::OsString::from("records.jsonl")]);
    assert_eq!(fs::read_to_string(&target).unwrap(), "old\n");
}

#[test]
fn walks_skip_temporaries_special_files_loops_and_duplicates() {
    let dir = scratch("walk");
    fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join(GOOD_A),
        dir.join("a.txt"),
    )
    .unwrap();
    fs::write(dir.join(".records.jsonl.wrans-123.tmp"), "{\"half\": ")
        .unwrap();
    std::os::unix::fs::symlink(dir.join("a.txt"), dir.join("b_link.txt"))
        .unwrap();
    fs::create_dir(dir.join("sub")).unwrap();
    std::os::unix::fs::symlink(&dir, dir.join("sub").join("loop")).unwrap();
    let fifo = dir.join("z_fifo");
    let has_fifo =
        Command::new("mkfifo").arg(&fifo).status().is_ok_and(|s| s.success());
    let out = wrans().arg("parse").arg(&dir).output().unwrap();
    let recs = records(&out);
    assert_eq!(recs.len(), 1, "the file and its link are one input");
    let lines = stderr_lines(&out);
    assert!(
        lines.iter().any(|l| l.contains("symbolic link loop")),
        "{lines:?}"
    );
    if has_fifo {
        assert!(
            lines
                .iter()
                .any(|l| l
                    .contains("z_fifo: skipped: not a regular file (a FIFO)")),
            "{lines:?}"
        );
    }
    assert!(!lines.iter().any(|l| l.contains(".tmp")), "{lines:?}");
    assert_eq!(lines.len(), if has_fifo { 2 } else { 1 }, "{lines:?}");
    // The loop is an error (status 1); the FIFO only a note.
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn non_utf8_paths_and_figures_of_stdin() {
    use std::os::unix::ffi::OsStrExt;
    let dir = scratch("paths");
    let name = std::ffi::OsStr::from_bytes(b"caf\xe9.txt");
    let p = dir.join(name);
    fs::copy(Path::new(env!("CARGO_MANIFEST_DIR")).join(GOOD_B), &p).unwrap();
    let out = wrans().arg("parse").arg(&p).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{:?}", stderr_lines(&out));
    let recs = records(&out);
    assert!(recs[0]["source"]["path"]
        .as_str()
        .unwrap()
        .ends_with("caf\u{fffd}.txt"));

    let mut child = wrans()
        .args(["figures", "--text", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all("We spent £3 million.".as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let figs = records(&out);
    assert_eq!(figs.len(), 1);
    assert_eq!(figs[0]["value"], 3_000_000.0);

    // Bad input to --text is a diagnostic and status 1, not a usage error.
    let out =
        wrans().args(["figures", "--text", "/dev/zero"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stderr_lines(&out).len(), 1);
    let out = wrans().args(["figures", "--text"]).arg(&dir).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr_lines(&out)[0].contains("is a directory"));
}
