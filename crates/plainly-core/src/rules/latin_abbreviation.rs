use super::{concat, declare_rule, Context, Offers, Said};
use crate::diagnostic::{Applicability, Diagnostic, Severity, Suggestion};
use crate::wordlists::List;

declare_rule! {
    /// ## What it flags
    ///
    /// Latin abbreviations and phrases: "e.g.", "i.e.", "etc.", "N.B.",
    /// "via", "per", "ad hoc".
    ///
    /// ## Why it matters
    ///
    /// Many readers do not know what they mean, and screen readers often
    /// read them out oddly. English words are clearer.
    ///
    /// ## Example
    ///
    /// ```markdown
    /// Bring some proof of address, e.g. a bank statement.
    /// ```
    ///
    /// ## Use instead
    ///
    /// ```markdown
    /// Bring some proof of address, for example a bank statement.
    /// ```
    ///
    /// ## Options
    ///
    /// In `plainly.toml`, `[rules.latin-abbreviation]` takes `enabled` and
    /// `severity`, as every rule does.
    pub static LATIN_ABBREVIATION = "latin-abbreviation", Severity::Warning, "Latin abbreviations such as e.g., i.e. and etc.", check;
}

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let mut offers = Offers::new("Write ");
    let mut said = Said::default();
    for (m, e) in ctx.terms_in(List::Latin) {
        // Names such as "Status Quo" (the band) are not Latin in use.
        if m.named && m.text.contains(' ') {
            continue;
        }
        // "per cent" is standard UK English.
        if m.text.eq_ignore_ascii_case("per")
            && m.after.trim_start().to_lowercase().starts_with("cent")
        {
            continue;
        }
        // "pens, paper etc. Then ..." : the stop also ends the sentence, so
        // the words put in must keep it.
        let ends_sentence = m.text.ends_with('.') && ctx.doc.ends_sentence(m.span.end);
        let stop = if ends_sentence { "." } else { "" };
        let suggestion = match offers.get(m, e) {
            Some((first, message)) => Suggestion::replace(
                message.clone(),
                m.span,
                if stop.is_empty() {
                    first.clone()
                } else {
                    concat(&[first, stop]).into()
                },
                if e.fix == Applicability::Safe {
                    Applicability::Safe
                } else {
                    Applicability::Unsafe
                },
            ),
            None => Suggestion::advice("Leave it out, or say it in English."),
        };
        out.push(Diagnostic {
            rule: LATIN_ABBREVIATION.name,
            severity: LATIN_ABBREVIATION.severity,
            span: m.span,
            message: said.get(m.text, 0, |text| {
                concat(&["\"", text, "\" is Latin, and many readers do not know it."])
            }),
            suggestions: smallvec::smallvec![suggestion],
            related: None,
        });
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::test_support::flagged;

    #[test]
    fn flags_dotted_and_plain_forms() {
        let got = flagged(
            "latin-abbreviation",
            "Bring ID, e.g. a passport, i.e. photo ID, etc.",
        );
        assert_eq!(got, vec!["e.g.", "i.e.", "etc."]);
    }

    #[test]
    fn a_stop_that_ends_the_sentence_is_kept() {
        let text = "Bring pens, paper etc. Then come in.";
        let fixed = crate::fix(text, &crate::Settings::default(), crate::FixMode::Safe);
        assert_eq!(fixed.text, "Bring pens, paper and so on. Then come in.");
        let text = "Bring pens, paper etc. and food.";
        let fixed = crate::fix(text, &crate::Settings::default(), crate::FixMode::Safe);
        assert_eq!(fixed.text, "Bring pens, paper and so on and food.");
        let text = "Come soon, e.g. Monday.";
        let fixed = crate::fix(text, &crate::Settings::default(), crate::FixMode::Safe);
        assert_eq!(fixed.text, "Come soon, for example Monday.");
    }
}
