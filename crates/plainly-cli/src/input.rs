//! Reading a document from a file or standard input, with messages that say
//! what went wrong and what to do.

use std::fmt;
use std::io::{IsTerminal, Read};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// One document named on the command line, for the commands that read one.
#[derive(Debug, clap::Args)]
pub struct OneInput {
    /// The Markdown file to read, or - for standard input.
    #[arg(value_name = "PATH", default_value = "-")]
    path: PathBuf,
    /// The name to use for standard input in messages.
    #[arg(long, value_name = "NAME")]
    stdin_filename: Option<String>,
}

impl OneInput {
    /// Reads the document, or says why not and gives exit code 2.
    /// `command` names the command in the message when no file is given.
    pub fn read(&self, command: &str) -> Result<Input, ExitCode> {
        if self.path.as_os_str() == "-" && std::io::stdin().is_terminal() {
            eprintln!(
                "error: no file given. Name a Markdown file (plainly {command} letter.md), \
                 or use - to read standard input."
            );
            return Err(ExitCode::from(2));
        }
        read_input(&self.path, self.stdin_filename.as_deref()).map_err(|e| {
            eprintln!("error: {e}");
            ExitCode::from(2)
        })
    }
}

/// A document read into memory.
#[derive(Debug)]
pub struct Input {
    /// The name to show in messages: the path as given, or `<stdin>` (or
    /// the `--stdin-filename`).
    pub name: String,
    /// The text.
    pub text: String,
}

/// Why a document could not be read.
#[derive(Debug)]
pub struct InputError {
    name: String,
    problem: String,
    empty: bool,
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.name, self.problem)
    }
}

impl std::error::Error for InputError {}

impl InputError {
    fn new(name: &str, problem: impl Into<String>) -> Self {
        InputError {
            name: name.to_owned(),
            problem: problem.into(),
            empty: false,
        }
    }

    /// Whether the only problem is that the document is empty (or only
    /// spaces). `check` lets that pass: an empty file has nothing wrong
    /// with it, and a pre-commit hook must not fail on one.
    pub fn is_empty_document(&self) -> bool {
        self.empty
    }

    /// The name of the document, as messages give it.
    pub fn name(&self) -> &str {
        &self.name
    }
}

/// Reads `path` (`-` for standard input). `stdin_name` names standard input
/// in messages. An empty document is an error: there is nothing to check,
/// which usually means the wrong file.
pub fn read_input(path: &Path, stdin_name: Option<&str>) -> Result<Input, InputError> {
    let is_stdin = path == Path::new("-");
    let name = if is_stdin {
        stdin_name.unwrap_or("<stdin>").to_owned()
    } else {
        path.display().to_string()
    };
    let bytes = if is_stdin {
        let mut buf = Vec::new();
        std::io::stdin()
            .lock()
            .read_to_end(&mut buf)
            .map_err(|e| InputError::new(&name, format!("could not read standard input ({e}).")))?;
        buf
    } else {
        read_file(path, &name)?
    };
    // Text files do not hold zero bytes; images, archives and programs do.
    if bytes[..bytes.len().min(8192)].contains(&0) {
        return Err(InputError::new(
            &name,
            "this looks like a binary file, not text, so it was not checked. \
             Name a Markdown or text file.",
        ));
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        InputError::new(
            &name,
            format!(
                "this is not UTF-8 text (the first bad byte is at offset {at}). \
                 Save the file as UTF-8 and try again."
            ),
        )
    })?;
    if text.trim().is_empty() {
        return Err(InputError {
            empty: true,
            ..InputError::new(
                &name,
                "the file is empty, so there is nothing to check. Check that you named the right file.",
            )
        });
    }
    Ok(Input { name, text })
}

fn read_file(path: &Path, name: &str) -> Result<Vec<u8>, InputError> {
    match std::fs::metadata(path) {
        Ok(m) if m.is_dir() => {
            return Err(InputError::new(
                name,
                "this is a folder, not a file. Name a Markdown file inside it.",
            ))
        }
        Ok(_) => {}
        Err(e) => return Err(io_problem(name, path, &e)),
    }
    std::fs::read(path).map_err(|e| io_problem(name, path, &e))
}

fn io_problem(name: &str, path: &Path, e: &std::io::Error) -> InputError {
    use std::io::ErrorKind;
    let problem = match e.kind() {
        ErrorKind::NotFound => {
            let hint = similar_file(path)
                .map(|p| format!(" Did you mean {}?", p.display()))
                .unwrap_or_default();
            format!("no such file. Check the name and the folder.{hint}")
        }
        ErrorKind::PermissionDenied => {
            "you do not have permission to read this file. Check its permissions.".to_owned()
        }
        // ELOOP: a symbolic link that leads back to itself.
        _ if cfg!(target_os = "linux") && e.raw_os_error() == Some(40) => {
            "this is a symbolic link that leads round in a loop. Fix or remove the link.".to_owned()
        }
        _ => format!("could not read the file ({e})."),
    };
    InputError::new(name, problem)
}

/// A file in the same folder whose name differs only in case or extension,
/// to suggest when the named one is missing.
fn similar_file(path: &Path) -> Option<PathBuf> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let want = path.file_stem()?.to_string_lossy().to_lowercase();
    let entries = std::fs::read_dir(dir).ok()?;
    entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| {
            p.is_file()
                && p.file_stem()
                    .is_some_and(|s| s.to_string_lossy().to_lowercase() == want)
        })
        .map(|p| {
            if path.parent().is_some_and(|d| d.as_os_str().is_empty()) {
                PathBuf::from(p.file_name().unwrap_or_default())
            } else {
                p
            }
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Tests run as root on CI, where nothing is unreadable, so the message
    /// for a file without read permission is checked here directly.
    #[test]
    fn permission_and_loop_messages_say_what_to_do() {
        let e = std::io::Error::from(std::io::ErrorKind::PermissionDenied);
        let msg = io_problem("secret.md", Path::new("secret.md"), &e).to_string();
        assert_eq!(
            msg,
            "secret.md: you do not have permission to read this file. Check its permissions."
        );
        let e = std::io::Error::from(std::io::ErrorKind::NotFound);
        let msg = io_problem("nothere.md", Path::new("nothere.md"), &e).to_string();
        assert!(msg.starts_with("nothere.md: no such file."), "{msg}");
    }
}
