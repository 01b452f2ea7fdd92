//! A second real editor: Emacs 28 with Eglot, in batch mode, set up with
//! `editors/emacs/plainly-eglot.el`, opens a document, gets plainly's
//! diagnostics through Flymake, edits, and asks for code actions (the
//! script is `tests/lsp/eglot.el`).
//!
//! Needs Debian's `emacs-nox` and `elpa-eglot` (`.ci/run` installs them on
//! CI). Where Emacs is missing the test says so and passes, except on CI
//! (`CI=true`), where it fails.

mod editor_support;

use std::path::Path;
use std::process::{Command, Stdio};

#[test]
fn eglot_shows_diagnostics_and_code_actions() {
    let has_emacs = Command::new("emacs")
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !has_emacs {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "the Eglot test needs Emacs and Eglot: apt-get install emacs-nox elpa-eglot"
        );
        eprintln!("Skipping the Eglot test: Emacs is not installed (apt-get install emacs-nox elpa-eglot).");
        return;
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("visit.md");
    std::fs::write(
        &doc,
        "# Your visit\n\nHi we will utilise the hall in order to meet.\n",
    )
    .unwrap();
    let child = Command::new("emacs")
        .arg("--batch")
        .arg("-l")
        .arg(root.join("tests/lsp/eglot.el"))
        .arg(root.join("editors"))
        .arg(env!("CARGO_BIN_EXE_plainly"))
        .arg(&doc)
        .current_dir(dir.path())
        .env("HOME", dir.path())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("emacs starts");
    let out = editor_support::finish(child, 180);
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let context = format!("Emacs printed:\n{stdout}\n{stderr}");
    let lines: Vec<&str> = stdout.lines().collect();
    assert!(lines.contains(&"DONE"), "{context}");
    assert!(
        lines.contains(&"DIAG 3 11 plainly [complex-word]: \"utilise\" has a plainer alternative."),
        "{context}"
    );
    assert!(lines.contains(&"AFTER-EDIT 1"), "{context}");
    assert!(lines.contains(&"ACTION Use \"to\"."), "{context}");
    assert!(
        lines.contains(&"ACTION Disable complex-word for this line"),
        "{context}"
    );
    assert!(
        lines.contains(&"ACTION Apply every safe plainly fix"),
        "{context}"
    );
}
