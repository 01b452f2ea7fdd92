//! Look-ups in the embedded syllable table that `build.rs` compiles from
//! `data/syllables.tsv` (CMUdict) and `data/british.tsv` (British counts,
//! which win). Nothing is parsed at start-up: the table is a hash table in
//! the bytes of the binary, read in place.

use super::table_format::{self, MAGIC};

pub(crate) use super::table_format::MAX_WORD_LEN;

static TABLE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/syllables.bin"));

/// The syllable count stored for `word` (lowercase ASCII), if any.
pub(crate) fn lookup(word: &[u8]) -> Option<u32> {
    table_format::lookup(TABLE, MAGIC, word).map(u32::from)
}

#[cfg(test)]
mod tests {
    use super::lookup;

    #[test]
    fn finds_words_and_misses_others() {
        assert_eq!(lookup(b"cat"), Some(1));
        assert_eq!(lookup(b"syllable"), Some(3));
        assert_eq!(lookup(b"aluminium"), Some(5));
        assert_eq!(lookup(b"zzzzqqq"), None);
        assert_eq!(lookup(b""), None);
    }
}
