//! Applying fixes: the edits that suggestions carry.
//!
//! Only an edit inside a finding's own span is applied, so code, front
//! matter, HTML and everything else outside the prose is never touched;
//! line endings, a byte-order mark and the final newline stay as they were.
//! Where two edits overlap, the one that starts first wins (then the
//! shorter, then by rule name), and the other waits for the next pass. Passes
//! repeat until nothing is left to fix, so fixing a fixed document changes
//! nothing.

use crate::diagnostic::{Applicability, Diagnostic, Edit};
use crate::{Document, Report, Settings, TextFormat};

/// The most passes [`fix`] makes. Each pass re-checks the text; fixes that
/// overlapped an applied one get their turn on the next pass.
const MAX_PASSES: usize = 10;

/// A document after fixing.
#[derive(Debug, Clone)]
pub struct Fixed {
    /// The fixed text.
    pub text: String,
    /// How many edits were applied, over every pass.
    pub applied: usize,
    /// The findings left in the fixed text.
    pub report: Report,
}

/// Which fixes to apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum FixMode {
    /// Only fixes that cannot change the meaning.
    #[default]
    Safe,
    /// Safe fixes and the ones a person should check.
    SafeAndUnsafe,
}

impl FixMode {
    fn allows(self, a: Applicability) -> bool {
        match a {
            Applicability::Safe => true,
            Applicability::Unsafe => self == FixMode::SafeAndUnsafe,
            Applicability::DisplayOnly => false,
        }
    }
}

/// Checks `source` and applies every fix `mode` allows, re-checking until
/// nothing more can be fixed.
///
/// ```
/// use plainly_core::{fix, FixMode, Settings};
/// let fixed = fix("We will commence in order to help.", &Settings::default(), FixMode::Safe);
/// assert_eq!(fixed.text, "We will start to help.");
/// assert_eq!(fixed.applied, 2);
/// ```
pub fn fix(source: &str, settings: &Settings, mode: FixMode) -> Fixed {
    fix_as(source, TextFormat::Markdown, settings, mode)
}

/// [`fix`], for Markdown or plain text.
pub fn fix_as(source: &str, format: TextFormat, settings: &Settings, mode: FixMode) -> Fixed {
    let check = |text: &str| Document::parse_as(text, format).check(settings);
    let mut text = source.to_owned();
    let mut applied = 0;
    let mut report = check(&text);
    for _ in 0..MAX_PASSES {
        let edits = edits(&text, &report.diagnostics, mode);
        if edits.is_empty() {
            break;
        }
        applied += edits.len();
        text = apply(&text, &edits);
        report = check(&text);
    }
    Fixed {
        text,
        applied,
        report,
    }
}

/// The edits to make for `diagnostics`, in order and not overlapping: for
/// each finding, its first suggestion that has an edit `mode` allows.
pub fn edits<'d>(source: &str, diagnostics: &'d [Diagnostic], mode: FixMode) -> Vec<&'d Edit> {
    let mut candidates: Vec<(&Edit, &str)> = diagnostics
        .iter()
        .filter_map(|d| {
            let s = d
                .suggestions
                .iter()
                .find(|s| s.edit.is_some() && mode.allows(s.applicability))?;
            let e = s.edit.as_ref()?;
            // An edit must stay inside its finding and on character
            // boundaries; anything else is a bug, and is skipped.
            let fits = d.span.contains(e.span)
                && source.is_char_boundary(e.span.start)
                && source.is_char_boundary(e.span.end)
                && e.span.end <= source.len();
            (fits && e.span.text(source) != e.replacement).then_some((e, d.rule))
        })
        .collect();
    candidates.sort_by(|(a, ra), (b, rb)| {
        (a.span.start, a.span.end, ra, &a.replacement).cmp(&(
            b.span.start,
            b.span.end,
            rb,
            &b.replacement,
        ))
    });
    let mut out: Vec<&Edit> = Vec::new();
    for (e, _) in candidates {
        if out.last().is_none_or(|last| last.span.end <= e.span.start) {
            // Two insertions at one place would be ambiguous: keep one.
            if out.last().is_some_and(|last| {
                last.span.is_empty() && e.span.is_empty() && last.span.start == e.span.start
            }) {
                continue;
            }
            out.push(e);
        }
    }
    out
}

/// Applies `edits` (in order, not overlapping) to `source`.
pub fn apply(source: &str, edits: &[&Edit]) -> String {
    let mut out = String::with_capacity(source.len());
    let mut at = 0;
    for e in edits {
        out.push_str(&source[at..e.span.start]);
        out.push_str(&e.replacement);
        at = e.span.end;
    }
    out.push_str(&source[at..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixes_only_safe_edits_by_default() {
        let text = "We will utilise the hall in order to meet.\n";
        let safe = fix(text, &Settings::default(), FixMode::Safe);
        assert_eq!(safe.text, "We will use the hall to meet.\n");
        let text = "Your care package starts soon.\n";
        let safe = fix(text, &Settings::default(), FixMode::Safe);
        assert_eq!(safe.text, text);
        assert_eq!(safe.applied, 0);
    }

    #[test]
    fn keeps_line_endings_bom_and_code() {
        let text = "\u{feff}---\ntitle: in order to\n---\r\n\r\nWe met in order to talk.\r\n\r\n```\nin order to\n```\r\n";
        let fixed = fix(text, &Settings::default(), FixMode::Safe);
        assert_eq!(
            fixed.text,
            "\u{feff}---\ntitle: in order to\n---\r\n\r\nWe met to talk.\r\n\r\n```\nin order to\n```\r\n"
        );
    }

    #[test]
    fn a_second_run_changes_nothing() {
        let text = "In order to help, we will commence prior to May, e.g. on Monday.\n";
        let once = fix(text, &Settings::default(), FixMode::Safe);
        assert_ne!(once.text, text);
        let twice = fix(&once.text, &Settings::default(), FixMode::Safe);
        assert_eq!(twice.text, once.text);
        assert_eq!(twice.applied, 0);
    }

    #[test]
    fn overlapping_edits_go_to_the_earliest() {
        use crate::{Edit, Span};
        let a = Edit {
            span: Span::new(0, 5),
            replacement: "A".into(),
        };
        let b = Edit {
            span: Span::new(3, 8),
            replacement: "B".into(),
        };
        let c = Edit {
            span: Span::new(8, 9),
            replacement: "C".into(),
        };
        assert_eq!(apply("0123456789", &[&a, &c]), "A567C9");
        let d = |e: &Edit| Diagnostic {
            rule: "complex-word",
            severity: crate::Severity::Warning,
            span: e.span,
            message: crate::Text::default(),
            suggestions: smallvec::smallvec![crate::Suggestion {
                message: crate::Text::default(),
                applicability: Applicability::Safe,
                edit: Some(e.clone()),
            }],
            related: None,
        };
        let diags = [d(&b), d(&c), d(&a)];
        let chosen = edits("0123456789", &diags, FixMode::Safe);
        assert_eq!(chosen, vec![&a, &c]);
    }
}
