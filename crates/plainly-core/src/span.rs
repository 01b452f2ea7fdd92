//! Byte spans into the source, and conversion to lines and columns.
//!
//! Every position plainly reports is a byte range into the document exactly
//! as it was read (byte-order mark and CRLF line endings included). Byte
//! offsets are cheap to store, cheap to compare, and exact; lines and
//! columns are derived from them once, at the edge, by a [`LineIndex`].

use serde::Serialize;

/// A half-open byte range `start..end` into the source text. Both ends are
/// always on `char` boundaries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize)]
pub struct Span {
    /// The first byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// Makes a span from `start` to `end`.
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// The number of bytes covered.
    pub const fn len(self) -> usize {
        self.end - self.start
    }

    /// Whether the span covers no bytes.
    pub const fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// The source text the span covers.
    ///
    /// Returns an empty string rather than panicking if the span does not fit
    /// `source` (for example a span from another document).
    pub fn text(self, source: &str) -> &str {
        source.get(self.start..self.end).unwrap_or("")
    }

    /// Whether `other` lies wholly inside this span.
    pub const fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

impl From<std::ops::Range<usize>> for Span {
    fn from(r: std::ops::Range<usize>) -> Self {
        Span::new(r.start, r.end)
    }
}

/// A 1-based line and column. Columns count Unicode scalar values (`char`s),
/// which is what people and most terminals expect.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct LineCol {
    /// Line number, from 1.
    pub line: usize,
    /// Column number, from 1, in Unicode scalar values.
    pub column: usize,
}

/// Converts byte offsets to lines and columns. Build it once per document;
/// each lookup is a binary search plus a scan of one line.
#[derive(Debug, Clone)]
pub struct LineIndex {
    /// Byte offset at which each line starts. Always starts with 0.
    starts: Vec<usize>,
    len: usize,
}

impl LineIndex {
    /// Indexes the line starts of `source`. A line ends after `\n`; a `\r`
    /// before it belongs to the line it ends.
    pub fn new(source: &str) -> Self {
        let mut starts = Vec::with_capacity(source.len() / 40 + 1);
        starts.push(0);
        // Many bytes at a time, with the processor's vector instructions.
        starts.extend(memchr::memchr_iter(b'\n', source.as_bytes()).map(|i| i + 1));
        LineIndex {
            starts,
            len: source.len(),
        }
    }

    /// The 0-based line that contains byte `offset` (offsets past the end
    /// count as the last line).
    pub fn line_of(&self, offset: usize) -> usize {
        let offset = offset.min(self.len);
        self.starts.partition_point(|&s| s <= offset) - 1
    }

    /// The byte offset where 0-based line `line` starts.
    pub fn line_start(&self, line: usize) -> usize {
        self.starts
            .get(line)
            .copied()
            .unwrap_or(self.len)
            .min(self.len)
    }

    /// The number of lines (a final line with no text after the last `\n`
    /// counts).
    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// 1-based line and column of byte `offset` in `source` (which must be the
    /// text this index was built from). An offset inside a character counts
    /// as that character.
    pub fn line_col(&self, source: &str, offset: usize) -> LineCol {
        let line = self.line_of(offset);
        let start = self.line_start(line);
        let offset = offset.min(source.len()).max(start);
        // Most lines are ASCII: one byte, one character.
        if let Some(before) = source.get(start..offset).filter(|b| b.is_ascii()) {
            return LineCol {
                line: line + 1,
                column: before.len() + 1,
            };
        }
        let column = source
            .get(start..)
            .map(|rest| {
                rest.char_indices()
                    .take_while(|&(i, _)| start + i < offset)
                    .count()
            })
            .unwrap_or(0);
        LineCol {
            line: line + 1,
            column: column + 1,
        }
    }

    /// The text of 0-based line `line`, without its line ending.
    pub fn line_text<'s>(&self, source: &'s str, line: usize) -> &'s str {
        let start = self.line_start(line);
        let end = self.line_start(line + 1);
        let text = source.get(start..end).unwrap_or("");
        text.trim_end_matches('\n').trim_end_matches('\r')
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_columns_count_chars() {
        let src = "ab\ncafé x\r\nend";
        let idx = LineIndex::new(src);
        assert_eq!(idx.line_col(src, 0), LineCol { line: 1, column: 1 });
        assert_eq!(idx.line_col(src, 3), LineCol { line: 2, column: 1 });
        // "x" comes after "café " (5 chars, 6 bytes)
        let x = src.find('x').unwrap();
        assert_eq!(idx.line_col(src, x), LineCol { line: 2, column: 6 });
        let e = src.find("end").unwrap();
        assert_eq!(idx.line_col(src, e), LineCol { line: 3, column: 1 });
        assert_eq!(idx.line_text(src, 1), "café x");
        assert_eq!(idx.line_count(), 3);
    }

    #[test]
    fn offsets_past_the_end_do_not_panic() {
        let src = "one\n";
        let idx = LineIndex::new(src);
        assert_eq!(idx.line_col(src, 99), LineCol { line: 2, column: 1 });
        assert_eq!(Span::new(2, 99).text(src), "");
    }
}
