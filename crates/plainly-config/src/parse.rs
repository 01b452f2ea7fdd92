//! From TOML text to checked settings, with a message naming the line and
//! column of the first mistake.
//!
//! The file is parsed with `toml_edit`, which keeps the place of every key
//! and value, then walked by hand against the key tables in `keys.rs`. A
//! serde derive would be shorter, but its messages ("unknown field
//! `max-word`, expected one of ...") are not the plain English the tool asks
//! of its users' writing.

use std::ops::Range;
use std::path::Path;

use plainly_core::{Audience, CustomAbbreviation, CustomTerm, CustomWords, Limits, Severity};
use toml_edit::{Item, Key, TableLike};

use crate::error::ConfigError;
use crate::globs::{Patterns, DEFAULT_EXCLUDE};
use crate::keys;

/// Settings that apply to a set of files: the whole file's, or one
/// `[[overrides]]` section's.
#[derive(Debug, Clone, Default)]
pub(crate) struct Layer {
    pub audience: Option<Audience>,
    pub rules: Vec<(String, RuleLayer)>,
    pub words: CustomWords,
}

/// One `[rules.NAME]` table.
#[derive(Debug, Clone, Default)]
pub(crate) struct RuleLayer {
    pub enabled: Option<bool>,
    pub severity: Option<Severity>,
    pub limits: Limits,
}

/// A settings file, checked.
#[derive(Debug)]
pub(crate) struct Parsed {
    pub base: Layer,
    pub exclude: Patterns,
    pub overrides: Vec<(Patterns, Layer)>,
}

const SEVERITIES: [(&str, Severity); 3] = [
    ("error", Severity::Error),
    ("warning", Severity::Warning),
    ("info", Severity::Info),
];

/// Where a value sits in the file, when known.
type Span = Option<Range<usize>>;

/// Where in the file a table sits, for messages.
#[derive(Clone, Copy)]
enum Place {
    Top,
    Override,
}

pub(crate) fn parse(text: &str, path: &Path) -> Result<Parsed, ConfigError> {
    let doc = toml_edit::Document::parse(text).map_err(|e| syntax_error(text, path, &e))?;
    let p = Parser { text, path };
    let root = doc.as_table();
    let mut base = Layer::default();
    let mut exclude: Option<Vec<String>> = None;
    let mut extend_exclude = Vec::new();
    let mut overrides = Vec::new();
    for (key, item) in entries(root) {
        match key.get() {
            "exclude" => exclude = Some(p.globs(key.get(), item)?),
            "extend-exclude" => extend_exclude = p.globs(key.get(), item)?,
            "overrides" => overrides = p.overrides(item)?,
            name => {
                if !p.layer_key(&mut base, key, item, Place::Top)? {
                    return Err(p.unknown_top_key(key, name));
                }
            }
        }
    }
    let mut all =
        exclude.unwrap_or_else(|| DEFAULT_EXCLUDE.iter().map(|s| s.to_string()).collect());
    all.extend(extend_exclude);
    let exclude = Patterns::new(all.iter().map(String::as_str)).map_err(|e| {
        ConfigError::file(
            path,
            format!(
                "the pattern \"{}\" in exclude cannot be used: {}.",
                all.get(e.index).map_or("", String::as_str),
                e.reason
            ),
        )
    })?;
    Ok(Parsed {
        base,
        exclude,
        overrides,
    })
}

struct Parser<'a> {
    text: &'a str,
    path: &'a Path,
}

impl Parser<'_> {
    fn error(&self, span: Option<Range<usize>>, message: impl Into<String>) -> ConfigError {
        match span {
            Some(span) => ConfigError::at(self.path, self.text, span.start, message),
            None => ConfigError::file(self.path, message),
        }
    }

    /// Reads a key that the top of the file and `[[overrides]]` share.
    /// Returns false when `key` is not one of them.
    fn layer_key(
        &self,
        layer: &mut Layer,
        key: &Key,
        item: &Item,
        place: Place,
    ) -> Result<bool, ConfigError> {
        let name = key.get();
        match name {
            "audience" => layer.audience = Some(self.audience(item)?),
            "extend-allowed" => layer.words.allowed.extend(self.words(name, item)?),
            "extend-jargon" => layer.words.jargon.extend(self.terms(name, item, true)?),
            "extend-complex-words" => layer
                .words
                .complex_words
                .extend(self.terms(name, item, false)?),
            "extend-abbreviations" => layer.words.abbreviations.extend(self.abbreviations(item)?),
            "rules" => self.rules(layer, item, place)?,
            _ => return Ok(false),
        }
        Ok(true)
    }

    fn unknown_top_key(&self, key: &Key, name: &str) -> ConfigError {
        let mut help = String::new();
        if plainly_core::rules::rule(name).is_some() {
            help = format!("Rule settings go under [rules.{name}]. ");
        } else if let Some(t) = keys::THRESHOLDS.iter().find(|t| t.key.name == name) {
            help = format!("{name} goes under [rules.{}]. ", t.rule);
        } else if let Some(near) = keys::nearest(name, keys::TOP.iter().map(|k| k.name)) {
            help = format!("Did you mean \"{near}\"? ");
        }
        help.push_str(&format!("The settings are: {}.", keys::names(keys::TOP)));
        self.error(
            key.span(),
            format!("there is no setting called \"{name}\"."),
        )
        .help(help)
    }

    fn audience(&self, item: &Item) -> Result<Audience, ConfigError> {
        let names: Vec<&str> = Audience::ALL.iter().map(|a| a.name()).collect();
        let Some(value) = item.as_str() else {
            return Err(self.error(
                item.span(),
                "audience must be in quotes: \"public\", \"easy-read\" or \"professional\".",
            ));
        };
        Audience::from_name(value).ok_or_else(|| {
            self.error(item.span(), format!("\"{value}\" is not an audience."))
                .help(did_you_mean(value, &names, "The audiences are"))
        })
    }

    fn severity(&self, item: &Item) -> Result<Severity, ConfigError> {
        let names: Vec<&str> = SEVERITIES.iter().map(|s| s.0).collect();
        let Some(value) = item.as_str() else {
            return Err(self.error(
                item.span(),
                "severity must be in quotes: \"error\", \"warning\" or \"info\".",
            ));
        };
        SEVERITIES
            .iter()
            .find(|s| s.0 == value)
            .map(|s| s.1)
            .ok_or_else(|| {
                self.error(item.span(), format!("\"{value}\" is not a severity."))
                    .help(did_you_mean(value, &names, "The severities are"))
            })
    }

    fn bool(&self, name: &str, item: &Item) -> Result<bool, ConfigError> {
        item.as_bool().ok_or_else(|| {
            let e = self.error(item.span(), format!("{name} must be true or false."));
            match item.as_str() {
                Some(s @ ("true" | "false")) => e.help(format!("Remove the quotes: {name} = {s}.")),
                _ => e,
            }
        })
    }

    fn count(&self, name: &str, item: &Item, example: &str) -> Result<usize, ConfigError> {
        let Some(n) = item.as_integer() else {
            let e = self.error(
                item.span(),
                format!("{name} must be a whole number, like {example}."),
            );
            return Err(match item.as_str().map(str::trim) {
                Some(s) if s.parse::<u32>().is_ok() => {
                    e.help(format!("Remove the quotes: {name} = {s}."))
                }
                _ => e,
            });
        };
        usize::try_from(n)
            .ok()
            .filter(|n| *n >= 1)
            .ok_or_else(|| self.error(item.span(), format!("{name} must be 1 or more.")))
    }

    fn age(&self, name: &str, item: &Item, example: &str) -> Result<f64, ConfigError> {
        let n = match (item.as_integer(), item.as_float()) {
            (Some(i), _) => i as f64,
            (None, Some(f)) => f,
            _ => {
                let e = self.error(
                    item.span(),
                    format!("{name} must be a number, like {example}."),
                );
                return Err(match item.as_str().map(str::trim) {
                    Some(s) if s.parse::<f64>().is_ok() => {
                        e.help(format!("Remove the quotes: {name} = {s}."))
                    }
                    _ => e,
                });
            }
        };
        if n.is_finite() && n > 0.0 {
            Ok(n)
        } else {
            Err(self.error(item.span(), format!("{name} must be more than 0.")))
        }
    }

    /// A word frequency on the Zipf scale, within the range the word table
    /// can tell apart.
    fn frequency(&self, name: &str, item: &Item, example: &str) -> Result<f64, ConfigError> {
        let n = self.age(name, item, example)?;
        let (low, high) = plainly_core::Thresholds::WORD_FREQUENCY_RANGE;
        if (low..=high).contains(&n) {
            Ok(n)
        } else {
            Err(self.error(
                item.span(),
                format!("{name} must be from {low} to {high}, like {example}."),
            ))
        }
    }

    /// A list of strings. `what` and `example` describe one entry.
    fn strings(
        &self,
        name: &str,
        item: &Item,
        what: &str,
        example: &str,
    ) -> Result<Vec<(String, Span)>, ConfigError> {
        let Some(array) = item.as_array() else {
            let e = self.error(
                item.span(),
                format!("{name} must be a list of {what} in quotes, like [{example}]."),
            );
            return Err(match item.as_str() {
                Some(s) => e.help(format!("Put it in square brackets: {name} = [\"{s}\"].")),
                None => e,
            });
        };
        let mut out = Vec::with_capacity(array.len());
        for value in array.iter() {
            let Some(s) = value.as_str() else {
                return Err(self.error(
                    value.span(),
                    format!("each entry in {name} must be in quotes, like {example}."),
                ));
            };
            if s.trim().is_empty() {
                return Err(self.error(
                    value.span(),
                    format!("{name} has an empty entry. Remove it."),
                ));
            }
            out.push((s.to_owned(), value.span()));
        }
        Ok(out)
    }

    fn words(&self, name: &str, item: &Item) -> Result<Vec<String>, ConfigError> {
        Ok(self
            .strings(name, item, "words", "\"care package\", \"CQC\"")?
            .into_iter()
            .map(|(s, _)| s.trim().to_owned())
            .collect())
    }

    fn globs(&self, name: &str, item: &Item) -> Result<Vec<String>, ConfigError> {
        let patterns = self.strings(name, item, "file patterns", "\"drafts/**\"")?;
        for (pattern, span) in &patterns {
            if let Err(e) = Patterns::new([pattern.as_str()]) {
                return Err(self
                    .error(
                        span.clone(),
                        format!("\"{pattern}\" is not a file pattern plainly can use: {}.", e.reason),
                    )
                    .help(
                        "In a pattern, * stands for any name, ** for any number of folders, and ? for one character.",
                    ));
            }
        }
        Ok(patterns.into_iter().map(|(s, _)| s).collect())
    }

    /// `[extend-jargon]` or `[extend-complex-words]`: each term with plainer
    /// words, or (jargon only) `{ explain = "..." }`.
    fn terms(&self, name: &str, item: &Item, jargon: bool) -> Result<Vec<CustomTerm>, ConfigError> {
        let (example_term, example_plain) = if jargon {
            ("\"wellness pod\"", "\"drop-in room\"")
        } else {
            ("\"ameliorate\"", "\"improve\"")
        };
        let table = item.as_table_like().ok_or_else(|| {
            self.error(
                item.span(),
                format!(
                    "{name} must be a table: a line [{name}], then lines such as {example_term} = {example_plain}."
                ),
            )
        })?;
        let mut out = Vec::new();
        for (key, value) in entries(table) {
            let term = self.term_name(name, key)?;
            let shape = if jargon {
                format!("plainer words in quotes, like {example_plain}, or {{ explain = \"what it means\" }}")
            } else {
                format!("plainer words in quotes, like {example_plain}")
            };
            if let Some(plain) = value.as_str() {
                let plain: Vec<String> = plain
                    .split(';')
                    .map(str::trim)
                    .filter(|p| !p.is_empty())
                    .map(str::to_owned)
                    .collect();
                if plain.is_empty() {
                    return Err(self
                        .error(
                            value.span(),
                            format!("\"{term}\" in {name} has no plainer words."),
                        )
                        .help(format!("Write {shape}.")));
                }
                out.push(CustomTerm {
                    term,
                    plain,
                    explain: false,
                });
            } else if let (true, Some(fields)) = (jargon, value.as_table_like()) {
                out.push(self.explained_term(name, term, key, value, fields)?);
            } else {
                return Err(self.error(
                    value.span(),
                    format!("\"{term}\" in {name} must be {shape}."),
                ));
            }
        }
        Ok(out)
    }

    fn explained_term(
        &self,
        name: &str,
        term: String,
        key: &Key,
        value: &Item,
        fields: &dyn TableLike,
    ) -> Result<CustomTerm, ConfigError> {
        let mut explanation = None;
        for (k, v) in entries(fields) {
            if k.get() != "explain" {
                let mut help = String::new();
                if let Some(near) = keys::nearest(k.get(), ["explain"]) {
                    help = format!("Did you mean \"{near}\"? ");
                }
                help.push_str("The only setting a term takes is explain.");
                return Err(self
                    .error(
                        k.span(),
                        format!(
                            "\"{term}\" in {name} has no setting called \"{}\".",
                            k.get()
                        ),
                    )
                    .help(help));
            }
            match v.as_str().map(str::trim) {
                Some(s) if !s.is_empty() => explanation = Some(s.to_owned()),
                _ => {
                    return Err(self.error(
                        v.span(),
                        format!(
                            "explain for \"{term}\" must be what it means, in quotes, like \"short-term help at home\"."
                        ),
                    ))
                }
            }
        }
        let Some(explanation) = explanation else {
            return Err(self.error(
                value.span().or_else(|| key.span()),
                format!("\"{term}\" in {name} needs explain = \"what it means\"."),
            ));
        };
        Ok(CustomTerm {
            term,
            plain: vec![explanation],
            explain: true,
        })
    }

    fn term_name(&self, name: &str, key: &Key) -> Result<String, ConfigError> {
        let term = key.get().trim();
        if term.is_empty() {
            return Err(self
                .error(key.span(), format!("{name} has an empty term."))
                .help("Write the word or phrase in quotes before the =."));
        }
        Ok(term.to_owned())
    }

    fn abbreviations(&self, item: &Item) -> Result<Vec<CustomAbbreviation>, ConfigError> {
        let name = "extend-abbreviations";
        let table = item.as_table_like().ok_or_else(|| {
            self.error(
                item.span(),
                format!(
                    "{name} must be a table: a line [{name}], then lines such as LDT = \"learning disability team\"."
                ),
            )
        })?;
        let mut out = Vec::new();
        for (key, value) in entries(table) {
            let abbreviation = self.term_name(name, key)?;
            match value.as_str().map(str::trim) {
                Some(expansion) if !expansion.is_empty() => out.push(CustomAbbreviation {
                    abbreviation,
                    expansion: expansion.to_owned(),
                }),
                _ => {
                    return Err(self.error(
                        value.span(),
                        format!(
                            "\"{abbreviation}\" in {name} must be what it stands for, in quotes, like \"learning disability team\"."
                        ),
                    ))
                }
            }
        }
        Ok(out)
    }

    fn rules(&self, layer: &mut Layer, item: &Item, place: Place) -> Result<(), ConfigError> {
        let prefix = match place {
            Place::Top => "rules",
            Place::Override => "overrides.rules",
        };
        let table = item.as_table_like().ok_or_else(|| {
            self.error(
                item.span(),
                format!("rules must be a table of rules, like [{prefix}.long-sentence]."),
            )
        })?;
        let rule_names: Vec<&str> = plainly_core::RULES.iter().map(|r| r.name).collect();
        for (key, value) in entries(table) {
            let rule = key.get();
            if plainly_core::rules::rule(rule).is_none() {
                return Err(self
                    .error(key.span(), format!("there is no rule called \"{rule}\"."))
                    .help(did_you_mean(rule, &rule_names, "The rules are")));
            }
            let fields = value.as_table_like().ok_or_else(|| {
                self.error(
                    value.span().or_else(|| key.span()),
                    format!(
                        "{prefix}.{rule} must be a table: a line [{prefix}.{rule}], then settings such as enabled = false."
                    ),
                )
            })?;
            let valid = keys::rule_keys(rule);
            let mut r = RuleLayer::default();
            for (k, v) in entries(fields) {
                let field = k.get();
                let Some(def) = valid.iter().find(|d| d.name == field) else {
                    let mut help = String::new();
                    if let Some(t) = keys::THRESHOLDS.iter().find(|t| t.key.name == field) {
                        help = format!("{field} belongs under [{prefix}.{}]. ", t.rule);
                    } else if let Some(near) = keys::nearest(field, valid.iter().map(|d| d.name)) {
                        help = format!("Did you mean \"{near}\"? ");
                    }
                    help.push_str(&format!(
                        "The settings it takes are: {}.",
                        keys::names(&valid)
                    ));
                    return Err(self
                        .error(
                            k.span(),
                            format!("[{prefix}.{rule}] has no setting called \"{field}\"."),
                        )
                        .help(help));
                };
                self.rule_field(&mut r, def, v)?;
            }
            layer.rules.push((rule.to_owned(), r));
        }
        Ok(())
    }

    fn rule_field(&self, r: &mut RuleLayer, def: &keys::Key, v: &Item) -> Result<(), ConfigError> {
        let name = def.name;
        let example = keys::THRESHOLDS
            .iter()
            .find(|t| t.key.name == name)
            .map(|t| (t.from_audience)(&Audience::Public.thresholds()))
            .unwrap_or_default();
        let l = &mut r.limits;
        match name {
            "enabled" => r.enabled = Some(self.bool(name, v)?),
            "severity" => r.severity = Some(self.severity(v)?),
            "max-words" => l.max_sentence_words = Some(self.count(name, v, &example)?),
            "max-sentences" => l.max_paragraph_sentences = Some(self.count(name, v, &example)?),
            "max-age" => l.max_reading_age = Some(self.age(name, v, &example)?),
            "min-age" => l.hard_sentence_age = Some(self.age(name, v, &example)?),
            "allow-well-known" => l.well_known_abbreviations_pass = Some(self.bool(name, v)?),
            "allow-explained-terms" => l.explain_terms_pass = Some(self.bool(name, v)?),
            "min-frequency" => l.min_word_frequency = Some(self.frequency(name, v, &example)?),
            // Every key in the tables is handled above; a test checks it.
            _ => {}
        }
        Ok(())
    }

    fn overrides(&self, item: &Item) -> Result<Vec<(Patterns, Layer)>, ConfigError> {
        let sections: Vec<(&dyn TableLike, Option<Range<usize>>)> =
            if let Some(array) = item.as_array_of_tables() {
                array
                    .iter()
                    .map(|t| (t as &dyn TableLike, t.span()))
                    .collect()
            } else if let Some(array) = item.as_array() {
                let mut out = Vec::new();
                for v in array.iter() {
                    match v.as_inline_table() {
                        Some(t) => out.push((t as &dyn TableLike, v.span())),
                        None => return Err(self.not_overrides(v.span())),
                    }
                }
                out
            } else {
                return Err(self.not_overrides(item.span()));
            };
        let mut out = Vec::with_capacity(sections.len());
        for (table, span) in sections {
            let mut layer = Layer::default();
            let mut files = None;
            for (key, value) in entries(table) {
                let name = key.get();
                if name == keys::FILES {
                    let patterns = self.globs(name, value)?;
                    if patterns.is_empty() {
                        return Err(self
                            .error(
                                value.span(),
                                "files is empty, so this section applies to no files.",
                            )
                            .help("Add patterns, like files = [\"letters/**\"]."));
                    }
                    let set = Patterns::new(patterns.iter().map(String::as_str)).map_err(|e| {
                        self.error(
                            value.span(),
                            format!(
                                "the pattern \"{}\" cannot be used: {}.",
                                patterns.get(e.index).map_or("", String::as_str),
                                e.reason
                            ),
                        )
                    })?;
                    files = Some(set);
                } else if !self.layer_key(&mut layer, key, value, Place::Override)? {
                    let mut help = String::new();
                    if name == "exclude" || name == "extend-exclude" {
                        help = format!(
                            "{name} works only at the top of the file, not in [[overrides]]. "
                        );
                    } else if let Some(near) =
                        keys::nearest(name, keys::OVERRIDE.iter().map(|k| k.name))
                    {
                        help = format!("Did you mean \"{near}\"? ");
                    }
                    help.push_str(&format!(
                        "The settings it takes are: {}.",
                        keys::names(keys::OVERRIDE)
                    ));
                    return Err(self
                        .error(
                            key.span(),
                            format!("[[overrides]] has no setting called \"{name}\"."),
                        )
                        .help(help));
                }
            }
            let Some(files) = files else {
                return Err(self
                    .error(
                        span,
                        "this [[overrides]] section does not say which files it applies to.",
                    )
                    .help("Add a line such as files = [\"letters/**\"]."));
            };
            out.push((files, layer));
        }
        Ok(out)
    }

    fn not_overrides(&self, span: Option<Range<usize>>) -> ConfigError {
        self.error(
            span,
            "overrides must be written as [[overrides]] sections, each with files = [...] and the settings for those files.",
        )
    }
}

/// A table's keys (with their places) and values, in file order.
fn entries(table: &dyn TableLike) -> Vec<(&Key, &Item)> {
    table
        .iter()
        .filter_map(|(name, _)| table.get_key_value(name))
        .collect()
}

/// "Did you mean "x"? The things are: a, b, c."
fn did_you_mean(typed: &str, valid: &[&str], list_intro: &str) -> String {
    let near = keys::nearest(typed, valid.iter().copied())
        .map(|n| format!("Did you mean \"{n}\"? "))
        .unwrap_or_default();
    format!("{near}{list_intro}: {}.", valid.join(", "))
}

/// A message for text that is not valid TOML.
fn syntax_error(text: &str, path: &Path, e: &toml_edit::TomlError) -> ConfigError {
    let at = e.span().map_or(0, |s| s.start);
    let raw = e.message().trim().trim_end_matches('.');
    if raw.starts_with("duplicate key") {
        let key = e
            .span()
            .and_then(|s| text.get(s))
            .map(|k| k.trim().trim_matches('"').to_owned())
            .unwrap_or_default();
        return ConfigError::at(path, text, at, format!("\"{key}\" is set twice."))
            .help("Keep one of them.");
    }
    if raw.starts_with("key with no value") {
        return ConfigError::at(path, text, at, "there is no = after the name here.")
            .help("A name with spaces needs quotes, like \"wellness pod\" = \"drop-in room\".");
    }
    let message = if raw.starts_with("string values must be quoted") {
        "text must be in quotes here.".to_owned()
    } else {
        format!("this is not valid TOML ({raw}).")
    };
    ConfigError::at(path, text, at, message).help(
        "Each setting is a name, =, and a value: text in quotes (audience = \"public\"), a number, true or false, or a list in square brackets ([\"a\", \"b\"]).",
    )
}
