//! The word lists in `wordlists/`, compiled into the binary, and the
//! matcher that finds their terms in prose.
//!
//! The lists are data, kept as TSV files that people who are not
//! programmers can edit. They are embedded with `include_str!` and parsed
//! the first time a check needs them (a few thousand short lines: well under
//! a millisecond), then kept for the life of the process.
//!
//! Matching is case-insensitive, on word boundaries, longest match first,
//! over one automaton for all lists. A list names each term once, in its
//! base British form; the matcher adds the other forms: inflections
//! (utilise, utilises, utilised, utilising), American spellings (utilize)
//! and hyphen, space and closed variants (co-production, co production,
//! coproduction). Latin terms are matched only as written.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

use crate::diagnostic::Applicability;
use crate::settings::CustomWords;

/// Keeps one copy of each string from a project's settings for the life of
/// the process, so its entries can sit beside the built-in ones. Settings
/// hold a handful of short strings, and each is kept once however often a
/// language server reloads them.
fn intern(s: &str) -> &'static str {
    use std::collections::HashSet;
    use std::sync::Mutex;
    static STRINGS: Mutex<Option<HashSet<&'static str>>> = Mutex::new(None);
    let mut guard = STRINGS.lock().unwrap_or_else(|e| e.into_inner());
    let set = guard.get_or_insert_with(HashSet::new);
    if let Some(&kept) = set.get(s) {
        return kept;
    }
    let kept: &'static str = Box::leak(s.to_owned().into_boxed_str());
    set.insert(kept);
    kept
}

/// Which list an entry comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum List {
    /// `jargon.tsv`.
    Jargon,
    /// `complex-words.tsv`.
    ComplexWords,
    /// `latin.tsv`.
    Latin,
    /// `inclusive.tsv`.
    Inclusive,
}

/// For jargon: say it plainly, or explain it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// Use plainer words instead.
    Replace,
    /// A real term people need: explain it where it is first used.
    Explain,
}

/// One line of a list.
#[derive(Debug, Clone)]
pub struct Entry {
    /// The list it is in.
    pub list: List,
    /// The term as listed.
    pub term: &'static str,
    /// Plainer words (or, for `explain` jargon, an explanation), best first.
    pub plain: Vec<&'static str>,
    /// Jargon only: replace or explain.
    pub kind: Kind,
    /// Whether the first alternative can replace the term without a
    /// person looking.
    pub fix: Applicability,
    /// False when only context decides (reported at a lower level).
    pub certain: bool,
    /// Why (inclusive language).
    pub note: &'static str,
}

/// An abbreviation from `abbreviations.tsv`.
#[derive(Debug, Clone)]
pub struct Abbreviation {
    /// As usually written: `CQC`, `DoLS`.
    pub abbreviation: &'static str,
    /// Its meanings, most likely first.
    pub expansions: Vec<&'static str>,
    /// Whether nearly everyone knows it (NHS, GP).
    pub well_known: bool,
}

/// All lists, parsed, with the matcher built.
#[derive(Debug)]
pub struct WordLists {
    /// Every entry of the four term lists.
    pub entries: Vec<Entry>,
    /// Abbreviations, sorted by their upper-case form.
    pub abbreviations: Vec<Abbreviation>,
    /// The upper-case form of each abbreviation, in the same order.
    abbreviation_keys: Vec<String>,
    /// Latin terms, lower case.
    latin: std::collections::HashSet<String>,
    matcher: AhoCorasick,
    /// For each pattern: the entry it finds, and whether it is the term as
    /// listed (not an inflection or variant).
    patterns: Vec<(u32, bool)>,
}

/// The embedded list files.
pub const JARGON_TSV: &str = include_str!("../../../wordlists/jargon.tsv");
/// The embedded list files.
pub const COMPLEX_WORDS_TSV: &str = include_str!("../../../wordlists/complex-words.tsv");
/// The embedded list files.
pub const LATIN_TSV: &str = include_str!("../../../wordlists/latin.tsv");
/// The embedded list files.
pub const INCLUSIVE_TSV: &str = include_str!("../../../wordlists/inclusive.tsv");
/// The embedded list files.
pub const ABBREVIATIONS_TSV: &str = include_str!("../../../wordlists/abbreviations.tsv");

static LISTS: LazyLock<WordLists> = LazyLock::new(WordLists::build);

/// The lists, parsed and compiled on first use.
pub fn lists() -> &'static WordLists {
    &LISTS
}

/// The compiled lists for a project's own words, or `None` when it adds
/// none. Compiled once per set of words and kept (the last few sets), so
/// checking many files, or re-checking as someone types, does not rebuild
/// them.
pub fn custom_lists(words: &CustomWords) -> Option<std::sync::Arc<WordLists>> {
    use std::sync::{Arc, Mutex};
    if words.jargon.is_empty() && words.complex_words.is_empty() && words.abbreviations.is_empty() {
        return None;
    }
    type Cache = Vec<(CustomWords, Arc<WordLists>)>;
    static CACHE: Mutex<Cache> = Mutex::new(Vec::new());
    const KEEP: usize = 8;
    let mut cache = CACHE.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(i) = cache.iter().position(|(w, _)| w == words) {
        let hit = cache.remove(i);
        let lists = Arc::clone(&hit.1);
        cache.push(hit);
        return Some(lists);
    }
    let lists = Arc::new(WordLists::custom(words));
    if cache.len() == KEEP {
        cache.remove(0);
    }
    cache.push((words.clone(), Arc::clone(&lists)));
    Some(lists)
}

/// The data rows of a TSV file: comments, blank lines and the header line
/// left out.
pub fn rows(tsv: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    tsv.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .skip(1)
        .map(|l| l.split('\t').collect())
}

fn alternatives(field: &'static str) -> Vec<&'static str> {
    field
        .split("; ")
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect()
}

impl WordLists {
    fn build() -> WordLists {
        let mut entries = Vec::new();
        let col = |r: &Vec<&'static str>, i: usize| r.get(i).copied().unwrap_or("").trim();
        for r in rows(JARGON_TSV) {
            entries.push(Entry {
                list: List::Jargon,
                term: col(&r, 0),
                kind: if col(&r, 1) == "explain" {
                    Kind::Explain
                } else {
                    Kind::Replace
                },
                plain: alternatives(col(&r, 2)),
                fix: Applicability::Unsafe,
                certain: col(&r, 3) != "low",
                note: "",
            });
        }
        for r in rows(COMPLEX_WORDS_TSV) {
            entries.push(Entry {
                list: List::ComplexWords,
                term: col(&r, 0),
                kind: Kind::Replace,
                plain: alternatives(col(&r, 1)),
                fix: fix_of(col(&r, 2)),
                certain: col(&r, 3) != "low",
                note: "",
            });
        }
        for r in rows(LATIN_TSV) {
            entries.push(Entry {
                list: List::Latin,
                term: col(&r, 0),
                kind: Kind::Replace,
                plain: alternatives(col(&r, 1)),
                fix: fix_of(col(&r, 2)),
                certain: true,
                note: "",
            });
        }
        for r in rows(INCLUSIVE_TSV) {
            entries.push(Entry {
                list: List::Inclusive,
                term: col(&r, 0),
                kind: Kind::Replace,
                plain: alternatives(col(&r, 1)),
                fix: Applicability::Unsafe,
                certain: true,
                note: col(&r, 2),
            });
        }
        entries.retain(|e| !e.term.is_empty());

        let abbreviations: Vec<Abbreviation> = rows(ABBREVIATIONS_TSV)
            .map(|r| Abbreviation {
                abbreviation: col(&r, 0),
                expansions: alternatives(col(&r, 1)),
                well_known: col(&r, 2) == "yes",
            })
            .filter(|a| !a.abbreviation.is_empty())
            .collect();
        WordLists::from_parts(entries, abbreviations)
    }

    /// A project's own lists, from its settings. Matched beside the
    /// built-in lists; see [`crate::Settings::words`].
    pub fn custom(words: &CustomWords) -> WordLists {
        let mut entries = Vec::new();
        for (list, terms) in [
            (List::Jargon, &words.jargon),
            (List::ComplexWords, &words.complex_words),
        ] {
            for t in terms {
                let term = intern(t.term.trim());
                if term.is_empty() {
                    continue;
                }
                entries.push(Entry {
                    list,
                    term,
                    plain: t.plain.iter().map(|p| intern(p.trim())).collect(),
                    kind: if t.explain {
                        Kind::Explain
                    } else {
                        Kind::Replace
                    },
                    fix: Applicability::Unsafe,
                    certain: true,
                    note: "",
                });
            }
        }
        let abbreviations = words
            .abbreviations
            .iter()
            .filter(|a| !a.abbreviation.trim().is_empty())
            .map(|a| Abbreviation {
                abbreviation: intern(a.abbreviation.trim()),
                expansions: vec![intern(a.expansion.trim())],
                well_known: false,
            })
            .collect();
        WordLists::from_parts(entries, abbreviations)
    }

    fn from_parts(entries: Vec<Entry>, mut abbreviations: Vec<Abbreviation>) -> WordLists {
        abbreviations.sort_by_key(|a| a.abbreviation.to_uppercase());

        // Every form of every term, each pointing at its entry. A form that
        // two entries share goes to the first.
        let mut seen = std::collections::HashSet::new();
        let mut texts: Vec<String> = Vec::new();
        let mut patterns = Vec::new();
        // Every term as listed first, so another entry's inflection or
        // variant never takes over a listed term ("onboard" must not claim
        // "onboarding" when that has an entry of its own).
        for (i, e) in entries.iter().enumerate() {
            let base = e.term.to_lowercase();
            if seen.insert(base.clone()) {
                patterns.push((i as u32, true));
                texts.push(base);
            }
        }
        for (i, e) in entries.iter().enumerate() {
            if e.list == List::Latin {
                continue;
            }
            for form in variants(&e.term.to_lowercase()) {
                if seen.insert(form.clone()) {
                    patterns.push((i as u32, false));
                    texts.push(form);
                }
            }
        }
        let matcher = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            // Patterns are lower case and the text is lower-cased before
            // searching: the automaton builds in half the time of a
            // case-insensitive one, and start-up is paid on every run of a
            // pre-commit hook.
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .build(&texts)
            .expect("word-list patterns always build");
        let abbreviation_keys = abbreviations
            .iter()
            .map(|a| a.abbreviation.to_uppercase())
            .collect();
        let latin = entries
            .iter()
            .filter(|e| e.list == List::Latin)
            .map(|e| e.term.to_lowercase())
            .collect();
        WordLists {
            entries,
            abbreviations,
            abbreviation_keys,
            latin,
            matcher,
            patterns,
        }
    }

    /// Finds every listed term in `text`: `(entry index, byte range, is the
    /// listed form)`, in order, on word boundaries.
    ///
    /// `lower` is a buffer to reuse for the lower-cased text.
    pub fn find<'t>(
        &'t self,
        text: &'t str,
        lower: &'t mut String,
    ) -> impl Iterator<Item = (usize, std::ops::Range<usize>, bool)> + 't {
        // ASCII lower-casing keeps every byte offset.
        lower.clear();
        lower.push_str(text);
        lower.make_ascii_lowercase();
        let lower: &'t String = lower;
        self.matcher.find_iter(lower.as_str()).filter_map(move |m| {
            let (entry, base) = self.patterns[m.pattern().as_usize()];
            let before = text[..m.start()].chars().next_back();
            let after = text[m.end()..].chars().next();
            let joins =
                |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '\'' || c == '’');
            // "e.g." ends with a stop, so a letter may not follow; a word
            // must not continue on either side.
            if joins(before) || (joins(after) && text[..m.end()].ends_with(char::is_alphanumeric)) {
                return None;
            }
            if before == Some('-')
                || (after == Some('-')
                    && text[m.end()..]
                        .chars()
                        .nth(1)
                        .is_some_and(char::is_alphanumeric))
            {
                // Part of a longer hyphenated word: "non-jargon-ish".
                return None;
            }
            Some((entry as usize, m.start()..m.end(), base))
        })
    }

    /// The listed abbreviation `word` (any case for all-capital forms, exact
    /// case for mixed ones such as `DoLS`).
    pub fn abbreviation(&self, word: &str) -> Option<&Abbreviation> {
        let upper = word.to_uppercase();
        let i = self.abbreviation_keys.binary_search(&upper).ok()?;
        Some(&self.abbreviations[i])
    }

    /// Whether `word` is a Latin term from `latin.tsv`, in any case.
    pub fn is_latin(&self, word: &str) -> bool {
        self.latin.contains(&word.to_lowercase())
    }
}

fn fix_of(s: &str) -> Applicability {
    if s == "safe" {
        Applicability::Safe
    } else {
        Applicability::Unsafe
    }
}

/// The forms of a lower-case term: itself, inflections of its first and
/// last words, American spellings, and hyphen/space/closed variants.
pub fn variants(term: &str) -> Vec<String> {
    let mut out = vec![term.to_owned()];
    let words: Vec<&str> = term.split(' ').collect();
    let n = words.len();
    // Inflect the first word (verbs: "touch base", "touched base") and the
    // last (nouns: "care packages").
    for at in [0, n - 1] {
        // A hyphenated word takes its endings on its last part:
        // "co-produce", "co-produced".
        let (head, last) = match words[at].rsplit_once('-') {
            Some((h, l)) if at == n - 1 => (format!("{h}-"), l),
            _ => (String::new(), words[at]),
        };
        for form in inflections(last) {
            let mut w = words.clone();
            let joined = format!("{head}{form}");
            w[at] = &joined;
            out.push(w.join(" "));
        }
        if n == 1 {
            break;
        }
    }
    let mut more = Vec::new();
    for form in &out {
        if let Some(us) = american(form, term) {
            more.push(us);
        }
    }
    out.extend(more);
    let mut joined = Vec::new();
    for form in &out {
        if form.contains('-') {
            joined.push(form.replace('-', " "));
            joined.push(form.replace('-', ""));
        } else if n == 2 {
            joined.push(form.replacen(' ', "-", 1));
        }
    }
    out.extend(joined);
    out.sort();
    out.dedup();
    out
}

/// Regular inflections of one English word: -s/-es/-ies, -ed/-d/-ied,
/// -ing (dropping a final e, doubling a final consonant where English does).
fn inflections(word: &str) -> Vec<String> {
    let mut out = Vec::new();
    if word.len() < 3 || !word.chars().all(|c| c.is_ascii_alphabetic()) {
        return out;
    }
    let b = word.as_bytes();
    let last = b[b.len() - 1];
    let before = b[b.len() - 2];
    let vowel = |c: u8| b"aeiou".contains(&c);
    if let Some(stem) = word.strip_suffix('y').filter(|_| !vowel(before)) {
        out.push(format!("{stem}ies"));
        out.push(format!("{stem}ied"));
        out.push(format!("{word}ing"));
    } else if let Some(stem) = word.strip_suffix('e') {
        out.push(format!("{word}s"));
        out.push(format!("{word}d"));
        out.push(format!("{stem}ing"));
        // utilise -> utilisation
        if word.ends_with("ise") || word.ends_with("ize") {
            out.push(format!("{stem}ation"));
        }
    } else {
        if ["s", "x", "z", "ch", "sh"]
            .iter()
            .any(|e| word.ends_with(e))
        {
            out.push(format!("{word}es"));
        } else {
            out.push(format!("{word}s"));
        }
        out.push(format!("{word}ed"));
        out.push(format!("{word}ing"));
        // commit -> committed: a single vowel before a final consonant.
        let b3 = b.len() >= 3 && !vowel(b[b.len() - 3]);
        if !vowel(last) && vowel(before) && b3 && !b"wxy".contains(&last) {
            out.push(format!("{word}{}ed", last as char));
            out.push(format!("{word}{}ing", last as char));
        }
    }
    out
}

/// The American spelling of a British form of `base`, where the rules
/// give one.
fn american(form: &str, base: &str) -> Option<String> {
    let mut s = form.to_owned();
    for (uk, us) in [
        ("isation", "ization"),
        ("ising", "izing"),
        ("ised", "ized"),
        ("ises", "izes"),
        ("ise", "ize"),
        ("yse", "yze"),
        ("our", "or"),
        ("ogue", "og"),
        ("programme", "program"),
        ("centred", "centered"),
        ("centring", "centering"),
        ("centres", "centers"),
        ("centre", "center"),
        ("elled", "eled"),
        ("elling", "eling"),
        // oedema -> edema, anaemia -> anemia, paediatric -> pediatric
        ("oe", "e"),
        ("ae", "e"),
    ] {
        // "oe" and "ae" only where the listed term has them (oedema,
        // anaemia), never where an ending made them ("forgo", "forgoed").
        if matches!(uk, "oe" | "ae") && !base.contains(uk) {
            continue;
        }
        // "our" alone stays "our"; "oedema" starts with the digraph.
        if s.contains(uk) && (!s.starts_with(uk) || matches!(uk, "oe" | "ae")) {
            s = s.replace(uk, us);
        }
    }
    (s != form).then_some(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variants_cover_inflections_spellings_and_joins() {
        let v = variants("utilise");
        for f in [
            "utilise",
            "utilises",
            "utilised",
            "utilising",
            "utilisation",
            "utilize",
            "utilized",
            "utilizing",
        ] {
            assert!(v.contains(&f.to_owned()), "{f} missing from {v:?}");
        }
        let v = variants("co-production");
        for f in ["co-production", "co production", "coproduction"] {
            assert!(v.contains(&f.to_owned()), "{f} missing from {v:?}");
        }
        let v = variants("co-produce");
        assert!(v.contains(&"co-produced".to_owned()), "{v:?}");
        assert!(v.contains(&"coproduced".to_owned()), "{v:?}");
        let v = variants("person-centred");
        assert!(v.contains(&"person-centered".to_owned()), "{v:?}");
        let v = variants("forgo");
        assert!(!v.contains(&"forged".to_owned()), "{v:?}");
        let v = variants("oedema");
        assert!(v.contains(&"edema".to_owned()), "{v:?}");
        let v = variants("touch base");
        assert!(v.contains(&"touched base".to_owned()));
        assert!(v.contains(&"touching base".to_owned()));
        let v = variants("care package");
        assert!(v.contains(&"care packages".to_owned()));
        assert!(v.contains(&"care-package".to_owned()));
    }

    #[test]
    fn finds_terms_on_word_boundaries_only() {
        let l = lists();
        let text = "We will utilise the care packages. Butilised is not a word.";
        let mut buf = String::new();
        let found: Vec<&str> = l.find(text, &mut buf).map(|(_, r, _)| &text[r]).collect();
        assert!(found.contains(&"utilise"));
        assert!(found.contains(&"care packages"));
        assert!(!found.iter().any(|f| f.eq_ignore_ascii_case("utilised")));
    }

    #[test]
    fn every_list_parses_with_its_columns() {
        let l = lists();
        assert!(l.entries.iter().any(|e| e.list == List::Jargon));
        assert!(l.entries.iter().any(|e| e.list == List::ComplexWords));
        assert!(l.entries.iter().any(|e| e.list == List::Latin));
        assert!(l.entries.iter().any(|e| e.list == List::Inclusive));
        assert!(l
            .entries
            .iter()
            .all(|e| !e.plain.is_empty() || e.list == List::Jargon));
        assert_eq!(l.abbreviation("cqc").map(|a| a.abbreviation), Some("CQC"));
        assert!(l.abbreviation("NHS").is_some_and(|a| a.well_known));
    }
}
