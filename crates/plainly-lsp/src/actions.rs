//! Code actions: quick fixes, "disable for this line", "allow in this
//! project", and fix-all.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use lsp_types::{self as lsp, Uri};

use crate::diagnostics::{to_lsp, DiagnosticData};
use crate::position::{Encoding, LineIndex};
use crate::server::{unknown_document, RequestError, Server};

/// The kind of the action that applies every safe fix.
pub const FIX_ALL: lsp::CodeActionKind = lsp::CodeActionKind::new("source.fixAll.plainly");

/// The code actions for a range of a document.
pub(crate) fn code_actions<W: std::io::Write>(
    server: &mut Server<W>,
    params: lsp::CodeActionParams,
) -> Result<Vec<lsp::CodeActionOrCommand>, RequestError> {
    let uri = params.text_document.uri;
    let key = uri.as_str().to_owned();
    let Some(analysis) = server.analysis(&key) else {
        return Err(unknown_document(&uri));
    };
    let want = |kind: &lsp::CodeActionKind| match &params.context.only {
        None => true,
        Some(only) => only.iter().any(|k| {
            let k = k.as_str();
            kind.as_str() == k || kind.as_str().starts_with(&format!("{k}."))
        }),
    };
    let want_quickfix = want(&lsp::CodeActionKind::QUICKFIX);
    let want_fix_all = want(&FIX_ALL);
    let enc = server.encoding;
    let caps = server.caps.clone();
    let related = caps.related_information;
    let doc_path = server.docs.get(&key).and_then(|d| d.path.clone());
    let config_target = doc_path.as_deref().map(|p| config_target(server, p));
    let Some(doc) = server.docs.get_mut(&key) else {
        return Err(unknown_document(&uri));
    };
    let version = doc.version;
    let (text, lines) = doc.text_and_lines();
    let start = lines.offset(text, params.range.start, enc);
    let end = lines.offset(text, params.range.end, enc).max(start);
    // The client's own diagnostics at the cursor, matched by rule and range.
    let asked: Vec<(String, lsp::Range)> = params
        .context
        .diagnostics
        .iter()
        .filter(|d| d.source.as_deref() == Some("plainly"))
        .filter_map(|d| match &d.code {
            Some(lsp::NumberOrString::String(code)) => Some((code.clone(), d.range)),
            _ => None,
        })
        .collect();

    let mut actions = Vec::new();
    if want_quickfix {
        let mut allowed_words: Vec<String> = Vec::new();
        let mut edits_for_allow = Vec::new();
        for d in &analysis.diagnostics {
            let touches = d.span.start <= end && start <= d.span.end;
            let range = lines.range(text, d.span.start, d.span.end, enc);
            let in_context = asked.iter().any(|(rule, r)| rule == d.rule && *r == range);
            if !touches && !in_context {
                continue;
            }
            let Some(lsp_diag) = to_lsp(d, &uri, text, lines, enc, version, related) else {
                continue;
            };
            let data: Option<DiagnosticData> = lsp_diag
                .data
                .clone()
                .and_then(|v| serde_json::from_value(v).ok());
            let Some(data) = data else { continue };
            let mut preferred_given = false;
            for fix in &data.fixes {
                let preferred = fix.safe && !preferred_given;
                preferred_given |= preferred;
                actions.push(action(
                    fix.title.clone(),
                    lsp::CodeActionKind::QUICKFIX,
                    &lsp_diag,
                    text_edit(
                        &uri,
                        version,
                        vec![lsp::TextEdit::new(
                            fix.range_in(lsp_diag.range),
                            fix.new_text.clone(),
                        )],
                        &caps,
                    ),
                    preferred,
                ));
            }
            if let Some(edit) = disable_edit(text, lines, enc, d.span.start, d.rule) {
                actions.push(action(
                    format!("Disable {} for this line", d.rule),
                    lsp::CodeActionKind::QUICKFIX,
                    &lsp_diag,
                    text_edit(&uri, version, vec![edit], &caps),
                    false,
                ));
            }
            if let Some(word) = data.text {
                if !allowed_words.iter().any(|w| w.eq_ignore_ascii_case(&word)) {
                    allowed_words.push(word.clone());
                    edits_for_allow.push((word, lsp_diag));
                }
            }
        }
        if let Some(target) = &config_target {
            for (word, diag) in edits_for_allow {
                if let Some(edit) = allow_edit(target, &word, enc, &caps) {
                    actions.push(action(
                        format!("Allow \"{word}\" in this project"),
                        lsp::CodeActionKind::QUICKFIX,
                        &diag,
                        edit,
                        false,
                    ));
                }
            }
        }
    }
    if want_fix_all {
        let mut edits: Vec<(usize, usize, &str)> = analysis
            .diagnostics
            .iter()
            .filter_map(|d| {
                d.suggestions
                    .iter()
                    .find(|s| s.applicability == plainly_core::Applicability::Safe)
                    .and_then(|s| s.edit.as_ref())
                    .map(|e| (e.span.start, e.span.end, e.replacement.as_str()))
            })
            .collect();
        edits.sort_by_key(|e| (e.0, e.1));
        let mut last_end = 0;
        let mut text_edits = Vec::new();
        for (s, e, replacement) in edits {
            if s < last_end {
                continue; // Overlaps the fix before: leave it for next time.
            }
            last_end = e;
            text_edits.push(lsp::TextEdit::new(
                lines.range(text, s, e, enc),
                replacement.to_owned(),
            ));
        }
        if !text_edits.is_empty() {
            actions.push(lsp::CodeActionOrCommand::CodeAction(lsp::CodeAction {
                title: "Apply every safe plainly fix".into(),
                kind: Some(FIX_ALL),
                edit: Some(text_edit(&uri, version, text_edits, &caps)),
                ..Default::default()
            }));
        }
    }
    Ok(actions)
}

fn action(
    title: String,
    kind: lsp::CodeActionKind,
    diag: &lsp::Diagnostic,
    edit: lsp::WorkspaceEdit,
    preferred: bool,
) -> lsp::CodeActionOrCommand {
    lsp::CodeActionOrCommand::CodeAction(lsp::CodeAction {
        title,
        kind: Some(kind),
        diagnostics: Some(vec![diag.clone()]),
        edit: Some(edit),
        is_preferred: preferred.then_some(true),
        ..Default::default()
    })
}

/// Edits to one open document, tied to its version where the client
/// supports that.
fn text_edit(
    uri: &Uri,
    version: i32,
    edits: Vec<lsp::TextEdit>,
    caps: &crate::server::ClientCaps,
) -> lsp::WorkspaceEdit {
    if caps.document_changes {
        lsp::WorkspaceEdit {
            document_changes: Some(lsp::DocumentChanges::Edits(vec![lsp::TextDocumentEdit {
                text_document: lsp::OptionalVersionedTextDocumentIdentifier {
                    uri: uri.clone(),
                    version: Some(version),
                },
                edits: edits.into_iter().map(lsp::OneOf::Left).collect(),
            }])),
            ..Default::default()
        }
    } else {
        lsp::WorkspaceEdit {
            changes: Some(HashMap::from([(uri.clone(), edits)])),
            ..Default::default()
        }
    }
}

/// The edit that puts `<!-- plainly-disable-next-line RULE -->` above the
/// line where a finding starts, or adds RULE to such a comment already
/// there.
fn disable_edit(
    text: &str,
    lines: &LineIndex,
    enc: Encoding,
    offset: usize,
    rule: &str,
) -> Option<lsp::TextEdit> {
    // `unused-suppression` is about a comment itself: disabling it with
    // another comment makes no sense.
    if rule == "unused-suppression" {
        return None;
    }
    let line = lines.line_of(offset);
    if line > 0 {
        let above = lines.line_range(text, line - 1);
        let above_text = &text[above.clone()];
        let trimmed = above_text.trim();
        if let Some(names) = trimmed
            .strip_prefix("<!-- plainly-disable-next-line")
            .and_then(|r| r.strip_suffix("-->"))
        {
            if names.split_whitespace().any(|n| n == rule) {
                return None;
            }
            let close = above.start + above_text.rfind("-->")?;
            // Put the name before ` -->`.
            let at = if text[..close].ends_with(' ') {
                close - 1
            } else {
                close
            };
            let pos = lines.position(text, at, enc);
            return Some(lsp::TextEdit::new(
                lsp::Range::new(pos, pos),
                format!(" {rule}"),
            ));
        }
    }
    let range = lines.line_range(text, line);
    let line_text = &text[range.clone()];
    let indent_len = line_text.len() - line_text.trim_start_matches([' ', '\t']).len();
    let indent = &line_text[..indent_len];
    let eol = if text[range.end..].starts_with("\r\n") {
        "\r\n"
    } else if text[range.end..].starts_with('\r') {
        "\r"
    } else {
        "\n"
    };
    let pos = lines.position(text, range.start, enc);
    Some(lsp::TextEdit::new(
        lsp::Range::new(pos, pos),
        format!("{indent}<!-- plainly-disable-next-line {rule} -->{eol}"),
    ))
}

/// Where "Allow WORD" writes: the configuration file that applies to the
/// document, or a new `plainly.toml` at the top of its workspace folder
/// (or beside the document when it is in none).
pub(crate) fn config_target<W: std::io::Write>(server: &mut Server<W>, doc: &Path) -> PathBuf {
    if let Some(found) = server.configs.file_for(doc) {
        return found;
    }
    let root = server
        .roots
        .iter()
        .filter(|r| doc.starts_with(r))
        .max_by_key(|r| r.as_os_str().len())
        .cloned()
        .or_else(|| doc.parent().map(Path::to_path_buf))
        .unwrap_or_default();
    root.join("plainly.toml")
}

/// The workspace edit that adds `word` to `extend-allowed` in `target`,
/// creating the file when it is missing. `None` when the word is already
/// there or the file cannot be read or edited.
fn allow_edit(
    target: &Path,
    word: &str,
    enc: Encoding,
    caps: &crate::server::ClientCaps,
) -> Option<lsp::WorkspaceEdit> {
    let uri = crate::uri::from_path(target)?;
    let exists = target.is_file();
    let old = if exists {
        std::fs::read_to_string(target).ok()?
    } else {
        String::new()
    };
    let new = crate::config::allow_word(&old, word).ok()??;
    // Replace only what changed, so the rest of the file (and the
    // client's undo history) is left alone.
    let prefix = common_prefix(&old, &new);
    let suffix = common_suffix(&old[prefix..], &new[prefix..]);
    let lines = LineIndex::new(&old);
    let range = lines.range(&old, prefix, old.len() - suffix, enc);
    let edit = lsp::TextEdit::new(range, new[prefix..new.len() - suffix].to_owned());
    if !exists && caps.create_files {
        return Some(lsp::WorkspaceEdit {
            document_changes: Some(lsp::DocumentChanges::Operations(vec![
                lsp::DocumentChangeOperation::Op(lsp::ResourceOp::Create(lsp::CreateFile {
                    uri: uri.clone(),
                    options: Some(lsp::CreateFileOptions {
                        overwrite: Some(false),
                        ignore_if_exists: Some(true),
                    }),
                    annotation_id: None,
                })),
                lsp::DocumentChangeOperation::Edit(lsp::TextDocumentEdit {
                    text_document: lsp::OptionalVersionedTextDocumentIdentifier {
                        uri,
                        version: None,
                    },
                    edits: vec![lsp::OneOf::Left(edit)],
                }),
            ])),
            ..Default::default()
        });
    }
    Some(lsp::WorkspaceEdit {
        changes: Some(HashMap::from([(uri, vec![edit])])),
        ..Default::default()
    })
}

fn common_prefix(a: &str, b: &str) -> usize {
    let mut n = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
    while !a.is_char_boundary(n) || !b.is_char_boundary(n) {
        n -= 1;
    }
    n
}

fn common_suffix(a: &str, b: &str) -> usize {
    let mut n = a
        .bytes()
        .rev()
        .zip(b.bytes().rev())
        .take_while(|(x, y)| x == y)
        .count();
    while !a.is_char_boundary(a.len() - n) || !b.is_char_boundary(b.len() - n) {
        n -= 1;
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    fn apply(text: &str, edit: &lsp::TextEdit) -> String {
        let lines = LineIndex::new(text);
        let s = lines.offset(text, edit.range.start, Encoding::Utf16);
        let e = lines.offset(text, edit.range.end, Encoding::Utf16);
        let mut out = text.to_owned();
        out.replace_range(s..e, &edit.new_text);
        out
    }

    #[test]
    fn disable_comment_goes_above_with_the_same_indent_and_line_ending() {
        let text = "Intro.\r\n  - We utilise it.\r\n";
        let lines = LineIndex::new(text);
        let at = text.find("utilise").unwrap();
        let edit = disable_edit(text, &lines, Encoding::Utf16, at, "complex-word").unwrap();
        let out = apply(text, &edit);
        assert_eq!(
            out,
            "Intro.\r\n  <!-- plainly-disable-next-line complex-word -->\r\n  - We utilise it.\r\n"
        );
        // A second rule joins the same comment.
        let lines = LineIndex::new(&out);
        let at = out.find("utilise").unwrap();
        let edit = disable_edit(&out, &lines, Encoding::Utf16, at, "jargon").unwrap();
        assert_eq!(
            apply(&out, &edit),
            "Intro.\r\n  <!-- plainly-disable-next-line complex-word jargon -->\r\n  - We utilise it.\r\n"
        );
        assert!(disable_edit(&out, &lines, Encoding::Utf16, at, "complex-word").is_none());
    }

    #[test]
    fn prefix_and_suffix_stay_on_char_boundaries() {
        assert_eq!(common_prefix("aé", "aè"), 1);
        assert_eq!(common_suffix("éa", "èa"), 1);
    }
}
