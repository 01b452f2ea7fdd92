//! Who the text is for, and the thresholds that follow.

use serde::Serialize;

use crate::diagnostic::Severity;

/// Who will read the document. Sets every threshold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Audience {
    /// The general public: letters, leaflets, web pages. The default.
    #[default]
    Public,
    /// Easy Read: people with a learning disability or low literacy.
    EasyRead,
    /// Staff and professionals: still plain, with their own terms allowed.
    Professional,
}

impl Audience {
    /// Every audience, in the order they are listed to users.
    pub const ALL: [Audience; 3] = [Audience::Public, Audience::EasyRead, Audience::Professional];

    /// The name users type: `public`, `easy-read` or `professional`.
    pub const fn name(self) -> &'static str {
        match self {
            Audience::Public => "public",
            Audience::EasyRead => "easy-read",
            Audience::Professional => "professional",
        }
    }

    /// The audience with this name.
    pub fn from_name(name: &str) -> Option<Audience> {
        Audience::ALL.into_iter().find(|a| a.name() == name)
    }

    /// The thresholds for this audience.
    pub const fn thresholds(self) -> Thresholds {
        match self {
            // GOV.UK's style guide: sentences of 25 words or fewer. NHS
            // digital service manual: aim for a reading age of 9 to 11, so
            // sections above 11 are flagged. Plain English Campaign: keep
            // paragraphs short; 5 sentences is generous.
            Audience::Public => Thresholds {
                max_sentence_words: 25,
                max_paragraph_sentences: 5,
                max_reading_age: 11.0,
                hard_sentence_age: 15.0,
                well_known_abbreviations_pass: true,
                explain_terms_pass: false,
                // The Zipf scale's authors (van Heuven and others, 2014)
                // call words of 1 to 3 low-frequency and 4 to 7
                // high-frequency: under 3 (seen less than once in a million
                // words) is rare for the public. Measured on the labelled
                // sets in `tests/data/`: at 3.0 no clean sentence gains a
                // finding; at 3.3 five to eight sets' sentences do
                // ("hoist", "escalator", "silo").
                min_word_frequency: 3.0,
            },
            // Easy Read guidance (Mencap's "Am I making myself clear?", and
            // the Department of Health's Easy Read guide): short sentences,
            // about 15 words at most, one idea each; few sentences a
            // paragraph; write out every abbreviation, even well-known ones.
            Audience::EasyRead => Thresholds {
                max_sentence_words: 15,
                max_paragraph_sentences: 3,
                max_reading_age: 9.0,
                hard_sentence_age: 12.0,
                well_known_abbreviations_pass: false,
                explain_terms_pass: false,
                // Easy Read guidance asks for everyday words only, so the
                // cut-off is higher than for the public. Not 3.5: word
                // counts of global English under-rate everyday things, and
                // at 3.5 "jug", "dizzy" and "burglary" (3.3 to 3.4) are
                // flagged. At 3.3, 4 of the 822 clean sentences in
                // `tests/data/` are ("silo", "optimist", "shone").
                min_word_frequency: 3.3,
            },
            // GOV.UK: specialists also prefer plain English, but they know
            // their field's terms. Longer sentences (35 words) and a reading
            // age up to 14 are tolerated; terms of the trade (`explain`
            // entries such as "safeguarding") pass.
            Audience::Professional => Thresholds {
                max_sentence_words: 35,
                max_paragraph_sentences: 8,
                max_reading_age: 14.0,
                hard_sentence_age: 18.0,
                well_known_abbreviations_pass: true,
                explain_terms_pass: true,
                // Specialists read more widely and know the words of their
                // field ("cardiologist" is 2.8): half a step lower than for
                // the public.
                min_word_frequency: 2.5,
            },
        }
    }

    /// How to describe the target reading age to a writer.
    pub fn target_text(self) -> &'static str {
        match self {
            Audience::Public => "Aim for 9 to 11.",
            Audience::EasyRead => "Aim for 9 or under.",
            Audience::Professional => "Aim for 14 or under.",
        }
    }
}

/// The limits rules apply. Set by the [`Audience`].
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Thresholds {
    /// `long-sentence`: more words than this is too many.
    pub max_sentence_words: usize,
    /// `long-paragraph`: more sentences than this is too many.
    pub max_paragraph_sentences: usize,
    /// `reading-age`: a section above this reading age is flagged.
    pub max_reading_age: f64,
    /// `hard-sentence`: a sentence at or above this reading age is flagged.
    pub hard_sentence_age: f64,
    /// `undefined-abbreviation`: whether NHS, GP, UK and the like pass.
    pub well_known_abbreviations_pass: bool,
    /// `jargon`: whether terms of the trade (entries of kind `explain`) pass.
    pub explain_terms_pass: bool,
    /// `uncommon-word`: a word rarer than this on the Zipf scale (log10 of
    /// how often it is seen per billion words) is flagged.
    pub min_word_frequency: f64,
}

impl Thresholds {
    /// The values [`Thresholds::min_word_frequency`] may usefully take: the
    /// word-frequency table holds words down to 1.5 on the Zipf scale (a
    /// word not in it counts as rarer), and words of the UK everyday list
    /// count as 4.5.
    pub const WORD_FREQUENCY_RANGE: (f64, f64) = (1.5, 4.5);
}

/// Everything that changes what `check` reports.
///
/// Built from the audience, then adjusted: by `plainly.toml`, by an
/// editor's settings, or by a program that uses the library.
///
/// ```
/// use plainly_core::{check, Audience, CustomTerm, Settings, Severity};
/// let mut settings = Settings::for_audience(Audience::Public);
/// settings.limits.max_sentence_words = Some(12);
/// settings.severity.insert("complex-word".into(), Severity::Error);
/// settings.words.jargon.push(CustomTerm::new("wellness pod", ["drop-in room"]));
/// settings.words.allowed.push("utilise".into());
/// let report = check("The wellness pod will utilise the hall.", &settings);
/// assert_eq!(report.diagnostics.len(), 1);
/// assert_eq!(report.diagnostics[0].rule, "jargon");
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Settings {
    /// Who the text is for.
    pub audience: Audience,
    /// Rules switched off, by name.
    pub disabled: Vec<String>,
    /// Severities that replace a rule's own, by rule name.
    pub severity: std::collections::BTreeMap<String, Severity>,
    /// Limits that replace the audience's.
    pub limits: Limits,
    /// Words added to the built-in lists, and words never flagged.
    pub words: CustomWords,
}

impl Settings {
    /// Settings for `audience`, everything else as default.
    pub fn for_audience(audience: Audience) -> Self {
        Settings {
            audience,
            ..Settings::default()
        }
    }

    /// Whether the rule called `name` runs.
    pub fn enabled(&self, name: &str) -> bool {
        !self.disabled.iter().any(|d| d == name)
    }

    /// The audience's thresholds with [`Settings::limits`] applied.
    pub fn thresholds(&self) -> Thresholds {
        let mut t = self.audience.thresholds();
        let l = &self.limits;
        if let Some(v) = l.max_sentence_words {
            t.max_sentence_words = v;
        }
        if let Some(v) = l.max_paragraph_sentences {
            t.max_paragraph_sentences = v;
        }
        if let Some(v) = l.max_reading_age {
            t.max_reading_age = v;
        }
        if let Some(v) = l.hard_sentence_age {
            t.hard_sentence_age = v;
        }
        if let Some(v) = l.well_known_abbreviations_pass {
            t.well_known_abbreviations_pass = v;
        }
        if let Some(v) = l.explain_terms_pass {
            t.explain_terms_pass = v;
        }
        if let Some(v) = l.min_word_frequency {
            t.min_word_frequency = v;
        }
        t
    }
}

/// Limits set by hand. Each one left as `None` comes from the audience
/// (see [`Thresholds`] for what each means).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Limits {
    /// `long-sentence`: `max-words`.
    pub max_sentence_words: Option<usize>,
    /// `long-paragraph`: `max-sentences`.
    pub max_paragraph_sentences: Option<usize>,
    /// `reading-age`: `max-age`.
    pub max_reading_age: Option<f64>,
    /// `hard-sentence`: `min-age`.
    pub hard_sentence_age: Option<f64>,
    /// `undefined-abbreviation`: `allow-well-known`.
    pub well_known_abbreviations_pass: Option<bool>,
    /// `jargon`: `allow-explained-terms`, whether terms of the trade pass.
    pub explain_terms_pass: Option<bool>,
    /// `uncommon-word`: `min-frequency`, on the Zipf scale.
    pub min_word_frequency: Option<f64>,
}

/// A project's own words: added to the built-in lists, or never flagged.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CustomWords {
    /// Extra `jargon` terms.
    pub jargon: Vec<CustomTerm>,
    /// Extra `complex-word` terms.
    pub complex_words: Vec<CustomTerm>,
    /// Extra abbreviations, with what they stand for.
    pub abbreviations: Vec<CustomAbbreviation>,
    /// Words and phrases no rule flags, in any case or inflection.
    pub allowed: Vec<String>,
}

impl CustomWords {
    /// Whether there is nothing here.
    pub fn is_empty(&self) -> bool {
        self.jargon.is_empty()
            && self.complex_words.is_empty()
            && self.abbreviations.is_empty()
            && self.allowed.is_empty()
    }
}

/// A term a project adds to a list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CustomTerm {
    /// The term, in its base form ("care navigator"). Inflections and
    /// American spellings are matched too.
    pub term: String,
    /// Plainer words to use instead, best first. For a term to explain,
    /// the explanation.
    pub plain: Vec<String>,
    /// Jargon only: a real term to explain where it is first used, rather
    /// than replace.
    pub explain: bool,
}

impl CustomTerm {
    /// A term to replace with `plain`.
    pub fn new<S: Into<String>>(
        term: impl Into<String>,
        plain: impl IntoIterator<Item = S>,
    ) -> Self {
        CustomTerm {
            term: term.into(),
            plain: plain.into_iter().map(Into::into).collect(),
            explain: false,
        }
    }
}

/// An abbreviation a project adds, with what it stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CustomAbbreviation {
    /// As written: `LD`, `DoLS`.
    pub abbreviation: String,
    /// What it stands for.
    pub expansion: String,
}
