//! The pre-commit hook, run the way users run it: the real `pre-commit`
//! from PyPI, a throwaway Git repository whose `.pre-commit-config.yaml`
//! points at a committed copy of this repository, and `git commit`.
//!
//! It needs `python3` with `venv`, `git`, and the network to PyPI and
//! crates.io the first time. pre-commit builds plainly in release mode with
//! `cargo install --path .`, which takes a few minutes; the build folder
//! is kept under `target/tmp/` so later runs only rebuild what changed.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The pre-commit release the test installs.
const PRE_COMMIT: &str = "4.7.0";

const JARGON: &str = "We will review your care package going forward.\n";
const PLAIN: &str = "We will look again at the care and support you get.\n";

#[test]
fn the_hook_stops_a_commit_with_jargon_and_allows_it_once_fixed() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let keep = Path::new(env!("CARGO_TARGET_TMPDIR")).join("pre-commit");
    let pre_commit = install_pre_commit(&keep.join("venv"));
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let env = Env::new(tmp.path(), &keep);

    // A committed copy of this repository: pre-commit sees only what is
    // committed, as it would from GitHub.
    let plainly = tmp.path().join("plainly");
    let out = env.run(
        Command::new("git")
            .arg("clone")
            .arg("--quiet")
            .arg(root)
            .arg(&plainly),
    );
    assert!(
        out.status.success(),
        "could not clone this repository (the test needs its Git history):\n{}",
        describe(&out)
    );
    let rev = env.git(&plainly, &["rev-parse", "HEAD"]);

    let docs = tmp.path().join("docs");
    std::fs::create_dir(&docs).unwrap();
    env.git(&docs, &["init", "--quiet"]);
    let config = format!(
        "repos:\n  - repo: '{}'\n    rev: '{}'\n    hooks:\n      - id: plainly\n",
        plainly.display().to_string().replace('\'', "''"),
        rev.trim()
    );
    std::fs::write(docs.join(".pre-commit-config.yaml"), config).unwrap();
    std::fs::write(docs.join("letter.md"), JARGON).unwrap();
    env.git(&docs, &["add", "."]);

    let out = env.run(Command::new(&pre_commit).arg("install").current_dir(&docs));
    assert!(
        out.status.success(),
        "pre-commit install failed:\n{}",
        describe(&out)
    );

    // The first commit: the hook finds the jargon and stops it.
    let out = env.commit(&docs, "Add the letter");
    let text = combined(&out);
    assert!(
        !out.status.success(),
        "the commit went through although letter.md has jargon:\n{}{}",
        describe(&out),
        env.pre_commit_log()
    );
    assert!(
        text.contains("plainly") && text.contains("Failed"),
        "pre-commit did not report the plainly hook as failed:\n{}{}",
        describe(&out),
        env.pre_commit_log()
    );
    assert!(
        text.contains("warning[jargon]") && text.contains("\"care package\" is jargon"),
        "plainly's finding is missing from the hook's output:\n{}",
        describe(&out)
    );
    assert!(
        !env.has_commits(&docs),
        "a commit was made although the hook failed"
    );

    // Fixed, the commit goes through. The text file is not Markdown, so
    // the hook leaves it alone although it has the same jargon.
    std::fs::write(docs.join("letter.md"), PLAIN).unwrap();
    std::fs::write(docs.join("notes.txt"), JARGON).unwrap();
    env.git(&docs, &["add", "."]);
    let out = env.commit(&docs, "Add the letter in plain English");
    assert!(
        out.status.success(),
        "the commit was stopped although letter.md is now plain English:\n{}{}",
        describe(&out),
        env.pre_commit_log()
    );
    assert!(
        combined(&out).contains("Passed"),
        "pre-commit did not report the plainly hook as passed:\n{}",
        describe(&out)
    );
    assert!(env.has_commits(&docs), "no commit was made");
}

/// Installs pre-commit into a virtual environment (kept between runs) and
/// returns the path of its command.
fn install_pre_commit(venv: &Path) -> PathBuf {
    let bin = venv.join(if cfg!(windows) { "Scripts" } else { "bin" });
    let pre_commit = bin.join("pre-commit");
    let installed = Command::new(&pre_commit)
        .arg("--version")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).contains(PRE_COMMIT));
    if installed {
        return pre_commit;
    }
    let out = Command::new("python3")
        .args(["-m", "venv", "--clear"])
        .arg(venv)
        .output()
        .unwrap_or_else(|e| panic!("could not run python3 ({e}): install Python 3 with venv"));
    assert!(
        out.status.success(),
        "could not make a Python virtual environment:\n{}",
        describe(&out)
    );
    let out = Command::new(bin.join("python"))
        .args([
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
        ])
        .arg(format!("pre-commit=={PRE_COMMIT}"))
        .output()
        .expect("the virtual environment's python runs");
    assert!(
        out.status.success(),
        "could not install pre-commit from PyPI:\n{}",
        describe(&out)
    );
    pre_commit
}

/// The environment every command runs in: Git without the user's own
/// settings (a global `core.hooksPath` would stop `pre-commit install`),
/// a fixed author, pre-commit's cache in the temporary folder, and Cargo's
/// build folder kept between runs.
struct Env {
    vars: Vec<(&'static str, PathBuf)>,
    pre_commit_home: PathBuf,
}

impl Env {
    fn new(tmp: &Path, keep: &Path) -> Env {
        let git_config = tmp.join("gitconfig");
        std::fs::write(&git_config, "").unwrap();
        let pre_commit_home = tmp.join("pre-commit-home");
        Env {
            vars: vec![
                ("GIT_CONFIG_GLOBAL", git_config),
                ("GIT_CONFIG_NOSYSTEM", "1".into()),
                ("GIT_AUTHOR_NAME", "Test".into()),
                ("GIT_AUTHOR_EMAIL", "test@example.org".into()),
                ("GIT_COMMITTER_NAME", "Test".into()),
                ("GIT_COMMITTER_EMAIL", "test@example.org".into()),
                ("PRE_COMMIT_HOME", pre_commit_home.clone()),
                ("PRE_COMMIT_COLOR", "never".into()),
                ("CARGO_TARGET_DIR", keep.join("cargo-target")),
            ],
            pre_commit_home,
        }
    }

    fn run(&self, cmd: &mut Command) -> Output {
        // Set when the tests themselves run inside a Git hook.
        for var in ["GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"] {
            cmd.env_remove(var);
        }
        for (k, v) in &self.vars {
            cmd.env(k, v);
        }
        cmd.output()
            .unwrap_or_else(|e| panic!("could not run {cmd:?}: {e}"))
    }

    /// Runs git and returns its output; it must succeed.
    fn git(&self, dir: &Path, args: &[&str]) -> String {
        let out = self.run(Command::new("git").args(args).current_dir(dir));
        assert!(
            out.status.success(),
            "git {args:?} failed:\n{}",
            describe(&out)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn commit(&self, dir: &Path, message: &str) -> Output {
        self.run(
            Command::new("git")
                .args(["commit", "--quiet", "-m", message])
                .current_dir(dir),
        )
    }

    fn has_commits(&self, dir: &Path) -> bool {
        self.run(
            Command::new("git")
                .args(["rev-parse", "--verify", "--quiet", "HEAD"])
                .current_dir(dir),
        )
        .status
        .success()
    }

    /// pre-commit's own log, which says why installing a hook failed.
    fn pre_commit_log(&self) -> String {
        match std::fs::read_to_string(self.pre_commit_home.join("pre-commit.log")) {
            Ok(log) => format!("\npre-commit.log:\n{log}"),
            Err(_) => String::new(),
        }
    }
}

fn combined(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

fn describe(out: &Output) -> String {
    format!(
        "{}\n--- stdout\n{}\n--- stderr\n{}",
        out.status,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}
