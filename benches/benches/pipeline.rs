//! The whole pipeline, and each stage, on generated documents.
//! Run: `cargo bench -p plainly-benches --bench pipeline`.

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use std::hint::black_box;

fn large(c: &mut Criterion) {
    let doc = plainly_benches::document(1, 1 << 20);
    let mut g = c.benchmark_group("1MB");
    g.throughput(Throughput::Bytes(doc.len() as u64));
    g.sample_size(30);
    g.bench_function("markdown", |b| {
        b.iter(|| plainly_core::markdown::prose(black_box(&doc)))
    });
    g.bench_function("parse", |b| {
        b.iter(|| plainly_core::Document::parse(black_box(&doc)))
    });
    g.bench_function("metrics", |b| {
        b.iter(|| plainly_core::Document::parse(black_box(&doc)).metrics())
    });
    let settings = plainly_core::Settings::default();
    // Build the word-list matcher once, as a long-running process would.
    let _ = plainly_core::check("warm up", &settings);
    g.bench_function("check", |b| {
        b.iter(|| plainly_core::check(black_box(&doc), &settings))
    });
    let parsed = plainly_core::Document::parse(&doc);
    g.bench_function("metrics-only", |b| b.iter(|| black_box(&parsed).metrics()));
    g.bench_function("rules-only", |b| {
        b.iter(|| black_box(&parsed).check(&settings))
    });
    let words: Vec<String> = parsed
        .sentences()
        .flat_map(|s| s.words().map(|w| w.text.to_owned()).collect::<Vec<_>>())
        .collect();
    g.bench_function("syllables", |b| {
        b.iter(|| {
            words
                .iter()
                .map(|w| plainly_core::syllables::count(black_box(w)))
                .sum::<u32>()
        })
    });
    g.finish();
}

/// A document of about 50,000 words: the size the language server must
/// check within 20 ms.
fn words_50k(c: &mut Criterion) {
    let doc = plainly_benches::document(3, 332_500);
    let mut g = c.benchmark_group("50k-words");
    g.throughput(Throughput::Bytes(doc.len() as u64));
    g.sample_size(30);
    let settings = plainly_core::Settings::default();
    let _ = plainly_core::check("warm up", &settings);
    g.bench_function("check", |b| {
        b.iter(|| plainly_core::check(black_box(&doc), &settings))
    });
    g.finish();
}

fn small(c: &mut Criterion) {
    let docs = plainly_benches::small_documents(2000);
    let total: usize = docs.iter().map(String::len).sum();
    let mut g = c.benchmark_group("2000-small");
    g.throughput(Throughput::Bytes(total as u64));
    g.sample_size(20);
    g.bench_function("metrics", |b| {
        b.iter_batched(
            || (),
            |()| {
                docs.iter()
                    .map(|d| plainly_core::Document::parse(d).metrics().counts.words)
                    .sum::<u64>()
            },
            BatchSize::SmallInput,
        )
    });
    let settings = plainly_core::Settings::default();
    g.bench_function("check", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| plainly_core::check(d, &settings).diagnostics.len())
                .sum::<usize>()
        })
    });
    g.finish();
}

criterion_group!(benches, large, words_50k, small);
criterion_main!(benches);
