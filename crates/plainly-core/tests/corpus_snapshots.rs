//! Snapshots of what plainly reports on every document in `corpus/`, so a
//! change to counting, scoring or a rule shows its effect on every document
//! at once. Documents in `corpus/clean/` must give no findings.
//!
//! After a deliberate change: `INSTA_UPDATE=always cargo test -p plainly-core
//! --test corpus_snapshots`, then read the diff of `tests/snapshots/`
//! (or use `cargo insta review`). The command line's human and JSON output
//! on the corpus is snapshotted in the root package's `tests/corpus.rs`.

use std::path::{Path, PathBuf};

use plainly_core::{check, Document, Settings};

fn corpus(dir: &str) -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../corpus")
        .join(dir);
    let mut paths: Vec<_> = std::fs::read_dir(root)
        .expect("corpus folder exists")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    paths.sort();
    paths
}

#[test]
fn corpus_metrics() {
    let mut seen = 0;
    for dir in ["clean", "dirty"] {
        for path in corpus(dir) {
            let text = std::fs::read_to_string(&path).expect("corpus files are UTF-8");
            let metrics = Document::parse(&text).metrics();
            let name = format!("{dir}__{}", path.file_stem().unwrap().to_string_lossy());
            insta::assert_json_snapshot!(name, metrics);
            seen += 1;
        }
    }
    assert!(
        seen >= 25,
        "the corpus should have at least 25 documents, found {seen}"
    );
}

#[test]
fn clean_documents_give_no_findings() {
    let mut problems = Vec::new();
    for path in corpus("clean") {
        let text = std::fs::read_to_string(&path).unwrap();
        for d in check(&text, &Settings::default()).diagnostics {
            problems.push(format!(
                "{}: {} {:?}: {}",
                path.display(),
                d.rule,
                d.span.text(&text),
                d.message
            ));
        }
    }
    assert!(
        problems.is_empty(),
        "clean documents have findings:\n{}",
        problems.join("\n")
    );
}

#[test]
fn dirty_documents_give_findings() {
    for path in corpus("dirty") {
        let text = std::fs::read_to_string(&path).unwrap();
        let n = check(&text, &Settings::default()).diagnostics.len();
        assert!(n > 0, "{} gives no findings", path.display());
    }
}
