//! `plainly sentences`: the sentences and words plainly found, so anyone
//! can see (and test) how text was split and counted.

use std::io::{self, Write};
use std::process::ExitCode;

use plainly_core::{BlockKind, Document, LineIndex, Span, WordKind};
use serde::Serialize;

use crate::output::write_json;
use crate::{Format, OneInput};

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    input: OneInput,
    /// How to print the results.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
}

#[derive(Serialize)]
struct JsonSentences<'a> {
    path: &'a str,
    sentences: Vec<JsonSentence<'a>>,
}

#[derive(Serialize)]
struct JsonSentence<'a> {
    text: String,
    span: Span,
    kind: &'static str,
    words: Vec<JsonWord<'a>>,
}

#[derive(Serialize)]
struct JsonWord<'a> {
    text: &'a str,
    span: Span,
    syllables: u32,
    #[serde(skip_serializing_if = "is_plain_word")]
    kind: WordKind,
}

fn is_plain_word(k: &WordKind) -> bool {
    *k == WordKind::Word
}

fn kind_name(k: BlockKind) -> &'static str {
    match k {
        BlockKind::Heading(_) => "heading",
        BlockKind::Paragraph => "paragraph",
        BlockKind::ListItem => "list-item",
        BlockKind::TableCell => "table-cell",
        BlockKind::AltText => "alt-text",
    }
}

pub fn run(args: &Args) -> io::Result<ExitCode> {
    let input = match args.input.read("sentences") {
        Ok(i) => i,
        Err(code) => return Ok(code),
    };
    let doc = Document::parse(&input.text);
    match args.format {
        Format::Json => {
            let sentences = doc
                .sentences()
                .map(|s| JsonSentence {
                    text: s.text(),
                    span: s.span(),
                    kind: kind_name(s.kind()),
                    words: s
                        .words()
                        .map(|w| JsonWord {
                            text: w.text,
                            span: w.span,
                            syllables: w.syllables,
                            kind: w.kind,
                        })
                        .collect(),
                })
                .collect();
            write_json(&JsonSentences {
                path: &input.name,
                sentences,
            })?;
        }
        Format::Human => {
            let index = LineIndex::new(&input.text);
            let stdout = io::stdout();
            let mut out = io::BufWriter::new(stdout.lock());
            for s in doc.sentences() {
                let at = index.line_col(&input.text, s.span().start);
                let words = s.words().len();
                writeln!(
                    out,
                    "{}:{}:{}  {} {}  {}",
                    input.name,
                    at.line,
                    at.column,
                    words,
                    if words == 1 { "word" } else { "words" },
                    s.text()
                )?;
            }
            out.flush()?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
