//! `plainly metrics`: counts and readability scores.

use std::io::{self, Write};
use std::process::ExitCode;

use plainly_core::{Document, LineIndex, Metrics, Scores, Section};
use serde::Serialize;

use crate::output::{reading_age_sentence, write_json};
use crate::{Format, OneInput};

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    input: OneInput,
    /// How to print the results.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
}

/// `plainly metrics --format json`: the metrics, with the path and each
/// section's line added.
#[derive(Serialize)]
struct JsonMetrics<'a> {
    path: &'a str,
    counts: &'a plainly_core::Counts,
    scores: &'a Option<Scores>,
    sections: Vec<JsonSection<'a>>,
}

#[derive(Serialize)]
struct JsonSection<'a> {
    /// 1-based line where the section starts.
    line: usize,
    #[serde(flatten)]
    section: &'a Section,
}

pub fn run(args: &Args) -> io::Result<ExitCode> {
    let input = match args.input.read("metrics") {
        Ok(i) => i,
        Err(code) => return Ok(code),
    };
    let doc = Document::parse(&input.text);
    let metrics = doc.metrics();
    let index = LineIndex::new(&input.text);
    let lines: Vec<usize> = metrics
        .sections
        .iter()
        .map(|s| index.line_col(&input.text, s.span.start).line)
        .collect();
    match args.format {
        Format::Json => write_json(&JsonMetrics {
            path: &input.name,
            counts: &metrics.counts,
            scores: &metrics.scores,
            sections: metrics
                .sections
                .iter()
                .zip(&lines)
                .map(|(section, &line)| JsonSection { line, section })
                .collect(),
        })?,
        Format::Human => write_human(&input.name, &metrics, &lines)?,
    }
    Ok(ExitCode::SUCCESS)
}

fn write_human(name: &str, m: &Metrics, lines: &[usize]) -> io::Result<()> {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    writeln!(out, "{name}")?;
    let Some(s) = &m.scores else {
        writeln!(
            out,
            "No sentences to score: the file has no prose outside code, HTML and front matter."
        )?;
        return out.flush();
    };
    writeln!(
        out,
        "{}",
        reading_age_sentence(s.reading_age, plainly_core::Audience::Public)
    )?;
    if !s.reliable {
        writeln!(
            out,
            "This is a rough guide: the text has only {} words, and scores need 100 or more.",
            m.counts.words
        )?;
    }
    writeln!(out)?;
    let c = &m.counts;
    writeln!(
        out,
        "  {} words, {} sentences, {} paragraphs. {:.1} words a sentence, {:.2} syllables a word.",
        c.words,
        c.sentences,
        c.paragraphs,
        c.words as f64 / c.sentences as f64,
        c.syllables as f64 / c.words as f64,
    )?;
    writeln!(out)?;
    writeln!(out, "  {:<28} {:>6}   Reading age", "Score", "Value")?;
    writeln!(
        out,
        "  {:<28} {:>6.1}   (0 to 100: higher is easier)",
        "Flesch Reading Ease", s.flesch_reading_ease
    )?;
    let smog_note = if s.smog_reliable {
        ""
    } else {
        "  (rough: needs 30 sentences)"
    };
    for (label, grade, note) in [
        ("Flesch-Kincaid grade", s.flesch_kincaid_grade, ""),
        ("Gunning Fog", s.gunning_fog, ""),
        ("SMOG", s.smog, smog_note),
        ("Coleman-Liau", s.coleman_liau, ""),
        ("Automated Readability Index", s.automated_readability, ""),
    ] {
        writeln!(
            out,
            "  {label:<28} {grade:>6.1}   {:>3}{note}",
            age_of(grade)
        )?;
    }
    writeln!(
        out,
        "  Reading age is the middle of the five grades, plus 5 (the UK convention)."
    )?;

    let mut hardest: Vec<(usize, &Section, &Scores)> = m
        .sections
        .iter()
        .enumerate()
        .filter_map(|(i, sec)| sec.scores.as_ref().map(|sc| (i, sec, sc)))
        .filter(|(_, sec, _)| sec.counts.words >= 20)
        .collect();
    if hardest.len() > 1 {
        hardest.sort_by(|a, b| {
            b.2.reading_age
                .total_cmp(&a.2.reading_age)
                .then(a.0.cmp(&b.0))
        });
        writeln!(out)?;
        writeln!(out, "Hardest sections")?;
        for (i, sec, sc) in hardest.iter().take(3) {
            let heading = sec
                .heading
                .as_deref()
                .unwrap_or("(before the first heading)");
            writeln!(
                out,
                "  line {:<5} reading age {:>2}  {}",
                lines.get(*i).copied().unwrap_or(1),
                sc.reading_age.round() as i64,
                heading
            )?;
        }
    }
    out.flush()
}

/// A US grade as a UK reading age, never below 5.
fn age_of(grade: f64) -> i64 {
    (grade + 5.0).max(5.0).round() as i64
}
