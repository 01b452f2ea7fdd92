//! Counts and readability scores.
//!
//! Counting choices, used by every formula below:
//!
//! - **word**: a token as [`crate::words`] defines it, in a block that counts
//!   towards scores (alt text does not). Numbers, inline code and web
//!   addresses are words.
//! - **sentence**: as [`crate::sentences`] defines it; every heading, list
//!   item and table cell is at least one.
//! - **syllables**: from [`crate::syllables::count`], which reads a word as
//!   it is said in British English. Numbers and codes with digits (`12`,
//!   `£3.50`, `01632 960 450`, `9am`, `WB1 3DP`), inline code and web
//!   addresses count as one syllable each. Flesch (1948) asked for figures
//!   to be counted as read aloud, but letters from services are full of
//!   phone numbers, dates, times and postcodes, which readers take in as
//!   familiar units; counted aloud ("oh one six three two...") they would
//!   make every such letter look hard. [`crate::syllables::count`] still
//!   gives the spoken count for anyone who wants it.
//! - **letters**: letters and digits in words (Coleman-Liau's "letters",
//!   ARI's "characters"). Punctuation and spaces do not count.
//! - **polysyllable** (SMOG): a word of three or more syllables.
//! - **complex word** (Gunning Fog): a polysyllable that is not a proper
//!   noun (capitalised, not first in its sentence), not a hyphenated
//!   compound, and not three syllables only because of an `-es`, `-ed` or
//!   `-ing` ending, as Gunning's rules say.
//! - **paragraph**: a paragraph or list item with at least one word.

use serde::Serialize;

/// The raw counts that scores are computed from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Words.
    pub words: u64,
    /// Sentences.
    pub sentences: u64,
    /// Syllables in all words.
    pub syllables: u64,
    /// Letters and digits in all words.
    pub letters: u64,
    /// Words of three or more syllables (SMOG).
    pub polysyllables: u64,
    /// Gunning Fog's complex words.
    pub complex_words: u64,
    /// Paragraphs and list items.
    pub paragraphs: u64,
}

impl std::ops::AddAssign for Counts {
    fn add_assign(&mut self, o: Counts) {
        self.words += o.words;
        self.sentences += o.sentences;
        self.syllables += o.syllables;
        self.letters += o.letters;
        self.polysyllables += o.polysyllables;
        self.complex_words += o.complex_words;
        self.paragraphs += o.paragraphs;
    }
}

/// Fewer words than this and every score is marked as less reliable: the
/// formulas were fitted on samples of 100 words or more.
pub const MIN_RELIABLE_WORDS: u64 = 100;

/// SMOG was defined on a sample of 30 sentences (McLaughlin 1969); with
/// fewer, its score is marked as less reliable.
pub const MIN_SMOG_SENTENCES: u64 = 30;

/// Readability scores. US grades, except Flesch Reading Ease (0 to 100,
/// higher is easier) and reading age (years, UK convention).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Scores {
    /// Flesch Reading Ease.
    pub flesch_reading_ease: f64,
    /// Flesch-Kincaid grade level.
    pub flesch_kincaid_grade: f64,
    /// Gunning Fog index.
    pub gunning_fog: f64,
    /// SMOG grade.
    pub smog: f64,
    /// Coleman-Liau index.
    pub coleman_liau: f64,
    /// Automated Readability Index.
    pub automated_readability: f64,
    /// Reading age in years: the median of the five grade scores, plus 5.
    pub reading_age: f64,
    /// False when the text has fewer than [`MIN_RELIABLE_WORDS`] words.
    pub reliable: bool,
    /// False when the text has fewer than [`MIN_SMOG_SENTENCES`] sentences.
    pub smog_reliable: bool,
}

/// The youngest reading age reported. A grade below zero means nothing; a
/// reader of any age can read such text.
pub const MIN_READING_AGE: f64 = 5.0;

impl Scores {
    /// Computes every score from `c`. `None` when there is no sentence or
    /// no word to score.
    pub fn from_counts(c: &Counts) -> Option<Scores> {
        if c.words == 0 || c.sentences == 0 {
            return None;
        }
        let words = c.words as f64;
        let sentences = c.sentences as f64;
        let words_per_sentence = words / sentences;
        let syllables_per_word = c.syllables as f64 / words;

        // Flesch, R. (1948). A new readability yardstick. Journal of Applied
        // Psychology 32(3): 221-233.
        let flesch_reading_ease = 206.835 - 1.015 * words_per_sentence - 84.6 * syllables_per_word;

        // Kincaid, J. P., Fishburne, R. P., Rogers, R. L. and Chissom, B. S.
        // (1975). Derivation of new readability formulas for Navy enlisted
        // personnel. Research Branch Report 8-75, Naval Technical Training.
        let flesch_kincaid_grade = 0.39 * words_per_sentence + 11.8 * syllables_per_word - 15.59;

        // Gunning, R. (1952). The Technique of Clear Writing. McGraw-Hill.
        let gunning_fog = 0.4 * (words_per_sentence + 100.0 * c.complex_words as f64 / words);

        // McLaughlin, G. H. (1969). SMOG grading: a new readability formula.
        // Journal of Reading 12(8): 639-646. The regression form, with the
        // polysyllable count scaled to 30 sentences.
        let smog = 1.0430 * (c.polysyllables as f64 * (30.0 / sentences)).sqrt() + 3.1291;

        // Coleman, M. and Liau, T. L. (1975). A computer readability formula
        // designed for machine scoring. Journal of Applied Psychology 60(2):
        // 283-284. L = letters per 100 words, S = sentences per 100 words.
        let l = c.letters as f64 / words * 100.0;
        let s = sentences / words * 100.0;
        let coleman_liau = 0.0588 * l - 0.296 * s - 15.8;

        // Senter, R. J. and Smith, E. A. (1967). Automated Readability Index.
        // AMRL-TR-6620, Wright-Patterson Air Force Base.
        let automated_readability =
            4.71 * (c.letters as f64 / words) + 0.5 * words_per_sentence - 21.43;

        // UK services speak of reading ages, not US grades: a US grade is a
        // school year, and UK convention adds 5 to get the age (grade 4 is
        // age 9). The median of the five grade formulas is the grade: it is
        // not pulled about by one formula that disagrees with the rest.
        let mut grades = [
            flesch_kincaid_grade,
            gunning_fog,
            smog,
            coleman_liau,
            automated_readability,
        ];
        grades.sort_by(f64::total_cmp);
        let reading_age = (grades[2] + 5.0).max(MIN_READING_AGE);

        let scores = Scores {
            flesch_reading_ease,
            flesch_kincaid_grade,
            gunning_fog,
            smog,
            coleman_liau,
            automated_readability,
            reading_age,
            reliable: c.words >= MIN_RELIABLE_WORDS,
            smog_reliable: c.sentences >= MIN_SMOG_SENTENCES,
        };
        // Counts are finite and words > 0, so every score is finite. Keep it
        // that way for anyone reading JSON: never NaN, never infinity.
        scores.all_finite().then_some(scores)
    }

    fn all_finite(&self) -> bool {
        [
            self.flesch_reading_ease,
            self.flesch_kincaid_grade,
            self.gunning_fog,
            self.smog,
            self.coleman_liau,
            self.automated_readability,
            self.reading_age,
        ]
        .iter()
        .all(|v| v.is_finite())
    }
}

/// A heading and the text under it, up to the next heading.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Section {
    /// The heading's text; `None` for text before the first heading.
    pub heading: Option<String>,
    /// From the heading (or the start of the document) to the next heading.
    pub span: crate::Span,
    /// The heading's span, where it has one.
    #[serde(skip)]
    pub heading_span: Option<crate::Span>,
    /// Counts for the section, heading included.
    pub counts: Counts,
    /// Scores for the section; `None` when it has no sentence.
    pub scores: Option<Scores>,
}

/// Counts and scores for a whole document and each of its sections.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Metrics {
    /// Counts for the whole document.
    pub counts: Counts,
    /// Scores for the whole document; `None` when it has no sentence.
    pub scores: Option<Scores>,
    /// One entry per heading, plus one for text before the first heading.
    pub sections: Vec<Section>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_sentences_means_no_scores() {
        assert_eq!(Scores::from_counts(&Counts::default()), None);
    }

    #[test]
    fn formulas_match_hand_worked_values() {
        // 100 words, 5 sentences, 140 syllables, 450 letters, 10
        // polysyllables, 8 complex words.
        let c = Counts {
            words: 100,
            sentences: 5,
            syllables: 140,
            letters: 450,
            polysyllables: 10,
            complex_words: 8,
            paragraphs: 1,
        };
        let s = Scores::from_counts(&c).unwrap();
        let close = |a: f64, b: f64| (a - b).abs() < 1e-9;
        assert!(close(
            s.flesch_reading_ease,
            206.835 - 1.015 * 20.0 - 84.6 * 1.4
        ));
        assert!(close(
            s.flesch_kincaid_grade,
            0.39 * 20.0 + 11.8 * 1.4 - 15.59
        ));
        assert!(close(s.gunning_fog, 0.4 * (20.0 + 8.0)));
        assert!(close(s.smog, 1.0430 * 60f64.sqrt() + 3.1291));
        assert!(close(s.coleman_liau, 0.0588 * 450.0 - 0.296 * 5.0 - 15.8));
        assert!(close(
            s.automated_readability,
            4.71 * 4.5 + 0.5 * 20.0 - 21.43
        ));
        assert!(s.reliable);
        assert!(!s.smog_reliable);
        // Grades: FK 8.73, Fog 11.2, SMOG 11.21, CL 9.18, ARI 9.765: median 9.765.
        assert!(close(s.reading_age, 4.71 * 4.5 + 0.5 * 20.0 - 21.43 + 5.0));
    }
}
