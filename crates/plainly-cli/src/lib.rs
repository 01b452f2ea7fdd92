//! The plainly command line: arguments, reading files, and output formats.
//!
//! All analysis happens in `plainly-core`; this crate decides what to read,
//! how to print, and which exit code to use:
//!
//! - 0: nothing to report at or above `--fail-on` (or a report printed);
//! - 1: findings at or above `--fail-on`;
//! - 2: a usage, configuration or input error. Messages name the file and
//!   say what to do.
//!
//! A closed pipe (`plainly metrics big.md | head`) is not an error.

mod check_cmd;
mod config_args;
mod explain_cmd;
mod fix_cmd;
mod github;
mod html;
mod init_cmd;
mod input;
mod metrics_cmd;
mod output;
mod sarif;
mod sentences_cmd;
mod serve_cmd;

use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

pub use input::{read_input, Input, InputError, OneInput};

/// Checks Markdown documents for plain English: reading ages, long
/// sentences, jargon and unexplained abbreviations.
#[derive(Debug, Parser)]
#[command(name = "plainly", version, long_about = None)]
#[command(
    about = "Checks Markdown documents for plain English: reading ages, jargon, wordy phrases, unexplained abbreviations and hard sentences."
)]
#[command(
    after_help = "Examples:\n  plainly check letter.md docs/\n  plainly metrics letter.md\n  plainly sentences --format json letter.md\n  cat notes.md | plainly metrics -"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check documents for plain English: jargon, wordy phrases, unexplained
    /// abbreviations, long and hard sentences.
    Check(check_cmd::Args),
    /// Show counts and readability scores, for the document and each section.
    Metrics(metrics_cmd::Args),
    /// List the sentences and words plainly found, with syllable counts.
    Sentences(sentences_cmd::Args),
    /// Explain a rule: what it flags, why, and what to write instead.
    Explain(explain_cmd::ExplainArgs),
    /// List every rule, one a line.
    Rules,
    /// Write a plainly.toml settings file, with every setting and what it
    /// does.
    Init(init_cmd::Args),
    /// Run the language server on standard input and output, for editors.
    Lsp(LspArgs),
    /// Run a web page where anyone can check a text, and its JSON API.
    Serve(serve_cmd::Args),
}

/// Arguments of `plainly lsp`.
#[derive(Debug, clap::Args)]
struct LspArgs {
    /// Talk over standard input and output (the only way; accepted because
    /// many editors pass it).
    #[arg(long)]
    stdio: bool,
}

/// Output formats of `metrics` and `sentences`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Text for people to read.
    Human,
    /// JSON for other programs.
    Json,
}

/// Output formats of `check`, which also reports to code-scanning tools.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    /// Text for people to read.
    Human,
    /// JSON for other programs.
    Json,
    /// SARIF 2.1.0, for GitHub code scanning and other code-scanning tools.
    Sarif,
    /// GitHub Actions workflow commands: notes on the lines of a pull request.
    Github,
    /// One HTML page to read, print or send: every finding marked in the text.
    Html,
}

/// Runs the command line and returns the exit code.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    let result = match cli.command {
        Command::Check(args) => check_cmd::run(&args),
        Command::Explain(args) => explain_cmd::explain(&args),
        Command::Rules => explain_cmd::rules(),
        Command::Metrics(args) => metrics_cmd::run(&args),
        Command::Sentences(args) => sentences_cmd::run(&args),
        Command::Init(args) => init_cmd::run(&args),
        Command::Serve(args) => serve_cmd::run(&args),
        Command::Lsp(_) => {
            let code = plainly_lsp::serve_stdio();
            return ExitCode::from(u8::try_from(code).unwrap_or(1));
        }
    };
    match result {
        Ok(code) => code,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: could not write the output: {e}");
            ExitCode::from(2)
        }
    }
}
