use super::{declare_rule, Context};
use crate::diagnostic::{Diagnostic, Severity, Suggestion};
use crate::WordKind;

declare_rule! {
    /// ## What it flags
    ///
    /// A sentence whose reading age is well above the audience's target
    /// (15 or more for the public), and which is not already flagged as too
    /// long. The message says why: long words, length, or both.
    ///
    /// ## Why it matters
    ///
    /// A sentence can be short and still hard: a few long, unusual words
    /// are enough to stop a reader.
    ///
    /// ## Example
    ///
    /// ```markdown
    /// Your individualised rehabilitation necessitates a comprehensive multidisciplinary evaluation.
    /// ```
    ///
    /// ## Use instead
    ///
    /// ```markdown
    /// Before we plan your recovery, a team of staff will check what you need.
    /// ```
    ///
    /// ## Options
    ///
    /// The threshold is set by the audience (`--audience`). Sentences under
    /// 8 words are not scored: one long word is not a hard sentence.
    ///
    /// In `plainly.toml`, `[rules.hard-sentence]` takes `min-age`: a
    /// sentence with this reading age or more is flagged, whatever the
    /// audience. Like every rule, it also takes `enabled` and `severity`.
    pub static HARD_SENTENCE = "hard-sentence", Severity::Warning, "Sentences whose reading age is well above the target", check;
}

/// Sentences shorter than this are not scored.
const MIN_WORDS: usize = 8;

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let t = ctx.thresholds;
    for s in ctx.doc.sentences() {
        let n = s.word_parts().len();
        if n < MIN_WORDS || n > t.max_sentence_words {
            continue;
        }
        let words = s.word_parts();
        // Numbers, codes and names are not what makes a sentence hard:
        // count them as short words.
        let syllables: u32 = words
            .enumerate()
            .map(|(i, (text, syllables, kind))| match kind {
                // "7:20pm", "A4": read like numbers.
                WordKind::Word if text.contains(|c: char| c.is_ascii_digit()) => 1,
                WordKind::Word if i > 0 && text.starts_with(char::is_uppercase) => syllables.min(2),
                WordKind::Word => syllables,
                _ => 1,
            })
            .sum();
        // Flesch-Kincaid grade of the one sentence, as a reading age. The
        // formula and its constants are in `metrics.rs`.
        let grade = 0.39 * n as f64 + 11.8 * (f64::from(syllables) / n as f64) - 15.59;
        let age = grade + 5.0;
        if age < t.hard_sentence_age {
            continue;
        }
        let long: Vec<&str> = s
            .word_parts()
            .filter(|(text, syllables, kind)| {
                *syllables >= 3
                    && *kind == WordKind::Word
                    && !text.contains(|c: char| c.is_ascii_digit())
                    && !text.starts_with(char::is_uppercase)
            })
            .map(|(text, _, _)| text)
            .collect();
        // Hard because of its words needs at least two long ones.
        if long.len() < 2 {
            continue;
        }
        let why = if long.is_empty() {
            format!("it has {n} words")
        } else {
            let shown: Vec<String> = long.iter().take(4).map(|w| format!("\"{w}\"")).collect();
            format!("of long words: {}", shown.join(", "))
        };
        out.push(Diagnostic {
            rule: HARD_SENTENCE.name,
            severity: HARD_SENTENCE.severity,
            span: s.span(),
            message: format!(
                "This sentence has a reading age of about {}, mostly because {why}.",
                age.round() as i64
            ),
            suggestions: vec![Suggestion::advice(
                "Use shorter, everyday words, and split the sentence if it holds more than one idea.",
            )],
            related: None,
        });
    }
}
