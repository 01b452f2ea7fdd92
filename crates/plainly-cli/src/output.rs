//! Small helpers shared by the commands' output.

use std::io::{self, Write};

use plainly_core::Audience;

/// Writes `value` as pretty JSON and a final newline to standard output.
pub fn write_json(value: &impl serde::Serialize) -> io::Result<()> {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    write_json_to(&mut out, value)?;
    out.flush()
}

/// Writes `value` as pretty JSON and a final newline to `out`.
pub fn write_json_to(out: &mut impl Write, value: &impl serde::Serialize) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value).map_err(io::Error::from)?;
    writeln!(out)
}

/// What a reading age means for the audience, in words anyone understands.
pub fn reading_age_sentence(age: f64, audience: Audience) -> String {
    let years = age.round() as i64;
    let target = audience.thresholds().max_reading_age.round() as i64;
    let aim = audience.target_text();
    let verdict = if years <= target - 2 {
        "most of your readers can read this easily.".to_owned()
    } else if years <= target {
        "most of your readers can manage this.".to_owned()
    } else if years <= target + 2 {
        format!("hard for many of your readers. {aim}")
    } else {
        format!("harder than most of your readers can manage. {aim}")
    };
    format!("Reading age {years}: {verdict}")
}
