//! The language server under a scripted client, over real pipes to a
//! separate process (`lsp-bench-server`, the same code as `plainly lsp`):
//!
//! - latency: from writing a `didChange` to reading the complete
//!   `publishDiagnostics` for that version, on a 50,000-word document,
//!   over many one-line edits (a sentence typed in, then taken out);
//! - memory: resident memory of the server with 20 different
//!   50,000-word documents open and checked.
//!
//! Run: `cargo bench -p plainly-benches --bench lsp`. Without `--bench`
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

fn frame(body: &str) -> Vec<u8> {
    let mut out = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
    out.extend_from_slice(body.as_bytes());
    out
}

impl Server {
    fn start() -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_lsp-bench-server"))
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

    fn stop(mut self) {
        self.send(&serde_json::json!({"jsonrpc": "2.0", "id": 99, "method": "shutdown"}));
        self.send(&serde_json::json!({"jsonrpc": "2.0", "method": "exit"}));
        let _ = self.child.wait();
    }
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
    let mut times = Vec::with_capacity(edits);
    let sentence = "We will utilise the hall in order to meet. ";
    for i in 0..edits + 5 {
        let version = i as i64 + 2;
        // Spread the edits over the document; take each sentence out
        // again with the next edit.
        let line = (i / 2 * 7919) % lines;
        let change = if i % 2 == 0 {
            serde_json::json!({"range": {"start": {"line": line, "character": 0}, "end": {"line": line, "character": 0}}, "text": sentence})
        } else {
            let prev = ((i - 1) / 2 * 7919) % lines;
            serde_json::json!({"range": {"start": {"line": prev, "character": 0}, "end": {"line": prev, "character": sentence.len()}}, "text": ""})
        };
        let msg = serde_json::json!({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
            "textDocument": {"uri": uri, "version": version}, "contentChanges": [change]}});
        let bytes = frame(&msg.to_string());
        let start = Instant::now();
        server.stdin.write_all(&bytes).unwrap();
        server.stdin.flush().unwrap();
        let (at, _) = server.wait(version);
        if i >= 5 {
            times.push(at.duration_since(start).as_secs_f64() * 1000.0);
        }
    }
    server.stop();
    times.sort_by(f64::total_cmp);
    println!(
        "didChange to publishDiagnostics, {} edits: median {:.1} ms, p95 {:.1} ms, max {:.1} ms",
        times.len(),
        percentile(&times, 0.5),
        percentile(&times, 0.95),
        times[times.len() - 1]
    );

    // The same edits, checked in this process with no server: the part
    // of the latency that is `check` itself.
    let mut text = doc.clone();
    let settings = plainly_core::Settings::default();
    let mut check_times = Vec::with_capacity(edits);
    let mut inserted_at = 0;
    for i in 0..edits {
        if i % 2 == 0 {
            let at = text.len() / edits * i;
            inserted_at = (0..=at)
                .rev()
                .find(|&j| text.is_char_boundary(j))
                .unwrap_or(0);
            text.insert_str(inserted_at, sentence);
        } else {
            text.replace_range(inserted_at..inserted_at + sentence.len(), "");
        }
        let start = Instant::now();
        let report = plainly_core::check(&text, &settings);
        check_times.push(start.elapsed().as_secs_f64() * 1000.0);
        std::hint::black_box(report);
    }
    check_times.sort_by(f64::total_cmp);
    println!(
        "check alone, in process, {} runs: median {:.1} ms, p95 {:.1} ms",
        check_times.len(),
        percentile(&check_times, 0.5),
        percentile(&check_times, 0.95)
    );
    if let Ok(load) = std::fs::read_to_string("/proc/loadavg") {
        let one_minute = load.split_whitespace().next().unwrap_or("?");
        println!("load average while measuring (1 minute): {one_minute}");
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
