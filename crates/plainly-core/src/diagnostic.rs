//! Findings: what a rule reports, and the fixes it offers.

use std::fmt;
use std::ops::Deref;
use std::sync::Arc;

use serde::Serialize;

use crate::Span;

/// The text of a message or a replacement.
///
/// It reads as a `&str`. A fixed message costs nothing to make, and one
/// shared by many findings (the same advice for every use of a term) is
/// counted, not copied: a large document has tens of thousands of
/// findings, and copying each one's strings was much of the cost of
/// checking it.
#[derive(Clone)]
pub struct Text(Repr);

#[derive(Clone)]
enum Repr {
    Fixed(&'static str),
    Shared(Arc<str>),
    Own(String),
}

impl Text {
    /// Text shared between findings: cloning it copies no bytes.
    pub fn shared(s: &str) -> Self {
        Text(Repr::Shared(Arc::from(s)))
    }

    /// The text.
    pub fn as_str(&self) -> &str {
        match &self.0 {
            Repr::Fixed(s) => s,
            Repr::Shared(s) => s,
            Repr::Own(s) => s,
        }
    }
}

impl Deref for Text {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for Text {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl Default for Text {
    fn default() -> Self {
        Text(Repr::Fixed(""))
    }
}

impl From<&'static str> for Text {
    fn from(s: &'static str) -> Self {
        Text(Repr::Fixed(s))
    }
}

impl From<String> for Text {
    fn from(s: String) -> Self {
        Text(Repr::Own(s))
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl PartialEq for Text {
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Text {}

impl std::hash::Hash for Text {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl PartialEq<str> for Text {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Text {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for Text {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<Text> for str {
    fn eq(&self, other: &Text) -> bool {
        self == other.as_str()
    }
}

impl PartialEq<Text> for String {
    fn eq(&self, other: &Text) -> bool {
        self.as_str() == other.as_str()
    }
}

impl PartialEq<Text> for &str {
    fn eq(&self, other: &Text) -> bool {
        *self == other.as_str()
    }
}

impl PartialOrd for Text {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Text {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl Serialize for Text {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

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
    pub replacement: Text,
}

/// What to write instead.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Suggestion {
    /// The advice, in plain words.
    pub message: Text,
    /// Whether the edit can be applied without a person looking.
    pub applicability: Applicability,
    /// The edit that carries the advice out, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub edit: Option<Edit>,
}

impl Suggestion {
    /// Advice with no edit.
    pub fn advice(message: impl Into<Text>) -> Self {
        Suggestion {
            message: message.into(),
            applicability: Applicability::DisplayOnly,
            edit: None,
        }
    }

    /// Advice that replaces `span` with `replacement`.
    pub fn replace(
        message: impl Into<Text>,
        span: Span,
        replacement: impl Into<Text>,
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

/// A finding's suggestions. Nearly every finding has one, kept inline, so
/// that a finding costs no allocation for it.
pub type Suggestions = smallvec::SmallVec<[Suggestion; 1]>;

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
    pub message: Text,
    /// What to write instead. Every finding has at least one.
    pub suggestions: Suggestions,
    /// Another place that matters, such as where an abbreviation is defined
    /// later. Boxed: few findings have one, and every finding is moved
    /// when findings are sorted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub related: Option<Box<Related>>,
}

/// Another place a finding refers to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Related {
    /// Where.
    pub span: Span,
    /// Why it matters.
    pub message: Text,
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
            message: message.to_owned().into(),
            suggestions: Suggestions::new(),
            related: None,
        }
    }

    #[test]
    fn text_reads_as_its_string_and_shared_text_is_not_copied() {
        let shared = Text::shared("Use \"use\".");
        let copy = shared.clone();
        assert_eq!(copy.as_ptr(), shared.as_ptr());
        assert_eq!(copy, "Use \"use\".");
        let own = Text::from(String::from("Use \"use\"."));
        assert_eq!(own, shared);
        assert_ne!(own.as_ptr(), shared.as_ptr());
        let fixed = Text::from("Leave it out.");
        assert_eq!(serde_json::to_string(&fixed).unwrap(), "\"Leave it out.\"");
        assert_eq!(format!("{fixed}"), "Leave it out.");
    }

    /// Every finding is moved when findings are sorted: `benches/README.md`
    /// gives this size.
    #[test]
    #[cfg(target_pointer_width = "64")]
    fn a_finding_is_152_bytes() {
        assert_eq!(std::mem::size_of::<Diagnostic>(), 152);
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
