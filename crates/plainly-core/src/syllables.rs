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
