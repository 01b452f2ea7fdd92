//! Settings for many files: which settings file applies to each, read once.

use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

use plainly_core::Settings;

use crate::globs::Patterns;
use crate::{absolute, Config, ConfigError};

/// Where settings come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// The nearest `plainly.toml` or `.plainly.toml` above each file.
    Discover,
    /// This one file, for every document (`--config PATH`).
    File(PathBuf),
    /// No settings file at all (`--no-config`): built-in settings only.
    None,
}

/// Finds and reads the settings for each file, reading each settings file
/// once however many documents use it. Safe to share between threads.
///
/// ```
/// use std::path::Path;
/// let resolver = plainly_config::Resolver::new(plainly_config::Source::None).unwrap();
/// let (settings, config) = resolver.settings_for(Path::new("letter.md")).unwrap();
/// assert_eq!(settings, plainly_core::Settings::default());
/// assert!(config.is_none());
/// ```
#[derive(Debug)]
pub struct Resolver {
    mode: Mode,
    /// The current folder, for naming found files in messages.
    cwd: Option<PathBuf>,
    default_exclude: Patterns,
    cache: Mutex<Cache>,
}

#[derive(Debug)]
enum Mode {
    Discover,
    File(Arc<Config>),
    None,
}

#[derive(Debug, Default)]
struct Cache {
    /// Folder to the settings file found from it.
    dirs: HashMap<PathBuf, Option<PathBuf>>,
    /// Settings file to its contents, or the mistake in it.
    configs: HashMap<PathBuf, Result<Arc<Config>, ConfigError>>,
}

impl Resolver {
    /// A resolver for `source`. A named settings file ([`Source::File`]) is
    /// read now, so a mistake in it is reported before anything is checked.
    pub fn new(source: Source) -> Result<Resolver, ConfigError> {
        let mode = match source {
            Source::Discover => Mode::Discover,
            Source::None => Mode::None,
            Source::File(path) => Mode::File(Arc::new(Config::load(&path).map_err(|mut e| {
                if e.line.is_none() && e.message.starts_with("there is no such file") {
                    e.message =
                        "there is no such file. Check the path given to --config.".to_owned();
                }
                e
            })?)),
        };
        Ok(Resolver {
            mode,
            cwd: std::env::current_dir().ok(),
            default_exclude: Patterns::default_exclude(),
            cache: Mutex::default(),
        })
    }

    /// The settings file that applies to `file`, if any.
    pub fn config_for(&self, file: &Path) -> Result<Option<Arc<Config>>, ConfigError> {
        let file = absolute(file);
        let dir = file.parent().unwrap_or(&file);
        self.config_in(dir)
    }

    /// The settings for `file`, and the settings file they came from.
    /// Standard input has no path: pass the name it was given
    /// (`--stdin-filename`), or any name in the current folder.
    pub fn settings_for(
        &self,
        file: &Path,
    ) -> Result<(Settings, Option<Arc<Config>>), ConfigError> {
        let config = self.config_for(file)?;
        let settings = match &config {
            Some(c) => c.settings_for(file),
            None => Settings::default(),
        };
        Ok((settings, config))
    }

    /// Whether `path`, found while searching a folder, is left out: it
    /// matches the `exclude` patterns of the settings file that applies
    /// where it sits (or the built-in list, [`crate::DEFAULT_EXCLUDE`], when
    /// there is none). Only the path itself is tested: a folder that
    /// matches should be skipped whole.
    pub fn excludes(&self, path: &Path) -> Result<bool, ConfigError> {
        match self.config_for(path)? {
            Some(config) => Ok(config.excludes(path)),
            None => Ok(path
                .file_name()
                .is_some_and(|name| self.default_exclude.matches(Path::new(name)))),
        }
    }

    /// Forgets every settings file read so far, so the next look-up reads
    /// them again: for a long-running program, such as the language
    /// server, when a settings file changes. A file named with
    /// [`Source::File`] is kept; make a new resolver to read it again.
    pub fn clear_cache(&self) {
        let mut cache = self.cache.lock().unwrap_or_else(PoisonError::into_inner);
        *cache = Cache::default();
    }

    fn config_in(&self, dir: &Path) -> Result<Option<Arc<Config>>, ConfigError> {
        let found = match &self.mode {
            Mode::None => return Ok(None),
            Mode::File(config) => return Ok(Some(Arc::clone(config))),
            Mode::Discover => {
                let mut cache = self.cache.lock().unwrap_or_else(PoisonError::into_inner);
                cache
                    .dirs
                    .entry(dir.to_owned())
                    .or_insert_with(|| crate::find(dir))
                    .clone()
            }
        };
        let Some(found) = found else {
            return Ok(None);
        };
        // Reading under the lock means a file shared by many documents
        // checked in parallel is still read once.
        let mut cache = self.cache.lock().unwrap_or_else(PoisonError::into_inner);
        cache
            .configs
            .entry(found.clone())
            .or_insert_with(|| Config::load(&self.display(&found)).map(Arc::new))
            .clone()
            .map(Some)
    }

    /// How to name `path` in messages: relative to the current folder
    /// when that is short, otherwise as it is.
    fn display(&self, path: &Path) -> PathBuf {
        let Some(cwd) = &self.cwd else {
            return path.to_owned();
        };
        relative_to(path, cwd).unwrap_or_else(|| path.to_owned())
    }
}

/// `path` relative to `base` (both absolute), going up with `..` where
/// needed; `None` when they share only the root.
fn relative_to(path: &Path, base: &Path) -> Option<PathBuf> {
    let path: Vec<Component> = path.components().collect();
    let base: Vec<Component> = base.components().collect();
    let common = path.iter().zip(&base).take_while(|(a, b)| a == b).count();
    // Sharing only the root (or a drive) is not worth a trail of `..`.
    let shared_names = path[..common]
        .iter()
        .filter(|c| matches!(c, Component::Normal(_)))
        .count();
    if shared_names == 0 {
        return None;
    }
    let mut out = PathBuf::new();
    for _ in common..base.len() {
        out.push("..");
    }
    for c in &path[common..] {
        out.push(c);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_paths_go_up_only_while_they_share_a_folder() {
        let p = |s: &str| PathBuf::from(s);
        assert_eq!(
            relative_to(&p("/home/a/plainly.toml"), &p("/home/a")),
            Some(p("plainly.toml"))
        );
        assert_eq!(
            relative_to(&p("/home/a/plainly.toml"), &p("/home/a/docs/x")),
            Some(p("../../plainly.toml"))
        );
        assert_eq!(relative_to(&p("/etc/plainly.toml"), &p("/home/a")), None);
    }
}
