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
