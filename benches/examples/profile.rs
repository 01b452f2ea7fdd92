//! Runs one stage many times, for a profiler:
//! `cargo build --release -p plainly-benches --example profile`, then
//! `perf record target/release/examples/profile parse` (or `check`, `metrics`).
fn main() {
    let stage = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "parse".to_owned());
    let doc = plainly_benches::document(1, 1 << 20);
    let settings = plainly_core::Settings::default();
    let mut total = 0usize;
    for _ in 0..20 {
        total += match stage.as_str() {
            "check" => plainly_core::check(&doc, &settings).diagnostics.len(),
            "metrics" => plainly_core::Document::parse(&doc).metrics().counts.words as usize,
            _ => plainly_core::Document::parse(&doc).sentences().len(),
        };
    }
    println!("{total}");
}
