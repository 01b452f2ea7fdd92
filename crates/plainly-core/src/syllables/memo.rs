//! A memo for what is worked out once per distinct word (its syllables and
//! the like): documents repeat their words, so most look-ups are hits.
//!
//! Words of up to 15 bytes, nearly all of them, are keyed by their bytes
//! and length packed into one `u128`, in a small open-addressing table of
//! their own: hashing and comparing a key is then a few instructions, with
//! no loop over the bytes. Longer words are keyed by their text.

use rustc_hash::FxHashMap;

/// The longest word keyed by its packed bytes.
const PACKED_MAX: usize = 15;

/// Values of type `V` for words borrowed from texts that live for `'t`.
#[derive(Debug)]
pub(crate) struct WordMemo<'t, V> {
    /// Open addressing with linear probing; a key of 0 (which no word
    /// packs to: its length is in the key) marks an empty slot. The length
    /// is a power of two, and at most half the slots are full.
    slots: Vec<(u128, V)>,
    filled: usize,
    long: FxHashMap<&'t str, V>,
}

impl<V> Default for WordMemo<'_, V> {
    fn default() -> Self {
        WordMemo {
            slots: Vec::new(),
            filled: 0,
            long: FxHashMap::default(),
        }
    }
}

impl<'t, V: Copy + Default> WordMemo<'t, V> {
    /// The value for `text[range]`, worked out by `make` the first time the
    /// word is seen. `range` must lie on character boundaries of `text`.
    #[inline]
    pub(crate) fn get(
        &mut self,
        text: &'t str,
        range: std::ops::Range<usize>,
        make: impl FnOnce(&'t str) -> V,
    ) -> V {
        let len = range.end.saturating_sub(range.start);
        if len == 0 || len > PACKED_MAX || self.slots.is_empty() {
            return self.get_slow(text, range, make);
        }
        let key = pack(text.as_bytes(), range.start, len);
        let mask = self.slots.len() - 1;
        let mut i = slot(key, mask);
        loop {
            let (k, v) = self.slots[i];
            if k == key {
                return v;
            }
            if k == 0 {
                break;
            }
            i = (i + 1) & mask;
        }
        self.get_slow(text, range, make)
    }

    /// A long word, a word not seen before, or the first word.
    #[cold]
    fn get_slow(
        &mut self,
        text: &'t str,
        range: std::ops::Range<usize>,
        make: impl FnOnce(&'t str) -> V,
    ) -> V {
        let len = range.end.saturating_sub(range.start);
        let word = text.get(range.clone()).unwrap_or("");
        if len == 0 || len > PACKED_MAX {
            return *self.long.entry(word).or_insert_with(|| make(word));
        }
        let value = make(word);
        if (self.filled + 1) * 2 > self.slots.len() {
            self.grow();
        }
        let key = pack(text.as_bytes(), range.start, len);
        self.insert(key, value);
        value
    }

    fn insert(&mut self, key: u128, value: V) {
        let mask = self.slots.len() - 1;
        let mut i = slot(key, mask);
        while self.slots[i].0 != 0 && self.slots[i].0 != key {
            i = (i + 1) & mask;
        }
        if self.slots[i].0 == 0 {
            self.filled += 1;
        }
        self.slots[i] = (key, value);
    }

    fn grow(&mut self) {
        let size = (self.slots.len() * 2).max(1024);
        let old = std::mem::replace(&mut self.slots, vec![(0, V::default()); size]);
        self.filled = 0;
        for (key, value) in old {
            if key != 0 {
                self.insert(key, value);
            }
        }
    }
}

/// Where a key's probe starts: a multiplicative hash of both halves.
#[inline]
fn slot(key: u128, mask: usize) -> usize {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    let (lo, hi) = (key as u64, (key >> 64) as u64);
    let h = (lo.wrapping_mul(K).rotate_left(29) ^ hi).wrapping_mul(K);
    (h >> 32) as usize & mask
}

/// `len` (1 to 15) bytes from `start`, with the length in the top byte.
/// Two words with the same key have the same bytes.
#[inline]
fn pack(bytes: &[u8], start: usize, len: usize) -> u128 {
    let raw = match bytes.get(start..start + 16) {
        // Usually there are 16 bytes to read at once: mask off the rest.
        Some(chunk) => {
            let mut b = [0u8; 16];
            b.copy_from_slice(chunk);
            u128::from_le_bytes(b)
        }
        None => {
            let mut b = [0u8; 16];
            let word = bytes.get(start..start + len).unwrap_or(&[]);
            b[..word.len()].copy_from_slice(word);
            u128::from_le_bytes(b)
        }
    };
    (raw & MASKS[len & 15]) | ((len as u128) << 120)
}

/// For each length, a mask that keeps that many low bytes.
static MASKS: [u128; 16] = {
    let mut masks = [0u128; 16];
    let mut len = 1;
    while len < 16 {
        masks[len] = (1u128 << (8 * len)) - 1;
        len += 1;
    }
    masks
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_word_same_value_and_different_words_apart() {
        let text =
            "care Care care caring carer carers a-very-long-word-indeed a-very-long-word-indeed! x";
        let mut memo = WordMemo::default();
        let mut made = Vec::new();
        let mut words = Vec::new();
        let mut at = 0;
        for w in text.split(' ') {
            words.push(at..at + w.len());
            at += w.len() + 1;
        }
        for r in &words {
            let v = memo.get(text, r.clone(), |w| {
                made.push(w);
                w.len()
            });
            assert_eq!(v, r.len());
        }
        // "care" and the long word are made once each; every other word once.
        assert_eq!(
            made,
            vec![
                "care",
                "Care",
                "caring",
                "carer",
                "carers",
                "a-very-long-word-indeed",
                "a-very-long-word-indeed!",
                "x"
            ]
        );
    }

    #[test]
    fn keys_differ_by_length_and_bytes() {
        let text = "aa\0a";
        // "a", "aa" and "aa\0" are three different words.
        let a = pack(text.as_bytes(), 0, 1);
        let aa = pack(text.as_bytes(), 0, 2);
        let aa0 = pack(text.as_bytes(), 0, 3);
        assert_ne!(a, aa);
        assert_ne!(aa, aa0);
        assert_eq!(pack(b"xaa", 1, 2), aa);
    }
}
