//! Every key a settings file may hold: its name, the kind of value it takes
//! and what it does. The parser checks files against these tables, the JSON
//! Schema is written from them, and a test checks the starter file shows
//! them all, so the three cannot drift apart.

use plainly_core::Thresholds;

/// The kind of value a key takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// `public`, `easy-read` or `professional`.
    Audience,
    /// `error`, `warning` or `info`.
    Severity,
    /// `true` or `false`.
    Bool,
    /// A whole number, 1 or more.
    Count,
    /// A reading age: a number more than 0.
    Age,
    /// A word frequency on the Zipf scale, in
    /// [`plainly_core::Thresholds::WORD_FREQUENCY_RANGE`].
    Frequency,
    /// A list of words and phrases.
    Words,
    /// A list of file patterns.
    Globs,
    /// A table of terms: plainer words, or `{ explain = "..." }`.
    Jargon,
    /// A table of terms and their plainer words.
    ComplexWords,
    /// A table of abbreviations and what they stand for.
    Abbreviations,
    /// A table of rule tables.
    Rules,
    /// An array of override tables.
    Overrides,
}

/// One key.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Key {
    pub name: &'static str,
    pub kind: Kind,
    pub doc: &'static str,
}

const fn key(name: &'static str, kind: Kind, doc: &'static str) -> Key {
    Key { name, kind, doc }
}

const AUDIENCE: Key = key(
    "audience",
    Kind::Audience,
    "Who will read the documents; sets every limit. public (the default), easy-read or professional.",
);
const EXTEND_ALLOWED: Key = key(
    "extend-allowed",
    Kind::Words,
    "Words and phrases no rule ever flags, such as names of your services.",
);
const EXTEND_JARGON: Key = key(
    "extend-jargon",
    Kind::Jargon,
    "Your own jargon: each term with plainer words (several separated by \"; \"), or { explain = \"what it means\" } for a term to explain rather than replace.",
);
const EXTEND_COMPLEX_WORDS: Key = key(
    "extend-complex-words",
    Kind::ComplexWords,
    "Your own complex words, each with plainer words (several separated by \"; \").",
);
const EXTEND_ABBREVIATIONS: Key = key(
    "extend-abbreviations",
    Kind::Abbreviations,
    "Your own abbreviations, each with what it stands for.",
);
const RULES: Key = key(
    "rules",
    Kind::Rules,
    "Settings for each rule, under [rules.NAME]: enabled, severity and the rule's limits.",
);

/// Keys at the top of the file.
pub(crate) const TOP: &[Key] = &[
    AUDIENCE,
    EXTEND_ALLOWED,
    EXTEND_JARGON,
    EXTEND_COMPLEX_WORDS,
    EXTEND_ABBREVIATIONS,
    key(
        "exclude",
        Kind::Globs,
        "Files and folders never checked when searching folders. Replaces the built-in list (see extend-exclude).",
    ),
    key(
        "extend-exclude",
        Kind::Globs,
        "Files and folders never checked when searching folders, added to the built-in list.",
    ),
    RULES,
    key(
        "overrides",
        Kind::Overrides,
        "Settings for some files only, in [[overrides]] sections with files = [patterns]. Later sections win.",
    ),
];

/// Keys of an `[[overrides]]` section.
pub(crate) const OVERRIDE: &[Key] = &[
    key(
        "files",
        Kind::Globs,
        "The files this section applies to, as patterns relative to the settings file's folder.",
    ),
    AUDIENCE,
    EXTEND_ALLOWED,
    EXTEND_JARGON,
    EXTEND_COMPLEX_WORDS,
    EXTEND_ABBREVIATIONS,
    RULES,
];

/// Keys every `[rules.NAME]` table takes.
pub(crate) const RULE_COMMON: &[Key] = &[
    key(
        "enabled",
        Kind::Bool,
        "Whether the rule runs. true unless set.",
    ),
    key(
        "severity",
        Kind::Severity,
        "How serious its findings are: error, warning or info.",
    ),
];

/// The key of an `[[overrides]]` section that says which files it covers.
pub(crate) const FILES: &str = "files";

/// A limit one rule takes, beside `enabled` and `severity`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Threshold {
    pub rule: &'static str,
    pub key: Key,
    /// The audience's value, for the documentation.
    pub from_audience: fn(&Thresholds) -> String,
}

/// Every rule's limits.
pub(crate) const THRESHOLDS: &[Threshold] = &[
    Threshold {
        rule: "long-sentence",
        key: key(
            "max-words",
            Kind::Count,
            "A sentence with more words than this is flagged.",
        ),
        from_audience: |t| t.max_sentence_words.to_string(),
    },
    Threshold {
        rule: "long-paragraph",
        key: key(
            "max-sentences",
            Kind::Count,
            "A paragraph with more sentences than this is flagged.",
        ),
        from_audience: |t| t.max_paragraph_sentences.to_string(),
    },
    Threshold {
        rule: "reading-age",
        key: key(
            "max-age",
            Kind::Age,
            "A section with a reading age above this is flagged.",
        ),
        from_audience: |t| t.max_reading_age.to_string(),
    },
    Threshold {
        rule: "hard-sentence",
        key: key(
            "min-age",
            Kind::Age,
            "A sentence with a reading age of this or more is flagged.",
        ),
        from_audience: |t| t.hard_sentence_age.to_string(),
    },
    Threshold {
        rule: "undefined-abbreviation",
        key: key(
            "allow-well-known",
            Kind::Bool,
            "Whether well-known abbreviations such as NHS and GP pass without being spelt out.",
        ),
        from_audience: |t| t.well_known_abbreviations_pass.to_string(),
    },
    Threshold {
        rule: "jargon",
        key: key(
            "allow-explained-terms",
            Kind::Bool,
            "Whether terms of the trade (such as safeguarding) pass, rather than being flagged for explaining.",
        ),
        from_audience: |t| t.explain_terms_pass.to_string(),
    },
    Threshold {
        rule: "uncommon-word",
        key: key(
            "min-frequency",
            Kind::Frequency,
            "A word rarer than this on the Zipf scale is flagged: from 1.5 (only the rarest words) to 4.5 (all but common words). 3 is a word seen about once in a million.",
        ),
        from_audience: |t| format!("{:.1}", t.min_word_frequency),
    },
];

/// Every key `[rules.NAME]` takes: `enabled`, `severity`, then its limits.
pub(crate) fn rule_keys(rule: &str) -> Vec<Key> {
    RULE_COMMON
        .iter()
        .copied()
        .chain(THRESHOLDS.iter().filter(|t| t.rule == rule).map(|t| t.key))
        .collect()
}

/// The names of `keys`, for messages: "a, b, c".
pub(crate) fn names(keys: &[Key]) -> String {
    keys.iter().map(|k| k.name).collect::<Vec<_>>().join(", ")
}

/// The closest of `candidates` to `typed`, when one is close enough to be
/// what was meant.
pub(crate) fn nearest<'a>(
    typed: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let typed_lower = typed.to_lowercase();
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(&typed_lower, c), c))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_threshold_belongs_to_a_real_rule_and_names_are_unique() {
        let mut seen = std::collections::HashSet::new();
        for t in THRESHOLDS {
            assert!(
                plainly_core::rules::rule(t.rule).is_some(),
                "{} is not a rule",
                t.rule
            );
            assert!(seen.insert(t.key.name), "{} is used twice", t.key.name);
            assert!(RULE_COMMON.iter().all(|k| k.name != t.key.name));
        }
    }

    #[test]
    fn nearest_finds_typos_and_ignores_strangers() {
        let keys = ["enabled", "severity", "max-words"];
        assert_eq!(nearest("max-word", keys), Some("max-words"));
        assert_eq!(nearest("maxwords", keys), Some("max-words"));
        assert_eq!(nearest("Severity", keys), Some("severity"));
        assert_eq!(nearest("enable", keys), Some("enabled"));
        assert_eq!(nearest("colour", keys), None);
    }
}
