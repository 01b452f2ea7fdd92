use std::collections::HashMap;

use rustc_hash::FxHashMap;

use super::{declare_rule, Context};
use crate::diagnostic::{Applicability, Diagnostic, Related, Severity, Suggestion, Suggestions};
use crate::{flags, Span, WordKind};

declare_rule! {
    /// ## What it flags
    ///
    /// An abbreviation or acronym used before it is spelt out: "CQC" with no
    /// "Care Quality Commission (CQC)" at or before its first use. Plurals
    /// (GPs), mixed case (DoLS, SENCo), ampersands (A&E) and dotted forms
    /// (U.K.) count. Well-known ones (NHS, GP, UK) pass for the public but
    /// not for Easy Read.
    ///
    /// These count as spelling it out: "Care Quality Commission (CQC)", "CQC
    /// (Care Quality Commission)", "CQC, the Care Quality Commission,", "CQC
    /// stands for ...", "CQC means ...", a glossary section (a heading such
    /// as Glossary, Abbreviations or Key terms), and Markdown abbreviation
    /// lines such as `*[CQC]: Care Quality Commission`.
    ///
    /// ## Why it matters
    ///
    /// Readers cannot look up letters they have never seen. An abbreviation
    /// that is never explained locks them out of the sentence.
    ///
    /// ## Example
    ///
    /// ```markdown
    /// The CQC will inspect the home in June.
    /// ```
    ///
    /// ## Use instead
    ///
    /// ```markdown
    /// The Care Quality Commission (CQC) will inspect the home in June.
    /// ```
    ///
    /// ## Options
    ///
    /// The `easy-read` audience flags well-known abbreviations too.
    ///
    /// In `plainly.toml`: `[rules.undefined-abbreviation]` takes
    /// `allow-well-known` (true or false) to choose that for any audience,
    /// and `enabled` and `severity`, as every rule does. Add your own
    /// abbreviations, with what they stand for, under
    /// `[extend-abbreviations]`.
    pub static UNDEFINED_ABBREVIATION = "undefined-abbreviation", Severity::Warning, "Abbreviations used before they are spelt out", check;
}

/// Headings that start a glossary: every abbreviation in its section is
/// defined for the whole document.
const GLOSSARY_HEADINGS: &[&str] = &[
    "abbreviations",
    "acronyms",
    "definitions",
    "glossary",
    "jargon buster",
    "key terms",
    "key words",
    "terms we use",
    "what the words mean",
    "what these words mean",
    "words we use",
    "word list",
];

/// Whether a heading, in lower case, names a glossary: it contains one of
/// [`GLOSSARY_HEADINGS`]. Looked for at each place where one could start.
fn is_glossary(heading: &str) -> bool {
    let b = heading.as_bytes();
    (0..b.len()).any(|i| {
        matches!(b[i], b'a' | b'd' | b'g' | b'j' | b'k' | b't' | b'w')
            && GLOSSARY_HEADINGS
                .iter()
                .any(|g| b[i..].starts_with(g.as_bytes()))
    })
}

/// Whether `word` is a well-formed Roman numeral (II, IV, XII, MCMXC): its
/// value, written back in standard form, gives the same letters.
pub(crate) fn is_roman(word: &str) -> bool {
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let value_of = |c: char| match c {
        'I' => Some(1),
        'V' => Some(5),
        'X' => Some(10),
        'L' => Some(50),
        'C' => Some(100),
        'D' => Some(500),
        'M' => Some(1000),
        _ => None,
    };
    let Some(values) = word.chars().map(value_of).collect::<Option<Vec<u32>>>() else {
        return false;
    };
    if values.is_empty() || values.len() > 15 {
        return false;
    }
    let mut total = 0i64;
    for (i, v) in values.iter().enumerate() {
        if values.get(i + 1).is_some_and(|n| n > v) {
            total -= i64::from(*v);
        } else {
            total += i64::from(*v);
        }
    }
    if !(1..4000).contains(&total) {
        return false;
    }
    let mut n = total as u32;
    let mut canonical = String::new();
    for (v, s) in TABLE {
        while n >= v {
            canonical.push_str(s);
            n -= v;
        }
    }
    canonical == word
}

/// Words after which a Roman numeral is a number: "Part IV", "Stage II".
const NUMBERED: &[&str] = &[
    "act", "annex", "appendix", "article", "band", "book", "chapter", "class", "grade", "level",
    "part", "phase", "schedule", "section", "stage", "step", "tier", "type", "volume", "war",
];

/// Units written in capitals after a number: "4 GB".
const UNITS: &[&str] = &[
    "GB", "KB", "MB", "TB", "AM", "PM", "MPH", "KG", "KM", "ML", "MG", "CM", "MM", "MHZ", "GHZ",
    "KW", "KWH",
];

/// The abbreviation a word is, without a plural or possessive ending:
/// `GPs` -> `GP`, `CQC's` -> `CQC`, `U.K.` -> `UK`.
/// A word up to its first hyphen (`-`, U+2010 or U+2011).
fn first_part(word: &str) -> &str {
    let b = word.as_bytes();
    // U+2010 and U+2011 are E2 80 90 and E2 80 91 in UTF-8.
    let cut = (0..b.len()).find(|&i| {
        b[i] == b'-'
            || (b[i] == 0xE2
                && b.get(i + 1) == Some(&0x80)
                && matches!(b.get(i + 2), Some(0x90 | 0x91)))
    });
    cut.map_or(word, |i| &word[..i])
}

fn candidate(word: &str) -> Option<String> {
    // Most words have fewer than two capitals: nothing to look at.
    if few_capitals(word) {
        return None;
    }
    let word = word.trim_end_matches("'s").trim_end_matches("’s");
    let undotted: String = word.chars().filter(|&c| c != '.').collect();
    let base = undotted
        .strip_suffix('s')
        .filter(|b| b.chars().filter(|c| c.is_uppercase()).count() >= 2)
        .unwrap_or(&undotted);
    let upper = base.chars().filter(|c| c.is_uppercase()).count();
    let ok = upper >= 2
        && base.chars().all(|c| c.is_alphanumeric() || c == '&')
        && base.chars().next().is_some_and(char::is_uppercase)
        // Mixed case (DoLS, SENCo) needs most letters in capitals.
        && upper * 2 >= base.chars().filter(|c| c.is_alphabetic()).count();
    ok.then(|| base.to_owned())
}

/// What a word is as an abbreviation, apart from where it stands.
#[derive(Debug)]
struct Abbr {
    /// The length of its first part ("CQC" of "CQC-registered").
    part_len: usize,
    /// The abbreviation in capitals, without a plural ending or dots.
    key: String,
    /// A Roman numeral that is also a listed abbreviation: a number after
    /// "Part" or a name.
    roman: bool,
    /// A unit ("GB"): not an abbreviation after a number.
    unit: bool,
}

impl Abbr {
    /// `None` for a word that is never an abbreviation to report.
    fn of(
        ctx: &Context,
        lists: &crate::wordlists::WordLists,
        w_text: &str,
        number: bool,
    ) -> Option<Abbr> {
        // Codes with digits count only when listed ("KS2").
        if number && ctx.abbreviation(w_text).is_none() {
            return None;
        }
        let text = first_part(w_text);
        let base = candidate(text)?;
        // Latin abbreviations ("N.B.") have their own rule.
        if lists.is_latin(w_text) {
            return None;
        }
        let key = base.to_uppercase();
        let listed = ctx.abbreviation(&base);
        // Not abbreviations: Roman numerals that are not listed
        // abbreviations, "OK", and ordinary words in capitals (the
        // `all-caps` rule's).
        let roman = is_roman(&base);
        if roman && listed.is_none() {
            return None;
        }
        if base == "OK" {
            return None;
        }
        // Postcodes and codes ("WB1 1AA", "A4") are not abbreviations,
        // nor are ordinary words in capitals (the `all-caps` rule's).
        let code = base.contains(|c: char| c.is_ascii_digit());
        if listed.is_none() && (code || super::all_caps::is_shouted(&base)) {
            return None;
        }
        Some(Abbr {
            part_len: text.len(),
            unit: UNITS.contains(&key.as_str()),
            key,
            roman,
        })
    }
}

/// Whether a word in capitals is also an English word ("US", "IT").
fn is_english(word: &str) -> bool {
    let word = word.trim_end_matches("'S").trim_end_matches("’S");
    super::all_caps::is_english(word)
}

/// Whether `word` has fewer than two capitals: not an abbreviation, and
/// nothing more to look at (most words).
pub(crate) fn few_capitals(word: &str) -> bool {
    let mut capitals = 0;
    for &b in word.as_bytes() {
        if !b.is_ascii() {
            // Fewer than two ASCII capitals so far: count every capital.
            return word.chars().filter(|c| c.is_uppercase()).take(2).count() < 2;
        }
        if b.is_ascii_uppercase() {
            capitals += 1;
            if capitals == 2 {
                return false;
            }
        }
    }
    true
}

#[derive(Debug)]
struct Use {
    span: Span,
    text: String,
}

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let src = ctx.doc.source();
    let lists = crate::wordlists::lists();
    let mut first_use: HashMap<String, Use> = HashMap::new();
    let mut defined_at: HashMap<String, usize> = HashMap::new();
    let mut everywhere: std::collections::HashSet<String> = Default::default();

    // Markdown abbreviation lines, `*[CQC]: Care Quality Commission`, cover
    // the whole document.
    // (Found by their "*[", not line by line: most documents have none.
    // A `char` pattern is searched for with `memchr`.)
    for (bracket, _) in src.match_indices('[') {
        let Some(at) = bracket
            .checked_sub(1)
            .filter(|&a| src.as_bytes()[a] == b'*')
        else {
            continue;
        };
        let line_start = src[..at].rfind('\n').map_or(0, |n| n + 1);
        if !src[line_start..at].trim_start().is_empty() {
            continue;
        }
        // The rest of the line, as `str::lines` ends it.
        let rest = &src[bracket + 1..];
        let rest = match rest.find('\n') {
            Some(n) => rest[..n].strip_suffix('\r').unwrap_or(&rest[..n]),
            None => rest,
        };
        if let Some((abbr, _)) = rest.split_once("]:") {
            everywhere.insert(abbr.trim().replace('.', "").to_uppercase());
        }
    }

    let mut in_glossary = false;
    // What a word is, worked out once per distinct word and kind: a
    // document repeats its abbreviations.
    let mut seen: FxHashMap<(&str, bool), Option<Abbr>> = FxHashMap::default();
    for s in ctx.doc.sentences() {
        let heading = matches!(s.kind(), crate::BlockKind::Heading(_));
        if heading {
            let h = s.text().to_lowercase();
            in_glossary = is_glossary(&h);
        }
        // Most sentences have no word that may be an abbreviation.
        if !s.any_word_has(flags::ABBREVIATION) {
            continue;
        }
        // A sentence written in capitals ("IF YOU ARE IN ANY DOUBT, CALL
        // US") is shouted: its words are words, not abbreviations, unless
        // a listed abbreviation is not also an English word.
        let words = s.word_data();
        let shouty = words
            .iter()
            .filter(|w| w.kind == WordKind::Word && w.flags & flags::SHOUTY != 0)
            .count();
        let shouted = shouty >= 3 && shouty * 5 >= words.len() * 3;
        // The word before, for "Part IV" and "4 GB".
        let mut prev: Option<(&str, WordKind)> = None;
        for (i, w) in s.word_data().iter().enumerate() {
            let (w_text, w_kind) = (s.text_of(w), w.kind);
            let before = prev.replace((w_text, w_kind));
            // An abbreviation starts with a capital (after any dots) and
            // has two or more.
            if !matches!(w_kind, WordKind::Word | WordKind::Number)
                || w.flags & flags::ABBREVIATION == 0
            {
                continue;
            }
            let number = w_kind == WordKind::Number;
            let Some(abbr) = seen
                .entry((w_text, number))
                .or_insert_with(|| Abbr::of(ctx, lists, w_text, number))
            else {
                continue;
            };
            if shouted && (ctx.abbreviation(&abbr.key).is_none() || is_english(w_text)) {
                continue;
            }
            // Not abbreviations here: a Roman numeral after "Part" or a
            // name ("Part IV", "Henry VIII"), a unit after a number.
            if abbr.roman {
                let numbered = before.is_some_and(|(b, _)| {
                    b.starts_with(char::is_uppercase)
                        || NUMBERED.contains(&b.to_lowercase().as_str())
                });
                if numbered {
                    continue;
                }
            }
            let after_number = before.is_some_and(|(_, kind)| kind == WordKind::Number);
            if after_number && abbr.unit {
                continue;
            }
            let defined = defined_at.contains_key(&abbr.key);
            let used = first_use.contains_key(&abbr.key);
            if defined && used {
                // Nothing more to learn from this use.
                continue;
            }
            // "CQC-registered": the abbreviation is the first part.
            let text = &w_text[..abbr.part_len];
            // The part's own span, where the source spells it the same way
            // (an entity such as `&amp;` would not).
            let w_span = s.word_span(i);
            let part = Span::new(w_span.start, w_span.start + text.len());
            let span = if part.end <= w_span.end && src.get(part.start..part.end) == Some(text) {
                part
            } else {
                w_span
            };
            // A glossary entry explains the term from where it stands.
            if !defined && ((in_glossary && !heading) || defines(src, span)) {
                defined_at.insert(abbr.key.clone(), span.start);
            }
            if !used {
                first_use.insert(
                    abbr.key.clone(),
                    Use {
                        span,
                        text: text.to_owned(),
                    },
                );
            }
        }
    }

    let mut found: Vec<(&String, &Use)> = first_use.iter().collect();
    found.sort_by_key(|(_, u)| u.span.start);
    for (key, u) in found {
        if everywhere.contains(key) {
            continue;
        }
        let listed = ctx.abbreviation(key);
        if listed.is_some_and(|a| a.well_known) && ctx.thresholds.well_known_abbreviations_pass {
            continue;
        }
        let defined = defined_at.get(key).copied();
        if defined.is_some_and(|d| d <= u.span.start) {
            continue;
        }
        let mut suggestions = Suggestions::new();
        let mut message = format!("\"{}\" is not spelt out before it is used here.", u.text);
        match listed.map(|a| a.expansions.as_slice()) {
            Some([one]) => {
                let plain = strip_note(one);
                let written =
                    if u.text.ends_with('s') && !key.ends_with('S') && !plain.ends_with('s') {
                        format!("{plain}s ({})", u.text)
                    } else {
                        format!("{plain} ({})", u.text)
                    };
                suggestions.push(Suggestion::replace(
                    format!("Write it out the first time: \"{written}\"."),
                    u.span,
                    written,
                    Applicability::Unsafe,
                ));
            }
            Some(many) if !many.is_empty() => {
                let shown: Vec<String> = many
                    .iter()
                    .take(3)
                    .map(|m| format!("\"{}\"", strip_note(m)))
                    .collect();
                suggestions.push(Suggestion::advice(format!(
                    "Write it out the first time. It could mean {}.",
                    shown.join(" or ")
                )));
            }
            _ => suggestions.push(Suggestion::advice(
                "Write it out in full the first time, with the letters after it in brackets.",
            )),
        }
        let related = defined.map(|d| {
            let line = ctx.line(d);
            message = format!(
                "\"{}\" is used before it is spelt out: it is defined later, on line {line}.",
                u.text
            );
            Box::new(Related {
                span: Span::new(d, d),
                message: format!("\"{}\" is spelt out here.", u.text).into(),
            })
        });
        out.push(Diagnostic {
            rule: UNDEFINED_ABBREVIATION.name,
            severity: UNDEFINED_ABBREVIATION.severity,
            span: u.span,
            message: message.into(),
            suggestions,
            related,
        });
    }
}

/// An expansion without a bracketed note for the writer.
fn strip_note(expansion: &str) -> &str {
    expansion.split(" (").next().unwrap_or(expansion).trim()
}

/// Whether the abbreviation at `span` is spelt out right there:
/// "Care Quality Commission (CQC)", "CQC (Care Quality Commission)",
/// "CQC, the Care Quality Commission,", "CQC stands for ...", "CQC means ...".
fn defines(src: &str, span: Span) -> bool {
    let (Some(before), Some(after)) = (src.get(..span.start), src.get(span.end..)) else {
        return false;
    };
    let in_brackets = before.trim_end_matches(['*', '_']).ends_with('(')
        && after.trim_start_matches(['*', '_']).starts_with(')');
    if in_brackets {
        // The words before the bracket are the expansion.
        let words_before = before
            .trim_end_matches(['(', '*', '_', ' '])
            .split_whitespace()
            .rev()
            .take(1)
            .count();
        return words_before > 0;
    }
    let a = after.trim_start_matches(['*', '_']);
    if let Some(inner) = a.strip_prefix(" (") {
        let inside = inner.split(')').next().unwrap_or("");
        return inside.split_whitespace().count() >= 2;
    }
    // The next 40 characters in lower case: on the stack when they are
    // ASCII (almost always), otherwise as a new string.
    let mut buf = [0u8; 40];
    let ascii = a.len().min(buf.len());
    let owned;
    let lower: &str = if a.as_bytes()[..ascii].is_ascii() {
        buf[..ascii].copy_from_slice(&a.as_bytes()[..ascii]);
        buf[..ascii].make_ascii_lowercase();
        std::str::from_utf8(&buf[..ascii]).unwrap_or("")
    } else {
        owned = a.chars().take(40).collect::<String>().to_lowercase();
        &owned
    };
    // "CQC: Care Quality Commission" (as in a list of terms) needs words
    // after the colon: "AOB: none" explains nothing.
    if let Some(rest) = lower.strip_prefix(": ") {
        return rest.split_whitespace().count() >= 2;
    }
    // "CQC, the Care Quality Commission,", "IMCA, an independent ...".
    if let Some(rest) = [", the ", ", a ", ", an ", ", or "]
        .iter()
        .find_map(|p| lower.strip_prefix(p))
    {
        return rest.split_whitespace().count() >= 1;
    }
    [
        " stands for",
        " means",
        " is short for",
        " is the ",
        " - ",
        " – ",
    ]
    .iter()
    .any(|p| lower.starts_with(p))
}

#[cfg(test)]
mod tests {
    use crate::rules::test_support::{flagged, flagged_with};
    use crate::{check, Audience, Settings};

    #[test]
    fn words_of_a_sentence_in_capitals_are_not_abbreviations() {
        assert_eq!(
            flagged(
                "undefined-abbreviation",
                "IF YOU ARE IN ANY DOUBT, CALL US WITHIN TEN DAYS OR WRITE TO THE CQC."
            ),
            vec!["CQC"]
        );
        // Outside such a sentence, a word in capitals may still be one.
        assert_eq!(
            flagged("undefined-abbreviation", "Call the PALS team."),
            vec!["PALS"]
        );
    }

    #[test]
    fn definitions_in_every_form() {
        for text in [
            "The Care Quality Commission (CQC) visits. The CQC rates homes.",
            "The CQC (Care Quality Commission) visits. The CQC rates homes.",
            "The CQC, the Care Quality Commission, visits homes.",
            "CQC stands for Care Quality Commission. The CQC visits.",
            "*[CQC]: Care Quality Commission\n\nThe CQC visits.",
            "## Glossary\n\n- CQC: Care Quality Commission\n\nThe CQC visits.\n",
        ] {
            assert!(flagged("undefined-abbreviation", text).is_empty(), "{text}");
        }
    }

    #[test]
    fn undefined_flagged_once_and_late_definitions_named() {
        let text =
            "The CQC visits.\n\nThe CQC again.\n\nThe Care Quality Commission (CQC) rates homes.\n";
        let r = check(text, &Settings::default());
        let d: Vec<_> = r
            .diagnostics
            .iter()
            .filter(|d| d.rule == "undefined-abbreviation")
            .collect();
        assert_eq!(d.len(), 1);
        assert!(d[0].message.contains("line 5"), "{}", d[0].message);
    }

    #[test]
    fn plurals_mixed_case_and_ampersands() {
        let got = flagged("undefined-abbreviation", "Ask the OTs about DoLS and A&E.");
        assert_eq!(got, vec!["OTs", "DoLS"]);
        let easy = Settings::for_audience(Audience::EasyRead);
        assert!(
            flagged_with("undefined-abbreviation", "Go to A&E.", &easy).contains(&"A&E".to_owned())
        );
    }

    #[test]
    fn first_part_stops_at_any_hyphen() {
        for (word, part) in [
            ("CQC-registered", "CQC"),
            ("NHS\u{2010}funded", "NHS"),
            ("A\u{2011}B", "A"),
            ("caf\u{e9}\u{2012}x", "caf\u{e9}\u{2012}x"),
            ("GP", "GP"),
        ] {
            assert_eq!(super::first_part(word), part);
            assert_eq!(word.split(['-', '\u{2010}', '\u{2011}']).next(), Some(part));
        }
    }

    #[test]
    fn glossary_headings_found_anywhere_in_the_heading() {
        for g in super::GLOSSARY_HEADINGS {
            assert!(super::is_glossary(g), "{g}");
            assert!(super::is_glossary(&format!("our {g} here")), "{g}");
        }
        assert!(!super::is_glossary("what happens next"));
        assert!(!super::is_glossary(""));
    }

    #[test]
    fn roman_numerals() {
        for yes in ["II", "IV", "IX", "XII", "MCMXC", "CD"] {
            assert!(super::is_roman(yes), "{yes}");
        }
        for no in ["ID", "IIII", "VV", "LCD", "IC", "XM"] {
            assert!(!super::is_roman(no), "{no}");
        }
    }

    #[test]
    fn look_alikes_pass() {
        assert!(flagged(
            "undefined-abbreviation",
            "Read Part II. It weighs 2 KG. Use Plan B. I am OK."
        )
        .is_empty());
    }
}
