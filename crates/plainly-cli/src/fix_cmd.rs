//! `plainly check --fix` and `--diff`: applying fixes, writing files
//! safely, and showing changes.

use std::io::{self, Write};
use std::path::Path;

use plainly_core::FixMode;

/// The fixing options of `plainly check`.
#[derive(Debug, Clone, clap::Args)]
pub struct FixArgs {
    /// Apply safe fixes in place: changes that cannot alter the meaning,
    /// such as "in order to" to "to". With - (standard input), the fixed
    /// document goes to standard output.
    #[arg(long)]
    pub fix: bool,
    /// With --fix or --diff, also apply fixes a person should check.
    #[arg(long)]
    pub unsafe_fixes: bool,
    /// Show the changes --fix would make, without writing anything. Exits
    /// with 1 when there is something to fix.
    #[arg(long)]
    pub diff: bool,
}

impl FixArgs {
    /// Whether fixes are worked out at all.
    pub fn active(&self) -> bool {
        self.fix || self.diff
    }

    /// Which fixes to apply.
    pub fn mode(&self) -> FixMode {
        if self.unsafe_fixes {
            FixMode::SafeAndUnsafe
        } else {
            FixMode::Safe
        }
    }
}

/// Replaces the file at `path` with `text` in one step: the text goes to a
/// temporary file in the same folder, which is then renamed over the
/// original, so a crash or a full disk never leaves half a file. The
/// original's permissions are kept, and a symbolic link stays a link (the
/// file it points to is replaced).
pub fn write_atomically(path: &Path, text: &str) -> io::Result<()> {
    let target = std::fs::canonicalize(path)?;
    let dir = target.parent().unwrap_or(Path::new("."));
    let permissions = std::fs::metadata(&target)?.permissions();
    if permissions.readonly() {
        return Err(io::Error::new(
            io::ErrorKind::PermissionDenied,
            "the file is read-only",
        ));
    }
    let mut tmp = tempfile::Builder::new()
        .prefix(".plainly-fix-")
        .tempfile_in(dir)?;
    tmp.write_all(text.as_bytes())?;
    tmp.as_file().sync_all()?;
    std::fs::set_permissions(tmp.path(), permissions)?;
    tmp.persist(&target).map_err(|e| e.error)?;
    Ok(())
}

/// A unified diff of `old` to `new`, with `name` in the headers; empty when
/// they are the same.
pub fn unified_diff(name: &str, old: &str, new: &str) -> String {
    if old == new {
        return String::new();
    }
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(2)
        .header(&format!("a/{name}"), &format!("b/{name}"))
        .missing_newline_hint(true)
        .to_string()
}

/// What to say about a file that could not be written.
pub fn write_problem(name: &str, e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::PermissionDenied => format!(
            "{name}: could not save the fixes: you do not have permission to change this file. \
             Check its permissions, or run with --diff to see the changes."
        ),
        _ => format!("{name}: could not save the fixes ({e}). The file has not been changed."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diff_shows_changed_lines_only() {
        let d = unified_diff("a.md", "one\ntwo\nthree\n", "one\n2\nthree\n");
        assert!(d.contains("--- a/a.md"));
        assert!(d.contains("-two\n+2\n"));
        assert_eq!(unified_diff("a.md", "same\n", "same\n"), "");
    }

    #[test]
    fn atomic_write_keeps_permissions_and_links() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.md");
        std::fs::write(&file, "old\r\n").unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o640)).unwrap();
            let link = dir.path().join("link.md");
            std::os::unix::fs::symlink(&file, &link).unwrap();
            write_atomically(&link, "new\r\n").unwrap();
            assert!(std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink());
            let mode = std::fs::metadata(&file).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o640);
        }
        #[cfg(not(unix))]
        write_atomically(&file, "new\r\n").unwrap();
        assert_eq!(std::fs::read_to_string(&file).unwrap(), "new\r\n");
        let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(
            left.len(),
            if cfg!(unix) { 2 } else { 1 },
            "no temporary file is left"
        );
    }
}
