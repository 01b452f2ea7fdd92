use std::fmt::Write as _;

use super::{declare_rule, Context};
use crate::diagnostic::{Diagnostic, Severity, Suggestion};
use crate::{flags, WordKind};

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
        let words = s.word_data();
        let n = words.len();
        if n < MIN_WORDS || n > t.max_sentence_words {
            continue;
        }
        // Numbers, codes and names are not what makes a sentence hard:
        // count them as short words. In the same pass, the long words:
        // how many, and the first four to show.
        let mut syllables = 0u32;
        let mut long = 0;
        let mut shown = [""; 4];
        for (i, w) in words.iter().enumerate() {
            // "7:20pm", "A4": read like numbers.
            if w.kind != WordKind::Word || w.flags & flags::DIGIT != 0 {
                syllables += 1;
                continue;
            }
            let word_syllables = u32::from(w.syllables);
            let capital = w.flags & flags::CAPITAL != 0;
            syllables += if i > 0 && capital {
                word_syllables.min(2)
            } else {
                word_syllables
            };
            if word_syllables >= 3 && !capital {
                if let Some(slot) = shown.get_mut(long) {
                    *slot = s.text_of(w);
                }
                long += 1;
            }
        }
        // Flesch-Kincaid grade of the one sentence, as a reading age. The
        // formula and its constants are in `metrics.rs`.
        let grade = 0.39 * n as f64 + 11.8 * (f64::from(syllables) / n as f64) - 15.59;
        let age = grade + 5.0;
        if age < t.hard_sentence_age {
            continue;
        }
        // Hard because of its words needs at least two long ones.
        if long < 2 {
            continue;
        }
        // The message, written straight into one string.
        let mut message =
            String::with_capacity(80 + shown.iter().take(long).map(|w| w.len() + 4).sum::<usize>());
        message.push_str("This sentence has a reading age of about ");
        // Writing to a string cannot fail.
        let _ = write!(message, "{}", age.round() as i64);
        message.push_str(", mostly because of long words: ");
        for (i, w) in shown.iter().take(long).enumerate() {
            if i > 0 {
                message.push_str(", ");
            }
            message.push('"');
            message.push_str(w);
            message.push('"');
        }
        message.push('.');
        out.push(Diagnostic {
            rule: HARD_SENTENCE.name,
            severity: HARD_SENTENCE.severity,
            span: s.span(),
            message: message.into(),
            suggestions: smallvec::smallvec![Suggestion::advice(
                "Use shorter, everyday words, and split the sentence if it holds more than one idea.",
            )],
            related: None,
        });
    }
}
