use super::{concat, declare_rule, Context, Offers, Said, Use};
use crate::diagnostic::{Diagnostic, Severity, Suggestion};
use crate::wordlists::{Kind, List};

declare_rule! {
    /// ## What it flags
    ///
    /// Specialist and insider words from social care, health, housing,
    /// benefits, education and management: "care package", "signposting",
    /// "going forward", "stakeholder". Terms people need to know, such as
    /// "safeguarding" or "direct payments", are flagged only where they are
    /// first used without an explanation.
    ///
    /// ## Why it matters
    ///
    /// Readers outside the service do not know its words. Jargon makes them
    /// feel shut out, and they may miss what you need them to do.
    ///
    /// ## Example
    ///
    /// ```markdown
    /// We will review your care package going forward.
    /// ```
    ///
    /// ## Use instead
    ///
    /// ```markdown
    /// We will look again at the care and support you get.
    /// ```
    ///
    /// ## Options
    ///
    /// The `professional` audience lets terms of the trade pass (those the
    /// list marks `explain`). Words whose jargon sense depends on context are
    /// reported as info, and the message says so.
    ///
    /// In `plainly.toml`: `[rules.jargon]` takes `allow-explained-terms`
    /// (true or false) to choose that for any audience, and `enabled` and
    /// `severity`, as every rule does. Add your own terms under
    /// `[extend-jargon]`, each with plainer words or
    /// `{ explain = "what it means" }`; list words never to flag in
    /// `extend-allowed`.
    pub static JARGON = "jargon", Severity::Warning, "Specialist and insider words, with what to say instead", check;
}

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let mut explained_or_flagged = std::collections::HashSet::new();
    let mut offers = Offers::new("Say it plainly: ");
    let mut said = Said::default();
    for (m, e) in ctx.terms_in(List::Jargon) {
        if m.named {
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
            " It has everyday senses too: check how it is used here."
        };
        match e.kind {
            Kind::Explain => {
                if ctx.thresholds.explain_terms_pass || !explained_or_flagged.insert(m.entry) {
                    continue;
                }
                if is_explained(m.after) {
                    continue;
                }
                let explanation = e.plain.first().copied().unwrap_or("what it means");
                out.push(Diagnostic {
                    rule: JARGON.name,
                    severity,
                    span: m.span,
                    message: format!(
                        "\"{}\" is a specialist term, and it is not explained here.{maybe}",
                        m.text
                    )
                    .into(),
                    suggestions: smallvec::smallvec![Suggestion::advice(format!(
                        "Explain it where you first use it. It means: {explanation}."
                    ))],
                    related: None,
                });
            }
            Kind::Replace => {
                let advice = match offers.get(m, e) {
                    Some((_, message)) => message.clone(),
                    None => "Say what you mean in everyday words.".into(),
                };
                out.push(Diagnostic {
                    rule: JARGON.name,
                    severity,
                    span: m.span,
                    message: said.get(m.text, u8::from(sure), |text| {
                        concat(&["\"", text, "\" is jargon.", maybe])
                    }),
                    suggestions: smallvec::smallvec![Suggestion::advice(advice)],
                    related: None,
                });
            }
        }
    }
}

/// Whether the words after a term explain it: "(...)", "means", "is when".
fn is_explained(after: &str) -> bool {
    let a = after.trim_start();
    let lower = a.to_lowercase();
    a.starts_with('(')
        || a.starts_with(':')
        || a.starts_with("- ")
        || a.starts_with("– ")
        || a.starts_with("— ")
        || [
            "means",
            "mean ",
            "is when",
            "is where",
            "is a ",
            "is an ",
            "is the ",
            "are ",
            ", which means",
            ", which is",
            ", that is",
            "is what",
            "is how",
            "is about",
        ]
        .iter()
        .any(|p| lower.starts_with(p))
}

#[cfg(test)]
mod tests {
    use crate::rules::test_support::{flagged, flagged_with};
    use crate::{Audience, Settings};

    #[test]
    fn flags_replace_terms_every_time_and_explain_terms_once() {
        let text = "Going forward we will touch base. A safeguarding concern was raised. Safeguarding matters.";
        let got = flagged("jargon", text);
        assert!(got.contains(&"Going forward".to_owned()));
        assert!(got.contains(&"touch base".to_owned()));
        assert_eq!(
            got.iter()
                .filter(|t| t.eq_ignore_ascii_case("safeguarding"))
                .count(),
            1
        );
    }

    #[test]
    fn an_explained_term_passes() {
        assert!(flagged(
            "jargon",
            "Safeguarding means keeping people safe from harm."
        )
        .is_empty());
        assert!(flagged(
            "jargon",
            "You can get direct payments (money to arrange your own care)."
        )
        .is_empty());
    }

    #[test]
    fn professionals_may_use_terms_of_the_trade() {
        let s = Settings::for_audience(Audience::Professional);
        assert!(flagged_with("jargon", "The safeguarding lead will call.", &s).is_empty());
    }

    #[test]
    fn never_inside_code_or_link_destinations() {
        assert!(flagged(
            "jargon",
            "Run `touch base` and read [this](https://x.org/care-package)."
        )
        .is_empty());
    }
}
