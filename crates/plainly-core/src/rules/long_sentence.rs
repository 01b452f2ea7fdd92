use super::{declare_rule, Context};
use crate::diagnostic::{Diagnostic, Severity, Suggestion};

declare_rule! {
    /// ## What it flags
    ///
    /// A sentence with more words than the audience's limit: 25 for the
    /// public, 15 for Easy Read, 35 for professionals.
    ///
    /// ## Why it matters
    ///
    /// Long sentences are the main reason text is hard to read. Readers lose
    /// the start of the sentence before they reach the end.
    ///
    /// ## Example
    ///
    /// ```markdown
    /// Following the review meeting that took place last week with your family and the team, we have decided that your support hours will change from the start of next month.
    /// ```
    ///
    /// ## Use instead
    ///
    /// ```markdown
    /// We met you, your family and the team last week. Together we decided to change your support hours. The change starts next month.
    /// ```
    ///
    /// ## Options
    ///
    /// The limit is set by the audience (`--audience`). In `plainly.toml`,
    /// `[rules.long-sentence]` takes `max-words` to set your own, and
    /// `enabled` and `severity`, as every rule does.
    pub static LONG_SENTENCE = "long-sentence", Severity::Warning, "Sentences over the audience's word limit", check;
}

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let limit = ctx.thresholds.max_sentence_words;
    for s in ctx.doc.sentences() {
        let words = s.words().len();
        if words > limit {
            out.push(Diagnostic {
                rule: LONG_SENTENCE.name,
                severity: LONG_SENTENCE.severity,
                span: s.span(),
                message: format!(
                    "This sentence has {words} words. Keep sentences to {limit} words or fewer."
                )
                .into(),
                suggestions: smallvec::smallvec![Suggestion::advice(
                    "Split it into shorter sentences, one idea in each.",
                )],
                related: None,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::test_support::{flagged, flagged_with};
    use crate::{Audience, Settings};

    #[test]
    fn limit_follows_the_audience() {
        let s16 = "One two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen.";
        assert!(flagged("long-sentence", s16).is_empty());
        let easy = Settings::for_audience(Audience::EasyRead);
        assert_eq!(flagged_with("long-sentence", s16, &easy).len(), 1);
    }
}
