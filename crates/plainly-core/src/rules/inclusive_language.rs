use super::{declare_rule, match_case, quoted_choices, Context};
use crate::diagnostic::{Applicability, Diagnostic, Severity, Suggestion};
use crate::wordlists::List;

declare_rule! {
    /// ## What it flags
    ///
    /// Words that label or diminish people: "the elderly", "suffers from",
    /// "wheelchair-bound", "the disabled", "dementia sufferer".
    ///
    /// ## Why it matters
    ///
    /// People are people first. Labels reduce someone to a condition or an
    /// age, and words like "suffers" or "bound" say their life is a tragedy.
    ///
    /// ## Example
    ///
    /// ```markdown
    /// The group is for the elderly and anyone who suffers from arthritis.
    /// ```
    ///
    /// ## Use instead
    ///
    /// ```markdown
    /// The group is for older people and anyone who has arthritis.
    /// ```
    ///
    /// ## Options
    ///
    /// None.
    pub static INCLUSIVE_LANGUAGE = "inclusive-language", Severity::Warning, "Words that label or diminish people", check;
}

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    for (m, e) in ctx.terms_in(List::Inclusive) {
        // Bracketed alternatives are advice to the writer, not words to use.
        let words: Vec<String> = e
            .plain
            .iter()
            .filter(|p| !p.starts_with('('))
            .map(|p| match_case(&m.text, p))
            .collect();
        let advice: Vec<&str> = e
            .plain
            .iter()
            .copied()
            .filter(|p| p.starts_with('('))
            .collect();
        let refs: Vec<&str> = words.iter().map(String::as_str).collect();
        let mut suggestions = Vec::new();
        if let Some(first) = words.first() {
            suggestions.push(Suggestion::replace(
                format!("Write {}.", quoted_choices(&refs)),
                m.span,
                first.clone(),
                Applicability::Unsafe,
            ));
        }
        for a in advice {
            let a = a.trim_start_matches('(').trim_end_matches(')');
            suggestions.push(Suggestion::advice(match_case("X", a) + "."));
        }
        if suggestions.is_empty() {
            suggestions.push(Suggestion::advice("Describe the person, not a label."));
        }
        let note = if e.note.is_empty() {
            String::new()
        } else {
            format!(" {}", e.note)
        };
        out.push(Diagnostic {
            rule: INCLUSIVE_LANGUAGE.name,
            severity: INCLUSIVE_LANGUAGE.severity,
            span: m.span,
            message: format!("\"{}\" can label or diminish people.{note}", m.text),
            suggestions,
            related: None,
        });
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::test_support::flagged;

    #[test]
    fn flags_labels_and_their_forms() {
        let got = flagged(
            "inclusive-language",
            "He suffered from a stroke. She is wheelchair-bound.",
        );
        assert_eq!(got, vec!["suffered from", "wheelchair-bound"]);
    }
}
