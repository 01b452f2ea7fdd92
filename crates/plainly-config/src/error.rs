//! What went wrong in a settings file, and where.

use std::fmt;
use std::path::{Path, PathBuf};

/// A mistake in a settings file, or a settings file that cannot be read.
///
/// Shown as one line: where, what is wrong, and what to do:
///
/// ```text
/// plainly.toml:7:1: [rules.long-sentence] has no setting called "max-word". Did you mean "max-words"? The settings it takes are: enabled, severity, max-words.
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    /// The settings file, as it was named or found.
    pub path: PathBuf,
    /// The line of the mistake, counting from 1, when there is one.
    pub line: Option<usize>,
    /// The column of the mistake, counting characters from 1.
    pub column: Option<usize>,
    /// What is wrong, as a sentence.
    pub message: String,
    /// What to do about it: a likely fix, or the values allowed.
    pub help: Option<String>,
}

impl ConfigError {
    /// A mistake at byte offset `at` of `text`.
    pub(crate) fn at(path: &Path, text: &str, at: usize, message: impl Into<String>) -> Self {
        let (line, column) = line_column(text, at);
        ConfigError {
            path: path.to_owned(),
            line: Some(line),
            column: Some(column),
            message: message.into(),
            help: None,
        }
    }

    /// A problem with the file as a whole.
    pub(crate) fn file(path: &Path, message: impl Into<String>) -> Self {
        ConfigError {
            path: path.to_owned(),
            line: None,
            column: None,
            message: message.into(),
            help: None,
        }
    }

    pub(crate) fn help(mut self, help: impl Into<String>) -> Self {
        let help = help.into();
        self.help = (!help.is_empty()).then_some(help);
        self
    }
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.path.display())?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(column) = self.column {
                write!(f, ":{column}")?;
            }
        }
        write!(f, ": {}", self.message)?;
        if let Some(help) = &self.help {
            write!(f, " {help}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ConfigError {}

/// The 1-based line and column (in characters) of byte offset `at`.
fn line_column(text: &str, at: usize) -> (usize, usize) {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_columns_count_from_one_in_characters() {
        let text = "a = 1\nné = 2\n";
        assert_eq!(line_column(text, 0), (1, 1));
        assert_eq!(line_column(text, 6), (2, 1));
        // "né = " is 6 bytes but 5 characters.
        assert_eq!(line_column(text, 12), (2, 6));
        // Past the end, or inside a character, does not panic.
        assert_eq!(line_column(text, 999), (3, 1));
        assert_eq!(line_column(text, 8), (2, 2));
    }

    #[test]
    fn display_is_one_line_with_the_place_first() {
        let e = ConfigError::at(Path::new("plainly.toml"), "a\nb", 2, "Something is wrong.")
            .help("Do this.");
        assert_eq!(
            e.to_string(),
            "plainly.toml:2:1: Something is wrong. Do this."
        );
        let e = ConfigError::file(Path::new("x.toml"), "no such file.");
        assert_eq!(e.to_string(), "x.toml: no such file.");
    }
}
