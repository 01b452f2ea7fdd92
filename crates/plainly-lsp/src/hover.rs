//! Hover: on a finding, the rule's explanation and what to write instead;
//! elsewhere in prose, how hard the sentence and its section are to read.

use std::fmt::Write as _;

use lsp_types as lsp;
use plainly_core::{Audience, Scores};

use crate::server::{unknown_document, RequestError, Server};

/// The hover for a position.
pub(crate) fn hover<W: std::io::Write>(
    server: &mut Server<W>,
    params: lsp::HoverParams,
) -> Result<Option<lsp::Hover>, RequestError> {
    let uri = params.text_document_position_params.text_document.uri;
    let pos = params.text_document_position_params.position;
    let key = uri.as_str().to_owned();
    let Some(analysis) = server.analysis(&key) else {
        return Err(unknown_document(&uri));
    };
    let audience = server.settings_for(&key).audience;
    let enc = server.encoding;
    let markdown = server.caps.hover_markdown;
    let Some(doc) = server.docs.get_mut(&key) else {
        return Err(unknown_document(&uri));
    };
    let (text, lines) = doc.text_and_lines();
    if !lines.contains(text, pos, enc) {
        return Ok(None);
    }
    let offset = lines.offset(text, pos, enc);

    // On findings: every finding here, narrowest first.
    let mut here: Vec<&plainly_core::Diagnostic> = analysis
        .diagnostics
        .iter()
        .filter(|d| d.span.start <= offset && offset < d.span.end.max(d.span.start + 1))
        .collect();
    if !here.is_empty() {
        here.sort_by_key(|d| d.span.len());
        let mut out = String::new();
        for d in &here {
            if !out.is_empty() {
                out.push_str("\n\n---\n\n");
            }
            let _ = write!(
                out,
                "**plainly: {}** ({})\n\n{}\n",
                d.rule,
                d.severity.as_str(),
                d.message
            );
            for s in &d.suggestions {
                let _ = write!(out, "\n- {}", s.message);
            }
            if let Some(rule) = plainly_core::rules::rule(d.rule) {
                let _ = write!(out, "\n\n{}", demote_headings(&rule.doc()));
            }
        }
        let span = here[0].span;
        return Ok(Some(hover_value(
            out,
            lines.range(text, span.start, span.end, enc),
            markdown,
        )));
    }

    // In prose: the sentence and its section.
    let parsed = plainly_core::Document::parse(text);
    let Some((sentence, counts)) = parsed.sentence_at(offset) else {
        return Ok(None);
    };
    let mut out = String::new();
    let words = counts.words;
    let _ = write!(
        out,
        "**Sentence:** {words} word{}",
        if words == 1 { "" } else { "s" }
    );
    if let Some(scores) = Scores::from_counts(&counts) {
        let _ = write!(out, ", reading age {}", scores.reading_age.round() as i64);
    }
    out.push('.');
    if let Some(section) = analysis
        .metrics
        .sections
        .iter()
        .rev()
        .find(|s| s.span.start <= offset)
    {
        let name = section
            .heading
            .as_deref()
            .map_or("The text before the first heading".to_owned(), |h| {
                format!("\"{h}\"")
            });
        match &section.scores {
            Some(scores) => {
                let _ = write!(
                    out,
                    "\n\n**Section {name}:** {} words, {}",
                    section.counts.words,
                    reading_age_sentence(scores.reading_age, audience)
                );
            }
            None => {
                let _ = write!(out, "\n\n**Section {name}:** no sentences to score.");
            }
        }
    }
    let span = sentence.span();
    Ok(Some(hover_value(
        out,
        lines.range(text, span.start, span.end, enc),
        markdown,
    )))
}

fn hover_value(text: String, range: lsp::Range, markdown: bool) -> lsp::Hover {
    let kind = if markdown {
        lsp::MarkupKind::Markdown
    } else {
        lsp::MarkupKind::PlainText
    };
    lsp::Hover {
        contents: lsp::HoverContents::Markup(lsp::MarkupContent { kind, value: text }),
        range: Some(range),
    }
}

/// `## Heading` as `#### Heading`: the rule's headings sit under the
/// finding in a hover.
fn demote_headings(doc: &str) -> String {
    let mut out = String::with_capacity(doc.len() + 64);
    let mut in_code = false;
    for line in doc.lines() {
        if line.starts_with("```") {
            in_code = !in_code;
        }
        if !in_code && line.starts_with('#') {
            out.push_str("##");
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// What a reading age means for the audience (as `plainly metrics` says
/// it).
fn reading_age_sentence(age: f64, audience: Audience) -> String {
    let years = age.round() as i64;
    let target = audience.thresholds().max_reading_age.round() as i64;
    let aim = audience.target_text();
    let verdict = if years <= target {
        "most of your readers can manage this.".to_owned()
    } else {
        format!("hard for many of your readers. {aim}")
    };
    format!("reading age {years}: {verdict}")
}
