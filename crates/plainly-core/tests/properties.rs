//! Properties an editor and a CI job rely on, checked on generated input:
//! no panic on any text, every span on character boundaries inside the
//! source, and line endings that do not change the result.

use plainly_core::{Document, Span};
use proptest::prelude::*;

/// Checks every invariant of the analysis of `src`.
fn check_invariants(src: &str) {
    let doc = Document::parse(src);
    let ok = |s: Span| {
        s.start <= s.end
            && s.end <= src.len()
            && src.is_char_boundary(s.start)
            && src.is_char_boundary(s.end)
    };
    let mut last_start = 0;
    for sentence in doc.sentences() {
        let span = sentence.span();
        assert!(
            ok(span),
            "sentence span {span:?} is not on char boundaries in {src:?}"
        );
        assert!(
            span.start >= last_start || sentence.kind() == plainly_core::BlockKind::AltText,
            "sentences out of order in {src:?}"
        );
        if sentence.kind() != plainly_core::BlockKind::AltText {
            last_start = span.start;
        }
        for w in sentence.words() {
            assert!(
                ok(w.span),
                "word span {:?} is not on char boundaries in {src:?}",
                w.span
            );
            assert!(
                span.contains(w.span),
                "word {:?} lies outside its sentence {span:?} in {src:?}",
                w.span
            );
            assert!(!w.text.is_empty());
        }
    }
    for c in doc.comments() {
        assert!(ok(*c));
    }
    let m = doc.metrics();
    if let Some(s) = m.scores {
        for v in [
            s.flesch_reading_ease,
            s.flesch_kincaid_grade,
            s.gunning_fog,
            s.smog,
            s.coleman_liau,
            s.automated_readability,
            s.reading_age,
        ] {
            assert!(v.is_finite());
        }
    }
    for sec in &m.sections {
        assert!(ok(sec.span), "section span {:?} in {src:?}", sec.span);
    }
}

/// Text made of the pieces Markdown prose is made of, so generated input
/// reaches deep into the parser and splitter, not only random bytes.
fn markdown_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("# ".to_owned()),
        Just("## ".to_owned()),
        Just("- ".to_owned()),
        Just("1. ".to_owned()),
        Just("> ".to_owned()),
        Just("| a | b |\n|---|---|\n| c | d |\n".to_owned()),
        Just("```\ncode\n```\n".to_owned()),
        Just("`x`".to_owned()),
        Just("**".to_owned()),
        Just("_".to_owned()),
        Just("[link](http://x.org)".to_owned()),
        Just("![alt text.](i.png)".to_owned()),
        Just("<!-- plainly-disable -->".to_owned()),
        Just("<div>\n".to_owned()),
        Just("&amp;".to_owned()),
        Just("---\ntitle: x\n---\n".to_owned()),
        Just("+++\n".to_owned()),
        Just("[^1]".to_owned()),
        Just("[^1]: Note.\n".to_owned()),
        Just("Dr. ".to_owned()),
        Just("e.g. ".to_owned()),
        Just("U.K. ".to_owned()),
        Just("3 p.m. ".to_owned()),
        Just("£3.50".to_owned()),
        Just("...".to_owned()),
        Just("…".to_owned()),
        Just("?\" ".to_owned()),
        Just("https://www.nhs.uk/a.b ".to_owned()),
        Just("care.team@example.org ".to_owned()),
        Just("\n".to_owned()),
        Just("\r\n".to_owned()),
        Just("\n\n".to_owned()),
        Just("  \n".to_owned()),
        Just("\t".to_owned()),
        Just("\u{feff}".to_owned()),
        Just("Zoë café 📞 ".to_owned()),
        Just("e\u{301}".to_owned()),
        Just("漢字。".to_owned()),
        "[A-Za-z]{1,12}".prop_map(|w| format!("{w} ")),
        "[a-z]{1,8}\\. ".prop_map(|w| w),
        any::<char>().prop_map(|c| c.to_string()),
    ]
}

fn markdown_text() -> impl Strategy<Value = String> {
    prop::collection::vec(markdown_piece(), 0..60).prop_map(|v| v.concat())
}

fn corpus_documents() -> Vec<String> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
    let mut docs = Vec::new();
    for dir in ["clean", "dirty"] {
        let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
            continue;
        };
        let mut paths: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
        paths.sort();
        for p in paths {
            if let Ok(text) = std::fs::read_to_string(&p) {
                docs.push(text);
            }
        }
    }
    docs
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 600, ..ProptestConfig::default() })]

    #[test]
    fn any_string_is_analysed_without_panic(src in any::<String>()) {
        check_invariants(&src);
    }

    #[test]
    fn markdown_like_text_keeps_every_invariant(src in markdown_text()) {
        check_invariants(&src);
    }

    #[test]
    fn crlf_and_lf_give_the_same_sentences_and_scores(src in markdown_text()) {
        let lf = src.replace("\r\n", "\n").replace('\r', "");
        let crlf = lf.replace('\n', "\r\n");
        let a = Document::parse(&lf);
        let b = Document::parse(&crlf);
        let ta: Vec<String> = a.sentences().map(|s| s.text()).collect();
        let tb: Vec<String> = b.sentences().map(|s| s.text()).collect();
        prop_assert_eq!(ta, tb);
        let (ma, mb) = (a.metrics(), b.metrics());
        prop_assert_eq!(ma.counts, mb.counts);
        prop_assert_eq!(ma.scores, mb.scores);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    /// Real documents, cut and spliced at random places (including inside
    /// multi-byte characters' neighbours and Markdown syntax).
    #[test]
    fn mutated_corpus_documents_keep_every_invariant(
        pick in any::<prop::sample::Index>(),
        cuts in prop::collection::vec((any::<prop::sample::Index>(), any::<prop::sample::Index>(), markdown_piece()), 1..8),
    ) {
        let docs = corpus_documents();
        prop_assume!(!docs.is_empty());
        let mut text = docs[pick.index(docs.len())].clone();
        for (at, len, insert) in cuts {
            let mut start = at.index(text.len() + 1);
            while !text.is_char_boundary(start) { start -= 1; }
            let mut end = (start + len.index(40)).min(text.len());
            while !text.is_char_boundary(end) { end -= 1; }
            text.replace_range(start..end, &insert);
        }
        check_invariants(&text);
    }
}

#[test]
fn every_corpus_document_keeps_every_invariant_in_lf_and_crlf() {
    for doc in corpus_documents() {
        check_invariants(&doc);
        let lf = doc.replace("\r\n", "\n");
        let crlf = lf.replace('\n', "\r\n");
        check_invariants(&crlf);
        let a: Vec<String> = Document::parse(&lf).sentences().map(|s| s.text()).collect();
        let b: Vec<String> = Document::parse(&crlf)
            .sentences()
            .map(|s| s.text())
            .collect();
        assert_eq!(a, b);
        assert_eq!(
            Document::parse(&lf).metrics().scores,
            Document::parse(&crlf).metrics().scores
        );
    }
}
