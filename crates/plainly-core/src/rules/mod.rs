//! The rules: one file each, registered in [`RULES`].
//!
//! A rule is a name users type, a default severity, a one-line summary, a
//! check function, and its documentation, written as the doc comment on the
//! rule's `static` with fixed headings (What it flags, Why it matters,
//! Example, Use instead, Options). The same text feeds `plainly explain`,
//! editor hover and the generated docs, so it cannot drift. A test checks
//! every rule flags its Example and passes its Use instead.
//!
//! To add a rule: write `rules/NAME.rs` with `declare_rule!`, and add it to
//! [`RULES`].

use crate::diagnostic::{Diagnostic, Severity, Text};
use crate::metrics::Metrics;
use crate::settings::{Settings, Thresholds};
use crate::wordlists::{self, List};
use crate::{Document, LineIndex, Span};

mod all_caps;
mod complex_word;
mod hard_sentence;
mod inclusive_language;
mod jargon;
mod latin_abbreviation;
mod long_paragraph;
mod long_sentence;
mod passive_voice;
mod reading_age;
pub(crate) mod sense;
mod uncommon_word;
mod undefined_abbreviation;
pub(crate) mod unused_suppression;

pub(crate) use passive_voice::is_be;
pub(crate) use undefined_abbreviation::few_capitals;

/// A rule: what users configure and what `plainly explain` describes.
#[derive(Debug)]
pub struct Rule {
    /// The name users type, such as `jargon`.
    pub name: &'static str,
    /// Severity unless configured otherwise.
    pub severity: Severity,
    /// One line: what it flags.
    pub summary: &'static str,
    doc: &'static str,
    check: fn(&Context, &mut Vec<Diagnostic>),
}

impl Rule {
    /// The rule's documentation, as Markdown.
    pub fn doc(&self) -> String {
        let mut out = String::with_capacity(self.doc.len());
        for line in self.doc.lines() {
            out.push_str(line.strip_prefix(' ').unwrap_or(line));
            out.push('\n');
        }
        out.trim().to_owned() + "\n"
    }

    /// The text of one `## heading` section of the documentation.
    pub fn doc_section(&self, heading: &str) -> Option<String> {
        let doc = self.doc();
        let start = doc.find(&format!("## {heading}\n"))? + heading.len() + 4;
        let rest = &doc[start..];
        let end = rest.find("\n## ").unwrap_or(rest.len());
        Some(rest[..end].trim().to_owned())
    }

    pub(crate) fn run(&self, ctx: &Context, out: &mut Vec<Diagnostic>) {
        (self.check)(ctx, out)
    }
}

/// Declares a rule's `static`, keeping its doc comment as its documentation.
macro_rules! declare_rule {
    (
        $(#[doc = $doc:literal])*
        pub static $id:ident = $name:literal, $severity:expr, $summary:literal, $check:path;
    ) => {
        $(#[doc = $doc])*
        pub static $id: $crate::rules::Rule = $crate::rules::Rule {
            name: $name,
            severity: $severity,
            summary: $summary,
            doc: concat!($($doc, "\n"),*),
            check: $check,
        };
    };
}
pub(crate) use declare_rule;

/// Every rule, in the order `plainly rules` lists them.
pub static RULES: &[&Rule] = &[
    &jargon::JARGON,
    &complex_word::COMPLEX_WORD,
    &undefined_abbreviation::UNDEFINED_ABBREVIATION,
    &latin_abbreviation::LATIN_ABBREVIATION,
    &long_sentence::LONG_SENTENCE,
    &hard_sentence::HARD_SENTENCE,
    &reading_age::READING_AGE,
    &long_paragraph::LONG_PARAGRAPH,
    &passive_voice::PASSIVE_VOICE,
    &inclusive_language::INCLUSIVE_LANGUAGE,
    &all_caps::ALL_CAPS,
    &uncommon_word::UNCOMMON_WORD,
    &unused_suppression::UNUSED_SUPPRESSION,
];

/// The rules that read [`Context::terms`]. The others are given a context
/// without terms when a document is checked on two threads
/// ([`crate::Document::check_parallel`]), so a rule that starts to read
/// them must be named here.
pub(crate) const TERM_RULES: &[&str] = &[
    "jargon",
    "complex-word",
    "latin-abbreviation",
    "inclusive-language",
    "uncommon-word",
];

/// Rules that flag single words and phrases: the ones a project's
/// `extend-allowed` words pass.
pub const WORD_RULES: &[&str] = &[
    "jargon",
    "complex-word",
    "undefined-abbreviation",
    "latin-abbreviation",
    "inclusive-language",
    "all-caps",
    "passive-voice",
    "uncommon-word",
];

/// The rule called `name`.
pub fn rule(name: &str) -> Option<&'static Rule> {
    RULES.iter().copied().find(|r| r.name == name)
}

/// A word-list term found in the prose.
#[derive(Debug, Clone)]
pub(crate) struct TermMatch<'a> {
    pub entry: usize,
    pub span: Span,
    /// The text as read (entities decoded).
    pub text: &'a str,
    /// Whether the match is the term exactly as listed, not a variant.
    pub base: bool,
    /// Whether the match is written with a capital mid-sentence (a name,
    /// such as an organisation).
    pub named: bool,
    /// Text that follows the match in its block (up to 40 characters), for
    /// spotting explanations.
    pub after: &'a str,
    /// The block the match is in.
    pub block: usize,
    /// Whether the match starts its sentence.
    pub sentence_start: bool,
}

/// How one use of a listed term is reported ([`Context::term_use`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Use {
    /// The jargon sense: reported at the rule's severity.
    Sure,
    /// It may be the everyday sense: reported as info, saying so.
    Unsure,
    /// Most likely the everyday sense: not reported.
    No,
}

/// What rules see: the document, the settings, and work shared between
/// rules.
#[derive(Debug)]
pub(crate) struct Context<'a> {
    pub doc: &'a Document<'a>,
    pub settings: &'a Settings,
    pub thresholds: Thresholds,
    pub metrics: &'a Metrics,
    pub lines: &'a LineIndex,
    pub terms: Vec<TermMatch<'a>>,
    /// The project's own lists, when its settings add any.
    pub custom: Option<&'a wordlists::WordLists>,
}

impl Context<'_> {
    /// Matches from one list.
    pub fn terms_in(
        &self,
        list: List,
    ) -> impl Iterator<Item = (&TermMatch<'_>, &wordlists::Entry)> {
        self.terms
            .iter()
            .map(move |m| (m, self.entry(m.entry)))
            .filter(move |(_, e)| e.list == list)
    }

    /// The entry numbered `i`: built-in entries first, then the project's.
    pub fn entry(&self, i: usize) -> &wordlists::Entry {
        let builtin = &wordlists::lists().entries;
        match builtin.get(i) {
            Some(e) => e,
            None => {
                let custom = self
                    .custom
                    .expect("only custom lists number entries past the built-in ones");
                &custom.entries[i - builtin.len()]
            }
        }
    }

    /// The abbreviation `word`, from the project's list first, then the
    /// built-in one.
    pub fn abbreviation(&self, word: &str) -> Option<&wordlists::Abbreviation> {
        self.custom
            .and_then(|c| c.abbreviation(word))
            .or_else(|| wordlists::lists().abbreviation(word))
    }

    /// How one use of a listed term is reported, decided from the words
    /// around it and never from the rest of the paragraph:
    ///
    /// - `high` terms: every use, sure;
    /// - a cue for the jargon sense (`uses.tsv`: "a **robust** plan",
    ///   "**deliver** outcomes") makes a `medium` or `low` term sure;
    /// - so does writing a one-word jargon term joined up ("step-down
    ///   bed", "buy-in": the everyday sense takes a space) or opening a
    ///   sentence with it as a comment on the whole ("Going forward, ...");
    /// - otherwise a `medium` term is unsure and a `low` term not reported.
    ///
    /// Cues for the everyday sense (`senses.tsv`) have already removed the
    /// match (see [`sense::everyday`]).
    pub fn term_use(&self, m: &TermMatch<'_>, e: &wordlists::Entry) -> Use {
        use wordlists::Certainty;
        if e.certainty == Certainty::High {
            return Use::Sure;
        }
        // A project's own entries are all `high`; cues are by built-in entry.
        // Only for jargon: "Co-operate" and "However," are no sign.
        let jargon = e.list == List::Jargon;
        let joined = jargon && m.text.contains('-') && !e.term.contains(' ');
        let opens = jargon && m.sentence_start && m.after.starts_with(',');
        if joined || opens || sense::jargon_sense(self.doc, m) {
            return Use::Sure;
        }
        match e.certainty {
            Certainty::Medium => Use::Unsure,
            _ => Use::No,
        }
    }

    /// The 1-based line of byte `offset`.
    pub fn line(&self, offset: usize) -> usize {
        self.lines.line_of(offset) + 1
    }
}

/// Puts a capital on `s` when `like` starts with one.
pub(crate) fn match_case(like: &str, s: &str) -> String {
    let upper = like.starts_with(char::is_uppercase);
    let mut chars = s.chars();
    match chars.next() {
        Some(c) if upper => c.to_uppercase().chain(chars).collect(),
        _ => s.to_owned(),
    }
}

/// The words an entry offers instead of `m`, in the case `m` is written in.
/// Bracketed alternatives ("(omit)", "(name the group)") are advice, not
/// words to write, so they are left out.
pub(crate) fn replacements(m: &TermMatch<'_>, e: &wordlists::Entry) -> Vec<String> {
    e.plain
        .iter()
        .filter(|p| !p.starts_with('('))
        .map(|p| match_case(m.text, p))
        .collect()
}

/// Quotes a list of alternatives for a message: "use", "employ" or "apply".
pub(crate) fn quoted_choices(items: &[String]) -> String {
    let mut out = String::with_capacity(items.iter().map(|s| s.len() + 4).sum());
    for (i, s) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(if i + 1 == items.len() { " or " } else { ", " });
        }
        out.push('"');
        out.push_str(s);
        out.push('"');
    }
    out
}

/// Joins `parts` into one string, with no spare room.
pub(crate) fn concat(parts: &[&str]) -> String {
    let mut out = String::with_capacity(parts.iter().map(|p| p.len()).sum());
    for p in parts {
        out.push_str(p);
    }
    out
}

/// The words an entry offers instead of a match ([`replacements`]): the
/// first, and a message that lists them all after `lead`. Worked out once
/// per entry and capital letter, as a document repeats its terms.
#[derive(Debug)]
pub(crate) struct Offers {
    lead: &'static str,
    cache: rustc_hash::FxHashMap<(usize, bool), Option<(Text, Text)>>,
}

impl Offers {
    pub fn new(lead: &'static str) -> Self {
        Offers {
            lead,
            cache: Default::default(),
        }
    }

    /// `None` when the entry offers no words to write.
    /// Both are shared: cloning them copies no bytes.
    pub fn get(&mut self, m: &TermMatch<'_>, e: &wordlists::Entry) -> Option<&(Text, Text)> {
        let lead = self.lead;
        // `replacements` depends on the match only through its first letter.
        let upper = m.text.starts_with(char::is_uppercase);
        self.cache
            .entry((m.entry, upper))
            .or_insert_with(|| {
                let choices = replacements(m, e);
                let first = Text::shared(choices.first()?);
                let message = concat(&[lead, &quoted_choices(&choices), "."]);
                Some((first, Text::shared(&message)))
            })
            .as_ref()
    }
}

/// Messages that depend only on the words flagged (and a variant number),
/// made once per document and shared by every finding with those words:
/// documents repeat their terms, and a shared message costs no allocation.
#[derive(Debug, Default)]
pub(crate) struct Said<'a> {
    cache: rustc_hash::FxHashMap<(&'a str, u8), Text>,
}

impl<'a> Said<'a> {
    /// The message for `text`, made by `make` the first time it is asked for.
    pub fn get(&mut self, text: &'a str, variant: u8, make: impl FnOnce(&str) -> String) -> Text {
        self.cache
            .entry((text, variant))
            .or_insert_with(|| Text::shared(&make(text)))
            .clone()
    }
}

#[cfg(test)]
pub(crate) mod test_support {
    use crate::{check, Settings};

    /// The texts a rule flags in `markdown`, with default settings.
    pub fn flagged(rule: &str, markdown: &str) -> Vec<String> {
        flagged_with(rule, markdown, &Settings::default())
    }

    pub fn flagged_with(rule: &str, markdown: &str, settings: &Settings) -> Vec<String> {
        check(markdown, settings)
            .diagnostics
            .iter()
            .filter(|d| d.rule == rule)
            .map(|d| d.span.text(markdown).to_owned())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check;

    fn first_code_block(section: &str) -> String {
        let start = section.find("```").expect("a code block");
        let body = &section[start + 3..];
        let body = &body[body.find('\n').unwrap() + 1..];
        body[..body.find("```").unwrap()].to_owned()
    }

    #[test]
    fn every_rule_flags_its_example_and_passes_its_use_instead() {
        for rule in RULES {
            for heading in [
                "What it flags",
                "Why it matters",
                "Example",
                "Use instead",
                "Options",
            ] {
                assert!(
                    rule.doc_section(heading).is_some(),
                    "{} has no '{heading}' section",
                    rule.name
                );
            }
            let example = first_code_block(&rule.doc_section("Example").unwrap());
            let instead = first_code_block(&rule.doc_section("Use instead").unwrap());
            let settings = Settings::default();
            let got = check(&example, &settings);
            assert!(
                got.diagnostics.iter().any(|d| d.rule == rule.name),
                "{}: its Example is not flagged:\n{example}",
                rule.name
            );
            let got = check(&instead, &settings);
            let wrong: Vec<_> = got
                .diagnostics
                .iter()
                .filter(|d| d.rule == rule.name)
                .collect();
            assert!(
                wrong.is_empty(),
                "{}: its Use instead is flagged: {wrong:?}",
                rule.name
            );
        }
    }

    #[test]
    fn names_are_unique_kebab_case() {
        let mut names: Vec<_> = RULES.iter().map(|r| r.name).collect();
        assert!(names
            .iter()
            .all(|n| n.chars().all(|c| c.is_ascii_lowercase() || c == '-')));
        names.sort();
        names.dedup();
        assert_eq!(names.len(), RULES.len());
    }
}
