//! The `plainly` binary. All of the work lives in `plainly-cli`; this file
//! exists so the repository root is an installable package.

fn main() -> std::process::ExitCode {
    plainly_cli::main()
}

// Many small allocations, made and freed across threads: mimalloc keeps
// them cheap and does not hand memory back to the system between files.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
