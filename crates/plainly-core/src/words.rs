//! Words: what counts as one, and how a block's text is cut into them.
//!
//! A **word** is a run of letters and digits, with these joined inside it:
//!
//! - apostrophes before a letter: `don't`, `O'Brien`, `Patel's`;
//! - hyphens between letters or digits: `co-production`, `24-hour` (one
//!   word; its syllables are those of its parts);
//! - full stops between digits, or between the one- or two-letter pieces of
//!   a dotted abbreviation, whose final stop is part of the word too:
//!   `3.2`, `£3.50`, `e.g.`, `U.K.`, `a.m.`;
//! - a slash between letters or digits: `24/7`, `and/or`;
//! - a comma before three digits, a colon between digits: `1,000`, `10:30`;
//! - an ampersand between capitals: `A&E`;
//! - a currency sign before a digit and a per cent sign after one: `£5`, `2.5%`.
//!
//! Web addresses and email addresses are one word each (kind
//! [`WordKind::Link`]), as are inline code spans ([`WordKind::Code`]).
//! Anything else that is not a space (punctuation, symbols, emoji) is a
//! punctuation token: not a word, but the sentence splitter reads it.

use serde::Serialize;

/// What sort of word a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum WordKind {
    /// An ordinary word, possibly with digits in it.
    Word,
    /// A number, or a code with a digit in it: `12`, `£3.50`, `24/7`,
    /// `2.5%`, `9am`, `WB1`.
    Number,
    /// Inline code. Counted as a word, never flagged.
    Code,
    /// A web or email address. Counted as a word, never flagged.
    Link,
}

/// A token in a block's text: a word, or one punctuation character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Token {
    pub start: u32,
    pub end: u32,
    /// `None` for punctuation.
    pub word: Option<WordKind>,
}

impl Token {
    pub fn text(self, text: &str) -> &str {
        text.get(self.start as usize..self.end as usize)
            .unwrap_or("")
    }
}

/// Whether `c` can be part of a word's letters.
pub(crate) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_mark(c)
}

/// Combining marks (accents typed as separate characters) stay with their
/// letter.
pub(crate) fn is_mark(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{FE20}'..='\u{FE2F}'
        | '\u{200D}')
}

fn is_currency(c: char) -> bool {
    matches!(c, '£' | '$' | '€')
}

/// Cuts `text` into tokens. `atoms` are ranges that are one word each
/// (inline code), sorted.
///
/// Most text is ASCII words, spaces and plain punctuation: those are taken
/// in one pass over their bytes ([`ascii_word_end`]). Anything else (a
/// character outside ASCII, a hyphen or stop that might join a word, a
/// currency sign) goes through [`slow_token`], which decides every case.
#[cfg(test)]
pub(crate) fn tokenize(text: &str, atoms: &[std::ops::Range<usize>], out: &mut Vec<Token>) {
    tokenize_marking(text, atoms, out, &mut Vec::new());
}

/// Whether a token may end a sentence: a full stop, `?`, `!` or `…`, or a
/// word ending in a full stop ("e.g."). [`crate::sentences`] decides.
pub(crate) fn may_end_sentence(text: &str, t: Token) -> bool {
    let bytes = text.as_bytes();
    match t.word {
        // 0xE2 starts "…".
        None => matches!(bytes.get(t.start as usize), Some(b'.' | b'?' | b'!' | 0xE2)),
        Some(WordKind::Word) => t.end > t.start && bytes.get(t.end as usize - 1) == Some(&b'.'),
        Some(_) => false,
    }
}

/// [`tokenize`], also marking in `ends` the index of every token that
/// [`may_end_sentence`], so the sentence splitter need not look at the
/// others.
pub(crate) fn tokenize_marking(
    text: &str,
    atoms: &[std::ops::Range<usize>],
    out: &mut Vec<Token>,
    ends: &mut Vec<u32>,
) {
    out.clear();
    ends.clear();
    // About one token for every five bytes of prose.
    out.reserve(text.len() / 5);
    let bytes = text.as_bytes();
    let mut atom = 0;
    // Where the next atom starts: no word runs into it.
    let mut next_atom = atoms.first().map_or(text.len(), |a| a.start);
    let mut i = 0;
    while i < bytes.len() {
        if i >= next_atom {
            while atoms.get(atom).is_some_and(|a| a.end <= i) {
                atom += 1;
            }
            next_atom = atoms.get(atom).map_or(text.len(), |a| a.start);
            if let Some(a) = atoms.get(atom).filter(|a| a.start == i) {
                out.push(tok(a.start, a.end, Some(WordKind::Code)));
                i = a.end;
                atom += 1;
                next_atom = atoms.get(atom).map_or(text.len(), |a| a.start);
                continue;
            }
        }
        match ASCII_CLASS[usize::from(bytes[i])] {
            SPACE => i += 1,
            // A stop or hyphen that starts a token is not part of a word.
            PUNCT | JOINER => {
                if matches!(bytes[i], b'.' | b'?' | b'!') {
                    ends.push(out.len() as u32);
                }
                out.push(tok(i, i + 1, None));
                i += 1;
            }
            class @ (LETTER | DIGIT) => match ascii_word_end(bytes, i, next_atom) {
                Some((end, digit)) => {
                    let kind = if digit || class == DIGIT {
                        WordKind::Number
                    } else {
                        WordKind::Word
                    };
                    out.push(tok(i, end, Some(kind)));
                    // The space after a word, as the loop would skip it (a
                    // word never ends at an atom's start with a space).
                    i = if bytes.get(end) == Some(&b' ') {
                        end + 1
                    } else {
                        end
                    };
                }
                None => i = slow_token(text, i, next_atom, out, ends),
            },
            _ => i = slow_token(text, i, next_atom, out, ends),
        }
    }
}

/// If the word starting at `start` (an ASCII letter or digit) is a plain
/// run of ASCII letters and digits that nothing can join on to, where it
/// ends and whether it holds a digit. `None` when the slow path must
/// decide: a character outside ASCII, or a stop, comma, colon, apostrophe,
/// hyphen, slash, `&`, `%` or `@` that a letter or digit follows.
#[inline]
fn ascii_word_end(bytes: &[u8], start: usize, limit: usize) -> Option<(usize, bool)> {
    let from = start + 1;
    let run = bytes.get(from..limit).unwrap_or(&[]);
    // LETTER is 0 and DIGIT 1: or-ing the classes says whether a digit
    // was seen.
    let mut seen = 0u8;
    let mut n = 0;
    for &b in run {
        let class = ASCII_CLASS[usize::from(b)];
        if class > DIGIT {
            break;
        }
        seen |= class;
        n += 1;
    }
    let at = from + n;
    let digit = seen == DIGIT;
    if at >= limit {
        return Some((at, digit));
    }
    match ASCII_CLASS[usize::from(bytes[at])] {
        SPACE | PUNCT => Some((at, digit)),
        JOINER => {
            // "care." or "care, " or "well- ": each joins only what a
            // letter or digit follows ("1,000", "e.g", "co-op"), or, for a
            // web address, a slash ("https://").
            let next_plain = bytes.get(at + 1).is_none_or(|&n| {
                matches!(ASCII_CLASS[usize::from(n)], SPACE | PUNCT | JOINER) && n != b'/'
            });
            next_plain.then_some((at, digit))
        }
        _ => None,
    }
}

/// Tokenizes the one token starting at `i` (not a space, and not inside an
/// atom), the careful way, and returns where the next one starts.
fn slow_token(
    text: &str,
    i: usize,
    next_atom: usize,
    out: &mut Vec<Token>,
    ends: &mut Vec<u32>,
) -> usize {
    let before = out.len();
    let next = slow_token_unmarked(text, i, next_atom, out);
    if out.get(before).is_some_and(|&t| may_end_sentence(text, t)) {
        ends.push(before as u32);
    }
    next
}

/// [`slow_token`]'s work: pushes at most one token.
fn slow_token_unmarked(text: &str, i: usize, next_atom: usize, out: &mut Vec<Token>) -> usize {
    let bytes = text.as_bytes();
    let b = bytes[i];
    let c = if b < 0x80 {
        b as char
    } else {
        match text[i..].chars().next() {
            Some(c) => c,
            None => return text.len(),
        }
    };
    if b >= 0x80 && c.is_whitespace() {
        return i + c.len_utf8();
    }
    let starts_word = b.is_ascii_alphanumeric()
        || (b >= 0x80 && is_word_char(c))
        || (is_currency(c) && text[i + c.len_utf8()..].starts_with(|d: char| d.is_ascii_digit()));
    if !starts_word {
        out.push(tok(i, i + c.len_utf8(), None));
        return i + c.len_utf8();
    }
    let (end, digit) = scan_word(text, i, next_atom);
    // Every word holds at least its first character.
    let end = end.max(i + c.len_utf8());
    // A web or email address stops the word at a stop, @, colon or
    // slash: only then look at the whole chunk, up to the next
    // space or atom.
    let continues = bytes
        .get(end + 1)
        .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'/');
    if matches!(bytes.get(end), Some(b'.' | b'@' | b':' | b'/')) && continues {
        let (chunk_end, maybe_link) = chunk(text, i, next_atom);
        if maybe_link {
            if let Some(len) = link_len(&text[i..chunk_end]) {
                out.push(tok(i, i + len, Some(WordKind::Link)));
                return i + len;
            }
        }
    }
    let kind = if digit {
        WordKind::Number
    } else {
        WordKind::Word
    };
    out.push(tok(i, end, Some(kind)));
    end
}

/// Where the chunk starting at `start` ends (at a space, or `limit`), and
/// whether it holds a stop, an `@` or a colon.
fn chunk(text: &str, start: usize, limit: usize) -> (usize, bool) {
    let bytes = text.as_bytes();
    let mut maybe_link = false;
    let mut i = start;
    while i < limit {
        let b = bytes[i];
        if b < 0x80 {
            if b.is_ascii_whitespace() {
                break;
            }
            maybe_link |= matches!(b, b'.' | b'@' | b':');
            i += 1;
        } else {
            let Some(c) = text[i..].chars().next() else {
                break;
            };
            if c.is_whitespace() {
                break;
            }
            i += c.len_utf8();
        }
    }
    (i, maybe_link)
}

fn tok(start: usize, end: usize, word: Option<WordKind>) -> Token {
    Token {
        start: start as u32,
        end: end as u32,
        word,
    }
}

/// The end of the word that starts at `start`, no further than `limit`, and
/// whether it has a digit in it.
fn scan_word(text: &str, start: usize, limit: usize) -> (usize, bool) {
    let s = &text[..limit];
    let bytes = s.as_bytes();
    let mut at = start;
    let mut prev: Option<char> = None;
    // Letters since the last full stop, for dotted abbreviations.
    let mut segment_letters = 0usize;
    let mut dotted_ok = true;
    let mut dots = 0usize;
    let mut digit = false;
    loop {
        // A run of ASCII letters and digits needs no further thought.
        let run = at;
        let mut digits = 0usize;
        while let Some(&b) = bytes.get(at).filter(|_| at < limit) {
            match ASCII_CLASS[usize::from(b)] {
                LETTER => {}
                DIGIT => digits += 1,
                _ => break,
            }
            at += 1;
        }
        if at > run {
            prev = Some(bytes[at - 1] as char);
            segment_letters += at - run - digits;
            if digits > 0 {
                digit = true;
                dotted_ok = false;
            }
        }
        if at >= limit {
            break;
        }
        // Spaces and most punctuation end a word: no need to decode them.
        let b = bytes[at];
        // ("$" can start one: "$5".)
        if at > start
            && b < 0x80
            && !matches!(b, b'\'' | b'-' | b'.' | b'/' | b',' | b':' | b'&' | b'%')
        {
            break;
        }
        let Some(c) = s[at..].chars().next() else {
            break;
        };
        let next = s[at + c.len_utf8()..].chars().next();
        let joins = if is_word_char(c) || (at == start && is_currency(c)) {
            true
        } else {
            let p = prev.unwrap_or(' ');
            let n = next.unwrap_or(' ');
            match c {
                '\'' | '’' => n.is_alphabetic() && is_word_char(p),
                '-' | '\u{2010}' | '\u{2011}' => is_word_char(p) && is_word_char(n),
                '.' => {
                    (p.is_ascii_digit() && n.is_ascii_digit())
                        || (p.is_alphabetic()
                            && n.is_alphabetic()
                            && segment_letters <= 2
                            && dotted_ok)
                }
                '/' => is_word_char(p) && is_word_char(n),
                ',' => p.is_ascii_digit() && three_digits_follow(&s[at + 1..]),
                ':' => p.is_ascii_digit() && n.is_ascii_digit(),
                '&' => p.is_uppercase() && n.is_uppercase(),
                '%' => p.is_ascii_digit(),
                _ => false,
            }
        };
        if !joins {
            break;
        }
        if c == '.' {
            dots += 1;
            segment_letters = 0;
        } else if c.is_alphabetic() {
            segment_letters += 1;
        } else if !is_mark(c) {
            dotted_ok = false;
        }
        at += c.len_utf8();
        prev = Some(c);
        if c == '%' {
            break;
        }
    }
    let mut end = at;
    // A dotted abbreviation keeps its final stop: "e.g.", "U.K.".
    if dots > 0 && dotted_ok && (1..=2).contains(&segment_letters) && s[end..].starts_with('.') {
        end += 1;
    }
    (end, digit)
}

const LETTER: u8 = 0;
const DIGIT: u8 = 1;
/// ASCII white space: skipped.
const SPACE: u8 = 2;
/// ASCII punctuation that is a token of its own and never part of a word.
const PUNCT: u8 = 3;
/// ASCII punctuation that may join the letters or digits around it into
/// one word, or start a web address: `' - . / , :`.
const JOINER: u8 = 4;
/// Everything else: the slow path decides.
const OTHER: u8 = 5;

/// What each byte is, for the tokenizer's fast path over ASCII. Bytes
/// outside ASCII, and `$ & % @` (which start or join words in more
/// ways), are `OTHER`: the slow path decides.
static ASCII_CLASS: [u8; 256] = {
    let mut t = [OTHER; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_alphabetic() {
            LETTER
        } else if c.is_ascii_digit() {
            DIGIT
        } else if c.is_ascii_whitespace() {
            SPACE
        } else if matches!(c, b'\'' | b'-' | b'.' | b'/' | b',' | b':') {
            JOINER
        } else if matches!(c, b'$' | b'&' | b'%' | b'@') {
            OTHER
        } else {
            PUNCT
        };
        b += 1;
    }
    t
};

fn three_digits_follow(rest: &str) -> bool {
    let b = rest.as_bytes();
    b.len() >= 3
        && b[..3].iter().all(u8::is_ascii_digit)
        && !b.get(3).is_some_and(u8::is_ascii_digit)
}

/// If `chunk` starts with a web or email address, its length (trailing
/// punctuation left out).
fn link_len(chunk: &str) -> Option<usize> {
    // Most chunks are plain words: no stop, no @, no colon, no link.
    if !chunk.contains(['.', '@', ':']) {
        return None;
    }
    let lower_starts = |p: &str| {
        chunk
            .get(..p.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(p))
    };
    let is_link = ["http://", "https://", "ftp://", "mailto:", "www."]
        .iter()
        .any(|p| lower_starts(p))
        || is_email(chunk)
        || is_bare_domain(chunk);
    if !is_link {
        return None;
    }
    let mut len = chunk.len();
    loop {
        let last = chunk[..len].chars().next_back()?;
        let strip = match last {
            '.' | ',' | ';' | ':' | '!' | '?' | '\'' | '"' | '’' | '”' | '>' | ']' | '}' | '*'
            | '_' => true,
            ')' => chunk[..len].matches('(').count() < chunk[..len].matches(')').count(),
            _ => false,
        };
        if !strip {
            break;
        }
        len -= last.len_utf8();
    }
    (len > 0).then_some(len)
}

fn is_email(chunk: &str) -> bool {
    let Some((user, domain)) = chunk.split_once('@') else {
        return false;
    };
    !user.is_empty()
        && user
            .chars()
            .all(|c| c.is_alphanumeric() || "._%+-'".contains(c))
        && domain
            .trim_end_matches(|c: char| !c.is_alphanumeric())
            .split('.')
            .filter(|l| !l.is_empty())
            .count()
            >= 2
}

/// `nhs.uk`, `example.org/page.html`: a host name ending in a common
/// top-level domain, with or without a path.
fn is_bare_domain(chunk: &str) -> bool {
    const TLDS: &[&str] = &[
        "ac", "au", "biz", "ca", "co", "com", "de", "edu", "eu", "fr", "gov", "ie", "info", "io",
        "ly", "me", "net", "nhs", "nz", "org", "scot", "uk", "us", "wales",
    ];
    let host = chunk.split('/').next().unwrap_or("");
    let host = host.trim_end_matches(|c: char| !c.is_ascii_alphanumeric());
    let (Some(first), Some(tld)) = (host.split('.').next(), host.rsplit('.').next()) else {
        return false;
    };
    host.contains('.')
        && host
            .split('.')
            .all(|l| !l.is_empty() && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
        && TLDS.iter().any(|t| t.eq_ignore_ascii_case(tld))
        // "e.g.uk" is not a site; a real host has a label of 2+ letters first.
        && first.len() >= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<(&str, Option<WordKind>)> {
        let mut out = Vec::new();
        tokenize(text, &[], &mut out);
        out.iter().map(|t| (t.text(text), t.word)).collect()
    }

    fn word_texts(text: &str) -> Vec<&str> {
        words(text)
            .into_iter()
            .filter(|(_, k)| k.is_some())
            .map(|(t, _)| t)
            .collect()
    }

    #[test]
    fn marks_every_token_that_may_end_a_sentence() {
        let texts = [
            "Dr. Patel will see you at 3 p.m. today. Bring e.g. a letter!",
            "Really?! \"Yes.\" (See www.nhs.uk.) Wait… what… ok.",
            "end.The U.K. team. 3.5. £3.50. a.b.c. 1,000.",
            "Zoë’s café. Ωμέγα. 日本。 — fin…",
        ];
        for text in texts {
            let mut toks = Vec::new();
            let mut ends = Vec::new();
            tokenize_marking(text, &[], &mut toks, &mut ends);
            let want: Vec<u32> = (0..toks.len() as u32)
                .filter(|&i| may_end_sentence(text, toks[i as usize]))
                .collect();
            assert_eq!(ends, want, "{text}");
            assert!(!ends.is_empty());
        }
    }

    #[test]
    fn joined_words() {
        assert_eq!(
            word_texts("Don't co-produce 24/7 with O'Brien's A&E team."),
            vec![
                "Don't",
                "co-produce",
                "24/7",
                "with",
                "O'Brien's",
                "A&E",
                "team"
            ]
        );
    }

    #[test]
    fn numbers_and_money() {
        assert_eq!(
            word_texts("It costs £3.50, or 2.5% of 1,000 at 10:30 (section 3.2)."),
            vec![
                "It", "costs", "£3.50", "or", "2.5%", "of", "1,000", "at", "10:30", "section",
                "3.2"
            ]
        );
        assert_eq!(words("£3.50")[0].1, Some(WordKind::Number));
        assert_eq!(
            word_texts("It costs $5 or €6."),
            vec!["It", "costs", "$5", "or", "€6"]
        );
    }

    #[test]
    fn dotted_abbreviations_keep_their_stop() {
        assert_eq!(
            word_texts("Bring ID, e.g. a passport, to the U.K. office at 3 p.m. today."),
            vec![
                "Bring", "ID", "e.g.", "a", "passport", "to", "the", "U.K.", "office", "at", "3",
                "p.m.", "today"
            ]
        );
        // An ordinary word does not swallow a missing space.
        assert_eq!(word_texts("end.The"), vec!["end", "The"]);
    }

    #[test]
    fn links_and_emails_are_one_word() {
        let w = words(
            "See https://www.nhs.uk/conditions/. Or email care.team@example.org.uk, or www.gov.uk.",
        );
        let links: Vec<_> = w
            .iter()
            .filter(|(_, k)| *k == Some(WordKind::Link))
            .map(|(t, _)| *t)
            .collect();
        assert_eq!(
            links,
            vec![
                "https://www.nhs.uk/conditions/",
                "care.team@example.org.uk",
                "www.gov.uk"
            ]
        );
        assert_eq!(
            word_texts("Visit nhs.uk today."),
            vec!["Visit", "nhs.uk", "today"]
        );
    }

    #[test]
    fn atoms_are_single_words() {
        let text = "Run cargo run --release now.";
        let mut out = Vec::new();
        let code = vec![std::ops::Range { start: 4, end: 23 }];
        tokenize(text, &code, &mut out);
        let got: Vec<_> = out.iter().map(|t| (t.text(text), t.word)).collect();
        assert_eq!(got[1], ("cargo run --release", Some(WordKind::Code)));
        assert_eq!(got[2], ("now", Some(WordKind::Word)));
    }

    #[test]
    fn accents_and_combining_marks_stay_in_the_word() {
        assert_eq!(
            word_texts("Zoë and Zoe\u{308} at the café 📞"),
            vec!["Zoë", "and", "Zoe\u{308}", "at", "the", "café"]
        );
    }
}
