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

const SOURCES: &[&str] = &["own", "nhs", "govuk", "plainlanguage"];

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
