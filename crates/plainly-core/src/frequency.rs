//! How common a word is in everyday English, on the Zipf scale: log10 of
//! how often it is seen per billion words. 7 is "the", 5 "hospital", 4
//! "prescription", 3 "afforded", 2 "domiciliary".
//!
//! The numbers come from wordfreq (CC BY-SA 4.0; see `data/README.md` for
//! its notice), written into `data/wordfreq.tsv` by
//! `tools/gen_wordfreq.py`. `build.rs` compiles that file, with the UK
//! everyday words of `wordlists/everyday-uk.tsv` raised to
//! [`EVERYDAY_UK`], into a hash table in the binary, read in place: nothing
//! is parsed at start-up.
//!
//! wordfreq counts global English, so words people in the UK meet every
//! day in care, benefits and council letters ("carer", "council tax",
//! "payslip") score lower than their use here deserves. That is what the
//! UK list is for.
//!
//! [`of`] judges a word as the tokenizer gives it, and is worked out once
//! per distinct word when a document is read (see `lib.rs`), so rules read
//! one byte per word.

use crate::syllables::table_format::{self, FREQUENCY_MAGIC};

static TABLE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/wordfreq.bin"));

/// The value of a word this module does not judge: a number, a code, a
/// word with characters other than letters, apostrophes and hyphens, or
/// one of one or two letters.
pub(crate) const UNJUDGED: u8 = u8::MAX;

/// What a word in `wordlists/everyday-uk.tsv` counts as, at least, in
/// tenths: 4.5, about "prescription" or "neighbour", so it passes every
/// audience's cut-off.
pub(crate) const EVERYDAY_UK: u8 = 45;

/// The longest word looked up.
const MAX_LEN: usize = table_format::MAX_WORD_LEN;

/// The frequency of `lower` (lower-case ASCII letters and apostrophes)
/// exactly as listed, in tenths of the Zipf scale.
pub(crate) fn listed(lower: &[u8]) -> Option<u8> {
    table_format::lookup(TABLE, FREQUENCY_MAGIC, lower)
}

/// How common `word` is, in tenths of the Zipf scale: 0 when it is rarer
/// than [`FLOOR`], [`UNJUDGED`] when it is not a word this module judges.
///
/// - Case does not matter, and curly apostrophes are straight ones.
/// - A possessive is its word ("carer's", "carers'").
/// - An inflected form counts as often as its stem, when that is more
///   often: readers who know "reassess" know "reassessing".
/// - A British spelling counts as often as its American one, when that is
///   more often ("paediatric" as "pediatric").
/// - A hyphenated compound counts as often as its rarest part of three
///   letters or more ("well-being" as "being"), or as its parts written
///   together ("co-ordinate" as "coordinate"), whichever is more.
/// - A word written closed up from two words of three letters or more
///   counts as often as the rarer of them, when that is more often than
///   the word itself: readers work out "milkman", "handrail" and
///   "helpline" from their parts, though global English seldom writes them.
pub(crate) fn of(word: &str) -> u8 {
    let mut buf = [0u8; MAX_LEN];
    let Some(lower) = fold(word, &mut buf) else {
        return UNJUDGED;
    };
    let lower = strip_possessive(lower);
    let lower = trim(lower, |b| b == b'\'' || b == b'-');
    if !lower.contains(&b'-') {
        return single(lower);
    }
    // A compound: its rarest part, or the parts written together.
    let mut rarest = UNJUDGED;
    for part in lower.split(|&b| b == b'-') {
        let part = trim(part, |b| b == b'\'');
        if part.len() >= 3 {
            rarest = rarest.min(single(part));
        }
    }
    let mut joined = [0u8; MAX_LEN];
    let mut n = 0;
    for &b in lower.iter().filter(|&&b| b != b'-') {
        joined[n] = b;
        n += 1;
    }
    match listed(&joined[..n]) {
        Some(v) if rarest == UNJUDGED || v > rarest => v,
        _ => rarest,
    }
}

/// A word with no hyphen: as listed, as its stem or American spelling, or
/// as the two words it is made of.
fn single(lower: &[u8]) -> u8 {
    if lower.len() < 3 {
        return UNJUDGED;
    }
    let known = word_or_form(lower);
    if known >= EVERYDAY_UK {
        return known;
    }
    // Closed-up compounds: the best split into a listed word and a word
    // or a form of one ("goal" and "posts"), both known to most readers.
    // A part that is an ending ("cardiolo|gist", "vire|ment") is no word.
    let mut best = known;
    for at in 3..lower.len().saturating_sub(2) {
        let (left, right) = lower.split_at(at);
        match listed(left) {
            Some(left) if left > best && left >= KNOWN_PART && !ENDINGS.contains(&right) => {
                let right = word_or_form(right);
                if right >= KNOWN_PART {
                    best = best.max(left.min(right));
                }
            }
            _ => {}
        }
    }
    best
}

/// A word with no hyphen: as listed, or as its stem or American spelling.
fn word_or_form(lower: &[u8]) -> u8 {
    let own = listed(lower).unwrap_or(0);
    // Common enough for every audience: no need to look further.
    if own >= EVERYDAY_UK {
        return own;
    }
    let mut best = own;
    let mut consider = |w: &[u8]| {
        if let Some(v) = listed(w) {
            best = best.max(v);
        }
    };
    for_each_stem(lower, &mut consider);
    if let Some(v) =
        crate::syllables::british::lookup_rewritten(lower, |w| listed(w).map(u32::from))
    {
        best = best.max(v as u8);
    }
    best
}

/// How common each part of a closed-up compound must be for readers to
/// work the word out from its parts: 3.0, the public's cut-off.
const KNOWN_PART: u8 = 30;

/// Endings that wordfreq lists as words of their own (from text split at
/// odd places), so that no closed-up compound ends in one.
const ENDINGS: &[&[u8]] = &[
    b"able", b"ally", b"ance", b"ant", b"ants", b"ary", b"ate", b"ated", b"ates", b"ence", b"ent",
    b"ents", b"ery", b"gist", b"ial", b"ian", b"ible", b"ical", b"ics", b"ide", b"ine", b"ing",
    b"ings", b"ion", b"ions", b"ise", b"ised", b"ism", b"isms", b"ist", b"ists", b"itis", b"ity",
    b"ive", b"ives", b"ize", b"ized", b"less", b"logist", b"logy", b"ment", b"ments", b"ness",
    b"ogist", b"ology", b"ory", b"osis", b"ous", b"sion", b"tion", b"ure",
];

/// Endings that make another form of the same word, longest first.
/// Derivations that change the meaning more ("-ment", "-ity", "-ness")
/// are left out: "eligibility" is harder than "eligible".
const SUFFIXES: &[&[u8]] = &[
    b"ings", b"ers", b"est", b"ing", b"ies", b"ied", b"ed", b"er", b"es", b"ly", b"s",
];

/// Prefixes that make another form of a word a reader knows ("reapply",
/// "unpaid", "overpaid"), tried only with four letters or more after them.
const PREFIXES: &[&[u8]] = &[b"over", b"under", b"self", b"non", b"pre", b"re", b"un"];

/// Calls `f` with each word `lower` may be an inflected or prefixed form
/// of.
fn for_each_stem(lower: &[u8], f: &mut impl FnMut(&[u8])) {
    let mut buf = [0u8; MAX_LEN + 1];
    for suffix in SUFFIXES {
        let Some(stem) = lower.strip_suffix(*suffix) else {
            continue;
        };
        let n = stem.len();
        if n < 3 {
            continue;
        }
        buf[..n].copy_from_slice(stem);
        match *suffix {
            // "carries", "carried" → "carry"
            b"ies" | b"ied" => {
                buf[n] = b'y';
                f(&buf[..=n]);
                continue;
            }
            // "happily" → "happy"
            b"ly" if stem.ends_with(b"i") => {
                buf[n - 1] = b'y';
                f(&buf[..n]);
                continue;
            }
            // "flexibly" → "flexible"
            b"ly" if stem.ends_with(b"b") => {
                buf[n..n + 2].copy_from_slice(b"le");
                f(&buf[..n + 2]);
                continue;
            }
            _ => {}
        }
        f(stem);
        // "stopped" → "stop"
        if stem[n - 1] == stem[n - 2] && !matches!(stem[n - 1], b'a' | b'e' | b'i' | b'o' | b'u') {
            f(&stem[..n - 1]);
        }
        // "hoped", "caring", "carer" → "hope", "care", "care"
        if !matches!(*suffix, b"s" | b"ly") {
            buf[n] = b'e';
            f(&buf[..=n]);
        }
    }
    for prefix in PREFIXES {
        if let Some(rest) = lower.strip_prefix(*prefix) {
            if rest.len() >= 4 {
                f(rest);
            }
        }
    }
}

/// `word` in lower-case ASCII, with curly apostrophes made straight, if it
/// holds only letters, apostrophes and hyphens and fits.
fn fold<'b>(word: &str, buf: &'b mut [u8; MAX_LEN]) -> Option<&'b [u8]> {
    let mut n = 0;
    for c in word.chars() {
        let b = match c {
            'a'..='z' | '\'' | '-' => c as u8,
            'A'..='Z' => c.to_ascii_lowercase() as u8,
            '\u{2019}' | '\u{2018}' => b'\'',
            '\u{2010}' | '\u{2011}' => b'-',
            _ => return None,
        };
        *buf.get_mut(n)? = b;
        n += 1;
    }
    Some(&buf[..n])
}

/// `w` without a possessive ending: "carer's" and "carers'" are "carer"
/// and "carers".
fn strip_possessive(w: &[u8]) -> &[u8] {
    w.strip_suffix(b"'s")
        .or_else(|| w.strip_suffix(b"'"))
        .unwrap_or(w)
}

fn trim(w: &[u8], strip: impl Fn(u8) -> bool) -> &[u8] {
    let start = w.iter().position(|&b| !strip(b)).unwrap_or(w.len());
    let end = w.iter().rposition(|&b| !strip(b)).map_or(start, |e| e + 1);
    &w[start..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_gives_known_frequencies() {
        // wordfreq 3.1.1, English, rounded to tenths.
        assert_eq!(listed(b"the"), Some(77));
        assert_eq!(listed(b"afforded"), Some(35));
        assert_eq!(listed(b"domiciliary"), Some(19));
        assert_eq!(listed(b"hospital"), Some(51));
        assert_eq!(listed(b"don't"), Some(62));
        assert_eq!(listed(b"qqqzzz"), None);
        assert_eq!(listed(b""), None);
    }

    #[test]
    fn uk_everyday_words_are_raised() {
        // wordfreq gives "carer" 2.9; the UK list raises it.
        assert_eq!(listed(b"carer"), Some(EVERYDAY_UK));
    }

    #[test]
    fn words_are_judged_in_any_case_and_form() {
        assert_eq!(of("Hospital"), 51);
        assert_eq!(of("HOSPITAL"), 51);
        assert_eq!(of("hospital's"), 51);
        assert_eq!(of("hospital\u{2019}s"), 51);
        assert_eq!(of("hospitals'"), of("hospitals"));
        // An inflection counts as often as its stem when that is more.
        assert!(of("reassessing") >= listed(b"reassess").unwrap());
        assert!(of("flexibly") >= listed(b"flexible").unwrap());
        assert!(of("domiciliary") < 20);
        // British spellings count as often as the American ones.
        assert!(of("paediatrician") >= listed(b"pediatrician").unwrap());
    }

    #[test]
    fn compounds_are_judged_by_their_parts() {
        assert!(of("well-being") >= 40);
        assert!(of("co-ordinate") >= listed(b"coordinate").unwrap());
        assert!(of("domiciliary-based") < 20);
    }

    #[test]
    fn some_tokens_are_not_judged() {
        for w in ["3", "A4", "e.g.", "café", "and/or", "ok", "x", "", "-", "'"] {
            assert_eq!(of(w), UNJUDGED, "{w}");
        }
        assert_eq!(of(&"a".repeat(100)), UNJUDGED);
    }

    #[test]
    fn rare_words_score_low() {
        assert_eq!(of("qqqzzzxx"), 0);
        assert!(of("sesquipedalian") < 25);
    }
}
