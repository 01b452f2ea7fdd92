//! Finding what is at a place in the source: for editors, which ask about
//! the spot under the cursor.

use crate::{Counts, Document, Sentence};

impl<'s> Document<'s> {
    /// The sentence that covers byte `offset` (its end included), with its
    /// counts, counted as [`Document::metrics`] counts them. `None` when
    /// the offset is not in a sentence (code, markup, blank lines).
    ///
    /// ```
    /// let doc = plainly_core::Document::parse("Come in. Please sit down.\n");
    /// let (sentence, counts) = doc.sentence_at(12).unwrap();
    /// assert_eq!(sentence.text(), "Please sit down.");
    /// assert_eq!(counts.words, 3);
    /// assert!(doc.sentence_at(99).is_none());
    /// ```
    pub fn sentence_at(&self, offset: usize) -> Option<(Sentence<'_>, Counts)> {
        // Sentences are in source order and do not overlap.
        let after = self
            .sentences
            .partition_point(|s| s.start as usize <= offset);
        let data = self.sentences.get(after.checked_sub(1)?)?;
        if offset > data.end as usize {
            return None;
        }
        let counts = self.sentence_counts(data, false);
        Some((Sentence { doc: self, data }, counts))
    }
}
