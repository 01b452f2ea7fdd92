//! Writes the benchmark documents to a folder, so the release binary can be
//! timed on them as a user would run it:
//!
//! ```sh
//! cargo run --release -p plainly-benches --bin gen-docs -- target/bench-docs
//! cargo build --release
//! time target/release/plainly check --fail-on never target/bench-docs/small > /dev/null
//! time target/release/plainly metrics target/bench-docs/large.md > /dev/null
//! ```

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(dir) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("error: name the folder to write to, for example: gen-docs target/bench-docs");
        return ExitCode::from(2);
    };
    let small = dir.join("small");
    if let Err(e) = std::fs::create_dir_all(&small) {
        eprintln!(
            "error: {}: could not create the folder ({e}).",
            small.display()
        );
        return ExitCode::from(2);
    }
    for (i, doc) in plainly_benches::small_documents(2000).iter().enumerate() {
        let path = small.join(format!("doc-{i:04}.md"));
        if let Err(e) = std::fs::write(&path, doc) {
            eprintln!("error: {}: could not write it ({e}).", path.display());
            return ExitCode::from(2);
        }
    }
    let large = dir.join("large.md");
    if let Err(e) = std::fs::write(&large, plainly_benches::document(1, 1 << 20)) {
        eprintln!("error: {}: could not write it ({e}).", large.display());
        return ExitCode::from(2);
    }
    println!(
        "wrote 2,000 small documents to {} and a 1 MB document to {}",
        small.display(),
        large.display()
    );
    ExitCode::SUCCESS
}
