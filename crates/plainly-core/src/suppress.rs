//! After the rules: words a project allows, suppression comments, and
//! severities set by hand.
//!
//! Suppression comments are HTML comments, so they do not show when the
//! Markdown is rendered:
//!
//! - `<!-- plainly-disable RULE... -->` hides findings from there on, until
//!   `<!-- plainly-enable RULE... -->` or the end of the document;
//! - `<!-- plainly-disable-next-line RULE... -->` hides findings that start
//!   on the line after the comment.
//!
//! With no rule names, a comment covers every rule. A comment that hides
//! nothing, or names a rule that does not exist, is itself reported (by
//! `unused-suppression`), so stale comments do not pile up.

use std::collections::HashSet;

use crate::diagnostic::{Applicability, Diagnostic, Suggestion};
use crate::rules::{self, unused_suppression::UNUSED_SUPPRESSION, WORD_RULES};
use crate::settings::Settings;
use crate::{wordlists, LineIndex, Span};

/// Drops findings on allowed words and suppressed lines, reports unused
/// suppressions, and applies severities set in `settings`.
pub(crate) fn filter(
    source: &str,
    comments: &[Span],
    lines: &LineIndex,
    settings: &Settings,
    diagnostics: &mut Vec<Diagnostic>,
) {
    if !settings.words.allowed.is_empty() {
        let allowed = allowed_forms(&settings.words.allowed);
        diagnostics.retain(|d| {
            !(WORD_RULES.contains(&d.rule) && is_allowed(&allowed, d.span.text(source)))
        });
    }
    if !comments.is_empty() {
        suppress(source, comments, lines, settings, diagnostics);
    }
    if !settings.severity.is_empty() {
        for d in diagnostics.iter_mut() {
            if let Some(s) = settings.severity.get(d.rule) {
                d.severity = *s;
            }
        }
    }
}

/// Every form of the allowed terms, lower case: inflections and spellings
/// as the word lists match them.
fn allowed_forms(allowed: &[String]) -> HashSet<String> {
    allowed
        .iter()
        .map(|a| normalise(a))
        .filter(|a| !a.is_empty())
        .flat_map(|a| wordlists::variants(&a))
        .collect()
}

/// Lower case, single spaces, straight apostrophes.
fn normalise(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace('’', "'")
        .to_lowercase()
}

fn is_allowed(allowed: &HashSet<String>, text: &str) -> bool {
    let t = normalise(text);
    allowed.contains(&t)
        || t.strip_suffix("'s").is_some_and(|b| allowed.contains(b))
        // Plurals of abbreviations: "GPs" when "GP" is allowed.
        || t.strip_suffix('s').is_some_and(|b| allowed.contains(b))
}

#[derive(Debug, PartialEq, Eq, Clone, Copy)]
enum Directive {
    Disable,
    Enable,
    DisableNextLine,
}

/// One suppression: which rules (none listed: all), where, and whether it
/// hid anything.
#[derive(Debug)]
struct Suppression {
    comment: Span,
    rules: Vec<String>,
    range: Span,
    used: bool,
}

impl Suppression {
    fn covers(&self, d: &Diagnostic) -> bool {
        self.range.start <= d.span.start
            && d.span.start < self.range.end
            && (self.rules.is_empty() || self.rules.iter().any(|r| r == d.rule))
    }
}

fn suppress(
    source: &str,
    comments: &[Span],
    lines: &LineIndex,
    settings: &Settings,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let mut found = Vec::new();
    let mut problems = Vec::new();
    // Open `plainly-disable` ranges: (comment, rules).
    let mut open: Vec<(Span, Vec<String>)> = Vec::new();
    for &comment in comments {
        let Some((directive, names)) = parse(comment.text(source), comment, &mut problems) else {
            continue;
        };
        let named = !names.is_empty();
        let mut known = Vec::new();
        for (name, span) in names {
            if rules::rule(&name).is_some() {
                known.push(name);
            } else {
                problems.push(unknown_rule(&name, span));
            }
        }
        if named && known.is_empty() {
            // Every name was wrong: the comment does nothing, and the
            // names are already reported.
            continue;
        }
        match directive {
            Directive::DisableNextLine => {
                let next = lines.line_of(comment.end) + 1;
                let range = if next < lines.line_count() {
                    let start = lines.line_start(next);
                    let end = if next + 1 < lines.line_count() {
                        lines.line_start(next + 1)
                    } else {
                        source.len()
                    };
                    Span::new(start, end)
                } else {
                    Span::new(source.len(), source.len())
                };
                found.push(Suppression {
                    comment,
                    rules: known,
                    range,
                    used: false,
                });
            }
            Directive::Disable => open.push((comment, known)),
            Directive::Enable => {
                let mut still_open = Vec::new();
                for (start, rules) in open.drain(..) {
                    let closes_all = known.is_empty();
                    let (closed, kept): (Vec<String>, Vec<String>) = if closes_all {
                        (rules, Vec::new())
                    } else if rules.is_empty() {
                        // `disable` of every rule, then `enable` of some:
                        // the others stay off.
                        let others: Vec<String> = rules::RULES
                            .iter()
                            .map(|r| r.name.to_owned())
                            .filter(|n| !known.contains(n))
                            .collect();
                        found.push(Suppression {
                            comment: start,
                            rules: Vec::new(),
                            range: Span::new(start.end, comment.start),
                            used: false,
                        });
                        still_open.push((start, others));
                        continue;
                    } else {
                        rules.into_iter().partition(|r| known.contains(r))
                    };
                    if closes_all || !closed.is_empty() {
                        found.push(Suppression {
                            comment: start,
                            rules: closed,
                            range: Span::new(start.end, comment.start),
                            used: false,
                        });
                    }
                    if !kept.is_empty() {
                        still_open.push((start, kept));
                    }
                }
                open = still_open;
            }
        }
    }
    for (start, rules) in open {
        found.push(Suppression {
            comment: start,
            rules,
            range: Span::new(start.end, source.len()),
            used: false,
        });
    }

    diagnostics.retain(|d| {
        let mut hidden = false;
        for s in found.iter_mut().filter(|s| s.covers(d)) {
            s.used = true;
            hidden = true;
        }
        !hidden
    });

    if settings.enabled(UNUSED_SUPPRESSION.name) {
        // One comment may stand for several ranges (a `disable` split by a
        // partial `enable`): it is unused only when none of them was used.
        let mut used: HashSet<Span> = HashSet::new();
        for s in &found {
            if s.used {
                used.insert(s.comment);
            }
        }
        let mut reported: HashSet<Span> = HashSet::new();
        for s in &found {
            // A comment for a rule switched off in the settings may still
            // matter elsewhere: leave it be.
            let all_on = s.rules.iter().all(|r| settings.enabled(r));
            if used.contains(&s.comment) || !all_on || !reported.insert(s.comment) {
                continue;
            }
            problems.push(unused(source, lines, s.comment));
        }
        diagnostics.extend(problems);
    }
}

/// Reads a comment. Returns the directive and the rule names with their
/// spans, or `None` when the comment is not for plainly.
fn parse(
    text: &str,
    span: Span,
    problems: &mut Vec<Diagnostic>,
) -> Option<(Directive, Vec<(String, Span)>)> {
    let inner = text.strip_prefix("<!--")?;
    let inner = inner.strip_suffix("-->").unwrap_or(inner);
    let offset = span.start + 4;
    let trimmed = inner.trim_start();
    let lead = inner.len() - trimmed.len();
    let word_end = trimmed
        .find(|c: char| c.is_whitespace())
        .unwrap_or(trimmed.len());
    let word = &trimmed[..word_end];
    if !word.starts_with("plainly-") {
        return None;
    }
    let directive = match word {
        "plainly-disable" => Directive::Disable,
        "plainly-enable" => Directive::Enable,
        "plainly-disable-next-line" => Directive::DisableNextLine,
        _ => {
            problems.push(unknown_directive(word, span));
            return None;
        }
    };
    let mut names = Vec::new();
    let rest = &trimmed[word_end..];
    let rest_at = offset + lead + word_end;
    let mut pos = 0;
    for part in rest.split(|c: char| c.is_whitespace() || c == ',') {
        if !part.is_empty() {
            names.push((
                part.to_owned(),
                Span::new(rest_at + pos, rest_at + pos + part.len()),
            ));
        }
        pos += part.len() + 1;
    }
    Some((directive, names))
}

fn unused(source: &str, lines: &LineIndex, comment: Span) -> Diagnostic {
    // Take the whole line when the comment is alone on it.
    let line = lines.line_of(comment.start);
    let start = lines.line_start(line);
    let end = if line + 1 < lines.line_count() {
        lines.line_start(line + 1)
    } else {
        source.len()
    };
    let alone = source[start..comment.start].trim().is_empty()
        && source[comment.end..end].trim().is_empty();
    let remove = if alone {
        Span::new(start, end)
    } else {
        comment
    };
    Diagnostic {
        rule: UNUSED_SUPPRESSION.name,
        severity: UNUSED_SUPPRESSION.severity,
        span: comment,
        message: "This comment hides no findings.".into(),
        suggestions: smallvec::smallvec![Suggestion::replace(
            "Remove the comment.",
            remove,
            "",
            // An edit to HTML: offered in editors, never made by `--fix`.
            Applicability::DisplayOnly,
        )],
        related: None,
    }
}

fn unknown_rule(name: &str, span: Span) -> Diagnostic {
    let nearest = rules::RULES
        .iter()
        .map(|r| (distance(name, r.name), r.name))
        .min()
        .filter(|(d, _)| *d <= 3);
    let suggestion = match nearest {
        Some((_, near)) => Suggestion::replace(
            format!("Did you mean `{near}`?"),
            span,
            near,
            Applicability::DisplayOnly,
        ),
        None => Suggestion::advice("Run `plainly rules` to see the rule names."),
    };
    Diagnostic {
        rule: UNUSED_SUPPRESSION.name,
        severity: crate::Severity::Warning,
        span,
        message: format!("There is no rule called `{name}`, so this comment hides nothing.").into(),
        suggestions: smallvec::smallvec![suggestion],
        related: None,
    }
}

fn unknown_directive(word: &str, span: Span) -> Diagnostic {
    Diagnostic {
        rule: UNUSED_SUPPRESSION.name,
        severity: crate::Severity::Warning,
        span,
        message: format!("plainly does not know `{word}`, so this comment hides nothing.").into(),
        suggestions: smallvec::smallvec![Suggestion::advice(
            "Use `plainly-disable`, `plainly-enable` or `plainly-disable-next-line`.",
        )],
        related: None,
    }
}

/// Edit distance between two short names, for "did you mean".
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let here = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb))
                .min(row[j] + 1)
                .min(here + 1);
            prev = here;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use crate::{check, CustomTerm, Settings, Severity};

    fn rules_of(text: &str, settings: &Settings) -> Vec<(&'static str, String)> {
        check(text, settings)
            .diagnostics
            .iter()
            .map(|d| (d.rule, d.span.text(text).to_owned()))
            .collect()
    }

    #[test]
    fn disable_and_enable_cover_what_is_between() {
        let text = "We will utilise it.\n\n<!-- plainly-disable complex-word -->\n\nWe will utilise it.\n\n<!-- plainly-enable complex-word -->\n\nWe will utilise it.\n";
        let got = rules_of(text, &Settings::default());
        let lines: Vec<usize> = check(text, &Settings::default())
            .diagnostics
            .iter()
            .map(|d| text[..d.span.start].lines().count())
            .collect();
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(lines, vec![1, 9]);
    }

    #[test]
    fn disable_without_names_covers_every_rule_to_the_end() {
        let text = "<!-- plainly-disable -->\nWe will utilise the care package, e.g. today.\n";
        assert_eq!(rules_of(text, &Settings::default()), vec![]);
    }

    #[test]
    fn disable_next_line_covers_one_line() {
        let text = "<!-- plainly-disable-next-line complex-word -->\nWe will utilise it.\nWe will utilise it.\n";
        let got = check(text, &Settings::default());
        assert_eq!(got.diagnostics.len(), 1);
        assert_eq!(text[..got.diagnostics[0].span.start].lines().count(), 3);
    }

    #[test]
    fn next_line_for_another_rule_hides_nothing_and_says_so() {
        let text = "<!-- plainly-disable-next-line jargon -->\nWe will utilise it.\n";
        let got = rules_of(text, &Settings::default());
        assert!(
            got.contains(&("complex-word", "utilise".to_owned())),
            "{got:?}"
        );
        assert!(
            got.iter().any(|(r, _)| *r == "unused-suppression"),
            "{got:?}"
        );
    }

    #[test]
    fn unknown_rule_names_get_a_did_you_mean() {
        let text = "<!-- plainly-disable-next-line jargn -->\nWe will utilise it.\n";
        let got = check(text, &Settings::default());
        let d = got
            .diagnostics
            .iter()
            .find(|d| d.rule == "unused-suppression")
            .expect("the unknown name is reported");
        assert_eq!(d.span.text(text), "jargn");
        assert_eq!(d.suggestions[0].message, "Did you mean `jargon`?");
    }

    #[test]
    fn partial_enable_after_disable_all_keeps_the_rest_off() {
        let text = "<!-- plainly-disable -->\n<!-- plainly-enable complex-word -->\n\nWe will utilise the care package.\n";
        let got = rules_of(text, &Settings::default());
        assert_eq!(got, vec![("complex-word", "utilise".to_owned())]);
    }

    #[test]
    fn other_comments_are_left_alone() {
        let text = "<!-- a note for editors -->\nWe will utilise it.\n";
        let got = rules_of(text, &Settings::default());
        assert_eq!(got, vec![("complex-word", "utilise".to_owned())]);
    }

    #[test]
    fn allowed_words_pass_in_every_form() {
        let mut s = Settings::default();
        s.words.allowed = vec!["utilise".into(), "CQC".into()];
        let text = "We utilised it. The CQC and CQCs came.\n";
        let got = rules_of(text, &s);
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn custom_terms_and_severities_apply() {
        let mut s = Settings::default();
        s.words
            .jargon
            .push(CustomTerm::new("wellness pod", ["drop-in room"]));
        s.severity.insert("jargon".into(), Severity::Error);
        let text = "Meet us in the wellness pods.\n";
        let got = check(text, &s);
        assert_eq!(got.diagnostics.len(), 1);
        let d = &got.diagnostics[0];
        assert_eq!((d.rule, d.severity), ("jargon", Severity::Error));
        assert_eq!(d.span.text(text), "wellness pods");
        assert!(
            d.suggestions[0].message.contains("drop-in room"),
            "{:?}",
            d.suggestions
        );
    }

    #[test]
    fn a_project_entry_wins_over_a_built_in_one() {
        let mut s = Settings::default();
        s.words.jargon.push(CustomTerm::new(
            "reablement",
            ["help to get your skills back"],
        ));
        let text = "We offer reablement at home.\n";
        let got = check(text, &s);
        let d = &got.diagnostics[0];
        assert_eq!(d.rule, "jargon");
        assert!(
            d.suggestions[0]
                .message
                .contains("help to get your skills back"),
            "{:?}",
            d.suggestions
        );
    }

    #[test]
    fn custom_abbreviations_are_known() {
        let mut s = Settings::default();
        s.words.abbreviations.push(crate::CustomAbbreviation {
            abbreviation: "LDT".into(),
            expansion: "learning disability team".into(),
        });
        let text = "The LDT will call.\n";
        let got = check(text, &s);
        let d = &got.diagnostics[0];
        assert_eq!(d.rule, "undefined-abbreviation");
        assert!(
            d.suggestions
                .iter()
                .any(|x| x.message.contains("learning disability team")),
            "{:?}",
            d.suggestions
        );
    }

    #[test]
    fn distance_counts_edits() {
        assert_eq!(super::distance("jargn", "jargon"), 1);
        assert_eq!(super::distance("", "abc"), 3);
        assert_eq!(super::distance("same", "same"), 0);
    }
}
