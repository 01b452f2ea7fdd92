//! The layout of the embedded word tables (syllables, and word
//! frequencies), shared by `build.rs` (which writes them) and the library
//! (which reads them). Included by both with `#[path = ...]`, so it must
//! stay free of crate dependencies.
//!
//! Layout (all integers little-endian):
//!
//! ```text
//! 0..4    MAGIC (or FREQUENCY_MAGIC)
//! 4..8    number of slots, n (u32)
//! 8..12   length of the entry blob in bytes (u32)
//! 12..    n slots of u32: 0 = empty, otherwise 1 + byte offset of an entry in the blob
//! then    the blob: entries of [word length: u8][value: u8][word bytes]
//! ```
//!
//! The value is a syllable count in the syllable table, and a frequency in
//! tenths of the Zipf scale in the frequency table.
//!
//! The slots are an open-addressing hash table with linear probing: a word
//! lives in the first slot at or after `slot_for(hash(word), n)` (wrapping
//! round), and a lookup stops at the first empty slot. The table is built
//! with a load factor of about 0.5, so a probe sequence is short.

/// The first four bytes of the syllable table.
pub const MAGIC: [u8; 4] = *b"PSY1";

/// The first four bytes of the word-frequency table.
pub const FREQUENCY_MAGIC: [u8; 4] = *b"PWF1";

/// Bytes before the first slot: magic, slot count, blob length.
pub const HEADER_LEN: usize = 12;

/// The longest word (in bytes) the table may hold. Lookups lowercase a word
/// into a stack buffer of this size, so nothing longer can be looked up.
pub const MAX_WORD_LEN: usize = 48;

/// FNV-1a (32-bit) over the bytes, with a final avalanche so that the high
/// bits (which [`slot_for`] uses) depend on every input byte.
pub fn hash(word: &[u8]) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for &b in word {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    // murmur3's fmix32
    h ^= h >> 16;
    h = h.wrapping_mul(0x85eb_ca6b);
    h ^= h >> 13;
    h = h.wrapping_mul(0xc2b2_ae35);
    h ^= h >> 16;
    h
}

/// Map a hash to a slot in `0..n_slots` (Lemire's multiply-shift reduction).
pub fn slot_for(hash: u32, n_slots: u32) -> usize {
    ((u64::from(hash) * u64::from(n_slots)) >> 32) as usize
}

fn read_u32(table: &[u8], at: usize) -> Option<u32> {
    let bytes = table.get(at..at + 4)?;
    Some(u32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]))
}

/// The value stored for `word` in `table`, a table in this format that
/// starts with `magic`. `None` when the word is not there, and when the
/// table is not one (a corrupt table gives no answer, never a panic).
pub fn lookup(table: &[u8], magic: [u8; 4], word: &[u8]) -> Option<u8> {
    if word.is_empty() || word.len() > MAX_WORD_LEN || table.get(..4)? != magic {
        return None;
    }
    let n_slots = read_u32(table, 4)?;
    if n_slots == 0 {
        return None;
    }
    let blob = HEADER_LEN + n_slots as usize * 4;
    let mut i = slot_for(hash(word), n_slots);
    // Every probe sequence ends at an empty slot (the table is half empty);
    // the bound only guards against a corrupt table.
    for _ in 0..n_slots {
        let slot = read_u32(table, HEADER_LEN + i * 4)?;
        if slot == 0 {
            return None;
        }
        let entry = blob + slot as usize - 1;
        let len = usize::from(*table.get(entry)?);
        let same = |stored: &[u8]| stored.iter().zip(word).all(|(a, b)| a == b);
        if len == word.len() && same(table.get(entry + 2..entry + 2 + len)?) {
            return table.get(entry + 1).copied();
        }
        i += 1;
        if i == n_slots as usize {
            i = 0;
        }
    }
    None
}
