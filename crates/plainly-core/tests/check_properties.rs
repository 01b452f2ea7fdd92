//! Properties of `check` an editor and `--fix` rely on: no panic on any
//! text, every span and edit on character boundaries inside the source,
//! findings in order, and every finding with a suggestion.

use plainly_core::{check, Audience, Settings};
use proptest::prelude::*;

fn check_invariants(src: &str, audience: Audience) {
    let report = check(src, &Settings::for_audience(audience));
    let ok = |s: plainly_core::Span| {
        s.start <= s.end
            && s.end <= src.len()
            && src.is_char_boundary(s.start)
            && src.is_char_boundary(s.end)
    };
    let mut last = 0;
    for d in &report.diagnostics {
        assert!(
            ok(d.span),
            "{} span {:?} is off char boundaries in {src:?}",
            d.rule,
            d.span
        );
        assert!(d.span.start >= last, "findings out of order in {src:?}");
        last = d.span.start;
        assert!(!d.suggestions.is_empty(), "{} has no suggestion", d.rule);
        assert!(!d.message.is_empty());
        for s in &d.suggestions {
            if let Some(e) = &s.edit {
                assert!(
                    ok(e.span),
                    "{} edit {:?} is off char boundaries in {src:?}",
                    d.rule,
                    e.span
                );
            }
        }
        if let Some(r) = &d.related {
            assert!(ok(r.span));
        }
    }
}

pub fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("# ".to_owned()),
        Just("- ".to_owned()),
        Just("> ".to_owned()),
        Just("\n".to_owned()),
        Just("\n\n".to_owned()),
        Just("\r\n".to_owned()),
        Just("`code`".to_owned()),
        Just("[link](http://x.org/care-package)".to_owned()),
        Just("**".to_owned()),
        Just("care package ".to_owned()),
        Just("in order to ".to_owned()),
        Just("e.g. ".to_owned()),
        Just("CQC ".to_owned()),
        Just("Care Quality Commission (CQC) ".to_owned()),
        Just("GPs ".to_owned()),
        Just("DoLS ".to_owned()),
        Just("A&E ".to_owned()),
        Just("U.K. ".to_owned()),
        Just("IV ".to_owned()),
        Just("MUST ".to_owned()),
        Just("was sent ".to_owned()),
        Just("the elderly ".to_owned()),
        Just("going forward ".to_owned()),
        Just("utilised ".to_owned()),
        Just("## Glossary\n".to_owned()),
        Just("*[CQC]: Care Quality Commission\n".to_owned()),
        Just("Zoë café 📞 ".to_owned()),
        Just("e\u{301} ".to_owned()),
        Just("&amp; ".to_owned()),
        Just("<!-- x -->".to_owned()),
        Just("<!-- plainly-disable -->".to_owned()),
        Just("<!-- plainly-enable -->".to_owned()),
        Just("<!-- plainly-disable jargon complex-word -->\n".to_owned()),
        Just("<!-- plainly-enable jargon -->\n".to_owned()),
        Just("<!-- plainly-disable-next-line latin-abbreviation -->\n".to_owned()),
        Just("<!-- plainly-disable-next-line jargn -->".to_owned()),
        Just(". ".to_owned()),
        Just("? ".to_owned()),
        Just("01632 960 450 ".to_owned()),
        "[A-Za-z]{1,10} ".prop_map(|w| w),
        any::<char>().prop_map(|c| c.to_string()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn any_string_is_checked_without_panic(src in any::<String>()) {
        check_invariants(&src, Audience::Public);
    }

    #[test]
    fn markdown_like_text_keeps_every_invariant(
        src in prop::collection::vec(piece(), 0..50).prop_map(|v| v.concat()),
        audience in prop_oneof![Just(Audience::Public), Just(Audience::EasyRead), Just(Audience::Professional)],
    ) {
        check_invariants(&src, audience);
    }

    #[test]
    fn plain_text_keeps_every_invariant(
        src in prop::collection::vec(piece(), 0..50).prop_map(|v| v.concat()),
    ) {
        let doc = plainly_core::Document::parse_as(&src, plainly_core::TextFormat::Plain);
        let report = doc.check(&Settings::default());
        for d in &report.diagnostics {
            prop_assert!(d.span.end <= src.len() && src.is_char_boundary(d.span.start) && src.is_char_boundary(d.span.end));
        }
    }

    #[test]
    fn fixing_twice_changes_nothing_the_second_time(
        src in prop::collection::vec(piece(), 0..40).prop_map(|v| v.concat()),
    ) {
        use plainly_core::{fix, FixMode};
        for mode in [FixMode::Safe, FixMode::SafeAndUnsafe] {
            let once = fix(&src, &Settings::default(), mode);
            let twice = fix(&once.text, &Settings::default(), mode);
            prop_assert_eq!(&twice.text, &once.text, "fixing {:?} twice differs", src);
        }
    }
}

/// Checking a large document on two threads gives exactly the report of
/// checking it on one: the same findings, in the same order, and the same
/// metrics, for every audience and with some rules switched off.
#[test]
fn checking_on_two_threads_gives_the_same_report() {
    use plainly_core::{Audience, Document, Settings, PARALLEL_MIN_WORDS};
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../corpus/dirty");
    let mut names: Vec<_> = std::fs::read_dir(dir)
        .expect("corpus/dirty is there")
        .map(|e| e.expect("a folder entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    names.sort();
    let mut text = String::new();
    for name in &names {
        text.push_str(&std::fs::read_to_string(name).expect("a corpus document"));
        text.push_str("\n\n");
    }
    let doc = Document::parse(&text);
    assert!(
        doc.metrics().counts.words >= PARALLEL_MIN_WORDS as u64,
        "the corpus is big enough to be split"
    );
    let mut settings = vec![
        Settings::for_audience(Audience::Public),
        Settings::for_audience(Audience::EasyRead),
        Settings::for_audience(Audience::Professional),
    ];
    let mut some_off = Settings::default();
    some_off.disabled.push("reading-age".into());
    some_off.disabled.push("jargon".into());
    settings.push(some_off);
    for s in &settings {
        let one = doc.check(s);
        let two = doc.check_parallel(s);
        assert!(!one.diagnostics.is_empty());
        assert_eq!(
            format!("{:?}", one.diagnostics),
            format!("{:?}", two.diagnostics)
        );
        assert_eq!(format!("{:?}", one.metrics), format!("{:?}", two.metrics));
    }
}
