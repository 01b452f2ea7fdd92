//! The `plainly` binary. All of the work lives in `plainly-cli`; this file
//! exists so the repository root is an installable package.

fn main() -> std::process::ExitCode {
    plainly_cli::main()
}
