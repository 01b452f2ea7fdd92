//! `--fix` on every corpus document: a second run changes nothing, and
//! code, front matter and HTML come through untouched.

use std::path::Path;

use plainly_core::{fix, FixMode, Settings};

fn corpus() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
    let mut out = Vec::new();
    for dir in ["clean", "dirty"] {
        let mut files: Vec<_> = std::fs::read_dir(root.join(dir))
            .expect("corpus folder")
            .map(|e| e.expect("corpus entry").path())
            .filter(|p| p.extension().is_some_and(|e| e == "md"))
            .collect();
        files.sort();
        for f in files {
            let text = std::fs::read_to_string(&f).expect("corpus document");
            out.push((f.display().to_string(), text));
        }
    }
    out
}

/// The parts of a document no fix may touch: code, front matter and HTML,
/// as pulldown-cmark sees them.
fn untouchable(text: &str) -> Vec<String> {
    use pulldown_cmark::{Event, Options, Parser, Tag};
    let opts = Options::ENABLE_YAML_STYLE_METADATA_BLOCKS | Options::ENABLE_TABLES;
    let mut out = Vec::new();
    let mut in_meta = false;
    for event in Parser::new_ext(text, opts) {
        match event {
            Event::Start(Tag::MetadataBlock(_)) => in_meta = true,
            Event::End(pulldown_cmark::TagEnd::MetadataBlock(_)) => in_meta = false,
            Event::Code(c) => out.push(c.to_string()),
            Event::Html(h) | Event::InlineHtml(h) => out.push(h.to_string()),
            Event::Text(t) if in_meta => out.push(t.to_string()),
            _ => {}
        }
    }
    // Fenced code, whole.
    let mut lines = text.lines();
    while let Some(l) = lines.next() {
        if l.trim_start().starts_with("```") {
            for inner in lines.by_ref() {
                if inner.trim_start().starts_with("```") {
                    break;
                }
                out.push(inner.to_owned());
            }
        }
    }
    out
}

#[test]
fn corpus_fixes_are_stable_and_leave_code_alone() {
    let mut fixed_any = 0;
    for (name, text) in corpus() {
        for mode in [FixMode::Safe, FixMode::SafeAndUnsafe] {
            let once = fix(&text, &Settings::default(), mode);
            let twice = fix(&once.text, &Settings::default(), mode);
            assert_eq!(
                twice.applied, 0,
                "{name}: a second fix run still changed things"
            );
            assert_eq!(twice.text, once.text, "{name}");
            for part in untouchable(&text) {
                assert!(
                    once.text.contains(&part),
                    "{name}: the fix changed code, front matter or HTML: {part:?}"
                );
            }
            assert_eq!(
                once.text.ends_with('\n'),
                text.ends_with('\n'),
                "{name}: final newline"
            );
            assert_eq!(
                once.text.matches("\r\n").count() > 0,
                text.matches("\r\n").count() > 0,
                "{name}: line endings"
            );
            if mode == FixMode::Safe {
                fixed_any += once.applied;
            }
        }
    }
    assert!(
        fixed_any > 10,
        "the dirty corpus should have safe fixes: {fixed_any}"
    );
}
