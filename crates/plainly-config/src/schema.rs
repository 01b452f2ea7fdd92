//! The JSON Schema of a settings file, written from the key tables, so
//! editors can complete keys and show their meaning.

use serde_json::{json, Map, Value};

use plainly_core::Audience;

use crate::keys::{self, Key, Kind};

/// The address the schema is published at; settings files point editors
/// to it with a `#:schema` line.
pub const SCHEMA_URL: &str =
    "https://raw.githubusercontent.com/plainly-dev/plainly/main/plainly.schema.json";

/// The JSON Schema (draft 7) of `plainly.toml`, as pretty JSON with a final
/// newline. The repository keeps a copy in `plainly.schema.json`; a test
/// fails when it is out of date.
pub fn json_schema() -> String {
    let schema = json!({
        "$schema": "http://json-schema.org/draft-07/schema#",
        "$id": SCHEMA_URL,
        "title": "plainly settings",
        "description": "Settings for plainly, the plain English checker: plainly.toml or .plainly.toml, found in the checked file's folder or a folder above it.",
        "type": "object",
        "properties": properties(keys::TOP),
        "additionalProperties": false,
        "definitions": {
            "rules": rules(),
            "override": {
                "description": "Settings for the files that match files.",
                "type": "object",
                "properties": properties(keys::OVERRIDE),
                "required": [keys::FILES],
                "additionalProperties": false,
            },
        },
    });
    let mut text = serde_json::to_string_pretty(&sorted(schema)).unwrap_or_default();
    text.push('\n');
    text
}

/// `value` with every object's keys in order, so the text is the same
/// whether or not another crate turns on serde_json's `preserve_order`.
fn sorted(value: Value) -> Value {
    match value {
        Value::Object(map) => {
            let mut entries: Vec<(String, Value)> = map.into_iter().collect();
            entries.sort_by(|a, b| a.0.cmp(&b.0));
            Value::Object(entries.into_iter().map(|(k, v)| (k, sorted(v))).collect())
        }
        Value::Array(items) => Value::Array(items.into_iter().map(sorted).collect()),
        other => other,
    }
}

fn properties(keys: &[Key]) -> Map<String, Value> {
    keys.iter()
        .map(|k| {
            let mut schema = kind(k.kind);
            if let Value::Object(map) = &mut schema {
                map.insert("description".into(), k.doc.into());
            }
            (k.name.to_owned(), schema)
        })
        .collect()
}

fn kind(kind: Kind) -> Value {
    let text = json!({ "type": "string", "minLength": 1 });
    match kind {
        Kind::Audience => json!({
            "type": "string",
            "enum": Audience::ALL.iter().map(|a| a.name()).collect::<Vec<_>>(),
        }),
        Kind::Severity => json!({ "type": "string", "enum": ["error", "warning", "info"] }),
        Kind::Bool => json!({ "type": "boolean" }),
        Kind::Count => json!({ "type": "integer", "minimum": 1 }),
        Kind::Age => json!({ "type": "number", "exclusiveMinimum": 0 }),
        Kind::Frequency => {
            let (low, high) = plainly_core::Thresholds::WORD_FREQUENCY_RANGE;
            json!({ "type": "number", "minimum": low, "maximum": high })
        }
        Kind::Words | Kind::Globs => json!({ "type": "array", "items": text }),
        Kind::Jargon => json!({
            "type": "object",
            "additionalProperties": {
                "anyOf": [
                    text,
                    {
                        "type": "object",
                        "properties": {
                            "explain": {
                                "type": "string",
                                "minLength": 1,
                                "description": "What the term means, for a term to explain rather than replace.",
                            },
                        },
                        "required": ["explain"],
                        "additionalProperties": false,
                    },
                ],
            },
        }),
        Kind::ComplexWords | Kind::Abbreviations => {
            json!({ "type": "object", "additionalProperties": text })
        }
        Kind::Rules => json!({ "$ref": "#/definitions/rules" }),
        Kind::Overrides => json!({
            "type": "array",
            "items": { "$ref": "#/definitions/override" },
        }),
    }
}

/// `[rules.NAME]` for every rule, each with the keys it takes.
fn rules() -> Value {
    let mut props = Map::new();
    for rule in plainly_core::RULES {
        let mut fields = properties(&keys::rule_keys(rule.name));
        for t in keys::THRESHOLDS.iter().filter(|t| t.rule == rule.name) {
            let by_audience = Audience::ALL
                .iter()
                .map(|a| format!("{} {}", a.name(), (t.from_audience)(&a.thresholds())))
                .collect::<Vec<_>>()
                .join(", ");
            if let Some(Value::Object(field)) = fields.get_mut(t.key.name) {
                field.insert(
                    "description".into(),
                    format!(
                        "{} Set by the audience unless given: {by_audience}.",
                        t.key.doc
                    )
                    .into(),
                );
            }
        }
        props.insert(
            rule.name.to_owned(),
            json!({
                "description": rule.summary,
                "type": "object",
                "properties": fields,
                "additionalProperties": false,
            }),
        );
    }
    json!({
        "description": "Settings for each rule, by name.",
        "type": "object",
        "properties": props,
        "additionalProperties": false,
    })
}
