//! File patterns, matched like `.gitignore` lines.
//!
//! - A pattern with no `/` matches a file or folder name anywhere:
//!   `node_modules`, `*.draft.md`.
//! - A pattern with a `/` is relative to the folder holding the settings
//!   file: `drafts/**`, `docs/old/*.md`. A leading `/` changes nothing, and a
//!   trailing `/` is ignored.
//! - `*` and `?` stay within one name; `**` crosses folders.
//! - Naming a folder covers everything in it: `drafts` and `drafts/**`
//!   both cover `drafts/letter.md`.

use std::path::Path;

use globset::{GlobBuilder, GlobSet, GlobSetBuilder};

/// Folders and files never checked when searching folders, unless a
/// settings file's `exclude` replaces this list. Tools' and packages'
/// folders: nobody writes their own documents there.
pub const DEFAULT_EXCLUDE: &[&str] = &[
    ".git",
    ".venv",
    "_build",
    "dist",
    "node_modules",
    "site-packages",
    "target",
    "vendor",
    "venv",
];

/// A set of compiled patterns.
#[derive(Debug, Clone)]
pub(crate) struct Patterns {
    set: GlobSet,
}

/// A pattern that could not be compiled.
#[derive(Debug)]
pub(crate) struct BadPattern {
    /// Which pattern, counting from 0.
    pub index: usize,
    /// Why, in plain English.
    pub reason: String,
}

impl Patterns {
    pub(crate) fn new<'a>(patterns: impl IntoIterator<Item = &'a str>) -> Result<Self, BadPattern> {
        let mut builder = GlobSetBuilder::new();
        for (index, pattern) in patterns.into_iter().enumerate() {
            let glob = normalise(pattern).ok_or_else(|| BadPattern {
                index,
                reason:
                    "an empty pattern matches nothing. Remove it, or write the file or folder name."
                        .to_owned(),
            })?;
            let glob = GlobBuilder::new(&glob)
                .literal_separator(true)
                .backslash_escape(true)
                .build()
                .map_err(|e| BadPattern {
                    index,
                    reason: reason(e.kind()),
                })?;
            builder.add(glob);
        }
        let set = builder.build().map_err(|e| BadPattern {
            index: 0,
            reason: reason(e.kind()),
        })?;
        Ok(Patterns { set })
    }

    /// The built-in excludes.
    pub(crate) fn default_exclude() -> Self {
        Patterns::new(DEFAULT_EXCLUDE.iter().copied()).expect("the built-in patterns are valid")
    }

    /// Whether `relative` (a path relative to the patterns' folder, with
    /// `/` between names) matches a pattern itself.
    pub(crate) fn matches(&self, relative: &Path) -> bool {
        !relative.as_os_str().is_empty() && self.set.is_match(relative)
    }

    /// Whether `relative`, or a folder it is in, matches.
    pub(crate) fn covers(&self, relative: &Path) -> bool {
        relative.ancestors().any(|p| self.matches(p))
    }
}

/// The glob for a pattern as users write it, or `None` for an empty one.
fn normalise(pattern: &str) -> Option<String> {
    let mut p = pattern.trim();
    while let Some(rest) = p.strip_prefix("./") {
        p = rest;
    }
    let anchored = p.starts_with('/');
    let p = p.trim_matches('/');
    if p.is_empty() {
        return None;
    }
    Some(if anchored || p.contains('/') {
        p.to_owned()
    } else {
        format!("**/{p}")
    })
}

fn reason(kind: &globset::ErrorKind) -> String {
    use globset::ErrorKind;
    let why = match kind {
        ErrorKind::InvalidRecursive => "** must stand alone between slashes, like docs/**/*.md",
        ErrorKind::UnclosedClass => "a [ has no ] to close it",
        ErrorKind::InvalidRange(..) => "a range in [ ] runs backwards; write it like [a-z]",
        ErrorKind::UnopenedAlternates => "a } has no { before it",
        ErrorKind::UnclosedAlternates => "a { has no } to close it",
        ErrorKind::NestedAlternates => "a { } group cannot be inside another",
        ErrorKind::DanglingEscape => "it ends with a \\, which must come before another character",
        _ => "plainly cannot read it as a pattern",
    };
    why.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(patterns: &[&str]) -> Patterns {
        Patterns::new(patterns.iter().copied()).unwrap()
    }

    #[test]
    fn a_name_without_a_slash_matches_anywhere() {
        let p = set(&["node_modules", "*.draft.md"]);
        assert!(p.matches(Path::new("node_modules")));
        assert!(p.matches(Path::new("web/node_modules")));
        assert!(p.matches(Path::new("a/b/plan.draft.md")));
        assert!(!p.matches(Path::new("a/plan.md")));
        assert!(p.covers(Path::new("web/node_modules/pkg/README.md")));
        assert!(!p.matches(Path::new("web/node_modules/pkg/README.md")));
    }

    #[test]
    fn a_pattern_with_a_slash_is_relative_to_the_folder() {
        let p = set(&["drafts/**", "docs/old/*.md", "/top.md", "letters/"]);
        assert!(p.matches(Path::new("drafts/a.md")));
        assert!(p.matches(Path::new("drafts/x/a.md")));
        assert!(!p.matches(Path::new("web/drafts/a.md")));
        assert!(p.matches(Path::new("docs/old/a.md")));
        // * stays within one folder.
        assert!(!p.matches(Path::new("docs/old/x/a.md")));
        assert!(p.matches(Path::new("top.md")));
        assert!(!p.matches(Path::new("sub/top.md")));
        assert!(p.covers(Path::new("letters/june/a.md")));
    }

    #[test]
    fn a_leading_dot_slash_is_ignored() {
        let p = set(&["./drafts/*.md"]);
        assert!(p.matches(Path::new("drafts/a.md")));
    }

    #[test]
    fn bad_patterns_say_which_and_why() {
        let e = Patterns::new(["ok", "[drafts"]).unwrap_err();
        assert_eq!(e.index, 1);
        assert_eq!(e.reason, "a [ has no ] to close it");
        let e = Patterns::new(["  "]).unwrap_err();
        assert_eq!(e.index, 0);
        assert!(e.reason.starts_with("an empty pattern"));
        let e = Patterns::new(["[z-a].md"]).unwrap_err();
        assert!(e.reason.starts_with("a range in [ ] runs backwards"));
    }

    #[test]
    fn default_excludes_compile() {
        let p = Patterns::default_exclude();
        assert!(p.matches(Path::new("site/node_modules")));
        assert!(!p.matches(Path::new("docs")));
    }
}
