//! The page and the HTML report in a real browser: Debian's `chromium`,
//! driven by `playwright-core` from npm, with `axe-core` for
//! accessibility (the script is `tests/browser/page.mjs`; it says what it
//! checks). Screenshots go to `target/tmp/web/` for people to look at.
//!
//! Needs Node.js, `npm ci` in `tests/browser/` and `apt-get install
//! chromium` (`.ci/run` does both). Where any is missing the test says so
//! and passes, except on CI (`CI=true`), where it fails.

mod web_support;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn chromium() -> Option<PathBuf> {
    ["chromium", "chromium-browser"].iter().find_map(|name| {
        let out = Command::new("sh")
            .args(["-c", &format!("command -v {name}")])
            .output()
            .ok()?;
        let path = String::from_utf8(out.stdout).ok()?;
        let path = path.trim();
        (!path.is_empty()).then(|| PathBuf::from(path))
    })
}

#[test]
fn the_page_and_the_report_in_chromium() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let browser_dir = root.join("tests/browser");
    let has_node = Command::new("node")
        .arg("--version")
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    let has_modules = browser_dir.join("node_modules/playwright-core").is_dir()
        && browser_dir.join("node_modules/axe-core").is_dir();
    let chromium = chromium();
    if !has_node || !has_modules || chromium.is_none() {
        let missing = "the browser test needs node, `npm ci` in tests/browser and chromium \
                       (apt-get install chromium)";
        assert!(std::env::var("CI").as_deref() != Ok("true"), "{missing}");
        eprintln!("Skipping the browser test: {missing}.");
        return;
    }
    let out_dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("web");
    std::fs::create_dir_all(&out_dir).unwrap();
    let _ = std::fs::remove_file(out_dir.join("result.txt"));

    // The report of a letter with many findings, and its JSON to check
    // the marks against.
    let letter = "corpus/dirty/continuing-healthcare-letter.md";
    let report = out_dir.join("report.html");
    let json = out_dir.join("report.json");
    for (format, path) in [("html", &report), ("json", &json)] {
        let out = Command::new(env!("CARGO_BIN_EXE_plainly"))
            .args(["check", "--no-config", "--format", format, letter])
            .current_dir(root)
            .output()
            .unwrap();
        std::fs::write(path, out.stdout).unwrap();
    }

    let server = web_support::Server::start(&[]);
    let child = Command::new("node")
        .arg(browser_dir.join("page.mjs"))
        .arg(format!("http://{}/", server.address))
        .arg(&report)
        .arg(&json)
        .arg(&out_dir)
        .arg(chromium.unwrap())
        .current_dir(&browser_dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("node starts");
    // A guard against a browser that hangs, not a measurement.
    let deadline = Instant::now() + Duration::from_secs(180);
    let mut child = child;
    while child.try_wait().ok().flatten().is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            break;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let out = child.wait_with_output().unwrap();
    let printed = format!(
        "{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    println!("{printed}");
    assert!(
        out.status.success(),
        "the browser checks failed:\n{printed}"
    );
    assert!(out_dir.join("page-desktop.png").is_file());
    // The server printed nothing of what was checked.
    let logged = server.stop();
    assert!(!logged.contains("Mrs Patel"), "{logged}");
}
