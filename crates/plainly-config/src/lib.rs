//! Reads `plainly.toml`: finds it, checks every key, and turns it into
//! [`plainly_core::Settings`] for each file.
//!
//! The command line and the language server both use this crate, so a file
//! means the same in the terminal and in the editor.
//!
//! - [`find`] walks up from a folder to the nearest `plainly.toml` (or
//!   `.plainly.toml`). The nearest file is used alone: settings files in
//!   folders above it are not merged in.
//! - [`Config::load`] reads and checks one file. Every mistake (an unknown
//!   key, a value of the wrong kind, text that is not TOML) is a
//!   [`ConfigError`] naming the line and column, with a likely fix.
//! - [`Config::settings_for`] gives the settings for one file: the top of the
//!   file, then each `[[overrides]]` section whose `files` match, in order.
//! - [`Resolver`] does this for many files at once, reading each settings
//!   file once however many documents share it.
//!
//! The keys are described once, in `keys.rs`; the checks, the JSON Schema
//! ([`json_schema`]) and the starter file's test all read that table.
//!
//! ```
//! use std::path::Path;
//! let text = r#"
//! audience = "easy-read"
//! [rules.long-sentence]
//! max-words = 12
//! "#;
//! let config = plainly_config::Config::parse(text, Path::new("plainly.toml")).unwrap();
//! let settings = config.settings_for(Path::new("letter.md"));
//! assert_eq!(settings.audience, plainly_core::Audience::EasyRead);
//! assert_eq!(settings.thresholds().max_sentence_words, 12);
//!
//! let err = plainly_config::Config::parse("audiance = \"public\"", Path::new("plainly.toml"))
//!     .unwrap_err();
//! assert!(err.to_string().starts_with(
//!     "plainly.toml:1:1: there is no setting called \"audiance\". Did you mean \"audience\"?"
//! ));
//! ```

mod error;
mod globs;
mod keys;
mod parse;
mod resolve;
mod schema;

use std::path::{Component, Path, PathBuf};

use plainly_core::{Limits, Settings};

pub use error::ConfigError;
pub use globs::DEFAULT_EXCLUDE;
pub use resolve::{Resolver, Source};
pub use schema::{json_schema, SCHEMA_URL};

/// The names a settings file may have, in the order they are looked for.
/// When a folder has both, `plainly.toml` is used.
pub const FILE_NAMES: [&str; 2] = ["plainly.toml", ".plainly.toml"];

/// The settings file that applies in `start_dir`: the first of
/// [`FILE_NAMES`] found there or in a folder above it, up to the root.
///
/// A relative `start_dir` is taken from the current folder, so the walk
/// goes above it; the path returned is then absolute.
pub fn find(start_dir: &Path) -> Option<PathBuf> {
    let start = absolute(start_dir);
    start.ancestors().find_map(|dir| {
        FILE_NAMES
            .iter()
            .map(|name| dir.join(name))
            .find(|p| p.is_file())
    })
}

/// The commented starter file that `plainly init` writes. Every setting is
/// shown, with what it does; the ones not commented out are at their
/// defaults, so the file changes nothing until it is edited.
pub fn starter() -> &'static str {
    include_str!("starter.toml")
}

/// A checked settings file.
#[derive(Debug)]
pub struct Config {
    path: PathBuf,
    root: PathBuf,
    parsed: parse::Parsed,
}

impl Config {
    /// Reads and checks the settings file at `path`.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let bytes = match std::fs::metadata(path) {
            Ok(m) if m.is_dir() => {
                return Err(ConfigError::file(
                    path,
                    "this is a folder, not a settings file. Name the file, like plainly.toml.",
                ))
            }
            _ => std::fs::read(path).map_err(|e| read_error(path, &e))?,
        };
        let text = String::from_utf8(bytes).map_err(|_| {
            ConfigError::file(
                path,
                "this is not UTF-8 text. Save the file as UTF-8 and try again.",
            )
        })?;
        Config::parse(&text, path)
    }

    /// Checks settings given as text. `path` names the file in messages,
    /// and patterns in it are relative to its folder.
    pub fn parse(text: &str, path: &Path) -> Result<Config, ConfigError> {
        let parsed = parse::parse(text, path)?;
        let root = absolute(path.parent().unwrap_or(Path::new("")));
        Ok(Config {
            path: path.to_owned(),
            root,
            parsed,
        })
    }

    /// The settings file's path, as it was named or found.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The folder holding the settings file (absolute): patterns in it are
    /// relative to this folder.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The settings for `file`: the top of the settings file, then each
    /// `[[overrides]]` section that matches it, in order. A later section
    /// wins over an earlier one; `extend-*` lists add up.
    pub fn settings_for(&self, file: &Path) -> Settings {
        let relative = self.relative(file);
        let mut settings = Settings::default();
        apply(&self.parsed.base, &mut settings);
        for (files, layer) in &self.parsed.overrides {
            if files.covers(&relative) {
                apply(layer, &mut settings);
            }
        }
        settings
    }

    /// Whether `exclude` and `extend-exclude` cover `file`: it, or a folder
    /// it is in below the settings file's folder, matches a pattern.
    pub fn is_excluded(&self, file: &Path) -> bool {
        self.parsed.exclude.covers(&self.relative(file))
    }

    /// Whether `path` (a file or folder) itself matches `exclude` or
    /// `extend-exclude`, without looking at the folders it is in. For
    /// walking a tree, where an excluded folder is skipped whole.
    pub fn excludes(&self, path: &Path) -> bool {
        self.parsed.exclude.matches(&self.relative(path))
    }

    /// `file` relative to the settings file's folder. A file outside that
    /// folder is matched by its name alone.
    fn relative(&self, file: &Path) -> PathBuf {
        let file = absolute(file);
        match file.strip_prefix(&self.root) {
            Ok(relative) => relative.to_owned(),
            Err(_) => file.file_name().map(PathBuf::from).unwrap_or_default(),
        }
    }
}

/// Applies one layer of settings over `settings`.
fn apply(layer: &parse::Layer, settings: &mut Settings) {
    if let Some(audience) = layer.audience {
        settings.audience = audience;
    }
    for (name, rule) in &layer.rules {
        match rule.enabled {
            Some(false) if settings.enabled(name) => settings.disabled.push(name.clone()),
            Some(true) => settings.disabled.retain(|d| d != name),
            _ => {}
        }
        if let Some(severity) = rule.severity {
            settings.severity.insert(name.clone(), severity);
        }
        merge_limits(&mut settings.limits, &rule.limits);
    }
    let words = &mut settings.words;
    words.jargon.extend(layer.words.jargon.iter().cloned());
    words
        .complex_words
        .extend(layer.words.complex_words.iter().cloned());
    words
        .abbreviations
        .extend(layer.words.abbreviations.iter().cloned());
    words.allowed.extend(layer.words.allowed.iter().cloned());
}

/// Copies the limits `from` sets into `into`.
fn merge_limits(into: &mut Limits, from: &Limits) {
    // Destructured so a new limit cannot be forgotten here.
    let Limits {
        max_sentence_words,
        max_paragraph_sentences,
        max_reading_age,
        hard_sentence_age,
        well_known_abbreviations_pass,
        explain_terms_pass,
        min_word_frequency,
    } = *from;
    fn set<T>(into: &mut Option<T>, from: Option<T>) {
        if from.is_some() {
            *into = from;
        }
    }
    set(&mut into.max_sentence_words, max_sentence_words);
    set(&mut into.max_paragraph_sentences, max_paragraph_sentences);
    set(&mut into.max_reading_age, max_reading_age);
    set(&mut into.hard_sentence_age, hard_sentence_age);
    set(
        &mut into.well_known_abbreviations_pass,
        well_known_abbreviations_pass,
    );
    set(&mut into.explain_terms_pass, explain_terms_pass);
    set(&mut into.min_word_frequency, min_word_frequency);
}

fn read_error(path: &Path, e: &std::io::Error) -> ConfigError {
    use std::io::ErrorKind;
    let message = match e.kind() {
        ErrorKind::NotFound => "there is no such file. Check the name and the folder.".to_owned(),
        ErrorKind::PermissionDenied => {
            "you do not have permission to read this file. Check its permissions.".to_owned()
        }
        _ => format!("could not read the file ({e})."),
    };
    ConfigError::file(path, message)
}

/// `path` made absolute from the current folder, with `.` and `..` worked
/// out by name (symbolic links are not followed, so this never touches the
/// disk).
pub(crate) fn absolute(path: &Path) -> PathBuf {
    let joined = if path.is_absolute() {
        path.to_owned()
    } else {
        match std::env::current_dir() {
            Ok(cwd) => cwd.join(path),
            Err(_) => path.to_owned(),
        }
    };
    let mut out = PathBuf::new();
    for c in joined.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    out.push(c);
                }
            }
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests;
