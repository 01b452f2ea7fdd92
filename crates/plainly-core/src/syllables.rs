//! Syllable counting: placeholder until the dictionary table lands.

/// How many syllables `word` has when spoken in British English.
pub fn count(word: &str) -> u32 {
    let mut groups = 0;
    let mut in_vowel = false;
    for c in word.chars().flat_map(char::to_lowercase) {
        let v = matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y');
        if v && !in_vowel {
            groups += 1;
        }
        in_vowel = v;
    }
    groups.max(1)
}

/// Whether `word` (lower case) is an ordinary English word. Placeholder
/// until the dictionary table lands: words with a vowel and 4+ letters, and
/// common short words.
pub fn is_word(word: &str) -> bool {
    const SHORT: &[&str] = &[
        "all", "and", "any", "are", "can", "do", "for", "get", "go", "no", "not", "now", "our",
        "see", "the", "you", "yes", "ask", "call", "must",
    ];
    SHORT.contains(&word)
        || (word.len() >= 4
            && word.chars().any(|c| "aeiouy".contains(c))
            && word.chars().all(|c| c.is_ascii_lowercase()))
}
