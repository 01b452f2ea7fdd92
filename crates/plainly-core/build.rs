//! Compiles the syllable word lists in `data/` into the binary hash table
//! that `src/syllables/table.rs` reads with `include_bytes!`, so the library
//! parses no text at start-up. The format is described in
//! `src/syllables/table_format.rs`, which this script shares with the library.

use std::collections::BTreeMap;
use std::env;
use std::fs;
use std::path::{Path, PathBuf};

#[path = "src/syllables/table_format.rs"]
mod table_format;

use table_format::{hash, slot_for, HEADER_LEN, MAGIC, MAX_WORD_LEN};

const SOURCES: [&str; 2] = ["data/syllables.tsv", "data/british.tsv"];

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=src/syllables/table_format.rs");
    for source in SOURCES {
        println!("cargo:rerun-if-changed={source}");
    }

    let manifest_dir =
        PathBuf::from(env::var_os("CARGO_MANIFEST_DIR").expect("CARGO_MANIFEST_DIR"));
    // Later files override earlier ones: the British list wins over CMUdict.
    let mut words: BTreeMap<String, u8> = BTreeMap::new();
    for source in SOURCES {
        read_list(&manifest_dir.join(source), source, &mut words);
    }

    let table = build_table(&words);
    let out = PathBuf::from(env::var_os("OUT_DIR").expect("OUT_DIR")).join("syllables.bin");
    fs::write(&out, table).unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));
}

/// Read `word<TAB>syllables[<TAB>anything]` lines; `#` starts a comment.
fn read_list(path: &Path, name: &str, words: &mut BTreeMap<String, u8>) {
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {name}: {e}"));
    let mut seen_here = BTreeMap::new();
    for (i, raw) in text.lines().enumerate() {
        let line_no = i + 1;
        let line = raw.split('#').next().unwrap_or("").trim_end();
        if line.trim().is_empty() {
            continue;
        }
        let mut cols = line.split('\t');
        let word = cols.next().unwrap_or("").trim();
        let count = cols.next().unwrap_or("").trim();
        let ok_word = !word.is_empty()
            && word.len() <= MAX_WORD_LEN
            && word
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b == b'\'' || b == b'-');
        assert!(
            ok_word,
            "{name}:{line_no}: the word must be lowercase a-z, ' or -, at most {MAX_WORD_LEN} bytes: {raw:?}"
        );
        let count: u8 = match count.parse() {
            Ok(n) if n >= 1 => n,
            _ => panic!("{name}:{line_no}: the syllable count must be a whole number from 1 to 255: {raw:?}"),
        };
        if let Some(prev) = seen_here.insert(word.to_owned(), line_no) {
            panic!("{name}:{line_no}: {word:?} is listed twice (also on line {prev})");
        }
        words.insert(word.to_owned(), count);
    }
}

fn build_table(words: &BTreeMap<String, u8>) -> Vec<u8> {
    let mut blob = Vec::new();
    let mut offsets = Vec::with_capacity(words.len());
    for (word, &count) in words {
        offsets.push((word.as_bytes(), blob.len()));
        blob.push(u8::try_from(word.len()).expect("word length fits in a byte"));
        blob.push(count);
        blob.extend_from_slice(word.as_bytes());
    }
    // Load factor about 0.5: short probe sequences for hits and misses alike.
    let n_slots = u32::try_from(words.len() * 2 + 1).expect("table fits in u32");
    let mut slots = vec![0u32; n_slots as usize];
    for (word, offset) in offsets {
        let mut i = slot_for(hash(word), n_slots);
        while slots[i] != 0 {
            i = (i + 1) % slots.len();
        }
        slots[i] = u32::try_from(offset + 1).expect("blob fits in u32");
    }

    let mut out = Vec::with_capacity(HEADER_LEN + slots.len() * 4 + blob.len());
    out.extend_from_slice(&MAGIC);
    out.extend_from_slice(&n_slots.to_le_bytes());
    out.extend_from_slice(
        &u32::try_from(blob.len())
            .expect("blob fits in u32")
            .to_le_bytes(),
    );
    for slot in slots {
        out.extend_from_slice(&slot.to_le_bytes());
    }
    out.extend_from_slice(&blob);
    out
}
