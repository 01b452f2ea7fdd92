use super::{declare_rule, Context};
use crate::diagnostic::{Diagnostic, Severity, Suggestion};
use crate::{Span, WordKind};

declare_rule! {
    /// ## What it flags
    ///
    /// The passive voice: a form of "be" followed by a past participle,
    /// regular ("was sent", "will be reviewed") or irregular ("has been
    /// given", "were taken"). Participles that usually work as adjectives
    /// ("I am tired", "the shop is closed", "we are pleased") are left alone.
    ///
    /// ## Why it matters
    ///
    /// The passive hides who does what. "Your plan will be reviewed" leaves
    /// the reader asking: by whom, and when?
    ///
    /// ## Example
    ///
    /// ```markdown
    /// Your care plan will be reviewed in May.
    /// ```
    ///
    /// ## Use instead
    ///
    /// ```markdown
    /// Your social worker will review your care plan in May.
    /// ```
    ///
    /// ## Options
    ///
    /// It is reported as info: the passive is sometimes the right choice.
    /// In `plainly.toml`, `[rules.passive-voice]` takes `enabled` (switch it
    /// off with `enabled = false`) and `severity`, as every rule does.
    pub static PASSIVE_VOICE = "passive-voice", Severity::Info, "Passive voice, which hides who does what", check;
}

const BE: &[&str] = &["am", "are", "be", "been", "being", "is", "was", "were"];

/// Words that may come between "be" and the participle.
const BETWEEN: &[&str] = &[
    "all", "also", "already", "always", "being", "usually", "finally", "fully", "just", "never",
    "normally", "not", "now", "often", "only", "quickly", "soon", "still", "then", "usually",
];

/// Irregular past participles (regular ones end in -ed).
const IRREGULAR: &[&str] = &[
    "begun",
    "bitten",
    "blown",
    "bought",
    "broken",
    "brought",
    "built",
    "caught",
    "chosen",
    "cut",
    "dealt",
    "done",
    "drawn",
    "driven",
    "eaten",
    "fallen",
    "felt",
    "forbidden",
    "forgiven",
    "forgotten",
    "found",
    "frozen",
    "given",
    "gone",
    "grown",
    "heard",
    "held",
    "hidden",
    "hit",
    "hurt",
    "kept",
    "known",
    "laid",
    "led",
    "left",
    "lent",
    "lost",
    "made",
    "meant",
    "met",
    "paid",
    "put",
    "read",
    "rung",
    "run",
    "said",
    "seen",
    "sent",
    "set",
    "shaken",
    "shown",
    "shut",
    "sold",
    "spent",
    "spoken",
    "stolen",
    "struck",
    "sung",
    "sworn",
    "taken",
    "taught",
    "thought",
    "thrown",
    "told",
    "torn",
    "understood",
    "withdrawn",
    "woken",
    "won",
    "worn",
    "written",
];

/// -ed words that, after "be", usually describe a state, not an action.
const ADJECTIVES: &[&str] = &[
    "accustomed",
    "aged",
    "alarmed",
    "amazed",
    "annoyed",
    "ashamed",
    "based",
    "bored",
    "born",
    "closed",
    "concerned",
    "confused",
    "convinced",
    "delighted",
    "depressed",
    "determined",
    "disabled",
    "disappointed",
    "divorced",
    "embarrassed",
    "engaged",
    "excited",
    "exhausted",
    "experienced",
    "frightened",
    "interested",
    "involved",
    "limited",
    "located",
    "married",
    "needed",
    "opened",
    "pleased",
    "prepared",
    "qualified",
    "related",
    "relaxed",
    "satisfied",
    "scared",
    "shocked",
    "situated",
    "skilled",
    "stressed",
    "supposed",
    "surprised",
    "talented",
    "tired",
    "unemployed",
    "upset",
    "used",
    "worried",
];

/// Whether `word` is in `list`, in any case, without allocating.
fn in_list(list: &[&str], word: &str) -> bool {
    list.iter().any(|w| w.eq_ignore_ascii_case(word))
}

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    for s in ctx.doc.sentences() {
        let words: Vec<_> = s.words().collect();
        let mut i = 0;
        while i < words.len() {
            let w = words[i];
            if w.kind != WordKind::Word || !in_list(BE, w.text) {
                i += 1;
                continue;
            }
            let mut j = i + 1;
            while j < words.len() && j <= i + 2 && in_list(BETWEEN, words[j].text) {
                j += 1;
            }
            let Some(p) = words.get(j) else { break };
            let lower = p.text.to_ascii_lowercase();
            // "broken", "lost" and "gone" after "be" usually describe a
            // state, unless "by" says who did it.
            let by_next = words
                .get(j + 1)
                .is_some_and(|n| n.text.eq_ignore_ascii_case("by"));
            let state = !by_next && matches!(lower.as_str(), "broken" | "lost" | "gone" | "shut");
            let participle = !state
                && ((lower.ends_with("ed")
                    && lower.len() > 4
                    && !ADJECTIVES.contains(&lower.as_str()))
                    || IRREGULAR.contains(&lower.as_str()));
            // "being" alone ("is being") only counts with a participle after.
            if participle && p.kind == WordKind::Word && !p.text.starts_with(char::is_uppercase) {
                let span = Span::new(w.span.start, p.span.end);
                let by = words
                    .get(j + 1)
                    .is_some_and(|n| n.text.eq_ignore_ascii_case("by"));
                let advice = if by {
                    "Start with who does it (the words after \"by\"), then what they do."
                } else {
                    "Say who does it: \"we will send\" rather than \"it will be sent\"."
                };
                out.push(Diagnostic {
                    rule: PASSIVE_VOICE.name,
                    severity: PASSIVE_VOICE.severity,
                    span,
                    message: format!(
                        "\"{}\" is passive: it does not say who does it.",
                        span.text(ctx.doc.source())
                    ),
                    suggestions: vec![Suggestion::advice(advice)],
                    related: None,
                });
                i = j + 1;
            } else {
                i += 1;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::test_support::flagged;

    #[test]
    fn regular_and_irregular_participles() {
        let got = flagged(
            "passive-voice",
            "The letter was sent. You were not told. It has been given to us.",
        );
        assert_eq!(got, vec!["was sent", "were not told", "been given"]);
    }

    #[test]
    fn adjectives_after_be_are_not_passive() {
        assert!(flagged(
            "passive-voice",
            "I am tired. The shop is closed on Sunday. We are pleased to help."
        )
        .is_empty());
    }
}
