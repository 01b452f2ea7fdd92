//! Peak heap memory of the pipeline on the generated 1 MB document, as a
//! multiple of the input size. Run: `cargo bench -p plainly-benches --bench memory`.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

/// Counts bytes in use and the peak, passing every call on to the system
/// allocator.
struct Counting;

static IN_USE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is passed unchanged to `System`, which upholds the
// `GlobalAlloc` contract; the counters only observe sizes.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let now = IN_USE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(now, Ordering::Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        IN_USE.fetch_sub(layout.size(), Ordering::Relaxed);
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

fn main() {
    // `cargo test --benches` runs bench targets with `--test`-like flags;
    // measure only when run as a benchmark.
    if std::env::args().any(|a| a == "--list") {
        return;
    }
    let doc = plainly_benches::document(1, 1 << 20);
    let before = IN_USE.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    let parsed = plainly_core::Document::parse(&doc);
    let metrics = parsed.metrics();
    let peak = PEAK.load(Ordering::Relaxed) - before;
    println!(
        "peak heap for parse + metrics on {} bytes: {} bytes ({:.2} times the input); {} words",
        doc.len(),
        peak,
        peak as f64 / doc.len() as f64,
        metrics.counts.words
    );
}
