//! `plainly check`: findings, with a suggestion for each.

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use plainly_config::Resolver;
use plainly_core::{Audience, Diagnostic, Document, LineIndex, Report, Severity, TextFormat};
use rayon::prelude::*;
use serde::Serialize;

use crate::output::reading_age_sentence;
use crate::{read_input, CheckFormat};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Files and folders to check; folders are searched for .md, .markdown
    /// and .mdx files (respecting .gitignore and the settings' exclude).
    /// Files named here are checked even if excluded. - reads standard input.
    #[arg(value_name = "PATHS", default_value = ".")]
    paths: Vec<PathBuf>,
    /// How to print the results.
    #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
    format: CheckFormat,
    /// After the findings, count them by rule (human format only).
    #[arg(long)]
    statistics: bool,
    /// Who will read the documents: sets every threshold. Wins over the
    /// settings file; public unless set there or here.
    #[arg(long, value_enum)]
    audience: Option<AudienceArg>,
    /// Exit with code 1 when there are findings at or above this level.
    #[arg(long, value_enum, default_value_t = FailOn::Warning)]
    fail_on: FailOn,
    /// The name to use for standard input in messages, to find its
    /// settings file, and to tell plain text (.txt) from Markdown.
    #[arg(long, value_name = "NAME")]
    stdin_filename: Option<String>,
    #[command(flatten)]
    config: crate::config_args::ConfigArgs,
    #[command(flatten)]
    fixing: crate::fix_cmd::FixArgs,
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

/// Extensions checked when a folder is searched. A file named on the
/// command line is checked whatever its extension.
const EXTENSIONS: [&str; 3] = ["md", "markdown", "mdx"];

/// How to read a file: `.txt` is plain text, everything else Markdown.
pub(crate) fn text_format(name: &Path) -> TextFormat {
    if name
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("txt"))
    {
        TextFormat::Plain
    } else {
        TextFormat::Markdown
    }
}

/// The files to check, in a stable order. Inside folders, what the
/// settings exclude is skipped; paths named on the command line are not.
fn collect(paths: &[PathBuf], resolver: &Arc<Resolver>) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" || !p.is_dir() {
            out.push(p.clone());
            continue;
        }
        let resolver = Arc::clone(resolver);
        let mut found: Vec<PathBuf> = ignore::WalkBuilder::new(p)
            .follow_links(false)
            // A broken settings file excludes nothing here; it is reported
            // when the settings for the files under it are read.
            .filter_entry(move |e| e.depth() == 0 || !resolver.excludes(e.path()).unwrap_or(false))
            .build()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_some_and(|t| t.is_file()))
            .map(|e| e.into_path())
            .filter(|p| {
                p.extension()
                    .is_some_and(|e| EXTENSIONS.iter().any(|x| e.eq_ignore_ascii_case(x)))
            })
            .collect();
        found.sort();
        out.extend(found);
    }
    out
}

pub(crate) struct Checked {
    pub name: String,
    /// The path as found, or `-` for standard input.
    pub path: PathBuf,
    /// The text the report is about: after fixing, when fixing.
    pub text: String,
    pub report: Report,
    /// When fixing: the text as read, and how many fixes were made.
    pub original: Option<(String, usize)>,
    pub audience: Audience,
    /// The human output for this file, written while the files are
    /// checked in parallel (writing it is a good part of the work when
    /// there are many findings), then printed in order.
    pub human: Option<Rendered>,
}

/// One file's human output, and its findings counted.
pub(crate) struct Rendered {
    text: Vec<u8>,
    counts: Summary,
}

impl Checked {
    /// The file's findings, counted by severity.
    fn counts(&self) -> Summary {
        match &self.human {
            Some(rendered) => rendered.counts,
            None => {
                let mut s = Summary::default();
                self.report
                    .diagnostics
                    .iter()
                    .for_each(|d| count(&mut s, d));
                s
            }
        }
    }
}

pub fn run(args: &Args) -> io::Result<ExitCode> {
    if args.statistics && args.format != CheckFormat::Human {
        eprintln!(
            "error: --statistics adds a table to the human output only. \
             Leave out --statistics, or use --format human."
        );
        return Ok(ExitCode::from(2));
    }
    let audience = args.audience.map(|a| match a {
        AudienceArg::Public => Audience::Public,
        AudienceArg::EasyRead => Audience::EasyRead,
        AudienceArg::Professional => Audience::Professional,
    });
    let resolver = match args.config.resolver() {
        Ok(r) => Arc::new(r),
        Err(code) => return Ok(code),
    };
    // Build the word lists on another thread while the folders are
    // searched: every check needs them, and building them takes a while.
    rayon::spawn(|| {
        plainly_core::wordlists::lists();
    });
    let (files, config_errors) = crate::config_args::settings_for_each(
        collect(&args.paths, &resolver),
        &resolver,
        args.stdin_filename.as_deref(),
        audience,
    );
    // Colour is decided once, before the threads start.
    let style = Style::for_stdout();
    let render = args.format == CheckFormat::Human && !args.fixing.active();
    // Files are read and checked in parallel, then reported in the order
    // they were found, so the output is the same on every run.
    let checked: Vec<Result<Checked, crate::InputError>> = files
        .par_iter()
        .map(|(path, settings)| {
            let input = match read_input(path, args.stdin_filename.as_deref()) {
                Ok(input) => input,
                // An empty file has nothing wrong with it.
                Err(e) if e.is_empty_document() => crate::Input {
                    name: e.name().to_owned(),
                    // Only spaces at most: no prose, nothing to report.
                    text: String::new(),
                },
                Err(e) => return Err(e),
            };
            let format = text_format(Path::new(&input.name));
            let mut checked = if args.fixing.active() {
                let fixed = plainly_core::fix_as(&input.text, format, settings, args.fixing.mode());
                Checked {
                    report: fixed.report,
                    name: input.name,
                    path: path.clone(),
                    text: fixed.text,
                    original: Some((input.text, fixed.applied)),
                    audience: settings.audience,
                    human: None,
                }
            } else {
                Checked {
                    report: Document::parse_as(&input.text, format).check(settings),
                    name: input.name,
                    path: path.clone(),
                    text: input.text,
                    original: None,
                    audience: settings.audience,
                    human: None,
                }
            };
            if render {
                // About 300 bytes a finding.
                let mut text = Vec::with_capacity(256 + 320 * checked.report.diagnostics.len());
                // Writing to memory cannot fail.
                if write_file_human(&mut text, &style, &checked).is_ok() {
                    let counts = checked.counts();
                    checked.human = Some(Rendered { text, counts });
                    if !args.statistics {
                        // Counted and written: free them here, on this
                        // thread, while the memory is reused for the next
                        // file.
                        checked.report.diagnostics = Vec::new();
                    }
                }
            }
            Ok(checked)
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
    if args.fixing.diff {
        return show_diffs(&results, input_errors);
    }
    if args.fixing.fix {
        match save_fixes(&results, args.fail_on) {
            Saved::ToStdout(code) => return Ok(code),
            Saved::Files { failed } => input_errors += failed,
        }
    }
    match args.format {
        CheckFormat::Json => write_json(&results)?,
        CheckFormat::Html => crate::html::write(&results)?,
        CheckFormat::Human => write_human(&results, &style)?,
        CheckFormat::Sarif => crate::sarif::write(&results)?,
        CheckFormat::Github => crate::github::write(&results)?,
    }
    if args.statistics {
        write_statistics(&results)?;
    }
    let failed = results.iter().any(|r| {
        let c = r.counts();
        [
            (c.errors, Severity::Error),
            (c.warnings, Severity::Warning),
            (c.infos, Severity::Info),
        ]
        .iter()
        .any(|&(n, level)| n > 0 && args.fail_on.fails(level))
    });
    // The process ends next, and the system takes its memory back at once:
    // freeing every finding one by one first (a few allocations each, on
    // one thread) would only add time.
    std::mem::forget(results);
    Ok(if input_errors > 0 || config_errors {
        ExitCode::from(2)
    } else if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// `--diff`: print what `--fix` would change. Exit 1 when there is
/// something to change, 2 when a file could not be read.
fn show_diffs(results: &[Checked], input_errors: usize) -> io::Result<ExitCode> {
    let mut out = io::BufWriter::new(io::stdout().lock());
    let mut changed = 0;
    for r in results {
        if let Some((original, _)) = &r.original {
            let diff = crate::fix_cmd::unified_diff(&r.name, original, &r.text);
            if !diff.is_empty() {
                changed += 1;
                out.write_all(diff.as_bytes())?;
            }
        }
    }
    out.flush()?;
    let fixes: usize = results
        .iter()
        .filter_map(|r| r.original.as_ref())
        .map(|(_, n)| n)
        .sum();
    if changed > 0 {
        eprintln!(
            "{fixes} {} in {changed} {} can be fixed. Run again with --fix to make the changes.",
            if fixes == 1 { "problem" } else { "problems" },
            if changed == 1 { "file" } else { "files" },
        );
    }
    Ok(if input_errors > 0 {
        ExitCode::from(2)
    } else if changed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

enum Saved {
    /// Standard input was fixed and written to standard output: nothing
    /// more to print. The exit code follows what is left to fix by hand.
    ToStdout(ExitCode),
    /// Files were written; this many could not be.
    Files { failed: usize },
}

/// `--fix`: write each changed file in one step, or the fixed standard
/// input to standard output.
fn save_fixes(results: &[Checked], fail_on: FailOn) -> Saved {
    if let [only] = results {
        if only.path.as_os_str() == "-" {
            let mut out = io::stdout().lock();
            let written = out
                .write_all(only.text.as_bytes())
                .and_then(|()| out.flush());
            let code = match written {
                Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
                    eprintln!("error: could not write the fixed text: {e}");
                    ExitCode::from(2)
                }
                _ if only
                    .report
                    .diagnostics
                    .iter()
                    .any(|d| fail_on.fails(d.severity)) =>
                {
                    ExitCode::from(1)
                }
                _ => ExitCode::SUCCESS,
            };
            return Saved::ToStdout(code);
        }
    }
    let mut failed = 0;
    let mut fixes = 0;
    let mut files = 0;
    for r in results {
        let Some((original, applied)) = &r.original else {
            continue;
        };
        if *original == r.text {
            continue;
        }
        if r.path.as_os_str() == "-" {
            eprintln!(
                "error: {}: standard input can only be fixed on its own. \
                 Run plainly check --fix - without other files.",
                r.name
            );
            failed += 1;
            continue;
        }
        match crate::fix_cmd::write_atomically(&r.path, &r.text) {
            Ok(()) => {
                fixes += applied;
                files += 1;
            }
            Err(e) => {
                eprintln!("error: {}", crate::fix_cmd::write_problem(&r.name, &e));
                failed += 1;
            }
        }
    }
    if files > 0 {
        eprintln!(
            "Fixed {fixes} {} in {files} {}.",
            if fixes == 1 { "problem" } else { "problems" },
            if files == 1 { "file" } else { "files" },
        );
    }
    Saved::Files { failed }
}

#[derive(Serialize)]
struct JsonOut<'a> {
    files: Vec<JsonFile<'a>>,
    summary: Summary,
}

#[derive(Serialize, Default, Clone, Copy)]
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

impl Summary {
    fn add(&mut self, other: Summary) {
        self.files += other.files;
        self.errors += other.errors;
        self.warnings += other.warnings;
        self.infos += other.infos;
    }
}

fn count(summary: &mut Summary, d: &Diagnostic) {
    match d.severity {
        Severity::Error => summary.errors += 1,
        Severity::Warning => summary.warnings += 1,
        Severity::Info => summary.infos += 1,
    }
}

fn write_json(results: &[Checked]) -> io::Result<()> {
    let mut out = io::BufWriter::new(io::stdout().lock());
    write_json_to(&mut out, results)?;
    out.flush()
}

/// The JSON output, to any writer: `plainly serve` answers with it too.
pub(crate) fn write_json_to(out: &mut impl Write, results: &[Checked]) -> io::Result<()> {
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
    crate::output::write_json_to(out, &JsonOut { files, summary })
}

struct Style {
    on: bool,
}

impl Style {
    /// Colour when standard output is a terminal, unless `NO_COLOR` is set.
    fn for_stdout() -> Style {
        Style {
            on: io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
        }
    }

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

fn write_human(results: &[Checked], style: &Style) -> io::Result<()> {
    let mut out = io::BufWriter::new(io::stdout().lock());
    for r in results {
        match &r.human {
            Some(rendered) => out.write_all(&rendered.text)?,
            None => write_file_human(&mut out, style, r)?,
        }
    }
    if results.len() > 1 {
        let mut total = Summary::default();
        for r in results {
            total.add(r.counts());
        }
        writeln!(
            out,
            "\n{} files checked: {}.",
            results.len(),
            plural_summary(&total)
        )?;
    }
    out.flush()
}

/// `--statistics`: how many findings each rule made, most first.
/// One file's findings and its summary line.
fn write_file_human(out: &mut impl Write, style: &Style, r: &Checked) -> io::Result<()> {
    let index = LineIndex::new(&r.text);
    for d in &r.report.diagnostics {
        write_diagnostic(out, style, &r.name, &r.text, &index, d)?;
    }
    let s = r.counts();
    let age = match &r.report.metrics.scores {
        Some(sc) => reading_age_sentence(sc.reading_age, r.audience),
        None => "No sentences to score.".to_owned(),
    };
    writeln!(
        out,
        "{}: {}. {age}",
        style.paint("1", &r.name),
        plural_summary(&s)
    )
}

fn write_statistics(results: &[Checked]) -> io::Result<()> {
    let mut by_rule: std::collections::BTreeMap<&str, (usize, Vec<Severity>)> = Default::default();
    for d in results.iter().flat_map(|r| &r.report.diagnostics) {
        let (n, levels) = by_rule.entry(d.rule).or_default();
        *n += 1;
        if !levels.contains(&d.severity) {
            levels.push(d.severity);
        }
    }
    let mut out = io::BufWriter::new(io::stdout().lock());
    if by_rule.is_empty() {
        writeln!(out, "\nFindings by rule: none.")?;
        return out.flush();
    }
    let mut rows: Vec<_> = by_rule.into_iter().collect();
    // Most findings first; ties by name (the map gave them in name order).
    rows.sort_by_key(|(_, (n, _))| std::cmp::Reverse(*n));
    let width = rows
        .iter()
        .map(|(rule, _)| rule.len())
        .max()
        .unwrap_or(0)
        .max(4);
    writeln!(out, "\nFindings by rule:")?;
    writeln!(out, "{:<width$}  count  level", "rule")?;
    for (rule, (n, mut levels)) in rows {
        levels.sort_by_key(|&s| std::cmp::Reverse(s));
        let labels: Vec<&str> = levels.iter().map(|&s| human_label(s)).collect();
        writeln!(out, "{rule:<width$}  {n:>5}  {}", labels.join(", "))?;
    }
    out.flush()
}

fn human_label(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
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
    let mut column = [0u8; 20];
    let column = decimal(start.column, &mut column);
    write_all(out, &[" ", name, ":", line_no, ":", column, "\n"])?;
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
