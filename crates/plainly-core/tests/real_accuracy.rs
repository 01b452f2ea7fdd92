//! How much of the jargon in real documents plainly finds: the fourth
//! labelled sets, written blind for issue 11 by four writers who read no
//! code, no word list and no labelled case (see the header of each file):
//!
//! - `rules-flagged-4a*.tsv`, `rules-flagged-4b*.tsv`: single sentences,
//!   each with one term a plain-English editor would change, labelled by
//!   category (form, sense, vocabulary, rare, abbreviation);
//! - `rules-clean-4a*.txt`, `rules-clean-4b*.txt`: plain sentences, most of
//!   them near misses, that must give no finding from a word rule;
//! - `documents/`: longer documents in the register of published policy,
//!   guidance and letters, with every span an editor would change marked
//!   `{{like this}}`.
//!
//! Each writer put about a third of their cases in a development file and
//! the rest in a held-out file (`-holdout`, `documents/holdout/`). The
//! held-out cases are never printed unless `PLAINLY_SHOW_HELD_OUT=1`, so
//! nobody tunes on them by accident. The targets of issue 11 apply to the
//! held-out data; where a target is not met yet, the floor below is the
//! figure reached, so a change that makes things worse fails.
//!
//! Print the figures with:
//! `cargo test -p plainly-core --release --test real_accuracy -- --nocapture --test-threads 1`

use std::path::Path;

use plainly_core::{check, rules::WORD_RULES, Settings};

/// Rules that flag words and phrases, for counting. `uncommon-word` is
/// counted when it exists.
fn word_rule(rule: &str) -> bool {
    WORD_RULES.contains(&rule) || rule == "uncommon-word"
}

/// Rules that flag terms, as the documents' labels mark them: not
/// passive-voice or all-caps, which the labels leave alone.
fn term_rule(rule: &str) -> bool {
    matches!(
        rule,
        "jargon"
            | "complex-word"
            | "undefined-abbreviation"
            | "latin-abbreviation"
            | "inclusive-language"
            | "uncommon-word"
    )
}

fn show(set: &str) -> bool {
    !set.contains("held-out") || std::env::var_os("PLAINLY_SHOW_HELD_OUT").is_some()
}

fn pct(a: usize, b: usize) -> f64 {
    100.0 * a as f64 / b.max(1) as f64
}

fn data(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Data rows after the `#` comments and the header line.
fn rows(text: &str) -> impl Iterator<Item = Vec<&str>> {
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .skip(1)
        .map(|l| l.split('\t').collect())
}

/// Terms found, by category and in all: `(found, total)`.
fn flagged(set: &str, files: &[&str]) -> (usize, usize) {
    let mut by_category: std::collections::BTreeMap<String, (usize, usize)> = Default::default();
    let mut misses = Vec::new();
    for file in files {
        let text = data(file);
        for r in rows(&text) {
            let [_rule, category, term, sentence] = r[..] else {
                panic!("{file}: a row without four columns: {r:?}");
            };
            let at = sentence
                .find(term)
                .unwrap_or_else(|| panic!("{file}: {term:?} is not in {sentence:?}"));
            let span = at..at + term.len();
            let report = check(sentence, &Settings::default());
            let hit = report
                .diagnostics
                .iter()
                .any(|d| word_rule(d.rule) && d.span.start < span.end && span.start < d.span.end);
            let c = by_category.entry(category.to_owned()).or_default();
            c.1 += 1;
            if hit {
                c.0 += 1;
            } else {
                misses.push(format!("{category}: {term:?} in {sentence:?}"));
            }
        }
    }
    let found: usize = by_category.values().map(|c| c.0).sum();
    let total: usize = by_category.values().map(|c| c.1).sum();
    println!(
        "{set}: terms found {found} of {total} = {:.1}%",
        pct(found, total)
    );
    for (category, (f, t)) in &by_category {
        println!("  {category:<12} {f:>3} of {t:>3} = {:.1}%", pct(*f, *t));
    }
    if show(set) {
        for m in &misses {
            println!("  MISS {m}");
        }
    }
    (found, total)
}

/// Clean sentences with a finding: `(from a word rule, from any rule, total)`.
fn clean(set: &str, files: &[&str]) -> (usize, usize, usize) {
    let (mut word, mut any, mut total) = (0, 0, 0);
    let mut extra = Vec::new();
    for file in files {
        let text = data(file);
        for r in rows(&text) {
            let [_category, sentence] = r[..] else {
                panic!("{file}: a row without two columns: {r:?}");
            };
            total += 1;
            let report = check(sentence, &Settings::default());
            if !report.diagnostics.is_empty() {
                any += 1;
            }
            let words: Vec<_> = report
                .diagnostics
                .iter()
                .filter(|d| word_rule(d.rule))
                .map(|d| format!("{} {:?}", d.rule, d.span.text(sentence)))
                .collect();
            if !words.is_empty() {
                word += 1;
                extra.push(format!("{sentence:?}: {}", words.join(", ")));
            }
        }
    }
    println!(
        "{set}: clean sentences flagged by a word rule {word} of {total} = {:.1}% (by any rule {any} = {:.1}%)",
        pct(word, total),
        pct(any, total)
    );
    if show(set) {
        for e in &extra {
            println!("  EXTRA {e}");
        }
    }
    (word, any, total)
}

/// A labelled document: the text with the marks taken out, and the spans
/// they marked. The HTML comment at the top describes the marks, so marks
/// are read only after it.
fn unmark(labelled: &str) -> (String, Vec<std::ops::Range<usize>>) {
    let body_from = if labelled.trim_start().starts_with("<!--") {
        labelled.find("-->").map_or(0, |i| i + 3)
    } else {
        0
    };
    let mut text = String::from(&labelled[..body_from]);
    let mut spans = Vec::new();
    let mut rest = &labelled[body_from..];
    while let Some(open) = rest.find("{{") {
        text.push_str(&rest[..open]);
        let after = &rest[open + 2..];
        let close = after.find("}}").expect("a mark without its }}");
        let start = text.len();
        text.push_str(&after[..close]);
        spans.push(start..text.len());
        rest = &after[close + 2..];
    }
    text.push_str(rest);
    (text, spans)
}

/// Documents: `(labels found, labels, false findings, words)`.
fn documents(set: &str, folder: &str) -> (usize, usize, usize, usize) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/documents")
        .join(folder);
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .collect();
    paths.sort();
    let (mut found, mut labels, mut false_findings, mut words) = (0, 0, 0, 0);
    for path in &paths {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let (text, spans) = unmark(&std::fs::read_to_string(path).unwrap());
        let report = check(&text, &Settings::default());
        let findings: Vec<_> = report
            .diagnostics
            .iter()
            .filter(|d| term_rule(d.rule))
            .collect();
        let overlaps =
            |a: &std::ops::Range<usize>, s: plainly_core::Span| s.start < a.end && a.start < s.end;
        let mut misses = Vec::new();
        let mut f = 0;
        for s in &spans {
            if findings.iter().any(|d| overlaps(s, d.span)) {
                f += 1;
            } else {
                misses.push(&text[s.clone()]);
            }
        }
        let wrong: Vec<_> = findings
            .iter()
            .filter(|d| !spans.iter().any(|s| overlaps(s, d.span)))
            .collect();
        let w = report.metrics.counts.words as usize;
        println!(
            "  {name:<48} {f:>3} of {:>3} = {:>5.1}%, {} false in {w} words",
            spans.len(),
            pct(f, spans.len()),
            wrong.len()
        );
        if show(set) {
            println!("    MISS {}", misses.join(" | "));
            for d in &wrong {
                println!("    EXTRA {} {:?}", d.rule, d.span.text(&text));
            }
        }
        found += f;
        labels += spans.len();
        false_findings += wrong.len();
        words += w;
    }
    println!(
        "{set}: {} documents, labelled terms found {found} of {labels} = {:.1}%, false findings {false_findings} in {words} words = {:.2} per 500 words",
        paths.len(),
        pct(found, labels),
        500.0 * false_findings as f64 / words.max(1) as f64
    );
    (found, labels, false_findings, words)
}

#[test]
fn fourth_development_sets() {
    let (found, total) = flagged(
        "fourth development",
        &["rules-flagged-4a.tsv", "rules-flagged-4b.tsv"],
    );
    assert!(total >= 150);
    assert!(pct(found, total) >= FLOOR_DEV_RECALL, "recall fell");
    let (word, _, total) = clean(
        "fourth development",
        &["rules-clean-4a.txt", "rules-clean-4b.txt"],
    );
    assert!(total >= 100);
    assert!(pct(word, total) <= 3.0, "clean sentences flagged");
}

#[test]
fn fourth_held_out_sets() {
    let (found, total) = flagged(
        "fourth held-out",
        &[
            "rules-flagged-4a-holdout.tsv",
            "rules-flagged-4b-holdout.tsv",
        ],
    );
    assert!(total >= 300);
    assert!(pct(found, total) >= FLOOR_HELD_OUT_RECALL, "recall fell");
    let (word, _, total) = clean(
        "fourth held-out",
        &["rules-clean-4a-holdout.txt", "rules-clean-4b-holdout.txt"],
    );
    assert!(total >= 200);
    assert!(pct(word, total) <= 3.0, "clean sentences flagged");
}

#[test]
fn development_documents() {
    let (found, labels, wrong, words) = documents("development documents", "dev");
    assert!(labels >= 200);
    assert!(pct(found, labels) >= FLOOR_DEV_DOCUMENTS, "recall fell");
    assert!(
        500.0 * wrong as f64 / words as f64 <= CEILING_FALSE_PER_500,
        "false findings rose"
    );
}

#[test]
fn held_out_documents() {
    let (found, labels, wrong, words) = documents("held-out documents", "holdout");
    assert!(labels >= 400);
    assert!(
        pct(found, labels) >= FLOOR_HELD_OUT_DOCUMENTS,
        "recall fell"
    );
    assert!(
        500.0 * wrong as f64 / words as f64 <= CEILING_FALSE_PER_500,
        "false findings rose"
    );
}

/// Floors and ceiling: a little under the figures reached when issue 11's
/// work ended, so that a change that makes things worse fails. Targets:
/// 92% of held-out terms; 70% of labelled terms in held-out documents with
/// at most one false finding per 500 words. Reached: development terms
/// 98.1%, held-out 87.2%; development documents 94.4% with 2.03 false per
/// 500 words (tuned on: it flatters), held-out documents 65.4% with 3.55.
const FLOOR_DEV_RECALL: f64 = 95.0;
const FLOOR_HELD_OUT_RECALL: f64 = 86.0;
const FLOOR_DEV_DOCUMENTS: f64 = 92.0;
const FLOOR_HELD_OUT_DOCUMENTS: f64 = 64.0;
const CEILING_FALSE_PER_500: f64 = 3.7;

#[test]
fn marks_are_read_and_taken_out() {
    let (text, spans) = unmark("<!-- `{{...}}` marks -->\nWe {{utilise}} a {{care package}}.");
    assert_eq!(text, "<!-- `{{...}}` marks -->\nWe utilise a care package.");
    let got: Vec<_> = spans.iter().map(|s| &text[s.clone()]).collect();
    assert_eq!(got, ["utilise", "care package"]);
}
