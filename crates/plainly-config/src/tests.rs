//! Tests of reading settings files: every mistake with its exact message,
//! finding the file, overrides and patterns.

use std::path::Path;

use plainly_core::{Audience, CustomAbbreviation, CustomTerm, Settings, Severity};

use super::*;

fn parse(text: &str) -> Result<Config, ConfigError> {
    Config::parse(text, Path::new("plainly.toml"))
}

fn settings(text: &str, file: &str) -> Settings {
    parse(text).unwrap().settings_for(Path::new(file))
}

/// The message for `text`, which must be wrong.
fn error(text: &str) -> String {
    match parse(text) {
        Ok(_) => panic!("no error for:\n{text}"),
        Err(e) => e.to_string(),
    }
}

// ----- Mistakes, each with its message -----

#[test]
fn unknown_top_level_key_suggests_the_nearest() {
    assert_eq!(
        error("audiance = \"public\""),
        "plainly.toml:1:1: there is no setting called \"audiance\". Did you mean \"audience\"? \
         The settings are: audience, extend-allowed, extend-jargon, extend-complex-words, \
         extend-abbreviations, exclude, extend-exclude, rules, overrides."
    );
    assert_eq!(
        error("\ncolour = 1"),
        "plainly.toml:2:1: there is no setting called \"colour\". \
         The settings are: audience, extend-allowed, extend-jargon, extend-complex-words, \
         extend-abbreviations, exclude, extend-exclude, rules, overrides."
    );
}

#[test]
fn a_rule_or_limit_at_the_top_says_where_it_belongs() {
    assert!(error("[long-sentence]\nmax-words = 3").starts_with(
        "plainly.toml:1:2: there is no setting called \"long-sentence\". \
         Rule settings go under [rules.long-sentence]. The settings are:"
    ));
    assert!(error("max-words = 3").starts_with(
        "plainly.toml:1:1: there is no setting called \"max-words\". \
         max-words goes under [rules.long-sentence]."
    ));
}

#[test]
fn unknown_rule_suggests_the_rule() {
    let rules = plainly_core::RULES
        .iter()
        .map(|r| r.name)
        .collect::<Vec<_>>()
        .join(", ");
    assert_eq!(
        error("[rules.long-sentance]\nenabled = false"),
        format!(
            "plainly.toml:1:8: there is no rule called \"long-sentance\". \
             Did you mean \"long-sentence\"? The rules are: {rules}."
        )
    );
}

#[test]
fn unknown_key_in_a_rule_lists_that_rules_keys() {
    assert_eq!(
        error("audience = \"public\"\n\n[rules.long-sentence]\nmax-word = 20"),
        "plainly.toml:4:1: [rules.long-sentence] has no setting called \"max-word\". \
         Did you mean \"max-words\"? The settings it takes are: enabled, severity, max-words."
    );
    assert_eq!(
        error("[rules.all-caps]\nmax-words = 20"),
        "plainly.toml:2:1: [rules.all-caps] has no setting called \"max-words\". \
         max-words belongs under [rules.long-sentence]. The settings it takes are: enabled, severity."
    );
}

#[test]
fn unknown_key_in_an_override() {
    assert_eq!(
        error("[[overrides]]\nfiles = [\"a/**\"]\naudiense = \"public\""),
        "plainly.toml:3:1: [[overrides]] has no setting called \"audiense\". \
         Did you mean \"audience\"? The settings it takes are: files, audience, extend-allowed, \
         extend-jargon, extend-complex-words, extend-abbreviations, rules."
    );
    assert!(
        error("[[overrides]]\nfiles = [\"a/**\"]\nexclude = [\"b\"]")
            .contains("exclude works only at the top of the file, not in [[overrides]].")
    );
    assert_eq!(
        error("[[overrides]]\nfiles = [\"a/**\"]\n[overrides.rules.jargon]\nenable = false"),
        "plainly.toml:4:1: [overrides.rules.jargon] has no setting called \"enable\". \
         Did you mean \"enabled\"? The settings it takes are: enabled, severity, allow-explained-terms."
    );
}

#[test]
fn wrong_types_say_what_is_wanted() {
    assert_eq!(
        error("[rules.long-sentence]\nmax-words = \"twenty\""),
        "plainly.toml:2:13: max-words must be a whole number, like 25."
    );
    assert_eq!(
        error("[rules.long-sentence]\nmax-words = \"20\""),
        "plainly.toml:2:13: max-words must be a whole number, like 25. Remove the quotes: max-words = 20."
    );
    assert_eq!(
        error("[rules.long-sentence]\nmax-words = 2.5"),
        "plainly.toml:2:13: max-words must be a whole number, like 25."
    );
    assert_eq!(
        error("[rules.long-paragraph]\nmax-sentences = 0"),
        "plainly.toml:2:17: max-sentences must be 1 or more."
    );
    assert_eq!(
        error("[rules.reading-age]\nmax-age = \"old\""),
        "plainly.toml:2:11: max-age must be a number, like 11."
    );
    assert_eq!(
        error("[rules.hard-sentence]\nmin-age = -1"),
        "plainly.toml:2:11: min-age must be more than 0."
    );
    assert_eq!(
        error("[rules.hard-sentence]\nmin-age = nan"),
        "plainly.toml:2:11: min-age must be more than 0."
    );
    assert_eq!(
        error("[rules.jargon]\nenabled = \"false\""),
        "plainly.toml:2:11: enabled must be true or false. Remove the quotes: enabled = false."
    );
    assert_eq!(
        error("[rules.undefined-abbreviation]\nallow-well-known = 1"),
        "plainly.toml:2:20: allow-well-known must be true or false."
    );
    assert_eq!(
        error("rules = 3"),
        "plainly.toml:1:9: rules must be a table of rules, like [rules.long-sentence]."
    );
    assert_eq!(
        error("rules.jargon = false"),
        "plainly.toml:1:16: rules.jargon must be a table: a line [rules.jargon], then settings such as enabled = false."
    );
}

#[test]
fn bad_audience_and_severity_list_the_valid_ones() {
    assert_eq!(
        error("audience = \"easy read\""),
        "plainly.toml:1:12: \"easy read\" is not an audience. Did you mean \"easy-read\"? \
         The audiences are: public, easy-read, professional."
    );
    assert_eq!(
        error("audience = 2"),
        "plainly.toml:1:12: audience must be in quotes: \"public\", \"easy-read\" or \"professional\"."
    );
    assert_eq!(
        error("[rules.jargon]\nseverity = \"warn\""),
        "plainly.toml:2:12: \"warn\" is not a severity. Did you mean \"warning\"? \
         The severities are: error, warning, info."
    );
    assert_eq!(
        error("[rules.jargon]\nseverity = \"fatal\""),
        "plainly.toml:2:12: \"fatal\" is not a severity. The severities are: error, warning, info."
    );
    assert_eq!(
        error("[rules.jargon]\nseverity = true"),
        "plainly.toml:2:12: severity must be in quotes: \"error\", \"warning\" or \"info\"."
    );
}

#[test]
fn lists_of_words_and_patterns() {
    assert_eq!(
        error("extend-allowed = \"CQC\""),
        "plainly.toml:1:18: extend-allowed must be a list of words in quotes, like [\"care package\", \"CQC\"]. \
         Put it in square brackets: extend-allowed = [\"CQC\"]."
    );
    assert_eq!(
        error("extend-allowed = [\"CQC\", 3]"),
        "plainly.toml:1:26: each entry in extend-allowed must be in quotes, like \"care package\", \"CQC\"."
    );
    assert_eq!(
        error("extend-allowed = [\"\"]"),
        "plainly.toml:1:19: extend-allowed has an empty entry. Remove it."
    );
    assert_eq!(
        error("exclude = 3"),
        "plainly.toml:1:11: exclude must be a list of file patterns in quotes, like [\"drafts/**\"]."
    );
}

#[test]
fn bad_glob_says_which_and_why() {
    assert_eq!(
        error("extend-exclude = [\"ok/**\", \"[drafts\"]"),
        "plainly.toml:1:28: \"[drafts\" is not a file pattern plainly can use: a [ has no ] to close it. \
         In a pattern, * stands for any name, ** for any number of folders, and ? for one character."
    );
    assert!(error("[[overrides]]\nfiles = [\"{a,b\"]")
        .starts_with("plainly.toml:2:10: \"{a,b\" is not a file pattern plainly can use: a { has no } to close it."));
}

#[test]
fn word_tables() {
    assert_eq!(
        error("extend-jargon = [\"x\"]"),
        "plainly.toml:1:17: extend-jargon must be a table: a line [extend-jargon], then lines such as \
         \"wellness pod\" = \"drop-in room\"."
    );
    assert_eq!(
        error("[extend-jargon]\n\"wellness pod\" = 3"),
        "plainly.toml:2:18: \"wellness pod\" in extend-jargon must be plainer words in quotes, like \
         \"drop-in room\", or { explain = \"what it means\" }."
    );
    assert_eq!(
        error("[extend-jargon]\n\"wellness pod\" = \" ; \""),
        "plainly.toml:2:18: \"wellness pod\" in extend-jargon has no plainer words. Write plainer words \
         in quotes, like \"drop-in room\", or { explain = \"what it means\" }."
    );
    assert_eq!(
        error("[extend-jargon]\nreablement = { explian = \"help\" }"),
        "plainly.toml:2:16: \"reablement\" in extend-jargon has no setting called \"explian\". \
         Did you mean \"explain\"? The only setting a term takes is explain."
    );
    assert_eq!(
        error("[extend-jargon]\nreablement = { explain = 3 }"),
        "plainly.toml:2:26: explain for \"reablement\" must be what it means, in quotes, like \
         \"short-term help at home\"."
    );
    assert_eq!(
        error("[extend-jargon]\nreablement = {}"),
        "plainly.toml:2:14: \"reablement\" in extend-jargon needs explain = \"what it means\"."
    );
    assert_eq!(
        error("[extend-complex-words]\nameliorate = { explain = \"x\" }"),
        "plainly.toml:2:14: \"ameliorate\" in extend-complex-words must be plainer words in quotes, like \"improve\"."
    );
    assert_eq!(
        error("[extend-abbreviations]\nLDT = \"\""),
        "plainly.toml:2:7: \"LDT\" in extend-abbreviations must be what it stands for, in quotes, like \
         \"learning disability team\"."
    );
    assert_eq!(
        error("[extend-abbreviations]\n\"\" = \"x\""),
        "plainly.toml:2:1: extend-abbreviations has an empty term. Write the word or phrase in quotes before the =."
    );
}

#[test]
fn overrides_must_say_which_files() {
    assert_eq!(
        error("[[overrides]]\naudience = \"easy-read\""),
        "plainly.toml:1:1: this [[overrides]] section does not say which files it applies to. \
         Add a line such as files = [\"letters/**\"]."
    );
    assert_eq!(
        error("[[overrides]]\nfiles = []"),
        "plainly.toml:2:9: files is empty, so this section applies to no files. \
         Add patterns, like files = [\"letters/**\"]."
    );
    assert_eq!(
        error("[overrides]\nfiles = [\"a\"]"),
        "plainly.toml:1:1: overrides must be written as [[overrides]] sections, each with files = [...] \
         and the settings for those files."
    );
}

#[test]
fn toml_syntax_errors_have_line_and_column() {
    assert_eq!(
        error("audience = public"),
        "plainly.toml:1:12: text must be in quotes here. Each setting is a name, =, and a value: \
         text in quotes (audience = \"public\"), a number, true or false, or a list in square \
         brackets ([\"a\", \"b\"])."
    );
    assert!(error("[rules.jargon\nenabled = false")
        .starts_with("plainly.toml:1:14: this is not valid TOML (unclosed table, expected `]`)."));
    assert_eq!(
        error("[extend-jargon]\nwellness pod = \"drop-in room\""),
        "plainly.toml:2:10: there is no = after the name here. \
         A name with spaces needs quotes, like \"wellness pod\" = \"drop-in room\"."
    );
    assert_eq!(
        error("audience = \"public\"\naudience = \"public\""),
        "plainly.toml:2:1: \"audience\" is set twice. Keep one of them."
    );
}

#[test]
fn unreadable_files() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nope.toml");
    let e = Config::load(&missing).unwrap_err();
    assert_eq!(e.line, None);
    assert_eq!(
        e.message,
        "there is no such file. Check the name and the folder."
    );
    let e = Config::load(dir.path()).unwrap_err();
    assert_eq!(
        e.message,
        "this is a folder, not a settings file. Name the file, like plainly.toml."
    );
    let latin1 = dir.path().join("plainly.toml");
    std::fs::write(&latin1, b"audience = \"caf\xe9\"").unwrap();
    let e = Config::load(&latin1).unwrap_err();
    assert_eq!(
        e.message,
        "this is not UTF-8 text. Save the file as UTF-8 and try again."
    );
    assert_eq!(e.path, latin1);
}

#[test]
fn errors_point_at_the_key_or_value_with_fields_for_editors() {
    let e = parse("\n\n[rules.long-sentence]\n  max-word = 20").unwrap_err();
    assert_eq!(e.path, Path::new("plainly.toml"));
    assert_eq!((e.line, e.column), (Some(4), Some(3)));
    assert_eq!(
        e.message,
        "[rules.long-sentence] has no setting called \"max-word\"."
    );
    assert_eq!(
        e.help.as_deref(),
        Some(
            "Did you mean \"max-words\"? The settings it takes are: enabled, severity, max-words."
        )
    );
}

// ----- What a good file does -----

#[test]
fn an_empty_file_changes_nothing() {
    assert_eq!(settings("", "a.md"), Settings::default());
    assert_eq!(settings("# only a note\n", "a.md"), Settings::default());
}

#[test]
fn the_example_from_the_issue() {
    let text = r#"
audience = "public"
extend-allowed = ["care package", "CQC"]
exclude = ["drafts/**"]
extend-exclude = ["old/**"]

[extend-jargon]
"wellness pod" = "drop-in room; quiet room"
"reablement" = { explain = "short-term help at home to get your skills back" }

[extend-complex-words]
"ameliorate" = "improve"

[extend-abbreviations]
LDT = "learning disability team"

[rules.long-sentence]
enabled = true
severity = "error"
max-words = 20

[[overrides]]
files = ["letters/**/*.md"]
audience = "easy-read"
extend-allowed = ["Sunrise House"]
[overrides.rules.passive-voice]
enabled = false
"#;
    let config = parse(text).unwrap();
    let s = config.settings_for(Path::new("guide.md"));
    assert_eq!(s.audience, Audience::Public);
    assert_eq!(s.severity.get("long-sentence"), Some(&Severity::Error));
    assert_eq!(s.limits.max_sentence_words, Some(20));
    assert!(s.disabled.is_empty());
    assert_eq!(
        s.words.jargon,
        vec![
            CustomTerm::new("wellness pod", ["drop-in room", "quiet room"]),
            CustomTerm {
                term: "reablement".into(),
                plain: vec!["short-term help at home to get your skills back".into()],
                explain: true,
            },
        ]
    );
    assert_eq!(
        s.words.complex_words,
        vec![CustomTerm::new("ameliorate", ["improve"])]
    );
    assert_eq!(
        s.words.abbreviations,
        vec![CustomAbbreviation {
            abbreviation: "LDT".into(),
            expansion: "learning disability team".into(),
        }]
    );
    assert_eq!(s.words.allowed, ["care package", "CQC"]);

    let letter = config.settings_for(Path::new("letters/2026/june.md"));
    assert_eq!(letter.audience, Audience::EasyRead);
    assert_eq!(letter.disabled, ["passive-voice"]);
    assert_eq!(letter.limits.max_sentence_words, Some(20));
    assert_eq!(
        letter.words.allowed,
        ["care package", "CQC", "Sunrise House"]
    );

    assert!(config.is_excluded(Path::new("drafts/a.md")));
    assert!(config.is_excluded(Path::new("old/x/a.md")));
    // exclude replaced the built-in list.
    assert!(!config.is_excluded(Path::new("node_modules/a.md")));
    assert!(!config.is_excluded(Path::new("letters/a.md")));
}

#[test]
fn later_overrides_win_and_extend_lists_add_up() {
    let text = r#"
extend-allowed = ["one"]
[rules.long-sentence]
max-words = 30
[rules.jargon]
enabled = false

[[overrides]]
files = ["letters/**"]
audience = "easy-read"
extend-allowed = ["two"]
[overrides.rules.long-sentence]
max-words = 12
severity = "info"

[[overrides]]
files = ["letters/urgent/**", "*.easy.md"]
audience = "professional"
extend-allowed = ["three"]
[overrides.rules.long-sentence]
max-words = 10
[overrides.rules.jargon]
enabled = true
"#;
    let config = parse(text).unwrap();
    let top = config.settings_for(Path::new("guide.md"));
    assert_eq!(top.limits.max_sentence_words, Some(30));
    assert_eq!(top.disabled, ["jargon"]);

    let letter = config.settings_for(Path::new("letters/june.md"));
    assert_eq!(letter.audience, Audience::EasyRead);
    assert_eq!(letter.limits.max_sentence_words, Some(12));
    assert_eq!(letter.severity.get("long-sentence"), Some(&Severity::Info));
    assert_eq!(letter.words.allowed, ["one", "two"]);
    assert_eq!(letter.disabled, ["jargon"]);

    let urgent = config.settings_for(Path::new("letters/urgent/fire.md"));
    assert_eq!(urgent.audience, Audience::Professional);
    assert_eq!(urgent.limits.max_sentence_words, Some(10));
    // The first section's severity still applies: only what a section sets changes.
    assert_eq!(urgent.severity.get("long-sentence"), Some(&Severity::Info));
    assert_eq!(urgent.words.allowed, ["one", "two", "three"]);
    assert!(urgent.disabled.is_empty());

    // A pattern with no slash matches by name anywhere.
    let easy = config.settings_for(Path::new("a/b/plan.easy.md"));
    assert_eq!(easy.audience, Audience::Professional);
    assert_eq!(easy.words.allowed, ["one", "three"]);
}

#[test]
fn every_limit_reaches_the_settings() {
    let public = Audience::Public.thresholds();
    for t in keys::THRESHOLDS {
        let value = match t.key.kind {
            keys::Kind::Count | keys::Kind::Age => "3".to_owned(),
            keys::Kind::Frequency => "2".to_owned(),
            // The opposite of the default, so the change shows.
            _ => ((t.from_audience)(&public) != "true").to_string(),
        };
        let text = format!("[rules.{}]\n{} = {value}", t.rule, t.key.name);
        assert_ne!(
            settings(&text, "a.md").thresholds(),
            public,
            "{} under {} changed nothing",
            t.key.name,
            t.rule
        );
    }
}

#[test]
fn every_rule_can_be_switched_off_and_given_a_severity() {
    for rule in plainly_core::RULES {
        let s = settings(
            &format!(
                "[rules.{}]\nenabled = false\nseverity = \"error\"",
                rule.name
            ),
            "a.md",
        );
        assert!(!s.enabled(rule.name));
        assert_eq!(s.severity.get(rule.name), Some(&Severity::Error));
    }
}

#[test]
fn word_frequencies_stay_in_the_range_the_table_holds() {
    let s = settings("[rules.uncommon-word]\nmin-frequency = 2.5", "a.md");
    assert_eq!(s.limits.min_word_frequency, Some(2.5));
    assert_eq!(s.thresholds().min_word_frequency, 2.5);
    let s = settings("[rules.uncommon-word]\nmin-frequency = 4", "a.md");
    assert_eq!(s.limits.min_word_frequency, Some(4.0));
    assert_eq!(
        error("[rules.uncommon-word]\nmin-frequency = 1"),
        "plainly.toml:2:17: min-frequency must be from 1.5 to 4.5, like 3.0."
    );
    assert_eq!(
        error("[rules.uncommon-word]\nmin-frequency = 7"),
        "plainly.toml:2:17: min-frequency must be from 1.5 to 4.5, like 3.0."
    );
}

#[test]
fn ages_take_whole_numbers_and_decimals() {
    let s = settings("[rules.reading-age]\nmax-age = 12.5", "a.md");
    assert_eq!(s.limits.max_reading_age, Some(12.5));
    let s = settings("[rules.reading-age]\nmax-age = 12", "a.md");
    assert_eq!(s.limits.max_reading_age, Some(12.0));
}

#[test]
fn inline_and_dotted_forms_work_too() {
    let text = r#"
rules.long-sentence.max-words = 14
rules.jargon = { enabled = false }
extend-jargon."wellness pod" = "drop-in room"
overrides = [{ files = ["a/**"], audience = "easy-read" }]
"#;
    let config = parse(text).unwrap();
    let s = config.settings_for(Path::new("a/x.md"));
    assert_eq!(s.limits.max_sentence_words, Some(14));
    assert_eq!(s.disabled, ["jargon"]);
    assert_eq!(s.words.jargon.len(), 1);
    assert_eq!(s.audience, Audience::EasyRead);
}

#[test]
fn settings_from_a_file_change_what_check_reports() {
    let config = parse(
        "extend-allowed = [\"utilise\"]\n[rules.long-sentence]\nmax-words = 3\n[extend-jargon]\n\"wellness pod\" = \"drop-in room\"",
    )
    .unwrap();
    let s = config.settings_for(Path::new("a.md"));
    let report = plainly_core::check("The wellness pod will utilise the hall.", &s);
    let rules: Vec<&str> = report.diagnostics.iter().map(|d| d.rule).collect();
    assert_eq!(rules, ["long-sentence", "jargon"]);
}

// ----- Patterns -----

#[test]
fn default_excludes_apply_until_exclude_replaces_them() {
    let config = parse("extend-exclude = [\"old\"]").unwrap();
    assert!(config.is_excluded(Path::new("node_modules/pkg/README.md")));
    assert!(config.is_excluded(Path::new("web/node_modules/pkg/README.md")));
    assert!(config.is_excluded(Path::new("old/a.md")));
    assert!(config.is_excluded(Path::new("docs/old/a.md")));
    assert!(!config.is_excluded(Path::new("docs/a.md")));
    // excludes tests the path alone, for walking.
    assert!(config.excludes(Path::new("docs/old")));
    assert!(!config.excludes(Path::new("docs/old/a.md")));
}

#[test]
fn patterns_are_relative_to_the_settings_files_folder() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("site/plainly.toml");
    let config = Config::parse(
        "exclude = [\"drafts/**\"]\n[[overrides]]\nfiles = [\"letters/**\"]\naudience = \"easy-read\"",
        &path,
    )
    .unwrap();
    assert_eq!(config.root(), dir.path().join("site"));
    assert!(config.is_excluded(&dir.path().join("site/drafts/a.md")));
    assert!(!config.is_excluded(&dir.path().join("drafts/a.md")));
    assert!(!config.is_excluded(&dir.path().join("site/x/drafts/a.md")));
    let s = config.settings_for(&dir.path().join("site/letters/a.md"));
    assert_eq!(s.audience, Audience::EasyRead);
    let s = config.settings_for(&dir.path().join("site/./x/../letters/a.md"));
    assert_eq!(s.audience, Audience::EasyRead);
    let s = config.settings_for(&dir.path().join("letters/a.md"));
    assert_eq!(s.audience, Audience::Public);
}

// ----- Finding the file -----

#[test]
fn find_walks_up_and_prefers_plainly_toml() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join("a/b/c")).unwrap();
    assert_eq!(find(&root.join("a/b/c")), find(root));
    std::fs::write(root.join("a/.plainly.toml"), "").unwrap();
    assert_eq!(
        find(&root.join("a/b/c")),
        Some(root.join("a/.plainly.toml"))
    );
    std::fs::write(root.join("a/plainly.toml"), "").unwrap();
    assert_eq!(find(&root.join("a/b/c")), Some(root.join("a/plainly.toml")));
    std::fs::write(root.join("a/b/.plainly.toml"), "").unwrap();
    assert_eq!(
        find(&root.join("a/b/c")),
        Some(root.join("a/b/.plainly.toml"))
    );
    // A folder called plainly.toml is not a settings file.
    std::fs::create_dir_all(root.join("a/b/c/plainly.toml")).unwrap();
    assert_eq!(
        find(&root.join("a/b/c")),
        Some(root.join("a/b/.plainly.toml"))
    );
}

#[test]
fn resolver_uses_the_nearest_file_and_reads_it_once() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join("docs/letters")).unwrap();
    std::fs::write(root.join("plainly.toml"), "audience = \"professional\"").unwrap();
    std::fs::write(
        root.join("docs/letters/plainly.toml"),
        "audience = \"easy-read\"",
    )
    .unwrap();
    let resolver = Resolver::new(Source::Discover).unwrap();
    let (s, c) = resolver.settings_for(&root.join("docs/guide.md")).unwrap();
    assert_eq!(s.audience, Audience::Professional);
    let first = c.unwrap();
    let (s, c) = resolver
        .settings_for(&root.join("docs/letters/june.md"))
        .unwrap();
    assert_eq!(s.audience, Audience::EasyRead);
    assert!(c.unwrap().path().ends_with("docs/letters/plainly.toml"));
    // Read once: the same parsed file comes back.
    let (_, again) = resolver.settings_for(&root.join("docs/other.md")).unwrap();
    assert!(std::sync::Arc::ptr_eq(&first, &again.unwrap()));
    // Changing the file on disk does not change a resolver's answer.
    std::fs::write(root.join("plainly.toml"), "audience = \"public\"").unwrap();
    let (s, _) = resolver.settings_for(&root.join("docs/guide.md")).unwrap();
    assert_eq!(s.audience, Audience::Professional);
    // Until it is told to read them again.
    resolver.clear_cache();
    let (s, _) = resolver.settings_for(&root.join("docs/guide.md")).unwrap();
    assert_eq!(s.audience, Audience::Public);
}

#[test]
fn resolver_and_config_can_be_shared_between_threads() {
    fn shared<T: Send + Sync>() {}
    shared::<Resolver>();
    shared::<Config>();
    shared::<ConfigError>();
}

#[test]
fn resolver_reports_a_broken_file_for_each_document_under_it() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(".plainly.toml"), "colour = 1").unwrap();
    let resolver = Resolver::new(Source::Discover).unwrap();
    let e = resolver.settings_for(&dir.path().join("a.md")).unwrap_err();
    assert!(e.message.contains("\"colour\""));
    assert_eq!(e.line, Some(1));
    assert_eq!(
        resolver.settings_for(&dir.path().join("b.md")).unwrap_err(),
        e
    );
}

#[test]
fn resolver_with_a_named_file_or_none() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("plainly.toml"), "audience = \"easy-read\"").unwrap();
    let other = dir.path().join("other.toml");
    std::fs::write(&other, "audience = \"professional\"").unwrap();

    let named = Resolver::new(Source::File(other.clone())).unwrap();
    let (s, c) = named.settings_for(&dir.path().join("a.md")).unwrap();
    assert_eq!(s.audience, Audience::Professional);
    assert_eq!(c.unwrap().path(), other);

    let none = Resolver::new(Source::None).unwrap();
    let (s, c) = none.settings_for(&dir.path().join("a.md")).unwrap();
    assert_eq!(s, Settings::default());
    assert!(c.is_none());
    assert!(none.excludes(&dir.path().join("node_modules")).unwrap());
    assert!(!none.excludes(&dir.path().join("docs")).unwrap());

    let e = Resolver::new(Source::File(dir.path().join("missing.toml"))).unwrap_err();
    assert_eq!(
        e.message,
        "there is no such file. Check the path given to --config."
    );
}

#[test]
fn resolver_excludes_by_the_settings_file_where_the_path_sits() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join("site/drafts")).unwrap();
    std::fs::write(
        root.join("site/plainly.toml"),
        "extend-exclude = [\"drafts\"]",
    )
    .unwrap();
    let resolver = Resolver::new(Source::Discover).unwrap();
    assert!(resolver.excludes(&root.join("site/drafts")).unwrap());
    assert!(resolver.excludes(&root.join("site/node_modules")).unwrap());
    assert!(!resolver.excludes(&root.join("site/letters")).unwrap());
}

// ----- The starter file and the schema -----

#[test]
fn the_starter_file_parses_and_changes_nothing() {
    let config = parse(starter()).unwrap();
    assert_eq!(config.settings_for(Path::new("a.md")), Settings::default());
}

#[test]
fn the_starter_file_points_editors_at_the_schema() {
    assert!(starter().starts_with(&format!("#:schema {}\n", schema::SCHEMA_URL)));
}

#[test]
fn the_starter_file_shows_every_key_and_its_commented_examples_parse() {
    let text = starter();
    let mut all: Vec<&str> = keys::TOP.iter().map(|k| k.name).collect();
    all.extend(keys::OVERRIDE.iter().map(|k| k.name));
    all.extend(keys::RULE_COMMON.iter().map(|k| k.name));
    all.extend(keys::THRESHOLDS.iter().map(|t| t.key.name));
    for key in all {
        assert!(text.contains(key), "the starter file does not show {key}");
    }
    for t in keys::THRESHOLDS {
        assert!(
            text.contains(&format!("# [rules.{}]\n# {} = ", t.rule, t.key.name)),
            "the starter file does not show {} under [rules.{}]",
            t.key.name,
            t.rule
        );
    }
    // Removing the # from every example line gives a valid file.
    let uncommented: String = text
        .lines()
        .filter_map(|l| l.strip_prefix("# "))
        .filter(|l| l.starts_with('[') || l.starts_with('"') || l.contains(" = "))
        .filter(|l| !l.starts_with("  "))
        .map(|l| format!("{l}\n"))
        .collect();
    let config = parse(&uncommented).unwrap_or_else(|e| panic!("{e}\n{uncommented}"));
    let s = config.settings_for(Path::new("letters/a.md"));
    assert_eq!(s.audience, Audience::EasyRead);
    assert_eq!(s.limits.max_sentence_words, Some(12));
    assert!(!s.enabled("passive-voice"));
}

#[test]
fn the_committed_schema_is_up_to_date() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../plainly.schema.json");
    let fresh = json_schema();
    if std::env::var_os("PLAINLY_UPDATE_SCHEMA").is_some() {
        std::fs::write(&path, &fresh).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == fresh,
        "plainly.schema.json is out of date. Update it with:\n\
         PLAINLY_UPDATE_SCHEMA=1 cargo test -p plainly-config the_committed_schema_is_up_to_date"
    );
}

#[test]
fn the_schema_knows_every_rule_and_key() {
    let schema: serde_json::Value = serde_json::from_str(&json_schema()).unwrap();
    for k in keys::TOP {
        assert!(schema["properties"][k.name].is_object(), "{}", k.name);
    }
    let rules = &schema["definitions"]["rules"]["properties"];
    for rule in plainly_core::RULES {
        for k in keys::rule_keys(rule.name) {
            assert!(rules[rule.name]["properties"][k.name].is_object());
        }
    }
    assert_eq!(
        rules["long-sentence"]["properties"]["max-words"]["description"],
        "A sentence with more words than this is flagged. Set by the audience unless given: \
         public 25, easy-read 15, professional 35."
    );
}

#[test]
fn every_rules_documentation_names_its_settings() {
    for rule in plainly_core::RULES {
        let options = rule.doc_section("Options").unwrap_or_default();
        for key in keys::rule_keys(rule.name) {
            assert!(
                options.contains(&format!("`{}`", key.name)),
                "the Options of {} do not name `{}`",
                rule.name,
                key.name
            );
        }
        assert!(
            options.contains(&format!("`[rules.{}]`", rule.name)),
            "the Options of {} do not name [rules.{}]",
            rule.name,
            rule.name
        );
    }
}

#[test]
fn the_readme_example_is_valid() {
    let readme = include_str!("../../../README.md");
    let section = readme
        .split("## Configuration\n")
        .nth(1)
        .expect("the README has a Configuration section");
    let example = section
        .split("```toml\n")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .expect("the Configuration section has a TOML example");
    let config = parse(example).unwrap_or_else(|e| panic!("{e}"));
    let letter = config.settings_for(Path::new("letters/2026/june.md"));
    assert_eq!(letter.audience, Audience::EasyRead);
    assert_eq!(letter.limits.max_sentence_words, Some(12));
    assert!(config.is_excluded(Path::new("old/a.md")));
}
