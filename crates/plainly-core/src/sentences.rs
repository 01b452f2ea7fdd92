//! Sentences: where one ends and the next begins.
//!
//! Every prose block (paragraph, heading, list item, table cell, alt text)
//! ends a sentence where it ends, full stop or not. Inside a block, a
//! sentence ends at `.`, `?`, `!` or an ellipsis, with any closing quotes
//! and brackets that follow, when the next word starts after a space and
//! the context says it is a new sentence:
//!
//! - `?` and `!` end a sentence unless a lower-case word follows
//!   (`"Are you coming?" she asked.`).
//! - An ellipsis ends one only before a capital letter.
//! - A full stop after an ordinary word or number ends one, whatever
//!   follows: lower-case and digit starts are real sentence starts.
//! - A full stop after an abbreviation depends on the abbreviation:
//!   titles (`Dr.`, `Mrs.`) and `e.g.`/`i.e.` never end a sentence;
//!   `etc.`, `a.m.`, `Ltd.` end one before a capital letter; ambiguous
//!   ones (`St.`, `Oct.`, `Tues.`, `U.K.`, initials such as `J.`) end one
//!   only before a capitalised word that usually starts sentences (`The`,
//!   `We`, `Please`...), never before a digit.
//! - Colons and semicolons never end a sentence, so lists written as prose,
//!   "(a) ...; (b) ...", stay whole.
//!
//! Because web addresses, decimals and dotted abbreviations are single
//! words (see [`crate::words`]), their inner full stops never reach here.

use crate::words::{Token, WordKind};

/// A sentence found in a block: a range of its tokens and of its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Split {
    pub tokens: std::ops::Range<usize>,
    pub text: std::ops::Range<usize>,
}

/// Splits a block's tokens into sentences. Sentences without a word (a
/// stray dash, an emoji) are dropped.
#[cfg(test)]
pub(crate) fn split(text: &str, toks: &[Token], out: &mut Vec<Split>) {
    let ends: Vec<u32> = (0..toks.len() as u32)
        .filter(|&i| crate::words::may_end_sentence(text, toks[i as usize]))
        .collect();
    split_at(text, toks, &ends, out);
}

/// [`split`], given the tokens that may end a sentence (in order), as
/// [`crate::words::tokenize`] marks them.
pub(crate) fn split_at(text: &str, toks: &[Token], ends: &[u32], out: &mut Vec<Split>) {
    out.clear();
    let mut start = 0;
    let mut i = 0;
    let mut ends = ends.iter().map(|&e| e as usize);
    while let Some(e) = ends.by_ref().find(|&e| e >= i) {
        i = e;
        let t = toks[i];
        let s = t.text(text);
        let is_terminal_punct = t.word.is_none() && matches!(s, "." | "?" | "!" | "…");
        let is_dotted_word = t.word == Some(WordKind::Word) && s.ends_with('.');
        if !is_terminal_punct && !is_dotted_word {
            i += 1;
            continue;
        }
        // The terminal run: the stop(s), then closing quotes and brackets.
        let mut end = i + 1;
        let mut dots = usize::from(s == "." || is_dotted_word);
        let mut question = matches!(s, "?" | "!");
        let mut ellipsis = s == "…";
        while end < toks.len()
            && (touching(toks[end - 1], toks[end]) || spaced_dot(text, toks[end - 1], toks[end]))
            && toks[end].word.is_none()
        {
            match toks[end].text(text) {
                "." => dots += 1,
                "?" | "!" => question = true,
                "…" => ellipsis = true,
                _ => break,
            }
            end += 1;
        }
        if dots >= 2 && !is_dotted_word {
            ellipsis = true;
        }
        let mut quote_closed = false;
        while end < toks.len() && touching(toks[end - 1], toks[end]) && toks[end].word.is_none() {
            let c = toks[end].text(text);
            if !is_closer(c) {
                break;
            }
            quote_closed |= is_quote(c);
            end += 1;
        }
        // At the block's end the sentence ends anyway; with no space after
        // the stop ("end.Next", "Yahoo!Mail") no new sentence starts.
        let boundary = if end >= toks.len() || touching(toks[end - 1], toks[end]) {
            false
        } else {
            let next = next_word(text, &toks[end..]);
            if question {
                next.case != Case::Lower
            } else if ellipsis {
                next.case == Case::Upper
            } else if quote_closed {
                // A closing quote after the stop ends whatever was quoted,
                // abbreviation or not ("... than "e.g." Many readers").
                next.case != Case::Lower
            } else {
                let (before, at) = if is_dotted_word {
                    (Some(s.trim_end_matches('.')), Some(i))
                } else {
                    let p = i
                        .checked_sub(1)
                        .filter(|&p| toks[p].word.is_some() && touching(toks[p], t));
                    (p.map(|p| toks[p].text(text)), p)
                };
                // The word before the abbreviation: "Mill Rd." is a street,
                // "at St. Anne's" a saint.
                let named = at
                    .and_then(|a| a.checked_sub(1))
                    .and_then(|p| toks[p].word.map(|_| toks[p].text(text)))
                    .is_some_and(|w| w.starts_with(char::is_uppercase));
                // After an abbreviation, a bracket carries the sentence on:
                // "before 10 a.m. (Monday to Friday)".
                let bracket = toks[end].word.is_none() && toks[end].text(text) == "(";
                ends_after(before, named, &next)
                    && !(bracket && before.is_some_and(|b| abbreviation(b, named) != Abbrev::None))
                    && !list_number(text, &toks[start..i])
            }
        };
        if boundary {
            push(toks, start..end, out);
            start = end;
        }
        i = end;
    }
    push(toks, start..toks.len(), out);
}

fn push(toks: &[Token], range: std::ops::Range<usize>, out: &mut Vec<Split>) {
    let Some(slice) = toks.get(range.clone()) else {
        return;
    };
    if !slice.iter().any(|t| t.word.is_some()) {
        // Nothing to read here: fold a stray mark into the sentence before.
        if let (Some(last), Some(t)) = (out.last_mut(), slice.last()) {
            last.tokens.end = range.end;
            last.text.end = t.end as usize;
        }
        return;
    }
    out.push(Split {
        text: slice[0].start as usize..slice[slice.len() - 1].end as usize,
        tokens: range,
    });
}

fn touching(a: Token, b: Token) -> bool {
    a.end == b.start
}

/// Whether `b` is a full stop one space after the full stop `a`: an
/// ellipsis written ". . .".
fn spaced_dot(text: &str, a: Token, b: Token) -> bool {
    a.end + 1 == b.start
        && a.text(text) == "."
        && b.text(text) == "."
        && text.as_bytes().get(a.end as usize) == Some(&b' ')
}

/// Whether a full stop after the tokens `before` (the sentence so far)
/// closes the number of a step rather than a sentence: a number of one or
/// two digits that starts the sentence ("1. Fill in the form. 2. Post
/// it."), follows a colon ("Morning visit: 1. Help with washing.") or
/// follows "Step" at the start ("Step 1. Check ...").
fn list_number(text: &str, before: &[Token]) -> bool {
    let Some((last, rest)) = before.split_last() else {
        return false;
    };
    let n = last.text(text);
    if last.word != Some(WordKind::Number) || n.len() > 2 || !n.bytes().all(|b| b.is_ascii_digit())
    {
        return false;
    }
    let mut words = rest.iter().rev().filter(|t| t.word.is_some());
    match rest.last() {
        None => true,
        Some(t) if t.word.is_none() && t.text(text) == ":" => true,
        _ => match (words.next(), words.next()) {
            (None, _) => rest.iter().all(|t| t.word.is_none()),
            (Some(w), None) => matches!(w.text(text), "Step" | "step" | "Stage" | "stage"),
            _ => false,
        },
    }
}

fn is_closer(s: &str) -> bool {
    matches!(s, ")" | "]" | "}" | "\"" | "'" | "’" | "”" | "»" | "›")
}

fn is_quote(s: &str) -> bool {
    matches!(s, "\"" | "'" | "’" | "”" | "»" | "›")
}

fn is_opener(s: &str) -> bool {
    matches!(s, "(" | "[" | "{" | "\"" | "'" | "‘" | "“" | "«" | "‹")
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Case {
    Upper,
    Lower,
    Digit,
    Other,
}

#[derive(Debug)]
struct Next<'t> {
    case: Case,
    word: &'t str,
    /// The number of a step: one or two digits, a full stop, a space and
    /// a capital ("3. Wait").
    step: bool,
}

/// What comes after a stop: the first word, past any opening brackets.
fn next_word<'t>(text: &'t str, toks: &[Token]) -> Next<'t> {
    for (k, t) in toks.iter().enumerate() {
        let s = t.text(text);
        match t.word {
            None if is_opener(s) => continue,
            None => break,
            Some(_) => {
                let case = match s.chars().next() {
                    Some(c) if c.is_lowercase() => Case::Lower,
                    Some(c) if c.is_ascii_digit() || matches!(c, '£' | '$' | '€') => Case::Digit,
                    // Scripts without case (CJK and others) start sentences
                    // like capitals do.
                    Some(c) if c.is_alphabetic() => Case::Upper,
                    _ => Case::Other,
                };
                let step = t.word == Some(WordKind::Number)
                    && s.len() <= 2
                    && s.bytes().all(|b| b.is_ascii_digit())
                    && toks
                        .get(k + 1)
                        .is_some_and(|d| touching(*t, *d) && d.text(text) == ".")
                    && toks.get(k + 2).is_some_and(|w| {
                        w.word.is_some()
                            && w.start > toks[k + 1].end
                            && w.text(text).starts_with(char::is_uppercase)
                    });
                return Next {
                    case,
                    word: s,
                    step,
                };
            }
        }
    }
    Next {
        case: Case::Other,
        word: "",
        step: false,
    }
}

/// Whether a full stop right after `before` (a word, or nothing) ends the
/// sentence, given what comes next.
fn ends_after(before: Option<&str>, named: bool, next: &Next) -> bool {
    let Some(before) = before else {
        return true;
    };
    match abbreviation(before, named) {
        Abbrev::None => true,
        Abbrev::Never => false,
        Abbrev::Number => next.case != Case::Digit,
        // "Measure 5 ml. 3. Wait": a step's number starts a sentence.
        Abbrev::BeforeCapital => next.case == Case::Upper || next.step,
        Abbrev::BeforeStarter => next.case == Case::Upper && is_starter(next.word),
        Abbrev::Initial => next.case == Case::Upper && next.word != "I" && is_starter(next.word),
        // "Tues. 4 Oct.", "Mon. Tues. and Wed." carry on; "Sept. Late forms"
        // does not.
        Abbrev::Calendar => next.case == Case::Upper && !is_calendar_word(next.word),
        Abbrev::Street => next.case == Case::Upper,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Abbrev {
    /// An ordinary word.
    None,
    /// Never ends a sentence: titles, "e.g.".
    Never,
    /// "No." before a number.
    Number,
    /// Ends one before any capital: "etc.", "a.m.".
    BeforeCapital,
    /// Ends one only before a usual sentence starter: "St.", "Oct.".
    BeforeStarter,
    /// A single capital letter, as in "J. R. Smith".
    Initial,
    /// A day or month: "Tues.", "Oct.".
    Calendar,
    /// The end of a street name: "Mill Rd.", "Bridge St.".
    Street,
}

/// Titles that come before a name. Matched with their case.
/// "Sr" is a nursing sister here ("Sr. Price"), as in UK hospitals.
const TITLES: &[&str] = &[
    "Capt", "Cllr", "Col", "Cpl", "Det", "Dr", "Fr", "Gen", "Hon", "Insp", "Lt", "Messrs", "Mlle",
    "Mme", "Mr", "Mrs", "Ms", "Mx", "Prof", "Pte", "Rev", "Revd", "Rt", "Sgt", "Sr", "Supt",
];

/// Never end a sentence, in any case.
const NEVER: &[&str] = &[
    "c.f", "cf", "e.g", "eg", "i.e", "ie", "n.b", "nb", "viz", "vs",
];

/// End a sentence before any capital, in any case.
/// Units are here too: "twice a wk. The nurse ..." ends, "every 2 hrs.
/// before meals" does not.
const BEFORE_CAPITAL: &[&str] = &[
    "a.m", "al", "approx", "co", "esq", "etc", "hr", "hrs", "inc", "jr", "kg", "km", "ltd", "mg",
    "min", "mins", "ml", "mths", "p.m", "plc", "secs", "sr", "wk", "wks", "yr", "yrs",
];

/// Abbreviated days and months. Sorted.
const CALENDAR: &[&str] = &[
    "apr", "aug", "dec", "feb", "fri", "jan", "jul", "jun", "mar", "mon", "nov", "oct", "sat",
    "sep", "sept", "sun", "thu", "thur", "thurs", "tue", "tues", "wed", "weds",
];

/// Abbreviated ends of street names.
const STREETS: &[&str] = &["ave", "cres", "rd", "sq", "st"];

/// Whether `word` names a day or month, in full or abbreviated.
fn is_calendar_word(word: &str) -> bool {
    const NAMES: &[&str] = &[
        "april",
        "august",
        "december",
        "february",
        "friday",
        "january",
        "july",
        "june",
        "march",
        "may",
        "monday",
        "november",
        "october",
        "saturday",
        "september",
        "sunday",
        "thursday",
        "tuesday",
        "wednesday",
    ];
    let lower = word.trim_end_matches('.').to_ascii_lowercase();
    CALENDAR.binary_search(&lower.as_str()).is_ok() || NAMES.binary_search(&lower.as_str()).is_ok()
}

/// Ambiguous: end one only before a usual starter. Matched in any case.
/// References to parts of a law or a document are here ("under s. 117",
/// "sch. 2", "pp. 4 to 5", "reg. 12"): a number after one never starts a
/// sentence.
const BEFORE_STARTER: &[&str] = &[
    "appt", "art", "arts", "ch", "chs", "cl", "dept", "esp", "est", "excl", "ext", "fig", "figs",
    "govt", "hosp", "incl", "misc", "op", "p", "para", "paras", "pp", "pt", "ref", "reg", "regs",
    "s", "sch", "schs", "ss", "tel", "univ", "vol", "vols",
];

fn abbreviation(word: &str, named: bool) -> Abbrev {
    let bytes = word.as_bytes();
    // Every listed word is ASCII and at most 8 bytes long.
    let Some(exact) = pack(bytes, false) else {
        return initial(word);
    };
    if TITLE_KEYS.binary_search(&exact).is_ok() {
        return Abbrev::Never;
    }
    if word == "No" || word == "no" || word == "Nos" || word == "nos" {
        return Abbrev::Number;
    }
    // A capital letter is an initial; "s." and "p." are references.
    if bytes.len() == 1 && !matches!(word, "s" | "p") {
        return initial(word);
    }
    let lower = pack(bytes, true).unwrap_or(exact);
    let listed = LISTED
        .binary_search_by_key(&lower, |&(key, _)| key)
        .ok()
        .and_then(|i| LISTED.get(i))
        .map(|&(_, list)| list);
    match listed {
        Some(List::Never) => Abbrev::Never,
        Some(List::BeforeCapital) => Abbrev::BeforeCapital,
        // Written with a capital, as abbreviations of days, months and
        // streets are: "the sun." is an ordinary word.
        Some(List::Calendar | List::Street) if !word.starts_with(char::is_uppercase) => {
            Abbrev::None
        }
        Some(List::Calendar) => Abbrev::Calendar,
        Some(List::Street) if Some(lower) != pack(b"st", true) || named => Abbrev::Street,
        Some(List::Street | List::BeforeStarter) => Abbrev::BeforeStarter,
        // Other dotted abbreviations: "U.K.", "N.H.S.", "Ph.D.".
        None if word.contains('.') => Abbrev::BeforeStarter,
        None => Abbrev::None,
    }
}

/// A word that is one letter: an initial if it is a capital.
fn initial(word: &str) -> Abbrev {
    let mut chars = word.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) if c.is_uppercase() => Abbrev::Initial,
        _ => Abbrev::None,
    }
}

/// Which list above a word is in (no word is in two).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum List {
    Never,
    BeforeCapital,
    Calendar,
    Street,
    BeforeStarter,
}

/// `word` packed into a number, first byte lowest, in lower case if
/// `lower`, if it is ASCII and at most 8 bytes long: looking a word up in
/// the lists above is then a search among numbers. (Words never hold a NUL
/// byte, so the packing is unambiguous.)
const fn pack(word: &[u8], lower: bool) -> Option<u64> {
    if word.len() > 8 {
        return None;
    }
    let mut key = 0u64;
    let mut i = 0;
    while i < word.len() {
        let b = word[i];
        if !b.is_ascii() {
            return None;
        }
        let b = if lower { b.to_ascii_lowercase() } else { b };
        key |= (b as u64) << (8 * i);
        i += 1;
    }
    Some(key)
}

/// Every word of `lists`, packed in lower case if `lower`, with its list,
/// sorted by key (worked out when compiling).
const fn table<const N: usize>(lists: &[(&[&str], List)], lower: bool) -> [(u64, List); N] {
    let mut out = [(0u64, List::Never); N];
    let mut n = 0;
    let mut l = 0;
    while l < lists.len() {
        let (words, list) = lists[l];
        let mut i = 0;
        while i < words.len() {
            out[n] = match pack(words[i].as_bytes(), lower) {
                Some(key) => (key, list),
                None => panic!("listed words are ASCII and at most 8 bytes"),
            };
            n += 1;
            i += 1;
        }
        l += 1;
    }
    assert!(n == N, "the table's size is the lists' total");
    let mut i = 1;
    while i < N {
        let mut j = i;
        while j > 0 && out[j - 1].0 > out[j].0 {
            let t = out[j];
            out[j] = out[j - 1];
            out[j - 1] = t;
            j -= 1;
        }
        i += 1;
    }
    out
}

/// The abbreviation lists, matched in any case.
static LISTED: [(u64, List);
    NEVER.len() + BEFORE_CAPITAL.len() + CALENDAR.len() + STREETS.len() + BEFORE_STARTER.len()] =
    table(
        &[
            (NEVER, List::Never),
            (BEFORE_CAPITAL, List::BeforeCapital),
            (CALENDAR, List::Calendar),
            (STREETS, List::Street),
            (BEFORE_STARTER, List::BeforeStarter),
        ],
        true,
    );

/// Titles, matched with their case.
static TITLE_KEYS: [u64; TITLES.len()] = {
    let table: [(u64, List); TITLES.len()] = table(&[(TITLES, List::Never)], false);
    let mut keys = [0u64; TITLES.len()];
    let mut i = 0;
    while i < keys.len() {
        keys[i] = table[i].0;
        i += 1;
    }
    keys
};

/// Capitalised words that usually start a sentence, and rarely follow an
/// abbreviation inside one. Sorted.
const STARTERS: &[&str] = &[
    "A",
    "After",
    "All",
    "Also",
    "An",
    "And",
    "Any",
    "Anyone",
    "Are",
    "As",
    "Ask",
    "At",
    "Be",
    "Because",
    "Before",
    "Both",
    "Bring",
    "But",
    "By",
    "Call",
    "Can",
    "Come",
    "Contact",
    "Could",
    "Did",
    "Do",
    "Does",
    "Don't",
    "During",
    "Each",
    "Email",
    "Even",
    "Every",
    "Everyone",
    "Finally",
    "First",
    "For",
    "From",
    "Go",
    "Had",
    "Has",
    "Have",
    "He",
    "Her",
    "Here",
    "His",
    "How",
    "However",
    "I",
    "If",
    "In",
    "Is",
    "It",
    "It's",
    "Its",
    "Just",
    "Let",
    "Many",
    "May",
    "Most",
    "Much",
    "Must",
    "My",
    "Next",
    "No",
    "Not",
    "Now",
    "Often",
    "On",
    "Once",
    "One",
    "Only",
    "Or",
    "Our",
    "Phone",
    "Please",
    "Ring",
    "She",
    "Should",
    "Since",
    "So",
    "Some",
    "Sometimes",
    "Still",
    "Take",
    "Tell",
    "Thank",
    "Thanks",
    "That",
    "The",
    "Their",
    "Then",
    "There",
    "These",
    "They",
    "This",
    "Those",
    "To",
    "Today",
    "Tomorrow",
    "Until",
    "Use",
    "Visit",
    "We",
    "We'll",
    "We're",
    "What",
    "When",
    "Where",
    "Which",
    "While",
    "Who",
    "Why",
    "Will",
    "With",
    "Without",
    "Would",
    "Write",
    "Yes",
    "Yesterday",
    "You",
    "You'll",
    "You're",
    "Your",
];

fn is_starter(word: &str) -> bool {
    let word = word.replace('’', "'");
    STARTERS.binary_search(&word.as_str()).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::words::tokenize;

    fn sentences(text: &str) -> Vec<&str> {
        let mut toks = Vec::new();
        tokenize(text, &[], &mut toks);
        let mut out = Vec::new();
        split(text, &toks, &mut out);
        out.iter().map(|s| &text[s.text.clone()]).collect()
    }

    #[test]
    fn lists_are_sorted_for_binary_search() {
        assert!(STARTERS.windows(2).all(|w| w[0] < w[1]));
        // No word is in two abbreviation lists, so their order of
        // precedence never matters.
        assert!(LISTED.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(TITLE_KEYS.windows(2).all(|w| w[0] < w[1]));
        assert!(BEFORE_STARTER.windows(2).all(|w| w[0] < w[1]));
        assert!(CALENDAR.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn titles_and_times() {
        assert_eq!(
            sentences("Dr. Patel will see you at 3 p.m. on Tues. 4 Oct. Please arrive early."),
            vec![
                "Dr. Patel will see you at 3 p.m. on Tues. 4 Oct.",
                "Please arrive early."
            ]
        );
    }

    #[test]
    fn references_to_the_law_carry_on() {
        assert_eq!(
            sentences("Under s. 117 and sch. 2, see pp. 4 to 5 and reg. 12. We agree."),
            vec![
                "Under s. 117 and sch. 2, see pp. 4 to 5 and reg. 12.",
                "We agree."
            ]
        );
        assert_eq!(
            sentences("It is in paras. 3.1 to 3.4 (s. 9(1)). Then we met."),
            vec!["It is in paras. 3.1 to 3.4 (s. 9(1)).", "Then we met."]
        );
    }

    #[test]
    fn steps_written_in_a_paragraph() {
        assert_eq!(
            sentences("Morning visit: 1. Help with washing. 2. Make breakfast."),
            vec!["Morning visit: 1. Help with washing.", "2. Make breakfast."]
        );
        assert_eq!(
            sentences("Step 1. Fill in the form. Step 2. Post it."),
            vec!["Step 1. Fill in the form.", "Step 2. Post it."]
        );
        assert_eq!(
            sentences("Measure 5 ml. 3. Wait an hour."),
            vec!["Measure 5 ml.", "3. Wait an hour."]
        );
        // A number that does not start the sentence ends it as before.
        assert_eq!(
            sentences("We have 12 beds on Ward 4. 12 of them are free."),
            vec!["We have 12 beds on Ward 4.", "12 of them are free."]
        );
    }

    #[test]
    fn units_and_spaced_ellipses() {
        assert_eq!(
            sentences("Come twice a wk. The nurse will call. Wait 30 mins. before eating."),
            vec![
                "Come twice a wk.",
                "The nurse will call.",
                "Wait 30 mins. before eating."
            ]
        );
        assert_eq!(
            sentences("It must have regard to . . . the needs of carers. We agree."),
            vec![
                "It must have regard to . . . the needs of carers.",
                "We agree."
            ]
        );
        assert_eq!(
            sentences(". . . and that is why we wrote."),
            vec![". . . and that is why we wrote."]
        );
        assert_eq!(
            sentences("Ring before 10 a.m. (Monday to Friday). Sr. Price will answer."),
            vec![
                "Ring before 10 a.m. (Monday to Friday).",
                "Sr. Price will answer."
            ]
        );
    }

    #[test]
    fn abbreviation_at_the_end() {
        assert_eq!(
            sentences("We are at 14 Bridge St. The office opens at 9."),
            vec!["We are at 14 Bridge St.", "The office opens at 9."]
        );
        assert_eq!(
            sentences("Bring tea, cake etc. We supply the cups."),
            vec!["Bring tea, cake etc.", "We supply the cups."]
        );
        assert_eq!(
            sentences("She moved to the U.K. Government offices."),
            vec!["She moved to the U.K. Government offices."]
        );
    }

    #[test]
    fn quotes_brackets_and_questions() {
        assert_eq!(
            sentences("\"Are you coming?\" she asked. (We hope so.) Then we left!"),
            vec![
                "\"Are you coming?\" she asked.",
                "(We hope so.)",
                "Then we left!"
            ]
        );
    }

    #[test]
    fn ellipsis_and_lower_case_starts() {
        assert_eq!(
            sentences(
                "I waited... and waited… Then he came. iPads were given out. 12 people came."
            ),
            vec![
                "I waited... and waited…",
                "Then he came.",
                "iPads were given out.",
                "12 people came."
            ]
        );
    }

    #[test]
    fn initials_numbers_and_links() {
        assert_eq!(
            sentences("J. R. Smith wrote it. Ask for No. 5 at www.nhs.uk. It costs £3.50 a week."),
            vec![
                "J. R. Smith wrote it.",
                "Ask for No. 5 at www.nhs.uk.",
                "It costs £3.50 a week."
            ]
        );
    }
}
