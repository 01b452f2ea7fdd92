//! Words written in capitals: acronyms said letter by letter ("NHS"),
//! acronyms said as words ("NICE", "Ofsted" as "OFSTED"), and ordinary
//! words in capitals for emphasis ("DO NOT").

/// Capitals said as a word, with their syllables. Most are not in CMUdict,
/// or our letter-shape test would spell them; a few are here because
/// CMUdict does have them but only as a different word.
const SAID_AS_WORDS: &[(&str, u32)] = &[
    ("ACAS", 2),
    ("AIDS", 1),
    ("BAME", 1),
    ("BTEC", 2),
    ("CAMHS", 1),
    ("COSHH", 1),
    ("COVID", 2),
    ("DEFRA", 2),
    ("DOLS", 1),
    ("ESOL", 2),
    ("GIF", 1),
    ("IMCA", 2),
    ("IMHA", 2),
    ("ISA", 2),
    ("JPEG", 2),
    ("JSON", 2),
    ("MASH", 1),
    ("NASA", 2),
    ("NATO", 2),
    ("NEET", 1),
    ("NICE", 1),
    ("OFCOM", 2),
    ("OFGEM", 2),
    ("OFQUAL", 2),
    ("OFSTED", 2),
    ("OFWAT", 2),
    ("PALS", 1),
    ("PEEP", 1),
    ("PIN", 1),
    ("PIP", 1),
    ("QUANGO", 2),
    ("RIDDOR", 2),
    ("SAGE", 1),
    ("SALT", 1),
    ("SARS", 1),
    ("SATS", 1),
    ("SCIE", 1),
    ("SENCO", 2),
    ("SEND", 1),
    ("SENDCO", 2),
    ("TUPE", 2),
    ("UCAS", 2),
    ("UNESCO", 3),
    ("UNICEF", 3),
    ("UNISON", 3),
];

/// Capitals spelled letter by letter even though the same letters make a
/// word CMUdict knows ("US" is not "us", "SEN" is not the name "Sen").
const SPELLED: &[&str] = &[
    "AM", "ASYE", "DOB", "EEG", "ENT", "ESA", "FYI", "ID", "IT", "MOD", "MS", "OT", "PA", "PAYE",
    "PE", "PM", "RE", "SEN", "US",
];

/// Two-letter words that stay words in capitals ("DO NOT", "NO", "OR").
/// Any other pair of capitals is spelled ("GP", "UK", "HR").
const TWO_LETTER_WORDS: &[&str] = &[
    "an", "as", "at", "be", "by", "do", "go", "he", "hi", "if", "in", "is", "me", "my", "no", "of",
    "oh", "ok", "on", "or", "so", "to", "up", "we",
];

/// Consonant clusters that can start an English syllable.
const ONSETS: &[&str] = &[
    "bl", "br", "ch", "cl", "cr", "dr", "dw", "fl", "fr", "gl", "gr", "kl", "kn", "kr", "ph", "pl",
    "pr", "qu", "sc", "sh", "sk", "sl", "sm", "sn", "sp", "st", "sw", "th", "tr", "tw", "wh", "wr",
    "chr", "sch", "scr", "shr", "spl", "spr", "squ", "str", "thr",
];

/// Consonant clusters that can end an English word.
const CODAS: &[&str] = &[
    "ch", "ck", "ct", "ds", "ff", "ft", "gs", "ks", "ld", "lf", "lk", "ll", "lm", "lp", "ls", "lt",
    "mp", "ms", "nd", "ng", "nk", "ns", "nt", "ps", "pt", "rb", "rd", "rg", "rk", "rl", "rm", "rn",
    "rp", "rs", "rt", "sh", "sk", "sp", "ss", "st", "th", "ts", "tz", "wn", "ws", "xt",
];

fn is_vowel(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u' | b'y')
}

/// Could `lower` (lowercase letters) be read as an English word? It needs a
/// vowel, an onset and a final cluster English allows, and no run of three
/// consonants. Letter strings that fail ("nhs", "gdpr", "copd") are spelled.
pub(crate) fn pronounceable(lower: &[u8]) -> bool {
    if !lower.iter().any(|&b| is_vowel(b)) {
        return false;
    }
    let onset = lower.iter().take_while(|&&b| !is_vowel(b)).count();
    let coda = lower.iter().rev().take_while(|&&b| !is_vowel(b)).count();
    let in_list = |list: &[&str], s: &[u8]| list.iter().any(|x| x.as_bytes() == s);
    if onset >= 2 && !in_list(ONSETS, &lower[..onset]) {
        return false;
    }
    if coda >= 2 && !in_list(CODAS, &lower[lower.len() - coda..]) {
        return false;
    }
    // no run of three consonants between the first and last vowels
    let mut run = 0;
    for &b in &lower[onset..lower.len() - coda] {
        run = if is_vowel(b) { 0 } else { run + 1 };
        if run >= 3 {
            return false;
        }
    }
    true
}

/// Syllables in the name of the letter `b`: "double-you" is 3, the rest 1
/// ("aitch", "zed").
pub(crate) fn letter(b: u8) -> u32 {
    if b.eq_ignore_ascii_case(&b'w') {
        3
    } else {
        1
    }
}

/// Syllables in letters spelled one by one.
pub(crate) fn spell(letters: &[u8]) -> u32 {
    letters.iter().map(|&b| letter(b)).sum()
}

/// How to read a word in capitals (`upper`: ASCII capitals, at least two;
/// `lower` the same in lowercase). `word` counts it as an ordinary word
/// (table, then rules).
pub(crate) enum Reading {
    /// A known count.
    Count(u32),
    /// Count it as an ordinary word.
    Word,
}

pub(crate) fn reading(upper: &[u8], lower: &[u8], in_table: bool) -> Reading {
    let upper_str = std::str::from_utf8(upper).unwrap_or("");
    if let Some(&(_, n)) = SAID_AS_WORDS.iter().find(|(w, _)| *w == upper_str) {
        return Reading::Count(n);
    }
    if SPELLED.contains(&upper_str) {
        return Reading::Count(spell(upper));
    }
    if upper.len() == 2 {
        let lower_str = std::str::from_utf8(lower).unwrap_or("");
        return if TWO_LETTER_WORDS.contains(&lower_str) {
            Reading::Word
        } else {
            Reading::Count(spell(upper))
        };
    }
    if in_table || (upper.len() >= 4 && pronounceable(lower)) {
        Reading::Word
    } else {
        Reading::Count(spell(upper))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_sorted_capitals() {
        assert!(SAID_AS_WORDS.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(SPELLED.windows(2).all(|w| w[0] < w[1]));
        for (w, _) in SAID_AS_WORDS {
            assert!(w.bytes().all(|b| b.is_ascii_uppercase()), "{w}");
        }
    }

    #[test]
    fn pronounceable_shapes() {
        for w in [
            "nato", "senco", "acas", "esol", "ucas", "covid", "sars", "strap",
        ] {
            assert!(pronounceable(w.as_bytes()), "{w}");
        }
        for w in [
            "nhs", "gdpr", "copd", "adhd", "hmrc", "dvla", "ehcp", "lgbt", "mrsa",
        ] {
            assert!(!pronounceable(w.as_bytes()), "{w}");
        }
    }
}
