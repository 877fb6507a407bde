//! The JSON Schema of [`Record`], generated from the types.

use crate::record::{Record, SCHEMA_VERSION};

/// The JSON Schema (draft 2020-12) of one output record, with the schema
/// version under `x-schema-version`.
pub fn json_schema() -> serde_json::Value {
    let schema = schemars::schema_for!(Record);
    let mut value = schema.to_value();
    if let Some(obj) = value.as_object_mut() {
        obj.insert("x-schema-version".into(), SCHEMA_VERSION.into());
    }
    value
}
