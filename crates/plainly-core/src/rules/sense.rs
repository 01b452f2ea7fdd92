//! Everyday senses of listed words. Some listed terms also have a literal
//! sense ("keep your key safe", "pull down the blind", "follow the signpost
//! to the car park"). `wordlists/senses.tsv` lists, for such terms, the
//! words around them that show the everyday sense; a match with one of
//! those cues is not a term at all, so no rule sees it.
//!
//! The cues are parsed once and kept by entry number, so a match costs one
//! lookup, and a few word comparisons for the few dozen terms with cues.

use std::sync::LazyLock;

use super::TermMatch;
use crate::wordlists::{self, List};
use crate::Document;

/// The embedded cue file for everyday senses.
pub const SENSES_TSV: &str = include_str!("../../../../wordlists/senses.tsv");

/// The embedded cue file for jargon senses.
pub const USES_TSV: &str = include_str!("../../../../wordlists/uses.tsv");

/// How many words before and after a term the `before` and `after` cues
/// look at.
const WINDOW: usize = 4;

/// The cues for one term, in lower case.
#[derive(Debug, Default)]
struct Cues {
    before: Vec<&'static str>,
    just_before: Vec<&'static str>,
    just_after: Vec<&'static str>,
    /// `(noun)`: any everyday word right after the term.
    noun_after: bool,
    after: Vec<&'static str>,
}

/// The list a `list` column names.
fn list_named(name: &str) -> Option<List> {
    match name {
        "jargon" => Some(List::Jargon),
        "complex-words" => Some(List::ComplexWords),
        "inclusive" => Some(List::Inclusive),
        _ => None,
    }
}

fn words(field: &'static str) -> Vec<&'static str> {
    if field.trim() == "-" {
        return Vec::new();
    }
    field
        .split("; ")
        .map(str::trim)
        .filter(|w| !w.is_empty())
        .collect()
}

/// Everyday-sense cues by built-in entry number.
static CUES: LazyLock<Vec<Option<Cues>>> = LazyLock::new(|| cue_table(SENSES_TSV));

/// Jargon-sense cues (`uses.tsv`) by built-in entry number.
static USES: LazyLock<Vec<Option<Cues>>> = LazyLock::new(|| cue_table(USES_TSV));

/// The cues of a file in the layout of `senses.tsv`, by entry number.
fn cue_table(tsv: &'static str) -> Vec<Option<Cues>> {
    let entries = &wordlists::lists().entries;
    let mut by_term: rustc_hash::FxHashMap<(List, String), usize> = Default::default();
    for (i, e) in entries.iter().enumerate() {
        by_term.entry((e.list, e.term.to_lowercase())).or_insert(i);
    }
    let mut table: Vec<Option<Cues>> = Vec::new();
    table.resize_with(entries.len(), || None);
    for r in wordlists::rows(tsv) {
        let col = |i: usize| r.get(i).copied().unwrap_or("-");
        let Some(list) = list_named(col(0)) else {
            continue;
        };
        let Some(&i) = by_term.get(&(list, col(1).to_lowercase())) else {
            continue;
        };
        let mut just_after = words(col(4));
        let noun_after = just_after.contains(&"(noun)");
        just_after.retain(|w| *w != "(noun)");
        table[i] = Some(Cues {
            before: words(col(2)),
            just_before: words(col(3)),
            just_after,
            noun_after,
            after: words(col(5)),
        });
    }
    table
}

/// Small grammar words: a word after a term that is one of these is not a
/// noun the term describes.
const GRAMMAR: &[&str] = &[
    "a", "about", "after", "all", "also", "an", "and", "are", "as", "at", "be", "been", "but",
    "by", "can", "could", "did", "do", "does", "for", "from", "had", "has", "have", "he", "her",
    "his", "i", "in", "into", "is", "it", "its", "may", "might", "must", "not", "of", "on", "or",
    "our", "she", "should", "so", "than", "that", "the", "their", "them", "then", "these", "they",
    "this", "those", "to", "too", "was", "we", "were", "when", "where", "which", "who", "will",
    "with", "would", "you", "your",
];

/// Whether `c` ends the clause a term is in, for looking at its cues.
fn ends_clause(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | ';' | ':' | '\n')
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '\'' || c == '’'
}

fn any_is(cues: &[&str], word: &str) -> bool {
    cues.iter().any(|c| c.eq_ignore_ascii_case(word))
}

/// Whether every word of `text` starts with a capital and goes on in small
/// letters: "Care Quality Commission". Words in capitals ("PRIOR TO") are
/// shouted, not names.
pub(crate) fn title_case(text: &str) -> bool {
    text.split([' ', '-'])
        .all(|w| w.starts_with(char::is_uppercase) && w.chars().any(char::is_lowercase))
}

/// Titles that follow a word at the start of a sentence without making it
/// part of a name: "Elderly Mr Jones" is a label, not a name.
const TITLES: &[&str] = &["Dr", "I", "Miss", "Mr", "Mrs", "Ms", "Mx", "Sir"];

/// Days and months: capitals that do not make a name.
const CALENDAR: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Whether the match is part of a name, such as an organisation's: "the
/// Blind Veterans shop", or at the start of a sentence, "Wraparound Kids
/// is a holiday club" (a capital on the next word too). Headings and table
/// cells often put capitals on every word, so there this is no sign.
fn in_a_name(block: &crate::markdown::Block, m: &TermMatch<'_>) -> bool {
    use crate::markdown::BlockKind;
    if matches!(block.kind, BlockKind::Heading(_) | BlockKind::TableCell) {
        return false;
    }
    let capitals = title_case;
    if m.sentence_start {
        let next = m
            .after
            .strip_prefix(' ')
            .and_then(|a| a.split(|c: char| !is_word_char(c)).next())
            .unwrap_or("");
        // The next word starts with a capital but is not an abbreviation
        // ("Safeguarding NHS staff"), a title or a day or month; and the
        // term is a word, not an abbreviation such as "N.B.".
        let proper = next.starts_with(char::is_uppercase)
            && next.chars().skip(1).any(char::is_lowercase)
            && !TITLES.contains(&next)
            && !CALENDAR.contains(&next);
        capitals(m.text) && !m.text.contains('.') && m.after.starts_with(' ') && proper
    } else {
        m.text
            .strip_prefix("the ")
            .is_some_and(|rest| !rest.is_empty() && capitals(rest))
    }
}

/// Whether the match `m` is not a listed term after all: a word used in its
/// everyday sense, or part of a name.
pub(crate) fn everyday(doc: &Document<'_>, m: &TermMatch<'_>) -> bool {
    let Some(block) = doc.blocks.get(m.block) else {
        return false;
    };
    let capital = m.text.starts_with(char::is_uppercase) || m.text.starts_with("the ");
    // Latin entries are abbreviations, never names.
    let latin = wordlists::lists()
        .entries
        .get(m.entry)
        .is_some_and(|e| e.list == List::Latin);
    if capital && !latin && in_a_name(block, m) {
        return true;
    }
    match CUES.get(m.entry) {
        Some(Some(cues)) => has_cue(block, m, cues),
        _ => false,
    }
}

/// Whether the words around `m` show that it is used in its jargon sense
/// (`uses.tsv`): "a **robust** plan", "**deliver** better outcomes".
pub(crate) fn jargon_sense(doc: &Document<'_>, m: &TermMatch<'_>) -> bool {
    let Some(Some(cues)) = USES.get(m.entry) else {
        return false;
    };
    doc.blocks
        .get(m.block)
        .is_some_and(|block| has_cue(block, m, cues))
}

/// Whether one of `cues` is in its place around `m`, within its clause.
fn has_cue(block: &crate::markdown::Block, m: &TermMatch<'_>, cues: &Cues) -> bool {
    // The match is a slice of its block's text: what comes before it is
    // the text up to where it starts.
    let start = (m.text.as_ptr() as usize).wrapping_sub(block.text.as_ptr() as usize);
    let before = block.text.get(..start).unwrap_or("");
    let before = before.rsplit(ends_clause).next().unwrap_or("");
    let after = m.after.split(ends_clause).next().unwrap_or("");

    let mut words_before = before
        .rsplit(|c: char| !is_word_char(c))
        .filter(|w| !w.is_empty())
        .take(WINDOW);
    if let Some(last) = words_before.next() {
        if any_is(&cues.just_before, last) || any_is(&cues.before, last) {
            return true;
        }
    }
    if words_before.any(|w| any_is(&cues.before, w)) {
        return true;
    }

    let mut words_after = after
        .split(|c: char| !is_word_char(c))
        .filter(|w| !w.is_empty())
        .take(WINDOW);
    if let Some(first) = words_after.next() {
        let right_after = after.starts_with(' ');
        if right_after && any_is(&cues.just_after, first) {
            return true;
        }
        if right_after
            && cues.noun_after
            && first.chars().all(char::is_lowercase)
            && !any_is(GRAMMAR, first)
        {
            return true;
        }
        if any_is(&cues.after, first) {
            return true;
        }
    }
    words_after.any(|w| any_is(&cues.after, w))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wordlists::lists;

    /// One row of `senses.tsv`, as written.
    struct Row {
        list: &'static str,
        term: &'static str,
        columns: usize,
    }

    fn rows() -> impl Iterator<Item = Row> {
        wordlists::rows(SENSES_TSV).map(|r| Row {
            list: r.first().copied().unwrap_or(""),
            term: r.get(1).copied().unwrap_or(""),
            columns: r.len(),
        })
    }

    #[test]
    fn every_row_names_a_listed_term() {
        for r in rows() {
            assert_eq!(r.columns, 7, "{} needs 7 columns", r.term);
            let list = list_named(r.list)
                .unwrap_or_else(|| panic!("{}: no list called {}", r.term, r.list));
            assert!(
                lists()
                    .entries
                    .iter()
                    .any(|e| e.list == list && e.term.eq_ignore_ascii_case(r.term)),
                "{} is not in {}",
                r.term,
                r.list
            );
        }
    }

    #[test]
    fn rows_are_in_order_without_duplicates() {
        let keys: Vec<(&str, String)> = rows().map(|r| (r.list, r.term.to_lowercase())).collect();
        assert!(
            keys.windows(2).all(|w| w[0] < w[1]),
            "sort senses.tsv by list, then term"
        );
    }

    #[test]
    fn every_example_is_left_alone() {
        for r in wordlists::rows(SENSES_TSV) {
            let example = r[6];
            let got = check_all(example);
            assert!(got.is_empty(), "{example:?}: {got:?}");
        }
    }

    #[test]
    fn literal_senses_pass_and_jargon_senses_are_flagged() {
        for s in [
            "Please keep the key safe.",
            "Close the blind at night.",
            "The blind in the kitchen is broken.",
            "The top shelf is hard to reach.",
            "The village is hard to reach by bus.",
            "We grow dwarf beans in the garden.",
            "My mind keeps wandering in meetings.",
            "Thread the rope through the loop in the fence.",
            "The road circles back to the village.",
            "The phone number is on the same page.",
            "Follow the signposts to the car park.",
            "We played hide and seek in the park.",
            "Wraparound Kids is a holiday club in Hull.",
            "The Blind Veterans UK shop is on Main Street.",
            "Wandering Minds is a book club for older people.",
            "We meet at the Elderly Care ward.",
        ] {
            assert!(check_all(s).is_empty(), "{s}: {:?}", check_all(s));
        }
        for (s, want) in [
            ("We will fit a key safe by your door.", "key safe"),
            ("The library has audio books for the blind.", "the blind"),
            (
                "We work with families who are hard to reach.",
                "hard to reach",
            ),
            (
                "Staff found him wandering in the car park at night.",
                "wandering",
            ),
            ("I will loop in the manager.", "loop in"),
            ("I will circle back to you on Friday.", "circle back"),
            ("We need everyone on the same page.", "on the same page"),
            ("We will signpost to other services.", "signpost to"),
            ("He is a dwarf with a big heart.", "dwarf"),
            ("Please seek advice from your GP.", "seek advice"),
            ("Elderly Mr Jones lives alone.", "Elderly"),
            ("N.B. The clinic is shut.", "N.B."),
            ("Safeguarding NHS staff is our job.", "Safeguarding"),
            ("## Your Care Package", "Care Package"),
        ] {
            assert!(
                check_all(s).iter().any(|t| t == want),
                "{s}: {:?}",
                check_all(s)
            );
        }
    }

    fn check_all(s: &str) -> Vec<String> {
        crate::check(s, &crate::Settings::default())
            .diagnostics
            .iter()
            .map(|d| d.span.text(s).to_owned())
            .collect()
    }
}
