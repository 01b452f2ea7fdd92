//! Who the text is for, and the thresholds that follow.

use serde::Serialize;

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
}

/// Everything that changes what `check` reports.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    /// Who the text is for.
    pub audience: Audience,
    /// Rules switched off, by name.
    pub disabled: Vec<String>,
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
}
