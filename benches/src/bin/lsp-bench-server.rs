//! The language server, exactly as `plainly lsp` runs it, built inside this
//! package so the `lsp` benchmark can start it as a separate process.

fn main() {
    std::process::exit(plainly_lsp::serve_stdio());
}
