//! The plainly web page and its JSON API, as a library. `plainly serve` is
//! a few lines that call [`serve`].
//!
//! Why it is shaped this way:
//!
//! - **The output formats are not here.** `POST /api/check` must answer
//!   with exactly what `plainly check --format json` prints, and "Download
//!   report" must give exactly the file `plainly check --format html`
//!   writes. Both are built by the command line (`plainly-cli`), which
//!   depends on this crate to run the server. So the command line hands
//!   its formats in, as a [`Formats`], and there is one copy of each.
//! - **Handlers are thin**: read the body, call the check on a blocking
//!   thread, send the bytes back. Limits (body size, time, requests in
//!   flight), security headers, compression and panics are tower layers
//!   around every route, set up in one place ([`router`]).
//! - **No state, no storage.** The text lives in memory for one request.
//!   Nothing is written to disk or logged, and no cookie is set, so any
//!   number of copies can run behind a load balancer.
//! - **Our own accept loop** (hyper's HTTP/1 connection builder) rather
//!   than `axum::serve`, for two limits it does not offer: a time limit on
//!   reading a request's headers (slow clients) and a cap on open
//!   connections.

#![warn(missing_docs)]

mod api;
mod assets;
mod server;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use plainly_core::{Document, Scores, TextFormat};
use serde::Serialize;

pub use plainly_core::Audience;
pub use server::{router, serve, Running};

/// The most a request body may hold: 1 MB.
pub const MAX_BODY_BYTES: usize = 1024 * 1024;

/// What to check: the body of `POST /api/check` and `POST /api/report`.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckRequest {
    /// The text, as Markdown (or plain text when `filename` ends in `.txt`).
    pub text: String,
    /// Who will read it.
    pub audience: Audience,
    /// The name to report it under; `text.md` when the request gives none.
    pub filename: String,
}

/// The output formats the server sends, built by the command line so that
/// the server and `plainly check` give the same bytes.
pub trait Formats: Send + Sync + 'static {
    /// What `plainly check --format json --audience A` prints for the text,
    /// read from a file called `filename`.
    fn check_json(&self, request: &CheckRequest) -> Vec<u8>;
    /// What `plainly check --format html` writes for the same text.
    fn report_html(&self, request: &CheckRequest) -> String;
}

/// How to run the server. [`Options::default`] is what `plainly serve`
/// uses with no flags.
#[derive(Debug, Clone)]
pub struct Options {
    /// Where to listen. Port 0 picks a free port ([`Running::address`]
    /// says which).
    pub address: SocketAddr,
    /// The one other web address (origin) whose pages may call the API,
    /// such as `https://intranet.example.org`. None: only this server's
    /// own page.
    pub allow_origin: Option<String>,
    /// The most requests worked on at once. More get 503 at once, rather
    /// than waiting in a queue that grows without end.
    pub max_in_flight: usize,
    /// The most open connections. More wait to be accepted.
    pub max_connections: usize,
    /// The longest a request may take, from its first byte to the answer:
    /// reading it (a slow client), checking, and answering.
    pub timeout: Duration,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            address: SocketAddr::from(([127, 0, 0, 1], 7171)),
            allow_origin: None,
            max_in_flight: 256,
            max_connections: 1024,
            timeout: Duration::from_secs(10),
        }
    }
}

/// Shared by every request.
#[derive(Clone)]
struct AppState {
    formats: Arc<dyn Formats>,
}

/// A sentence that is hard or very hard for its audience, for shading on
/// the page and in the report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HardSentence {
    /// Where it is, in bytes of the source.
    pub span: plainly_core::Span,
    /// How many words it has.
    pub words: u64,
    /// Its reading age, to one decimal place.
    pub reading_age: f64,
    /// `true` for very hard, `false` for hard.
    pub very_hard: bool,
}

/// Sentences shorter than this are not shaded: one long word does not
/// make a sentence hard (the `hard-sentence` rule skips them too).
const MIN_WORDS: u64 = 8;

/// The sentences of `text` that are hard or very hard for `audience`, in
/// order, as readers of the Hemingway editor expect to see them shaded.
///
/// - very hard: longer than the audience's sentence limit (the
///   `long-sentence` rule), or with a reading age at or above the
///   threshold of the `hard-sentence` rule;
/// - hard: a reading age above the audience's target (11 for the public).
///
/// ```
/// use plainly_web::{hard_sentences, Audience};
/// use plainly_core::TextFormat;
/// let text = "We can visit you at home on Monday.\n\n\
///     Your individualised rehabilitation necessitates a comprehensive \
///     multidisciplinary evaluation by our organisation.\n";
/// let hard = hard_sentences(text, TextFormat::Markdown, Audience::Public);
/// assert_eq!(hard.len(), 1);
/// assert!(hard[0].very_hard);
/// assert!(text[hard[0].span.start..].starts_with("Your individualised"));
/// ```
pub fn hard_sentences(text: &str, format: TextFormat, audience: Audience) -> Vec<HardSentence> {
    let doc = Document::parse_as(text, format);
    let t = audience.thresholds();
    let mut out = Vec::new();
    for sentence in doc.sentences() {
        let span = sentence.span();
        let Some((_, counts)) = doc.sentence_at(span.start) else {
            continue;
        };
        let Some(scores) = Scores::from_counts(&counts) else {
            continue;
        };
        let age = scores.reading_age;
        let long = counts.words > t.max_sentence_words as u64;
        let scored = counts.words >= MIN_WORDS;
        let very_hard = long || (scored && age >= t.hard_sentence_age);
        if very_hard || (scored && age > t.max_reading_age) {
            out.push(HardSentence {
                span,
                words: counts.words,
                reading_age: (age * 10.0).round() / 10.0,
                very_hard,
            });
        }
    }
    out
}

/// How the command line reads a file called `name`: `.txt` as plain text,
/// anything else as Markdown.
pub fn text_format(name: &str) -> TextFormat {
    let is_txt = std::path::Path::new(name)
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("txt"));
    if is_txt {
        TextFormat::Plain
    } else {
        TextFormat::Markdown
    }
}

/// The styles that mark each kind of finding, shared by the page and the
/// HTML report (see [`mark_class`]).
pub const MARKS_CSS: &str = include_str!("../assets/marks.css");

/// What a rule's findings are called, in words for people who do not know
/// the rule names.
pub fn rule_label(rule: &str) -> &'static str {
    match rule {
        "jargon" => "Jargon",
        "complex-word" => "Formal or wordy",
        "undefined-abbreviation" => "Abbreviation not spelt out",
        "latin-abbreviation" => "Latin abbreviation",
        "inclusive-language" => "Word that labels people",
        "all-caps" => "Capitals for emphasis",
        "passive-voice" => "Passive voice",
        "uncommon-word" => "Uncommon word",
        "long-sentence" => "Long sentence",
        "hard-sentence" => "Hard sentence",
        "long-paragraph" => "Long paragraph",
        "reading-age" => "Section too hard",
        "unused-suppression" => "Unused plainly comment",
        _ => "Other",
    }
}

/// The class (after `pl-k-`) that marks a rule's findings: its own name
/// for rules about words, `block` for rules about a whole sentence,
/// paragraph or section, and `other` for anything else.
pub fn mark_class(rule: &str) -> &'static str {
    match rule {
        "jargon" => "jargon",
        "complex-word" => "complex-word",
        "undefined-abbreviation" => "undefined-abbreviation",
        "latin-abbreviation" => "latin-abbreviation",
        "inclusive-language" => "inclusive-language",
        "all-caps" => "all-caps",
        "passive-voice" => "passive-voice",
        "uncommon-word" => "uncommon-word",
        "long-sentence" | "hard-sentence" | "long-paragraph" | "reading-age" => "block",
        _ => "other",
    }
}
