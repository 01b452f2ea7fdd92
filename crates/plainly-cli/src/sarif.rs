//! `plainly check --format sarif`: SARIF 2.1.0, as GitHub code scanning
//! and other code-scanning tools read it.
//!
//! The log has one run. Its `tool.driver.rules` lists every rule, with the
//! rule's own documentation as help, so a run with no findings still says
//! what was checked, and each result points at its rule by `ruleId` and
//! `ruleIndex`. Positions are 1-based lines and columns, with columns in
//! UTF-16 code units (see [`position`] for why). Paths become URIs with
//! forward slashes; relative paths stay relative, as GitHub matches them
//! against the files in the repository.

use std::fmt::Write as _;
use std::io;

use plainly_core::{Diagnostic, LineIndex, Rule, Severity, Suggestion, RULES};
use serde::Serialize;

use crate::check_cmd::Checked;

/// The schema the log follows: SARIF 2.1.0 with its first errata, as
/// published by OASIS.
const SCHEMA: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

/// Writes the SARIF log for `results` to standard output.
pub fn write(results: &[Checked]) -> io::Result<()> {
    crate::output::write_json(&log(results))
}

/// SARIF's name for a severity: `info` is a `note`.
pub fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// The 1-based line and column of byte `offset`, with the column counted in
/// UTF-16 code units.
///
/// SARIF counts columns in UTF-16 code units unless a run says otherwise
/// (`columnKind`). GitHub code scanning does not read `columnKind` (it is
/// not in the part of SARIF that GitHub supports), and its pages are
/// JavaScript, which counts in UTF-16. So we give UTF-16 columns and say so:
/// every reader then agrees, whatever it does with `columnKind`. Lines and
/// columns count from the file as read, so a byte-order mark counts as one
/// column on line 1, as it does in the other formats.
pub fn position(text: &str, index: &LineIndex, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let line = index.line_of(offset);
    let start = index.line_start(line).min(offset);
    let column = text
        .get(start..offset)
        .map_or(0, |s| s.encode_utf16().count());
    (line + 1, column + 1)
}

/// A path as a URI reference: forward slashes, relative paths kept
/// relative (GitHub resolves them from the repository root), absolute
/// paths as `file:` URIs, and everything but letters, digits, `-._~` and
/// `/` percent-encoded.
pub fn artifact_uri(name: &str) -> String {
    let path = if cfg!(windows) {
        name.replace('\\', "/")
    } else {
        name.to_owned()
    };
    let absolute = std::path::Path::new(name).is_absolute();
    let mut rest = path.as_str();
    while let Some(r) = rest.strip_prefix("./") {
        rest = r.trim_start_matches('/');
    }
    let mut out = String::with_capacity(rest.len() + 8);
    if absolute {
        out.push_str("file://");
        if !rest.starts_with('/') {
            out.push('/'); // a Windows path such as C:/notes.md
        }
    }
    for (i, b) in rest.bytes().enumerate() {
        let keep = b.is_ascii_alphanumeric()
            || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/')
            // The colon of a Windows drive letter, in a `file:` URI only: in
            // a relative reference a colon would read as a scheme.
            || (absolute && b == b':' && i == 1);
        if keep {
            out.push(b as char);
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

fn log(results: &[Checked]) -> Log {
    let rules = RULES.iter().map(|r| descriptor(r)).collect();
    let mut out = Vec::new();
    for c in results {
        let index = LineIndex::new(&c.text);
        let uri = artifact_uri(&c.name);
        for d in &c.report.diagnostics {
            out.push(result(c, &index, &uri, d));
        }
    }
    Log {
        schema: SCHEMA,
        version: "2.1.0",
        runs: [Run {
            tool: Tool {
                driver: Driver {
                    name: "plainly",
                    version: env!("CARGO_PKG_VERSION"),
                    semantic_version: env!("CARGO_PKG_VERSION"),
                    information_uri: env!("CARGO_PKG_REPOSITORY"),
                    rules,
                },
            },
            column_kind: "utf16CodeUnits",
            results: out,
        }],
    }
}

fn descriptor(rule: &Rule) -> Descriptor {
    let doc = rule.doc();
    let what = rule.doc_section("What it flags").map_or_else(
        || rule.summary.to_owned(),
        |s| unwrap_lines(&plain_text(&s)),
    );
    Descriptor {
        id: rule.name,
        name: pascal_case(rule.name),
        short_description: Text {
            text: rule.summary.to_owned(),
        },
        full_description: Text { text: what },
        help: Help {
            text: plain_text(&doc),
            markdown: doc,
        },
        default_configuration: Configuration {
            level: level(rule.severity),
        },
    }
}

fn result(c: &Checked, index: &LineIndex, uri: &str, d: &Diagnostic) -> SarifResult {
    let rule_index = RULES.iter().position(|r| r.name == d.rule);
    let related = d.related.iter().map(|rel| Location {
        id: Some(1),
        physical_location: physical(&c.text, index, uri, rel.span),
        message: Some(Text {
            text: rel.message.to_string(),
        }),
    });
    SarifResult {
        rule_id: d.rule,
        rule_index,
        level: level(d.severity),
        message: Text {
            text: message_with_suggestions(d),
        },
        locations: vec![Location {
            id: None,
            physical_location: physical(&c.text, index, uri, d.span),
            message: None,
        }],
        related_locations: related.collect(),
        fixes: d
            .suggestions
            .iter()
            .filter_map(|s| fix(&c.text, index, uri, s))
            .collect(),
    }
}

/// The finding's message, then what to write instead: code-scanning tools
/// show only the message, and every finding comes with advice.
pub fn message_with_suggestions(d: &Diagnostic) -> String {
    let mut text = d.message.to_string();
    for s in &d.suggestions {
        text.push(' ');
        text.push_str(&s.message);
    }
    text
}

fn physical(text: &str, index: &LineIndex, uri: &str, span: plainly_core::Span) -> Physical {
    Physical {
        artifact_location: Artifact {
            uri: uri.to_owned(),
        },
        region: region(text, index, span),
    }
}

fn region(text: &str, index: &LineIndex, span: plainly_core::Span) -> Region {
    let (start_line, start_column) = position(text, index, span.start);
    let (end_line, end_column) = position(text, index, span.end.max(span.start));
    Region {
        start_line,
        start_column,
        end_line,
        end_column,
    }
}

/// A suggestion that carries an edit, as a SARIF fix.
fn fix(text: &str, index: &LineIndex, uri: &str, s: &Suggestion) -> Option<Fix> {
    let edit = s.edit.as_ref()?;
    Some(Fix {
        description: Text {
            text: s.message.to_string(),
        },
        artifact_changes: vec![Change {
            artifact_location: Artifact {
                uri: uri.to_owned(),
            },
            replacements: vec![Replacement {
                deleted_region: region(text, index, edit.span),
                inserted_content: Content {
                    text: edit.replacement.to_string(),
                },
            }],
        }],
    })
}

/// A rule's "friendly name" (`complex-word` is `ComplexWord`): SARIF
/// tooling expects one word in Pascal case, distinct from the `id`.
fn pascal_case(name: &str) -> String {
    name.split('-')
        .flat_map(|part| {
            let mut chars = part.chars();
            chars
                .next()
                .map(|c| c.to_ascii_uppercase())
                .into_iter()
                .chain(chars)
        })
        .collect()
}

/// A paragraph's lines joined into one line.
fn unwrap_lines(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Markdown documentation as plain text: headings without their `#`s,
/// code fences left out and code indented.
fn plain_text(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    let mut in_code = false;
    for line in markdown.lines() {
        if line.trim_start().starts_with("```") {
            in_code = !in_code;
            continue;
        }
        if in_code {
            out.push_str("    ");
            out.push_str(line);
        } else {
            out.push_str(line.trim_start_matches('#').trim_start());
        }
        out.push('\n');
    }
    out.trim().to_owned()
}

// The SARIF objects plainly writes. Names follow the specification.

#[derive(Serialize)]
struct Log {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: [Run; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run {
    tool: Tool,
    column_kind: &'static str,
    results: Vec<SarifResult>,
}

#[derive(Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver {
    name: &'static str,
    version: &'static str,
    semantic_version: &'static str,
    information_uri: &'static str,
    rules: Vec<Descriptor>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Descriptor {
    id: &'static str,
    name: String,
    short_description: Text,
    full_description: Text,
    help: Help,
    default_configuration: Configuration,
}

#[derive(Serialize)]
struct Text {
    text: String,
}

#[derive(Serialize)]
struct Help {
    text: String,
    markdown: String,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult {
    rule_id: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    rule_index: Option<usize>,
    level: &'static str,
    message: Text,
    locations: Vec<Location>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<Location>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    fixes: Vec<Fix>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<usize>,
    physical_location: Physical,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<Text>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Physical {
    artifact_location: Artifact,
    region: Region,
}

#[derive(Serialize)]
struct Artifact {
    uri: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    start_column: usize,
    end_line: usize,
    end_column: usize,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Fix {
    description: Text,
    artifact_changes: Vec<Change>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Change {
    artifact_location: Artifact,
    replacements: Vec<Replacement>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Replacement {
    deleted_region: Region,
    inserted_content: Content,
}

#[derive(Serialize)]
struct Content {
    text: String,
}

#[cfg(test)]
mod tests {
    use super::*;
    use plainly_core::{Audience, Document, Settings};
    use serde_json::{json, Value};

    /// A property's type, as the SARIF 2.1.0 schema gives it.
    #[derive(Clone, Copy)]
    enum Ty {
        Str,
        /// `"format": "uri"`: an absolute URI.
        Uri,
        /// `"format": "uri-reference"`: a URI or a relative reference.
        UriRef,
        Int(i64),
        OneOf(&'static [&'static str]),
        Obj(&'static str),
        /// An array of objects, with its `minItems`.
        Arr(&'static str, usize),
        /// Allowed by the schema; plainly does not write it, so any value
        /// passes here.
        Unused,
    }

    use Ty::*;

    const LEVELS: &[&str] = &["none", "note", "warning", "error"];

    /// An object's name, its required properties, and all its properties.
    type Def = (
        &'static str,
        &'static [&'static str],
        &'static [(&'static str, Ty)],
    );

    /// The SARIF objects plainly can write, with every property the schema
    /// allows on them (`additionalProperties` is false throughout) and the
    /// ones it requires. Taken from the SARIF 2.1.0 specification and its
    /// schema, section by section.
    #[rustfmt::skip]
    const DEFS: &[Def] = &[
        ("sarifLog", &["version", "runs"], &[
            ("$schema", Uri), ("version", OneOf(&["2.1.0"])), ("runs", Arr("run", 0)),
            ("inlineExternalProperties", Unused), ("properties", Unused),
        ]),
        ("run", &["tool"], &[
            ("tool", Obj("tool")), ("invocations", Unused), ("conversion", Unused),
            ("language", Str), ("versionControlProvenance", Unused),
            ("originalUriBaseIds", Unused), ("artifacts", Unused), ("logicalLocations", Unused),
            ("graphs", Unused), ("results", Arr("result", 0)), ("automationDetails", Unused),
            ("runAggregates", Unused), ("baselineGuid", Unused), ("redactionTokens", Unused),
            ("defaultEncoding", Str), ("defaultSourceLanguage", Str),
            ("newlineSequences", Unused),
            ("columnKind", OneOf(&["utf16CodeUnits", "unicodeCodePoints"])),
            ("externalPropertyFileReferences", Unused), ("threadFlowLocations", Unused),
            ("taxonomies", Unused), ("addresses", Unused), ("translations", Unused),
            ("policies", Unused), ("webRequests", Unused), ("webResponses", Unused),
            ("specialLocations", Unused), ("properties", Unused),
        ]),
        ("tool", &["driver"], &[
            ("driver", Obj("toolComponent")), ("extensions", Unused), ("properties", Unused),
        ]),
        ("toolComponent", &["name"], &[
            ("guid", Unused), ("name", Str), ("organization", Str), ("product", Str),
            ("productSuite", Str), ("shortDescription", Obj("multiformatMessageString")),
            ("fullDescription", Obj("multiformatMessageString")), ("fullName", Str),
            ("version", Str), ("semanticVersion", Str), ("dottedQuadFileVersion", Unused),
            ("releaseDateUtc", Str), ("downloadUri", Uri), ("informationUri", Uri),
            ("globalMessageStrings", Unused), ("notifications", Unused),
            ("rules", Arr("reportingDescriptor", 0)), ("taxa", Unused), ("locations", Unused),
            ("language", Str), ("contents", Unused), ("isComprehensive", Unused),
            ("localizedDataSemanticVersion", Str),
            ("minimumRequiredLocalizedDataSemanticVersion", Str),
            ("associatedComponent", Unused), ("translationMetadata", Unused),
            ("supportedTaxonomies", Unused), ("properties", Unused),
        ]),
        ("reportingDescriptor", &["id"], &[
            ("id", Str), ("deprecatedIds", Unused), ("guid", Unused),
            ("deprecatedGuids", Unused), ("name", Str), ("deprecatedNames", Unused),
            ("shortDescription", Obj("multiformatMessageString")),
            ("fullDescription", Obj("multiformatMessageString")), ("messageStrings", Unused),
            ("defaultConfiguration", Obj("reportingConfiguration")), ("helpUri", Uri),
            ("help", Obj("multiformatMessageString")), ("relationships", Unused),
            ("properties", Unused),
        ]),
        ("reportingConfiguration", &[], &[
            ("enabled", Unused), ("level", OneOf(LEVELS)), ("rank", Unused),
            ("parameters", Unused), ("properties", Unused),
        ]),
        ("multiformatMessageString", &["text"], &[
            ("text", Str), ("markdown", Str), ("properties", Unused),
        ]),
        ("result", &["message"], &[
            ("ruleId", Str), ("ruleIndex", Int(-1)), ("rule", Unused),
            ("kind", OneOf(&["notApplicable", "pass", "fail", "review", "open", "informational"])),
            ("level", OneOf(LEVELS)), ("message", Obj("message")),
            ("analysisTarget", Obj("artifactLocation")), ("locations", Arr("location", 0)),
            ("guid", Unused), ("correlationGuid", Unused), ("occurrenceCount", Int(1)),
            ("partialFingerprints", Unused), ("fingerprints", Unused), ("stacks", Unused),
            ("codeFlows", Unused), ("graphs", Unused), ("graphTraversals", Unused),
            ("relatedLocations", Arr("location", 0)), ("suppressions", Unused),
            ("baselineState", Unused), ("rank", Unused), ("attachments", Unused),
            ("hostedViewerUri", Uri), ("workItemUris", Unused), ("provenance", Unused),
            ("fixes", Arr("fix", 0)), ("taxa", Unused), ("webRequest", Unused),
            ("webResponse", Unused), ("properties", Unused),
        ]),
        // The schema requires `text` or `id`; plainly always gives text.
        ("message", &["text"], &[
            ("text", Str), ("markdown", Str), ("id", Str), ("arguments", Unused),
            ("properties", Unused),
        ]),
        ("location", &[], &[
            ("id", Int(-1)), ("physicalLocation", Obj("physicalLocation")),
            ("logicalLocations", Unused), ("message", Obj("message")), ("annotations", Unused),
            ("relationships", Unused), ("properties", Unused),
        ]),
        // The schema requires `address` or `artifactLocation`.
        ("physicalLocation", &["artifactLocation"], &[
            ("address", Unused), ("artifactLocation", Obj("artifactLocation")),
            ("region", Obj("region")), ("contextRegion", Obj("region")), ("properties", Unused),
        ]),
        ("artifactLocation", &[], &[
            ("uri", UriRef), ("uriBaseId", Str), ("index", Int(-1)),
            ("description", Obj("message")), ("properties", Unused),
        ]),
        ("region", &[], &[
            ("startLine", Int(1)), ("startColumn", Int(1)), ("endLine", Int(1)),
            ("endColumn", Int(1)), ("charOffset", Int(-1)), ("charLength", Int(0)),
            ("byteOffset", Int(-1)), ("byteLength", Int(0)), ("snippet", Unused),
            ("message", Obj("message")), ("sourceLanguage", Str), ("properties", Unused),
        ]),
        ("fix", &["artifactChanges"], &[
            ("description", Obj("message")), ("artifactChanges", Arr("artifactChange", 1)),
            ("properties", Unused),
        ]),
        ("artifactChange", &["artifactLocation", "replacements"], &[
            ("artifactLocation", Obj("artifactLocation")),
            ("replacements", Arr("replacement", 1)), ("properties", Unused),
        ]),
        ("replacement", &["deletedRegion"], &[
            ("deletedRegion", Obj("region")), ("insertedContent", Obj("artifactContent")),
            ("properties", Unused),
        ]),
        ("artifactContent", &[], &[
            ("text", Str), ("binary", Str), ("rendered", Unused), ("properties", Unused),
        ]),
    ];

    /// Every way `value` breaks the schema, as `path: problem`.
    fn schema_errors(value: &Value) -> Vec<String> {
        let mut errors = Vec::new();
        check_object("sarifLog", value, "$", &mut errors);
        errors
    }

    fn check_object(def: &str, v: &Value, path: &str, errors: &mut Vec<String>) {
        let (_, required, props) = DEFS
            .iter()
            .find(|(name, _, _)| *name == def)
            .unwrap_or_else(|| panic!("the test knows no SARIF object called {def}"));
        let Some(map) = v.as_object() else {
            errors.push(format!("{path}: a {def} must be an object"));
            return;
        };
        for r in *required {
            if !map.contains_key(*r) {
                errors.push(format!("{path}: a {def} needs \"{r}\""));
            }
        }
        for (key, value) in map {
            let here = format!("{path}.{key}");
            match props.iter().find(|(name, _)| name == key) {
                None => errors.push(format!("{here}: a {def} has no such property")),
                Some((_, ty)) => check_value(*ty, value, &here, errors),
            }
        }
    }

    fn check_value(ty: Ty, v: &Value, path: &str, errors: &mut Vec<String>) {
        let mut fail = |what: &str| errors.push(format!("{path}: {what}, not {v}"));
        match ty {
            Unused => {}
            Str => {
                if !v.is_string() {
                    fail("must be a string");
                }
            }
            Uri => match v.as_str() {
                Some(s) if is_uri_reference(s) && has_scheme(s) => {}
                _ => fail("must be an absolute URI"),
            },
            UriRef => match v.as_str() {
                Some(s) if is_uri_reference(s) => {}
                _ => fail("must be a URI reference"),
            },
            Int(min) => match v.as_i64() {
                Some(n) if n >= min => {}
                _ => fail(&format!("must be a whole number of at least {min}")),
            },
            OneOf(allowed) => match v.as_str() {
                Some(s) if allowed.contains(&s) => {}
                _ => fail(&format!("must be one of {allowed:?}")),
            },
            Obj(def) => check_object(def, v, path, errors),
            Arr(def, min) => match v.as_array() {
                Some(items) if items.len() >= min => {
                    for (i, item) in items.iter().enumerate() {
                        check_object(def, item, &format!("{path}[{i}]"), errors);
                    }
                }
                _ => fail(&format!("must be an array of at least {min}")),
            },
        }
    }

    /// RFC 3986: only unreserved and reserved characters, and `%` with two
    /// hex digits; and no colon in the first segment of a relative path.
    fn is_uri_reference(s: &str) -> bool {
        let b = s.as_bytes();
        let mut i = 0;
        while i < b.len() {
            let c = b[i];
            if c == b'%' {
                if !(i + 2 < b.len()
                    && b[i + 1].is_ascii_hexdigit()
                    && b[i + 2].is_ascii_hexdigit())
                {
                    return false;
                }
                i += 3;
                continue;
            }
            let ok = c.is_ascii_alphanumeric() || b"-._~:/?#[]@!$&'()*+,;=".contains(&c);
            if !ok {
                return false;
            }
            i += 1;
        }
        let first_segment = s.split('/').next().unwrap_or("");
        has_scheme(s) || !first_segment.contains(':')
    }

    fn has_scheme(s: &str) -> bool {
        match s.split_once(':') {
            Some((scheme, _)) => {
                scheme.starts_with(|c: char| c.is_ascii_alphabetic())
                    && scheme
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
            }
            None => false,
        }
    }

    fn checked(name: &str, text: &str) -> Checked {
        Checked {
            name: name.to_owned(),
            text: text.to_owned(),
            report: Document::parse(text).check(&Settings::for_audience(Audience::Public)),
            path: std::path::PathBuf::from(name),
            original: None,
            audience: Audience::Public,
            human: None,
        }
    }

    fn sarif(results: &[Checked]) -> Value {
        serde_json::to_value(log(results)).unwrap()
    }

    /// What the specification says beyond the schema, and what GitHub code
    /// scanning needs: rules that results point at, regions that end after
    /// they start, levels that match the rule's finding, relative URIs.
    fn meaning_errors(log: &Value, results: &[Checked]) -> Vec<String> {
        let mut errors = Vec::new();
        let run = &log["runs"][0];
        let driver = &run["tool"]["driver"];
        if driver["version"] != env!("CARGO_PKG_VERSION") {
            errors.push("the tool version is not the package version".to_owned());
        }
        let rules = driver["rules"].as_array().cloned().unwrap_or_default();
        let ids: Vec<&str> = rules.iter().filter_map(|r| r["id"].as_str()).collect();
        if ids != RULES.iter().map(|r| r.name).collect::<Vec<_>>() {
            errors.push(format!("the rules are not plainly's rules: {ids:?}"));
        }
        for r in &rules {
            for key in ["shortDescription", "fullDescription"] {
                if r[key]["text"].as_str().is_none_or(str::is_empty) {
                    errors.push(format!("rule {} has no {key}", r["id"]));
                }
            }
            if r["help"]["text"].as_str().is_none_or(|t| t.len() < 100)
                || r["help"]["markdown"]
                    .as_str()
                    .is_none_or(|t| !t.contains("## Example"))
            {
                errors.push(format!(
                    "rule {} has no help from its documentation",
                    r["id"]
                ));
            }
        }
        let diagnostics: Vec<_> = results.iter().flat_map(|c| &c.report.diagnostics).collect();
        let found = run["results"].as_array().cloned().unwrap_or_default();
        if found.len() != diagnostics.len() {
            errors.push(format!(
                "{} results for {} findings",
                found.len(),
                diagnostics.len()
            ));
        }
        for (i, (r, d)) in found.iter().zip(diagnostics).enumerate() {
            let at = format!("results[{i}]");
            let index = r["ruleIndex"].as_u64().unwrap_or(u64::MAX) as usize;
            if rules.get(index).map(|rule| &rule["id"]) != Some(&r["ruleId"]) {
                errors.push(format!("{at}: ruleIndex does not point at its rule"));
            }
            if r["ruleId"] != d.rule || r["level"] != level(d.severity) {
                errors.push(format!("{at}: rule or level differs from the finding"));
            }
            if !r["message"]["text"]
                .as_str()
                .is_some_and(|t| t.starts_with(d.message.as_str()))
            {
                errors.push(format!("{at}: the message is not the finding's"));
            }
            let locations = r["locations"].as_array().cloned().unwrap_or_default();
            if locations.len() != 1 {
                errors.push(format!("{at}: {} locations, not 1", locations.len()));
            }
            let all = locations
                .iter()
                .chain(r["relatedLocations"].as_array().into_iter().flatten());
            let regions = all.map(|l| &l["physicalLocation"]).chain(
                r["fixes"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .flat_map(|f| f["artifactChanges"].as_array().into_iter().flatten())
                    .flat_map(|c| c["replacements"].as_array().into_iter().flatten())
                    .map(|rep| &rep["deletedRegion"]),
            );
            for p in regions {
                let region = if p.get("region").is_some() {
                    &p["region"]
                } else {
                    p
                };
                let n = |k: &str| region[k].as_u64().unwrap_or(0);
                if n("startLine") == 0
                    || n("startColumn") == 0
                    || n("endLine") == 0
                    || n("endColumn") == 0
                {
                    errors.push(format!("{at}: a region lacks a start or end: {region}"));
                }
                if (n("endLine"), n("endColumn")) < (n("startLine"), n("startColumn")) {
                    errors.push(format!("{at}: a region ends before it starts: {region}"));
                }
            }
            for l in &locations {
                let uri = l["physicalLocation"]["artifactLocation"]["uri"]
                    .as_str()
                    .unwrap_or("");
                if uri.contains('\\') || uri.starts_with('/') || uri.is_empty() {
                    errors.push(format!(
                        "{at}: the URI {uri:?} is not relative with forward slashes"
                    ));
                }
            }
        }
        errors
    }

    fn assert_valid(results: &[Checked]) -> Value {
        let log = sarif(results);
        let mut errors = schema_errors(&log);
        errors.extend(meaning_errors(&log, results));
        assert!(
            errors.is_empty(),
            "the SARIF log is not valid:\n{}\n\n{log:#}",
            errors.join("\n")
        );
        log
    }

    const LETTER: &str = "# Your visit 😀\n\n😀 We will utilise the CQC report, e.g. the summary.\r\n\r\nYou MUST call us. The report was written by staff.\n\nThe Care Quality Commission (CQC) checks care.\n";

    #[test]
    fn a_log_with_findings_is_valid() {
        let files = [
            checked("notes/café plan.md", LETTER),
            checked("visit.md", "We will see you on Monday.\n"),
        ];
        assert!(
            files[0].report.diagnostics.len() >= 4,
            "the letter has findings"
        );
        assert!(
            files[0]
                .report
                .diagnostics
                .iter()
                .any(|d| d.related.is_some()),
            "one finding refers to another place"
        );
        let log = assert_valid(&files);
        assert_eq!(log["runs"][0]["columnKind"], "utf16CodeUnits");
        let results = log["runs"][0]["results"].as_array().unwrap();
        assert!(results.iter().any(|r| r.get("relatedLocations").is_some()));
        assert!(results.iter().any(|r| r.get("fixes").is_some()));
    }

    #[test]
    fn an_empty_run_is_valid() {
        let log = assert_valid(&[]);
        assert_eq!(log["runs"][0]["results"], json!([]));
        assert_eq!(
            log["runs"][0]["tool"]["driver"]["rules"]
                .as_array()
                .map(Vec::len),
            Some(RULES.len())
        );
        let clean = [checked("visit.md", "We will see you on Monday.\n")];
        assert!(clean[0].report.diagnostics.is_empty());
        assert_valid(&clean);
    }

    #[test]
    fn columns_count_utf16_code_units() {
        let files = [checked("a.md", LETTER)];
        let log = sarif(&files);
        let utilise = log["runs"][0]["results"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["message"]["text"].as_str().unwrap().contains("utilise"))
            .expect("utilise is flagged");
        // "😀 We will " is 10 characters but 11 UTF-16 code units.
        assert_eq!(
            utilise["locations"][0]["physicalLocation"]["region"],
            json!({"startLine": 3, "startColumn": 12, "endLine": 3, "endColumn": 19})
        );
        let index = LineIndex::new(LETTER);
        let must = LETTER.find("MUST").unwrap();
        // Line 5 starts after a CRLF; the CR is part of line 3.
        assert_eq!(position(LETTER, &index, must), (5, 5));
        assert_eq!(position(LETTER, &index, LETTER.len() + 10), (8, 1));
        // Inside the emoji counts as its start.
        assert_eq!(
            position(LETTER, &index, LETTER.find('😀').unwrap() + 1),
            (1, 14)
        );
    }

    #[test]
    fn rules_have_friendly_names() {
        assert_eq!(pascal_case("jargon"), "Jargon");
        assert_eq!(
            pascal_case("undefined-abbreviation"),
            "UndefinedAbbreviation"
        );
    }

    #[test]
    fn levels_follow_sarif_names() {
        assert_eq!(level(Severity::Error), "error");
        assert_eq!(level(Severity::Warning), "warning");
        assert_eq!(level(Severity::Info), "note");
    }

    #[test]
    fn paths_become_relative_uris() {
        assert_eq!(artifact_uri("letter.md"), "letter.md");
        assert_eq!(artifact_uri("./docs/a.md"), "docs/a.md");
        assert_eq!(
            artifact_uri("notes/café plan.md"),
            "notes/caf%C3%A9%20plan.md"
        );
        assert_eq!(artifact_uri("../shared/100%.md"), "../shared/100%25.md");
        assert_eq!(artifact_uri("a:b.md"), "a%3Ab.md");
        assert_eq!(artifact_uri("<stdin>"), "%3Cstdin%3E");
        if cfg!(unix) {
            assert_eq!(
                artifact_uri("/srv/docs/a b.md"),
                "file:///srv/docs/a%20b.md"
            );
            assert_eq!(artifact_uri("a\\b.md"), "a%5Cb.md");
        }
        for p in ["notes/café plan.md", "a:b.md", "x#y?.md", "/srv/a.md"] {
            assert!(is_uri_reference(&artifact_uri(p)), "{p}");
        }
    }

    /// The checks above must be able to fail.
    #[test]
    fn the_schema_check_finds_mistakes() {
        let files = [checked("a.md", LETTER)];
        let good = sarif(&files);
        type Break = (&'static str, fn(&mut Value));
        let broken: [Break; 7] = [
            ("no version", |v| {
                v.as_object_mut().unwrap().remove("version");
            }),
            ("zero column", |v| {
                v["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]
                    ["startColumn"] = json!(0);
            }),
            ("unknown key", |v| {
                v["runs"][0]["results"][0]["severity"] = json!("warning")
            }),
            ("bad level", |v| {
                v["runs"][0]["results"][0]["level"] = json!("info")
            }),
            ("no message", |v| {
                v["runs"][0]["results"][0]
                    .as_object_mut()
                    .unwrap()
                    .remove("message");
            }),
            ("bad uri", |v| {
                v["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
                    ["artifactLocation"]["uri"] = json!("my notes.md");
            }),
            ("bad kind", |v| v["runs"][0]["columnKind"] = json!("bytes")),
        ];
        assert!(schema_errors(&good).is_empty());
        for (what, breaks) in broken {
            let mut v = good.clone();
            breaks(&mut v);
            assert!(!schema_errors(&v).is_empty(), "missed: {what}");
        }
        let mut wrong_index = good.clone();
        wrong_index["runs"][0]["results"][0]["ruleIndex"] = json!(3);
        assert!(!meaning_errors(&wrong_index, &files).is_empty());
        let mut backwards = good;
        backwards["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]
            ["endLine"] = json!(1);
        assert!(!meaning_errors(&backwards, &files).is_empty());
    }
}
