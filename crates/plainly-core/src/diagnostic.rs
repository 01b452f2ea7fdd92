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

/// Puts findings in source order: by start, then end, then rule name;
/// findings that tie keep their order. The keys are sorted, not the
/// findings: a finding is large, and moving each once is cheaper than
/// moving it at every step of a sort.
pub(crate) fn sort(diagnostics: &mut Vec<Diagnostic>) {
    let mut keys: Vec<(usize, usize, &'static str, usize)> = diagnostics
        .iter()
        .enumerate()
        .map(|(i, d)| (d.span.start, d.span.end, d.rule, i))
        .collect();
    if keys.is_sorted() {
        return;
    }
    // Each rule reports in order: a stable sort merges the runs.
    keys.sort();
    let mut slots: Vec<Option<Diagnostic>> =
        std::mem::take(diagnostics).into_iter().map(Some).collect();
    diagnostics.reserve_exact(keys.len());
    diagnostics.extend(keys.iter().filter_map(|k| slots[k.3].take()));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(rule: &'static str, start: usize, end: usize, message: &str) -> Diagnostic {
        Diagnostic {
            rule,
            severity: Severity::Warning,
            span: Span::new(start, end),
            message: message.to_owned(),
            suggestions: Vec::new(),
            related: None,
        }
    }

    #[test]
    fn sorted_by_place_then_rule_and_ties_keep_their_order() {
        let mut d = vec![
            finding("jargon", 10, 12, "a"),
            finding("all-caps", 3, 9, "b"),
            finding("jargon", 3, 5, "c"),
            finding("complex-word", 3, 5, "d"),
            finding("jargon", 3, 5, "e"),
        ];
        let mut expected = d.clone();
        expected.sort_by(|a, b| {
            a.span
                .start
                .cmp(&b.span.start)
                .then(a.span.end.cmp(&b.span.end))
                .then(a.rule.cmp(b.rule))
        });
        sort(&mut d);
        assert_eq!(d, expected);
        let messages: Vec<&str> = d.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(messages, ["d", "c", "e", "b", "a"]);
    }
}
