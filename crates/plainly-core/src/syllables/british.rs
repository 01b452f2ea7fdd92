//! British spellings, rewritten to the American spellings CMUdict lists so
//! the table can count them: "colour" is looked up as "color",
//! "organisation" as "organization", "centre" as "center".
//!
//! These rewrites are tried only after the word as written was not found,
//! so words that are the same in both (or that `data/british.tsv` lists
//! with their British count) are never rewritten. Where British speech
//! differs in syllable count, `data/british.tsv` holds the word, and that
//! list is compiled into the same table, so it wins before any rewrite.

use super::table::MAX_WORD_LEN;

/// A word being rewritten, on the stack.
#[derive(Clone, Copy)]
pub(crate) struct Word {
    buf: [u8; MAX_WORD_LEN],
    len: usize,
}

impl Word {
    pub(crate) fn new(w: &[u8]) -> Option<Word> {
        if w.len() > MAX_WORD_LEN {
            return None;
        }
        let mut buf = [0; MAX_WORD_LEN];
        buf[..w.len()].copy_from_slice(w);
        Some(Word { buf, len: w.len() })
    }

    pub(crate) fn as_bytes(&self) -> &[u8] {
        &self.buf[..self.len]
    }

    /// Replace `len` bytes at `at` with `with`; `None` if it would not fit.
    fn splice(&self, at: usize, len: usize, with: &[u8]) -> Option<Word> {
        let w = self.as_bytes();
        let new_len = w.len() - len + with.len();
        if at + len > w.len() || new_len > MAX_WORD_LEN {
            return None;
        }
        let mut buf = [0; MAX_WORD_LEN];
        buf[..at].copy_from_slice(&w[..at]);
        buf[at..at + with.len()].copy_from_slice(with);
        buf[at + with.len()..new_len].copy_from_slice(&w[at + len..]);
        Some(Word { buf, len: new_len })
    }

    /// Replace the ending `from` with `to`, if the word ends with `from`
    /// and keeps at least `min_stem` letters before it.
    fn swap_end(&self, from: &[u8], to: &[u8], min_stem: usize) -> Option<Word> {
        let w = self.as_bytes();
        if w.len() >= from.len() + min_stem && w.ends_with(from) {
            self.splice(w.len() - from.len(), from.len(), to)
        } else {
            None
        }
    }

    /// Replace every `from` at or after byte `min_at` with `to`.
    fn replace_all(&self, from: &[u8], to: &[u8], min_at: usize) -> Option<Word> {
        let mut out = *self;
        let mut i = min_at;
        let mut changed = false;
        while i + from.len() <= out.len {
            if &out.buf[i..i + from.len()] == from {
                out = out.splice(i, from.len(), to)?;
                i += to.len();
                changed = true;
            } else {
                i += 1;
            }
        }
        changed.then_some(out)
    }
}

fn is_consonant(b: u8) -> bool {
    b.is_ascii_lowercase() && !matches!(b, b'a' | b'e' | b'i' | b'o' | b'u' | b'y')
}

/// The rewrite rules, each British → American. Each returns the rewritten
/// word, or `None` if it does not apply.
const REWRITES: &[fn(&Word) -> Option<Word>] = &[
    // colour, favourite, behaviour, neighbours → color, favorite, ...
    |w| w.replace_all(b"our", b"or", 2),
    // organise, realised, recognising, organisation, ... → -ize
    |w| {
        const ENDINGS: &[&[u8]] = &[
            b"isations",
            b"isation",
            b"isable",
            b"ising",
            b"isers",
            b"iser",
            b"ised",
            b"ises",
            b"ise",
        ];
        let end = ENDINGS.iter().find(|e| w.as_bytes().ends_with(e))?;
        w.splice(w.len - end.len() + 1, 1, b"z")
    },
    // analyse, paralysed, catalysing → -yze
    |w| {
        const ENDINGS: &[&[u8]] = &[b"ysing", b"ysed", b"yses", b"yse", b"yser"];
        let end = ENDINGS.iter().find(|e| w.as_bytes().ends_with(e))?;
        w.splice(w.len - end.len() + 1, 1, b"z")
    },
    // centre, fibres, litre, theatres, centred, centring → -er
    |w| {
        let b = w.as_bytes();
        for (from, to) in [
            (&b"re"[..], &b"er"[..]),
            (b"res", b"ers"),
            (b"red", b"ered"),
            (b"ring", b"ering"),
        ] {
            if b.len() > from.len() + 1
                && b.ends_with(from)
                && is_consonant(b[b.len() - from.len() - 1])
                && b[b.len() - from.len() - 1] != b'r'
            {
                return w.swap_end(from, to, 2);
            }
        }
        None
    },
    // catalogue, dialogues, analogue, catalogued → -og
    |w| {
        w.swap_end(b"ogue", b"og", 2)
            .or_else(|| w.swap_end(b"ogues", b"ogs", 2))
            .or_else(|| w.swap_end(b"ogued", b"oged", 2))
            .or_else(|| w.swap_end(b"oguing", b"oging", 2))
    },
    // programme, programmes → program, programs
    |w| {
        w.swap_end(b"gramme", b"gram", 2)
            .or_else(|| w.swap_end(b"grammes", b"grams", 2))
    },
    // paediatric, anaemia, haemorrhage, orthopaedic → e
    |w| w.replace_all(b"ae", b"e", 1),
    // oesophagus, foetus, oestrogen, manoeuvre → e
    |w| w.replace_all(b"oe", b"e", 0),
    // travelled, counselling, modeller, counsellor, marvellous → one l
    |w| {
        const ENDINGS: &[&[u8]] = &[
            b"llations",
            b"llation",
            b"llings",
            b"lling",
            b"llers",
            b"ller",
            b"llors",
            b"llor",
            b"llous",
            b"llery",
            b"llist",
            b"llists",
            b"lled",
            b"llen",
        ];
        let end = ENDINGS.iter().find(|e| w.as_bytes().ends_with(e))?;
        let at = w.len - end.len();
        if at == 0 || !matches!(w.buf[at - 1], b'a' | b'e' | b'i' | b'o' | b'u') {
            return None;
        }
        w.splice(at, 1, b"")
    },
    // fulfil, enrol, instil, skilful, enrolment, fulfils → double l
    |w| {
        const ENDINGS: &[&[u8]] = &[b"lments", b"lment", b"lfully", b"lful", b"ls", b"l"];
        let end = ENDINGS.iter().find(|e| w.as_bytes().ends_with(e))?;
        let at = w.len - end.len();
        if at < 2 || !matches!(w.buf[at - 1], b'i' | b'o') || w.buf[at - 2] == w.buf[at - 1] {
            return None;
        }
        w.splice(at, 0, b"l")
    },
    // defence, licence, offence, pretence → -ense
    |w| {
        w.swap_end(b"ence", b"ense", 3)
            .or_else(|| w.swap_end(b"ences", b"enses", 3))
    },
    // judgement, acknowledgement, ageing → judgment, aging
    |w| {
        w.swap_end(b"gement", b"gment", 2)
            .or_else(|| w.swap_end(b"gements", b"gments", 2))
            .or_else(|| w.swap_end(b"geing", b"ging", 1))
    },
    // mould, smoulder, moult → mold, smolder, molt
    |w| w.replace_all(b"oul", b"ol", 1),
    // plough → plow
    |w| w.swap_end(b"ough", b"ow", 2),
];

/// Try each British → American rewrite of `word`, one at a time, then all
/// of them together, and return the first count `lookup` finds.
pub(crate) fn lookup_rewritten(word: &[u8], lookup: impl Fn(&[u8]) -> Option<u32>) -> Option<u32> {
    let original = Word::new(word)?;
    let mut all = original;
    let mut applied = 0;
    for rewrite in REWRITES {
        if let Some(one) = rewrite(&original) {
            if let Some(n) = lookup(one.as_bytes()) {
                return Some(n);
            }
        }
        if let Some(next) = rewrite(&all) {
            all = next;
            applied += 1;
        }
    }
    if applied > 1 {
        lookup(all.as_bytes())
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rewrites(w: &str) -> Vec<String> {
        let word = Word::new(w.as_bytes()).unwrap();
        REWRITES
            .iter()
            .filter_map(|r| r(&word))
            .map(|n| String::from_utf8(n.as_bytes().to_vec()).unwrap())
            .collect()
    }

    #[test]
    fn rewrites_british_spellings() {
        for (british, american) in [
            ("colour", "color"),
            ("organisation", "organization"),
            ("analysed", "analyzed"),
            ("centre", "center"),
            ("centred", "centered"),
            ("catalogue", "catalog"),
            ("programmes", "programs"),
            ("paediatric", "pediatric"),
            ("oesophagus", "esophagus"),
            ("travelled", "traveled"),
            ("counsellor", "counselor"),
            ("fulfil", "fulfill"),
            ("enrolment", "enrollment"),
            ("defence", "defense"),
            ("judgement", "judgment"),
            ("mould", "mold"),
            ("plough", "plow"),
        ] {
            assert!(
                rewrites(british).contains(&american.to_string()),
                "{british}: {:?}",
                rewrites(british)
            );
        }
    }

    #[test]
    fn no_rewrite_for_ordinary_words() {
        assert!(rewrites("cat").is_empty());
        assert!(rewrites("dog").is_empty());
    }
}
