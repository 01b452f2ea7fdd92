//! The language server, exactly as `plainly lsp` runs it, built inside this
//! package so the `lsp` benchmark can start it as a separate process.

// The allocator of the `plainly` binary, so this is the same program.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    std::process::exit(plainly_lsp::serve_stdio());
}
