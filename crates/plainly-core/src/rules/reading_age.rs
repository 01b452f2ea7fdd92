use super::{declare_rule, Context};
use crate::diagnostic::{Diagnostic, Severity, Suggestion};

declare_rule! {
    /// ## What it flags
    ///
    /// A section (a heading and the text under it) whose reading age is
    /// above the audience's target: 11 for the public, 9 for Easy Read, 14
    /// for professionals. It is reported at the section's heading, with the
    /// scores. A document without headings is reported at its first
    /// sentence.
    ///
    /// ## Why it matters
    ///
    /// NHS guidance asks for a reading age of 9 to 11 for health
    /// information; GOV.UK aims for 9. Above that, many readers struggle.
    ///
    /// ## Example
    ///
    /// ```markdown
    /// # Assessment
    ///
    /// Following comprehensive consideration of the documentation submitted, the authority has determined that your eligibility for continuing assistance necessitates additional verification. Consequently, representatives will subsequently contact you regarding supplementary information requirements. Notwithstanding this, existing arrangements remain operational pending determination. Documentation received subsequently will necessitate individual consideration by appropriately qualified administrative personnel.
    /// ```
    ///
    /// ## Use instead
    ///
    /// ```markdown
    /// # Your assessment
    ///
    /// We have read the papers you sent us. We need to check a few more things. We will phone you to ask for them. Your help will carry on while we do this.
    /// ```
    ///
    /// ## Options
    ///
    /// The target is set by the audience (`--audience`). Sections with fewer
    /// than 40 words are not scored.
    ///
    /// In `plainly.toml`, `[rules.reading-age]` takes `max-age`: a section
    /// with a reading age above it is flagged, whatever the audience. Like
    /// every rule, it also takes `enabled` and `severity`.
    pub static READING_AGE = "reading-age", Severity::Warning, "Sections whose reading age is above the target", check;
}

/// Sections with fewer words than this are too short to score.
const MIN_WORDS: u64 = 40;

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let target = ctx.thresholds.max_reading_age;
    for section in &ctx.metrics.sections {
        let Some(scores) = &section.scores else {
            continue;
        };
        if section.counts.words < MIN_WORDS || scores.reading_age.round() <= target {
            continue;
        }
        // At the heading; with no heading, at the first sentence.
        let span = section.heading_span.or_else(|| {
            ctx.doc
                .sentences()
                .map(|s| s.span())
                .find(|s| section.span.contains(*s))
        });
        let Some(span) = span else { continue };
        let c = &section.counts;
        let where_ = if section.heading.is_some() {
            "This section"
        } else {
            "This document"
        };
        let rough = if scores.reliable {
            ""
        } else {
            " (a rough guide: it has under 100 words)"
        };
        out.push(Diagnostic {
            rule: READING_AGE.name,
            severity: READING_AGE.severity,
            span,
            message: format!(
                "{where_} has a reading age of {}{rough}. {} Its sentences average {:.0} words, and {} in 100 words have 3 or more syllables.",
                scores.reading_age.round() as i64,
                ctx.settings.audience.target_text(),
                c.words as f64 / c.sentences.max(1) as f64,
                (c.polysyllables * 100 / c.words.max(1)),
            ).into(),
            suggestions: smallvec::smallvec![Suggestion::advice(
                "Use shorter sentences and everyday words. Start with the sentences and words flagged here.",
            )],
            related: None,
        });
    }
}
