//! Byte offsets to editor positions and back.
//!
//! The core reports byte spans. Editors speak in lines and columns, where a
//! column counts UTF-16 code units (what every client supports) or bytes
//! (UTF-8, where the client offers it). A line ends at `\n`, `\r\n` or a
//! lone `\r`, as the Language Server Protocol says.

use lsp_types::{Position, Range};

/// How columns are counted, as agreed with the client at start-up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Encoding {
    /// Columns count bytes.
    Utf8,
    /// Columns count UTF-16 code units. The protocol's default.
    #[default]
    Utf16,
}

/// Where each line of a text starts. Build it once per version of a
/// document; each lookup is a binary search plus a scan of part of one line.
#[derive(Debug, Clone)]
pub struct LineIndex {
    /// Byte offset at which each line starts; the first is always 0.
    starts: Vec<u32>,
    len: usize,
}

impl LineIndex {
    /// Indexes the line starts of `text`.
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut starts = Vec::with_capacity(text.len() / 50 + 1);
        starts.push(0);
        let mut i = 0;
        while i < bytes.len() {
            // Most bytes end no line: pass over them eight at a time.
            if let Some(chunk) = bytes
                .get(i..i + 8)
                .and_then(|c| <[u8; 8]>::try_from(c).ok())
            {
                if !any_byte_is(chunk, b'\n') && !any_byte_is(chunk, b'\r') {
                    i += 8;
                    continue;
                }
            }
            match bytes[i] {
                b'\n' => starts.push((i + 1) as u32),
                b'\r' => {
                    if bytes.get(i + 1) == Some(&b'\n') {
                        i += 1;
                    }
                    starts.push((i + 1) as u32);
                }
                _ => {}
            }
            i += 1;
        }
        LineIndex {
            starts,
            len: text.len(),
        }
    }

    /// Brings the index up to date after an edit: `text` is the text
    /// indexed with the bytes `start..end` replaced by `inserted` bytes.
    /// Gives what [`LineIndex::new`] gives for `text`, in time that
    /// depends on the number of lines and the text inserted, not on the
    /// length of the text.
    pub fn replace(&mut self, text: &str, start: usize, end: usize, inserted: usize) {
        let bytes = text.as_bytes();
        let new_end = start + inserted;
        // Whether a line starts at `q` depends on the bytes at `q - 1` and
        // `q` (a `\r` before a `\n` ends no line). Those are unchanged for
        // the line starts before `start`, and for those after `end`, which
        // move by the change in length; the rest are found again.
        let keep = self
            .starts
            .partition_point(|&s| (s as usize) < start)
            .max(1);
        let after = self.starts.partition_point(|&s| (s as usize) <= end);
        let found: Vec<u32> = (start.max(1)..=new_end)
            .filter(|&q| match bytes[q - 1] {
                b'\n' => true,
                b'\r' => bytes.get(q) != Some(&b'\n'),
                _ => false,
            })
            .map(|q| q as u32)
            .collect();
        let moved = found.len();
        self.starts.splice(keep..after.max(keep), found);
        let grown = inserted as i64 - (end - start) as i64;
        if grown != 0 {
            for s in &mut self.starts[keep + moved..] {
                *s = (i64::from(*s) + grown) as u32;
            }
        }
        self.len = text.len();
    }

    /// The number of lines.
    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// The byte offset where 0-based `line` starts (the end of the text for
    /// lines past the end).
    pub fn line_start(&self, line: usize) -> usize {
        self.starts
            .get(line)
            .map_or(self.len, |&s| (s as usize).min(self.len))
    }

    /// The 0-based line holding byte `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        let offset = offset.min(self.len) as u32;
        self.starts.partition_point(|&s| s <= offset) - 1
    }

    /// The byte range of `line`'s text, without its line ending.
    pub fn line_range(&self, text: &str, line: usize) -> std::ops::Range<usize> {
        let start = self.line_start(line);
        let mut end = self.line_start(line + 1);
        let bytes = text.as_bytes();
        if end > start && bytes.get(end - 1) == Some(&b'\n') {
            end -= 1;
        }
        if end > start && bytes.get(end - 1) == Some(&b'\r') {
            end -= 1;
        }
        start..end
    }

    /// The editor position of byte `offset` in `text` (the text this index
    /// was built from). Offsets past the end give the end; an offset inside
    /// a character counts as the start of that character.
    pub fn position(&self, text: &str, offset: usize, enc: Encoding) -> Position {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line_of(offset);
        let start = self.line_start(line);
        let prefix = &text[start..offset];
        let character = match enc {
            Encoding::Utf8 => prefix.len(),
            Encoding::Utf16 if prefix.is_ascii() => prefix.len(),
            Encoding::Utf16 => prefix.chars().map(char::len_utf16).sum(),
        };
        Position::new(line as u32, character as u32)
    }

    /// The editor range of a byte range.
    pub fn range(&self, text: &str, start: usize, end: usize, enc: Encoding) -> Range {
        Range::new(
            self.position(text, start, enc),
            self.position(text, end, enc),
        )
    }

    /// The byte offset of an editor position. Lines past the end give the
    /// end of the text; a column past the end of its line gives the end of
    /// the line; a column inside a character gives the start of that
    /// character. Never fails.
    pub fn offset(&self, text: &str, pos: Position, enc: Encoding) -> usize {
        let line = pos.line as usize;
        if line >= self.line_count() {
            return text.len();
        }
        let range = self.line_range(text, line);
        let line_text = &text[range.clone()];
        let want = pos.character as usize;
        match enc {
            Encoding::Utf8 => {
                let mut at = want.min(line_text.len());
                while !line_text.is_char_boundary(at) {
                    at -= 1;
                }
                range.start + at
            }
            Encoding::Utf16 => {
                if line_text.is_ascii() {
                    return range.start + want.min(line_text.len());
                }
                let mut units = 0;
                for (i, c) in line_text.char_indices() {
                    let next = units + c.len_utf16();
                    if next > want {
                        return range.start + i;
                    }
                    units = next;
                }
                range.end
            }
        }
    }

    /// Whether `pos` lies inside the text (a column may be at the end of its
    /// line).
    pub fn contains(&self, text: &str, pos: Position, enc: Encoding) -> bool {
        let line = pos.line as usize;
        if line >= self.line_count() {
            return false;
        }
        let range = self.line_range(text, line);
        let width = match enc {
            Encoding::Utf8 => range.len(),
            Encoding::Utf16 => text[range].chars().map(char::len_utf16).sum(),
        };
        pos.character as usize <= width
    }
}

const ONES: u64 = u64::from_le_bytes([1; 8]);
const HIGHS: u64 = u64::from_le_bytes([0x80; 8]);

/// Whether any of eight bytes is below `n` (at most 128).
pub(crate) fn any_byte_below(chunk: [u8; 8], n: u8) -> bool {
    let x = u64::from_le_bytes(chunk);
    x.wrapping_sub(ONES * u64::from(n)) & !x & HIGHS != 0
}

/// Whether any of eight bytes is `b`.
pub(crate) fn any_byte_is(chunk: [u8; 8], b: u8) -> bool {
    any_byte_below(
        (u64::from_le_bytes(chunk) ^ (ONES * u64::from(b))).to_le_bytes(),
        1,
    )
}

/// Positions for many offsets, mostly in increasing order, as when
/// converting a document's sorted findings: each lookup carries on from
/// the last one on the same line instead of searching for the line and
/// counting from its start. Gives exactly what [`LineIndex::position`]
/// gives, in any order.
#[derive(Debug)]
pub struct Cursor<'a> {
    text: &'a str,
    lines: &'a LineIndex,
    enc: Encoding,
    /// The line of the last lookup, where it starts and where the next
    /// one starts (the end of the text for the last line).
    line: usize,
    line_start: usize,
    next_start: usize,
    /// The last offset looked up, and its column.
    at: usize,
    column: usize,
}

impl<'a> Cursor<'a> {
    /// A cursor over `text`, which `lines` indexes.
    pub fn new(text: &'a str, lines: &'a LineIndex, enc: Encoding) -> Self {
        Cursor {
            text,
            lines,
            enc,
            line: 0,
            line_start: 0,
            next_start: lines.line_start(1),
            at: 0,
            column: 0,
        }
    }

    /// The editor position of byte `offset`, as [`LineIndex::position`].
    pub fn position(&mut self, offset: usize) -> Position {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let on_line = self.line_start <= offset
            && (offset < self.next_start || self.line + 1 >= self.lines.line_count());
        if !on_line {
            self.line = self.lines.line_of(offset);
            self.line_start = self.lines.line_start(self.line);
            self.next_start = self.lines.line_start(self.line + 1);
            self.at = self.line_start;
            self.column = 0;
        } else if offset < self.at {
            self.at = self.line_start;
            self.column = 0;
        }
        let between = &self.text[self.at..offset];
        self.column += match self.enc {
            Encoding::Utf8 => between.len(),
            Encoding::Utf16 if between.is_ascii() => between.len(),
            Encoding::Utf16 => between.chars().map(char::len_utf16).sum(),
        };
        self.at = offset;
        Position::new(self.line as u32, self.column as u32)
    }

    /// The editor range of a byte range.
    pub fn range(&mut self, start: usize, end: usize) -> Range {
        let start = self.position(start);
        Range::new(start, self.position(end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roundtrip(text: &str, enc: Encoding) {
        let idx = LineIndex::new(text);
        for (offset, _) in text.char_indices().chain([(text.len(), ' ')]) {
            let pos = idx.position(text, offset, enc);
            let back = idx.offset(text, pos, enc);
            // Line endings: the `\n` of `\r\n` is not a position of its own.
            let expect = if text[..offset].ends_with('\r') && text[offset..].starts_with('\n') {
                offset - 1
            } else {
                offset
            };
            assert_eq!(back, expect, "{text:?} at {offset}: {pos:?}");
        }
    }

    #[test]
    fn utf16_columns_after_wide_characters() {
        let text = "a😀b é e\u{301}x 日本語y\r\nz";
        let idx = LineIndex::new(text);
        let p = |s: &str| idx.position(text, text.find(s).unwrap(), Encoding::Utf16);
        assert_eq!(p("b"), Position::new(0, 3)); // emoji is two UTF-16 units
        assert_eq!(p("x"), Position::new(0, 9)); // é 1, e + combining mark 2
        assert_eq!(p("y"), Position::new(0, 14)); // CJK: one unit each
        assert_eq!(p("z"), Position::new(1, 0)); // after CRLF
        let p8 = |s: &str| idx.position(text, text.find(s).unwrap(), Encoding::Utf8);
        assert_eq!(p8("b"), Position::new(0, 5));
        assert_eq!(p8("y"), Position::new(0, text.find('y').unwrap() as u32));
        roundtrip(text, Encoding::Utf16);
        roundtrip(text, Encoding::Utf8);
    }

    #[test]
    fn byte_tests_eight_at_a_time() {
        for at in 0..8 {
            for b in 0..=255u8 {
                let mut chunk = [b'a'; 8];
                chunk[at] = b;
                assert_eq!(any_byte_below(chunk, 0x20), b < 0x20, "{b} at {at}");
                assert_eq!(any_byte_is(chunk, b'"'), b == b'"', "{b} at {at}");
                assert_eq!(any_byte_is(chunk, b'\n'), b == b'\n', "{b} at {at}");
            }
        }
        // Line ends found in and across chunks.
        let text = "0123456\r\n9abcdef\n\rx\r";
        assert_eq!(LineIndex::new(text).starts, [0, 9, 17, 18, 20]);
    }

    /// An index brought up to date after an edit is the index of the new
    /// text, for every edit of some small texts with every kind of line
    /// end, including edits that join or split a `\r\n`.
    #[test]
    fn replace_gives_what_new_gives() {
        let texts = [
            "",
            "a",
            "\n",
            "\r",
            "\r\n",
            "ab\r\ncd\ne\rf\n\n",
            "\r\r\n\n\r",
        ];
        let inserts = ["", "x", "\n", "\r", "\r\n", "x\ry", "\nx\r", "é\n"];
        for text in texts {
            for start in 0..=text.len() {
                for end in start..=text.len() {
                    for insert in inserts {
                        let mut index = LineIndex::new(text);
                        let mut new = text.to_owned();
                        new.replace_range(start..end, insert);
                        index.replace(&new, start, end, insert.len());
                        let fresh = LineIndex::new(&new);
                        assert_eq!(
                            (&index.starts, index.len),
                            (&fresh.starts, fresh.len),
                            "{text:?} with {start}..{end} replaced by {insert:?}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn lone_carriage_returns_end_lines() {
        let text = "one\rtwo\n\nthree";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_count(), 4);
        assert_eq!(
            idx.position(text, text.find("two").unwrap(), Encoding::Utf16),
            Position::new(1, 0)
        );
        assert_eq!(idx.line_range(text, 0), 0..3);
    }

    /// The cursor agrees with the index for every offset, in order, in
    /// reverse, and jumping about.
    #[test]
    fn cursor_gives_what_the_index_gives() {
        let text = "a😀b é e\u{301}x 日本語y\r\nz\rq\n\n😀😀 end\r\n";
        let idx = LineIndex::new(text);
        for enc in [Encoding::Utf8, Encoding::Utf16] {
            let mut offsets: Vec<usize> = (0..=text.len() + 2).collect();
            let mut cursor = Cursor::new(text, &idx, enc);
            for &o in &offsets {
                assert_eq!(cursor.position(o), idx.position(text, o, enc), "{o}");
            }
            offsets.reverse();
            for &o in &offsets {
                assert_eq!(cursor.position(o), idx.position(text, o, enc), "{o}");
            }
            let n = offsets.len();
            for i in 0..n * 3 {
                let o = (i * 7919) % n;
                assert_eq!(cursor.position(o), idx.position(text, o, enc), "{o}");
            }
        }
        // An empty text has one line.
        let idx = LineIndex::new("");
        let mut cursor = Cursor::new("", &idx, Encoding::Utf16);
        assert_eq!(cursor.position(5), Position::new(0, 0));
    }

    #[test]
    fn out_of_range_positions_are_clamped() {
        let text = "ab\ncd😀";
        let idx = LineIndex::new(text);
        assert_eq!(
            idx.offset(text, Position::new(9, 9), Encoding::Utf16),
            text.len()
        );
        assert_eq!(idx.offset(text, Position::new(0, 99), Encoding::Utf16), 2);
        // Inside the surrogate pair: the start of the emoji.
        assert_eq!(idx.offset(text, Position::new(1, 3), Encoding::Utf16), 5);
        // Inside a UTF-8 sequence: the start of the emoji.
        assert_eq!(idx.offset(text, Position::new(1, 4), Encoding::Utf8), 5);
        assert!(!idx.contains(text, Position::new(0, 3), Encoding::Utf16));
        assert!(idx.contains(text, Position::new(1, 4), Encoding::Utf16));
    }
}
