//! Document generators shared by the benchmarks.
