//! plainly-core (work in progress).
#![warn(missing_docs)]

pub mod syllables;
