//! plainly's findings as the protocol's diagnostics.

use std::borrow::Cow;

use lsp_types::{self as lsp, Uri};
use plainly_core::{Applicability, Diagnostic, Severity};
use serde::{Deserialize, Serialize};

use crate::position::{Cursor, Encoding, LineIndex};

/// What a code action needs, sent as each diagnostic's `data`.
///
/// Editors keep `data` and send it back unread, so it is kept small: a
/// large document has thousands of diagnostics, written out after every
/// change. What is usual is left out: `text` when the words cannot be
/// allowed, `fixes` when there are none, and in a fix, `range` when it is
/// the diagnostic's own range and `safe` when it is false.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DiagnosticData {
    /// The document version the diagnostic is about.
    pub version: i32,
    /// The words flagged, as written, when they can be allowed in
    /// `plainly.toml`; `None` when they cannot (a sentence, a passive
    /// verb).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// The edits that carry out the suggestions.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fixes: Vec<Fix>,
}

/// One suggestion's edit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Fix {
    /// What it does, in plain words.
    pub title: String,
    /// What to replace; `None` for the diagnostic's own range.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub range: Option<lsp::Range>,
    /// The new text.
    pub new_text: String,
    /// Whether it can be applied without a person looking.
    #[serde(default, skip_serializing_if = "is_false")]
    pub safe: bool,
}

impl Fix {
    /// The range to replace, given the range of the diagnostic it is in.
    pub fn range_in(&self, diagnostic: lsp::Range) -> lsp::Range {
        self.range.unwrap_or(diagnostic)
    }
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// A finding as the protocol's diagnostic, borrowing from the finding and
/// the text where it can: a large document has thousands, converted and
/// written out after every change.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct WireDiagnostic<'a> {
    range: lsp::Range,
    severity: lsp::DiagnosticSeverity,
    code: &'static str,
    source: &'static str,
    message: Cow<'a, str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    related_information: Option<[WireRelated<'a>; 1]>,
    data: WireData<'a>,
}

#[derive(Debug, Serialize)]
struct WireRelated<'a> {
    location: WireLocation<'a>,
    message: &'a str,
}

#[derive(Debug, Serialize)]
struct WireLocation<'a> {
    uri: &'a Uri,
    range: lsp::Range,
}

/// [`DiagnosticData`], borrowed.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct WireData<'a> {
    version: i32,
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<Cow<'a, str>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    fixes: Vec<WireFix<'a>>,
}

/// [`Fix`], borrowed.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct WireFix<'a> {
    title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    range: Option<lsp::Range>,
    new_text: &'a str,
    #[serde(skip_serializing_if = "is_false")]
    safe: bool,
}

/// Whether "Allow" is offered for a finding of `rule`: it makes sense for
/// a word, not for a passive verb.
fn allowable_rule(rule: &str) -> bool {
    plainly_core::rules::WORD_RULES.contains(&rule) && rule != "passive-voice"
}

/// Converts one finding for sending.
pub fn to_wire<'a>(
    d: &'a Diagnostic,
    uri: &'a Uri,
    text: &'a str,
    lines: &LineIndex,
    enc: Encoding,
    version: i32,
    related_information: bool,
) -> WireDiagnostic<'a> {
    let range = lines.range(text, d.span.start, d.span.end, enc);
    let fixes = d
        .suggestions
        .iter()
        .filter_map(|s| {
            let edit = s.edit.as_ref()?;
            let fix_range = (edit.span != d.span)
                .then(|| lines.range(text, edit.span.start, edit.span.end, enc));
            Some(WireFix {
                title: &s.message,
                range: fix_range,
                new_text: &edit.replacement,
                safe: s.applicability == Applicability::Safe,
            })
        })
        .collect();
    // Suggestions without an edit are advice: say it in the message, as
    // not every editor shows anything else.
    let mut message = Cow::Borrowed(d.message.as_str());
    for s in d.suggestions.iter().filter(|s| s.edit.is_none()) {
        let m = message.to_mut();
        m.push(' ');
        m.push_str(&s.message);
    }
    // Clients that cannot show related information still have the line in
    // the message.
    let related_information = d.related.as_ref().filter(|_| related_information).map(|r| {
        [WireRelated {
            location: WireLocation {
                uri,
                range: lines.range(text, r.span.start, r.span.end, enc),
            },
            message: &r.message,
        }]
    });
    WireDiagnostic {
        range,
        severity: severity(d.severity),
        code: d.rule,
        source: "plainly",
        message,
        related_information,
        data: WireData {
            version,
            text: allowable_rule(d.rule)
                .then(|| collapse(d.span.text(text)))
                .filter(|t| !t.is_empty()),
            fixes,
        },
    }
}

/// Converts one finding to lsp-types' diagnostic (for code actions, which
/// name the diagnostics they fix).
pub fn to_lsp(
    d: &Diagnostic,
    uri: &Uri,
    text: &str,
    lines: &LineIndex,
    enc: Encoding,
    version: i32,
    related_information: bool,
) -> Option<lsp::Diagnostic> {
    let wire = to_wire(d, uri, text, lines, enc, version, related_information);
    serde_json::to_value(wire)
        .and_then(serde_json::from_value)
        .ok()
}

/// The protocol's severity.
pub fn severity(s: Severity) -> lsp::DiagnosticSeverity {
    match s {
        Severity::Error => lsp::DiagnosticSeverity::ERROR,
        Severity::Warning => lsp::DiagnosticSeverity::WARNING,
        Severity::Info => lsp::DiagnosticSeverity::INFORMATION,
    }
}

/// Runs of white space as one space (borrowed when there are none).
pub fn collapse(text: &str) -> Cow<'_, str> {
    let trimmed = text.trim();
    let mut prev_space = false;
    let clean = trimmed.chars().all(|c| {
        let ok = c == ' ' && !prev_space || !c.is_whitespace();
        prev_space = c == ' ';
        ok
    });
    if clean {
        Cow::Borrowed(trimmed)
    } else {
        Cow::Owned(trimmed.split_whitespace().collect::<Vec<_>>().join(" "))
    }
}

/// Writes the whole `textDocument/publishDiagnostics` notification for
/// `diagnostics` (sorted by where they start, as `check` gives them) into
/// `out`, as JSON. From [`PARALLEL_FROM`] diagnostics on, and where there
/// are two cores, the second half is written on a thread of its own into
/// `spare` (a buffer kept from message to message), then copied over.
///
/// This is what [`to_wire`] and serde give, byte for byte (the tests
/// check), written straight into one buffer: a large document has
/// thousands of findings after every change, and building a value for
/// each before writing it costs more than the writing.
#[allow(clippy::too_many_arguments)]
pub fn write_publish(
    out: &mut Vec<u8>,
    spare: &mut Vec<u8>,
    uri: &Uri,
    version: i32,
    diagnostics: &[Diagnostic],
    text: &str,
    lines: &LineIndex,
    enc: Encoding,
    related_information: bool,
) {
    let two_cores = two_cores();
    let found = Found {
        uri,
        text,
        lines,
        enc,
        related_information,
        data_head: data_head(version),
    };
    found.write_publish(out, spare, version, diagnostics, two_cores, PARALLEL_FROM);
}

/// From how many diagnostics a notification is written on two threads:
/// below that, starting a thread costs more than it saves.
pub const PARALLEL_FROM: usize = 1000;

/// Whether this process may run on more than one core (looked up once).
fn two_cores() -> bool {
    static TWO: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *TWO.get_or_init(|| std::thread::available_parallelism().is_ok_and(|n| n.get() > 1))
}

/// `,"data":{"version":N`, the same for every diagnostic of a version.
fn data_head(version: i32) -> Vec<u8> {
    let mut head = br#","data":{"version":"#.to_vec();
    json::int(&mut head, version.into());
    head
}

/// What every diagnostic of one notification is written with.
struct Found<'a> {
    uri: &'a Uri,
    text: &'a str,
    lines: &'a LineIndex,
    enc: Encoding,
    related_information: bool,
    data_head: Vec<u8>,
}

impl Found<'_> {
    fn write_publish(
        &self,
        out: &mut Vec<u8>,
        spare: &mut Vec<u8>,
        version: i32,
        diagnostics: &[Diagnostic],
        two_cores: bool,
        parallel_from: usize,
    ) {
        out.extend_from_slice(
            br#"{"jsonrpc":"2.0","method":"textDocument/publishDiagnostics","params":{"uri":"#,
        );
        json::string(out, self.uri.as_str());
        out.extend_from_slice(br#","diagnostics":["#);
        let parallel = two_cores && diagnostics.len() >= parallel_from.max(2);
        if !(parallel && self.write_on_two_threads(out, spare, diagnostics)) {
            self.write_diagnostics(out, diagnostics);
        }
        out.extend_from_slice(br#"],"version":"#);
        json::int(out, version.into());
        out.extend_from_slice(b"}}");
    }

    /// Writes the first half of `diagnostics` here and the second on
    /// another thread. False, having written nothing, when no thread could
    /// be started.
    fn write_on_two_threads(
        &self,
        out: &mut Vec<u8>,
        spare: &mut Vec<u8>,
        diagnostics: &[Diagnostic],
    ) -> bool {
        let (first, second) = diagnostics.split_at(diagnostics.len() / 2);
        spare.clear();
        let written = std::thread::scope(|scope| {
            let other = std::thread::Builder::new()
                .name("plainly-lsp-write".into())
                .spawn_scoped(scope, || self.write_diagnostics(spare, second));
            let Ok(other) = other else {
                return false;
            };
            self.write_diagnostics(out, first);
            if let Err(panic) = other.join() {
                std::panic::resume_unwind(panic);
            }
            true
        });
        if written {
            out.push(b',');
            out.extend_from_slice(spare);
        }
        written
    }

    /// Diagnostics, with commas between them.
    fn write_diagnostics(&self, out: &mut Vec<u8>, diagnostics: &[Diagnostic]) {
        let mut cursor = Cursor::new(self.text, self.lines, self.enc);
        for (i, d) in diagnostics.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            write_diagnostic(
                out,
                d,
                self.uri,
                self.text,
                &mut cursor,
                &self.data_head,
                self.related_information,
            );
        }
    }
}

/// One diagnostic, as [`to_wire`] and serde write it.
fn write_diagnostic(
    out: &mut Vec<u8>,
    d: &Diagnostic,
    uri: &Uri,
    text: &str,
    cursor: &mut Cursor<'_>,
    data_head: &[u8],
    related_information: bool,
) {
    let range = cursor.range(d.span.start, d.span.end);
    out.extend_from_slice(br#"{"range":"#);
    json::range(out, range);
    out.extend_from_slice(br#","severity":"#);
    json::int(
        out,
        match d.severity {
            Severity::Error => 1,
            Severity::Warning => 2,
            Severity::Info => 3,
        },
    );
    out.extend_from_slice(br#","code":"#);
    json::string(out, d.rule);
    out.extend_from_slice(br#","source":"plainly","message":""#);
    json::string_body(out, &d.message);
    for s in d.suggestions.iter().filter(|s| s.edit.is_none()) {
        out.push(b' ');
        json::string_body(out, &s.message);
    }
    out.push(b'"');
    if let Some(r) = d.related.as_ref().filter(|_| related_information) {
        let range = cursor.range(r.span.start, r.span.end);
        out.extend_from_slice(br#","relatedInformation":[{"location":{"uri":"#);
        json::string(out, uri.as_str());
        out.extend_from_slice(br#","range":"#);
        json::range(out, range);
        out.extend_from_slice(br#"},"message":"#);
        json::string(out, &r.message);
        out.push(b'}');
        out.push(b']');
    }
    // `,"data":{"version":N`, the same for every diagnostic.
    out.extend_from_slice(data_head);
    if allowable_rule(d.rule) {
        let flagged = collapse(d.span.text(text));
        if !flagged.is_empty() {
            out.extend_from_slice(br#","text":"#);
            json::string(out, &flagged);
        }
    }
    let mut first = true;
    for s in &d.suggestions {
        let Some(edit) = &s.edit else { continue };
        out.extend_from_slice(if first {
            br#","fixes":[{"title":"#
        } else {
            br#",{"title":"#
        });
        first = false;
        json::string(out, &s.message);
        if edit.span != d.span {
            out.extend_from_slice(br#","range":"#);
            json::range(out, cursor.range(edit.span.start, edit.span.end));
        }
        out.extend_from_slice(br#","newText":"#);
        json::string(out, &edit.replacement);
        out.extend_from_slice(if s.applicability == Applicability::Safe {
            br#","safe":true}"#
        } else {
            b"}"
        });
    }
    out.extend_from_slice(if first { b"}}" } else { b"]}}" });
}

/// Writing JSON by hand, as serde_json writes it.
mod json {
    use lsp_types::Range;

    /// A JSON string, quoted.
    pub fn string(out: &mut Vec<u8>, s: &str) {
        out.push(b'"');
        string_body(out, s);
        out.push(b'"');
    }

    /// How each byte is escaped: 0 for not at all, `u` for `\u00XX`,
    /// else the letter after the backslash.
    const ESCAPE: [u8; 256] = {
        let mut table = [0u8; 256];
        let mut b = 0;
        while b < 0x20 {
            table[b] = b'u';
            b += 1;
        }
        table[0x08] = b'b';
        table[0x09] = b't';
        table[0x0a] = b'n';
        table[0x0c] = b'f';
        table[0x0d] = b'r';
        table[b'"' as usize] = b'"';
        table[b'\\' as usize] = b'\\';
        table
    };

    /// A JSON string's contents, escaped as serde_json escapes them:
    /// quote, backslash and control characters; nothing else.
    pub fn string_body(out: &mut Vec<u8>, s: &str) {
        let bytes = s.as_bytes();
        // Written up to `start`; nothing to escape before `i`.
        let mut start = 0;
        let mut i = 0;
        while let Some(at) = next_escape(bytes, i) {
            out.extend_from_slice(&bytes[start..at]);
            let b = bytes[at];
            let short = ESCAPE[usize::from(b)];
            if short == b'u' {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.extend_from_slice(&[
                    b'\\',
                    b'u',
                    b'0',
                    b'0',
                    HEX[usize::from(b >> 4)],
                    HEX[usize::from(b & 0xf)],
                ]);
            } else {
                out.extend_from_slice(&[b'\\', short]);
            }
            start = at + 1;
            i = at + 1;
        }
        out.extend_from_slice(&bytes[start..]);
    }

    /// Where the first byte at or after `from` that needs escaping is.
    fn next_escape(bytes: &[u8], from: usize) -> Option<usize> {
        let mut i = from;
        // Most text needs no escaping: look at it eight bytes at a time.
        while let Some(chunk) = bytes.get(i..i + 8) {
            let mut eight = [0; 8];
            eight.copy_from_slice(chunk);
            let found = to_escape(u64::from_le_bytes(eight));
            if found != 0 {
                return Some(i + (found.trailing_zeros() / 8) as usize);
            }
            i += 8;
        }
        bytes[i..]
            .iter()
            .position(|&b| ESCAPE[usize::from(b)] != 0)
            .map(|at| i + at)
    }

    /// The bytes of `x` (eight, least significant first) that need
    /// escaping, each marked by its top bit. The lowest mark is exact;
    /// marks above it may be wrong (a borrow carried up), so only the
    /// lowest is used.
    fn to_escape(x: u64) -> u64 {
        const ONES: u64 = u64::from_le_bytes([1; 8]);
        const HIGHS: u64 = ONES << 7;
        let control = x.wrapping_sub(ONES * 0x20);
        let quote = x ^ (ONES * u64::from(b'"'));
        let backslash = x ^ (ONES * u64::from(b'\\'));
        let zero = |y: u64| y.wrapping_sub(ONES) & !y;
        (control & !x | zero(quote) | zero(backslash)) & HIGHS
    }

    /// A whole number.
    pub fn int(out: &mut Vec<u8>, n: i64) {
        if let Ok(small) = u32::try_from(n) {
            return uint(out, small);
        }
        if n < 0 {
            out.push(b'-');
        }
        let mut n = n.unsigned_abs();
        let mut digits = [0u8; 20];
        let mut at = digits.len();
        loop {
            at -= 1;
            digits[at] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        out.extend_from_slice(&digits[at..]);
    }

    /// A whole number that is not negative: a line or column, mostly
    /// short, written without a loop.
    pub fn uint(out: &mut Vec<u8>, n: u32) {
        let digit = |n: u32| b'0' + (n % 10) as u8;
        if n < 10 {
            out.push(digit(n));
        } else if n < 100 {
            out.extend_from_slice(&[digit(n / 10), digit(n)]);
        } else if n < 1000 {
            out.extend_from_slice(&[digit(n / 100), digit(n / 10), digit(n)]);
        } else if n < 10_000 {
            out.extend_from_slice(&[digit(n / 1000), digit(n / 100), digit(n / 10), digit(n)]);
        } else if n < 100_000 {
            out.extend_from_slice(&[
                digit(n / 10_000),
                digit(n / 1000),
                digit(n / 100),
                digit(n / 10),
                digit(n),
            ]);
        } else {
            uint(out, n / 100_000);
            let rest = n % 100_000;
            out.extend_from_slice(&[
                digit(rest / 10_000),
                digit(rest / 1000),
                digit(rest / 100),
                digit(rest / 10),
                digit(rest),
            ]);
        }
    }

    /// A range, as lsp-types writes it.
    pub fn range(out: &mut Vec<u8>, r: Range) {
        out.extend_from_slice(br#"{"start":{"line":"#);
        uint(out, r.start.line);
        out.extend_from_slice(br#","character":"#);
        uint(out, r.start.character);
        out.extend_from_slice(br#"},"end":{"line":"#);
        uint(out, r.end.line);
        out.extend_from_slice(br#","character":"#);
        uint(out, r.end.character);
        out.extend_from_slice(b"}}");
    }
}

#[cfg(test)]
mod tests {
    use std::str::FromStr;

    use plainly_core::{Related, Span, Suggestion};

    use super::*;

    /// What the server sent before [`write_publish`]: [`to_wire`] for each
    /// finding, written by serde.
    fn by_serde(
        uri: &Uri,
        version: i32,
        diagnostics: &[Diagnostic],
        text: &str,
        enc: Encoding,
        related: bool,
    ) -> Vec<u8> {
        #[derive(Serialize)]
        struct Params<'a> {
            uri: &'a Uri,
            diagnostics: Vec<WireDiagnostic<'a>>,
            version: i32,
        }
        #[derive(Serialize)]
        struct Note<'a> {
            jsonrpc: &'static str,
            method: &'static str,
            params: Params<'a>,
        }
        let lines = LineIndex::new(text);
        let note = Note {
            jsonrpc: "2.0",
            method: "textDocument/publishDiagnostics",
            params: Params {
                uri,
                diagnostics: diagnostics
                    .iter()
                    .map(|d| to_wire(d, uri, text, &lines, enc, version, related))
                    .collect(),
                version,
            },
        };
        serde_json::to_vec(&note).unwrap()
    }

    fn assert_same(uri: &str, version: i32, diagnostics: &[Diagnostic], text: &str) {
        let uri = Uri::from_str(uri).unwrap();
        let lines = LineIndex::new(text);
        for enc in [Encoding::Utf8, Encoding::Utf16] {
            for related in [false, true] {
                let mut ours = Vec::new();
                write_publish(
                    &mut ours,
                    &mut Vec::new(),
                    &uri,
                    version,
                    diagnostics,
                    text,
                    &lines,
                    enc,
                    related,
                );
                let theirs = by_serde(&uri, version, diagnostics, text, enc, related);
                assert_eq!(
                    String::from_utf8(ours.clone()).unwrap(),
                    String::from_utf8(theirs).unwrap()
                );
                // Written on two threads, split at the middle, with a
                // spare buffer left from before: the same bytes.
                let found = Found {
                    uri: &uri,
                    text,
                    lines: &lines,
                    enc,
                    related_information: related,
                    data_head: data_head(version),
                };
                let mut halves = Vec::new();
                let mut spare = b"left from before".to_vec();
                found.write_publish(&mut halves, &mut spare, version, diagnostics, true, 2);
                assert_eq!(
                    String::from_utf8(halves).unwrap(),
                    String::from_utf8(ours.clone()).unwrap()
                );
                assert_reads_back(&ours, version, diagnostics, text, enc);
            }
        }
    }

    /// Each diagnostic's `data`, read back as the code actions read it,
    /// holds everything they need: the version, the words to allow (only
    /// where "Allow" is offered), and every fix with its range, new text
    /// and safety. Nothing usual is written out.
    fn assert_reads_back(
        written: &[u8],
        version: i32,
        diagnostics: &[Diagnostic],
        text: &str,
        enc: Encoding,
    ) {
        let lines = LineIndex::new(text);
        let note: serde_json::Value = serde_json::from_slice(written).unwrap();
        let sent = note["params"]["diagnostics"].as_array().unwrap();
        assert_eq!(sent.len(), diagnostics.len());
        for (json, d) in sent.iter().zip(diagnostics) {
            let raw = &json["data"];
            assert!(raw.get("allowable").is_none(), "{raw}");
            let lsp_diag: lsp::Diagnostic = serde_json::from_value(json.clone()).unwrap();
            let data: DiagnosticData = serde_json::from_value(raw.clone()).unwrap();
            assert_eq!(data.version, version);
            let flagged = collapse(d.span.text(text));
            let allowable = plainly_core::rules::WORD_RULES.contains(&d.rule)
                && d.rule != "passive-voice"
                && !flagged.is_empty();
            assert_eq!(data.text, allowable.then(|| flagged.into_owned()), "{raw}");
            let edits: Vec<_> = d
                .suggestions
                .iter()
                .filter_map(|s| Some((s, s.edit.as_ref()?)))
                .collect();
            assert_eq!(data.fixes.len(), edits.len(), "{raw}");
            if edits.is_empty() {
                assert!(raw.get("fixes").is_none(), "{raw}");
            }
            for (i, (fix, (s, edit))) in data.fixes.iter().zip(&edits).enumerate() {
                assert_eq!(fix.title, s.message);
                assert_eq!(fix.new_text, edit.replacement);
                assert_eq!(fix.safe, s.applicability == Applicability::Safe);
                let want = lines.range(text, edit.span.start, edit.span.end, enc);
                assert_eq!(fix.range_in(lsp_diag.range), want);
                // The range is written only where it is not the
                // diagnostic's own, and `safe` only where it is true.
                let raw_fix = &raw["fixes"][i];
                assert_eq!(raw_fix.get("range").is_some(), edit.span != d.span);
                assert_eq!(raw_fix.get("safe").is_some(), fix.safe, "{raw_fix}");
            }
        }
    }

    #[test]
    fn written_by_hand_as_serde_writes_it() {
        let text = "---\ntitle: \"x\"\n---\n# The CQC\n\nWe will utilise the hall in order to meet 😀 e.g. \
            at the caf\u{e9}.\r\nIt WILL BE DONE by staff, and it was decided.\r\r\
            The NHS and the Care Quality Commission (CQC) help.\n\n\
            | a | b |\n|---|---|\n| utilise | \\\"quoted\\\" |\n\n\
            <!-- plainly-disable-next-line jargon -->\nA plain line.\n";
        let report = plainly_core::check(text, &plainly_core::Settings::default());
        assert!(report.diagnostics.len() > 5, "{:?}", report.diagnostics);
        assert!(report.diagnostics.iter().any(|d| d.related.is_some()));
        assert!(report
            .diagnostics
            .iter()
            .any(|d| d.suggestions.iter().any(|s| s.edit.is_none())));
        assert_same("file:///notes/a%20b.md", 7, &report.diagnostics, text);
        assert_same("untitled:Untitled-1", -3, &[], text);
    }

    #[test]
    fn every_character_that_needs_escaping_is_escaped_as_serde_does() {
        let text = "say \"hi\"\\ \t\u{1}\u{8}\u{c}\u{1f}\u{7f} \u{2028} é😀\r\nnext\n";
        let weird: String = (0u8..0x80).map(char::from).collect::<String>() + "\u{2028}é😀\"\\";
        let span = Span::new(0, text.find('\r').unwrap());
        let d = Diagnostic {
            rule: "jargon",
            severity: Severity::Info,
            span,
            message: weird.clone().into(),
            suggestions: vec![
                Suggestion::advice(weird.clone()),
                Suggestion::replace(weird.clone(), span, weird.clone(), Applicability::Safe),
                Suggestion::replace(
                    "x",
                    Span::new(text.len() - 5, text.len() - 1),
                    "\u{0}",
                    Applicability::Unsafe,
                ),
            ]
            .into(),
            related: Some(Box::new(Related {
                span: Span::new(text.len() - 5, text.len()),
                message: weird.into(),
            })),
        };
        let mut empty = d.clone();
        empty.span = Span::new(3, 4); // a space: nothing to allow
        empty.suggestions.clear();
        assert_same(
            "file:///%22q%22/x.md",
            i32::MAX,
            &[d.clone(), empty, d],
            text,
        );
    }

    #[test]
    fn escapes_at_every_place_in_a_chunk() {
        for before in 0..20 {
            // '#', ']' and ' ' come a borrow away from '"', '\\' and
            // control characters, so the eight-byte tests may mark them
            // wrongly after one of those.
            for c in [
                '"', '\\', '\n', '\u{1}', '\u{1f}', ' ', '#', ']', '\u{7f}', 'é',
            ] {
                for after in [0, 1, 7, 8, 9] {
                    let s =
                        "a".repeat(before) + &c.to_string() + &"b".repeat(after) + &c.to_string();
                    let mut out = Vec::new();
                    json::string(&mut out, &s);
                    assert_eq!(
                        String::from_utf8(out).unwrap(),
                        serde_json::to_string(&s).unwrap()
                    );
                }
            }
        }
    }

    #[test]
    fn two_escapes_anywhere_in_a_string() {
        let marks = ['"', '\\', '\n', '\u{1f}', '#', ']', ' '];
        for len in 0..20 {
            for a in 0..len {
                for b in a..len {
                    for (ca, cb) in marks.iter().zip(marks.iter().rev()) {
                        let s: String = (0..len)
                            .map(|i| match i {
                                _ if i == a => *ca,
                                _ if i == b => *cb,
                                _ => 'x',
                            })
                            .collect();
                        let mut out = Vec::new();
                        json::string(&mut out, &s);
                        assert_eq!(
                            String::from_utf8(out).unwrap(),
                            serde_json::to_string(&s).unwrap()
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn numbers_as_serde_writes_them() {
        let mut n: u32 = 0;
        loop {
            for m in [n, n.saturating_sub(1), n.saturating_add(1)] {
                let mut out = Vec::new();
                json::uint(&mut out, m);
                assert_eq!(String::from_utf8(out).unwrap(), m.to_string());
            }
            if n == u32::MAX {
                break;
            }
            n = n.saturating_mul(10).max(1);
            if n == 1_000_000_000 {
                n = u32::MAX;
            }
        }
        for m in [
            123_456,
            1_000_001,
            999_999_999,
            1_000_000_000,
            4_294_967_294,
        ] {
            let mut out = Vec::new();
            json::uint(&mut out, m);
            assert_eq!(String::from_utf8(out).unwrap(), m.to_string());
        }
        for n in [
            0,
            1,
            9,
            10,
            99,
            100,
            -1,
            -10,
            i64::from(i32::MIN),
            i64::from(u32::MAX),
        ] {
            let mut out = Vec::new();
            json::int(&mut out, n);
            assert_eq!(String::from_utf8(out).unwrap(), n.to_string());
        }
    }
}
