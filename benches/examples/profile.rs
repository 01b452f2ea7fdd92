//! Runs one stage many times, for a profiler:
//! `cargo build --release -p plainly-benches --example profile`, then
//! `perf record target/release/examples/profile parse` (or `check`, `check-parallel`, `metrics`,
//! `markdown`, `lists`), or count instructions, which do not vary with the machine's
//! load: `valgrind --tool=callgrind target/release/examples/profile metrics 1`.
//!
//! `profile times 30` prints the time of each of 30 checks, and of reading
//! the document and its metrics after each, in one process: the machine's
//! own changes of speed show as runs of slow checks and slow metrics
//! together.

fn main() {
    let mut args = std::env::args().skip(1);
    let stage = args.next().unwrap_or_else(|| "parse".to_owned());
    let runs: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(20);
    let doc = plainly_benches::document(1, 1 << 20);
    let settings = plainly_core::Settings::default();
    if stage == "times" {
        times(&doc, &settings, runs);
        return;
    }
    let mut total = 0usize;
    for _ in 0..runs {
        total += match stage.as_str() {
            "check" => plainly_core::check(&doc, &settings).diagnostics.len(),
            "check-parallel" => plainly_core::Document::parse(&doc)
                .check_parallel(&settings)
                .diagnostics
                .len(),
            "metrics" => plainly_core::Document::parse(&doc).metrics().counts.words as usize,
            "markdown" => plainly_core::markdown::prose(&doc).blocks.len(),
            "none" => doc.len(),
            // Only the word lists, parsed and their matcher built.
            "lists" => plainly_core::wordlists::lists().entries.len(),
            _ => plainly_core::Document::parse(&doc).sentences().len(),
        };
    }
    println!("{total}");
}

/// Milliseconds for each check, then for parse and metrics, as
/// `check/metrics`, one pair per run.
fn times(doc: &str, settings: &plainly_core::Settings, runs: usize) {
    // The word lists are built once per process: not timed.
    std::hint::black_box(plainly_core::check("warm up", settings));
    let ms = |start: std::time::Instant| start.elapsed().as_secs_f64() * 1000.0;
    let mut out = Vec::with_capacity(runs);
    for _ in 0..runs {
        let start = std::time::Instant::now();
        std::hint::black_box(plainly_core::check(doc, settings));
        let check = ms(start);
        let start = std::time::Instant::now();
        std::hint::black_box(plainly_core::Document::parse(doc).metrics());
        let metrics = ms(start);
        out.push(format!("{check:.1}/{metrics:.1}"));
    }
    println!("{}", out.join(" "));
}
