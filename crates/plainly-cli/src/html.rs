//! `plainly check --format html`: one page to read, print or send by
//! email. Everything is in the file (styles in a `<style>` element, no
//! script, no images, nothing fetched), so it opens the same anywhere.
//! The web page's "Download report" gives this same file.
//!
//! Each file's text is shown as written, split into its paragraphs; every
//! finding is marked where it is and numbered, and the notes for each
//! paragraph sit beside it (below it on a narrow screen).

use std::fmt::Write as _;
use std::io::{self, Write};
use std::path::Path;

use plainly_core::{Diagnostic, LineIndex, Scores, Severity};
use plainly_web::{hard_sentences, mark_class, rule_label, MARKS_CSS};

use crate::check_cmd::{text_format, Checked};
use crate::output::reading_age_sentence;

/// Writes the report for `results` to standard output.
pub fn write(results: &[Checked]) -> io::Result<()> {
    let mut out = io::stdout().lock();
    out.write_all(report(results).as_bytes())?;
    out.flush()
}

/// The report for `results`, as one HTML document.
pub fn report(results: &[Checked]) -> String {
    let mut h = String::with_capacity(
        8192 + results
            .iter()
            .map(|r| r.text.len() * 2 + r.report.diagnostics.len() * 400)
            .sum::<usize>(),
    );
    let title = match results {
        [one] => format!("Plain English report: {}", one.name),
        _ => "Plain English report".to_owned(),
    };
    h.push_str("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n");
    h.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    let _ = writeln!(h, "<title>{}</title>", esc(&title));
    h.push_str("<style>\n");
    h.push_str(REPORT_CSS);
    h.push_str(MARKS_CSS);
    h.push_str("</style>\n</head>\n<body>\n<main>\n");
    let _ = writeln!(h, "<h1>{}</h1>", esc(&title));
    h.push_str(
        "<p>Made by plainly, which checks writing for plain English. Each problem is \
         marked in the text and numbered; what to do about it is beside the paragraph. \
         Sentences shaded yellow are hard to read; sentences shaded red are very hard.</p>\n",
    );
    summary_table(&mut h, results);
    legend(&mut h);
    for (i, r) in results.iter().enumerate() {
        file_section(&mut h, i, r);
    }
    h.push_str("</main>\n</body>\n</html>\n");
    h
}

fn summary_table(h: &mut String, results: &[Checked]) {
    h.push_str("<h2>Summary</h2>\n<table class=\"summary\">\n<thead><tr><th scope=\"col\">File</th>\
                <th scope=\"col\">Reading age</th><th scope=\"col\">Errors</th>\
                <th scope=\"col\">Warnings</th><th scope=\"col\">Notes</th></tr></thead>\n<tbody>\n");
    for (i, r) in results.iter().enumerate() {
        let count = |s: Severity| {
            r.report
                .diagnostics
                .iter()
                .filter(|d| d.severity == s)
                .count()
        };
        let age = r
            .report
            .metrics
            .scores
            .as_ref()
            .map_or("none".to_owned(), |s| format!("{:.0}", s.reading_age));
        let _ = writeln!(
            h,
            "<tr><th scope=\"row\"><a href=\"#file-{i}\">{}</a></th><td>{age}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(&r.name),
            count(Severity::Error),
            count(Severity::Warning),
            count(Severity::Info),
        );
    }
    h.push_str("</tbody>\n</table>\n");
}

fn legend(h: &mut String) {
    h.push_str("<h2>How problems are marked</h2>\n<ul class=\"legend\">\n");
    for &rule in plainly_core::rules::WORD_RULES {
        let _ = writeln!(
            h,
            "<li><mark class=\"pl-mark pl-k-{}\">{}</mark></li>",
            mark_class(rule),
            rule_label(rule)
        );
    }
    h.push_str(
        "<li><span class=\"pl-hard\">Hard sentence</span></li>\n\
         <li><span class=\"pl-very-hard\">Very hard sentence</span></li>\n</ul>\n\
         <p>A number after a sentence, paragraph or heading points to a note about all of it.</p>\n",
    );
}

fn file_section(h: &mut String, i: usize, r: &Checked) {
    let _ = writeln!(
        h,
        "<section class=\"file\" id=\"file-{i}\">\n<h2>{}</h2>",
        esc(&r.name)
    );
    let metrics = &r.report.metrics;
    match &metrics.scores {
        Some(scores) => {
            let _ = writeln!(
                h,
                "<p class=\"age\">{}</p>",
                esc(&reading_age_sentence(scores.reading_age, r.audience))
            );
            scale(
                h,
                scores.reading_age,
                r.audience.thresholds().max_reading_age,
            );
            h.push_str("<details>\n<summary>The scores behind the reading age</summary>\n");
            scores_table(h, scores, &metrics.counts);
            h.push_str("</details>\n");
        }
        None => h.push_str("<p class=\"age\">No sentences to score.</p>\n"),
    }
    let scored: Vec<_> = metrics
        .sections
        .iter()
        .filter_map(|s| Some((s, s.scores.as_ref()?)))
        .collect();
    if scored.len() > 1 {
        h.push_str(
            "<h3>Reading age of each section</h3>\n<table class=\"sections\">\n\
                    <thead><tr><th scope=\"col\">Section</th><th scope=\"col\">Reading age</th>\
                    <th scope=\"col\">Words</th></tr></thead>\n<tbody>\n",
        );
        for (section, scores) in scored {
            let _ = writeln!(
                h,
                "<tr><th scope=\"row\">{}</th><td>{:.0}</td><td>{}</td></tr>",
                esc(section
                    .heading
                    .as_deref()
                    .unwrap_or("(before the first heading)")),
                scores.reading_age,
                section.counts.words
            );
        }
        h.push_str("</tbody>\n</table>\n");
    }
    let count = r.report.diagnostics.len();
    let _ = writeln!(
        h,
        "<h3>The text, with {}</h3>",
        match count {
            0 => "nothing to change".to_owned(),
            1 => "1 problem marked".to_owned(),
            n => format!("{n} problems marked"),
        }
    );
    marked_text(h, i, r);
    h.push_str("</section>\n");
}

/// A bar from reading age 5 to 20, with the target band (the two years up
/// to the audience's target: 9 to 11 for the public) and the text's age.
fn scale(h: &mut String, age: f64, target: f64) {
    const LOW: f64 = 5.0;
    const HIGH: f64 = 20.0;
    let at = |x: f64| ((x.clamp(LOW, HIGH) - LOW) / (HIGH - LOW) * 100.0).round();
    let band_start = at(target - 2.0);
    let band_end = at(target);
    let _ = writeln!(
        h,
        "<div class=\"scale\" aria-hidden=\"true\"><div class=\"band\" style=\"left:{band_start}%;width:{}%\"></div>\
         <div class=\"marker\" style=\"left:{}%\"></div></div>\n\
         <p class=\"scale-labels\" aria-hidden=\"true\"><span>5</span><span>target: {} to {}</span><span>20</span></p>",
        band_end - band_start,
        at(age),
        target - 2.0,
        target
    );
}

fn scores_table(h: &mut String, s: &Scores, c: &plainly_core::Counts) {
    h.push_str("<table class=\"scores\">\n<tbody>\n");
    let rows: [(&str, String); 13] = [
        ("Reading age", format!("{:.1}", s.reading_age)),
        (
            "Flesch Reading Ease",
            format!("{:.1}", s.flesch_reading_ease),
        ),
        (
            "Flesch-Kincaid grade",
            format!("{:.1}", s.flesch_kincaid_grade),
        ),
        ("Gunning Fog", format!("{:.1}", s.gunning_fog)),
        ("SMOG", format!("{:.1}", s.smog)),
        ("Coleman-Liau", format!("{:.1}", s.coleman_liau)),
        (
            "Automated Readability Index",
            format!("{:.1}", s.automated_readability),
        ),
        ("Words", c.words.to_string()),
        ("Sentences", c.sentences.to_string()),
        ("Syllables", c.syllables.to_string()),
        (
            "Words of three or more syllables",
            c.polysyllables.to_string(),
        ),
        ("Paragraphs", c.paragraphs.to_string()),
        (
            "Enough text for the scores to be sure",
            if s.reliable {
                "yes"
            } else {
                "no: under 100 words"
            }
            .to_owned(),
        ),
    ];
    for (name, value) in rows {
        let _ = writeln!(h, "<tr><th scope=\"row\">{name}</th><td>{value}</td></tr>");
    }
    h.push_str("</tbody>\n</table>\n");
}

/// Byte ranges of the paragraphs of `text`: runs of lines between blank
/// lines.
fn paragraphs(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let blank = line.trim().is_empty();
        match (blank, start) {
            (false, None) => start = Some(pos),
            (true, Some(s)) => {
                out.push((s, pos));
                start = None;
            }
            _ => {}
        }
        pos += line.len();
    }
    if let Some(s) = start {
        out.push((s, text.len()));
    }
    out
}

/// The text, paragraph by paragraph, with each finding marked and its
/// note beside the paragraph where it starts.
fn marked_text(h: &mut String, file: usize, r: &Checked) {
    let text = r.text.as_str();
    let diagnostics = &r.report.diagnostics;
    let index = LineIndex::new(text);
    let shaded = hard_sentences(text, text_format(Path::new(&r.name)), r.audience);
    let clamp = |x: usize| {
        let mut x = x.min(text.len());
        while !text.is_char_boundary(x) {
            x -= 1;
        }
        x
    };
    // Findings in order of where they start, with their number (from 1).
    let spans: Vec<(usize, usize)> = diagnostics
        .iter()
        .map(|d| (clamp(d.span.start), clamp(d.span.end)))
        .collect();
    let mut noted = vec![false; diagnostics.len()];
    h.push_str("<div class=\"doc\">\n");
    let paras = paragraphs(text);
    for (pi, &(p_start, p_end)) in paras.iter().enumerate() {
        // Findings that start in this paragraph (or, for the last one,
        // anywhere after it) get their notes here.
        let last = pi + 1 == paras.len();
        let here: Vec<usize> = (0..diagnostics.len())
            .filter(|&k| !noted[k] && (spans[k].0 < p_end || last))
            .collect();
        // The findings and shaded sentences that reach into the paragraph.
        let local: Vec<usize> = (0..spans.len())
            .filter(|&k| spans[k].0 < p_end && spans[k].1 >= p_start)
            .collect();
        let local_shaded: Vec<&plainly_web::HardSentence> = shaded
            .iter()
            .filter(|s| s.span.start < p_end && s.span.end > p_start)
            .collect();
        // Points where marking changes inside the paragraph.
        let mut cuts = vec![p_start, p_end];
        for &k in &local {
            let (s, e) = spans[k];
            cuts.extend([s, e].into_iter().filter(|&x| x > p_start && x < p_end));
        }
        for s in &local_shaded {
            cuts.extend(
                [s.span.start, s.span.end]
                    .into_iter()
                    .map(clamp)
                    .filter(|&x| x > p_start && x < p_end),
            );
        }
        cuts.sort_unstable();
        cuts.dedup();
        h.push_str("<div class=\"para\">\n<div class=\"text\">");
        for pair in cuts.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            let covering: Vec<usize> = local
                .iter()
                .copied()
                .filter(|&k| spans[k].0 <= a && spans[k].1 >= b && spans[k].0 < spans[k].1)
                .collect();
            let shade = local_shaded
                .iter()
                .find(|s| s.span.start <= a && s.span.end >= b)
                .map(|s| {
                    if s.very_hard {
                        "pl-very-hard"
                    } else {
                        "pl-hard"
                    }
                });
            if let Some(class) = shade {
                let _ = write!(h, "<span class=\"{class}\">");
            }
            if covering.is_empty() {
                h.push_str(&esc(&text[a..b]));
            } else {
                // The narrowest finding decides the look; every finding
                // that covers the piece is listed.
                let narrowest = covering
                    .iter()
                    .copied()
                    .min_by_key(|&k| spans[k].1 - spans[k].0)
                    .unwrap_or(covering[0]);
                let ids: Vec<String> = covering.iter().map(|k| (k + 1).to_string()).collect();
                let _ = write!(
                    h,
                    "<mark class=\"pl-mark pl-k-{}\" data-findings=\"{}\">{}</mark>",
                    mark_class(diagnostics[narrowest].rule),
                    ids.join(" "),
                    esc(&text[a..b])
                );
            }
            // Numbers of the findings that end here.
            for &k in &local {
                if spans[k].1 == b {
                    let _ = write!(
                        h,
                        "<sup><a href=\"#f{file}-{n}\" class=\"ref\">{n}</a></sup>",
                        n = k + 1
                    );
                }
            }
            if shade.is_some() {
                h.push_str("</span>");
            }
        }
        h.push_str("</div>\n");
        if !here.is_empty() {
            h.push_str("<ol class=\"notes\">\n");
            for k in here {
                noted[k] = true;
                note(h, file, k, &diagnostics[k], text, &index);
            }
            h.push_str("</ol>\n");
        }
        h.push_str("</div>\n");
    }
    // A file with no paragraphs can still have findings (an unused
    // suppression comment, say).
    let rest: Vec<usize> = (0..diagnostics.len()).filter(|&k| !noted[k]).collect();
    if !rest.is_empty() {
        h.push_str("<ol class=\"notes\">\n");
        for k in rest {
            note(h, file, k, &diagnostics[k], text, &index);
        }
        h.push_str("</ol>\n");
    }
    h.push_str("</div>\n");
}

fn note(h: &mut String, file: usize, k: usize, d: &Diagnostic, text: &str, index: &LineIndex) {
    let at = index.line_col(text, d.span.start.min(text.len()));
    let level = match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    };
    let _ = write!(
        h,
        "<li id=\"f{file}-{n}\" value=\"{n}\" data-rule=\"{rule}\"><p><span class=\"kind\">\
         <mark class=\"pl-mark pl-k-{class}\">{label}</mark></span> <span class=\"where\">line {line}, {level}</span></p>\
         <p>{message}</p>",
        n = k + 1,
        rule = d.rule,
        class = mark_class(d.rule),
        label = rule_label(d.rule),
        line = at.line,
        message = esc(&d.message),
    );
    if !d.suggestions.is_empty() {
        h.push_str("<ul>");
        for s in &d.suggestions {
            let _ = write!(h, "<li>{}</li>", esc(&s.message));
        }
        h.push_str("</ul>");
    }
    h.push_str("</li>\n");
}

/// `text` with the characters HTML gives a meaning escaped.
fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The report's own styles. The text uses the reader's system fonts;
/// colours follow the NHS.UK palette, with contrast of at least 4.5:1.
const REPORT_CSS: &str = r#"
:root { color: #212b32; background: #f0f4f5; }
body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; font-size: 1.1875rem; line-height: 1.5; }
main { max-width: 72rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 2rem; line-height: 1.2; margin: 0.5rem 0 1rem; }
h2 { font-size: 1.5rem; margin: 2rem 0 0.75rem; }
h3 { font-size: 1.25rem; margin: 1.5rem 0 0.5rem; }
a { color: #005eb8; }
table { border-collapse: collapse; background: #fff; margin: 0 0 1rem; }
th, td { text-align: left; padding: 0.35rem 0.75rem; border-bottom: 1px solid #d8dde0; }
td { font-variant-numeric: tabular-nums; }
.file { background: #fff; border: 1px solid #d8dde0; padding: 0 1rem 1rem; margin: 2rem 0; }
.age { font-size: 1.25rem; font-weight: 600; }
.scale { position: relative; height: 1rem; background: #d8dde0; border: 1px solid #425563; max-width: 30rem; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.scale .band { position: absolute; top: 0; bottom: 0; background: #007f3b; }
.scale .marker { position: absolute; top: -0.35rem; bottom: -0.35rem; width: 0.35rem; margin-left: -0.175rem; background: #212b32; }
.scale-labels { display: flex; justify-content: space-between; max-width: 30rem; margin: 0.25rem 0 1rem; font-size: 1rem; }
details { margin: 0 0 1rem; }
summary { color: #005eb8; cursor: pointer; text-decoration: underline; }
.legend { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.5rem 1.25rem; }
.doc { border-top: 1px solid #d8dde0; }
.para { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 1.5rem; padding: 0.75rem 0; border-bottom: 1px solid #d8dde0; break-inside: avoid; }
.text { white-space: pre-wrap; overflow-wrap: anywhere; }
.notes { margin: 0; padding-left: 1.75rem; font-size: 1rem; }
.notes > li { margin-bottom: 0.75rem; }
.notes p { margin: 0 0 0.25rem; }
.notes ul { margin: 0; padding-left: 1.25rem; }
.where { color: #4c6272; }
sup { font-size: 0.7em; line-height: 0; }
.ref { text-decoration: none; font-weight: 600; padding: 0 0.1em; }
h1, h2, h3, th, td { overflow-wrap: anywhere; }
@media (max-width: 40rem) {
  body { font-size: 1rem; }
  h1 { font-size: 1.5rem; }
  main { padding: 0.5rem; }
  .file { padding: 0 0.5rem 0.5rem; }
  th, td { padding: 0.3rem 0.35rem; }
  .para { grid-template-columns: 1fr; gap: 0.5rem; }
}
@media print {
  :root { background: #fff; }
  main { max-width: none; padding: 0; }
  .file { border: 0; padding: 0; }
  details > * { display: block; }
  a { color: inherit; }
}
"#;
