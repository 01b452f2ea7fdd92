//! Small helpers shared by the commands' output.

use std::io::{self, Write};
use std::process::ExitCode;

use crate::InputError;

/// Prints an input error the same way everywhere, and gives exit code 2.
pub fn input_error(e: &InputError) -> ExitCode {
    eprintln!("error: {e}");
    ExitCode::from(2)
}

/// Writes `value` as pretty JSON and a final newline to standard output.
pub fn write_json(value: &impl serde::Serialize) -> io::Result<()> {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    serde_json::to_writer_pretty(&mut out, value).map_err(io::Error::from)?;
    writeln!(out)?;
    out.flush()
}

/// What a reading age means for readers of public information, where NHS
/// guidance asks for a reading age of 9 to 11.
pub fn reading_age_sentence(age: f64) -> String {
    let years = age.round() as i64;
    let verdict = match years {
        ..=9 => "most of your readers can read this easily.",
        10..=11 => "most of your readers can manage this.",
        12..=13 => "hard for many of your readers. Aim for 9 to 11.",
        _ => "harder than most of your readers can manage. Aim for 9 to 11.",
    };
    format!("Reading age {years}: {verdict}")
}
