//! The layout of the embedded syllable table, shared by `build.rs` (which
//! writes it) and the library (which reads it). Included by both with
//! `#[path = ...]`, so it must stay free of crate dependencies.
//!
//! Layout (all integers little-endian):
//!
//! ```text
//! 0..4    MAGIC
//! 4..8    number of slots, n (u32)
//! 8..12   length of the entry blob in bytes (u32)
//! 12..    n slots of u32: 0 = empty, otherwise 1 + byte offset of an entry in the blob
//! then    the blob: entries of [word length: u8][syllables: u8][word bytes]
//! ```
//!
//! The slots are an open-addressing hash table with linear probing: a word
//! lives in the first slot at or after `slot_for(hash(word), n)` (wrapping
//! round), and a lookup stops at the first empty slot. The table is built
//! with a load factor of about 0.5, so a probe sequence is short.

/// The first four bytes of a table built in this format.
pub const MAGIC: [u8; 4] = *b"PSY1";

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
