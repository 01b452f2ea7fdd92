use super::{concat, declare_rule, Context, Said};
use crate::diagnostic::{Diagnostic, Severity, Suggestion};
use crate::{flags, Span, WordKind};

declare_rule! {
    /// ## What it flags
    ///
    /// The passive voice: a form of "be" followed by a past participle,
    /// regular ("was sent", "will be reviewed") or irregular ("has been
    /// given", "were taken"). Participles that usually work as adjectives
    /// ("I am tired", "the shop is closed", "we are pleased"), states after
    /// "is" or "was" ("the door is locked", "the trains are delayed") and
    /// fixed phrases ("made of", "known as", "called Chatterbox") are left
    /// alone, unless "by" says who did it.
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
    "run",
    "rung",
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

/// Words that, after any form of "be", describe how someone or something
/// is, not what was done to it: feelings ("worried", "thrilled"), states of
/// life ("married", "retired", "disabled") and words that are only
/// adjectives ("crooked", "naked"). Sorted, for a binary search.
const ADJECTIVES: &[&str] = &[
    "accustomed",
    "addicted",
    "aged",
    "agitated",
    "alarmed",
    "amazed",
    "amused",
    "annoyed",
    "appalled",
    "ashamed",
    "astonished",
    "attached",
    "baffled",
    "based",
    "beloved",
    "bewildered",
    "blessed",
    "bloated",
    "bored",
    "born",
    "bothered",
    "closed",
    "concerned",
    "confused",
    "constipated",
    "convinced",
    "crooked",
    "dedicated",
    "dehydrated",
    "delighted",
    "depressed",
    "deprived",
    "determined",
    "devastated",
    "devoted",
    "disabled",
    "disappointed",
    "disgusted",
    "disorganised",
    "disorientated",
    "disoriented",
    "distracted",
    "distressed",
    "divorced",
    "drained",
    "embarrassed",
    "employed",
    "engaged",
    "entitled",
    "excited",
    "exhausted",
    "experienced",
    "fascinated",
    "frightened",
    "frustrated",
    "gifted",
    "horrified",
    "impaired",
    "impressed",
    "inclined",
    "inflamed",
    "interested",
    "involved",
    "irritated",
    "jagged",
    "limited",
    "located",
    "married",
    "mixed",
    "motivated",
    "muddled",
    "naked",
    "needed",
    "obliged",
    "obsessed",
    "offended",
    "opened",
    "overcrowded",
    "overexcited",
    "overjoyed",
    "overpriced",
    "overqualified",
    "overwhelmed",
    "overworked",
    "paralysed",
    "petrified",
    "pleased",
    "prepared",
    "puzzled",
    "qualified",
    "ragged",
    "related",
    "relaxed",
    "relieved",
    "retired",
    "rugged",
    "sacred",
    "satisfied",
    "scared",
    "seated",
    "shocked",
    "sighted",
    "situated",
    "skilled",
    "spoiled",
    "spoilt",
    "stressed",
    "stunned",
    "supposed",
    "surprised",
    "surrounded",
    "talented",
    "terrified",
    "thrilled",
    "tired",
    "troubled",
    "underpaid",
    "understaffed",
    "undervalued",
    "unemployed",
    "unsettled",
    "upset",
    "used",
    "wicked",
    "widowed",
    "worried",
];

/// Participles that, straight after "am", "is", "are", "was" or "were",
/// usually say what state something is in ("the door is locked", "the room
/// is booked", "the trains are delayed"), though after "be", "been" or
/// "being" they are actions ("the door must be locked at night"). Sorted.
const STATES: &[&str] = &[
    "allowed",
    "bent",
    "blocked",
    "booked",
    "bruised",
    "carpeted",
    "chained",
    "chipped",
    "connected",
    "covered",
    "cracked",
    "crowded",
    "damaged",
    "delayed",
    "dented",
    "detached",
    "dressed",
    "dried",
    "dyed",
    "equipped",
    "faded",
    "fenced",
    "filled",
    "finished",
    "fitted",
    "fixed",
    "flooded",
    "framed",
    "frozen",
    "furnished",
    "gated",
    "heated",
    "hidden",
    "hurt",
    "included",
    "injured",
    "insured",
    "isolated",
    "licensed",
    "lined",
    "linked",
    "lit",
    "locked",
    "mended",
    "microchipped",
    "neutered",
    "numbered",
    "packed",
    "padlocked",
    "painted",
    "parked",
    "paved",
    "registered",
    "rented",
    "reserved",
    "ripped",
    "scratched",
    "sealed",
    "separated",
    "signposted",
    "sliced",
    "soaked",
    "staffed",
    "stained",
    "stocked",
    "thatched",
    "tiled",
    "torn",
    "trained",
    "tucked",
    "vaccinated",
    "walled",
    "washed",
    "worn",
];

/// Participles that describe a state only with a certain word after them:
/// "made of", "known as", "called Chatterbox", "brought up", "switched
/// off". An empty list of words means: followed by a name (a capital
/// letter).
const STATE_BEFORE: &[(&str, &[&str])] = &[
    ("aimed", &["at"]),
    ("brought", &["up"]),
    ("built", &["of", "from", "in"]),
    ("called", &[]),
    ("committed", &["to"]),
    ("fed", &["up"]),
    ("known", &["as", "for", "to", "locally"]),
    ("made", &["of", "from", "up"]),
    ("meant", &["to", "for"]),
    ("named", &["after"]),
    ("set", &["in", "back", "to", "for"]),
    ("hooked", &["on"]),
    ("plugged", &["in"]),
    ("settled", &["in", "into"]),
    ("sold", &["out"]),
    ("switched", &["on", "off"]),
    ("turned", &["on", "off"]),
];

/// Words that make a sentence about something done again and again, not a
/// state: "the bins are emptied every week".
const OFTEN: &[&str] = &[
    "always",
    "daily",
    "each",
    "every",
    "monthly",
    "often",
    "once",
    "regularly",
    "sometimes",
    "twice",
    "usually",
    "weekly",
    "yearly",
];

/// Verbs that undo something ("unlock"): their participles with "un-" are
/// still verbs. Other "un-...-ed" words ("unmarried", "unexpected") are
/// adjectives, as there is no verb to do them.
const UNDO: &[&str] = &[
    "unblocked",
    "unbolted",
    "unbuttoned",
    "unchecked",
    "undressed",
    "unfastened",
    "unfolded",
    "unhooked",
    "unlatched",
    "unloaded",
    "unlocked",
    "unpacked",
    "unplugged",
    "unscrewed",
    "unsealed",
    "untangled",
    "untied",
    "unveiled",
    "unwrapped",
    "unzipped",
];

/// "un-" verbs that are actions, never states: "the mistake was uncovered".
const UN_VERBS: &[&str] = &["uncovered", "unearthed", "unleashed", "unravelled"];

/// Prefixes that, before a hyphen, still make a verb ("co-produced",
/// "re-elected"). Other hyphenated "-ed" words ("left-handed",
/// "short-staffed", "semi-detached") are adjectives.
const VERB_PREFIXES: &[&str] = &["co", "de", "mis", "out", "over", "pre", "re", "under"];

/// Whether the participle `p` (lower case) after the form of "be" `be`
/// describes a state rather than an action. `next` is the word after it,
/// `subject` the word before "be".
fn describes_state(p: &str, be: &str, rest: &[&str], subject: Option<&str>) -> bool {
    let next = rest.first().copied();
    let next_is =
        |words: &[&str]| next.is_some_and(|n| words.iter().any(|w| n.eq_ignore_ascii_case(w)));
    // Feelings stay states with "by": "I was surprised by the news".
    if ADJECTIVES.binary_search(&p).is_ok() {
        return true;
    }
    if next_is(&["by"]) {
        return false;
    }
    if let Some((first, _)) = p.split_once('-') {
        return !VERB_PREFIXES.contains(&first);
    }
    if UN_VERBS.contains(&p) {
        return false;
    }
    if p.starts_with("un") && p.ends_with("ed") && UNDO.binary_search(&p).is_err() {
        // "under-" and "un-" words that are verbs ("understood",
        // "undertaken") do not end in "-ed" after "un", or are listed.
        if !p.starts_with("under") {
            return true;
        }
    }
    // Simple present and past only: "is locked", not "will be locked".
    let simple = matches!(be, "am" | "is" | "are" | "was" | "were");
    // "The room is booked every Friday" is done again and again.
    if !simple || rest.iter().take(6).any(|w| in_list(OFTEN, w)) {
        return false;
    }
    if STATES.binary_search(&p).is_ok() || UNDO.binary_search(&p).is_ok() {
        return true;
    }
    // "we are done", "I was raised in Cardiff": a person's state.
    let person = subject.is_some_and(|s| in_list(&["i", "we", "you", "they", "he", "she"], s));
    if person && (p == "done" || (p == "raised" && next_is(&["in", "on"]))) {
        return true;
    }
    match STATE_BEFORE.iter().find(|(w, _)| *w == p) {
        Some((_, [])) => next.is_some_and(|n| n.starts_with(char::is_uppercase)),
        Some((_, words)) => next_is(words),
        None => false,
    }
}

/// Whether `word` is a form of "be", in any case.
pub(crate) fn is_be(word: &str) -> bool {
    // Forms of "be" have 2 to 5 letters and start with a, b, i or w.
    (2..=5).contains(&word.len())
        && matches!(word.as_bytes()[0] | 0x20, b'a' | b'b' | b'i' | b'w')
        && in_list(BE, word)
}

/// Whether `word` is in `list`, in any case, without allocating.
fn in_list(list: &[&str], word: &str) -> bool {
    list.iter().any(|w| w.eq_ignore_ascii_case(word))
}

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let mut words: Vec<(&str, u8, WordKind)> = Vec::new();
    let mut rest: Vec<&str> = Vec::new();
    // Lower-case copies, reused so that no word costs an allocation.
    let (mut lower, mut be_word) = (String::new(), String::new());
    let mut said = Said::default();
    for s in ctx.doc.sentences() {
        if !s.any_word_has(flags::BE) {
            continue;
        }
        words.clear();
        words.extend(
            s.word_data()
                .iter()
                .map(|w| (s.text_of(w), w.flags, w.kind)),
        );
        let mut i = 0;
        while i < words.len() {
            let (text, word_flags, kind) = words[i];
            if kind != WordKind::Word || word_flags & flags::BE == 0 {
                i += 1;
                continue;
            }
            let mut j = i + 1;
            while j < words.len() && j <= i + 2 && in_list(BETWEEN, words[j].0) {
                j += 1;
            }
            let Some(&(p_text, _, p_kind)) = words.get(j) else {
                break;
            };
            lower.clear();
            lower.push_str(p_text);
            lower.make_ascii_lowercase();
            let could_be = (lower.ends_with("ed") && lower.len() > 4)
                || IRREGULAR.binary_search(&lower.as_str()).is_ok();
            let participle = could_be && {
                be_word.clear();
                be_word.push_str(text);
                be_word.make_ascii_lowercase();
                rest.clear();
                rest.extend(words[j + 1..].iter().take(6).map(|w| w.0));
                let subject = i.checked_sub(1).map(|k| words[k].0);
                // "broken", "lost" and "gone" after "be" usually describe a
                // state, unless "by" says who did it.
                let by_next = rest.first().is_some_and(|n| n.eq_ignore_ascii_case("by"));
                let state = (!by_next
                    && matches!(lower.as_str(), "broken" | "lost" | "gone" | "shut"))
                    || describes_state(&lower, &be_word, &rest, subject);
                !state
            };
            // "being" alone ("is being") only counts with a participle after.
            if participle && p_kind == WordKind::Word && !p_text.starts_with(char::is_uppercase) {
                let span = Span::new(s.word_span(i).start, s.word_span(j).end);
                let by = words
                    .get(j + 1)
                    .is_some_and(|n| n.0.eq_ignore_ascii_case("by"));
                let advice = if by {
                    "Start with who does it (the words after \"by\"), then what they do."
                } else {
                    "Say who does it: \"we will send\" rather than \"it will be sent\"."
                };
                out.push(Diagnostic {
                    rule: PASSIVE_VOICE.name,
                    severity: PASSIVE_VOICE.severity,
                    span,
                    message: said.get(span.text(ctx.doc.source()), 0, |text| {
                        concat(&["\"", text, "\" is passive: it does not say who does it."])
                    }),
                    suggestions: smallvec::smallvec![Suggestion::advice(advice)],
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

    /// Near misses: "be" and a word that says how someone or something is,
    /// which no editor would turn round to say who did it.
    #[test]
    fn states_after_be_are_not_passive() {
        for s in [
            "The door is locked at night.",
            "He is retired now and lives by the sea.",
            "The room was crowded and hot.",
            "The bus was packed this morning.",
            "The road is blocked again.",
            "She is dressed and ready to go.",
            "The group is called Chatterbox.",
            "The cake is made of carrots and nuts.",
            "The club is known for its good food.",
            "Your lunch is included in the price.",
            "You are allowed to bring a friend.",
            "The table was covered with cards.",
            "He is left-handed.",
            "The team is short-staffed today.",
            "Our house is semi-detached.",
            "The kettle is switched off.",
            "We are done for today.",
            "The trains are delayed because of the snow.",
            "He was injured in a fall last year.",
            "The room is booked for Friday.",
            "The car is parked outside.",
            "I was thrilled with the garden.",
            "He was surprised by the result.",
            "The room is unlocked.",
            "She is unmarried and lives alone.",
            "I was brought up in Wales.",
            "The event is aimed at young carers.",
            "I am fed up with the noise.",
            "You are entitled to free prescriptions.",
            "Are you registered with a GP?",
            "My coat is torn.",
            "Her parents are separated.",
            "He is devastated about his dog.",
            "The tickets are sold out.",
            "The film is set in Leeds.",
            "The house is surrounded by fields.",
            "The key is hidden under the mat.",
            "The gate is painted green.",
            "The tap is fixed now.",
            "The phone is plugged in by the bed.",
            "She is hooked on crime novels.",
            "We were blessed with good weather.",
            "I was raised in Cardiff.",
            "The ward is understaffed at weekends.",
        ] {
            assert!(flagged("passive-voice", s).is_empty(), "{s}");
        }
    }

    /// The same words are still passive where they say what was done: with
    /// "by", after "be", "been" or "being", or without the word that makes
    /// them a state.
    #[test]
    fn actions_with_state_words_are_still_passive() {
        for (s, want) in [
            ("The road is blocked by a lorry.", "is blocked"),
            ("The door must be locked at night.", "be locked"),
            ("Your room has been booked.", "been booked"),
            ("The bread is made fresh every morning.", "is made"),
            ("She was called to the office.", "was called"),
            ("It was known by everyone.", "was known"),
            ("The plan was co-produced with families.", "was co-produced"),
            ("The boxes were unpacked by volunteers.", "were unpacked"),
            ("The work was done in a day.", "was done"),
            ("The room is being booked now.", "being booked"),
            ("The room is booked every Friday.", "is booked"),
            ("The fence is painted once a year.", "is painted"),
            ("Concerns were raised in the meeting.", "were raised"),
            ("The mistake was uncovered in May.", "was uncovered"),
        ] {
            assert_eq!(flagged("passive-voice", s), vec![want], "{s}");
        }
    }

    #[test]
    fn word_lists_are_sorted_for_binary_search() {
        for list in [
            super::ADJECTIVES,
            super::STATES,
            super::UNDO,
            super::OFTEN,
            super::IRREGULAR,
        ] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
        }
    }
}
