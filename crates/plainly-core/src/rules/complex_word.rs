use super::{concat, declare_rule, Context, Offers, Said, Use};
use crate::diagnostic::{Applicability, Diagnostic, Severity, Suggestion, Suggestions};
use crate::wordlists::List;
use crate::Span;

declare_rule! {
    /// ## What it flags
    ///
    /// Formal words and wordy phrases that have a plainer everyday
    /// alternative: "utilise", "in order to", "prior to", "commence", "in the
    /// event of", "with regard to".
    ///
    /// ## Why it matters
    ///
    /// Long, formal words slow every reader down and lose some readers
    /// altogether. Short, common words say the same thing.
    ///
    /// ## Example
    ///
    /// ```markdown
    /// Please arrive prior to your appointment in order to commence the assessment.
    /// ```
    ///
    /// ## Use instead
    ///
    /// ```markdown
    /// Please arrive before your appointment so we can start on time.
    /// ```
    ///
    /// ## Options
    ///
    /// Common words that are often fine ("provide", "however") are reported
    /// as info. Where swapping in the first alternative cannot change the
    /// meaning ("in order to" to "to"), the fix is marked safe.
    ///
    /// In `plainly.toml`: add your own words, with plainer ones, under
    /// `[extend-complex-words]`; list words never to flag in
    /// `extend-allowed`. `[rules.complex-word]` takes `enabled` and
    /// `severity`, as every rule does.
    pub static COMPLEX_WORD = "complex-word", Severity::Warning, "Formal words and wordy phrases with a plainer alternative", check;
}

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let mut offers = Offers::new("Use ");
    let mut said = Said::default();
    for (m, e) in ctx.terms_in(List::ComplexWords) {
        // Common words that are often fine ("provide", "permit") are
        // flagged only in official-sounding text, like ambiguous jargon.
        if m.named && !m.base {
            continue;
        }
        let sure = match ctx.term_use(m, e) {
            Use::Sure => true,
            Use::Unsure => false,
            Use::No => continue,
        };
        let severity = if sure {
            Severity::Warning
        } else {
            Severity::Info
        };
        let maybe = if sure {
            ""
        } else {
            " It is often fine: check it is the best word here."
        };
        let omit = e.plain.first() == Some(&"(omit)");
        let mut suggestions = Suggestions::new();
        if omit {
            suggestions.push(Suggestion::replace(
                "Leave it out.",
                Span::new(m.span.start, m.span.end),
                "",
                Applicability::Unsafe,
            ));
        }
        if let Some((first, message)) = offers.get(m, e) {
            // A safe fix only for the form as listed: "utilised" to "used"
            // needs an ending a person should check.
            let applicability = if e.fix == Applicability::Safe && m.base {
                Applicability::Safe
            } else {
                Applicability::Unsafe
            };
            suggestions.push(Suggestion::replace(
                message.clone(),
                m.span,
                first.clone(),
                applicability,
            ));
        }
        if suggestions.is_empty() {
            suggestions.push(Suggestion::advice("Use a shorter, everyday word."));
        }
        out.push(Diagnostic {
            rule: COMPLEX_WORD.name,
            severity,
            span: m.span,
            message: said.get(m.text, u8::from(sure), |text| {
                concat(&["\"", text, "\" has a plainer alternative.", maybe])
            }),
            suggestions,
            related: None,
        });
    }
}

#[cfg(test)]
mod tests {
    use crate::diagnostic::Applicability;
    use crate::rules::test_support::flagged;
    use crate::{check, Settings};

    #[test]
    fn flags_inflections_and_american_spellings() {
        let got = flagged(
            "complex-word",
            "We utilised it. They utilize it. Commencing soon.",
        );
        assert_eq!(got, vec!["utilised", "utilize", "Commencing"]);
    }

    #[test]
    fn phrases_across_line_breaks() {
        let got = flagged("complex-word", "Come early in order\nto meet the team.");
        assert_eq!(got, vec!["in order\nto"]);
    }

    #[test]
    fn safe_fix_only_for_the_listed_form() {
        let r = check("Come in order to help.", &Settings::default());
        let d = r
            .diagnostics
            .iter()
            .find(|d| d.rule == "complex-word")
            .unwrap();
        let s = d.suggestions.iter().find(|s| s.edit.is_some()).unwrap();
        assert_eq!(s.applicability, Applicability::Safe);
        assert_eq!(s.edit.as_ref().unwrap().replacement, "to");
    }
}
