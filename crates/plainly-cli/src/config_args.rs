//! `--config` and `--no-config`, and the settings for each file checked.
//!
//! A file whose settings file has a mistake is not checked: its results
//! would be wrong. The mistake is reported once; files under other
//! settings files are still checked, and the exit code is 2.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use plainly_config::{ConfigError, Resolver, Source};
use plainly_core::{Audience, Settings};

/// Where the settings come from.
#[derive(Debug, clap::Args)]
pub struct ConfigArgs {
    /// Use this settings file for every document, instead of the nearest
    /// plainly.toml or .plainly.toml above each one.
    #[arg(long, value_name = "PATH", conflicts_with = "no_config")]
    config: Option<PathBuf>,
    /// Use no settings file: built-in settings only.
    #[arg(long)]
    no_config: bool,
}

impl ConfigArgs {
    /// The resolver these flags ask for. A mistake in a file named with
    /// `--config` is printed, and gives exit code 2.
    pub fn resolver(&self) -> Result<Resolver, ExitCode> {
        let source = match (&self.config, self.no_config) {
            (_, true) => Source::None,
            (Some(path), false) => Source::File(path.clone()),
            (None, false) => Source::Discover,
        };
        Resolver::new(source).map_err(|e| {
            eprintln!("error: {e}");
            ExitCode::from(2)
        })
    }
}

/// The settings for each of `files`, in order. Files whose settings file
/// has a mistake are left out; each mistake is printed once. Returns the
/// files with their settings, and whether any mistake was found.
///
/// `-` (standard input) is looked up as `stdin_name`, or as a file in the
/// current folder. `audience`, given on the command line, wins over the
/// settings files.
pub fn settings_for_each(
    files: Vec<PathBuf>,
    resolver: &Resolver,
    stdin_name: Option<&str>,
    audience: Option<Audience>,
) -> (Vec<(PathBuf, Settings)>, bool) {
    let mut out = Vec::with_capacity(files.len());
    // Each mistake once, in the order found.
    let mut mistakes: Vec<ConfigError> = Vec::new();
    for file in files {
        let lookup = if file.as_os_str() == "-" {
            Path::new(stdin_name.unwrap_or("-"))
        } else {
            &file
        };
        match resolver.settings_for(lookup) {
            Ok((mut settings, _)) => {
                if let Some(audience) = audience {
                    settings.audience = audience;
                }
                out.push((file, settings));
            }
            Err(e) => {
                if !mistakes.contains(&e) {
                    mistakes.push(e);
                }
            }
        }
    }
    for e in &mistakes {
        eprintln!("error: {e}");
        eprintln!(
            "error: no file that uses {} was checked. Fix the mistake and run plainly again.",
            e.path.display()
        );
    }
    (out, !mistakes.is_empty())
}
