//! Command-line tests of the real `plainly` binary.
//!
//! Each case in `tests/cmd/` is a `.toml` file (arguments, exit code) with
//! its expected output beside it; `files.in/` holds the documents they read.
//! After a deliberate change to the output, refresh the expected files with
//! `TRYCMD=overwrite cargo test --test cli`, then read the diff.

#[test]
fn cli_cases() {
    trycmd::TestCases::new().case("tests/cmd/*.toml");
}

/// `plainly metrics big.md | head -1` must not report an error when the
/// reader goes away.
#[test]
fn a_closed_pipe_is_not_an_error() {
    use std::io::Read;
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_plainly"))
        .args(["sentences", "--format", "json", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let text = "We will call you on Monday. Please be in.\n\n".repeat(20_000);
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().unwrap();
        stdin.write_all(text.as_bytes()).unwrap();
    }
    let mut first = [0u8; 16];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    // stdout is dropped here: the pipe closes while plainly is still writing.
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "exit status {:?}", out.status);
    assert!(
        out.stderr.is_empty(),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A scratch folder under the build's temporary folder.
fn scratch(name: &str) -> std::path::PathBuf {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn plainly(dir: &std::path::Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_plainly"))
        .current_dir(dir)
        .args(args)
        .output()
        .expect("the binary runs")
}

/// `--fix` changes only the fixed words: a byte-order mark, CRLF line
/// endings and a missing final newline come through, and a second run
/// changes nothing.
#[test]
fn fix_keeps_bom_crlf_and_final_newline() {
    let dir = scratch("fix-bom-crlf");
    let before = "\u{feff}# Notes\r\n\r\nWe met in order to talk.\r\n\r\n    in order to\r\n\r\nWe will commence soon.";
    std::fs::write(dir.join("a.md"), before).unwrap();
    let out = plainly(&dir, &["check", "--fix", "a.md"]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let after = std::fs::read_to_string(dir.join("a.md")).unwrap();
    assert_eq!(
        after,
        "\u{feff}# Notes\r\n\r\nWe met to talk.\r\n\r\n    in order to\r\n\r\nWe will start soon."
    );
    let again = plainly(&dir, &["check", "--fix", "a.md"]);
    assert!(again.stderr.is_empty(), "{again:?}");
    assert_eq!(std::fs::read_to_string(dir.join("a.md")).unwrap(), after);
}

/// A file that cannot be written is reported, left as it was, and the
/// other files are still fixed.
#[cfg(unix)]
#[test]
fn fix_reports_a_read_only_file_and_fixes_the_rest() {
    use std::os::unix::fs::PermissionsExt;
    let dir = scratch("fix-read-only");
    std::fs::write(dir.join("locked.md"), "We met in order to talk.\n").unwrap();
    std::fs::write(dir.join("open.md"), "We met in order to talk.\n").unwrap();
    std::fs::set_permissions(
        dir.join("locked.md"),
        std::fs::Permissions::from_mode(0o444),
    )
    .unwrap();
    let out = plainly(&dir, &["check", "--fix", "locked.md", "open.md"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("locked.md: could not save the fixes: you do not have permission"),
        "{stderr}"
    );
    assert_eq!(
        std::fs::read_to_string(dir.join("locked.md")).unwrap(),
        "We met in order to talk.\n"
    );
    assert_eq!(
        std::fs::read_to_string(dir.join("open.md")).unwrap(),
        "We met to talk.\n"
    );
}

/// Symbolic links that loop neither hang the folder walk nor stop other
/// files being checked.
#[cfg(unix)]
#[test]
fn symlink_loops_do_not_hang() {
    let dir = scratch("symlink-loop");
    std::fs::create_dir_all(dir.join("docs/sub")).unwrap();
    std::os::unix::fs::symlink("..", dir.join("docs/sub/up")).unwrap();
    std::os::unix::fs::symlink("self.md", dir.join("docs/self.md")).unwrap();
    std::fs::write(dir.join("docs/sub/ok.md"), "We will call you.\n").unwrap();
    let out = plainly(&dir, &["check", "docs"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("ok.md: no problems found"), "{out:?}");
    let out = plainly(&dir, &["check", "docs/self.md", "docs/sub/ok.md"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr.contains("docs/self.md: this is a symbolic link that leads round in a loop"),
        "{stderr}"
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("ok.md: no problems found"));
}
