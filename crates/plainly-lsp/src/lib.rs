//! # plainly-lsp
//!
//! The plainly language server: plain-English findings as you type, quick
//! fixes, and explanations on hover, in any editor that speaks the
//! Language Server Protocol. `plainly lsp` runs [`serve_stdio`].
//!
//! It reads `plainly.toml` as the command line does (found from each
//! document's folder), takes the editor's settings on top, and checks each
//! document with [`plainly_core::check`]. The loop is synchronous: checks
//! take milliseconds, and a burst of edits is checked once, at its end.
#![warn(missing_docs)]

mod actions;
pub mod config;
mod diagnostics;
mod document;
mod hover;
pub mod position;
mod server;
pub mod transport;
mod uri;

pub use diagnostics::{DiagnosticData, Fix};
pub use server::{serve, serve_stdio};
