//! plainly's findings as the protocol's diagnostics.

use lsp_types::{self as lsp, Uri};
use plainly_core::{Applicability, Diagnostic, Severity};
use serde::{Deserialize, Serialize};

use crate::position::{Encoding, LineIndex};

/// Rules that flag a word or phrase, which a project can allow
/// (`extend-allowed` applies to these).
pub const WORD_RULES: &[&str] = &[
    "jargon",
    "complex-word",
    "undefined-abbreviation",
    "latin-abbreviation",
    "inclusive-language",
    "all-caps",
];

/// What a code action needs, sent as each diagnostic's `data`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DiagnosticData {
    /// The document version the diagnostic is about.
    pub version: i32,
    /// The words flagged, as written.
    pub text: String,
    /// Whether the words can be allowed in `plainly.toml`.
    pub allowable: bool,
    /// The edits that carry out the suggestions.
    pub fixes: Vec<Fix>,
}

/// One suggestion's edit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Fix {
    /// What it does, in plain words.
    pub title: String,
    /// What to replace.
    pub range: lsp::Range,
    /// The new text.
    pub new_text: String,
    /// Whether it can be applied without a person looking.
    pub safe: bool,
}

/// Converts one finding.
pub fn to_lsp(
    d: &Diagnostic,
    uri: &Uri,
    text: &str,
    lines: &LineIndex,
    enc: Encoding,
    version: i32,
    related_information: bool,
) -> lsp::Diagnostic {
    let range = lines.range(text, d.span.start, d.span.end, enc);
    let fixes = d
        .suggestions
        .iter()
        .filter_map(|s| {
            let edit = s.edit.as_ref()?;
            Some(Fix {
                title: s.message.clone(),
                range: lines.range(text, edit.span.start, edit.span.end, enc),
                new_text: edit.replacement.clone(),
                safe: s.applicability == Applicability::Safe,
            })
        })
        .collect();
    let flagged = collapse(d.span.text(text));
    let data = DiagnosticData {
        version,
        allowable: WORD_RULES.contains(&d.rule) && !flagged.is_empty(),
        text: flagged,
        fixes,
    };
    let mut message = d.message.clone();
    // Suggestions without an edit are advice: say it in the message, as
    // not every editor shows anything else.
    let advice: Vec<&str> = d
        .suggestions
        .iter()
        .filter(|s| s.edit.is_none())
        .map(|s| s.message.as_str())
        .collect();
    if !advice.is_empty() {
        message.push(' ');
        message.push_str(&advice.join(" "));
    }
    let related = d.related.as_ref().map(|r| {
        vec![lsp::DiagnosticRelatedInformation {
            location: lsp::Location {
                uri: uri.clone(),
                range: lines.range(text, r.span.start, r.span.end, enc),
            },
            message: r.message.clone(),
        }]
    });
    // Clients that cannot show related information still have the
    // line in the message.
    let related = related.filter(|_| related_information);
    lsp::Diagnostic {
        range,
        severity: Some(severity(d.severity)),
        code: Some(lsp::NumberOrString::String(d.rule.to_owned())),
        code_description: None,
        source: Some("plainly".to_owned()),
        message,
        related_information: related,
        tags: None,
        data: serde_json::to_value(data).ok(),
    }
}

/// The protocol's severity.
pub fn severity(s: Severity) -> lsp::DiagnosticSeverity {
    match s {
        Severity::Error => lsp::DiagnosticSeverity::ERROR,
        Severity::Warning => lsp::DiagnosticSeverity::WARNING,
        Severity::Info => lsp::DiagnosticSeverity::INFORMATION,
    }
}

/// Runs of white space as one space.
pub fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
