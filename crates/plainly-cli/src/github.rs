//! `plainly check --format github`: GitHub Actions workflow commands, one
//! line per finding, which GitHub shows as notes on the lines of a pull
//! request:
//!
//! ```text
//! ::warning file=letter.md,line=3,col=24,endLine=3,endColumn=31,title=complex-word::"utilise" has a plainer alternative. Use "use".
//! ```
//!
//! Errors are `::error`, warnings `::warning`, and info findings
//! `::notice`. Paths are as given on the command line (run plainly from the
//! repository root so they match the repository). Columns count UTF-16 code
//! units, as GitHub's pages do (see [`crate::sarif::position`]); GitHub
//! takes columns only for a finding on one line, so a finding that spans
//! lines gives lines alone.

use std::io::{self, Write};

use plainly_core::{LineIndex, Severity};

use crate::check_cmd::Checked;

/// Writes one workflow command per finding to standard output.
pub fn write(results: &[Checked]) -> io::Result<()> {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    for c in results {
        let index = LineIndex::new(&c.text);
        for d in &c.report.diagnostics {
            let (line, col) = crate::sarif::position(&c.text, &index, d.span.start);
            let (end_line, end_col) =
                crate::sarif::position(&c.text, &index, d.span.end.max(d.span.start));
            let command = match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "notice",
            };
            let file = escape_property(&c.name);
            write!(out, "::{command} file={file},line={line}")?;
            if end_line == line {
                write!(out, ",col={col},endLine={end_line},endColumn={end_col}")?;
            } else {
                write!(out, ",endLine={end_line}")?;
            }
            let title = escape_property(d.rule);
            let message = escape_data(&crate::sarif::message_with_suggestions(d));
            writeln!(out, ",title={title}::{message}")?;
        }
    }
    out.flush()
}

/// Escapes a command's message, so it stays on one line and `%` reads as
/// itself.
fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value (`file=`, `title=`): as a message, and also `:`
/// and `,`, which separate the properties.
fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_stay_on_one_line() {
        assert_eq!(escape_data("50% of\r\nthe text"), "50%25 of%0D%0Athe text");
        assert_eq!(escape_data("a: b, c"), "a: b, c");
    }

    #[test]
    fn property_values_cannot_end_the_property() {
        assert_eq!(
            escape_property("notes, draft: 100%.md"),
            "notes%2C draft%3A 100%25.md"
        );
        assert_eq!(escape_property("a\nb"), "a%0Ab");
    }
}
