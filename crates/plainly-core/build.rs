//! Compiles the word data in `data/` into binary hash tables that the
//! library reads with `include_bytes!`, so it parses no text at start-up:
//!
//! - `syllables.bin` from the syllable lists, read by `src/syllables/table.rs`;
//! - `wordfreq.bin` from `data/wordfreq.tsv` and the UK everyday words of
//!   `wordlists/everyday-uk.tsv`, read by `src/frequency.rs`.
//!
//! The format is described in `src/syllables/table_format.rs`, which this
//! script shares with the library.

use std::collections::BTreeMap;
use std::env;
use std::fs;
use std::path::{Path, PathBuf};

#[path = "src/syllables/table_format.rs"]
#[allow(dead_code)] // the look-up is the library's
mod table_format;

use table_format::{hash, slot_for, FREQUENCY_MAGIC, HEADER_LEN, MAGIC, MAX_WORD_LEN};

const SOURCES: [&str; 2] = ["data/syllables.tsv", "data/british.tsv"];

const FREQUENCIES: &str = "data/wordfreq.tsv";
const EVERYDAY_UK: &str = "../../wordlists/everyday-uk.tsv";
/// What a UK everyday word counts as, at least, in tenths of the Zipf
/// scale; `src/frequency.rs` says why (its `EVERYDAY_UK`, kept equal by a
/// test there).
const EVERYDAY_UK_TENTHS: u8 = 45;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=src/syllables/table_format.rs");
    for source in SOURCES.iter().chain([&FREQUENCIES, &EVERYDAY_UK]) {
        println!("cargo:rerun-if-changed={source}");
    }

    let manifest_dir =
        PathBuf::from(env::var_os("CARGO_MANIFEST_DIR").expect("CARGO_MANIFEST_DIR"));
    // Later files override earlier ones: the British list wins over CMUdict.
    let mut words: BTreeMap<String, u8> = BTreeMap::new();
    for source in SOURCES {
        read_list(&manifest_dir.join(source), source, &mut words);
    }

    let out_dir = PathBuf::from(env::var_os("OUT_DIR").expect("OUT_DIR"));
    write(&out_dir.join("syllables.bin"), &build_table(&words, MAGIC));

    let mut frequencies = BTreeMap::new();
    read_frequencies(&manifest_dir.join(FREQUENCIES), &mut frequencies);
    read_everyday(&manifest_dir.join(EVERYDAY_UK), &mut frequencies);
    write(
        &out_dir.join("wordfreq.bin"),
        &build_table(&frequencies, FREQUENCY_MAGIC),
    );
}

fn write(path: &Path, bytes: &[u8]) {
    fs::write(path, bytes).unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
}

/// The lines of a data file that hold something: `#` comments and blank
/// lines left out, with their line numbers.
fn data_lines(path: &Path) -> Vec<(usize, String)> {
    let text =
        fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.starts_with('#') && !l.trim().is_empty())
        .map(|(i, l)| (i + 1, l.to_owned()))
        .collect()
}

/// `word<TAB>zipf` lines, the Zipf value with one decimal place, stored in
/// tenths.
fn read_frequencies(path: &Path, words: &mut BTreeMap<String, u8>) {
    for (line_no, line) in data_lines(path) {
        let (word, zipf) = line.split_once('\t').unwrap_or((&line, ""));
        let tenths = zipf
            .split_once('.')
            .and_then(|(whole, tenth)| {
                let whole: u8 = whole.parse().ok()?;
                let tenth: u8 = tenth.parse().ok().filter(|&t| t < 10 && tenth.len() == 1)?;
                whole.checked_mul(10)?.checked_add(tenth)
            })
            .filter(|&t| t <= 90)
            .unwrap_or_else(|| {
                panic!("{FREQUENCIES}:{line_no}: the frequency must be like 3.5: {line:?}")
            });
        check_word(word, FREQUENCIES, line_no);
        if words.insert(word.to_owned(), tenths).is_some() {
            panic!("{FREQUENCIES}:{line_no}: {word:?} is listed twice");
        }
    }
}

/// The first column of the UK everyday list (after its header line): each
/// word counts as at least [`EVERYDAY_UK_TENTHS`].
fn read_everyday(path: &Path, words: &mut BTreeMap<String, u8>) {
    for (line_no, line) in data_lines(path).into_iter().skip(1) {
        let word = line.split('\t').next().unwrap_or("");
        check_word(word, EVERYDAY_UK, line_no);
        let value = words.entry(word.to_owned()).or_insert(0);
        *value = (*value).max(EVERYDAY_UK_TENTHS);
    }
}

fn check_word(word: &str, name: &str, line_no: usize) {
    let ok = !word.is_empty()
        && word.len() <= MAX_WORD_LEN
        && word.bytes().all(|b| b.is_ascii_lowercase() || b == b'\'');
    assert!(
        ok,
        "{name}:{line_no}: the word must be lowercase a-z or ', at most {MAX_WORD_LEN} bytes: {word:?}"
    );
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

fn build_table(words: &BTreeMap<String, u8>, magic: [u8; 4]) -> Vec<u8> {
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
    out.extend_from_slice(&magic);
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
