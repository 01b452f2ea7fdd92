//! Syllable counting, as words are spoken in British English.
//!
//! [`count`] looks a word up in a table of about 120,000 words compiled into
//! the binary, and counts the rest with rules:
//!
//! 1. **The table.** Counts from the CMU Pronouncing Dictionary (CMUdict,
//!    BSD-style licence; see `data/syllables.tsv` for its notice), with a
//!    hand-written list of British counts (`data/british.tsv`: "aluminium",
//!    "secretary", "colour") compiled over them, so British speech wins
//!    where it differs. `build.rs` turns both into a hash table, so nothing
//!    is parsed at start-up.
//! 2. **British spellings** not in the table are rewritten to the American
//!    spelling CMUdict lists and looked up again ("organisation" as
//!    "organization", "centre" as "center", "paediatric" as "pediatric").
//! 3. **Inflections and prefixes** of table words: "walkers" is "walk" plus
//!    one, "reopened" is "re" plus "opened".
//! 4. **Rules** for everything else (see `syllables/rules.rs`): on the 5%
//!    of CMUdict held out of the table, which they were never tuned on,
//!    they get about 94% of words exactly right (`tests/syllable_accuracy.rs`).
//!
//! A word token may hold more than letters, and is read the way a person
//! would say it:
//!
//! - hyphenated and slashed compounds are the sum of their parts
//!   ("well-being", "and/or", "24/7"); `&` is "and" and `+` is "plus"
//!   ("A&E" is 3);
//! - possessives and contractions count with their word ("Patel's",
//!   "don't", "it'll");
//! - capitals not known as a word are spelled ("NHS" is 3, "W" is 3,
//!   "GPs" is 2), and some are said as words ("NICE", "Ofsted");
//!   dotted abbreviations are spelled ("U.K.", "e.g.");
//! - numbers as spoken: "17" is 3, "2023" is "twenty twenty-three",
//!   "£3.50" is "three pounds fifty", "2.5%" is "two point five per cent"
//!   (see `syllables/numbers.rs`);
//! - accented Latin letters are read without their accents ("café");
//!   Chinese, Japanese and Korean characters are a syllable each; other
//!   scripts get a rough count from their vowels or length.
//!
//! Tokens with no letter or digit count 0; any other token at least 1.
//! Nothing here allocates for ordinary words, and no input can panic.

mod acronyms;
pub(crate) mod british;
pub(crate) mod memo;
mod numbers;
mod rules;
mod table;
pub(crate) mod table_format;

use table::MAX_WORD_LEN;

/// How many syllables `word` has when spoken in British English.
///
/// `word` is one token as the tokenizer gives it: letters (any script),
/// digits, apostrophes, hyphens, dots, slashes, `£ $ € %` and `&`. Returns
/// 0 only when it has no letter or digit.
///
/// ```
/// use plainly_core::syllables::count;
/// assert_eq!(count("readability"), 5);
/// assert_eq!(count("organisation"), 5);
/// assert_eq!(count("NHS"), 3);
/// assert_eq!(count("£3.50"), 4);
/// assert_eq!(count("—"), 0);
/// ```
pub fn count(word: &str) -> u32 {
    count_token(word, Mode::Dictionary)
}

/// The rule-based counter alone, without the embedded table: for measuring
/// the rules on words held out of the table. Handles tokens as [`count`]
/// does.
#[doc(hidden)]
pub fn fallback_count(word: &str) -> u32 {
    count_token(word, Mode::Rules)
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Mode {
    /// Table first, then rules.
    Dictionary,
    /// Rules only.
    Rules,
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{2018}' | '\u{02bc}')
}

/// Combining marks (accents written as separate code points): skipped.
fn is_combining(c: char) -> bool {
    crate::words::is_mark(c)
}

/// Characters that belong to a piece of a token; anything else (hyphens,
/// slashes, `&`, `+`, colons, dashes, emoji) separates pieces.
fn is_piece_char(c: char) -> bool {
    c.is_alphanumeric()
        || is_apostrophe(c)
        || is_combining(c)
        || matches!(c, '.' | ',' | '£' | '$' | '€' | '¥' | '%')
}

fn count_token(token: &str, mode: Mode) -> u32 {
    // Fast path: an ordinary word that the table knows, in lowercase or
    // with a capital ("Care", "McDonald"; not "NHS" or "GPs", which may be
    // acronyms).
    let plain_case = |t: &str| {
        t.bytes().all(|b| b.is_ascii_lowercase())
            || t.as_bytes().get(1).is_some_and(u8::is_ascii_lowercase)
    };
    if mode == Mode::Dictionary
        && token.len() <= MAX_WORD_LEN
        && token.bytes().all(|b| b.is_ascii_alphabetic())
        && plain_case(token)
    {
        let mut buf = [0u8; MAX_WORD_LEN];
        if let Some(n) = table::lookup(lowercase(token.as_bytes(), &mut buf)) {
            return n;
        }
    }
    if !token.chars().any(char::is_alphanumeric) {
        return 0;
    }
    // CMUdict lists some compounds whole ("x-ray", "make-over").
    if mode == Mode::Dictionary && token.contains('-') {
        let mut buf = [0u8; MAX_WORD_LEN];
        if let Some(lower) = ascii_lower(token, &mut buf) {
            if let Some(n) = table::lookup(lower) {
                return n;
            }
        }
    }
    let mut total: u32 = 0;
    for piece in token.split(|c: char| !is_piece_char(c)) {
        total = total.saturating_add(count_piece(piece, mode));
    }
    // "A&E" is "A and E"; "LGBTQ+" ends in "plus".
    let spoken = token.chars().filter(|&c| c == '&' || c == '+').count();
    total = total.saturating_add(u32::try_from(spoken).unwrap_or(u32::MAX));
    total.max(1)
}

/// `s` in lowercase into `buf`, if it is all ASCII letters, `'` and `-` and
/// fits.
fn ascii_lower<'b>(s: &str, buf: &'b mut [u8; MAX_WORD_LEN]) -> Option<&'b [u8]> {
    if s.len() > MAX_WORD_LEN {
        return None;
    }
    for (i, b) in s.bytes().enumerate() {
        if !(b.is_ascii_alphabetic() || b == b'\'' || b == b'-') {
            return None;
        }
        buf[i] = b.to_ascii_lowercase();
    }
    Some(&buf[..s.len()])
}

/// One piece of a token: no separators left, but maybe digits, dots,
/// commas, currency signs and apostrophes.
fn count_piece(piece: &str, mode: Mode) -> u32 {
    // CMUdict lists some words with an apostrophe at an end ("doin'").
    if mode == Mode::Dictionary
        && piece.ends_with('\'')
        && piece.bytes().any(|b| b.is_ascii_lowercase())
    {
        let mut buf = [0u8; MAX_WORD_LEN];
        if let Some(n) = ascii_lower(piece, &mut buf).and_then(table::lookup) {
            return n;
        }
    }
    let piece = piece.trim_matches(|c: char| c == '.' || c == ',' || is_apostrophe(c));
    if !piece.chars().any(char::is_alphanumeric) {
        return 0;
    }
    if piece.bytes().any(|b| b.is_ascii_digit()) {
        return numbers::count(piece, &mut |w| count_word(w, mode));
    }
    // "U.K", "e.g", "Ph.D": each part alone (single letters are spelled).
    piece
        .split(['.', ','])
        .fold(0u32, |n, part| n.saturating_add(count_word(part, mode)))
}

/// A word folded to ASCII letters (and apostrophes), case kept, on the
/// stack. Longer words keep their first `MAX_WORD_LEN` bytes and say so.
struct Folded {
    buf: [u8; MAX_WORD_LEN],
    len: usize,
    /// Letters or apostrophes that did not fit.
    overflow: bool,
    /// Where a diaeresis starts a new syllable ("naïve" at 2, "Zoë" at 2).
    hiatus: [usize; 4],
    n_hiatus: usize,
}

impl Folded {
    fn as_bytes(&self) -> &[u8] {
        &self.buf[..self.len]
    }

    fn push(&mut self, s: &str, upper: bool) {
        for b in s.bytes() {
            if self.len == MAX_WORD_LEN {
                self.overflow = true;
                return;
            }
            self.buf[self.len] = if upper { b.to_ascii_uppercase() } else { b };
            self.len += 1;
        }
    }
}

/// The ASCII spelling of a Latin letter, without accents (lowercase), or
/// `None` for letters of other scripts.
fn fold_latin(lower: char) -> Option<&'static str> {
    const ASCII: &str = "abcdefghijklmnopqrstuvwxyz";
    Some(match lower {
        'a'..='z' => {
            let i = usize::from(lower as u8 - b'a');
            &ASCII[i..=i]
        }
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => "c",
        'ď' | 'đ' | 'ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => "e",
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => "g",
        'ĥ' | 'ħ' => "h",
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => "i",
        'ĵ' => "j",
        'ķ' => "k",
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => "l",
        'ñ' | 'ń' | 'ņ' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => "o",
        'œ' => "oe",
        'ŕ' | 'ŗ' | 'ř' => "r",
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' => "s",
        'ß' => "ss",
        'ţ' | 'ť' | 'ŧ' | 'ț' => "t",
        'þ' => "th",
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => "u",
        'ŵ' => "w",
        'ý' | 'ÿ' | 'ŷ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        _ => return None,
    })
}

fn is_ascii_vowel(b: u8) -> bool {
    matches!(
        b.to_ascii_lowercase(),
        b'a' | b'e' | b'i' | b'o' | b'u' | b'y'
    )
}

/// A word: letters of any script and apostrophes (other characters are
/// ignored). No digits, no separators.
fn count_word(word: &str, mode: Mode) -> u32 {
    let mut f = Folded {
        buf: [0; MAX_WORD_LEN],
        len: 0,
        overflow: false,
        hiatus: [0; 4],
        n_hiatus: 0,
    };
    if word.is_ascii() {
        for b in word
            .bytes()
            .filter(|b| b.is_ascii_alphabetic() || *b == b'\'')
        {
            if f.len == MAX_WORD_LEN {
                return count_long(word);
            }
            f.buf[f.len] = b;
            f.len += 1;
        }
        return count_ascii(f.as_bytes(), &[], mode);
    }
    let mut latin = 0usize;
    let mut other = false;
    for c in word.chars() {
        if is_apostrophe(c) {
            f.push("'", false);
        } else if c.is_alphabetic() {
            let lower = c.to_lowercase().next().unwrap_or(c);
            match fold_latin(lower) {
                Some(s) => {
                    // A diaeresis after a vowel starts a new syllable.
                    if matches!(lower, 'ä' | 'ë' | 'ï' | 'ö' | 'ü' | 'ÿ')
                        && f.len > 0
                        && is_ascii_vowel(f.buf[f.len - 1])
                        && f.n_hiatus < f.hiatus.len()
                    {
                        f.hiatus[f.n_hiatus] = f.len;
                        f.n_hiatus += 1;
                    }
                    f.push(s, c != lower);
                    latin += 1;
                }
                None => other = true,
            }
        } else if c.is_alphanumeric() {
            other = true;
        }
    }
    if other {
        return foreign::count(word);
    }
    if latin == 0 {
        return 0;
    }
    if f.overflow {
        return count_long(word);
    }
    count_ascii(f.as_bytes(), &f.hiatus[..f.n_hiatus], mode)
}

/// A word too long for the table (over `MAX_WORD_LEN` bytes): not a real
/// word, so rules alone, over its letters in table-sized chunks.
fn count_long(word: &str) -> u32 {
    let mut buf = [0u8; MAX_WORD_LEN];
    let mut len = 0;
    let mut total: u32 = 0;
    let letters = word
        .chars()
        .filter_map(|c| fold_latin(c.to_lowercase().next().unwrap_or(c)))
        .flat_map(str::bytes);
    for b in letters {
        buf[len] = b;
        len += 1;
        if len == MAX_WORD_LEN {
            total = total.saturating_add(rules::count_letters(&buf));
            len = 0;
        }
    }
    if len > 0 {
        total = total.saturating_add(rules::count_letters(&buf[..len]));
    }
    total.max(1)
}

/// Copy `w` into `buf` in lowercase.
fn lowercase<'b>(w: &[u8], buf: &'b mut [u8; MAX_WORD_LEN]) -> &'b [u8] {
    let n = w.len().min(MAX_WORD_LEN);
    for (d, s) in buf.iter_mut().zip(&w[..n]) {
        *d = s.to_ascii_lowercase();
    }
    &buf[..n]
}

/// Does the spoken word end in a hissing sound, so that 's adds a syllable
/// ("Patel's" no, "James's" and "George's" yes)? Capitals are letters:
/// "NHS's" ends in "ess".
fn ends_sibilant(stem: &[u8]) -> bool {
    if stem.len() >= 2 && stem.iter().all(u8::is_ascii_uppercase) {
        return matches!(stem.last(), Some(b'S' | b'X' | b'H'));
    }
    let mut buf = [0u8; MAX_WORD_LEN];
    let s = lowercase(stem, &mut buf);
    [
        &b"s"[..],
        b"x",
        b"z",
        b"ch",
        b"sh",
        b"ce",
        b"se",
        b"ze",
        b"ge",
    ]
    .iter()
    .any(|e| s.ends_with(e))
}

fn ends_consonant(stem: &[u8]) -> bool {
    stem.last()
        .is_some_and(|&b| b.is_ascii_alphabetic() && !is_ascii_vowel(b))
}

/// A folded word (ASCII letters, apostrophes; case kept). `hiatus` lists
/// positions where a diaeresis starts a syllable.
fn count_ascii(w: &[u8], hiatus: &[usize], mode: Mode) -> u32 {
    if !w.iter().any(u8::is_ascii_alphabetic) {
        return 0;
    }
    let mut buf = [0u8; MAX_WORD_LEN];
    let lower = lowercase(w, &mut buf);
    let all_caps = w.iter().filter(|b| b.is_ascii_alphabetic()).count() >= 2
        && !w.iter().any(u8::is_ascii_lowercase);

    if let Some(k) = w.iter().rposition(|&b| b == b'\'') {
        if mode == Mode::Dictionary && !all_caps {
            if let Some(n) = table::lookup(lower) {
                return n;
            }
        }
        let (stem, clitic) = (&w[..k], &lower[k + 1..]);
        let stem_hiatus = |h: &&usize| **h < k;
        let stem_count = |stem: &[u8]| {
            let h: &[usize] = if hiatus.iter().all(|h| stem_hiatus(&h)) {
                hiatus
            } else {
                &[]
            };
            count_ascii(stem, h, mode)
        };
        return match clitic {
            b"" => stem_count(stem),
            b"s" => stem_count(stem) + u32::from(ends_sibilant(stem)),
            b"t" if stem.last().is_some_and(|b| b.eq_ignore_ascii_case(&b'n')) => {
                // "couldn't" adds a syllable; "don't", "can't", "won't" do not
                let before_n = &stem[..stem.len() - 1];
                if ends_consonant(before_n) {
                    stem_count(before_n) + 1
                } else {
                    stem_count(stem)
                }
            }
            b"ll" | b"d" | b"re" | b"ve" => {
                // "it'll", "that'd", "could've" add one; "we'll", "I'd" do not
                stem_count(stem) + u32::from(ends_consonant(stem))
            }
            b"m" => stem_count(stem),
            _ => {
                // "O'Brien", "rock'n'roll": one word, apostrophes dropped
                let mut joined = [0u8; MAX_WORD_LEN];
                let mut n = 0;
                for &b in w.iter().filter(|&&b| b != b'\'') {
                    joined[n] = b;
                    n += 1;
                }
                count_ascii(&joined[..n], &[], mode)
            }
        };
    }

    if w.len() == 1 {
        return acronyms::letter(w[0]);
    }
    // "GPs", "CDs": spelled capitals with a plural s ("NHSs" is unlikely)
    if w.len() >= 3 && w[w.len() - 1] == b's' && w[..w.len() - 1].iter().all(u8::is_ascii_uppercase)
    {
        let stem = &w[..w.len() - 1];
        return count_ascii(stem, &[], mode) + u32::from(ends_sibilant(stem));
    }
    if all_caps {
        let in_table = mode == Mode::Dictionary && table::lookup(lower).is_some();
        if let acronyms::Reading::Count(n) = acronyms::reading(w, lower, in_table) {
            return n;
        }
    }
    if mode == Mode::Dictionary {
        if let Some(n) = dictionary(lower) {
            return n;
        }
    }
    // Short mixed-case abbreviations that cannot be said as a word are
    // spelled ("PfA", "PhD"); "SENCo", "eMAR", "iPad" are said as words.
    // No vowel letter at all: an abbreviation in lowercase ("pdf", "cctv",
    // "cds"), spelled; or a hum ("hmm", "shh"), one syllable.
    if (2..=5).contains(&lower.len()) && !lower.iter().any(|&b| is_ascii_vowel(b)) {
        if lower.iter().all(|b| b"hmsz".contains(b)) {
            return 1;
        }
        if let Some(stem) = lower.strip_suffix(b"s").filter(|s| s.len() >= 2) {
            return acronyms::spell(stem)
                + u32::from(matches!(stem.last(), Some(b's' | b'x' | b'h')));
        }
        return acronyms::spell(lower);
    }
    let capitals = w.iter().filter(|b| b.is_ascii_uppercase()).count();
    if capitals >= 2 && w.len() <= 5 && !w.starts_with(b"Mc") && !acronyms::pronounceable(lower) {
        return acronyms::spell(w);
    }
    count_rules(lower, hiatus)
}

/// The rules, split at any diaeresis ("na|ïve", "co|öperate").
fn count_rules(lower: &[u8], hiatus: &[usize]) -> u32 {
    let mut total = 0;
    let mut start = 0;
    for &h in hiatus.iter().filter(|&&h| h > 0 && h < lower.len()) {
        if h > start {
            total += rules::count_letters(&lower[start..h]);
            start = h;
        }
    }
    total + rules::count_letters(&lower[start..])
}

/// The table, then British rewrites, then inflections and prefixes of
/// table words.
fn dictionary(lower: &[u8]) -> Option<u32> {
    known(lower).or_else(|| affixes(lower))
}

/// The word as written, or a British rewrite of it.
fn known(lower: &[u8]) -> Option<u32> {
    table::lookup(lower).or_else(|| british::lookup_rewritten(lower, table::lookup))
}

/// Suffixes a table word can take, longest first, and the syllables each
/// adds (`-ed`, `-es`, `-s` depend on the stem; see [`suffix_syllables`]).
const SUFFIXES: &[&str] = &[
    "ments", "ment", "ness", "less", "ful", "ers", "est", "ing", "ed", "er", "ly", "es", "s",
];

/// Prefixes, and their syllables, that may go before a table word.
const PREFIXES: &[(&str, u32)] = &[
    ("counter", 2),
    ("inter", 2),
    ("multi", 2),
    ("super", 2),
    ("under", 2),
    ("anti", 2),
    ("over", 2),
    ("self", 1),
    ("semi", 2),
    ("dis", 1),
    ("mis", 1),
    ("non", 1),
    ("out", 1),
    ("pre", 1),
    ("sub", 1),
    ("re", 1),
    ("un", 1),
];

fn suffix_syllables(suffix: &str, stem: &[u8]) -> u32 {
    let ends = |e: &[u8]| stem.ends_with(e);
    u32::from(match suffix {
        // "places", "uses" add one; "hopes", "cats" do not
        "s" => [&b"ce"[..], b"se", b"ze", b"ge", b"xe"]
            .iter()
            .any(|e| ends(e)),
        // "boxes", "wishes" add one; "potatoes" does not
        "es" => [&b"s"[..], b"x", b"z", b"ch", b"sh"]
            .iter()
            .any(|e| ends(e)),
        // "wanted", "sided" add one; "jumped", "hoped" do not
        "ed" => [&b"t"[..], b"d", b"te", b"de"].iter().any(|e| ends(e)),
        _ => true,
    })
}

/// A table word plus a suffix ("walkers", "happiness", "stopped"), or a
/// prefix plus a table word ("reopened", "nonsmoker").
fn affixes(lower: &[u8]) -> Option<u32> {
    for suffix in SUFFIXES {
        let Some(stem) = lower.strip_suffix(suffix.as_bytes()) else {
            continue;
        };
        if stem.len() < 3 {
            continue;
        }
        // stem as is; "stopp" → "stop"; "happi" → "happy"; "hop" → "hope"
        let mut buf = [0u8; MAX_WORD_LEN];
        let n = stem.len();
        buf[..n].copy_from_slice(stem);
        let mut candidates: [Option<&[u8]>; 4] = [Some(stem), None, None, None];
        let last = stem[n - 1];
        if n >= 2
            && last == stem[n - 2]
            && !matches!(last, b'a' | b'e' | b'i' | b'o' | b'u' | b's' | b'l')
        {
            candidates[1] = Some(&stem[..n - 1]);
        }
        let mut y_buf = buf;
        if last == b'i' {
            y_buf[n - 1] = b'y';
            candidates[2] = Some(&y_buf[..n]);
        }
        let mut e_buf = buf;
        if n < MAX_WORD_LEN {
            e_buf[n] = b'e';
            candidates[3] = Some(&e_buf[..n + 1]);
        }
        for candidate in candidates.into_iter().flatten() {
            if let Some(n) = table::lookup(candidate) {
                return Some(n + suffix_syllables(suffix, candidate));
            }
        }
    }
    for &(prefix, syllables) in PREFIXES {
        if let Some(rest) = lower.strip_prefix(prefix.as_bytes()) {
            if rest.len() >= 4 {
                if let Some(n) = table::lookup(rest) {
                    return Some(n + syllables);
                }
            }
        }
    }
    None
}

mod foreign {
    //! Letters of scripts other than Latin: a rough count, never 0.

    fn is_cjk_syllable(c: char) -> bool {
        matches!(c,
            '\u{3040}'..='\u{30ff}'      // hiragana, katakana
            | '\u{3400}'..='\u{4dbf}'    // CJK extension A
            | '\u{4e00}'..='\u{9fff}'    // CJK unified ideographs
            | '\u{ac00}'..='\u{d7af}'    // Hangul syllables
            | '\u{f900}'..='\u{faff}'    // CJK compatibility ideographs
            | '\u{20000}'..='\u{2ffff}') // CJK extensions B onwards
    }

    fn is_vowel(c: char) -> bool {
        let lower = c.to_lowercase().next().unwrap_or(c);
        "aeiouyàáâãäåæèéêëìíîïòóôõöøœùúûüýÿ\
         αεηιουωάέήίόύώϊϋΐΰ\
         аеёиоуыэюяіїє"
            .contains(lower)
    }

    /// CJK characters are a syllable each; runs of vowels in alphabets with
    /// vowel letters (Latin, Greek, Cyrillic) are a syllable each; other
    /// letters (abjads, abugidas) one syllable for every three.
    pub(super) fn count(word: &str) -> u32 {
        let mut syllables: u32 = 0;
        let mut other_letters: u32 = 0;
        let mut in_vowel = false;
        for c in word.chars() {
            if is_cjk_syllable(c) {
                syllables = syllables.saturating_add(1);
                in_vowel = false;
            } else if is_vowel(c) {
                if !in_vowel {
                    syllables = syllables.saturating_add(1);
                }
                in_vowel = true;
            } else if c.is_alphabetic() {
                // consonants of alphabets with vowel letters count nothing;
                // letters of other scripts a third of a syllable each
                let alphabet = c.is_ascii_alphabetic()
                    || matches!(c, '\u{00c0}'..='\u{024f}' | '\u{0370}'..='\u{03ff}' | '\u{0400}'..='\u{04ff}');
                if !alphabet {
                    other_letters = other_letters.saturating_add(1);
                }
                in_vowel = false;
            } else if c.is_numeric() {
                syllables = syllables.saturating_add(1);
                in_vowel = false;
            }
        }
        syllables.saturating_add(other_letters.div_ceil(3)).max(1)
    }
}

/// Whether `word` is in the embedded pronouncing dictionary, in any case:
/// used to tell a word written in capitals for emphasis ("MUST") from an
/// abbreviation ("CQC"). Letters and apostrophes only; anything else is
/// not a dictionary word.
pub fn is_word(word: &str) -> bool {
    let mut buf = [0u8; MAX_WORD_LEN];
    if word.is_empty() || word.len() > MAX_WORD_LEN {
        return false;
    }
    for (d, b) in buf.iter_mut().zip(word.bytes()) {
        if !(b.is_ascii_alphabetic() || b == b'\'') {
            return false;
        }
        *d = b.to_ascii_lowercase();
    }
    table::lookup(&buf[..word.len()]).is_some()
}

#[cfg(test)]
mod tests {
    use super::{count, fallback_count};

    fn check(cases: &[(&str, u32)]) {
        let wrong: Vec<String> = cases
            .iter()
            .filter(|(w, want)| count(w) != *want)
            .map(|(w, want)| format!("{w:?}: got {}, want {want}", count(w)))
            .collect();
        assert!(wrong.is_empty(), "{wrong:#?}");
    }

    #[test]
    fn ordinary_words() {
        check(&[
            ("cat", 1),
            ("the", 1),
            ("readability", 5),
            ("syllable", 3),
            ("Readability", 5),
            ("CARE", 1),
        ]);
    }

    #[test]
    fn british_spellings() {
        check(&[
            ("organisation", 5),
            ("colour", 2),
            ("colours", 2),
            ("programme", 2),
            ("centre", 2),
            ("behaviour", 3),
            ("recognise", 3),
            ("paediatric", 4),
            ("anaemia", 4),
            ("travelled", 2),
            ("aluminium", 5),
        ]);
    }

    #[test]
    fn compounds_and_slashes() {
        check(&[
            ("well-being", 3),
            ("and/or", 2),
            ("24/7", 5),
            ("A&E", 3),
            ("self-employed", 3),
            ("x-ray", 2),
        ]);
    }

    #[test]
    fn possessives_and_contractions() {
        check(&[
            ("Patel's", 2),
            ("Patel’s", 2),
            ("James's", 2),
            ("George's", 2),
            ("children's", 2),
            ("parents'", 2),
            ("don't", 1),
            ("couldn't", 2),
            ("they're", 1),
            ("we'll", 1),
            ("it'll", 2),
            ("I'm", 1),
            ("O'Brien", 3),
        ]);
    }

    #[test]
    fn capitals() {
        check(&[
            ("NHS", 3),
            ("GP", 2),
            ("GPs", 2),
            ("NHS's", 4),
            ("CQC", 3),
            ("W", 3),
            ("WHO", 1), // a word in capitals
            ("NATO", 2),
            ("NICE", 1),
            ("SENCo", 2),
            ("PfA", 3),
            ("PhD", 3),
            ("eMAR", 2),
            ("pdf", 3),
            ("cctv", 4),
            ("hmm", 1),
            ("JSON", 2),
            ("Ofsted", 2),
            ("DO", 1),
            ("NOT", 1),
            ("UK", 2),
            ("US", 2),
            ("GDPR", 4),
            ("COPD", 4),
            ("BBC", 3),
            ("WWW", 9),
            ("U.K.", 2),
            ("e.g.", 2),
            ("i.e.", 2),
            ("etc.", 4),
        ]);
    }

    #[test]
    fn numbers() {
        check(&[
            ("5", 1),
            ("12", 1),
            ("17", 3),
            ("2023", 5),
            ("£3.50", 4),
            ("2.5%", 5),
            ("100%", 5),
            ("1st", 1),
            ("COVID-19", 4),
            ("B12", 2),
            ("3pm", 3),
        ]);
    }

    #[test]
    fn other_scripts_and_odd_input() {
        check(&[
            ("", 0),
            ("—", 0),
            ("...", 0),
            ("'", 0),
            ("😀", 0),
            ("café", 2),
            ("naïve", 2),
            ("Zoë", 2),
            ("東京", 2),
            ("こんにちは", 5),
            ("Москва", 2),
        ]);
        // Never 0 for anything with a letter or digit, and never a panic.
        for s in [
            "e\u{301}",
            "a\u{301}\u{301}\u{301}",
            "x😀y",
            "שלום",
            "नमस्ते",
            "١٢٣",
            "½",
            "'s",
            "n't",
            "-'-",
            "£",
            "£.",
            "1.2.3.4",
            "1,2,3",
            "99999999999999999999999999",
            "0.0000000001",
            "$-1",
            "\u{0}a",
        ] {
            let has_alnum = s.chars().any(char::is_alphanumeric);
            assert_eq!(count(s) >= 1, has_alnum, "{s:?}");
            assert_eq!(fallback_count(s) >= 1, has_alnum, "{s:?}");
        }
    }

    #[test]
    fn very_long_tokens() {
        let long = "abc".repeat(10_000);
        assert!(count(&long) >= 1);
        let long_caps = "NHS".repeat(1_000);
        assert!(count(&long_caps) >= 1);
        let digits = "9".repeat(5_000);
        assert!(count(&digits) >= 1);
        let mixed = "ab'c-".repeat(2_000);
        assert!(count(&mixed) >= 1);
    }

    proptest::proptest! {
        #[test]
        fn any_text_counts_without_panic(s in "\\PC{0,40}") {
            let has_alnum = s.chars().any(char::is_alphanumeric);
            proptest::prop_assert_eq!(count(&s) >= 1, has_alnum);
            proptest::prop_assert_eq!(fallback_count(&s) >= 1, has_alnum);
        }

        #[test]
        fn token_shapes_count_without_panic(s in "[A-Za-z0-9'’.,£$€%&/+éïΩж東-]{0,30}") {
            let has_alnum = s.chars().any(char::is_alphanumeric);
            proptest::prop_assert_eq!(count(&s) >= 1, has_alnum);
        }
    }

    #[test]
    fn fallback_ignores_the_table() {
        // "colonels" is in the table (2) but the rules read it as 3
        assert_eq!(count("colonels"), 2);
        assert_eq!(fallback_count("colonels"), 3);
    }
}
