//! Property test: any sequence of incremental edits gives the same
//! diagnostics as opening the final text from scratch.
//!
//! Each case runs two whole sessions of the server in this process, fed
//! framed JSON-RPC: one opens a text and edits it, the other opens the
//! final text. The edits' positions are worked out here, independently of
//! the server, from a model of the text as a list of characters.

use std::io::Cursor;

use proptest::prelude::*;
use serde_json::{json, Value};

/// Pieces texts are made of: findings, wide and combining characters, and
/// every kind of line ending.
const PIECES: &[&str] = &[
    "We ",
    "utilise ",
    "the CQC ",
    "in order to ",
    "help",
    ". ",
    "e.g. ",
    "café ",
    "😀",
    "日本 ",
    "e\u{301}",
    "\n",
    "\r\n",
    "\r",
    "\n\n",
    "# ",
    "- ",
    "Care Quality Commission (CQC) ",
];

fn text_strategy(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..max).prop_map(|v| v.concat())
}

/// One edit, as fractions of the text's length (so it always fits).
#[derive(Debug, Clone)]
struct EditSpec {
    start: f64,
    len: f64,
    insert: String,
    /// Put back the very text replaced, leaving the document as it was
    /// (the server keeps its findings then).
    same: bool,
}

fn edit_strategy() -> impl Strategy<Value = EditSpec> {
    (
        0.0..=1.0f64,
        0.0..=0.3f64,
        text_strategy(4),
        prop::bool::weighted(0.25),
    )
        .prop_map(|(start, len, insert, same)| EditSpec {
            start,
            len,
            insert,
            same,
        })
}

/// The protocol position of character `index` of `chars`. Lines end at
/// `\n`, `\r\n` or `\r`; columns count UTF-16 units or UTF-8 bytes.
fn position(chars: &[char], index: usize, utf8: bool) -> Value {
    let (mut line, mut col) = (0u32, 0u32);
    let mut i = 0;
    while i < index {
        match chars[i] {
            '\r' if chars.get(i + 1) == Some(&'\n') && i + 1 < index => {
                line += 1;
                col = 0;
                i += 1;
            }
            '\r' | '\n' => {
                line += 1;
                col = 0;
            }
            c => col += if utf8 { c.len_utf8() } else { c.len_utf16() } as u32,
        }
        i += 1;
    }
    json!({"line": line, "character": col})
}

/// Moves an index that falls between `\r` and `\n` to before the `\r`: no
/// protocol position names that spot.
fn settle(chars: &[char], i: usize) -> usize {
    if i > 0 && i < chars.len() && chars[i - 1] == '\r' && chars[i] == '\n' {
        i - 1
    } else {
        i
    }
}

fn frame(out: &mut Vec<u8>, msg: &Value) {
    let body = serde_json::to_vec(msg).unwrap();
    out.extend_from_slice(format!("Content-Length: {}\r\n\r\n", body.len()).as_bytes());
    out.extend_from_slice(&body);
}

/// Runs a session over `messages` (after initialize) and returns the last
/// diagnostics published, with their version.
fn session(utf8: bool, messages: &[Value]) -> (Value, Vec<Value>) {
    let encodings = if utf8 {
        json!(["utf-8", "utf-16"])
    } else {
        json!(["utf-16"])
    };
    let mut input = Vec::new();
    frame(
        &mut input,
        &json!({"jsonrpc": "2.0", "id": 1, "method": "initialize",
                "params": {"capabilities": {"general": {"positionEncodings": encodings}}}}),
    );
    frame(
        &mut input,
        &json!({"jsonrpc": "2.0", "method": "initialized", "params": {}}),
    );
    for m in messages {
        frame(&mut input, m);
    }
    frame(
        &mut input,
        &json!({"jsonrpc": "2.0", "id": 2, "method": "shutdown"}),
    );
    frame(&mut input, &json!({"jsonrpc": "2.0", "method": "exit"}));
    let mut output = Vec::new();
    let code = plainly_lsp::serve(Cursor::new(input), &mut output);
    assert_eq!(code, 0);
    let mut last = None;
    let mut rest = &output[..];
    while let Some(at) = rest.windows(4).position(|w| w == b"\r\n\r\n") {
        let header = std::str::from_utf8(&rest[..at]).unwrap();
        let len: usize = header
            .trim_start_matches("Content-Length: ")
            .parse()
            .unwrap();
        let body: Value = serde_json::from_slice(&rest[at + 4..at + 4 + len]).unwrap();
        rest = &rest[at + 4 + len..];
        if body["method"] == "textDocument/publishDiagnostics" {
            last = Some(body["params"].clone());
        }
    }
    let last = last.expect("diagnostics were published");
    let mut diags = last["diagnostics"].as_array().cloned().unwrap();
    for d in &mut diags {
        // The version in each diagnostic's data differs by design.
        d["data"]["version"] = Value::Null;
    }
    (last["version"].clone(), diags)
}

const URI: &str = "file:///nowhere/doc.md";

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn incremental_edits_match_a_fresh_check(
        initial in text_strategy(30),
        edits in prop::collection::vec(prop::collection::vec(edit_strategy(), 1..3), 1..8),
        utf8 in any::<bool>(),
    ) {
        let mut chars: Vec<char> = initial.chars().collect();
        let mut messages = vec![json!({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {
            "textDocument": {"uri": URI, "languageId": "markdown", "version": 1, "text": initial}}})];
        let mut version = 1;
        for batch in &edits {
            // Several changes in one didChange apply one after another.
            let mut changes = Vec::new();
            for e in batch {
                let n = chars.len();
                let start = settle(&chars, ((n as f64) * e.start) as usize);
                let end = settle(&chars, (start + ((n as f64) * e.len) as usize).min(n)).max(start);
                let insert: String = if e.same {
                    chars[start..end].iter().collect()
                } else {
                    e.insert.clone()
                };
                changes.push(json!({
                    "range": {"start": position(&chars, start, utf8), "end": position(&chars, end, utf8)},
                    "text": insert,
                }));
                chars.splice(start..end, insert.chars());
            }
            version += 1;
            messages.push(json!({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
                "textDocument": {"uri": URI, "version": version}, "contentChanges": changes}}));
            // A request between changes makes the server check this
            // version now, so later changes start from findings it keeps.
            messages.push(json!({"jsonrpc": "2.0", "id": 100 + version, "method": "textDocument/codeAction", "params": {
                "textDocument": {"uri": URI},
                "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}},
                "context": {"diagnostics": []}}}));
        }
        let final_text: String = chars.iter().collect();
        let (edited_version, edited) = session(utf8, &messages);
        prop_assert_eq!(edited_version, json!(version));
        let fresh_open = json!({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {
            "textDocument": {"uri": URI, "languageId": "markdown", "version": 1, "text": final_text}}});
        let (_, fresh) = session(utf8, &[fresh_open]);
        prop_assert_eq!(edited, fresh);
    }
}
