//! plainly's findings as the protocol's diagnostics.

use std::borrow::Cow;

use lsp_types::{self as lsp, Uri};
use plainly_core::{Applicability, Diagnostic, Severity};
use serde::{Deserialize, Serialize};

use crate::position::{Encoding, LineIndex};

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

/// A finding as the protocol's diagnostic, borrowing from the finding and
/// the text where it can: a large document has thousands, converted and
/// written out after every change.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct WireDiagnostic<'a> {
    range: lsp::Range,
    severity: lsp::DiagnosticSeverity,
    code: &'static str,
    source: &'static str,
    message: Cow<'a, str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    related_information: Option<[WireRelated<'a>; 1]>,
    data: WireData<'a>,
}

#[derive(Debug, Serialize)]
struct WireRelated<'a> {
    location: WireLocation<'a>,
    message: &'a str,
}

#[derive(Debug, Serialize)]
struct WireLocation<'a> {
    uri: &'a Uri,
    range: lsp::Range,
}

/// [`DiagnosticData`], borrowed.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct WireData<'a> {
    version: i32,
    text: Cow<'a, str>,
    allowable: bool,
    fixes: Vec<WireFix<'a>>,
}

/// [`Fix`], borrowed.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct WireFix<'a> {
    title: &'a str,
    range: lsp::Range,
    new_text: &'a str,
    safe: bool,
}

/// Converts one finding for sending.
pub fn to_wire<'a>(
    d: &'a Diagnostic,
    uri: &'a Uri,
    text: &'a str,
    lines: &LineIndex,
    enc: Encoding,
    version: i32,
    related_information: bool,
) -> WireDiagnostic<'a> {
    let range = lines.range(text, d.span.start, d.span.end, enc);
    let fixes = d
        .suggestions
        .iter()
        .filter_map(|s| {
            let edit = s.edit.as_ref()?;
            let fix_range = if edit.span == d.span {
                range
            } else {
                lines.range(text, edit.span.start, edit.span.end, enc)
            };
            Some(WireFix {
                title: &s.message,
                range: fix_range,
                new_text: &edit.replacement,
                safe: s.applicability == Applicability::Safe,
            })
        })
        .collect();
    let flagged = collapse(d.span.text(text));
    // Suggestions without an edit are advice: say it in the message, as
    // not every editor shows anything else.
    let mut message = Cow::Borrowed(d.message.as_str());
    for s in d.suggestions.iter().filter(|s| s.edit.is_none()) {
        let m = message.to_mut();
        m.push(' ');
        m.push_str(&s.message);
    }
    // Clients that cannot show related information still have the line in
    // the message.
    let related_information = d.related.as_ref().filter(|_| related_information).map(|r| {
        [WireRelated {
            location: WireLocation {
                uri,
                range: lines.range(text, r.span.start, r.span.end, enc),
            },
            message: &r.message,
        }]
    });
    WireDiagnostic {
        range,
        severity: severity(d.severity),
        code: d.rule,
        source: "plainly",
        message,
        related_information,
        data: WireData {
            version,
            // "Allow" makes sense for a word, not for a passive verb.
            allowable: plainly_core::rules::WORD_RULES.contains(&d.rule)
                && d.rule != "passive-voice"
                && !flagged.is_empty(),
            text: flagged,
            fixes,
        },
    }
}

/// Converts one finding to lsp-types' diagnostic (for code actions, which
/// name the diagnostics they fix).
pub fn to_lsp(
    d: &Diagnostic,
    uri: &Uri,
    text: &str,
    lines: &LineIndex,
    enc: Encoding,
    version: i32,
    related_information: bool,
) -> Option<lsp::Diagnostic> {
    let wire = to_wire(d, uri, text, lines, enc, version, related_information);
    serde_json::to_value(wire)
        .and_then(serde_json::from_value)
        .ok()
}

/// The protocol's severity.
pub fn severity(s: Severity) -> lsp::DiagnosticSeverity {
    match s {
        Severity::Error => lsp::DiagnosticSeverity::ERROR,
        Severity::Warning => lsp::DiagnosticSeverity::WARNING,
        Severity::Info => lsp::DiagnosticSeverity::INFORMATION,
    }
}

/// Runs of white space as one space (borrowed when there are none).
pub fn collapse(text: &str) -> Cow<'_, str> {
    let trimmed = text.trim();
    let mut prev_space = false;
    let clean = trimmed.chars().all(|c| {
        let ok = c == ' ' && !prev_space || !c.is_whitespace();
        prev_space = c == ' ';
        ok
    });
    if clean {
        Cow::Borrowed(trimmed)
    } else {
        Cow::Owned(trimmed.split_whitespace().collect::<Vec<_>>().join(" "))
    }
}
