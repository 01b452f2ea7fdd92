//! `plainly check`: findings, with a suggestion for each.

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use plainly_core::{Audience, Diagnostic, Document, LineIndex, Report, Settings, Severity};
use rayon::prelude::*;
use serde::Serialize;

use crate::output::reading_age_sentence;
use crate::{read_input, Format};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Files and folders to check; folders are searched for .md and
    /// .markdown files (respecting .gitignore). - reads standard input.
    #[arg(value_name = "PATHS", default_value = ".")]
    paths: Vec<PathBuf>,
    /// How to print the results.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Who will read the documents: sets every threshold.
    #[arg(long, value_enum, default_value_t = AudienceArg::Public)]
    audience: AudienceArg,
    /// Exit with code 1 when there are findings at or above this level.
    #[arg(long, value_enum, default_value_t = FailOn::Warning)]
    fail_on: FailOn,
    /// The name to use for standard input in messages.
    #[arg(long, value_name = "NAME")]
    stdin_filename: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum AudienceArg {
    /// The general public (reading age 9 to 11).
    Public,
    /// Easy Read: people with a learning disability or low literacy.
    EasyRead,
    /// Staff and professionals.
    Professional,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum FailOn {
    Error,
    Warning,
    Info,
    Never,
}

impl FailOn {
    fn fails(self, s: Severity) -> bool {
        match self {
            FailOn::Error => s >= Severity::Error,
            FailOn::Warning => s >= Severity::Warning,
            FailOn::Info => true,
            FailOn::Never => false,
        }
    }
}

/// The files to check, in a stable order.
fn collect(paths: &[PathBuf]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" || !p.is_dir() {
            out.push(p.clone());
            continue;
        }
        let mut found: Vec<PathBuf> = ignore::WalkBuilder::new(p)
            .follow_links(false)
            .build()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_some_and(|t| t.is_file()))
            .map(|e| e.into_path())
            .filter(|p| {
                p.extension().is_some_and(|e| {
                    e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown")
                })
            })
            .collect();
        found.sort();
        out.extend(found);
    }
    out
}

struct Checked {
    name: String,
    text: String,
    report: Report,
}

pub fn run(args: &Args) -> io::Result<ExitCode> {
    let audience = match args.audience {
        AudienceArg::Public => Audience::Public,
        AudienceArg::EasyRead => Audience::EasyRead,
        AudienceArg::Professional => Audience::Professional,
    };
    let settings = Settings::for_audience(audience);
    // Files are read and checked in parallel, then reported in the order
    // they were found, so the output is the same on every run.
    let checked: Vec<Result<Checked, crate::InputError>> = collect(&args.paths)
        .par_iter()
        .map(|path| {
            read_input(path, args.stdin_filename.as_deref()).map(|input| Checked {
                report: Document::parse(&input.text).check(&settings),
                name: input.name,
                text: input.text,
            })
        })
        .collect();
    let mut results = Vec::with_capacity(checked.len());
    let mut input_errors = 0;
    for c in checked {
        match c {
            Ok(c) => results.push(c),
            Err(e) => {
                eprintln!("error: {e}");
                input_errors += 1;
            }
        }
    }
    match args.format {
        Format::Json => write_json(&results)?,
        Format::Human => write_human(&results, audience)?,
    }
    let failed = results
        .iter()
        .flat_map(|r| &r.report.diagnostics)
        .any(|d| args.fail_on.fails(d.severity));
    Ok(if input_errors > 0 {
        ExitCode::from(2)
    } else if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

#[derive(Serialize)]
struct JsonOut<'a> {
    files: Vec<JsonFile<'a>>,
    summary: Summary,
}

#[derive(Serialize, Default)]
struct Summary {
    files: usize,
    errors: usize,
    warnings: usize,
    infos: usize,
}

#[derive(Serialize)]
struct JsonFile<'a> {
    path: &'a str,
    diagnostics: Vec<JsonDiagnostic<'a>>,
    metrics: &'a plainly_core::Metrics,
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    rule: &'static str,
    severity: &'static str,
    message: &'a str,
    span: plainly_core::Span,
    start: plainly_core::LineCol,
    end: plainly_core::LineCol,
    text: &'a str,
    suggestions: Vec<&'a str>,
    fixes: &'a [plainly_core::Suggestion],
    #[serde(skip_serializing_if = "Option::is_none")]
    related: Option<JsonRelated<'a>>,
}

#[derive(Serialize)]
struct JsonRelated<'a> {
    message: &'a str,
    span: plainly_core::Span,
    start: plainly_core::LineCol,
}

fn count(summary: &mut Summary, d: &Diagnostic) {
    match d.severity {
        Severity::Error => summary.errors += 1,
        Severity::Warning => summary.warnings += 1,
        Severity::Info => summary.infos += 1,
    }
}

fn write_json(results: &[Checked]) -> io::Result<()> {
    let mut summary = Summary::default();
    let files = results
        .iter()
        .map(|r| {
            let index = LineIndex::new(&r.text);
            summary.files += 1;
            JsonFile {
                path: &r.name,
                diagnostics: r
                    .report
                    .diagnostics
                    .iter()
                    .map(|d| {
                        count(&mut summary, d);
                        JsonDiagnostic {
                            rule: d.rule,
                            severity: d.severity.as_str(),
                            message: &d.message,
                            span: d.span,
                            start: index.line_col(&r.text, d.span.start),
                            end: index.line_col(&r.text, d.span.end),
                            text: d.span.text(&r.text),
                            suggestions: d.suggestions.iter().map(|s| s.message.as_str()).collect(),
                            fixes: &d.suggestions,
                            related: d.related.as_ref().map(|rel| JsonRelated {
                                message: &rel.message,
                                span: rel.span,
                                start: index.line_col(&r.text, rel.span.start),
                            }),
                        }
                    })
                    .collect(),
                metrics: &r.report.metrics,
            }
        })
        .collect();
    crate::output::write_json(&JsonOut { files, summary })
}

struct Style {
    on: bool,
}

impl Style {
    /// Starts text in colour or bold `code`, when colour is on.
    fn start(&self, out: &mut impl Write, code: &str) -> io::Result<()> {
        if self.on {
            write_all(out, &["\x1b[", code, "m"])?;
        }
        Ok(())
    }

    /// Ends what [`Style::start`] started.
    fn end(&self, out: &mut impl Write) -> io::Result<()> {
        if self.on {
            out.write_all(b"\x1b[0m")?;
        }
        Ok(())
    }

    fn painted(&self, out: &mut impl Write, code: &str, text: &str) -> io::Result<()> {
        self.start(out, code)?;
        out.write_all(text.as_bytes())?;
        self.end(out)
    }

    fn paint(&self, code: &str, text: &str) -> String {
        if self.on {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_owned()
        }
    }
}

fn write_human(results: &[Checked], audience: Audience) -> io::Result<()> {
    let stdout = io::stdout();
    let style = Style {
        on: stdout.is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
    };
    let mut out = io::BufWriter::new(stdout.lock());
    for r in results {
        let index = LineIndex::new(&r.text);
        for d in &r.report.diagnostics {
            write_diagnostic(&mut out, &style, &r.name, &r.text, &index, d)?;
        }
        let mut s = Summary::default();
        r.report.diagnostics.iter().for_each(|d| count(&mut s, d));
        let age = match &r.report.metrics.scores {
            Some(sc) => reading_age_sentence(sc.reading_age, audience),
            None => "No sentences to score.".to_owned(),
        };
        writeln!(
            out,
            "{}: {}. {age}",
            style.paint("1", &r.name),
            plural_summary(&s)
        )?;
    }
    if results.len() > 1 {
        let mut total = Summary::default();
        results
            .iter()
            .flat_map(|r| &r.report.diagnostics)
            .for_each(|d| count(&mut total, d));
        writeln!(
            out,
            "\n{} files checked: {}.",
            results.len(),
            plural_summary(&total)
        )?;
    }
    out.flush()
}

fn plural_summary(s: &Summary) -> String {
    let part = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    if s.errors + s.warnings + s.infos == 0 {
        return "no problems found".to_owned();
    }
    let mut parts = Vec::new();
    if s.errors > 0 {
        parts.push(part(s.errors, "error", "errors"));
    }
    if s.warnings > 0 {
        parts.push(part(s.warnings, "warning", "warnings"));
    }
    if s.infos > 0 {
        parts.push(part(s.infos, "note", "notes"));
    }
    parts.join(", ")
}

fn write_diagnostic(
    out: &mut impl Write,
    style: &Style,
    name: &str,
    text: &str,
    index: &LineIndex,
    d: &Diagnostic,
) -> io::Result<()> {
    // Written piece by piece, without building strings: a dirty folder can
    // give hundreds of thousands of findings.
    let (label, colour) = match d.severity {
        Severity::Error => ("error", "1;31"),
        Severity::Warning => ("warning", "1;33"),
        Severity::Info => ("note", "1;36"),
    };
    let start = index.line_col(text, d.span.start);
    let mut digits = [0u8; 20];
    let line_no = decimal(start.line, &mut digits);
    let pad = line_no.len();
    style.start(out, colour)?;
    write_all(out, &[label, "[", d.rule, "]"])?;
    style.end(out)?;
    out.write_all(b": ")?;
    style.start(out, "1")?;
    out.write_all(d.message.as_bytes())?;
    style.end(out)?;
    out.write_all(b"\n")?;
    repeat(out, b' ', pad)?;
    style.painted(out, "1;34", "-->")?;
    writeln!(out, " {name}:{}:{}", start.line, start.column)?;
    let raw_line = index.line_text(text, start.line - 1);
    let line_text: std::borrow::Cow<str> = if raw_line.contains('\t') {
        raw_line.replace('\t', " ").into()
    } else {
        raw_line.into()
    };
    repeat(out, b' ', pad)?;
    out.write_all(b" ")?;
    style.painted(out, "1;34", "|")?;
    out.write_all(b"\n")?;
    style.painted(out, "1;34", line_no)?;
    out.write_all(b" ")?;
    style.painted(out, "1;34", "|")?;
    out.write_all(b" ")?;
    out.write_all(line_text.as_bytes())?;
    out.write_all(b"\n")?;
    // Underline to the span's end, or the end of its first line.
    let end_col = if index.line_of(d.span.end) == start.line - 1 {
        index.line_col(text, d.span.end).column
    } else {
        line_text.chars().count() + 1
    };
    let width = end_col.saturating_sub(start.column).max(1);
    repeat(out, b' ', pad)?;
    out.write_all(b" ")?;
    style.painted(out, "1;34", "|")?;
    out.write_all(b" ")?;
    repeat(out, b' ', start.column - 1)?;
    style.start(out, colour)?;
    repeat(out, b'^', width)?;
    style.end(out)?;
    out.write_all(b"\n")?;
    for s in &d.suggestions {
        repeat(out, b' ', pad)?;
        out.write_all(b" ")?;
        style.painted(out, "1;34", "=")?;
        out.write_all(b" ")?;
        style.start(out, "1")?;
        write_all(out, &["help: ", &s.message])?;
        style.end(out)?;
        out.write_all(b"\n")?;
    }
    if let Some(rel) = &d.related {
        let at = index.line_col(text, rel.span.start);
        repeat(out, b' ', pad)?;
        out.write_all(b" ")?;
        style.painted(out, "1;34", "=")?;
        writeln!(
            out,
            " note: {} ({name}:{}:{})",
            rel.message, at.line, at.column
        )?;
    }
    out.write_all(b"\n")
}

fn write_all(out: &mut impl Write, parts: &[&str]) -> io::Result<()> {
    parts.iter().try_for_each(|p| out.write_all(p.as_bytes()))
}

/// Writes `byte` `n` times.
fn repeat(out: &mut impl Write, byte: u8, mut n: usize) -> io::Result<()> {
    let chunk = [byte; 64];
    while n > 0 {
        let k = n.min(chunk.len());
        out.write_all(&chunk[..k])?;
        n -= k;
    }
    Ok(())
}

/// `n` in decimal, written into `buf`.
fn decimal(mut n: usize, buf: &mut [u8; 20]) -> &str {
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    std::str::from_utf8(&buf[i..]).unwrap_or("0")
}
