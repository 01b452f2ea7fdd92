//! What a user sees from `plainly check` on the corpus, human and JSON,
//! snapshotted: one snapshot per folder and format, every document in it.
//! After a deliberate change: `INSTA_UPDATE=always cargo test --test corpus`,
//! then read the diff of `tests/snapshots/`.

use std::path::Path;
use std::process::Command;

#[test]
fn check_output_on_the_corpus() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for dir in ["clean", "dirty"] {
        for format in ["human", "json"] {
            let out = Command::new(env!("CARGO_BIN_EXE_plainly"))
                .current_dir(root)
                .args(["check", "--format", format, &format!("corpus/{dir}")])
                .env("NO_COLOR", "1")
                .output()
                .unwrap();
            let code = out.status.code();
            let want = if dir == "clean" { 0 } else { 1 };
            assert_eq!(code, Some(want), "corpus/{dir}: exit {code:?}");
            let stdout = String::from_utf8(out.stdout).unwrap();
            insta::assert_snapshot!(format!("{dir}__{format}"), stdout);
        }
    }
}
