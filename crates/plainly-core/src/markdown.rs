//! Markdown to prose blocks.
//!
//! The document is parsed once, with pulldown-cmark's offset iterator, into
//! a list of [`Block`]s: the pieces of prose a reader reads as units
//! (paragraphs, headings, list items, table cells, image alt text). Each
//! block keeps its text as read (markup removed, entities decoded, line
//! breaks as spaces) and a map from every byte of that text back to the
//! source, so a word found in the text can be reported at its exact place
//! in the file.
//!
//! What is not prose is left out: code blocks, HTML, front matter, link
//! destinations, footnote markers. Inline code and autolinks stay in the
//! text as *atoms*: each counts as one word (so sentence length stays
//! honest) but no rule looks inside. HTML comments are kept aside, because
//! suppression comments live there.

use std::sync::Arc;

use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};

use crate::span::Span;

/// What kind of unit a block is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    /// A heading of the given level (1 to 6). Each heading starts a section.
    Heading(u8),
    /// A paragraph (also inside block quotes and footnotes).
    Paragraph,
    /// The text of a list item.
    ListItem,
    /// One table cell, header cells included.
    TableCell,
    /// An image's alt text. Shown by `sentences`, left out of the scores:
    /// sighted readers never see it, and it is often a caption fragment.
    AltText,
}

impl BlockKind {
    /// Whether the block counts towards readability scores.
    pub const fn counts_in_scores(self) -> bool {
        !matches!(self, BlockKind::AltText)
    }

    /// Whether the block counts as a paragraph (for `long-paragraph` and the
    /// paragraph count).
    pub const fn is_paragraph(self) -> bool {
        matches!(self, BlockKind::Paragraph | BlockKind::ListItem)
    }
}

/// One stretch of block text and where it came from.
#[derive(Debug, Clone, Copy)]
struct Piece {
    /// Where the piece starts in the block text.
    text: u32,
    /// Where it starts in the source.
    src: u32,
    /// Its length in the block text.
    text_len: u32,
    /// Its length in the source.
    src_len: u32,
    /// Whether text and source are byte-for-byte the same, so an offset
    /// inside maps exactly. Otherwise (an entity, an escape, a line break)
    /// the piece maps as a whole.
    exact: bool,
}

impl Piece {
    fn text(&self) -> usize {
        self.text as usize
    }
    fn text_end(&self) -> usize {
        (self.text + self.text_len) as usize
    }
    fn src(&self) -> usize {
        self.src as usize
    }
    fn src_len(&self) -> usize {
        self.src_len as usize
    }
    fn src_end(&self) -> usize {
        (self.src + self.src_len) as usize
    }
}

/// A unit of prose, with its text as read and a map back to the source.
#[derive(Clone)]
pub struct Block {
    /// What kind of unit this is.
    pub kind: BlockKind,
    /// The text as read.
    pub text: String,
    /// Ranges of `text` that are one word each and never looked inside:
    /// inline code and autolinks. Sorted, not overlapping.
    pub atoms: Vec<std::ops::Range<usize>>,
    /// The map back to the source: `all_pieces[pieces.0..pieces.1]`. One
    /// list is shared by every block of a document, so a block costs one
    /// allocation (its text), not two.
    /// Set when the document is finished.
    all_pieces: Option<Arc<Vec<Piece>>>,
    pieces: (u32, u32),
}

// Shows the block's own pieces, not the whole document's.
impl std::fmt::Debug for Block {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Block")
            .field("kind", &self.kind)
            .field("text", &self.text)
            .field("atoms", &self.atoms)
            .field("pieces", &self.piece_list())
            .finish()
    }
}

impl Block {
    /// A block being built: its pieces go to a scratch list until
    /// [`Block::commit`].
    fn new(kind: BlockKind) -> Self {
        Block {
            kind,
            text: String::new(),
            atoms: Vec::new(),
            all_pieces: None,
            pieces: (0, 0),
        }
    }

    /// Adds `text`, read from `src_len` bytes of source at `src`, with its
    /// piece in `scratch`.
    fn push(
        &mut self,
        scratch: &mut Vec<Piece>,
        text: &str,
        src: usize,
        src_len: usize,
        exact: bool,
    ) {
        if text.is_empty() {
            return;
        }
        // Documents are at most `crate::MAX_LEN` bytes, so offsets fit.
        scratch.push(Piece {
            text: self.text.len() as u32,
            src: src as u32,
            text_len: text.len() as u32,
            src_len: src_len as u32,
            exact,
        });
        self.text.push_str(text);
    }

    /// Moves the block's pieces from `scratch` to the document's list.
    fn commit(&mut self, scratch: &mut Vec<Piece>, all: &mut Vec<Piece>) {
        let start = all.len() as u32;
        all.append(scratch);
        self.pieces = (start, all.len() as u32);
    }

    fn piece_list(&self) -> &[Piece] {
        self.all_pieces
            .as_deref()
            .and_then(|all| all.get(self.pieces.0 as usize..self.pieces.1 as usize))
            .unwrap_or(&[])
    }

    fn has_prose(&self) -> bool {
        self.text.chars().any(|c| !c.is_whitespace())
    }

    /// The source offset of text offset `t`, taken as the start of a span.
    pub fn source_start(&self, t: usize) -> usize {
        let pieces = self.piece_list();
        let i = pieces.partition_point(|p| p.text_end() <= t);
        match pieces.get(i) {
            Some(p) if p.exact => p.src() + t.saturating_sub(p.text()).min(p.src_len()),
            Some(p) => p.src(),
            None => pieces.last().map_or(0, Piece::src_end),
        }
    }

    /// The source offset of text offset `t`, taken as the (exclusive) end of
    /// a span.
    pub fn source_end(&self, t: usize) -> usize {
        let pieces = self.piece_list();
        let i = pieces.partition_point(|p| p.text_end() < t);
        match pieces.get(i) {
            Some(p) if p.exact => p.src() + t.saturating_sub(p.text()).min(p.src_len()),
            Some(p) => p.src_end(),
            None => pieces.last().map_or(0, Piece::src_end),
        }
    }

    /// Maps a range of block text to a source span.
    pub fn source_span(&self, text: std::ops::Range<usize>) -> Span {
        let start = self.source_start(text.start);
        let end = self.source_end(text.end).max(start);
        Span::new(start, end)
    }
}

/// A whole document's prose.
#[derive(Debug, Clone, Default)]
pub struct Prose {
    /// Prose blocks in document order. Alt text comes right after the block
    /// its image sits in.
    pub blocks: Vec<Block>,
    /// Every HTML comment, `<!-- ... -->`, in source order.
    pub comments: Vec<Span>,
}

const OPTIONS: Options = Options::ENABLE_TABLES
    .union(Options::ENABLE_FOOTNOTES)
    .union(Options::ENABLE_STRIKETHROUGH)
    .union(Options::ENABLE_TASKLISTS)
    .union(Options::ENABLE_YAML_STYLE_METADATA_BLOCKS)
    .union(Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS);

/// Where the parser is, as far as prose is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Container {
    Heading(u8),
    Paragraph,
    Item,
    Cell,
    /// Code blocks, HTML blocks, front matter, display maths: no prose.
    Skip,
    Other,
}

/// Splits `source` into prose blocks.
pub fn prose(source: &str) -> Prose {
    // A byte-order mark is not text. Parse after it, and shift every offset.
    let base = if source.starts_with('\u{feff}') { 3 } else { 0 };
    let body = &source[base..];

    let mut out = Prose::default();
    let mut stack: Vec<Container> = Vec::new();
    // How many code blocks, HTML blocks and the like we are in.
    let mut skip_depth = 0usize;
    let mut current: Option<Block> = None;
    // Alt text being collected, and how deep in images we are (an image
    // inside alt text adds its own alt to the same block).
    let mut alt: Option<Block> = None;
    let mut image_depth = 0usize;
    let mut pending_alts: Vec<Block> = Vec::new();
    // Inside an autolink or email link: its text is one atom.
    let mut autolink_depth = 0usize;
    // The pieces of the blocks being built, and of every block built
    // (about one for every 30 bytes of a document: reserved, so that the
    // list does not grow by copying).
    let mut pieces = Scratch {
        all: Vec::with_capacity(source.len() / 24),
        ..Scratch::default()
    };

    for (event, range) in Parser::new_ext(body, OPTIONS).into_offset_iter() {
        let (start, end) = (range.start + base, range.end + base);
        let skipping = skip_depth > 0;
        match event {
            Event::Start(tag) => {
                let container = match &tag {
                    Tag::Heading { level, .. } => Some(Container::Heading(*level as u8)),
                    Tag::Paragraph => Some(Container::Paragraph),
                    Tag::Item => Some(Container::Item),
                    Tag::TableCell => Some(Container::Cell),
                    Tag::CodeBlock(_) | Tag::MetadataBlock(_) => Some(Container::Skip),
                    Tag::HtmlBlock => {
                        collect_comments(source, Span::new(start, end), &mut out.comments);
                        Some(Container::Skip)
                    }
                    Tag::BlockQuote(_)
                    | Tag::List(_)
                    | Tag::Table(_)
                    | Tag::TableHead
                    | Tag::TableRow
                    | Tag::FootnoteDefinition(_)
                    | Tag::DefinitionList
                    | Tag::DefinitionListTitle
                    | Tag::DefinitionListDefinition => Some(Container::Other),
                    Tag::Image { .. } => {
                        image_depth += 1;
                        if image_depth == 1 && !skipping {
                            alt = Some(Block::new(BlockKind::AltText));
                            pieces.alt.clear();
                            // The image takes the place of a word break.
                            if let Some(b) = current.as_mut() {
                                b.push(&mut pieces.current, " ", start, 0, false);
                            }
                        }
                        None
                    }
                    Tag::Link { link_type, .. } => {
                        if matches!(link_type, LinkType::Autolink | LinkType::Email) {
                            autolink_depth += 1;
                        }
                        None
                    }
                    _ => None,
                };
                if let Some(c) = container {
                    flush(&mut current, &mut pending_alts, &mut pieces, &mut out);
                    if c == Container::Skip {
                        skip_depth += 1;
                    }
                    stack.push(c);
                }
            }
            Event::End(tag) => {
                let closes_container = match tag {
                    TagEnd::Image => {
                        image_depth = image_depth.saturating_sub(1);
                        if image_depth == 0 {
                            if let Some(mut a) = alt.take() {
                                a.commit(&mut pieces.alt, &mut pieces.all);
                                pending_alts.push(a);
                            }
                        }
                        false
                    }
                    TagEnd::Link => {
                        autolink_depth = autolink_depth.saturating_sub(1);
                        false
                    }
                    TagEnd::Heading(_)
                    | TagEnd::Paragraph
                    | TagEnd::Item
                    | TagEnd::TableCell
                    | TagEnd::CodeBlock
                    | TagEnd::MetadataBlock(_)
                    | TagEnd::HtmlBlock
                    | TagEnd::BlockQuote(_)
                    | TagEnd::List(_)
                    | TagEnd::Table
                    | TagEnd::TableHead
                    | TagEnd::TableRow
                    | TagEnd::FootnoteDefinition
                    | TagEnd::DefinitionList
                    | TagEnd::DefinitionListTitle
                    | TagEnd::DefinitionListDefinition => true,
                    _ => false,
                };
                if closes_container {
                    flush(&mut current, &mut pending_alts, &mut pieces, &mut out);
                    if stack.pop() == Some(Container::Skip) {
                        skip_depth = skip_depth.saturating_sub(1);
                    }
                }
            }
            Event::Text(text) if !skipping => {
                let (target, scratch) = target(&mut alt, &mut current, &mut pieces, &stack);
                // Text read straight from the source is exact; pulldown-cmark
                // hands it over in place, so comparing addresses usually
                // settles it.
                let in_place = body
                    .as_bytes()
                    .get(range.start..)
                    .is_some_and(|b| std::ptr::eq(b.as_ptr(), text.as_ptr()));
                let exact = text.len() == end - start
                    && (in_place || source.get(start..end) == Some(&*text));
                if autolink_depth > 0 {
                    push_atom(target, scratch, &text, start, end - start);
                } else {
                    target.push(scratch, &text, start, end - start, exact);
                }
            }
            Event::Code(code) | Event::InlineMath(code) if !skipping => {
                let (target, scratch) = target(&mut alt, &mut current, &mut pieces, &stack);
                push_atom(target, scratch, &code, start, end - start);
            }
            Event::SoftBreak | Event::HardBreak if !skipping => {
                let (target, scratch) = target(&mut alt, &mut current, &mut pieces, &stack);
                target.push(scratch, " ", start, end - start, false);
            }
            // HTML blocks had their comments collected at their start.
            Event::Html(_) => {}
            Event::InlineHtml(html) => {
                if html.trim_start().starts_with("<!--") {
                    collect_comments(source, Span::new(start, end), &mut out.comments);
                }
                if !skipping {
                    if let Some(b) = current.as_mut() {
                        b.push(&mut pieces.current, " ", start, end - start, false);
                    }
                }
            }
            // Footnote markers, task-list boxes, rules and display maths are
            // not words.
            _ => {}
        }
    }
    flush(&mut current, &mut pending_alts, &mut pieces, &mut out);
    pieces.share(&mut out.blocks);
    out.comments.sort();
    out
}

/// Pieces of the blocks being built, and of the blocks finished.
#[derive(Debug, Default)]
struct Scratch {
    current: Vec<Piece>,
    alt: Vec<Piece>,
    all: Vec<Piece>,
}

impl Scratch {
    /// Hands every block the finished list of pieces.
    fn share(self, blocks: &mut [Block]) {
        // Moved, not copied: the list can be large.
        let all = Arc::new(self.all);
        for b in blocks {
            b.all_pieces = Some(Arc::clone(&all));
        }
    }
}

/// Ends the current block, and the alt text of its images after it. Blocks
/// with nothing but spaces are dropped.
fn flush(
    current: &mut Option<Block>,
    pending: &mut Vec<Block>,
    pieces: &mut Scratch,
    out: &mut Prose,
) {
    if let Some(mut block) = current.take() {
        if block.has_prose() {
            block.commit(&mut pieces.current, &mut pieces.all);
            out.blocks.push(block);
        }
        pieces.current.clear();
    }
    if !pending.is_empty() {
        out.blocks
            .extend(pending.drain(..).filter(|b: &Block| b.has_prose()));
    }
}

/// The block that inline text goes to, with the list its pieces go to: the
/// alt text being collected, or the current block (opened on first text,
/// with a kind from the innermost prose container).
fn target<'b>(
    alt: &'b mut Option<Block>,
    current: &'b mut Option<Block>,
    pieces: &'b mut Scratch,
    stack: &[Container],
) -> (&'b mut Block, &'b mut Vec<Piece>) {
    if let Some(a) = alt.as_mut() {
        return (a, &mut pieces.alt);
    }
    let block = current.get_or_insert_with(|| {
        let kind = stack
            .iter()
            .rev()
            .find_map(|c| match c {
                Container::Heading(l) => Some(BlockKind::Heading(*l)),
                Container::Paragraph => Some(BlockKind::Paragraph),
                Container::Item => Some(BlockKind::ListItem),
                Container::Cell => Some(BlockKind::TableCell),
                _ => None,
            })
            .unwrap_or(BlockKind::Paragraph);
        // A paragraph inside a list item reads as the item.
        let kind = if kind == BlockKind::Paragraph
            && stack.iter().rev().nth(1) == Some(&Container::Item)
        {
            BlockKind::ListItem
        } else {
            kind
        };
        Block::new(kind)
    });
    (block, &mut pieces.current)
}

fn push_atom(block: &mut Block, scratch: &mut Vec<Piece>, text: &str, src: usize, src_len: usize) {
    let text = text.trim();
    if text.is_empty() {
        return;
    }
    let at = block.text.len();
    // Keep atoms apart from neighbouring letters: `foo`s is two words.
    block.push(scratch, text, src, src_len, false);
    block.atoms.push(at..at + text.len());
}

/// Finds every `<!-- ... -->` inside `span` of `source`.
fn collect_comments(source: &str, span: Span, out: &mut Vec<Span>) {
    let Some(region) = source.get(span.start..span.end) else {
        return;
    };
    let mut from = 0;
    while let Some(open) = region[from..].find("<!--") {
        let open = from + open;
        let close = region[open + 4..]
            .find("-->")
            .map_or(region.len(), |c| open + 4 + c + 3);
        out.push(Span::new(span.start + open, span.start + close));
        from = close;
    }
}

/// Splits plain text (not Markdown) into prose blocks: paragraphs are
/// separated by blank lines, and a line that starts with a bullet (`-`,
/// `*`, `•`) or a number (`1.`, `1)`) starts a list item. Nothing is code
/// or markup: `#`, `*` and `<` are just characters.
pub fn plain_prose(source: &str) -> Prose {
    let base = if source.starts_with('\u{feff}') { 3 } else { 0 };
    let mut out = Prose::default();
    let mut block: Option<Block> = None;
    let mut at = base;
    let mut pieces = Scratch::default();
    let finish = |block: &mut Option<Block>, pieces: &mut Scratch, out: &mut Prose| {
        if let Some(mut b) = block.take().filter(Block::has_prose) {
            b.commit(&mut pieces.current, &mut pieces.all);
            out.blocks.push(b);
        }
        pieces.current.clear();
    };
    for line in source[base..].split_inclusive('\n') {
        let start = at;
        at += line.len();
        let body = line.trim_end_matches(['\n', '\r']);
        let trimmed = body.trim_start();
        if trimmed.is_empty() {
            finish(&mut block, &mut pieces, &mut out);
            continue;
        }
        let indent = body.len() - trimmed.len();
        let marker = list_marker(trimmed);
        if marker > 0 {
            finish(&mut block, &mut pieces, &mut out);
            block = Some(Block::new(BlockKind::ListItem));
        }
        let b = block.get_or_insert_with(|| Block::new(BlockKind::Paragraph));
        if !b.text.is_empty() {
            // A line break inside a paragraph reads as a space.
            b.push(&mut pieces.current, " ", start, 0, false);
        }
        let from = start + indent + marker;
        b.push(
            &mut pieces.current,
            &source[from..start + body.len()],
            from,
            start + body.len() - from,
            true,
        );
    }
    finish(&mut block, &mut pieces, &mut out);
    pieces.share(&mut out.blocks);
    out
}

/// The length of a list marker and the space after it at the start of
/// `line`, or 0.
fn list_marker(line: &str) -> usize {
    for bullet in ["- ", "* ", "• ", "+ "] {
        if line.starts_with(bullet) {
            return bullet.len();
        }
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=3).contains(&digits) {
        let rest = &line.as_bytes()[digits..];
        if rest.len() >= 2 && matches!(rest[0], b'.' | b')') && rest[1] == b' ' {
            return digits + 2;
        }
    }
    0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(src: &str) -> Vec<(BlockKind, String)> {
        prose(src)
            .blocks
            .into_iter()
            .map(|b| (b.kind, b.text))
            .collect()
    }

    #[test]
    fn headings_lists_and_cells_are_blocks() {
        let src = "# Your care\n\nWe will call you.\n\n- Tea\n- Coffee\n  - Milk\n\n| A | B |\n|---|---|\n| x y | z |\n";
        let got = texts(src);
        assert_eq!(
            got,
            vec![
                (BlockKind::Heading(1), "Your care".into()),
                (BlockKind::Paragraph, "We will call you.".into()),
                (BlockKind::ListItem, "Tea".into()),
                (BlockKind::ListItem, "Coffee".into()),
                (BlockKind::ListItem, "Milk".into()),
                (BlockKind::TableCell, "A".into()),
                (BlockKind::TableCell, "B".into()),
                (BlockKind::TableCell, "x y".into()),
                (BlockKind::TableCell, "z".into()),
            ]
        );
    }

    #[test]
    fn code_html_and_front_matter_are_skipped() {
        let src = "---\ntitle: Care plan\n---\n\nHello `cargo run` there.\n\n```\nnot prose\n```\n\n<div>\nno\n</div>\n\n<!-- plainly-disable -->\nEnd.\n";
        let p = prose(src);
        let got: Vec<_> = p.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(got, vec!["Hello cargo run there.", "End."]);
        assert_eq!(p.blocks[0].atoms, vec![6..15]);
        assert_eq!(p.comments.len(), 1);
        assert_eq!(p.comments[0].text(src), "<!-- plainly-disable -->");
    }

    #[test]
    fn link_text_is_prose_and_alt_text_is_its_own_block() {
        let src = "Read [our leaflet](https://example.org/x) now. ![A map of the town](map.png)\n";
        let got = texts(src);
        assert_eq!(
            got[0].1.split_whitespace().collect::<Vec<_>>().join(" "),
            "Read our leaflet now."
        );
        assert_eq!(got[1], (BlockKind::AltText, "A map of the town".into()));
    }

    #[test]
    fn offsets_map_back_through_entities_breaks_and_bom() {
        let src = "\u{feff}Tea &amp; cake\r\nfor you.";
        let p = prose(src);
        let b = &p.blocks[0];
        assert_eq!(b.text, "Tea & cake for you.");
        let cake = b.text.find("cake").unwrap();
        assert_eq!(b.source_span(cake..cake + 4).text(src), "cake");
        let amp = b.text.find('&').unwrap();
        assert_eq!(b.source_span(amp..amp + 1).text(src), "&amp;");
        let whole = b.source_span(0..b.text.len());
        assert_eq!(whole.text(src), "Tea &amp; cake\r\nfor you.");
    }

    #[test]
    fn plain_text_has_paragraphs_and_list_items_and_no_markup() {
        let src = "# Not a heading\r\nstill the same paragraph.\n\n- first item\n2) second item\n    indented, not code\n";
        let p = plain_prose(src);
        let texts: Vec<&str> = p.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(
            texts,
            vec![
                "# Not a heading still the same paragraph.",
                "first item",
                "second item indented, not code"
            ]
        );
        assert_eq!(p.blocks[1].kind, BlockKind::ListItem);
        let b = &p.blocks[0];
        let span = b.source_span(16..21);
        assert_eq!(&src[span.start..span.end], "still");
    }
}
