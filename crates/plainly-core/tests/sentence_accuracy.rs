//! Sentence splitting, measured on the hand-labelled set in
//! `tests/data/sentences.txt` (format described at its top).
//!
//! Print the figures with:
//! `cargo test -p plainly-core --test sentence_accuracy -- --nocapture`
//! (`tools/accuracy` prints them beside pysbd's).

use plainly_core::Document;

struct Case {
    line: usize,
    category: String,
    markdown: bool,
    input: String,
    expected: Vec<String>,
}

fn parse_cases(data: &str) -> Vec<Case> {
    let mut cases = Vec::new();
    let lines: Vec<&str> = data.lines().collect();
    let mut i = 0;
    while i < lines.len() && !lines[i].starts_with("===") {
        i += 1;
    }
    while i < lines.len() {
        let header = lines[i].trim_start_matches('=').trim();
        let mut words = header.split_whitespace();
        let category = words.next().unwrap_or("").to_owned();
        let markdown = words.any(|w| w == "markdown");
        let line = i + 1;
        i += 1;
        let mut input = Vec::new();
        while i < lines.len() && lines[i] != "---" && !lines[i].starts_with("===") {
            input.push(lines[i]);
            i += 1;
        }
        assert!(
            i < lines.len() && lines[i] == "---",
            "case at line {line}: no --- line"
        );
        i += 1;
        let mut expected = Vec::new();
        while i < lines.len() && !lines[i].starts_with("===") {
            if !lines[i].trim().is_empty() {
                expected.push(lines[i].trim().to_owned());
            }
            i += 1;
        }
        while input.last().is_some_and(|l| l.trim().is_empty()) {
            input.pop();
        }
        let mut input = input.join("\n");
        input.push('\n');
        cases.push(Case {
            line,
            category,
            markdown,
            input,
            expected,
        });
    }
    cases
}

fn split(input: &str) -> Vec<String> {
    Document::parse(input)
        .sentences()
        .map(|s| s.text())
        .collect()
}

/// The development set: written before the splitter, then used while
/// improving it.
#[test]
fn development_set_meets_the_target() {
    score(
        "development set (tests/data/sentences.txt)",
        include_str!("data/sentences.txt"),
        120,
        97.0,
    );
}

/// The held-out set: written by someone who saw neither the splitter nor
/// the development set, and never used to tune the splitter.
#[test]
fn held_out_set_meets_the_target() {
    score(
        "held-out set (tests/data/sentences-holdout.txt)",
        include_str!("data/sentences-holdout.txt"),
        100,
        97.0,
    );
}

/// The fourth sets, written blind for issue 11: references ("s. 117",
/// "pp. 4 to 5"), steps inside a paragraph, units at the end of a
/// sentence, spaced ellipses, and the rest. Target 98% on the held-out
/// part; until it is met, the floor is the figure reached.
#[test]
fn fourth_development_set() {
    score(
        "fourth development set (tests/data/sentences-4.txt)",
        include_str!("data/sentences-4.txt"),
        50,
        FOURTH_FLOOR,
    );
}

#[test]
fn fourth_held_out_set() {
    score(
        "fourth held-out set (tests/data/sentences-4-holdout.txt)",
        include_str!("data/sentences-4-holdout.txt"),
        100,
        FOURTH_FLOOR,
    );
}

/// 100% of the development cases and 97.3% of the held-out ones when
/// issue 11's work ended (target 98%).
const FOURTH_FLOOR: f64 = 97.0;

/// Held-out cases are not printed, so nobody tunes on them by accident;
/// `PLAINLY_SHOW_HELD_OUT=1` shows them.
fn show_cases(name: &str) -> bool {
    !name.starts_with("fourth held-out") || std::env::var_os("PLAINLY_SHOW_HELD_OUT").is_some()
}

fn score(name: &str, data: &str, min_cases: usize, floor: f64) {
    let cases = parse_cases(data);
    assert!(
        cases.len() >= min_cases,
        "the set needs at least {min_cases} cases"
    );

    let mut by_category: std::collections::BTreeMap<&str, (usize, usize)> = Default::default();
    let (mut prose, mut prose_ok, mut md, mut md_ok) = (0, 0, 0, 0);
    let mut failures = Vec::new();
    for case in &cases {
        let got = split(&case.input);
        let ok = got == case.expected;
        let entry = by_category.entry(&case.category).or_default();
        entry.0 += 1;
        entry.1 += usize::from(ok);
        if case.markdown {
            md += 1;
            md_ok += usize::from(ok);
        } else {
            prose += 1;
            prose_ok += usize::from(ok);
        }
        if !ok {
            failures.push((case, got));
        }
    }
    let total = cases.len();
    let exact = prose_ok + md_ok;
    let pct = |a: usize, b: usize| 100.0 * a as f64 / b.max(1) as f64;
    println!("plainly sentence splitting, exact splits, {name}:");
    println!(
        "  all cases     {exact:>4} / {total:<4} {:5.1}%",
        pct(exact, total)
    );
    println!(
        "  prose only    {prose_ok:>4} / {prose:<4} {:5.1}%",
        pct(prose_ok, prose)
    );
    println!(
        "  markdown only {md_ok:>4} / {md:<4} {:5.1}%",
        pct(md_ok, md)
    );
    for (cat, (n, ok)) in &by_category {
        println!("    {cat:<22} {ok:>3} / {n:<3} {:5.1}%", pct(*ok, *n));
    }
    for (case, got) in failures.iter().filter(|_| show_cases(name)) {
        println!(
            "\nmismatch, case at line {} ({}):",
            case.line, case.category
        );
        println!("  expected: {:?}", case.expected);
        println!("  got:      {:?}", got);
    }
    assert!(
        pct(exact, total) >= floor,
        "exact splits {:.1}% is under {floor}%",
        pct(exact, total)
    );
}
