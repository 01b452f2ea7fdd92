use super::{concat, declare_rule, match_case, Context, Offers, Said};
use crate::diagnostic::{Applicability, Diagnostic, Severity, Suggestion, Suggestions};
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
    /// In `plainly.toml`, `[rules.inclusive-language]` takes `enabled` and
    /// `severity`, as every rule does. Words listed in `extend-allowed` are
    /// never flagged.
    pub static INCLUSIVE_LANGUAGE = "inclusive-language", Severity::Warning, "Words that label or diminish people", check;
}

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let mut offers = Offers::new("Write ");
    let mut said = Said::default();
    for (m, e) in ctx.terms_in(List::Inclusive) {
        // Names of organisations ("Victim Support") are left alone.
        if m.named && m.text.contains(' ') {
            continue;
        }
        if describes_a_noun(e.term, m.after) {
            continue;
        }
        // Bracketed alternatives are advice to the writer, not words to use.
        let advice: Vec<&str> = e
            .plain
            .iter()
            .copied()
            .filter(|p| p.starts_with('('))
            .collect();
        let mut suggestions = Suggestions::new();
        if let Some((first, message)) = offers.get(m, e) {
            suggestions.push(Suggestion::replace(
                message.clone(),
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
        let space = if e.note.is_empty() { "" } else { " " };
        out.push(Diagnostic {
            rule: INCLUSIVE_LANGUAGE.name,
            severity: INCLUSIVE_LANGUAGE.severity,
            span: m.span,
            // The note is the entry's: the same words, the same entry.
            message: said.get(m.text, 0, |text| {
                concat(&[
                    "\"",
                    text,
                    "\" can label or diminish people.",
                    space,
                    e.note,
                ])
            }),
            suggestions,
            related: None,
        });
    }
}

/// Labels such as "the poor", "the blind" or "diabetic" are nouns made of
/// adjectives. Followed by a noun ("the poor dog", "diabetic eye
/// screening") they are ordinary adjectives, not labels.
fn describes_a_noun(term: &str, after: &str) -> bool {
    const FUNCTION: &[&str] = &[
        "a", "about", "after", "all", "also", "an", "and", "are", "as", "at", "be", "been", "but",
        "by", "can", "could", "did", "do", "does", "for", "from", "get", "gets", "had", "has",
        "have", "in", "into", "is", "may", "might", "must", "need", "needs", "not", "of", "on",
        "or", "over", "should", "than", "that", "the", "their", "them", "then", "these", "they",
        "this", "those", "to", "too", "under", "was", "we", "were", "when", "where", "which",
        "who", "whose", "will", "with", "would",
    ];
    // "the poor", "the blind"; and condition adjectives used as nouns
    // ("a diabetic"). Other words ("elderly", "bedridden") label people as
    // adjectives too, so they are always flagged.
    let words = term.split_whitespace().count();
    let lower = term.to_lowercase();
    let adjective_label =
        (words == 2 && lower.starts_with("the ")) || (words == 1 && lower.ends_with("ic"));
    if !adjective_label {
        return false;
    }
    let Some(next) = after
        .strip_prefix(' ')
        .and_then(|a| a.split_whitespace().next())
    else {
        return false;
    };
    next.starts_with(char::is_lowercase)
        && next.chars().all(char::is_alphabetic)
        && !FUNCTION.contains(&next)
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

    #[test]
    fn adjectives_before_a_noun_are_not_labels() {
        assert!(flagged(
            "inclusive-language",
            "The poor dog got wet. Book your diabetic eye screening."
        )
        .is_empty());
        assert_eq!(
            flagged("inclusive-language", "Help for the poor and the elderly."),
            vec!["the poor", "the elderly"]
        );
        assert_eq!(
            flagged("inclusive-language", "An elderly man lives here."),
            vec!["elderly"]
        );
    }
}
