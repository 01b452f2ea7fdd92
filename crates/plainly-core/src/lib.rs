//! # plainly-core
//!
//! The engine behind plainly: Markdown text in, sentences, words, syllables
//! and readability scores out. No I/O, no printing, no global state: one
//! call does the work, and the results are plain data.
//!
//! ```
//! let doc = plainly_core::Document::parse("# Your visit\n\nDr. Patel will see you at 3 p.m. Please bring your letter.\n");
//! let sentences: Vec<String> = doc.sentences().map(|s| s.text()).collect();
//! assert_eq!(sentences, ["Your visit", "Dr. Patel will see you at 3 p.m.", "Please bring your letter."]);
//!
//! let metrics = doc.metrics();
//! assert_eq!(metrics.counts.words, 14);
//! let scores = metrics.scores.expect("the document has sentences");
//! assert!(scores.reading_age < 11.0);
//! ```
//!
//! ## Why it is shaped this way
//!
//! - **Markdown is parsed once** ([`markdown`]) into prose blocks. Each block
//!   keeps its text as a reader reads it and a map back to the source, so
//!   everything after parsing works on clean prose yet reports exact places.
//! - **Positions are byte spans** ([`Span`]) into the source as given:
//!   cheap, exact, and easy to turn into lines and columns ([`LineIndex`]) or
//!   an editor's UTF-16 positions at the edge.
//! - **A sentence** is defined in [`sentences`]: abbreviation-aware, and
//!   every heading, list item and table cell is at least one.
//! - **A word** is defined in [`words`]; its syllables come from a
//!   pronunciation dictionary compiled into the binary, with rules for the
//!   rest ([`syllables`]).
//! - **Scores** are computed in [`metrics`] from counts, per document and
//!   per section, each formula as published.
#![warn(missing_docs)]

pub mod diagnostic;
pub mod fix;
mod frequency;
mod lookup;
pub mod markdown;
pub mod metrics;
pub mod rules;
pub mod sentences;
pub mod settings;
pub mod span;
mod suppress;
pub mod syllables;
pub mod wordlists;
pub mod words;

pub use diagnostic::{
    Applicability, Diagnostic, Edit, Related, Severity, Suggestion, Suggestions, Text,
};
pub use fix::{fix, fix_as, FixMode, Fixed};
pub use markdown::BlockKind;
pub use metrics::{Counts, Metrics, Scores, Section};
pub use rules::{Rule, RULES};
pub use settings::{
    Audience, CustomAbbreviation, CustomTerm, CustomWords, Limits, Settings, Thresholds,
};
pub use span::{LineCol, LineIndex, Span};
pub use words::WordKind;

/// What `check` found: the findings, sorted by position, and the metrics.
#[derive(Debug, Clone)]
pub struct Report {
    /// Every finding, in source order.
    pub diagnostics: Vec<Diagnostic>,
    /// Counts and scores, for the document and each section.
    pub metrics: Metrics,
}

/// Checks `source`, a Markdown document, with every enabled rule.
///
/// ```
/// use plainly_core::{check, Settings};
/// let report = check("We will utilise the hall.", &Settings::default());
/// assert_eq!(report.diagnostics[0].rule, "complex-word");
/// assert_eq!(report.diagnostics[0].suggestions[0].message, "Use \"use\".");
/// ```
pub fn check(source: &str, settings: &Settings) -> Report {
    Document::parse(source).check(settings)
}

use markdown::Block;

/// How to read a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TextFormat {
    /// CommonMark with tables, footnotes and front matter.
    #[default]
    Markdown,
    /// Plain text: paragraphs split by blank lines, no markup.
    Plain,
}

/// Documents with fewer words than this are checked on one thread by
/// [`Document::check_parallel`].
pub const PARALLEL_MIN_WORDS: usize = 5_000;

/// The result of a scoped thread; a panic there goes on in this thread, as
/// it would have if the work had been done here.
fn join<T>(handle: std::thread::ScopedJoinHandle<'_, T>) -> T {
    handle
        .join()
        .unwrap_or_else(|payload| std::panic::resume_unwind(payload))
}

/// The largest document analysed: spans are stored as 32-bit offsets. Text
/// past this point (4 GiB) is ignored.
pub const MAX_LEN: usize = u32::MAX as usize;

/// A word as stored: compact, because a large document has many. Its
/// place in the source is worked out only when asked for (most words are
/// counted, not reported).
#[derive(Debug, Clone, Copy)]
struct WordData {
    /// Where the word sits in its block's text.
    text_start: u32,
    text_len: u32,
    syllables: u16,
    letters: u16,
    kind: WordKind,
    /// Three or more syllables, and long in Gunning's sense ([`long_word`]).
    long: bool,
    /// What rules look for in every word ([`flags`]).
    flags: u8,
    /// How common the word is ([`frequency::of`]), in tenths of the Zipf
    /// scale; [`frequency::UNJUDGED`] for numbers, codes and links.
    zipf: u8,
}

/// What a word is like, worked out once per distinct word when the document
/// is read, for the rules that look at every word: most sentences are then
/// passed over without reading their words' text.
pub(crate) mod flags {
    /// Starts with a capital letter.
    pub const CAPITAL: u8 = 1;
    /// Holds an ASCII digit.
    pub const DIGIT: u8 = 2;
    /// May be in capitals: no small ASCII letter, and two or more capital
    /// ASCII letters or a character outside ASCII.
    pub const SHOUTY: u8 = 4;
    /// A form of "be" ("is", "were", "been"...), in any case.
    pub const BE: u8 = 8;
    /// May be an abbreviation: it starts with a capital, a stop or a
    /// character outside ASCII, and has at least two capitals.
    pub const ABBREVIATION: u8 = 16;

    /// The flags of a word's text.
    pub fn of(text: &str) -> u8 {
        let bytes = text.as_bytes();
        let mut f = 0;
        if text.starts_with(char::is_uppercase) {
            f |= CAPITAL;
        }
        if bytes.iter().any(u8::is_ascii_digit) {
            f |= DIGIT;
        }
        if !bytes.iter().any(u8::is_ascii_lowercase)
            && (!text.is_ascii()
                || bytes
                    .iter()
                    .filter(|b| b.is_ascii_uppercase())
                    .nth(1)
                    .is_some())
        {
            f |= SHOUTY;
        }
        if crate::rules::is_be(text) {
            f |= BE;
        }
        let first = bytes.first().copied().unwrap_or(b'.');
        if (!first.is_ascii() || first.is_ascii_uppercase() || first == b'.')
            && !crate::rules::few_capitals(text)
        {
            f |= ABBREVIATION;
        }
        f
    }
}

#[derive(Debug, Clone, Copy)]
struct SentenceData {
    start: u32,
    end: u32,
    block: u32,
    text_start: u32,
    text_end: u32,
    words_start: u32,
    words_end: u32,
}

/// A Markdown document, analysed: its prose blocks, sentences and words.
#[derive(Debug, Clone)]
pub struct Document<'s> {
    source: &'s str,
    blocks: Vec<Block>,
    sentences: Vec<SentenceData>,
    words: Vec<WordData>,
    comments: Vec<Span>,
}

impl<'s> Document<'s> {
    /// Analyses `source`, a Markdown document. Never fails: any text is
    /// valid Markdown.
    pub fn parse(source: &'s str) -> Document<'s> {
        Document::parse_as(source, TextFormat::Markdown)
    }

    /// Analyses `source` as Markdown or as plain text.
    pub fn parse_as(source: &'s str, format: TextFormat) -> Document<'s> {
        let source = truncate(source);
        let prose = match format {
            TextFormat::Markdown => markdown::prose(source),
            TextFormat::Plain => markdown::plain_prose(source),
        };
        let mut doc = Document {
            source,
            sentences: Vec::with_capacity(source.len() / 80),
            words: Vec::with_capacity(source.len() / 6),
            comments: prose.comments,
            blocks: Vec::new(),
        };
        let mut toks = Vec::new();
        let mut splits = Vec::new();
        // Which tokens may end a sentence.
        let mut ends = Vec::new();
        // Documents repeat their words: count each distinct word once.
        let mut memo = syllables::memo::WordMemo::default();
        for (b, block) in prose.blocks.iter().enumerate() {
            words::tokenize_marking(&block.text, &block.atoms, &mut toks, &mut ends);
            sentences::split_at(&block.text, &toks, &ends, &mut splits);
            for split in &splits {
                let words_start = doc.words.len() as u32;
                for t in &toks[split.tokens.clone()] {
                    let Some(kind) = t.word else { continue };
                    // Numbers, codes, inline code and links count as one
                    // syllable each: see `metrics` for why.
                    let (syllables, long, letters, flags, zipf) = match kind {
                        WordKind::Word => {
                            memo.get(&block.text, t.start as usize..t.end as usize, |text| {
                                let n = syllables::count(text).min(u32::from(u16::MAX)) as u16;
                                let long = n >= 3 && long_word(text);
                                (n, long, alnum(text), flags::of(text), frequency::of(text))
                            })
                        }
                        WordKind::Number | WordKind::Code | WordKind::Link => {
                            let text = t.text(&block.text);
                            (1, false, alnum(text), flags::of(text), frequency::UNJUDGED)
                        }
                    };
                    doc.words.push(WordData {
                        text_start: t.start,
                        text_len: t.end - t.start,
                        syllables,
                        letters,
                        kind,
                        long,
                        flags,
                        zipf,
                    });
                }
                let span = block.source_span(split.text.clone());
                doc.sentences.push(SentenceData {
                    start: span.start as u32,
                    end: span.end as u32,
                    block: b as u32,
                    text_start: split.text.start as u32,
                    text_end: split.text.end as u32,
                    words_start,
                    words_end: doc.words.len() as u32,
                });
            }
        }
        doc.blocks = prose.blocks;
        doc
    }

    /// The source text this document was parsed from.
    pub fn source(&self) -> &'s str {
        self.source
    }

    /// Every sentence, in document order.
    pub fn sentences(&self) -> impl ExactSizeIterator<Item = Sentence<'_>> + '_ {
        self.sentences
            .iter()
            .map(move |data| Sentence { doc: self, data })
    }

    /// Whether a sentence ends exactly at source offset `offset`.
    pub(crate) fn ends_sentence(&self, offset: usize) -> bool {
        let i = self
            .sentences
            .partition_point(|s| (s.end as usize) < offset);
        self.sentences
            .get(i)
            .is_some_and(|s| s.end as usize == offset)
    }

    /// The spans of every HTML comment, `<!-- ... -->`, in order.
    pub fn comments(&self) -> &[Span] {
        &self.comments
    }

    /// Counts and scores for the document and each section.
    pub fn metrics(&self) -> Metrics {
        let mut total = Counts::default();
        let mut sections: Vec<Section> = Vec::new();
        let mut current = Counts::default();
        let mut last_block = u32::MAX;
        let close = |sections: &mut Vec<Section>, counts: Counts, end: usize| {
            if let Some(s) = sections.last_mut() {
                s.counts = counts;
                s.scores = Scores::from_counts(&counts);
                s.span.end = end;
            }
        };
        for data in &self.sentences {
            let block = &self.blocks[data.block as usize];
            if let BlockKind::Heading(_) = block.kind {
                if data.block != last_block {
                    close(&mut sections, current, data.start as usize);
                    if sections.is_empty() && current.words > 0 {
                        // Text before the first heading is a section too.
                        sections.push(Section {
                            heading: None,
                            span: Span::new(0, data.start as usize),
                            heading_span: None,
                            counts: current,
                            scores: Scores::from_counts(&current),
                        });
                    }
                    current = Counts::default();
                    let span = self.block_span(data.block);
                    sections.push(Section {
                        heading: Some(collapse_spaces(&block.text)),
                        span: Span::new(span.start, span.end),
                        heading_span: Some(span),
                        counts: Counts::default(),
                        scores: None,
                    });
                }
            }
            if !block.kind.counts_in_scores() {
                last_block = data.block;
                continue;
            }
            let counts =
                self.sentence_counts(data, block.kind.is_paragraph() && data.block != last_block);
            current += counts;
            total += counts;
            last_block = data.block;
        }
        if sections.is_empty() {
            if current.words > 0 {
                sections.push(Section {
                    heading: None,
                    span: Span::new(0, self.source.len()),
                    heading_span: None,
                    counts: current,
                    scores: Scores::from_counts(&current),
                });
            }
        } else {
            close(&mut sections, current, self.source.len());
        }
        Metrics {
            counts: total,
            scores: Scores::from_counts(&total),
            sections,
        }
    }

    /// Runs every enabled rule over the document, on this thread.
    pub fn check(&self, settings: &Settings) -> Report {
        self.check_on(settings, false)
    }

    /// Like [`Document::check`], with the same result, but a large
    /// document's work is shared with a second thread: the word-list search
    /// and the rules that need it beside the other rules. For
    /// one document checked while a core would otherwise wait (the language
    /// server); a document under [`PARALLEL_MIN_WORDS`] words is checked on
    /// this thread, as starting a thread would cost more than it saves.
    pub fn check_parallel(&self, settings: &Settings) -> Report {
        self.check_on(
            settings,
            self.words.len() >= PARALLEL_MIN_WORDS
                && std::thread::available_parallelism().is_ok_and(|n| n.get() > 1),
        )
    }

    fn check_on(&self, settings: &Settings, split: bool) -> Report {
        let metrics = self.metrics();
        let lines = LineIndex::new(self.source);
        let custom = wordlists::custom_lists(&settings.words);
        let custom = custom.as_deref();
        let context = |terms| rules::Context {
            doc: self,
            settings,
            thresholds: settings.thresholds(),
            metrics: &metrics,
            lines: &lines,
            terms,
            custom,
        };
        let terms = || {
            let mut terms = self.term_matches(custom);
            // Listed words used in their everyday sense are not terms.
            terms.retain(|m| !rules::sense::everyday(self, m));
            terms
        };
        let enabled = RULES.iter().copied().filter(|r| settings.enabled(r.name));
        let mut diagnostics = if split {
            // One thread finds the word-list terms and runs the rules that
            // read them; this one runs the others meanwhile, with no terms.
            // Each rule's findings are kept apart and joined in the order of
            // `RULES`, exactly as when the rules run one after another.
            let (with_terms, without): (Vec<&Rule>, Vec<&Rule>) =
                enabled.partition(|r| rules::TERM_RULES.contains(&r.name));
            let run = |ctx: &rules::Context<'_>, rules: &[&'static Rule]| {
                rules
                    .iter()
                    .map(|rule| {
                        let mut found = Vec::new();
                        rule.run(ctx, &mut found);
                        (rule.name, found)
                    })
                    .collect::<Vec<_>>()
            };
            let mut by_rule = std::thread::scope(|scope| {
                let other = scope.spawn(|| run(&context(terms()), &with_terms));
                let mut by_rule = run(&context(Vec::new()), &without);
                by_rule.extend(join(other));
                by_rule
            });
            by_rule.sort_by_key(|(name, _)| RULES.iter().position(|r| r.name == *name));
            by_rule.into_iter().flat_map(|(_, found)| found).collect()
        } else {
            let ctx = context(terms());
            // Room for one finding in ten words, so the list is seldom
            // moved as it grows (a finding is 152 bytes).
            let mut found = Vec::with_capacity(self.words.len() / 10 + 8);
            for rule in enabled {
                rule.run(&ctx, &mut found);
            }
            found
        };
        suppress::filter(
            self.source,
            &self.comments,
            &lines,
            settings,
            &mut diagnostics,
        );
        diagnostic::sort(&mut diagnostics);
        Report {
            diagnostics,
            metrics,
        }
    }

    /// Every word-list term in the prose, outside code and links.
    fn term_matches(&self, custom: Option<&wordlists::WordLists>) -> Vec<rules::TermMatch<'_>> {
        let lists = wordlists::lists();
        let mut out = Vec::new();
        let mut s = 0;
        let mut lower = String::new();
        let mut found = Vec::new();
        // Words of a block that no rule looks inside, and where its
        // sentences start.
        let mut opaque = Vec::new();
        let mut starts = Vec::new();
        for (b, block) in self.blocks.iter().enumerate() {
            opaque.clear();
            starts.clear();
            while s < self.sentences.len() && self.sentences[s].block as usize == b {
                let data = &self.sentences[s];
                let words = &self.words[data.words_start as usize..data.words_end as usize];
                if let Some(w) = words.first() {
                    starts.push(w.text_start as usize);
                }
                for w in words
                    .iter()
                    .filter(|w| matches!(w.kind, WordKind::Code | WordKind::Link))
                {
                    opaque.push(w.text_start as usize..(w.text_start + w.text_len) as usize);
                }
                s += 1;
            }
            found.clear();
            found.extend(lists.find(&block.text, &mut lower));
            if let Some(custom) = custom {
                // A project's own terms are numbered after the built-in
                // ones. Where matches overlap, the earlier and then the
                // longer wins, as within one list.
                let first = lists.entries.len();
                found.extend(
                    custom
                        .find(&block.text, &mut lower)
                        .map(|(e, r, b)| (first + e, r, b)),
                );
                // At the same place, the project's own entry wins: its
                // explanation is the one the writer asked for.
                found.sort_by_key(|(e, r, _)| (r.start, std::cmp::Reverse(r.end), *e < first));
                let mut end = 0;
                found.retain(|(_, r, _)| {
                    let keep = r.start >= end;
                    if keep {
                        end = r.end;
                    }
                    keep
                });
            }
            for (entry, range, base) in found.drain(..) {
                if opaque
                    .iter()
                    .any(|o| o.start < range.end && range.start < o.end)
                {
                    continue;
                }
                let text = &block.text[range.clone()];
                let sentence_start = starts.contains(&range.start);
                let named = !matches!(block.kind, BlockKind::Heading(_))
                    && !sentence_start
                    && rules::sense::title_case(text);
                let rest = &block.text[range.end..];
                // Up to 40 characters: 40 bytes when they are ASCII.
                let after = match rest.get(..40) {
                    Some(a) if a.is_ascii() => a,
                    _ => rest
                        .char_indices()
                        .nth(40)
                        .map_or(rest, |(i, _)| &rest[..i]),
                };
                out.push(rules::TermMatch {
                    entry,
                    span: block.source_span(range.clone()),
                    text,
                    base,
                    named,
                    after,
                    block: b,
                    sentence_start,
                });
            }
        }
        out
    }

    /// From the first to the last sentence of a block. Sentences are in
    /// block order, so two binary searches find them.
    fn block_span(&self, block: u32) -> Span {
        let first = self.sentences.partition_point(|s| s.block < block);
        let end = self.sentences.partition_point(|s| s.block <= block);
        match (
            self.sentences.get(first),
            end.checked_sub(1).and_then(|l| self.sentences.get(l)),
        ) {
            (Some(f), Some(l)) if first < end => Span::new(f.start as usize, l.end as usize),
            _ => Span::default(),
        }
    }

    fn sentence_counts(&self, data: &SentenceData, new_paragraph: bool) -> Counts {
        let block = &self.blocks[data.block as usize];
        let words = &self.words[data.words_start as usize..data.words_end as usize];
        let mut c = Counts {
            sentences: u64::from(!words.is_empty()),
            paragraphs: u64::from(new_paragraph && !words.is_empty()),
            ..Counts::default()
        };
        for (i, w) in words.iter().enumerate() {
            c.words += 1;
            c.syllables += u64::from(w.syllables);
            c.letters += u64::from(w.letters);
            if w.syllables >= 3 && matches!(w.kind, WordKind::Word) {
                c.polysyllables += 1;
                let text = word_text(block, w);
                if is_complex(text, w.long, i == 0) {
                    c.complex_words += 1;
                }
            }
        }
        c
    }
}

/// Gunning's complex word, given a word of three or more syllables.
/// The part that depends on the word alone is worked out once per distinct
/// word at parse time ([`long_word`]); here only the position is added.
fn is_complex(text: &str, long_word: bool, first_in_sentence: bool) -> bool {
    let proper = !first_in_sentence && text.starts_with(|c: char| c.is_uppercase());
    long_word && !proper
}

/// Whether a word of three or more syllables is long in Gunning's sense:
/// not a hyphenated compound, and not three syllables only because of an
/// `-es`, `-ed` or `-ing` ending.
fn long_word(text: &str) -> bool {
    let compound = text.contains(['-', '\u{2010}', '\u{2011}', '/']);
    if compound {
        return false;
    }
    let lower = text.to_lowercase();
    for suffix in ["es", "ed", "ing"] {
        if let Some(stem) = lower.strip_suffix(suffix) {
            if syllables::count(stem) < 3 && !stem.is_empty() {
                return false;
            }
        }
    }
    true
}

fn word_text<'b>(block: &'b Block, w: &WordData) -> &'b str {
    let start = w.text_start as usize;
    block
        .text
        .get(start..start + w.text_len as usize)
        .unwrap_or("")
}

/// Letters and digits in a word (at most `u16::MAX`).
fn alnum(text: &str) -> u16 {
    let n = if text.is_ascii() {
        text.bytes().filter(u8::is_ascii_alphanumeric).count()
    } else {
        text.chars().filter(|c| c.is_alphanumeric()).count()
    };
    n.min(usize::from(u16::MAX)) as u16
}

fn collapse_spaces(text: &str) -> String {
    // Usually there is nothing to collapse: ASCII words, single spaces.
    let bytes = text.as_bytes();
    let plain = bytes.first() != Some(&b' ')
        && bytes.last() != Some(&b' ')
        && bytes.windows(2).all(|w| w != b"  ")
        && bytes.iter().all(|&b| b.is_ascii_graphic() || b == b' ');
    if plain {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    for part in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(part);
    }
    out
}

fn truncate(source: &str) -> &str {
    if source.len() <= MAX_LEN {
        return source;
    }
    let mut end = MAX_LEN;
    while !source.is_char_boundary(end) {
        end -= 1;
    }
    &source[..end]
}

/// One sentence of a [`Document`].
#[derive(Debug, Clone, Copy)]
pub struct Sentence<'d> {
    doc: &'d Document<'d>,
    data: &'d SentenceData,
}

impl<'d> Sentence<'d> {
    /// Where the sentence is in the source: from its first character to its
    /// last (closing quotes and brackets included).
    pub fn span(&self) -> Span {
        Span::new(self.data.start as usize, self.data.end as usize)
    }

    /// The sentence as read: markup left out, line breaks and runs of
    /// spaces as one space.
    pub fn text(&self) -> String {
        let block = self.block();
        let raw = block
            .text
            .get(self.data.text_start as usize..self.data.text_end as usize)
            .unwrap_or("");
        collapse_spaces(raw)
    }

    /// What kind of block the sentence is in.
    pub fn kind(&self) -> BlockKind {
        self.block().kind
    }

    /// Which block the sentence is in: sentences with the same index share
    /// a paragraph, heading, list item or cell.
    pub fn block_index(&self) -> usize {
        self.data.block as usize
    }

    /// The sentence's words.
    pub fn words(&self) -> impl ExactSizeIterator<Item = Word<'d>> + 'd {
        let block = self.block();
        self.doc.words[self.data.words_start as usize..self.data.words_end as usize]
            .iter()
            .map(move |w| Word {
                text: word_text(block, w),
                span: block
                    .source_span(w.text_start as usize..(w.text_start + w.text_len) as usize),
                syllables: u32::from(w.syllables),
                kind: w.kind,
            })
    }

    /// The sentence's words without their places in the source, for rules
    /// that only count (working out a place costs a search).
    pub(crate) fn word_parts(
        &self,
    ) -> impl ExactSizeIterator<Item = (&'d str, u32, WordKind)> + 'd {
        let block = self.block();
        self.doc.words[self.data.words_start as usize..self.data.words_end as usize]
            .iter()
            .map(move |w| (word_text(block, w), u32::from(w.syllables), w.kind))
    }

    /// The sentence's words as stored, for rules that read a word's text
    /// only now and then ([`Sentence::text_of`]).
    pub(crate) fn word_data(&self) -> &'d [WordData] {
        &self.doc.words[self.data.words_start as usize..self.data.words_end as usize]
    }

    /// The text of one of [`Sentence::word_data`].
    pub(crate) fn text_of(&self, w: &WordData) -> &'d str {
        word_text(self.block(), w)
    }

    /// Whether any word has any of the [`flags`] in `mask`.
    pub(crate) fn any_word_has(&self, mask: u8) -> bool {
        self.word_data().iter().any(|w| w.flags & mask != 0)
    }

    /// Where the sentence's word `i` (counting from 0, as
    /// [`Sentence::word_parts`] does) is in the source.
    pub(crate) fn word_span(&self, i: usize) -> Span {
        let block = self.block();
        self.doc.words[self.data.words_start as usize..self.data.words_end as usize]
            .get(i)
            .map_or(Span::default(), |w| {
                block.source_span(w.text_start as usize..(w.text_start + w.text_len) as usize)
            })
    }

    fn block(&self) -> &'d Block {
        &self.doc.blocks[self.data.block as usize]
    }
}

/// One word of a [`Sentence`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word<'d> {
    /// The word as read (an entity such as `&amp;` decoded).
    pub text: &'d str,
    /// Where it is in the source.
    pub span: Span,
    /// Its syllables.
    pub syllables: u32,
    /// What sort of word it is.
    pub kind: WordKind,
}

/// The README's Rust example, compiled and run as a doctest.
#[cfg(doctest)]
#[doc = include_str!("../../../README.md")]
pub struct ReadmeDoctests;
