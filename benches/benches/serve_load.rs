//! Load on `plainly serve`: 200 clients at once on 127.0.0.1, each sending
//! a two-page letter to `POST /api/check` over and over (a new request as
//! soon as the last is answered) for 20 seconds. Prints the latency (p50,
//! p99, the slowest), the throughput, the errors and the server's memory
//! (resident set, sampled every 100 ms) over the run. Bounded in time and
//! in clients; it stops by itself.
//!
//! It runs the release binary, so build it first:
//!
//! ```text
//! cargo build --release
//! cargo bench -p plainly-benches --bench serve_load
//! ```
//!
//! `PLAINLY_BIN` names another binary; `LOAD_CLIENTS`, `LOAD_SECONDS` and
//! `LOAD_PAUSE_MS` (a pause after each answer, as the page makes while a
//! person types: it checks 250 ms after the last key) change the load.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

fn setting(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// A letter of about two pages (900 words or a little over), with the
/// kinds of problems plainly finds: letters from the corpus, one after
/// another, cut at the end of the paragraph that reaches 900 words.
fn letter() -> String {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut text = String::new();
    for file in [
        "corpus/dirty/continuing-healthcare-letter.md",
        "corpus/dirty/hospital-discharge-letter.md",
        "corpus/dirty/assessment-outcome-letter.md",
        "corpus/clean/rent-change-letter.md",
    ] {
        let letter = std::fs::read_to_string(root.join(file)).expect("a corpus letter");
        for paragraph in letter.split("\n\n") {
            text.push_str(paragraph.trim_end());
            text.push_str("\n\n");
            if text.split_whitespace().count() >= 900 {
                return text;
            }
        }
    }
    text
}

/// The resident memory of process `pid`, in kB, from /proc.
fn rss_kb(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Sends one request on a kept-alive connection and reads the answer.
/// Returns the status.
fn exchange(stream: &mut BufReader<TcpStream>, request: &[u8]) -> std::io::Result<u16> {
    stream.get_mut().write_all(request)?;
    let mut line = String::new();
    stream.read_line(&mut line)?;
    let status: u16 = line
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| std::io::Error::other(format!("bad status line {line:?}")))?;
    let mut length = 0usize;
    loop {
        line.clear();
        stream.read_line(&mut line)?;
        if line == "\r\n" || line.is_empty() {
            break;
        }
        if let Some((name, value)) = line.split_once(':') {
            if name.eq_ignore_ascii_case("content-length") {
                length = value.trim().parse().unwrap_or(0);
            }
        }
    }
    let mut body = vec![0; length];
    stream.read_exact(&mut body)?;
    Ok(status)
}

/// CPU time process `pid` has used (user and system), from /proc.
fn cpu_time(pid: u32) -> Option<Duration> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // Fields after the command name, which is in brackets and may hold
    // spaces: utime and stime are the 14th and 15th fields of the line.
    let rest = &stat[stat.rfind(')')? + 2..];
    let fields: Vec<&str> = rest.split(' ').collect();
    let ticks: u64 = fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
    // Linux counts in clock ticks of 1/100 s on every common system.
    Some(Duration::from_millis(ticks * 10))
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn main() {
    // `cargo bench` passes `--bench`; `cargo test --benches` would pass
    // nothing and should not start a 20-second run.
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    let clients = setting("LOAD_CLIENTS", 200).clamp(1, 1000) as usize;
    let seconds = setting("LOAD_SECONDS", 20).clamp(1, 120);
    let pause = Duration::from_millis(setting("LOAD_PAUSE_MS", 0).min(10_000));
    let binary = std::env::var_os("PLAINLY_BIN").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target/release/plainly"),
        PathBuf::from,
    );
    let mut server = Command::new(&binary)
        .args(["serve", "--host", "127.0.0.1", "--port", "0"])
        .args(["--max-in-flight", "1024"])
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap_or_else(|e| {
            panic!(
                "could not run {} ({e}): run cargo build --release first",
                binary.display()
            )
        });
    let mut first = String::new();
    BufReader::new(server.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    let address: SocketAddr = first
        .trim()
        .trim_start_matches("plainly is ready at http://")
        .trim_end_matches('/')
        .parse()
        .expect("the server's address");
    let pid = server.id();

    let text = letter();
    let body =
        serde_json::to_vec(&serde_json::json!({"text": text, "audience": "public"})).unwrap();
    let mut request = format!(
        "POST /api/check HTTP/1.1\r\nHost: {address}\r\nContent-Type: application/json\r\n\
         Content-Length: {}\r\n\r\n",
        body.len()
    )
    .into_bytes();
    request.extend_from_slice(&body);
    let request = Arc::new(request);

    // One request first, so the word lists are built before timing starts.
    let mut warm = BufReader::new(TcpStream::connect(address).unwrap());
    assert_eq!(exchange(&mut warm, &request).unwrap(), 200);
    drop(warm);

    let stop = Arc::new(AtomicBool::new(false));
    let memory = Arc::new(Mutex::new(Vec::new()));
    let sampler = {
        let (stop, memory) = (stop.clone(), memory.clone());
        std::thread::spawn(move || {
            let start = Instant::now();
            while !stop.load(Ordering::Relaxed) {
                if let Some(kb) = rss_kb(pid) {
                    memory.lock().unwrap().push((start.elapsed(), kb));
                }
                std::thread::sleep(Duration::from_millis(100));
            }
        })
    };
    let cpu_before = cpu_time(pid);
    let started = Instant::now();
    let deadline = started + Duration::from_secs(seconds);
    let workers: Vec<_> = (0..clients)
        .map(|i| {
            let request = request.clone();
            std::thread::Builder::new()
                .stack_size(256 * 1024)
                .spawn(move || {
                    let mut times = Vec::with_capacity(4096);
                    let mut errors = 0u64;
                    let mut stream: Option<BufReader<TcpStream>> = None;
                    // People do not all press a key at the same moment:
                    // with a pause, clients start spread over one pause,
                    // and each pause varies from half to one and a half
                    // times the setting (a small generator, the same on
                    // every run).
                    let mut seed = 0x9e37_79b9_7f4a_7c15_u64 ^ (i as u64 + 1);
                    let mut jitter = move || {
                        seed ^= seed << 13;
                        seed ^= seed >> 7;
                        seed ^= seed << 17;
                        (seed % 1000) as f64 / 1000.0
                    };
                    std::thread::sleep(pause.mul_f64(i as f64 / clients as f64));
                    while Instant::now() < deadline {
                        if stream.is_none() {
                            match TcpStream::connect(address) {
                                Ok(s) => {
                                    let _ = s.set_nodelay(true);
                                    let _ = s.set_read_timeout(Some(Duration::from_secs(10)));
                                    stream = Some(BufReader::new(s));
                                }
                                Err(_) => {
                                    errors += 1;
                                    std::thread::sleep(Duration::from_millis(10));
                                    continue;
                                }
                            }
                        }
                        let Some(s) = stream.as_mut() else { continue };
                        let sent = Instant::now();
                        match exchange(s, &request) {
                            Ok(200) => times.push(sent.elapsed()),
                            Ok(_) => errors += 1,
                            Err(_) => {
                                errors += 1;
                                stream = None;
                            }
                        }
                        if !pause.is_zero() {
                            std::thread::sleep(pause.mul_f64(0.5 + jitter()));
                        }
                    }
                    (times, errors)
                })
                .expect("a client thread")
        })
        .collect();
    let mut times = Vec::new();
    let mut errors = 0;
    for w in workers {
        let (t, e) = w.join().unwrap();
        times.extend(t);
        errors += e;
    }
    let elapsed = started.elapsed();
    let cpu = cpu_before
        .zip(cpu_time(pid))
        .map(|(before, after)| after.saturating_sub(before));
    stop.store(true, Ordering::Relaxed);
    sampler.join().unwrap();
    let _ = server.kill();
    let _ = server.wait();

    times.sort_unstable();
    let samples = memory.lock().unwrap().clone();
    let peak = samples.iter().map(|&(_, kb)| kb).max().unwrap_or(0);
    let at = |secs: f64| {
        samples
            .iter()
            .find(|(t, _)| t.as_secs_f64() >= secs)
            .map_or(0, |&(_, kb)| kb)
    };
    let last = samples.last().map_or(0, |&(_, kb)| kb);
    println!(
        "serve_load: {clients} clients, {seconds} s, a letter of {} words ({} bytes of JSON), pause {} ms",
        text.split_whitespace().count(),
        body.len(),
        pause.as_millis()
    );
    println!(
        "  requests: {} answered, {errors} errors, {:.0} a second",
        times.len(),
        times.len() as f64 / elapsed.as_secs_f64()
    );
    println!(
        "  latency: p50 {:.1} ms, p99 {:.1} ms, slowest {:.1} ms",
        percentile(&times, 0.50).as_secs_f64() * 1e3,
        percentile(&times, 0.99).as_secs_f64() * 1e3,
        times.last().copied().unwrap_or_default().as_secs_f64() * 1e3
    );
    if let Some(cpu) = cpu {
        println!(
            "  server CPU: {:.1} s in all, {:.2} ms a request",
            cpu.as_secs_f64(),
            cpu.as_secs_f64() * 1e3 / times.len().max(1) as f64
        );
    }
    println!(
        "  server memory (RSS): {:.1} MB after 1 s, {:.1} MB after half the run, {:.1} MB at the end, {:.1} MB at most",
        at(1.0) as f64 / 1024.0,
        at(seconds as f64 / 2.0) as f64 / 1024.0,
        last as f64 / 1024.0,
        peak as f64 / 1024.0
    );
}
