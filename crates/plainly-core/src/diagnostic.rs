//! Findings: what a rule reports, and the fixes it offers.

use serde::Serialize;

use crate::Span;

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Severity {
    /// Worth a look; often fine.
    Info,
    /// Should usually be changed.
    Warning,
    /// Must be changed.
    Error,
}

impl Severity {
    /// The lower-case name: `info`, `warning` or `error`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// Whether a fix can be applied without a person looking.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Applicability {
    /// The meaning cannot change ("in order to" to "to"). `--fix` applies it.
    Safe,
    /// Probably right, but a person should check.
    Unsafe,
    /// Advice only: there is no text to put in.
    DisplayOnly,
}

/// A change to the source: replace `span` with `replacement`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Edit {
    /// The bytes to replace.
    pub span: Span,
    /// The new text.
    pub replacement: String,
}

/// What to write instead.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Suggestion {
    /// The advice, in plain words.
    pub message: String,
    /// Whether the edit can be applied without a person looking.
    pub applicability: Applicability,
    /// The edit that carries the advice out, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub edit: Option<Edit>,
}

impl Suggestion {
    /// Advice with no edit.
    pub fn advice(message: impl Into<String>) -> Self {
        Suggestion {
            message: message.into(),
            applicability: Applicability::DisplayOnly,
            edit: None,
        }
    }

    /// Advice that replaces `span` with `replacement`.
    pub fn replace(
        message: impl Into<String>,
        span: Span,
        replacement: impl Into<String>,
        applicability: Applicability,
    ) -> Self {
        Suggestion {
            message: message.into(),
            applicability,
            edit: Some(Edit {
                span,
                replacement: replacement.into(),
            }),
        }
    }
}

/// One finding.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Diagnostic {
    /// The rule's name, such as `jargon`.
    pub rule: &'static str,
    /// How serious it is.
    pub severity: Severity,
    /// Where it is.
    pub span: Span,
    /// What is wrong, in plain words.
    pub message: String,
    /// What to write instead. Every finding has at least one.
    pub suggestions: Vec<Suggestion>,
    /// Another place that matters, such as where an abbreviation is defined
    /// later.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub related: Option<Related>,
}

/// Another place a finding refers to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Related {
    /// Where.
    pub span: Span,
    /// Why it matters.
    pub message: String,
}
