//! Runs the examples of `docs/recipes.md` exactly as written: every shell
//! block after a `<!-- tested: NAME -->` line, in order, in a scratch
//! folder beside a link to `../shared/samples`, with the `wrans` binary on
//! `PATH`. A block whose tool (sqlite3, pandas, duckdb, the `parquet`
//! feature) is missing is reported as SKIPPED on stderr.

use std::path::{Path, PathBuf};
use std::process::Command;

fn blocks(doc: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = doc;
    while let Some(at) = rest.find("<!-- tested: ") {
        let after = &rest[at + "<!-- tested: ".len()..];
        let name = after.split(" -->").next().unwrap_or("").to_string();
        let start = after.find("```sh\n").expect("a sh block after the mark");
        let body = &after[start + "```sh\n".len()..];
        let end = body.find("\n```").expect("the block ends");
        out.push((name, body[..=end].to_string()));
        rest = &body[end..];
    }
    out
}

fn has(cmd: &str, args: &[&str]) -> bool {
    Command::new(cmd).args(args).output().is_ok_and(|o| o.status.success())
}

#[test]
fn recipes_run_as_written() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let samples = root.join("../shared/samples");
    if !samples.is_dir() {
        eprintln!("SKIPPED: ../shared/samples is absent; the recipes use it");
        return;
    }
    let doc = std::fs::read_to_string(root.join("docs/recipes.md")).unwrap();
    let blocks = blocks(&doc);
    let names: Vec<&str> = blocks.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "sqlite-export",
            "sqlite-fts",
            "sqlite-figures",
            "sqlite-sources",
            "duckdb-parquet",
            "pandas-jsonl"
        ]
    );
    let scratch = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("recipes-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&scratch);
    let work = scratch.join("work");
    std::fs::create_dir_all(&work).unwrap();
    std::fs::create_dir_all(scratch.join("shared")).unwrap();
    std::os::unix::fs::symlink(
        samples.canonicalize().unwrap(),
        scratch.join("shared/samples"),
    )
    .unwrap();
    let bin = Path::new(env!("CARGO_BIN_EXE_wrans")).parent().unwrap();
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let sqlite = cfg!(feature = "sqlite");
    let sqlite3 = has("sqlite3", &["-version"]);
    let parquet = cfg!(feature = "parquet");
    let duckdb = has("python3", &["-c", "import duckdb"]);
    let pandas = has("python3", &["-c", "import pandas"]);
    let mut ran = 0;
    for (name, script) in &blocks {
        let missing = match name.as_str() {
            "sqlite-export" if !sqlite => Some("the sqlite feature"),
            n if n.starts_with("sqlite-") && !(sqlite && sqlite3) => {
                Some("sqlite3 (apt-get install sqlite3) or the sqlite feature")
            }
            "duckdb-parquet" if !parquet => {
                Some("the parquet feature (cargo test --features parquet)")
            }
            "duckdb-parquet" if !duckdb => Some("duckdb (pip install duckdb)"),
            "pandas-jsonl" if !pandas => Some("pandas (pip install pandas)"),
            _ => None,
        };
        if let Some(m) = missing {
            eprintln!("SKIPPED recipe {name}: needs {m}");
            continue;
        }
        let out = Command::new("bash")
            .args(["-euo", "pipefail", "-c", script])
            .current_dir(&work)
            .env("PATH", &path)
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success(),
            "recipe {name} failed:\n{script}\nstdout:\n{stdout}\nstderr:\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let expect = match name.as_str() {
            "sqlite-fts" => "commons/",
            "sqlite-figures" => "total_gbp",
            "sqlite-sources" => "wqapi_json",
            "duckdb-parquet" => "total_gbp",
            "pandas-jsonl" => "question_answering_body",
            _ => "",
        };
        assert!(stdout.contains(expect), "recipe {name} printed:\n{stdout}");
        eprintln!("recipe {name}: ran, output:\n{stdout}");
        ran += 1;
    }
    assert!(ran >= 1 || !sqlite);
    let _ = std::fs::remove_dir_all(&scratch);
}
