//! Snapshots of the metrics of every document in `corpus/`, so a change to
//! counting or scoring shows its effect on every document at once.
//!
//! After a deliberate change: `INSTA_UPDATE=always cargo test -p plainly-core
//! --test corpus_snapshots`, then read the diff of `tests/snapshots/`
//! (or use `cargo insta review`).

use std::path::Path;

use plainly_core::Document;

#[test]
fn corpus_metrics() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
    let mut seen = 0;
    for dir in ["clean", "dirty"] {
        let mut paths: Vec<_> = std::fs::read_dir(root.join(dir))
            .expect("corpus folder exists")
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "md"))
            .collect();
        paths.sort();
        for path in paths {
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
