use rustc_hash::{FxHashMap, FxHashSet};

use super::{concat, declare_rule, Context};
use crate::diagnostic::{Diagnostic, Severity, Suggestion};
use crate::{flags, Span, WordKind};

declare_rule! {
    /// ## What it flags
    ///
    /// A word that is rare in everyday English, the first time it is used
    /// in a document: "diaphoretic", "erythematous", "supernumerary". How rare
    /// is judged from real word counts (wordfreq, on the Zipf scale), with
    /// a list of UK everyday words that global counts under-rate ("carer",
    /// "rota", "allotment") passed as common.
    ///
    /// It leaves alone:
    ///
    /// - words with a capital letter, even at the start of a sentence or
    ///   in a heading: most are names of people, places and services;
    /// - abbreviations, words in capitals, numbers, code, links and
    ///   addresses;
    /// - words in the word lists (the other rules deal with them, or
    ///   have decided they are fine where they are);
    /// - other forms of common words ("reassessing", "carers'"), British
    ///   spellings of common words, and compounds of common words
    ///   ("handrail", "well-being").
    ///
    /// ## Why it matters
    ///
    /// A word a reader has seldom or never met stops them, and no list of
    /// jargon can hold every such word. Many readers have low literacy or
    /// English as a second language.
    ///
    /// ## Example
    ///
    /// ```markdown
    /// Your dad was diaphoretic when the nurse saw him.
    /// ```
    ///
    /// ## Use instead
    ///
    /// ```markdown
    /// Your dad did not have a high temperature when the nurse saw him.
    /// ```
    ///
    /// ## Options
    ///
    /// The cut-off is set by the audience (`--audience`): words under 3.0
    /// on the Zipf scale for the public, under 3.3 for Easy Read and under
    /// 2.5 for professionals.
    ///
    /// In `plainly.toml`, `[rules.uncommon-word]` takes `min-frequency`,
    /// a Zipf value from 1.5 to 4.5: words rarer than this are flagged,
    /// whatever the audience. Like every rule, it also takes `enabled` and
    /// `severity`; a word your readers know can go in `extend-allowed`.
    pub static UNCOMMON_WORD = "uncommon-word", Severity::Info, "Words that are rare in everyday English", check;
}

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let cut = cut_off(ctx.thresholds.min_word_frequency);
    // Capitals, digits and abbreviations: names, codes and the like.
    const NOT_JUDGED: u8 = flags::CAPITAL | flags::DIGIT | flags::SHOUTY | flags::ABBREVIATION;
    // Words reported, in lower case: each once per document.
    let mut reported: FxHashSet<String> = FxHashSet::default();
    // Whether each rare word as written is in a word list.
    let mut listed: FxHashMap<&str, bool> = FxHashMap::default();
    let mut key = String::new();
    for s in ctx.doc.sentences() {
        let words = s.word_data();
        // Most sentences hold no rare word: one pass over bytes.
        if !words.iter().any(|w| w.zipf < cut) {
            continue;
        }
        for (i, w) in words.iter().enumerate() {
            if w.zipf >= cut || w.kind != WordKind::Word || w.flags & NOT_JUDGED != 0 {
                continue;
            }
            let text = s.text_of(w);
            // A capital after the first letter: "eMAR", "iPad".
            if text.bytes().any(|b| b.is_ascii_uppercase()) {
                continue;
            }
            key.clear();
            key.extend(text.chars().map(|c| if c == '’' { '\'' } else { c }));
            key.make_ascii_lowercase();
            // "tonometer's", "tonometers" and "tonometers'" are the word
            // "tonometer".
            if let Some(stem) = key.strip_suffix("'s") {
                key.truncate(stem.len());
            }
            if key.ends_with('\'') {
                key.pop();
            }
            if key.ends_with('s') && !key.ends_with("ss") {
                key.pop();
            }
            if reported.contains(key.as_str()) {
                continue;
            }
            if *listed.entry(text).or_insert_with(|| in_a_list(ctx, text)) {
                continue;
            }
            let span = s.word_span(i);
            if in_a_term(ctx, s.block_index(), span) {
                continue;
            }
            reported.insert(key.clone());
            out.push(Diagnostic {
                rule: UNCOMMON_WORD.name,
                severity: UNCOMMON_WORD.severity,
                span,
                message: concat(&[
                    "\"",
                    text,
                    "\" is not an everyday word: explain it or use a common one.",
                ])
                .into(),
                suggestions: smallvec::smallvec![Suggestion::advice(
                    "Use a word most people know, or say what it means the first time you use it.",
                )],
                related: None,
            });
        }
    }
}

/// A cut-off on the Zipf scale in the tenths words are stored in: a word
/// below it is rare.
fn cut_off(zipf: f64) -> u8 {
    // `as` saturates, and NaN becomes 0 (nothing is rare).
    (zipf * 10.0).round() as u8
}

/// Whether `text` is a term of a built-in or project word list, or an
/// abbreviation: the lists have decided about it, whether or not its
/// rule reports it here ("follow the signpost" is the everyday sense).
fn in_a_list(ctx: &Context, text: &str) -> bool {
    let mut lower = String::new();
    if crate::wordlists::lists()
        .find(text, &mut lower)
        .next()
        .is_some()
    {
        return true;
    }
    if ctx
        .custom
        .is_some_and(|c| c.find(text, &mut lower).next().is_some())
    {
        return true;
    }
    ctx.abbreviation(text).is_some()
}

/// Whether `span`, in block `block`, is inside a word-list match.
fn in_a_term(ctx: &Context, block: usize, span: Span) -> bool {
    // Terms are in block order: look only at this block's.
    let from = ctx.terms.partition_point(|t| t.block < block);
    ctx.terms[from..]
        .iter()
        .take_while(|t| t.block == block)
        .any(|t| t.span.start < span.end && span.start < t.span.end)
}

#[cfg(test)]
mod tests {
    use crate::rules::test_support::{flagged, flagged_with};
    use crate::{Audience, CustomTerm, Settings};

    const RULE: &str = "uncommon-word";

    #[test]
    fn flags_a_rare_word_once() {
        assert_eq!(
            flagged(
                RULE,
                "Your dad was diaphoretic this morning. He was still diaphoretic at noon."
            ),
            ["diaphoretic"]
        );
        // The same word with a capital, as a possessive or a plural, is
        // the same word: reported once.
        assert_eq!(
            flagged(
                RULE,
                "Clean the tonometer. The tonometer's mask is soft. We sell tonometers. The tonometers' masks fit. Tonometer parts are cheap."
            ),
            ["tonometer"]
        );
    }

    #[test]
    fn passes_names_and_capitals() {
        // Mid-sentence, at the start of a sentence, in a heading.
        for text in [
            "We met Siobhan Okonkwo at Healthwatch.",
            "Mencap runs a club on Fridays.",
            "# Wraparound Kids\n\nThe club meets on Fridays.",
        ] {
            assert!(flagged(RULE, text).is_empty(), "{text}");
        }
    }

    #[test]
    fn passes_uk_everyday_words_and_compounds() {
        for text in [
            "Your carer will bring the rota and the hoist.",
            "Grandad spends every day at his allotment.",
            "The milkman left the crate by the handrail.",
            "Call the helpline about your well-being.",
            "We are reassessing your carers' needs.",
            "We will send you a new payslip each fortnight.",
        ] {
            assert!(
                flagged(RULE, text).is_empty(),
                "{text}: {:?}",
                flagged(RULE, text)
            );
        }
    }

    #[test]
    fn passes_words_in_the_lists() {
        // "domiciliary care" is a jargon term; "signpost" in its everyday
        // sense is dropped by the jargon rule and must not come back here.
        assert!(flagged(RULE, "We offer domiciliary care in your home.").is_empty());
        assert!(flagged(RULE, "Follow the signpost to the car park.").is_empty());
        // A project's own term.
        let mut settings = Settings::default();
        settings
            .words
            .jargon
            .push(CustomTerm::new("diaphoretic", ["sweating a lot"]));
        assert!(flagged_with(RULE, "He was diaphoretic.", &settings).is_empty());
        // A word the project allows.
        let mut settings = Settings::default();
        settings.words.allowed.push("diaphoretic".into());
        assert!(flagged_with(RULE, "He was diaphoretic.", &settings).is_empty());
    }

    #[test]
    fn passes_numbers_code_links_and_acronyms() {
        for text in [
            "Ring 0300 123 4567 or text 07700900123.",
            "Run `chmod` and `mkdir` to set it up.",
            "Read <https://example.org/zxqvbnm> for more.",
            "Email xqzv@example.org for help.",
            "Ask the CAMHS team or the SENDIASS office.",
            "Update the eMAR chart on the iPad.",
            "PLEASE BRING THE APYREXIAL FORMS.",
        ] {
            assert!(
                flagged(RULE, text).is_empty(),
                "{text}: {:?}",
                flagged(RULE, text)
            );
        }
    }

    #[test]
    fn the_cut_off_follows_the_audience() {
        // "gazebo" is 2.7 on the Zipf scale.
        let text = "We sat in the gazebo after lunch.";
        assert_eq!(flagged(RULE, text), ["gazebo"]);
        let pro = Settings::for_audience(Audience::Professional);
        assert!(flagged_with(RULE, text, &pro).is_empty());
        // "optimist" is 3.0: common enough for the public, not for Easy
        // Read.
        let text = "Gran is an optimist about the weather.";
        assert!(flagged(RULE, text).is_empty());
        let easy = Settings::for_audience(Audience::EasyRead);
        assert_eq!(flagged_with(RULE, text, &easy), ["optimist"]);
        // Set by hand.
        let mut settings = Settings::default();
        settings.limits.min_word_frequency = Some(2.0);
        assert!(flagged_with(RULE, "We sat in the gazebo.", &settings).is_empty());
    }

    #[test]
    fn hyphenated_compounds_are_judged_by_their_parts() {
        assert!(flagged(RULE, "The skin was semi-erythematous today.").len() == 1);
        assert!(flagged(RULE, "It is a well-known place.").is_empty());
    }
}
