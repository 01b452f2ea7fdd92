//! The rules, measured on hand-labelled data written without sight of the
//! checker's code (see the headers of the files in `tests/data/`):
//!
//! - `rules-flagged.tsv`: sentences that each hold one term a rule must flag;
//! - `rules-clean.txt`: plain sentences, near misses included, that must give
//!   no finding at all;
//! - `abbreviations.txt`: short documents with abbreviations defined in every
//!   form, defined late, well known, and look-alikes.
//!
//! Print the figures with:
//! `cargo test -p plainly-core --test rule_accuracy -- --nocapture --test-threads 1`

use plainly_core::{check, Audience, Settings};

fn pct(a: usize, b: usize) -> f64 {
    100.0 * a as f64 / b.max(1) as f64
}

/// Whether to print the cases a set gets wrong. Held-out cases are not
/// printed, so nobody tunes the rules or lists on them by accident; set
/// `PLAINLY_SHOW_HELD_OUT=1` to see them when the measuring is done.
fn show_cases(set: &str) -> bool {
    !set.contains("held-out") || std::env::var_os("PLAINLY_SHOW_HELD_OUT").is_some()
}

fn data_rows(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
}

/// The targets: at least 90% of terms found, at most 3% of clean sentences
/// flagged, abbreviation F1 at least 0.9.
const TARGET_RECALL: f64 = 90.0;
const TARGET_CLEAN_FLAGGED: f64 = 3.0;

/// The development sets: written blind, then used while improving the
/// rules. The held-out sets were written later by someone who saw neither
/// the rules nor the development cases.
#[test]
fn flagged_terms_are_found() {
    flagged_terms(
        "development",
        include_str!("data/rules-flagged.tsv"),
        200,
        TARGET_RECALL,
    );
}

/// The first held-out set. It meets the target now, so the target is its
/// floor.
#[test]
fn held_out_flagged_terms_are_found() {
    flagged_terms(
        "held-out",
        include_str!("data/rules-flagged-holdout.tsv"),
        100,
        TARGET_RECALL,
    );
}

/// The second held-out set, written blind later still: its writer saw no
/// code, no word list and no labelled case. Measured only. It met the
/// targets after the lists grew (87.1% of terms found at first) and the
/// rules learnt everyday senses (3.8% of clean sentences flagged at first),
/// so the targets are its floor and ceiling.
#[test]
fn second_held_out_flagged_terms_are_found() {
    flagged_terms(
        "second held-out",
        include_str!("data/rules-flagged-holdout2.tsv"),
        200,
        TARGET_RECALL,
    );
}

/// The third held-out set, written blind like the second, while the rules
/// were being changed to flag fewer clean sentences: the measure of that
/// work: 8.5% of clean sentences flagged before it, 2.6% after. Terms
/// found went from 88.8% to 90.3% when the lists grew again. Both meet
/// the targets, which are its floor and ceiling.
#[test]
fn third_held_out_flagged_terms_are_found() {
    flagged_terms(
        "third held-out",
        include_str!("data/rules-flagged-holdout3.tsv"),
        200,
        TARGET_RECALL,
    );
}

#[test]
fn clean_sentences_stay_clean() {
    clean_sentences(
        "development",
        include_str!("data/rules-clean.txt"),
        150,
        TARGET_CLEAN_FLAGGED,
    );
}

#[test]
fn held_out_clean_sentences_stay_clean() {
    clean_sentences(
        "held-out",
        include_str!("data/rules-clean-holdout.txt"),
        100,
        TARGET_CLEAN_FLAGGED,
    );
}

#[test]
fn second_held_out_clean_sentences_stay_clean() {
    clean_sentences(
        "second held-out",
        include_str!("data/rules-clean-holdout2.txt"),
        150,
        TARGET_CLEAN_FLAGGED,
    );
}

#[test]
fn third_held_out_clean_sentences_stay_clean() {
    clean_sentences(
        "third held-out",
        include_str!("data/rules-clean-holdout3.txt"),
        200,
        TARGET_CLEAN_FLAGGED,
    );
}

#[test]
fn abbreviations_f1() {
    abbreviations("development", include_str!("data/abbreviations.txt"), 60);
}

#[test]
fn held_out_abbreviations_f1() {
    abbreviations(
        "held-out",
        include_str!("data/abbreviations-holdout.txt"),
        40,
    );
}

/// The fourth sets, written blind for issue 11 (target F1 0.97 on the
/// held-out part). Until it is met, the floor is the figure reached.
#[test]
fn fourth_abbreviations_f1() {
    abbreviations_at_least(
        "fourth development",
        include_str!("data/abbreviations-4.txt"),
        25,
        FOURTH_FLOOR,
    );
}

#[test]
fn fourth_held_out_abbreviations_f1() {
    abbreviations_at_least(
        "fourth held-out",
        include_str!("data/abbreviations-4-holdout.txt"),
        50,
        FOURTH_FLOOR,
    );
}

/// The target: F1 0.981 (development) and 0.986 (held-out) were reached.
const FOURTH_FLOOR: f64 = 0.97;

fn flagged_terms(set: &str, data: &str, min: usize, floor: f64) {
    let mut by_rule: std::collections::BTreeMap<String, (usize, usize)> = Default::default();
    let mut misses = Vec::new();
    let mut extra = 0;
    let mut total = 0;
    let mut found = 0;
    for row in data_rows(data).skip(1) {
        let cols: Vec<&str> = row.split('\t').collect();
        assert_eq!(cols.len(), 3, "bad row: {row}");
        let (rule, term, sentence) = (
            cols[0],
            cols[1].replace("\\n", "\n"),
            cols[2].replace("\\n", "\n"),
        );
        let at = sentence
            .find(&term)
            .unwrap_or_else(|| panic!("term {term:?} not in {sentence:?}"));
        let term_span = (at, at + term.len());
        let report = check(&sentence, &Settings::default());
        let hit = report
            .diagnostics
            .iter()
            .any(|d| d.rule == rule && d.span.start < term_span.1 && term_span.0 < d.span.end);
        extra += report
            .diagnostics
            .iter()
            .filter(|d| !(d.rule == rule && d.span.start < term_span.1 && term_span.0 < d.span.end))
            .count();
        let e = by_rule.entry(rule.to_owned()).or_default();
        e.0 += 1;
        e.1 += usize::from(hit);
        total += 1;
        found += usize::from(hit);
        if !hit {
            misses.push(format!("{rule}: {term:?} in {sentence:?}"));
        }
    }
    println!(
        "Flagged terms found ({set} set): {found} / {total} ({:.1}%); target {TARGET_RECALL}%, this test's floor {floor}%",
        pct(found, total)
    );
    for (rule, (n, ok)) in &by_rule {
        println!("  {rule:<22} {ok:>3} / {n:<3} {:5.1}%", pct(*ok, *n));
    }
    println!("  other findings in those sentences: {extra}");
    for m in misses.iter().filter(|_| show_cases(set)) {
        println!("  missed {m}");
    }
    assert!(total >= min);
    assert!(
        pct(found, total) >= floor,
        "only {:.1}% of terms found; the floor is {floor}%",
        pct(found, total)
    );
}

fn clean_sentences(set: &str, data: &str, min: usize, ceiling: f64) {
    let mut flagged = Vec::new();
    let mut total = 0;
    for sentence in data_rows(data) {
        total += 1;
        let report = check(sentence, &Settings::default());
        if !report.diagnostics.is_empty() {
            let what: Vec<String> = report
                .diagnostics
                .iter()
                .map(|d| format!("{} {:?}", d.rule, d.span.text(sentence)))
                .collect();
            flagged.push(format!("{sentence:?}: {}", what.join(", ")));
        }
    }
    println!(
        "Clean sentences flagged ({set} set): {} / {total} ({:.1}%); target at most {TARGET_CLEAN_FLAGGED}%, this test's ceiling {ceiling}%",
        flagged.len(),
        pct(flagged.len(), total)
    );
    for f in flagged.iter().filter(|_| show_cases(set)) {
        println!("  {f}");
    }
    assert!(total >= min);
    assert!(
        pct(flagged.len(), total) <= ceiling,
        "{:.1}% of clean sentences flagged; the ceiling is {ceiling}%",
        pct(flagged.len(), total)
    );
}

struct AbbrCase {
    name: String,
    easy_read: bool,
    doc: String,
    expected: Vec<(String, Option<usize>)>,
}

fn abbreviation_cases(data: &str) -> Vec<AbbrCase> {
    let mut cases = Vec::new();
    let lines: Vec<&str> = data.lines().collect();
    let mut i = lines
        .iter()
        .position(|l| l.starts_with("==="))
        .unwrap_or(lines.len());
    while i < lines.len() {
        let header = lines[i].trim_start_matches('=').trim();
        let mut words = header.split_whitespace();
        let name = words.next().unwrap_or("").to_owned();
        // The flag may be written bare or in brackets: "[easy-read]".
        let easy_read = words.any(|w| w.trim_matches(['[', ']']) == "easy-read");
        i += 1;
        let mut doc = Vec::new();
        while i < lines.len() && lines[i] != "---" {
            doc.push(lines[i]);
            i += 1;
        }
        i += 1;
        let mut expected = Vec::new();
        while i < lines.len() && !lines[i].starts_with("===") {
            let l = lines[i].trim();
            if !l.is_empty() && l != "(none)" {
                let parts: Vec<&str> = l.split_whitespace().collect();
                let later =
                    (parts.len() == 3 && parts[1] == "later").then(|| parts[2].parse().unwrap());
                expected.push((parts[0].to_owned(), later));
            }
            i += 1;
        }
        while doc.last().is_some_and(|l| l.trim().is_empty()) {
            doc.pop();
        }
        cases.push(AbbrCase {
            name,
            easy_read,
            doc: doc.join("\n") + "\n",
            expected,
        });
    }
    cases
}

fn abbreviations(set: &str, data: &str, min: usize) {
    abbreviations_at_least(set, data, min, 0.9);
}

fn abbreviations_at_least(set: &str, data: &str, min: usize, floor: f64) {
    let cases = abbreviation_cases(data);
    let (mut tp, mut fp, mut fn_, mut later_ok, mut later_total) = (0, 0, 0, 0, 0);
    let mut wrong = Vec::new();
    for case in &cases {
        let settings = Settings::for_audience(if case.easy_read {
            Audience::EasyRead
        } else {
            Audience::Public
        });
        let report = check(&case.doc, &settings);
        let got: Vec<(String, &str)> = report
            .diagnostics
            .iter()
            .filter(|d| d.rule == "undefined-abbreviation")
            .map(|d| {
                let t = d.span.text(&case.doc);
                (
                    t.trim_end_matches("'s").trim_end_matches("’s").to_owned(),
                    d.message.as_str(),
                )
            })
            .collect();
        for (abbr, later) in &case.expected {
            match got.iter().find(|(g, _)| g == abbr) {
                Some((_, message)) => {
                    tp += 1;
                    if let Some(n) = later {
                        later_total += 1;
                        if message.contains(&format!("line {n}")) {
                            later_ok += 1;
                        }
                    }
                }
                None => {
                    fn_ += 1;
                    wrong.push(format!("{}: missed {abbr}", case.name));
                }
            }
        }
        for (g, _) in &got {
            if !case.expected.iter().any(|(a, _)| a == g) {
                fp += 1;
                wrong.push(format!("{}: flagged {g} wrongly", case.name));
            }
        }
    }
    let precision = tp as f64 / (tp + fp).max(1) as f64;
    let recall = tp as f64 / (tp + fn_).max(1) as f64;
    let f1 = 2.0 * precision * recall / (precision + recall).max(f64::EPSILON);
    println!(
        "Abbreviations ({set} set): {} documents; precision {precision:.3}, recall {recall:.3}, F1 {f1:.3} (tp {tp}, fp {fp}, fn {fn_}); \"defined later\" line right {later_ok} / {later_total}",
        cases.len()
    );
    for w in wrong.iter().filter(|_| show_cases(set)) {
        println!("  {w}");
    }
    assert!(cases.len() >= min);
    assert!(f1 >= floor, "abbreviation F1 {f1:.3} is under {floor}");
}
