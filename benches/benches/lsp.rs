//! The language server under a scripted client, over real pipes to a
//! separate process (`lsp-bench-server`, the same code as `plainly lsp`):
//!
//! - latency: on a 50,000-word document, over many one-line edits (a
//!   sentence typed in at the start of a line, then taken out), from just
//!   before the client writes a `didChange` to when its reader thread has
//!   read the last byte of the `publishDiagnostics` for that version. The
//!   reader does not parse the JSON: it reads each frame whole (header,
//!   then exactly `Content-Length` bytes), takes the time, then finds the
//!   method near the start and the version near the end;
//! - the same edits, to the same texts, checked in this process with no
//!   server, so the server's own part can be told from `check`'s;
//! - memory: resident memory of the server with 20 different
//!   50,000-word documents open and checked.
//!
//! Run: `cargo bench -p plainly-benches --bench lsp`. To time another
//! build of the server with the same client, name it in
//! `PLAINLY_LSP_BENCH_SERVER`. Without `--bench`
//! (as `cargo test --benches` runs it) it does a few edits only, as a smoke
//! test.

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};

const WORDS: u64 = 50_000;

/// A 50,000-word generated document (to within a few words).
fn document(seed: u64) -> String {
    let mut size = 300_000;
    loop {
        let doc = plainly_benches::document(seed, size);
        let words = plainly_core::Document::parse(&doc).metrics().counts.words;
        if words >= WORDS {
            return doc;
        }
        size = size * WORDS as usize / words as usize + 1024;
    }
}

struct Server {
    child: Child,
    stdin: ChildStdin,
    /// (version, when the whole message was read) for each
    /// `publishDiagnostics`, and the message's size in bytes.
    published: Receiver<(i64, Instant, usize)>,
}

/// The server to run: `lsp-bench-server` as built with this bench, or
/// the program named by `PLAINLY_LSP_BENCH_SERVER` (such as a copy of an
/// older build, to compare two versions with the same client).
fn server_program() -> std::ffi::OsString {
    std::env::var_os("PLAINLY_LSP_BENCH_SERVER")
        .unwrap_or_else(|| env!("CARGO_BIN_EXE_lsp-bench-server").into())
}

fn frame(body: &str) -> Vec<u8> {
    let mut out = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
    out.extend_from_slice(body.as_bytes());
    out
}

impl Server {
    fn start() -> Server {
        let mut child = Command::new(server_program())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("the server starts");
        let stdin = child.stdin.take().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = mpsc::channel();
        // Reads frames and notes the version of each publishDiagnostics
        // without parsing the whole message: the client's own parsing is
        // not the server's latency.
        std::thread::spawn(move || {
            let mut r = BufReader::with_capacity(1 << 20, stdout);
            let mut body = Vec::new();
            loop {
                let mut len = 0;
                loop {
                    let mut line = String::new();
                    if r.read_line(&mut line).unwrap_or(0) == 0 {
                        return;
                    }
                    let line = line.trim_end();
                    if line.is_empty() {
                        break;
                    }
                    if let Some(v) = line.strip_prefix("Content-Length: ") {
                        len = v.parse().unwrap();
                    }
                }
                body.resize(len, 0);
                if r.read_exact(&mut body).is_err() {
                    return;
                }
                let now = Instant::now();
                let head = &body[..body.len().min(80)];
                if !head.windows(18).any(|w| w == b"publishDiagnostics") {
                    continue;
                }
                let tail =
                    std::str::from_utf8(&body[body.len().saturating_sub(400)..]).unwrap_or("");
                let version = tail
                    .rfind("\"version\":")
                    .and_then(|i| {
                        let rest = &tail[i + 10..];
                        let end = rest
                            .find(|c: char| !c.is_ascii_digit())
                            .unwrap_or(rest.len());
                        rest[..end].parse().ok()
                    })
                    .unwrap_or(-1);
                if tx.send((version, now, len)).is_err() {
                    return;
                }
            }
        });
        let mut s = Server {
            child,
            stdin,
            published: rx,
        };
        s.send(
            &serde_json::json!({"jsonrpc": "2.0", "id": 1, "method": "initialize",
            "params": {"capabilities": {}}}),
        );
        s.send(&serde_json::json!({"jsonrpc": "2.0", "method": "initialized", "params": {}}));
        s
    }

    fn send(&mut self, msg: &serde_json::Value) {
        self.stdin.write_all(&frame(&msg.to_string())).unwrap();
        self.stdin.flush().unwrap();
    }

    fn open(&mut self, uri: &str, text: &str) {
        self.send(&serde_json::json!({"jsonrpc": "2.0", "method": "textDocument/didOpen",
            "params": {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}}}));
    }

    /// Waits for the diagnostics of `version`; returns when they were read
    /// and their size.
    fn wait(&self, version: i64) -> (Instant, usize) {
        loop {
            let (v, at, len) = self
                .published
                .recv_timeout(Duration::from_secs(120))
                .expect("the server publishes diagnostics");
            if v == version {
                return (at, len);
            }
        }
    }

    /// Resident memory now and at its peak, in MB (Linux only).
    fn memory(&self) -> Option<(f64, f64)> {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).ok()?;
        let kb = |key: &str| -> Option<f64> {
            let line = status.lines().find(|l| l.starts_with(key))?;
            line.split_whitespace().nth(1)?.parse::<f64>().ok()
        };
        Some((kb("VmRSS:")? / 1024.0, kb("VmHWM:")? / 1024.0))
    }

    /// Time the server's threads have spent running, in ms: its main
    /// thread (which checks and writes) and all its threads (Linux only).
    fn cpu_time(&self) -> Option<(f64, f64)> {
        let tasks = format!("/proc/{}/task", self.child.id());
        let mut main = None;
        let mut all = 0.0;
        for task in std::fs::read_dir(&tasks).ok()?.flatten() {
            let ms = on_cpu_ms(&task.path().join("schedstat"))?;
            if task.file_name().to_str() == Some(&self.child.id().to_string()) {
                main = Some(ms);
            }
            all += ms;
        }
        Some((main?, all))
    }

    fn stop(mut self) {
        self.send(&serde_json::json!({"jsonrpc": "2.0", "id": 99, "method": "shutdown"}));
        self.send(&serde_json::json!({"jsonrpc": "2.0", "method": "exit"}));
        let _ = self.child.wait();
    }
}

/// Time a thread has spent running, in ms, from its `schedstat` (Linux
/// only): unlike wall time, it hardly depends on what else the machine
/// is doing.
fn on_cpu_ms(schedstat: &std::path::Path) -> Option<f64> {
    let text = std::fs::read_to_string(schedstat).ok()?;
    let ns: f64 = text.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e6)
}

/// The 1-minute load average, as text ("?" where there is no `/proc`).
fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|l| l.split_whitespace().next().map(str::to_owned))
        .unwrap_or_else(|| "?".into())
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i]
}

fn main() {
    if std::env::args().any(|a| a == "--list") {
        return;
    }
    let full = std::env::args().any(|a| a == "--bench");
    let edits = if full { 200 } else { 4 };
    let docs = if full { 20 } else { 2 };

    if let Some(server) = std::env::var_os("PLAINLY_LSP_BENCH_SERVER") {
        println!("server: {}", server.to_string_lossy());
    }
    let doc = document(1);
    let lines = doc.lines().count();
    let words = plainly_core::Document::parse(&doc).metrics().counts.words;
    println!(
        "document: {words} words, {} bytes, {lines} lines",
        doc.len()
    );

    // Latency.
    let mut server = Server::start();
    let uri = "file:///bench/large.md";
    server.open(uri, &doc);
    let (_, size) = server.wait(1);
    println!("diagnostics message: {} KB", size / 1024);
    // Each edit puts a sentence at the start of a line, spread over the
    // document; the next takes it out again. The first few warm up and are
    // not counted.
    let sentence = "We will utilise the hall in order to meet. ";
    const WARM_UP: usize = 5;
    let edit_line = |i: usize| (i / 2 * 7919) % lines;
    let load_before = load_average();
    let mut cpu_before = None;
    let mut times = Vec::with_capacity(edits);
    for i in 0..edits + WARM_UP {
        if i == WARM_UP {
            cpu_before = server.cpu_time();
        }
        let version = i as i64 + 2;
        let line = edit_line(i);
        let change = if i % 2 == 0 {
            serde_json::json!({"range": {"start": {"line": line, "character": 0}, "end": {"line": line, "character": 0}}, "text": sentence})
        } else {
            serde_json::json!({"range": {"start": {"line": line, "character": 0}, "end": {"line": line, "character": sentence.len()}}, "text": ""})
        };
        let msg = serde_json::json!({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
            "textDocument": {"uri": uri, "version": version}, "contentChanges": [change]}});
        let bytes = frame(&msg.to_string());
        let start = Instant::now();
        server.stdin.write_all(&bytes).unwrap();
        server.stdin.flush().unwrap();
        let (at, _) = server.wait(version);
        if i >= WARM_UP {
            times.push(at.duration_since(start).as_secs_f64() * 1000.0);
        }
    }
    let load_after = load_average();
    let server_cpu = cpu_before.zip(server.cpu_time()).map(|(a, b)| {
        let n = edits as f64;
        ((b.0 - a.0) / n, (b.1 - a.1) / n)
    });
    server.stop();
    times.sort_by(f64::total_cmp);
    println!(
        "didChange to publishDiagnostics, {} edits: median {:.1} ms, p95 {:.1} ms, max {:.1} ms",
        times.len(),
        percentile(&times, 0.5),
        percentile(&times, 0.95),
        times[times.len() - 1]
    );
    println!("load average (1 minute) before and after: {load_before} and {load_after}");

    // The same edits, to the same texts, checked in this process with no
    // server, as the server checks them (large documents on two threads):
    // the part of the latency that is `check` itself.
    let mut text = doc.clone();
    let settings = plainly_core::Settings::default();
    let mut check_times = Vec::with_capacity(edits);
    let this_thread = std::path::Path::new("/proc/thread-self/schedstat");
    let mut check_cpu_before = None;
    for i in 0..edits + WARM_UP {
        if i == WARM_UP {
            check_cpu_before = on_cpu_ms(this_thread);
        }
        let at = plainly_lsp::position::LineIndex::new(&text).line_start(edit_line(i));
        if i % 2 == 0 {
            text.insert_str(at, sentence);
        } else {
            text.replace_range(at..at + sentence.len(), "");
        }
        let start = Instant::now();
        let report = plainly_core::Document::parse(&text).check_parallel(&settings);
        if i >= WARM_UP {
            check_times.push(start.elapsed().as_secs_f64() * 1000.0);
        }
        std::hint::black_box(report);
    }
    let check_cpu = check_cpu_before
        .zip(on_cpu_ms(this_thread))
        .map(|(a, b)| (b - a) / edits as f64);
    check_times.sort_by(f64::total_cmp);
    println!(
        "check alone, in process, the same {} edits: median {:.1} ms, p95 {:.1} ms",
        check_times.len(),
        percentile(&check_times, 0.5),
        percentile(&check_times, 0.95)
    );
    println!(
        "the server's own part (difference of the medians): {:.1} ms",
        percentile(&times, 0.5) - percentile(&check_times, 0.5)
    );
    println!(
        "load average (1 minute) after checking alone: {}",
        load_average()
    );
    // Time on the processor: what the work costs, whatever else runs.
    if let (Some((main, all)), Some(check)) = (server_cpu, check_cpu) {
        println!(
            "time on the processor per edit: server {main:.1} ms in its main thread ({all:.1} ms in all its threads), check alone {check:.1} ms in its first thread"
        );
    }

    // Memory.
    let mut server = Server::start();
    for i in 0..docs {
        let text = document(i as u64 + 1);
        server.open(&format!("file:///bench/doc{i}.md"), &text);
        server.wait(1);
    }
    match server.memory() {
        Some((now, peak)) => println!(
            "{docs} documents of {WORDS} words open: {now:.0} MB resident, peak {peak:.0} MB"
        ),
        None => println!("{docs} documents open: memory not measured (needs Linux /proc)"),
    }
    server.stop();
}
