//! `plainly init`: writes a commented starter settings file.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use plainly_config::FILE_NAMES;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Where to write the settings file. A folder means plainly.toml in it.
    #[arg(long, value_name = "PATH", default_value = "plainly.toml")]
    path: PathBuf,
}

pub fn run(args: &Args) -> io::Result<ExitCode> {
    let path = if args.path.is_dir() {
        args.path.join(FILE_NAMES[0])
    } else {
        args.path.clone()
    };
    if let Err(problem) = check_target(&path) {
        eprintln!("error: {problem}");
        return Ok(ExitCode::from(2));
    }
    let written = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)
        .and_then(|mut f| f.write_all(plainly_config::starter().as_bytes()));
    if let Err(e) = written {
        let why = match e.kind() {
            io::ErrorKind::AlreadyExists => {
                "it already exists. Edit it, or move it away and run plainly init again.".to_owned()
            }
            io::ErrorKind::PermissionDenied => {
                "you do not have permission to write there. Choose another folder with --path."
                    .to_owned()
            }
            _ => format!("{e}."),
        };
        eprintln!(
            "error: {}: could not write the settings file: {why}",
            path.display()
        );
        return Ok(ExitCode::from(2));
    }
    let mut out = io::stdout().lock();
    writeln!(
        out,
        "Wrote {}. It lists every setting, with notes: remove the # at the start of a line to use it.",
        path.display()
    )?;
    Ok(ExitCode::SUCCESS)
}

/// Why `path` should not be written, if there is a reason.
fn check_target(path: &Path) -> Result<(), String> {
    let shown = path.display();
    if path.exists() {
        return Err(format!(
            "{shown} already exists. Edit it, or move it away and run plainly init again."
        ));
    }
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty());
    if let Some(dir) = dir {
        if !dir.is_dir() {
            return Err(format!(
                "there is no folder called {}. Create it first, or choose another --path.",
                dir.display()
            ));
        }
    }
    // A plainly.toml and a .plainly.toml side by side: only the first is
    // read, so writing one beside the other would hide or be hidden.
    let name = path.file_name().and_then(|n| n.to_str());
    if let Some(name) = name.filter(|n| FILE_NAMES.contains(n)) {
        for other in FILE_NAMES.iter().filter(|o| **o != name) {
            let other_path = dir.unwrap_or(Path::new("")).join(other);
            if other_path.exists() {
                return Err(format!(
                    "{} already exists in that folder, and plainly reads only one settings file there. Edit it instead.",
                    other_path.display()
                ));
            }
        }
    }
    Ok(())
}
