use super::{declare_rule, Context};
use crate::diagnostic::{Diagnostic, Severity, Suggestion};
use crate::BlockKind;

declare_rule! {
    /// ## What it flags
    ///
    /// A paragraph with more sentences than the audience's limit: 5 for the
    /// public, 3 for Easy Read, 8 for professionals.
    ///
    /// ## Why it matters
    ///
    /// Long blocks of text put readers off before they start, and are hard
    /// to find your place in.
    ///
    /// ## Example
    ///
    /// ```markdown
    /// We got your letter. Thank you for writing. We have read it. We looked at your file. We spoke to your carer. We will call you soon.
    /// ```
    ///
    /// ## Use instead
    ///
    /// ```markdown
    /// We got your letter. Thank you for writing. We have read it.
    ///
    /// We looked at your file and spoke to your carer. We will call you soon.
    /// ```
    ///
    /// ## Options
    ///
    /// The limit is set by the audience (`--audience`). In `plainly.toml`,
    /// `[rules.long-paragraph]` takes `max-sentences` to set your own, and
    /// `enabled` and `severity`, as every rule does.
    pub static LONG_PARAGRAPH = "long-paragraph", Severity::Warning, "Paragraphs with too many sentences", check;
}

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let limit = ctx.thresholds.max_paragraph_sentences;
    let mut run: Vec<crate::Span> = Vec::new();
    let mut last_block = usize::MAX;
    let flush = |run: &mut Vec<crate::Span>, out: &mut Vec<Diagnostic>| {
        if run.len() > limit {
            out.push(Diagnostic {
                rule: LONG_PARAGRAPH.name,
                severity: LONG_PARAGRAPH.severity,
                span: run[0],
                message: format!(
                    "This paragraph has {} sentences. Keep paragraphs to {limit} sentences or fewer.",
                    run.len()
                ).into(),
                suggestions: smallvec::smallvec![Suggestion::advice(
                    "Break it into shorter paragraphs, one topic in each.",
                )],
                related: None,
            });
        }
        run.clear();
    };
    for s in ctx.doc.sentences() {
        if s.block_index() != last_block {
            flush(&mut run, out);
            last_block = s.block_index();
        }
        if s.kind() == BlockKind::Paragraph {
            run.push(s.span());
        }
    }
    flush(&mut run, out);
}
