//! The word lists in `wordlists/`, compiled into the binary, and the
//! matcher that finds their terms in prose.
//!
//! The lists are data, kept as TSV files that people who are not
//! programmers can edit. They are embedded with `include_str!` and parsed
//! the first time a check needs them (a few thousand short lines: well under
//! a millisecond), then kept for the life of the process.
//!
//! Matching is case-insensitive, on word boundaries, longest match first.
//! A list names each term once, in its base British form; the matcher adds
//! the other forms: inflections (utilise, utilises, utilised, utilising),
//! American spellings (utilize) and hyphen, space and closed variants
//! (co-production, co production, coproduction). Latin terms are matched
//! only as written.
//!
//! The matcher is a hash table from a form's first word (its leading run of
//! ASCII letters and digits) to a byte tree of the forms that start with
//! it. Building it takes a quarter of the work of an Aho-Corasick automaton
//! over the same 18,000 forms (64 against 272 million instructions; most of
//! it now goes on making the forms), and start-up is paid on every run of a
//! pre-commit hook. Finding is one table look-up per word.

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

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

/// How sure a list is that a term is jargon wherever it is used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Certainty {
    /// Almost always a problem: every use is reported.
    High,
    /// Usually a problem here, but the words have an everyday sense too:
    /// each use is decided from the words around it, and reported as
    /// unsure when nothing decides.
    Medium,
    /// Usually fine: reported only where the words around it show the
    /// jargon sense.
    Low,
}

impl Certainty {
    fn parse(s: &str) -> Certainty {
        match s {
            "low" => Certainty::Low,
            "medium" => Certainty::Medium,
            _ => Certainty::High,
        }
    }
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
    /// Whether every use is reported, or the words around it decide.
    pub certainty: Certainty,
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
    matcher: Matcher,
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
                certainty: Certainty::parse(col(&r, 3)),
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
                certainty: Certainty::parse(col(&r, 3)),
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
                certainty: Certainty::High,
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
                certainty: Certainty::High,
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
                    certainty: Certainty::High,
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

        let matcher = Matcher::new(&entries);
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
        }
    }

    /// Finds every listed term in `text`: `(entry index, byte range, is the
    /// listed form)`, in order, on word boundaries.
    ///
    /// `lower` is a buffer to reuse.
    pub fn find<'t>(
        &'t self,
        text: &'t str,
        lower: &'t mut String,
    ) -> impl Iterator<Item = (usize, std::ops::Range<usize>, bool)> + 't {
        Finds {
            matcher: &self.matcher,
            text,
            at: 0,
            key: lower,
            candidates: Candidates::default(),
        }
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

/// One form of a term.
#[derive(Debug, Clone, Copy)]
struct Pattern {
    /// Its length in bytes.
    len: u32,
    /// The entry it finds.
    entry: u32,
    /// Whether it is the term as listed (not an inflection or variant).
    base: bool,
}

/// No node, or no pattern.
const NONE: u32 = u32::MAX;

/// A node of the tree of what follows a first word: one byte more.
#[derive(Debug, Clone, Copy)]
struct Node {
    byte: u8,
    /// The form that ends here, if one does.
    pattern: u32,
    /// Children are in byte order.
    first_child: u32,
    next_sibling: u32,
}

/// Every form of every term, found by its first word.
#[derive(Debug)]
struct Matcher {
    patterns: Vec<Pattern>,
    /// First word (lower-case ASCII letters and digits, possibly empty) to
    /// the node of the tree where its forms go on from: words of up to 16
    /// letters packed into a number ([`pack`]), longer ones as they are.
    heads: FxHashMap<u128, u32>,
    long_heads: FxHashMap<Box<[u8]>, u32>,
    nodes: Vec<Node>,
    /// The longest first word: longer words start no form.
    max_head: usize,
    /// Bytes that can start a form: ASCII letters and digits, and those
    /// that start a form with an empty first word (one that does not start
    /// with an ASCII letter or digit).
    starts: [bool; 256],
}

/// ASCII letters and digits in lower case; 0 for every other byte.
static LOWER_ALNUM: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        if c.is_ascii_alphanumeric() {
            t[b] = c.to_ascii_lowercase();
        }
        b += 1;
    }
    t
};

/// The run of ASCII letters and digits that starts at `p`: where it ends,
/// and its first 16 bytes in lower case, packed as [`pack`] packs them,
/// in two halves (shifting a 64-bit number is one instruction, a 128-bit
/// one several). Eight bytes are looked at together: most words fit in one
/// step.
fn lower_run(bytes: &[u8], p: usize) -> (usize, u64, u64) {
    const LANES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x80 * LANES;
    // Each lane's top bit set where `x` (all lanes below 0x80) is at least
    // `lo`, or at most `hi`. No lane carries into the next.
    let at_least = |x: u64, lo: u8| x + (0x80 - u64::from(lo)) * LANES;
    let at_most = |x: u64, hi: u8| !(x + (0x7f - u64::from(hi)) * LANES);
    let (mut low, mut high) = (0u64, 0u64);
    let mut e = p;
    loop {
        let i = e - p;
        let Some(chunk) = bytes.get(e..e + 8) else {
            // The last few bytes of the text, one at a time.
            while let Some(&b) = bytes.get(e) {
                let l = LOWER_ALNUM[usize::from(b)];
                if l == 0 {
                    break;
                }
                let i = e - p;
                if i < 8 {
                    low |= u64::from(l) << (8 * i);
                } else if i < 16 {
                    high |= u64::from(l) << (8 * (i - 8));
                }
                e += 1;
            }
            return (e, low, high);
        };
        let w = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
        let ascii = !w & HIGH;
        let x = w & !HIGH;
        let folded = x | (0x20 * LANES);
        let letter = at_least(folded, b'a') & at_most(folded, b'z');
        let digit = at_least(x, b'0') & at_most(x, b'9');
        let alnum = (letter | digit) & ascii;
        // Lanes before the first that is not a letter or digit.
        let n = ((!alnum & HIGH).trailing_zeros() / 8) as usize;
        let lowered = w | (letter & ascii) >> 2;
        let run = if n == 8 {
            lowered
        } else {
            lowered & ((1u64 << (8 * n)) - 1)
        };
        if i == 0 {
            low = run;
        } else if i < 8 {
            low |= run << (8 * i);
            high |= run >> (64 - 8 * i);
        } else if i < 16 {
            high |= run << (8 * (i - 8));
        }
        e += n;
        if n < 8 {
            return (e, low, high);
        }
    }
}

/// A first word of up to 16 bytes as one number, first byte lowest. No
/// byte is 0, so words of different lengths differ.
fn pack(head: &[u8]) -> u128 {
    head.iter()
        .enumerate()
        .fold(0, |k, (i, &b)| k | u128::from(b) << (8 * i))
}

/// The leading run of ASCII letters and digits of `s`.
fn head_len(s: &[u8]) -> usize {
    s.iter().take_while(|b| b.is_ascii_alphanumeric()).count()
}

impl Matcher {
    /// Every form of every entry. A form that two entries share goes to the
    /// first.
    fn new(entries: &[Entry]) -> Matcher {
        let mut m = Matcher {
            patterns: Vec::new(),
            heads: FxHashMap::default(),
            long_heads: FxHashMap::default(),
            nodes: Vec::new(),
            max_head: 0,
            starts: std::array::from_fn(|b| LOWER_ALNUM[b] != 0),
        };
        // Every term as listed first, so another entry's inflection or
        // variant never takes over a listed term ("onboard" must not claim
        // "onboarding" when that has an entry of its own).
        for (i, e) in entries.iter().enumerate() {
            m.insert(&e.term.to_lowercase(), i, true);
        }
        let mut forms = Vec::new();
        for (i, e) in entries.iter().enumerate() {
            if e.list == List::Latin {
                continue;
            }
            let base = e.term.to_lowercase();
            forms.clear();
            each_variant(&base, e.list == List::Jargon, &mut forms);
            for form in &forms {
                m.insert(form, i, *form == base);
            }
        }
        m.lay_out();
        m
    }

    /// Lays the tree out again, breadth first, so that each node's children
    /// sit side by side in byte order. Looking for a byte among them then
    /// reads memory in order instead of jumping about the whole tree, as
    /// it did when nodes lay in the order forms were added.
    fn lay_out(&mut self) {
        let old = std::mem::take(&mut self.nodes);
        // The old nodes in their new order: the roots, then, node by node,
        // each one's children (the list grows as it is read).
        let mut order: Vec<u32> = self
            .heads
            .values()
            .chain(self.long_heads.values())
            .copied()
            .collect();
        order.sort_unstable();
        order.reserve(old.len().saturating_sub(order.len()));
        let mut i = 0;
        while let Some(&o) = order.get(i) {
            let mut child = old[o as usize].first_child;
            while let Some(c) = old.get(child as usize) {
                order.push(child);
                child = c.next_sibling;
            }
            i += 1;
        }
        let mut place = vec![NONE; old.len()];
        for (new, &o) in order.iter().enumerate() {
            place[o as usize] = new as u32;
        }
        let moved = |i: u32| if i == NONE { NONE } else { place[i as usize] };
        self.nodes = order
            .iter()
            .map(|&o| {
                let n = old[o as usize];
                Node {
                    first_child: moved(n.first_child),
                    next_sibling: moved(n.next_sibling),
                    ..n
                }
            })
            .collect();
        for root in self.heads.values_mut().chain(self.long_heads.values_mut()) {
            *root = place[*root as usize];
        }
    }

    /// Adds one form of entry `entry`, unless an earlier entry has it.
    fn insert(&mut self, form: &str, entry: usize, base: bool) {
        let bytes = form.as_bytes();
        let Some(&first) = bytes.first() else { return };
        let head = &bytes[..head_len(bytes)];
        let found = if head.len() <= 16 {
            self.heads.get(&pack(head))
        } else {
            self.long_heads.get(head)
        };
        let mut node = match found {
            Some(&root) => root,
            None => {
                let root = self.new_node(0, NONE);
                if head.len() <= 16 {
                    self.heads.insert(pack(head), root);
                } else {
                    self.long_heads.insert(head.into(), root);
                }
                self.max_head = self.max_head.max(head.len());
                if head.is_empty() {
                    self.starts[usize::from(first)] = true;
                }
                root
            }
        };
        for &byte in &bytes[head.len()..] {
            // Children are kept in byte order.
            let mut prev = NONE;
            let mut child = self.nodes[node as usize].first_child;
            while child != NONE && self.nodes[child as usize].byte < byte {
                prev = child;
                child = self.nodes[child as usize].next_sibling;
            }
            if child == NONE || self.nodes[child as usize].byte != byte {
                let new = self.new_node(byte, child);
                match prev {
                    NONE => self.nodes[node as usize].first_child = new,
                    p => self.nodes[p as usize].next_sibling = new,
                }
                child = new;
            }
            node = child;
        }
        if self.nodes[node as usize].pattern == NONE {
            self.nodes[node as usize].pattern = self.patterns.len() as u32;
            self.patterns.push(Pattern {
                len: bytes.len() as u32,
                entry: entry as u32,
                base,
            });
        }
    }

    fn new_node(&mut self, byte: u8, next_sibling: u32) -> u32 {
        self.nodes.push(Node {
            byte,
            pattern: NONE,
            first_child: NONE,
            next_sibling,
        });
        (self.nodes.len() - 1) as u32
    }

    /// Every form, with what it finds.
    #[cfg(test)]
    fn forms(&self) -> Vec<(String, Pattern)> {
        fn walk(m: &Matcher, node: u32, text: &mut Vec<u8>, out: &mut Vec<(String, Pattern)>) {
            let n = m.nodes[node as usize];
            if let Some(p) = m.patterns.get(n.pattern as usize) {
                out.push((String::from_utf8(text.clone()).unwrap(), *p));
            }
            let mut child = n.first_child;
            while let Some(c) = m.nodes.get(child as usize) {
                text.push(c.byte);
                walk(m, child, text, out);
                text.pop();
                child = c.next_sibling;
            }
        }
        let mut out = Vec::new();
        for (&key, &root) in &self.heads {
            let mut head: Vec<u8> = key
                .to_le_bytes()
                .into_iter()
                .take_while(|&b| b != 0)
                .collect();
            walk(self, root, &mut head, &mut out);
        }
        for (key, &root) in &self.long_heads {
            walk(self, root, &mut key.to_vec(), &mut out);
        }
        out
    }

    /// The forms that `text` has from the tree `root`, case insensitively,
    /// where `k` is the end of the first word: each one's pattern, shortest
    /// first, into `out` (the longest few, when there are more).
    fn forms_from(&self, root: u32, text: &[u8], mut k: usize, out: &mut Candidates) {
        out.clear();
        let mut node = &self.nodes[root as usize];
        if node.pattern != NONE {
            out.push(node.pattern);
        }
        'bytes: while let Some(b) = text.get(k) {
            let c = b.to_ascii_lowercase();
            let mut child = node.first_child;
            loop {
                let Some(n) = self.nodes.get(child as usize) else {
                    break 'bytes;
                };
                if n.byte == c {
                    node = n;
                    break;
                }
                if n.byte > c {
                    break 'bytes;
                }
                child = n.next_sibling;
            }
            k += 1;
            if node.pattern != NONE {
                out.push(node.pattern);
            }
        }
    }
}

/// The forms found at one place, shortest first: a handful at most, as few
/// forms are the start of another. The longest eight are kept.
#[derive(Debug, Default)]
struct Candidates {
    patterns: [u32; 8],
    len: usize,
}

impl Candidates {
    fn clear(&mut self) {
        self.len = 0;
    }

    fn push(&mut self, pattern: u32) {
        if self.len == self.patterns.len() {
            self.patterns.copy_within(1.., 0);
            self.len -= 1;
        }
        self.patterns[self.len] = pattern;
        self.len += 1;
    }

    /// Longest first.
    fn longest_first(&self) -> impl Iterator<Item = u32> + '_ {
        self.patterns[..self.len].iter().rev().copied()
    }
}

/// Whether a character next to a match joins it to a word.
fn joins(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric() || c == '\'' || c == '’')
}

/// The iterator [`WordLists::find`] returns.
struct Finds<'t> {
    matcher: &'t Matcher,
    text: &'t str,
    /// Where to look next: matches do not overlap.
    at: usize,
    /// The lower-case first word at a candidate start.
    key: &'t mut String,
    /// The forms found at the current place.
    candidates: Candidates,
}

impl Iterator for Finds<'_> {
    type Item = (usize, std::ops::Range<usize>, bool);

    fn next(&mut self) -> Option<Self::Item> {
        let m = self.matcher;
        let text = self.text;
        let bytes = text.as_bytes();
        loop {
            // The next place a form can start: a run of ASCII letters and
            // digits, or a byte that starts a form without one.
            let mut p = self.at;
            while p < bytes.len() && !m.starts[usize::from(bytes[p])] {
                p += 1;
            }
            if p >= bytes.len() {
                self.at = p;
                return None;
            }
            // The run, its first 16 bytes packed in lower case ([`pack`]).
            let (e, low, high) = lower_run(bytes, p);
            let key = u128::from(low) | u128::from(high) << 64;
            let run = e - p;
            // Next time, look past this run (or this one byte).
            self.at = e.max(p + 1);
            if run > m.max_head {
                continue;
            }
            // A match must not continue a word ("butilised") or a
            // hyphenated word ("non-jargon").
            let before = if p == 0 {
                None
            } else if bytes[p - 1] < 0x80 {
                Some(char::from(bytes[p - 1]))
            } else {
                text[..p].chars().next_back()
            };
            if joins(before) || before == Some('-') {
                continue;
            }
            let root = if run <= 16 {
                m.heads.get(&key)
            } else {
                self.key.clear();
                self.key.push_str(&text[p..e]);
                self.key.make_ascii_lowercase();
                m.long_heads.get(self.key.as_bytes())
            };
            let Some(&root) = root else {
                continue;
            };
            m.forms_from(root, bytes, e, &mut self.candidates);
            // The longest form whose ends are on word boundaries: when
            // "domiciliary care" runs on into "domiciliary carers", the
            // shorter "domiciliary" may still be a term.
            let found = self
                .candidates
                .longest_first()
                .filter_map(|i| m.patterns.get(i as usize))
                .find(|f| ends_a_word(text, p + f.len as usize));
            let Some(found) = found else {
                continue;
            };
            let end = p + found.len as usize;
            // Matches do not overlap.
            self.at = end;
            return Some((found.entry as usize, p..end, found.base));
        }
    }
}

/// Whether a form that ends at `end` ends a word there: nothing joins it to
/// the next word ("butilised", "non-jargon-ish"), except a possessive ("the
/// provider's fees", "the providers’ fees").
fn ends_a_word(text: &str, end: usize) -> bool {
    let Some(rest) = text.get(end..) else {
        return false;
    };
    let mut chars = rest.chars();
    let after = chars.next();
    // "e.g." ends with a stop, so a letter may follow.
    let word_end = text[..end].ends_with(char::is_alphanumeric);
    if joins(after) && word_end {
        if !matches!(after, Some('\'' | '’')) {
            return false;
        }
        let next = chars.next();
        let possessive = match next {
            // "provider's", not "provider'sfoo"
            Some('s') => !joins(chars.next()),
            // "providers' fees": the form ends in s, and the word ends
            _ => text[..end].ends_with(['s', 'S']) && !joins(next),
        };
        return possessive;
    }
    // Part of a longer hyphenated word: "non-jargon-ish".
    !(after == Some('-') && chars.next().is_some_and(char::is_alphanumeric))
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
/// Sorted, without repeats.
pub fn variants(term: &str) -> Vec<String> {
    let mut out = Vec::new();
    each_variant(term, true, &mut out);
    out.sort();
    out.dedup();
    out
}

/// The forms of [`variants`], in no order and possibly repeated, added to
/// `out`.
fn each_variant(term: &str, jargon: bool, out: &mut Vec<String>) {
    let from = out.len();
    out.push(term.to_owned());
    let first_end = term.find(' ').unwrap_or(term.len());
    let last_start = term.rfind(' ').map_or(0, |i| i + 1);
    let two_words = first_end < term.len() && term[first_end + 1..].find(' ').is_none();
    // Inflect the first word (verbs: "touch base", "touched base") and the
    // last (nouns: "care packages").
    inflections(&term[..first_end], &mut |form| {
        let mut s = String::with_capacity(term.len() + 4);
        s.push_str(form);
        s.push_str(&term[first_end..]);
        out.push(s);
    });
    // A hyphenated last word takes its endings on its last part:
    // "co-produce", "co-produced".
    let last_part = term[last_start..]
        .rfind('-')
        .map_or(last_start, |i| last_start + i + 1);
    if first_end < term.len() || last_part > 0 {
        inflections(&term[last_part..], &mut |form| {
            let mut s = String::with_capacity(term.len() + 4);
            s.push_str(&term[..last_part]);
            s.push_str(form);
            out.push(s);
        });
    }
    derived(term, jargon, out);
    // Closed-up forms of two-word terms ("road map", "roadmap"), and the
    // forms of one-word terms that start with a prefix, hyphenated or
    // spaced ("reablement", "re-ablement"; "multiagency", "multi-agency").
    let alphabetic = |w: &str| !w.is_empty() && w.bytes().all(|b| b.is_ascii_alphabetic());
    // Not "abide by" or "prior to": small words are not closed up.
    let second = &term[(first_end + 1).min(term.len())..];
    if two_words
        && alphabetic(&term[..first_end])
        && alphabetic(second)
        && !NOT_CLOSED.contains(&second)
    {
        // The last word's endings only: "roadmaps", not "roadsmap".
        let first_word = &term[..=first_end];
        for i in from..out.len() {
            if out[i].starts_with(first_word) && !out[i].contains('-') {
                let closed = out[i].replacen(' ', "", 1);
                out.push(closed);
            }
        }
    } else if alphabetic(term) {
        if let Some(prefix) = PREFIXES
            .iter()
            .find(|p| term.len() >= p.len() + 4 && term.starts_with(*p))
        {
            for i in from..out.len() {
                let rest = &out[i][prefix.len()..];
                let hyphened = [prefix, "-", rest].concat();
                let spaced = (rest.len() >= 5).then(|| [prefix, " ", rest].concat());
                out.push(hyphened);
                out.extend(spaced);
            }
        }
    }
    for i in from..out.len() {
        if let Some(us) = american(&out[i], term) {
            out.push(us);
        }
    }
    for i in from..out.len() {
        let form = &out[i];
        if form.contains('-') {
            let spaced = form.replace('-', " ");
            let closed = form.replace('-', "");
            out.push(spaced);
            out.push(closed);
        } else if two_words {
            let hyphened = form.replacen(' ', "-", 1);
            out.push(hyphened);
        } else if jargon
            && (2..=3).contains(&form.matches(' ').count())
            && form.strip_suffix('s').unwrap_or(form) == term.strip_suffix('s').unwrap_or(term)
        {
            // "out of area placement" before a noun: "out-of-area
            // placement". Every way of joining its words, in the listed
            // form and its plural.
            let gaps: Vec<usize> = form.match_indices(' ').map(|(i, _)| i).collect();
            let form = form.clone();
            for mask in 1..(1u32 << gaps.len()) {
                let mut joined = form.clone().into_bytes();
                for (g, &at) in gaps.iter().enumerate() {
                    if mask & (1 << g) != 0 {
                        joined[at] = b'-';
                    }
                }
                out.push(String::from_utf8(joined).unwrap_or_default());
            }
        }
    }
}

/// Second words that do not close up with the first.
const NOT_CLOSED: &[&str] = &[
    "a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on", "onto", "or",
    "than", "that", "the", "to", "with",
];

/// Prefixes that writers join to a word with a hyphen, a space or
/// nothing: "re-ablement", "multiagency", "co production". Longest first,
/// so "inter" is tried before "in" would be (there is no "in" here: too
/// many words start with it).
const PREFIXES: &[&str] = &[
    "counter", "multi", "inter", "cross", "intra", "micro", "extra", "trans", "over", "post",
    "self", "semi", "step", "anti", "non", "pre", "sub", "mid", "co", "de", "re",
];

/// Forms derived from a term that plain inflection does not make, added
/// to `out` with their own inflections:
///
/// - the -ly adverb of a one-word adjective ("holistic", "holistically";
///   "robust", "robustly"; "sustainable", "sustainably");
/// - for jargon, from an -ing noun its past form and agent noun
///   ("commissioning": "commissioned", "commissioners"; "joint
///   commissioning": "joint commissioners"). Not the bare verb: "actions"
///   and "concerns" are plain words whatever "actioning" is;
/// - singular and plural inside a hyphenated compound ("strength-based",
///   "strengths-based").
fn derived(term: &str, jargon: bool, out: &mut Vec<String>) {
    let last_start = term.rfind(' ').map_or(0, |i| i + 1);
    let last = &term[last_start..];
    let single = last_start == 0;
    let alphabetic = !last.is_empty() && last.bytes().all(|b| b.is_ascii_alphabetic());
    if single && alphabetic && last.len() >= 5 {
        if let Some(stem) = last.strip_suffix("ble") {
            out.push([stem, "bly"].concat());
        } else if last.ends_with("ic") {
            out.push([last, "ally"].concat());
        } else if [
            "al", "ent", "ant", "ive", "ous", "less", "ful", "ust", "ate", "ary",
        ]
        .iter()
        .any(|e| last.ends_with(e))
        {
            out.push([last, "ly"].concat());
        }
    }
    if jargon && alphabetic && last.len() >= 8 {
        if let Some(stem) = last.strip_suffix("ing") {
            // "mapping" -> "map"; "upskilling" keeps its "ll".
            let b = stem.as_bytes();
            let n = b.len();
            let stem = if n >= 2 && b[n - 1] == b[n - 2] && !b"lsfz".contains(&b[n - 1]) {
                &stem[..n - 1]
            } else {
                stem
            };
            let head = &term[..last_start];
            for ending in ["er", "ers", "ed"] {
                out.push([head, stem, ending].concat());
            }
        }
    }
    // "best interests decision", "best interest decision": a word before
    // the last one, singular or plural.
    if !single {
        let mut at = 0;
        for word in term[..last_start].split(' ') {
            let end = at + word.len();
            if word.len() >= 5 && word.bytes().all(|b| b.is_ascii_alphabetic()) {
                let other = match word.strip_suffix('s') {
                    Some(one) if !one.ends_with('s') => one.to_owned(),
                    Some(_) => String::new(),
                    None => [word, "s"].concat(),
                };
                if !other.is_empty() {
                    out.push([&term[..at], &other, &term[end..]].concat());
                }
            }
            at = end + 1;
        }
    }
    if let Some(hyphen) = term.find('-') {
        let part = &term[..hyphen];
        if part.len() >= 6 && part.bytes().all(|b| b.is_ascii_alphabetic()) {
            // "needs-led" stays: "need-led" would close up as "needled".
            let other = match part.strip_suffix('s') {
                Some(one) if !one.ends_with('s') && one.len() >= 5 => one.to_owned(),
                Some(_) => return,
                None => [part, "s"].concat(),
            };
            out.push([other.as_str(), &term[hyphen..]].concat());
        }
    }
}

/// Regular inflections of one English word, each passed to `f`:
/// -s/-es/-ies, -ed/-d/-ied, -ing (dropping a final e, doubling a final
/// consonant where English does).
fn inflections(word: &str, f: &mut impl FnMut(&str)) {
    if word.len() < 3 || !word.bytes().all(|c| c.is_ascii_alphabetic()) {
        return;
    }
    let mut buf = String::with_capacity(word.len() + 5);
    let mut emit = |stem: &str, ending: &str| {
        buf.clear();
        buf.push_str(stem);
        buf.push_str(ending);
        f(&buf);
    };
    let b = word.as_bytes();
    let last = b[b.len() - 1];
    let before = b[b.len() - 2];
    let vowel = |c: u8| b"aeiou".contains(&c);
    if let Some(stem) = word.strip_suffix('y').filter(|_| !vowel(before)) {
        emit(stem, "ies");
        emit(stem, "ied");
        emit(word, "ing");
    } else if let Some(stem) = word.strip_suffix('e') {
        emit(word, "s");
        emit(word, "d");
        emit(stem, "ing");
        // utilise -> utilisation
        if word.ends_with("ise") || word.ends_with("ize") {
            emit(stem, "ation");
        }
    } else {
        if ["s", "x", "z", "ch", "sh"]
            .iter()
            .any(|e| word.ends_with(e))
        {
            emit(word, "es");
        } else {
            emit(word, "s");
        }
        emit(word, "ed");
        emit(word, "ing");
        // commit -> committed: a single vowel before a final consonant.
        let b3 = b.len() >= 3 && !vowel(b[b.len() - 3]);
        if !vowel(last) && vowel(before) && b3 && !b"wxy".contains(&last) {
            let doubled = [last];
            let doubled = std::str::from_utf8(&doubled).unwrap_or("");
            let mut stem = String::with_capacity(word.len() + 1);
            stem.push_str(word);
            stem.push_str(doubled);
            emit(&stem, "ed");
            emit(&stem, "ing");
        }
    }
}

/// Whether `needle` occurs in `haystack`. For the short strings here, a
/// plain scan beats setting up a general substring search.
fn has(haystack: &str, needle: &str) -> bool {
    let (h, n) = (haystack.as_bytes(), needle.as_bytes());
    n.len() <= h.len() && (0..=h.len() - n.len()).any(|i| h[i] == n[0] && h[i..].starts_with(n))
}

/// British spellings and their American ones, applied in this order.
const SPELLINGS: &[(&str, &str)] = &[
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
];

/// The first two letters of every British spelling in [`SPELLINGS`].
const SPELLING_STARTS: &[[u8; 2]] = &[
    *b"is", *b"ys", *b"ou", *b"og", *b"pr", *b"ce", *b"el", *b"oe", *b"ae",
];

/// The American spelling of a British form of `base`, where the rules
/// give one.
fn american(form: &str, base: &str) -> Option<String> {
    // Most forms have no British spelling in them, and need no closer
    // look (a good part of building the lists at start-up).
    let maybe = form
        .as_bytes()
        .windows(2)
        .any(|w| SPELLING_STARTS.contains(&[w[0], w[1]]));
    if !maybe {
        return None;
    }
    let mut s: Option<String> = None;
    for &(uk, us) in SPELLINGS {
        // "oe" and "ae" only where the listed term has them (oedema,
        // anaemia), never where an ending made them ("forgo", "forgoed").
        if matches!(uk, "oe" | "ae") && !base.contains(uk) {
            continue;
        }
        let cur = s.as_deref().unwrap_or(form);
        // "our" alone stays "our"; "oedema" starts with the digraph.
        if has(cur, uk) && (!cur.starts_with(uk) || matches!(uk, "oe" | "ae")) {
            s = Some(cur.replace(uk, us));
        }
    }
    s.filter(|s| s != form)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`lower_run`] one byte at a time.
    fn lower_run_slowly(bytes: &[u8], p: usize) -> (usize, u64, u64) {
        let end = p + head_len(&bytes[p..]);
        let key = pack(&bytes[p..end.min(p + 16)].to_ascii_lowercase());
        (end, key as u64, (key >> 64) as u64)
    }

    #[test]
    fn runs_are_read_eight_bytes_at_a_time_as_one_at_a_time() {
        // Every byte next to the edges of the letter and digit ranges, and
        // bytes above 0x7f, at every place in runs of up to 40 bytes.
        let edges: Vec<u8> = b"/09:@AZ[`az{"
            .iter()
            .copied()
            .chain([0, 0x7f, 0x80, 0xc3, 0xe2, 0xff, b' ', b'-'])
            .collect();
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for _ in 0..20_000 {
            let len = (next() % 40) as usize + 1;
            let bytes: Vec<u8> = (0..len)
                .map(|_| match next() % 4 {
                    0 => edges[(next() % edges.len() as u64) as usize],
                    1 => b'A' + (next() % 26) as u8,
                    2 => b'0' + (next() % 10) as u8,
                    _ => b'a' + (next() % 26) as u8,
                })
                .collect();
            for p in 0..len {
                assert_eq!(
                    lower_run(&bytes, p),
                    lower_run_slowly(&bytes, p),
                    "{bytes:?} from {p}"
                );
            }
        }
    }

    #[test]
    fn every_british_spelling_starts_with_a_listed_pair() {
        for (uk, _) in SPELLINGS {
            let b = uk.as_bytes();
            assert!(SPELLING_STARTS.contains(&[b[0], b[1]]), "{uk}");
        }
    }

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

    /// Every form the matcher knows, as (text, entry, is the listed form),
    /// in an order Aho-Corasick can use.
    fn forms() -> Forms {
        let mut out: Forms = lists()
            .matcher
            .forms()
            .into_iter()
            .map(|(text, p)| (text, p.entry as usize, p.base))
            .collect();
        out.sort();
        out
    }

    type Forms = Vec<(String, usize, bool)>;

    type Found = Vec<(usize, std::ops::Range<usize>, bool)>;

    fn starts_a_word(text: &str, start: usize) -> bool {
        let before = text[..start].chars().next_back();
        !(joins(before) || before == Some('-'))
    }

    /// The reference: every occurrence of every form, found by an
    /// Aho-Corasick automaton; then, from left to right, at each place a
    /// word can start, the longest occurrence there that nothing joins to
    /// a word. Matches do not overlap.
    fn reference(text: &str) -> Found {
        static AC: LazyLock<(aho_corasick::AhoCorasick, Forms)> = LazyLock::new(|| {
            let forms = forms();
            let ac = aho_corasick::AhoCorasick::new(forms.iter().map(|f| &f.0)).unwrap();
            (ac, forms)
        });
        let (ac, forms) = &*AC;
        let lower = text.to_ascii_lowercase();
        let mut ends: std::collections::BTreeMap<usize, Vec<(usize, usize)>> = Default::default();
        for m in ac.find_overlapping_iter(&lower) {
            ends.entry(m.start())
                .or_default()
                .push((m.end(), m.pattern().as_usize()));
        }
        let mut out = Vec::new();
        let mut at = 0;
        for (&start, found) in &mut ends {
            if start < at || !starts_a_word(text, start) {
                continue;
            }
            found.sort();
            if let Some(&(end, pattern)) =
                found.iter().rev().find(|(end, _)| ends_a_word(text, *end))
            {
                at = end;
                let (_, entry, base) = forms[pattern];
                out.push((entry, start..end, base));
            }
        }
        out
    }

    fn found(text: &str) -> Found {
        let mut buf = String::new();
        lists().find(text, &mut buf).collect()
    }

    #[test]
    fn same_as_the_reference_on_real_documents() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files = Vec::new();
        for dir in ["../../corpus/clean", "../../corpus/dirty", "tests/data"] {
            for e in std::fs::read_dir(root.join(dir)).unwrap() {
                let path = e.unwrap().path();
                if path.is_file() {
                    files.push(path);
                }
            }
        }
        files.sort();
        let mut matches = 0;
        for path in files {
            let text = std::fs::read_to_string(&path).unwrap();
            let got = found(&text);
            assert_eq!(got, reference(&text), "{}", path.display());
            matches += got.len();
        }
        assert!(matches > 1000, "{matches}");
    }

    /// Text made of listed forms in any case, joined by spaces,
    /// punctuation, letters and word endings.
    fn wordy_text() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        static FORMS: LazyLock<Vec<String>> =
            LazyLock::new(|| forms().into_iter().map(|f| f.0).collect());
        let piece = prop_oneof![
            4 => (0..FORMS.len(), 0..4u8).prop_map(|(i, case)| {
                let f = &FORMS[i];
                match case {
                    0 => f.to_uppercase(),
                    1 => crate::rules::match_case("X", f),
                    _ => f.clone(),
                }
            }),
            4 => prop::sample::select(vec![
                " ", " ", " ", "-", "'", "’", ".", ", ", "(", ")", "\n", "é", "x", "s", "ed",
                "ing", "/", "the ", "care ", "in ", "non-", "“", "e.g.", "3",
            ])
            .prop_map(str::to_owned),
        ];
        prop::collection::vec(piece, 1..30).prop_map(|v| v.concat())
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 500, ..Default::default() })]
        #[test]
        fn same_as_the_reference_on_any_mix_of_terms(text in wordy_text()) {
            proptest::prop_assert_eq!(found(&text), reference(&text));
        }

        #[test]
        fn same_as_the_reference_on_any_text(text in "\\PC{0,80}") {
            proptest::prop_assert_eq!(found(&text), reference(&text));
        }
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
