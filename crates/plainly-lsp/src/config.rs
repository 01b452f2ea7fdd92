//! Settings: `plainly.toml` found from the document's folder, then the
//! editor's own settings on top.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::SystemTime;

use plainly_config::Config;
use plainly_core::{Audience, Settings, Severity};
use serde_json::Value;

/// The names a settings file may have, in the order they are looked for.
pub const CONFIG_NAMES: [&str; 2] = plainly_config::FILE_NAMES;

/// Whether `path` names a plainly configuration file.
pub fn is_config_file(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| CONFIG_NAMES.contains(&n))
}

/// Settings from configuration files, as `plainly check` reads them.
///
/// Which file applies is looked up each time (a few `stat` calls), so a
/// `plainly.toml` made after start-up is found. Each file is parsed once
/// and parsed again when its modification time changes, so edits count
/// even in editors that do not report file changes.
#[derive(Debug, Default)]
pub struct Configs {
    /// Each configuration file, loaded (or the error to show), with the
    /// modification time it had when read.
    loaded: HashMap<PathBuf, (Option<SystemTime>, Loaded)>,
}

/// A configuration file, read and checked, or why it cannot be used.
type Loaded = Result<Arc<Config>, String>;

/// What the configuration says about one document.
#[derive(Debug)]
pub struct ForFile {
    /// Its settings (the defaults when there is no usable file).
    pub settings: Settings,
    /// Why the configuration file could not be used, to show the user.
    pub error: Option<String>,
    /// Whether `exclude` or `extend-exclude` covers the document.
    pub excluded: bool,
}

impl Configs {
    /// Forgets everything read, so files are read again.
    pub fn reload(&mut self) {
        self.loaded.clear();
    }

    /// The configuration file that applies to `file`.
    pub fn file_for(&mut self, file: &Path) -> Option<PathBuf> {
        plainly_config::find(file.parent()?)
    }

    /// Settings for `file` (a document's path; `None` for documents that
    /// are not files, which get the defaults).
    pub fn settings_for(&mut self, file: Option<&Path>) -> ForFile {
        let defaults = |error| ForFile {
            settings: Settings::default(),
            error,
            excluded: false,
        };
        let Some(file) = file else {
            return defaults(None);
        };
        let Some(config_path) = self.file_for(file) else {
            return defaults(None);
        };
        let modified = std::fs::metadata(&config_path)
            .and_then(|m| m.modified())
            .ok();
        let fresh = self
            .loaded
            .get(&config_path)
            .is_some_and(|(when, _)| *when == modified && modified.is_some());
        if !fresh {
            let loaded = Config::load(&config_path)
                .map(Arc::new)
                .map_err(|e| e.to_string());
            self.loaded.insert(config_path.clone(), (modified, loaded));
        }
        let Some((_, loaded)) = self.loaded.get(&config_path) else {
            return defaults(None);
        };
        match loaded {
            Ok(config) => ForFile {
                settings: config.settings_for(file),
                error: None,
                excluded: config.is_excluded(file),
            },
            Err(e) => defaults(Some(e.clone())),
        }
    }
}

/// What a rule switch in the editor's settings asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RuleSwitch {
    /// Run the rule, even if the configuration file turns it off.
    On,
    /// Do not run it.
    Off,
    /// Run it at this severity.
    Severity(Severity),
}

/// Settings from the editor: `initializationOptions` and
/// `workspace/didChangeConfiguration`. They apply over `plainly.toml`.
///
/// ```json
/// {"audience": "easy-read", "rules": {"passive-voice": false, "jargon": "error"}}
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EditorSettings {
    /// The audience, when the editor sets one.
    pub audience: Option<Audience>,
    /// Rules switched on, off, or to another severity.
    pub rules: Vec<(String, RuleSwitch)>,
}

impl EditorSettings {
    /// Reads the editor's settings, either bare or under a `plainly` key.
    /// Returns the settings and a warning for each value not understood.
    pub fn from_json(value: &Value) -> (EditorSettings, Vec<String>) {
        let mut out = EditorSettings::default();
        let mut warnings = Vec::new();
        let value = value.get("plainly").unwrap_or(value);
        let Some(obj) = value.as_object() else {
            return (out, warnings);
        };
        match obj.get("audience") {
            None | Some(Value::Null) => {}
            Some(Value::String(s)) if Audience::from_name(s).is_some() => {
                out.audience = Audience::from_name(s);
            }
            Some(other) => warnings.push(format!(
                "plainly: the audience {other} is not known. Use \"public\", \"easy-read\" or \"professional\"."
            )),
        }
        if let Some(rules) = obj.get("rules").and_then(Value::as_object) {
            for (name, v) in rules {
                if plainly_core::rules::rule(name).is_none() {
                    warnings.push(format!(
                        "plainly: there is no rule called \"{name}\". Run `plainly rules` to see the names."
                    ));
                    continue;
                }
                let switch = match v {
                    Value::Bool(true) => Some(RuleSwitch::On),
                    Value::Bool(false) => Some(RuleSwitch::Off),
                    Value::String(s) => match s.as_str() {
                        "on" => Some(RuleSwitch::On),
                        "off" => Some(RuleSwitch::Off),
                        "info" => Some(RuleSwitch::Severity(Severity::Info)),
                        "warning" => Some(RuleSwitch::Severity(Severity::Warning)),
                        "error" => Some(RuleSwitch::Severity(Severity::Error)),
                        _ => None,
                    },
                    _ => None,
                };
                match switch {
                    Some(s) => out.rules.push((name.clone(), s)),
                    None => warnings.push(format!(
                        "plainly: the setting for rule \"{name}\" should be true, false, \"info\", \"warning\" or \"error\"."
                    )),
                }
            }
        }
        if let Some(disabled) = obj.get("disable").and_then(Value::as_array) {
            for name in disabled.iter().filter_map(Value::as_str) {
                out.rules.push((name.to_owned(), RuleSwitch::Off));
            }
        }
        (out, warnings)
    }

    /// Applies these settings over `settings`.
    pub fn apply(&self, settings: &mut Settings) {
        if let Some(a) = self.audience {
            settings.audience = a;
        }
        for (name, switch) in &self.rules {
            match switch {
                RuleSwitch::On => settings.disabled.retain(|d| d != name),
                RuleSwitch::Off => {
                    if settings.enabled(name) {
                        settings.disabled.push(name.clone());
                    }
                }
                RuleSwitch::Severity(s) => {
                    settings.disabled.retain(|d| d != name);
                    settings.severity.insert(name.clone(), *s);
                }
            }
        }
    }
}

/// `plainly.toml`'s text with `word` added to `extend-allowed`, keeping
/// the rest of the file as written. `None` when the word is already there.
/// An error when the file is not valid TOML.
pub fn allow_word(toml_text: &str, word: &str) -> Result<Option<String>, String> {
    let mut doc: toml_edit::DocumentMut = toml_text
        .parse()
        .map_err(|e: toml_edit::TomlError| e.message().to_owned())?;
    let entry = doc
        .entry("extend-allowed")
        .or_insert_with(|| toml_edit::value(toml_edit::Array::new()));
    let Some(array) = entry.as_array_mut() else {
        return Err("extend-allowed is not a list of words".into());
    };
    let lower = word.to_lowercase();
    if array
        .iter()
        .any(|v| v.as_str().is_some_and(|s| s.to_lowercase() == lower))
    {
        return Ok(None);
    }
    array.push(word);
    Ok(Some(doc.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn editor_settings_switch_rules_and_audience() {
        let (e, warnings) = EditorSettings::from_json(&serde_json::json!({
            "plainly": {"audience": "easy-read", "rules": {"passive-voice": false, "jargon": "error", "nope": true}}
        }));
        assert_eq!(warnings.len(), 1);
        assert!(warnings[0].contains("nope"));
        let mut s = Settings::default();
        e.apply(&mut s);
        assert_eq!(s.audience, Audience::EasyRead);
        assert!(!s.enabled("passive-voice"));
        assert_eq!(s.severity.get("jargon"), Some(&Severity::Error));
    }

    #[test]
    fn allowing_a_word_keeps_comments_and_layout() {
        let text = "# Our words\naudience = \"public\" # who reads it\n";
        let out = allow_word(text, "reablement").unwrap().unwrap();
        assert!(out.starts_with("# Our words\naudience = \"public\" # who reads it\n"));
        assert!(out.contains("extend-allowed = [\"reablement\"]"));
        let again = allow_word(&out, "Reablement").unwrap();
        assert_eq!(again, None);
        let more = allow_word(&out, "CQC").unwrap().unwrap();
        assert!(more.contains("extend-allowed = [\"reablement\", \"CQC\"]"));
        assert!(allow_word("extend-allowed = 3", "x").is_err());
        assert!(allow_word("= broken", "x").is_err());
        assert_eq!(
            allow_word("", "x").unwrap().unwrap(),
            "extend-allowed = [\"x\"]\n"
        );
    }
}
