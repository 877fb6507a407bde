//! The record schema: records round-trip through JSON, every key is
//! always present, and the JSON Schema describes the same keys.

use wrans::Record;

#[test]
fn records_round_trip_through_json() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let mut n = 0;
    for entry in walkdir::WalkDir::new(root).sort_by_file_name() {
        let entry = entry.expect("readable");
        if !entry.file_type().is_file() {
            continue;
        }
        let bytes = std::fs::read(entry.path()).expect("readable");
        for r in wrans::parse_bytes("x", &bytes, None).records {
            let json = serde_json::to_string(&r).expect("serialises");
            let back: Record =
                serde_json::from_str(&json).expect("deserialises");
            assert_eq!(back, r);
            n += 1;
        }
    }
    assert!(n >= 5);
}

#[test]
fn schema_lists_every_key_of_a_record() {
    let schema = wrans::schema::json_schema();
    assert_eq!(schema["x-schema-version"], wrans::record::SCHEMA_VERSION);
    let bytes = std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("corpus/002_b68d5a5a8b9ccac3.txt"),
    )
    .expect("seed");
    let record = &wrans::parse_bytes("x", &bytes, None).records[0];
    let value = serde_json::to_value(record).expect("serialises");
    let props = schema["properties"].as_object().expect("properties");
    let keys: Vec<&String> =
        value.as_object().expect("object").keys().collect();
    for k in &keys {
        assert!(props.contains_key(*k), "schema lacks {k}");
    }
    // Every property but `sources` (only on merged records) is on every
    // record.
    for p in props.keys() {
        assert_eq!(keys.contains(&p), p != "sources", "{p}");
    }
}
