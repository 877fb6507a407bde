//! The flat outputs (CSV, SQLite, Parquet) and `--merge`, on the real
//! samples in `../shared/samples/` (tests that need them say so when the
//! folder is absent).

#![cfg_attr(not(feature = "sqlite"), allow(dead_code, unused_imports))]
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;

use wrans::output::columns::{FIGURE_COLUMNS, RECORD_COLUMNS};
use wrans::output::{RecordSink, Summary};
use wrans::Record;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn samples() -> Option<PathBuf> {
    let p = root().join("../shared/samples");
    if p.is_dir() {
        Some(p)
    } else {
        eprintln!("SKIPPED: ../shared/samples is absent; this test needs it");
        None
    }
}

fn wrans() -> Command {
    Command::new(env!("CARGO_BIN_EXE_wrans"))
}

/// Parses one file with the library.
fn parse(path: &Path) -> Vec<Record> {
    let bytes = std::fs::read(path).expect("readable sample");
    let shown = path.display().to_string();
    wrans::parse_bytes(&shown, &bytes, None).records
}

/// A sink that keeps what it is given (tests only: a few thousand).
#[cfg(feature = "sqlite")]
#[derive(Default)]
struct Collect(Vec<Record>);

#[cfg(feature = "sqlite")]
impl RecordSink for Collect {
    fn write(&mut self, record: &Record) -> wrans::output::Result<()> {
        self.0.push(record.clone());
        Ok(())
    }
    fn finish(&mut self) -> wrans::output::Result<Summary> {
        Ok(Summary::default())
    }
}

/// The rows of the markdown table after `marker` in docs/output.md:
/// (name, type).
fn documented(marker: &str) -> Vec<(String, String)> {
    let doc = std::fs::read_to_string(root().join("docs/output.md"))
        .expect("docs/output.md");
    let at = doc.find(marker).expect("marker in docs/output.md");
    doc[at..]
        .lines()
        .skip(3)
        .take_while(|l| l.starts_with('|'))
        .map(|l| {
            let cells: Vec<&str> = l.split('|').map(str::trim).collect();
            (cells[1].trim_matches('`').to_string(), cells[2].to_string())
        })
        .collect()
}

#[test]
fn columns_are_documented_in_order_with_their_types() {
    let want: Vec<(String, String)> = RECORD_COLUMNS
        .iter()
        .map(|c| (c.name.to_string(), c.ty.as_str().to_string()))
        .collect();
    assert_eq!(documented("<!-- record-columns -->"), want);
    let want: Vec<(String, String)> = FIGURE_COLUMNS
        .iter()
        .map(|c| (c.name.to_string(), c.ty.as_str().to_string()))
        .collect();
    assert_eq!(documented("<!-- figure-columns -->"), want);
}

#[test]
fn parse_csv_writes_the_header_once_and_one_row_per_record() {
    let corpus = root().join("corpus");
    let out = wrans()
        .args(["parse", "--csv", "-j", "2"])
        .arg(&corpus)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let json = wrans().arg("parse").arg(&corpus).output().unwrap();
    let records: Vec<Record> = String::from_utf8(json.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
    let header: Vec<String> =
        reader.headers().unwrap().iter().map(String::from).collect();
    let names: Vec<&str> = RECORD_COLUMNS.iter().map(|c| c.name).collect();
    assert_eq!(header, names);
    let rows: Vec<csv::StringRecord> =
        reader.records().map(|r| r.unwrap()).collect();
    assert_eq!(rows.len(), records.len());
    assert!(rows.len() >= 5);
    let col = |name: &str| names.iter().position(|n| *n == name).unwrap();
    for (row, r) in rows.iter().zip(&records) {
        assert_eq!(&row[col("id")], r.id);
        assert_eq!(&row[col("figure_count")], r.figures.len().to_string());
        let tabled = r.question.as_ref().and_then(|q| q.tabled_on);
        let tabled = tabled.map(|d| d.to_string()).unwrap_or_default();
        assert_eq!(row[col("tabled_on")], tabled);
    }
    // The seed with a known answer: its figures count and answerer id.
    let seed = rows
        .iter()
        .find(|r| &r[col("id")] == "commons/2019-07-18/912085")
        .expect("the LDA seed");
    assert_eq!(&seed[col("answerer_member_id")], "4113");
    assert_eq!(&seed[col("question_truncated")], "false");
    assert_eq!(&seed[col("source_count")], "1");
}

/// The API ids and answer texts of a WQ API list dump, read directly.
#[cfg(feature = "sqlite")]
fn list_ids(path: &Path) -> BTreeMap<u64, String> {
    let v: serde_json::Value =
        serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
    let items = v.get("results").and_then(|r| r.as_array()).cloned();
    let items = items.or_else(|| v.as_array().cloned()).unwrap();
    items
        .iter()
        .map(|i| {
            let v = &i["value"];
            let id = v["id"].as_u64().unwrap();
            (id, v["answerText"].as_str().unwrap_or("").to_string())
        })
        .collect()
}

#[cfg(feature = "sqlite")]
#[test]
fn list_dump_and_longform_merge_into_one_record_per_question() {
    let Some(s) = samples() else { return };
    let list = s.join("wqapi_json/ukpwq_commons_list_2024-08.json");
    let long = s.join("wqapi_json/ukpwq_longform_2024-08.jsonl");
    // What the source data says, read independently of wrans.
    let in_list = list_ids(&list);
    let in_long: BTreeSet<u64> = std::fs::read_to_string(&long)
        .unwrap()
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            v["id"].as_u64().unwrap()
        })
        .collect();
    let both: BTreeSet<u64> =
        in_long.iter().filter(|i| in_list.contains_key(i)).copied().collect();
    let all: BTreeSet<u64> =
        in_list.keys().chain(in_long.iter()).copied().collect();
    let cut_in_list =
        both.iter().filter(|i| in_list[i].trim_end().ends_with("...")).count();
    assert!(
        both.len() > 200 && cut_in_list > 100,
        "{} {cut_in_list}",
        both.len()
    );

    let full_answers: BTreeMap<String, Record> = parse(&long)
        .into_iter()
        .map(|r| (r.source.resource.clone().unwrap(), r))
        .collect();
    let mut sink =
        wrans::output::merge::MergedSink::new(Collect::default()).unwrap();
    for r in parse(&list).iter().chain(full_answers.values()) {
        sink.write(r).unwrap();
    }
    sink.finish().unwrap();
    let merged = std::mem::take(&mut sink_inner(&mut sink).0);
    assert_eq!(merged.len(), all.len(), "one record per API question id");
    let (mut checked, mut cut_checked) = (0, 0);
    for r in &merged {
        let res: u64 = r.source.resource.as_deref().unwrap().parse().unwrap();
        let sources = r.sources.as_ref().expect("merged records list sources");
        if both.contains(&res) {
            assert_eq!(sources.len(), 2, "{}", r.id);
            let a = r.answer.as_ref().unwrap();
            assert!(!a.truncated, "{}", r.id);
            let full = &full_answers[&res.to_string()];
            if in_list[&res].trim_end().ends_with("...") {
                // The list cut the answer: the full answer's text is kept.
                assert_eq!(
                    a.text,
                    full.answer.as_ref().unwrap().text,
                    "{}",
                    r.id
                );
                assert_eq!(r.source.format.name(), "wqapi_json");
                assert!(r.source.path.ends_with(".jsonl"), "{}", r.id);
                cut_checked += 1;
            }
            // The list gave the UIN and dates the longform lacks.
            assert!(
                r.uin.is_some() && r.id.starts_with("commons/"),
                "{}",
                r.id
            );
            assert!(a.answered_on.is_some());
            checked += 1;
        } else {
            assert_eq!(sources.len(), 1, "{}", r.id);
        }
    }
    assert_eq!(checked, both.len());
    assert_eq!(cut_checked, cut_in_list);
}

/// The inner sink of a finished merging sink.
#[cfg(feature = "sqlite")]
fn sink_inner(
    s: &mut wrans::output::merge::MergedSink<Collect>,
) -> &mut Collect {
    s.inner_mut()
}

#[cfg(feature = "sqlite")]
#[test]
fn wqapi_and_lda_records_of_146937_merge() {
    let Some(s) = samples() else { return };
    let api = s.join("wqapi_json/clq_2021-02-01_fetch_questions_get.json");
    let lda =
        root().join("fixtures/lda_json/handwritten_same_question_146937.json");
    let mut sink =
        wrans::output::merge::MergedSink::new(Collect::default()).unwrap();
    let inputs = [parse(&api), parse(&lda)];
    for r in inputs.iter().flatten() {
        sink.write(r).unwrap();
    }
    sink.finish().unwrap();
    let merged = &sink_inner(&mut sink).0;
    assert_eq!(merged.len(), inputs[0].len(), "the LDA record joins one");
    let ours: Vec<&Record> =
        merged.iter().filter(|r| r.uin.as_deref() == Some("146937")).collect();
    assert_eq!(ours.len(), 1);
    let r = ours[0];
    assert_eq!(r.id, "commons/2021-02-01/146937");
    let formats: Vec<&str> =
        r.sources.as_ref().unwrap().iter().map(|s| s.format.name()).collect();
    assert_eq!(formats, ["wqapi_json", "lda_json"]);
    // The LDA answer is not marked truncated, so its text is kept; it is
    // shorter than what the API's cut text shows, which is a warning.
    assert_eq!(r.source.format.name(), "lda_json");
    assert!(!r.answer.as_ref().unwrap().truncated);
    assert!(r.warnings.iter().any(|w| w.contains("is not the same")));
    // The party only the API gives is filled in.
    let asker = r.question.as_ref().unwrap().asker.as_ref().unwrap();
    assert_eq!(asker.party.as_deref(), Some("Conservative"));
    assert_eq!(asker.member_id, Some(4476));
}

#[cfg(feature = "sqlite")]
#[test]
fn merge_prefers_untruncated_and_corrections_and_warns_on_conflicts() {
    use wrans::output::merge::merge;
    let bytes =
        std::fs::read(root().join("corpus/002_b68d5a5a8b9ccac3.txt")).unwrap();
    let base = wrans::parse_bytes("a", &bytes, None).records.remove(0);
    let mut cut = base.clone();
    cut.source.path = "b".into();
    let a = cut.answer.as_mut().unwrap();
    a.text = Some("We are providing local authorities with mo...".into());
    a.truncated = true;
    a.answerer.as_mut().unwrap().party = Some("Conservative".into());
    // The truncated record first: the untruncated text still wins.
    let m = merge(&[cut.clone(), base.clone()]).unwrap();
    assert_eq!(
        m.answer.as_ref().unwrap().text,
        base.answer.as_ref().unwrap().text
    );
    assert_eq!(m.source.path, base.source.path);
    assert_eq!(m.sources.as_ref().unwrap().len(), 2);
    let answerer = m.answer.as_ref().unwrap().answerer.as_ref().unwrap();
    assert_eq!(answerer.party.as_deref(), Some("Conservative"));
    assert!(m.warnings.is_empty(), "{:?}", m.warnings);
    assert_eq!(m.figures, base.figures);

    let mut corr = base.clone();
    corr.source.path = "c".into();
    let a = corr.answer.as_mut().unwrap();
    a.is_correction = true;
    a.text = Some("A corrected answer.".into());
    a.answered_on = wrans::record::Date::from_iso("2019-07-30");
    let m = merge(&[base.clone(), corr]).unwrap();
    assert_eq!(
        m.answer.as_ref().unwrap().text.as_deref(),
        Some("A corrected answer.")
    );

    let mut other = base.clone();
    other.source.path = "d".into();
    let a = other.answer.as_mut().unwrap();
    a.answered_on = wrans::record::Date::from_iso("2019-07-23");
    a.answerer = Some(wrans::Person {
        name: Some("Someone Else".into()),
        member_id: Some(1),
        ..Default::default()
    });
    let m = merge(&[base.clone(), other]).unwrap();
    let w = m.warnings.join("\n");
    assert!(w.contains("disagree on answer.answered_on: 2019-07-22"), "{w}");
    assert!(w.contains("disagree on answer.answerer"), "{w}");
    assert_eq!(
        m.answer.as_ref().unwrap().answered_on.as_deref(),
        Some("2019-07-22")
    );
}

#[cfg(feature = "sqlite")]
mod sqlite {
    use super::*;
    use rusqlite::types::ValueRef;
    use rusqlite::Connection;

    /// A checksum of every row of every table (and its row count).
    fn checksum(db: &Path) -> BTreeMap<String, (u64, u64)> {
        let conn = Connection::open(db).unwrap();
        let tables: Vec<String> = conn
            .prepare(
                "SELECT name FROM sqlite_master WHERE type = 'table' \
                 AND name NOT LIKE 'records_fts_%' ORDER BY name",
            )
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        let mut out = BTreeMap::new();
        for t in tables {
            let mut stmt =
                conn.prepare(&format!("SELECT * FROM \"{t}\"")).unwrap();
            let n = stmt.column_count();
            let mut rows = stmt.query([]).unwrap();
            let (mut count, mut hash) = (0u64, 0u64);
            while let Some(row) = rows.next().unwrap() {
                let mut parts = Vec::new();
                for i in 0..n {
                    parts.push(match row.get_ref(i).unwrap() {
                        ValueRef::Null => "NULL".to_string(),
                        ValueRef::Integer(x) => x.to_string(),
                        ValueRef::Real(x) => x.to_string(),
                        ValueRef::Text(b) | ValueRef::Blob(b) => {
                            String::from_utf8_lossy(b).into_owned()
                        }
                    });
                }
                let refs: Vec<&str> =
                    parts.iter().map(String::as_str).collect();
                // Order-independent: rows are summed.
                hash = hash.wrapping_add(wrans::text::stable_hash(&refs));
                count += 1;
            }
            out.insert(t, (count, hash));
        }
        out
    }

    fn export(db: &Path, args: &[&Path]) -> String {
        let out = wrans()
            .args(["export", "--sqlite"])
            .arg(db)
            .arg("--merge")
            .args(args)
            .output()
            .unwrap();
        // Some samples are broken on purpose: status 1, never 2.
        assert!(out.status.code() == Some(0) || out.status.code() == Some(1));
        String::from_utf8(out.stderr).unwrap()
    }

    #[test]
    fn export_of_all_samples_is_idempotent_and_answers_queries() {
        let Some(s) = samples() else { return };
        let dir = tempdir("idempotent");
        let db = dir.join("wrans.db");
        let first = export(&db, &[&s]);
        assert!(first.contains("rows written: records "), "{first}");
        let before = checksum(&db);
        assert!(before["records"].0 > 3000, "{before:?}");
        let second = export(&db, &[&s]);
        assert!(
            second.contains(
                "rows written: records 0, figures 0, members 0, sources 0;"
            ),
            "{second}"
        );
        assert_eq!(checksum(&db), before, "a second import changed rows");

        let conn = Connection::open(&db).unwrap();
        // The full-text index answers (the query of docs/recipes.md).
        let hits: Vec<String> = conn
            .prepare(
                "SELECT r.id FROM records_fts JOIN records r \
                 ON r.record_no = records_fts.rowid \
                 WHERE records_fts MATCH 'dental AND NHS' ORDER BY rank",
            )
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        let direct: i64 = conn
            .query_row(
                "SELECT count(*) FROM records WHERE \
                 (coalesce(heading,'') || ' ' || coalesce(question_text,'') || ' ' \
                 || coalesce(answer_text,'')) LIKE '%dental%' AND \
                 (coalesce(heading,'') || ' ' || coalesce(question_text,'') || ' ' \
                 || coalesce(answer_text,'')) LIKE '%NHS%'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert!(!hits.is_empty());
        // FTS matches whole words; LIKE also matches inside words.
        assert!(hits.len() as i64 <= direct, "{} > {direct}", hits.len());
        // Money by department: the figures join their records.
        let money: f64 = conn
            .query_row(
                "SELECT sum(f.value) FROM figures f JOIN records r \
                 ON r.id = f.record_id WHERE f.kind = 'money' AND f.unit = 'GBP'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert!(money > 1e9, "{money}");
        let orphans: i64 = conn
            .query_row(
                "SELECT count(*) FROM figures WHERE record_id NOT IN \
                 (SELECT id FROM records)",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(orphans, 0);
        // Every record has its sources, exactly one of which won.
        let bad: i64 = conn
            .query_row(
                "SELECT count(*) FROM records r WHERE r.source_count != \
                 (SELECT count(*) FROM sources s WHERE s.record_id = r.id) \
                 OR 1 != (SELECT sum(won) FROM sources s WHERE s.record_id = r.id)",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(bad, 0);
        // Members carry the ids the sources give.
        let davies: (i64, String) = conn
            .query_row(
                "SELECT member_id, printed FROM members WHERE key = 'm:4476'",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap();
        assert_eq!(davies.0, 4476);
        assert!(davies.1.contains("Dr James Davies"), "{}", davies.1);
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn importing_new_files_completes_what_is_there() {
        let Some(s) = samples() else { return };
        let list = s.join("wqapi_json/ukpwq_commons_list_2024-08.json");
        let long = s.join("wqapi_json/ukpwq_longform_2024-08.jsonl");
        let dir = tempdir("nightly");
        let (once, nightly) = (dir.join("once.db"), dir.join("nightly.db"));
        export(&once, &[&list, &long]);
        export(&nightly, &[&list]);
        export(&nightly, &[&long]);
        let read = |db: &Path| -> Vec<(String, i64, i64, Option<String>)> {
            let conn = Connection::open(db).unwrap();
            let mut stmt = conn
                .prepare(
                    "SELECT id, source_count, answer_truncated, answer_text \
                     FROM records ORDER BY id",
                )
                .unwrap();
            let rows = stmt
                .query_map([], |r| {
                    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
                })
                .unwrap()
                .map(Result::unwrap)
                .collect();
            rows
        };
        let a = read(&once);
        assert_eq!(a.len(), list_ids(&list).len());
        assert_eq!(a, read(&nightly));
        assert!(a.iter().filter(|r| r.1 == 2 && r.2 == 0).count() > 200);
        let _ = std::fs::remove_dir_all(dir);
    }
}

/// A fresh scratch directory under the target directory.
pub fn tempdir(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("output-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[cfg(feature = "parquet")]
mod parquet {
    use super::*;
    use ::parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
    use ::parquet::basic::{LogicalType, Type as PhysicalType};
    use arrow_schema::DataType;
    use wrans::output::columns::ColumnType;

    #[test]
    fn parquet_columns_are_typed() {
        let Some(s) = samples() else { return };
        let dir = tempdir("parquet");
        let mut export =
            wrans::output::parquet::ParquetExport::create(&dir).unwrap();
        let mut n_records = 0;
        let mut n_figures = 0;
        for f in [
            "wqapi_json/clq_2021-02-01_fetch_answers_get.json",
            "twfy_wrans_xml/twfy_answers2009-10-28c.xml",
        ] {
            for r in parse(&s.join(f)) {
                n_records += 1;
                n_figures += r.figures.len();
                export.write(&r).unwrap();
            }
        }
        export.finish().unwrap();

        let file = std::fs::File::open(dir.join("records.parquet")).unwrap();
        let builder = ParquetRecordBatchReaderBuilder::try_new(file).unwrap();
        assert_eq!(builder.metadata().file_metadata().num_rows(), n_records);
        let schema = builder.schema().clone();
        let parquet_schema = builder.parquet_schema();
        assert_eq!(schema.fields().len(), RECORD_COLUMNS.len());
        for (i, c) in RECORD_COLUMNS.iter().enumerate() {
            let field = schema.field(i);
            assert_eq!(field.name(), c.name);
            let want = match c.ty {
                ColumnType::Text => DataType::Utf8,
                ColumnType::Date => DataType::Date32,
                ColumnType::Int => DataType::Int64,
                ColumnType::Bool => DataType::Boolean,
                ColumnType::Float => DataType::Float64,
                ColumnType::TextList => field.data_type().clone(),
            };
            assert_eq!(field.data_type(), &want, "{}", c.name);
        }
        // In the file itself: dates are DATE, ids INT64, flags BOOLEAN.
        let leaf = |name: &str| {
            (0..parquet_schema.num_columns())
                .map(|i| parquet_schema.column(i))
                .find(|c| c.path().parts()[0] == name)
                .unwrap()
        };
        for name in
            ["tabled_on", "answered_on", "holding_answered_on", "letter_date"]
        {
            let c = leaf(name);
            assert_eq!(c.logical_type(), Some(LogicalType::Date), "{name}");
            assert_eq!(c.physical_type(), PhysicalType::INT32, "{name}");
        }
        for name in
            ["asker_member_id", "answerer_member_id", "answering_body_id"]
        {
            assert_eq!(
                leaf(name).physical_type(),
                PhysicalType::INT64,
                "{name}"
            );
        }
        assert_eq!(leaf("is_holding").physical_type(), PhysicalType::BOOLEAN);
        assert!(matches!(
            schema.field_with_name("grouped_with").unwrap().data_type(),
            DataType::List(_)
        ));
        // No drifted string columns: the only strings are the text ones.
        let strings: Vec<&str> = schema
            .fields()
            .iter()
            .filter(|f| f.data_type() == &DataType::Utf8)
            .map(|f| f.name().as_str())
            .collect();
        for s in &strings {
            assert!(
                !s.ends_with("_on") && !s.ends_with("_id")
                    || s.ends_with("twfy_id")
                    || *s == "id",
                "{s}"
            );
        }
        // Values read back: a date as a date.
        let mut reader = builder.build().unwrap();
        let batch = reader.next().unwrap().unwrap();
        let answered = batch.column_by_name("answered_on").unwrap();
        let dates = answered
            .as_any()
            .downcast_ref::<arrow_array::Date32Array>()
            .unwrap();
        let first = dates.iter().flatten().next().unwrap();
        assert_eq!(
            first,
            wrans::output::parquet::epoch_days("2021-02-01").unwrap()
        );

        let file = std::fs::File::open(dir.join("figures.parquet")).unwrap();
        let builder = ParquetRecordBatchReaderBuilder::try_new(file).unwrap();
        assert_eq!(
            builder.metadata().file_metadata().num_rows() as usize,
            n_figures
        );
        assert_eq!(
            builder.schema().field_with_name("value").unwrap().data_type(),
            &DataType::Float64
        );
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn epoch_days_counts_from_1970() {
        use wrans::output::parquet::epoch_days;
        assert_eq!(epoch_days("1970-01-01"), Some(0));
        assert_eq!(epoch_days("2000-03-01"), Some(11_017));
        assert_eq!(epoch_days("1969-12-31"), Some(-1));
        assert_eq!(epoch_days("2019-07-22"), Some(18_099));
        assert_eq!(epoch_days("2019-7-22"), None);
        assert_eq!(epoch_days("2019-13-01"), None);
    }
}

#[cfg(feature = "sqlite")]
#[test]
fn parse_merge_through_the_binary_gives_one_line_per_question() {
    let Some(s) = samples() else { return };
    let dir = tempdir("parse-merge");
    let out_file = dir.join("merged.jsonl");
    let small =
        s.join("wqapi_json/clq_2021-02-01_fetch_answers_member_get.json");
    let big = s.join("wqapi_json/clq_2021-02-01_fetch_answers_get.json");
    let out = wrans()
        .args(["parse", "--merge", "-o"])
        .arg(&out_file)
        .arg(&small)
        .arg(&big)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let merged: Vec<Record> = std::fs::read_to_string(&out_file)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    // Read independently: the API ids of both responses.
    let ids =
        |p: &Path| -> BTreeSet<u64> { list_ids(p).into_keys().collect() };
    let (a, b) = (ids(&small), ids(&big));
    let union: BTreeSet<u64> = a.union(&b).copied().collect();
    assert!(a.is_subset(&b) && a.len() == 5, "{a:?}");
    assert_eq!(merged.len(), union.len());
    // Input order of each question's first record: the small file's first.
    let first: Vec<u64> = merged
        .iter()
        .take(a.len())
        .map(|r| r.source.resource.as_deref().unwrap().parse().unwrap())
        .collect();
    assert_eq!(first.iter().copied().collect::<BTreeSet<_>>(), a);
    for r in &merged {
        let n = r.sources.as_ref().unwrap().len();
        let res: u64 = r.source.resource.as_deref().unwrap().parse().unwrap();
        assert_eq!(n, if a.contains(&res) { 2 } else { 1 }, "{}", r.id);
    }
    // The same with --csv: a header and one row per question.
    let csv_out = wrans()
        .args(["parse", "--merge", "--csv"])
        .arg(&small)
        .arg(&big)
        .output()
        .unwrap();
    let mut reader = csv::Reader::from_reader(csv_out.stdout.as_slice());
    assert_eq!(reader.records().count(), union.len());
    let _ = std::fs::remove_dir_all(dir);
}

#[cfg(feature = "sqlite")]
#[test]
fn export_never_reads_its_own_database_as_input() {
    let dir = tempdir("own-db");
    std::fs::copy(
        root().join("corpus/002_b68d5a5a8b9ccac3.txt"),
        dir.join("seed.txt"),
    )
    .unwrap();
    for run in 0..2 {
        let out = wrans()
            .args(["export", "--sqlite"])
            .arg(dir.join("wrans.db"))
            .arg(&dir)
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "run {run}: {err}");
        assert!(err.contains("1 records read"), "run {run}: {err}");
    }
    let _ = std::fs::remove_dir_all(dir);
}

#[cfg(feature = "sqlite")]
#[test]
fn a_database_keeps_its_grouping() {
    let dir = tempdir("grouping");
    let db = dir.join("wrans.db");
    let corpus = root().join("corpus");
    let run = |merge: bool| {
        let mut cmd = wrans();
        cmd.args(["export", "--quiet", "--sqlite"]).arg(&db).arg(&corpus);
        if merge {
            cmd.arg("--merge");
        }
        cmd.output().unwrap()
    };
    assert!(run(false).status.success());
    let other = run(true);
    assert_eq!(other.status.code(), Some(2));
    let err = String::from_utf8_lossy(&other.stderr);
    assert!(err.contains("built without --merge"), "{err}");
    assert!(run(false).status.success());
    let _ = std::fs::remove_dir_all(dir);
}

#[cfg(feature = "sqlite")]
#[test]
fn text_matches_need_the_same_house_uin_and_asker() {
    let bytes =
        std::fs::read(root().join("corpus/002_b68d5a5a8b9ccac3.txt")).unwrap();
    let mut base = wrans::parse_bytes("a", &bytes, None).records.remove(0);
    // No UIN and no source id: only the question text and dates match.
    base.uin = None;
    base.source.resource = None;
    base.id = wrans::text::record_id(&base);
    let variant = |path: &str, asker: &str, uin: Option<&str>| {
        let mut r = base.clone();
        r.source.path = path.into();
        let q = r.question.as_mut().unwrap();
        q.asker = Some(wrans::Person {
            name: Some(asker.into()),
            ..Default::default()
        });
        r.uin = uin.map(String::from);
        r.id = wrans::text::record_id(&r);
        r
    };
    let run = |records: &[Record]| -> Vec<Record> {
        let mut sink =
            wrans::output::merge::MergedSink::new(Collect::default()).unwrap();
        for r in records {
            sink.write(r).unwrap();
        }
        sink.finish().unwrap();
        std::mem::take(&mut sink_inner(&mut sink).0)
    };
    // Same words, same day, same member: one question.
    let same = run(&[
        variant("b", "Thelma Walker", None),
        variant("c", "Thelma Walker", Some("912085")),
    ]);
    assert_eq!(same.len(), 1);
    assert_eq!(same[0].uin.as_deref(), Some("912085"));
    // Another member, or another UIN: two questions.
    assert_eq!(
        run(&[
            variant("b", "Thelma Walker", None),
            variant("c", "Someone Else", None)
        ])
        .len(),
        2
    );
    assert_eq!(
        run(&[
            variant("b", "Thelma Walker", Some("1")),
            variant("c", "Thelma Walker", Some("2"))
        ])
        .len(),
        2
    );
}
