use rustc_hash::FxHashMap;

use super::{concat, declare_rule, Context, Said};
use crate::diagnostic::{Applicability, Diagnostic, Severity, Suggestion};
use crate::{flags, Span, WordKind};

declare_rule! {
    /// ## What it flags
    ///
    /// Whole words or phrases in capitals for emphasis: "you MUST attend",
    /// "PLEASE NOTE". Abbreviations in capitals (NHS, CQC) are not flagged.
    ///
    /// ## Why it matters
    ///
    /// Capitals are harder to read, because words lose their shape, and
    /// they read as shouting. Screen readers may spell them out letter by
    /// letter.
    ///
    /// ## Example
    ///
    /// ```markdown
    /// You MUST bring your letter with you.
    /// ```
    ///
    /// ## Use instead
    ///
    /// ```markdown
    /// You **must** bring your letter with you.
    /// ```
    ///
    /// ## Options
    ///
    /// In `plainly.toml`, `[rules.all-caps]` takes `enabled` and `severity`,
    /// as every rule does.
    pub static ALL_CAPS = "all-caps", Severity::Warning, "Words in capitals for emphasis", check;
}

/// Whether `word` is written in capitals as an ordinary word (not an
/// abbreviation).
pub(crate) fn is_shouted(word: &str) -> bool {
    // Almost every word has a small letter early on: stop there.
    if word.bytes().any(|b| b.is_ascii_lowercase()) {
        return false;
    }
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    if letters < 2
        || word.chars().any(|c| c.is_lowercase())
        || !word.chars().any(char::is_uppercase)
    {
        return false;
    }
    if word == "OK" || word.contains(|c: char| c.is_ascii_digit() || c == '.' || c == '&') {
        return false;
    }
    let lists = crate::wordlists::lists();
    let base = word
        .strip_suffix('S')
        .filter(|b| lists.abbreviation(b).is_some())
        .unwrap_or(word);
    if lists.abbreviation(base).is_some() || super::undefined_abbreviation::is_roman(word) {
        return false;
    }
    is_english(word)
}

/// Whether a word, in any case, is an English word: in the pronouncing
/// dictionary, or common in the word counts (the dictionary table leaves
/// out the words held back to test the syllable rules, "if" and "you"
/// among them).
pub(crate) fn is_english(word: &str) -> bool {
    let lower = word.replace('’', "'").to_ascii_lowercase();
    crate::syllables::is_word(&lower)
        || crate::frequency::listed(lower.as_bytes()).is_some_and(|z| z >= 40)
}

/// Whether a word of a sentence is shouted, remembered in `memo`.
fn shouted<'w>(
    memo: &mut FxHashMap<&'w str, bool>,
    (text, _, kind): (&'w str, u32, WordKind),
) -> bool {
    kind == WordKind::Word
        && !text.bytes().any(|b| b.is_ascii_lowercase())
        && *memo.entry(text).or_insert_with(|| is_shouted(text))
}

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let mut words = Vec::new();
    // Whether each distinct word with no small ASCII letter is shouted
    // (most words have one, and are not looked up).
    let mut memo: FxHashMap<&str, bool> = FxHashMap::default();
    let mut said = Said::default();
    for s in ctx.doc.sentences() {
        // Most sentences have no word in capitals.
        if !s.any_word_has(flags::SHOUTY) || !s.word_parts().any(|w| shouted(&mut memo, w)) {
            continue;
        }
        words.clear();
        words.extend(s.word_parts());
        let mut shouted = |word| shouted(&mut memo, word);
        // A heading or sentence written wholly in capitals is one finding.
        let mut i = 0;
        while i < words.len() {
            if !shouted(words[i]) {
                i += 1;
                continue;
            }
            let mut j = i;
            while j + 1 < words.len() && shouted(words[j + 1]) {
                j += 1;
            }
            let span = Span::new(s.word_span(i).start, s.word_span(j).end);
            let text = span.text(ctx.doc.source());
            let first_in_sentence = i == 0;
            let lower = text.to_lowercase();
            let replacement = if first_in_sentence {
                super::match_case("X", &lower)
            } else {
                lower
            };
            out.push(Diagnostic {
                rule: ALL_CAPS.name,
                severity: ALL_CAPS.severity,
                span,
                message: said.get(text, 0, |text| {
                    concat(&[
                        "\"",
                        text,
                        "\" is in capitals, which are harder to read and look like shouting.",
                    ])
                }),
                suggestions: smallvec::smallvec![Suggestion::replace(
                    "Write it in lower case. If it needs to stand out, use bold.",
                    span,
                    replacement,
                    Applicability::Unsafe,
                )],
                related: None,
            });
            i = j + 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::test_support::flagged;

    #[test]
    fn emphasis_not_abbreviations() {
        let got = flagged(
            "all-caps",
            "You MUST call the NHS or CQC. PLEASE NOTE this.",
        );
        assert_eq!(got, vec!["MUST", "PLEASE NOTE"]);
    }
}
