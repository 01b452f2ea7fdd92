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
    /// Bumped whenever the text changes (a change that leaves the text as
    /// it was keeps the findings).
    revision: u64,
    lines: Option<LineIndex>,
    analysis: Option<Arc<Analysis>>,
}

/// What `check` found in one version of a document, with one set of
/// settings.
#[derive(Debug)]
pub struct Analysis {
    /// The revision of the text checked (see `Document::revision`).
    pub revision: u64,
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
            revision: 0,
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
    /// text, for the caller to free when it suits; none when the text is
    /// as it was, and the findings still hold.
    pub fn apply(
        &mut self,
        changes: Vec<TextDocumentContentChangeEvent>,
        version: i32,
        enc: Encoding,
    ) -> Option<Arc<Analysis>> {
        let mut changed = false;
        for change in changes {
            match change.range {
                None => {
                    if self.text != change.text {
                        self.text = change.text;
                        self.lines = None;
                        changed = true;
                    }
                }
                Some(range) => {
                    let (text, lines) = self.text_and_lines();
                    let start = lines.offset(text, range.start, enc);
                    let end = lines.offset(text, range.end, enc).max(start);
                    if text[start..end] != change.text {
                        self.text.replace_range(start..end, &change.text);
                        if let Some(lines) = &mut self.lines {
                            lines.replace(&self.text, start, end, change.text.len());
                        }
                        changed = true;
                    }
                }
            }
        }
        self.version = version;
        if !changed {
            return None;
        }
        self.revision += 1;
        self.analysis.take()
    }

    /// The findings for the current text with `settings`, checked at most
    /// once per text and settings generation.
    pub fn analysis(&mut self, settings: &Settings, generation: u64) -> Arc<Analysis> {
        if let Some(a) = &self.analysis {
            if a.revision == self.revision && a.generation == generation {
                return a.clone();
            }
        }
        // A second core checks half of a large document: the editor waits
        // for this, and the core would otherwise sit idle.
        let report = plainly_core::Document::parse(&self.text).check_parallel(settings);
        let a = Arc::new(Analysis {
            revision: self.revision,
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

    #[test]
    fn a_change_that_leaves_the_text_as_it_was_keeps_the_findings() {
        let uri = Uri::from_str("file:///x.md").unwrap();
        let settings = Settings::default();
        let mut d = Document::new(uri, "We utilise it.\n".into(), 1);
        let first = d.analysis(&settings, 0);
        assert_eq!(first.diagnostics.len(), 1);
        // "utilise" for "utilise", and the whole text for itself.
        assert!(d
            .apply(vec![change(0, 3, 0, 10, "utilise")], 2, Encoding::Utf16)
            .is_none());
        let whole = TextDocumentContentChangeEvent {
            range: None,
            range_length: None,
            text: "We utilise it.\n".into(),
        };
        assert!(d.apply(vec![whole], 3, Encoding::Utf16).is_none());
        assert_eq!(d.version, 3);
        assert!(Arc::ptr_eq(&first, &d.analysis(&settings, 0)));
        // New settings: checked again.
        let again = d.analysis(&settings, 1);
        assert!(!Arc::ptr_eq(&first, &again));
        // A real change: the old findings come back, and the text is
        // checked again.
        let old = d.apply(vec![change(0, 3, 0, 10, "use")], 4, Encoding::Utf16);
        assert!(old.is_some_and(|old| Arc::ptr_eq(&old, &again)));
        assert!(d.analysis(&settings, 1).diagnostics.is_empty());
    }
}
