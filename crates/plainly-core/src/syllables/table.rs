//! Look-ups in the embedded syllable table that `build.rs` compiles from
//! `data/syllables.tsv` (CMUdict) and `data/british.tsv` (British counts,
//! which win). Nothing is parsed at start-up: the table is a hash table in
//! the bytes of the binary, read in place.

use super::table_format::{hash, slot_for, HEADER_LEN, MAGIC};

pub(crate) use super::table_format::MAX_WORD_LEN;

static TABLE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/syllables.bin"));

fn read_u32(at: usize) -> Option<u32> {
    let bytes = TABLE.get(at..at + 4)?;
    Some(u32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]))
}

/// The syllable count stored for `word` (lowercase ASCII), if any.
pub(crate) fn lookup(word: &[u8]) -> Option<u32> {
    if word.is_empty() || word.len() > MAX_WORD_LEN || TABLE.get(..4)? != MAGIC {
        return None;
    }
    let n_slots = read_u32(4)?;
    if n_slots == 0 {
        return None;
    }
    let blob = HEADER_LEN + n_slots as usize * 4;
    let mut i = slot_for(hash(word), n_slots);
    // Every probe sequence ends at an empty slot (the table is half empty);
    // the bound only guards against a corrupt table.
    for _ in 0..n_slots {
        let slot = read_u32(HEADER_LEN + i * 4)?;
        if slot == 0 {
            return None;
        }
        let entry = blob + slot as usize - 1;
        let len = usize::from(*TABLE.get(entry)?);
        let same = |stored: &[u8]| stored.iter().zip(word).all(|(a, b)| a == b);
        if len == word.len() && same(TABLE.get(entry + 2..entry + 2 + len)?) {
            return Some(u32::from(*TABLE.get(entry + 1)?));
        }
        i += 1;
        if i == n_slots as usize {
            i = 0;
        }
    }
    None
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
