//! An open document: its text, version, and what was last found in it.

use std::path::PathBuf;
use std::sync::Arc;

use lsp_types::{TextDocumentContentChangeEvent, Uri};
use plainly_core::{Diagnostic, Metrics, Settings};

use crate::position::{Encoding, LineIndex};

/// A document the client has open.
#[derive(Debug)]
pub struct Document {
    /// Its URI, as the client sent it.
    pub uri: Uri,
    /// Its local path, for `file:` URIs.
    pub path: Option<PathBuf>,
    /// The text, as of `version`.
    pub text: String,
    /// The client's version number.
    pub version: i32,
    lines: Option<LineIndex>,
    analysis: Option<Arc<Analysis>>,
}

/// What `check` found in one version of a document, with one set of
/// settings.
#[derive(Debug)]
pub struct Analysis {
    /// The version checked.
    pub version: i32,
    /// The settings generation used (see `Server::generation`).
    pub generation: u64,
    /// The findings.
    pub diagnostics: Vec<Diagnostic>,
    /// The scores, per document and section.
    pub metrics: Metrics,
}

impl Document {
    /// A newly opened document.
    pub fn new(uri: Uri, text: String, version: i32) -> Self {
        let path = crate::uri::to_path(&uri);
        Document {
            uri,
            path,
            text,
            version,
            lines: None,
            analysis: None,
        }
    }

    /// The text and its line index (built once per version).
    pub fn text_and_lines(&mut self) -> (&str, &LineIndex) {
        let lines = self.lines.get_or_insert_with(|| LineIndex::new(&self.text));
        (&self.text, lines)
    }

    /// Applies the changes of one `didChange`, in order. A change with a
    /// range replaces that range (positions out of range are clamped); one
    /// without replaces the whole text. Returns the findings for the old
    /// text, for the caller to free when it suits.
    pub fn apply(
        &mut self,
        changes: Vec<TextDocumentContentChangeEvent>,
        version: i32,
        enc: Encoding,
    ) -> Option<Arc<Analysis>> {
        for change in changes {
            match change.range {
                None => {
                    self.text = change.text;
                    self.lines = None;
                }
                Some(range) => {
                    let (text, lines) = self.text_and_lines();
                    let start = lines.offset(text, range.start, enc);
                    let end = lines.offset(text, range.end, enc).max(start);
                    self.text.replace_range(start..end, &change.text);
                    self.lines = None;
                }
            }
        }
        self.version = version;
        self.analysis.take()
    }

    /// The findings for the current text with `settings`, checked at most
    /// once per version and settings generation.
    pub fn analysis(&mut self, settings: &Settings, generation: u64) -> Arc<Analysis> {
        if let Some(a) = &self.analysis {
            if a.version == self.version && a.generation == generation {
                return a.clone();
            }
        }
        let report = plainly_core::check(&self.text, settings);
        let a = Arc::new(Analysis {
            version: self.version,
            generation,
            diagnostics: report.diagnostics,
            metrics: report.metrics,
        });
        self.analysis = Some(a.clone());
        a
    }
}

#[cfg(test)]
mod tests {
    use std::str::FromStr;

    use lsp_types::{Position, Range};

    use super::*;

    fn change(l1: u32, c1: u32, l2: u32, c2: u32, text: &str) -> TextDocumentContentChangeEvent {
        TextDocumentContentChangeEvent {
            range: Some(Range::new(Position::new(l1, c1), Position::new(l2, c2))),
            range_length: None,
            text: text.into(),
        }
    }

    #[test]
    fn ranged_changes_apply_in_order() {
        let uri = Uri::from_str("file:///x.md").unwrap();
        let mut d = Document::new(uri, "😀 ab\r\ncd\n".into(), 1);
        d.apply(
            vec![
                change(0, 3, 0, 4, "X"),   // after the emoji (2 units) and a space
                change(1, 0, 1, 2, "é"),   // replace "cd"
                change(1, 1, 1, 1, "!"),   // after "é"
                change(9, 0, 9, 0, "end"), // past the end: appended
            ],
            2,
            Encoding::Utf16,
        );
        assert_eq!(d.text, "😀 Xb\r\né!\nend");
        assert_eq!(d.version, 2);
        d.apply(
            vec![TextDocumentContentChangeEvent {
                range: None,
                range_length: None,
                text: "new".into(),
            }],
            3,
            Encoding::Utf16,
        );
        assert_eq!(d.text, "new");
    }
}
