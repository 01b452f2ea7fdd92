//! The word lists stay easy to edit: every file sorted, without duplicates,
//! with the right columns and values, and no term in two lists.
//!
//! When a file is out of order, run
//! `PLAINLY_SORT_WORDLISTS=1 cargo test -p plainly-core --test wordlists`
//! to put it in order, then read the diff.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

struct List {
    file: &'static str,
    /// Allowed values for some columns, by column index.
    allowed: &'static [(usize, &'static [&'static str])],
    columns: usize,
}

const LISTS: &[List] = &[
    List {
        file: "jargon.tsv",
        columns: 5,
        allowed: &[
            (1, &["replace", "explain"]),
            (3, &["high", "medium", "low"]),
            (4, SOURCES),
        ],
    },
    List {
        file: "complex-words.tsv",
        columns: 5,
        allowed: &[
            (2, &["safe", "unsafe"]),
            (3, &["high", "medium", "low"]),
            (4, SOURCES),
        ],
    },
    List {
        file: "latin.tsv",
        columns: 4,
        allowed: &[(2, &["safe", "unsafe"]), (3, SOURCES)],
    },
    List {
        file: "inclusive.tsv",
        columns: 4,
        allowed: &[(3, SOURCES)],
    },
    List {
        file: "abbreviations.tsv",
        columns: 4,
        allowed: &[(2, &["yes", "no"]), (3, SOURCES)],
    },
    List {
        file: "everyday-uk.tsv",
        columns: 2,
        allowed: &[(
            1,
            &[
                "care",
                "health",
                "money",
                "council",
                "housing",
                "family",
                "home",
                "garden",
                "shops",
                "transport",
            ],
        )],
    },
];

/// Where entries come from (see `wordlists/README.md`): `statutory` is UK
/// statutory guidance and codes of practice under the Open Government
/// Licence (the Care Act guidance, the NHS continuing healthcare framework,
/// the Mental Capacity Act code, the hospital discharge guidance).
const SOURCES: &[&str] = &["own", "nhs", "govuk", "plainlanguage", "statutory"];

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../wordlists")
}

/// The canonical order: case-insensitive, ties broken by the exact text.
fn key(line: &str) -> (String, String) {
    let term = line.split('\t').next().unwrap_or("");
    (term.to_lowercase(), term.to_owned())
}

#[test]
fn every_list_is_sorted_unique_and_well_formed() {
    let mut problems = Vec::new();
    let mut owner: HashMap<String, &str> = HashMap::new();
    for list in LISTS {
        let path = dir().join(list.file);
        let text = std::fs::read_to_string(&path).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        let head = lines.iter().position(|l| !l.starts_with('#')).unwrap();
        let body = &lines[head + 1..];
        let mut sorted: Vec<&str> = body
            .iter()
            .copied()
            .filter(|l| !l.trim().is_empty())
            .collect();
        sorted.sort_by_key(|l| key(l));
        if sorted != body {
            if std::env::var_os("PLAINLY_SORT_WORDLISTS").is_some() {
                let mut fixed: Vec<&str> = lines[..=head].to_vec();
                fixed.extend(sorted.iter().copied());
                std::fs::write(&path, fixed.join("\n") + "\n").unwrap();
            } else {
                problems.push(format!(
                    "{}: not in order (run with PLAINLY_SORT_WORDLISTS=1 to sort it)",
                    list.file
                ));
            }
        }
        for (n, line) in body.iter().enumerate() {
            let line_no = head + 2 + n;
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() != list.columns {
                problems.push(format!(
                    "{}:{line_no}: has {} columns, wants {}",
                    list.file,
                    cols.len(),
                    list.columns
                ));
                continue;
            }
            if cols[0].trim().is_empty() || cols[0] != cols[0].trim() {
                problems.push(format!(
                    "{}:{line_no}: the first column is empty or has spaces around it",
                    list.file
                ));
            }
            for (col, values) in list.allowed {
                if !values.contains(&cols[*col]) {
                    problems.push(format!(
                        "{}:{line_no}: column {} is {:?}; it must be one of {values:?}",
                        list.file,
                        col + 1,
                        cols[*col]
                    ));
                }
            }
            let term = cols[0].to_lowercase();
            if let Some(other) = owner.insert(term.clone(), list.file) {
                problems.push(format!(
                    "{}:{line_no}: {term:?} is also in {other}",
                    list.file
                ));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "word-list problems:\n{}",
        problems.join("\n")
    );
}

/// The cue files: `senses.tsv` (everyday senses) and `uses.tsv` (jargon
/// senses). Each row names a term that is in its list, once, in order by list
/// then term, with seven columns, a cue in at least one of the four cue
/// columns, and an example that holds the term. A `uses.tsv` row must name a
/// term the lists decide per use (`medium` or `low`): a `high` term is
/// reported anyway, so a cue for it would do nothing.
#[test]
fn cue_files_name_listed_terms() {
    let mut problems = Vec::new();
    // (list, term in lower case) -> certainty ("" for lists without one).
    let mut listed: HashMap<(String, String), String> = HashMap::new();
    for (name, file, certainty_col) in [
        ("jargon", "jargon.tsv", Some(3)),
        ("complex-words", "complex-words.tsv", Some(3)),
        ("inclusive", "inclusive.tsv", None),
    ] {
        let text = std::fs::read_to_string(dir().join(file)).unwrap();
        for line in text
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .skip(1)
        {
            let cols: Vec<&str> = line.split('\t').collect();
            let certainty = certainty_col
                .and_then(|c| cols.get(c).copied())
                .unwrap_or("");
            listed.insert(
                (name.to_owned(), cols[0].to_lowercase()),
                certainty.to_owned(),
            );
        }
    }
    for (file, lists) in [
        ("senses.tsv", &["jargon", "complex-words", "inclusive"][..]),
        ("uses.tsv", &["jargon", "complex-words"][..]),
    ] {
        let text = std::fs::read_to_string(dir().join(file)).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        let head = lines.iter().position(|l| !l.starts_with('#')).unwrap();
        let mut last: Option<(String, String)> = None;
        for (n, line) in lines[head + 1..].iter().enumerate() {
            let line_no = head + 2 + n;
            if line.trim().is_empty() {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() != 7 {
                problems.push(format!(
                    "{file}:{line_no}: has {} columns, wants 7",
                    cols.len()
                ));
                continue;
            }
            let key = (cols[0].to_owned(), cols[1].to_lowercase());
            if !lists.contains(&cols[0]) {
                problems.push(format!("{file}:{line_no}: no list called {:?}", cols[0]));
            }
            match listed.get(&key) {
                None => problems.push(format!(
                    "{file}:{line_no}: {:?} is not in {}.tsv",
                    cols[1], cols[0]
                )),
                Some(c) if file == "uses.tsv" && c == "high" => problems.push(format!(
                    "{file}:{line_no}: {:?} is high in {}.tsv, so a cue for it does nothing",
                    cols[1], cols[0]
                )),
                Some(_) => {}
            }
            if let Some(prev) = &last {
                if *prev >= key {
                    problems.push(format!(
                        "{file}:{line_no}: out of order or repeated (sort by list, then term)"
                    ));
                }
            }
            last = Some(key);
            if cols[2..6]
                .iter()
                .all(|c| c.trim() == "-" || c.trim().is_empty())
            {
                problems.push(format!("{file}:{line_no}: {:?} has no cue", cols[1]));
            }
            for (i, c) in cols[2..6].iter().enumerate() {
                if c.trim() != "-"
                    && c.split("; ")
                        .any(|w| w.trim().is_empty() || w.contains(' '))
                {
                    problems.push(format!(
                        "{file}:{line_no}: column {} has an empty or two-word cue ({c:?}); cues are single words",
                        i + 3
                    ));
                }
            }
            // The example holds the term, in some form: its first word's
            // first four letters at least (inflections change the ending).
            let example = cols[6].to_lowercase().replace('-', " ");
            let term = cols[1].to_lowercase().replace('-', " ");
            let first = term.split(' ').next().unwrap_or("");
            let stem: String = first
                .chars()
                .take(4.max(first.chars().count().saturating_sub(2)))
                .collect();
            if !example.contains(&stem) {
                problems.push(format!(
                    "{file}:{line_no}: the example {:?} does not hold {:?}",
                    cols[6], cols[1]
                ));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "cue-file problems:\n{}",
        problems.join("\n")
    );
}

/// Every `uses.tsv` example is reported by the term's rule, and every
/// `senses.tsv` example by no rule at all: a cue that does not fire in its
/// own example is a cue that does nothing.
#[test]
fn uses_examples_are_reported() {
    let text = std::fs::read_to_string(dir().join("uses.tsv")).unwrap();
    let mut problems = Vec::new();
    for line in text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .skip(1)
    {
        let cols: Vec<&str> = line.split('\t').collect();
        let (Some(list), Some(example)) = (cols.first(), cols.get(6)) else {
            continue;
        };
        let rule = if *list == "jargon" {
            "jargon"
        } else {
            "complex-word"
        };
        let report = plainly_core::check(example, &plainly_core::Settings::default());
        if !report.diagnostics.iter().any(|d| d.rule == rule) {
            problems.push(format!("{}: {example:?} gives no {rule} finding", cols[1]));
        }
    }
    assert!(
        problems.is_empty(),
        "uses.tsv examples not reported:\n{}",
        problems.join("\n")
    );
}
