use std::fmt::Write as _;

use super::{declare_rule, Context};
use crate::diagnostic::{Diagnostic, Severity, Suggestion};
use crate::{flags, WordKind};

declare_rule! {
    /// ## What it flags
    ///
    /// A sentence whose reading age is well above the audience's target
    /// (15 or more for the public), and which is not already flagged as too
    /// long. The message says why: it names the long words, and the one or
    /// two least common in everyday English (from the same word counts as
    /// `uncommon-word`).
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

/// How far above `uncommon-word`'s cut-off (in tenths of the Zipf scale) a
/// word may be and still be named as one of the least common: half a
/// step, so for the public words under 3.5 ("rationale", "ratified"), not
/// everyday ones such as "discharge" or "enclosed" (3.9).
const NAME_ABOVE_CUT_OFF: f64 = 0.5;

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let t = ctx.thresholds;
    // `as` saturates, and NaN becomes 0 (no word is named).
    let name_below = ((t.min_word_frequency + NAME_ABOVE_CUT_OFF) * 10.0).round() as u8;
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
        // The two least common words, rarest first, as (frequency, word).
        let mut rarest = [(name_below, ""); 2];
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
            // Names and abbreviations are not words to change.
            if w.zipf < rarest[1].0 && !capital && w.flags & flags::ABBREVIATION == 0 {
                let text = s.text_of(w);
                if rarest[0].1 == text {
                    continue;
                }
                rarest[1] = (w.zipf, text);
                if rarest[1].0 < rarest[0].0 {
                    rarest.swap(0, 1);
                }
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
        let named = rarest.iter().filter(|(_, w)| !w.is_empty());
        let mut message = String::with_capacity(
            120 + shown
                .iter()
                .take(long)
                .chain(named.clone().map(|(_, w)| w))
                .map(|w| w.len() + 4)
                .sum::<usize>(),
        );
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
        match rarest {
            [(_, first), (_, "")] if !first.is_empty() => {
                message.push_str(" The least common is \"");
                message.push_str(first);
                message.push_str("\".");
            }
            [(_, first), (_, second)] if !first.is_empty() => {
                message.push_str(" The least common are \"");
                message.push_str(first);
                message.push_str("\" and \"");
                message.push_str(second);
                message.push_str("\".");
            }
            _ => {}
        }
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

#[cfg(test)]
mod tests {
    use crate::{check, Settings};

    fn message(text: &str) -> String {
        let report = check(text, &Settings::default());
        let found: Vec<_> = report
            .diagnostics
            .iter()
            .filter(|d| d.rule == "hard-sentence")
            .collect();
        assert_eq!(found.len(), 1, "{text}");
        found[0].message.as_str().to_owned()
    }

    #[test]
    fn names_the_least_common_words() {
        let m = message(
            "Your individualised rehabilitation necessitates a comprehensive multidisciplinary evaluation.",
        );
        assert!(
            m.ends_with("The least common are \"necessitates\" and \"individualised\"."),
            "{m}"
        );
    }

    #[test]
    fn names_no_common_word_and_no_name() {
        // Long words, all of them common: none is named as least common.
        let m = message(
            "The community organisation will definitely consider additional opportunities for everybody.",
        );
        assert!(!m.contains("least common"), "{m}");
        // A rare name is not a word to change.
        let m = message(
            "Dr Okonkwo says your individualised rehabilitation necessitates a comprehensive evaluation.",
        );
        assert!(!m.contains("Okonkwo"), "{m}");
    }
}
