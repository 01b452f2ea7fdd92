//! The web API of `plainly serve`, against the real binary on a free port
//! on 127.0.0.1: the answers equal `plainly check --format json`, and every
//! limit is hit on purpose and answered as documented, with the server
//! still answering after.

mod web_support;

use std::io::{Read, Write};
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use web_support::{check_body, read_answer, Server};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// What `plainly check --no-config --format json` prints for `file`.
fn cli_json(file: &str, audience: &str) -> Vec<u8> {
    let out = Command::new(env!("CARGO_BIN_EXE_plainly"))
        .args(["check", "--no-config", "--format", "json", "--audience"])
        .args([audience, file])
        .current_dir(root())
        .output()
        .expect("plainly check runs");
    assert!(out.status.code().is_some_and(|c| c <= 1), "{out:?}");
    out.stdout
}

#[test]
fn api_check_equals_plainly_check_json_on_the_corpus() {
    let server = Server::start(&[]);
    let mut compared = 0;
    for folder in ["corpus/clean", "corpus/dirty"] {
        let mut files: Vec<_> = std::fs::read_dir(root().join(folder))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "md"))
            .collect();
        files.sort();
        for path in files {
            let name = format!("{folder}/{}", path.file_name().unwrap().to_str().unwrap());
            let text = std::fs::read_to_string(&path).unwrap();
            let audiences: &[&str] = if folder == "corpus/dirty" {
                &["public", "easy-read", "professional"]
            } else {
                &["public"]
            };
            for audience in audiences {
                let answer = server.post("/api/check", &check_body(&text, audience, Some(&name)));
                assert_eq!(answer.status, 200, "{name}: {}", answer.text());
                assert_eq!(
                    answer.header("content-type"),
                    Some("application/json"),
                    "{name}"
                );
                let expected = cli_json(&name, audience);
                assert!(
                    answer.body == expected,
                    "{name} ({audience}): the API and plainly check differ\nAPI:\n{}\nCLI:\n{}",
                    answer.text(),
                    String::from_utf8_lossy(&expected)
                );
                compared += 1;
            }
        }
    }
    assert!(compared >= 60, "only {compared} comparisons");
    // Plain text is read as plain text, as plainly check reads .txt files.
    let notes = "tests/cmd/files.in/notes.txt";
    let text = std::fs::read_to_string(root().join(notes)).unwrap();
    let answer = server.post("/api/check", &check_body(&text, "public", Some(notes)));
    assert_eq!(answer.body, cli_json(notes, "public"));
}

#[test]
fn rules_health_page_and_headers() {
    let server = Server::start(&[]);
    let health = server.get("/healthz");
    assert_eq!(health.status, 200);
    assert_eq!(health.json()["status"], "ok");

    let rules = server.get("/api/rules").json();
    let names: Vec<&str> = rules["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["name"].as_str().unwrap())
        .collect();
    let expected: Vec<&str> = plainly_rule_names();
    assert_eq!(names, expected);
    assert!(rules["rules"][0]["documentation"]
        .as_str()
        .unwrap()
        .contains("## What it flags"));

    let page = server.get("/");
    assert_eq!(page.status, 200);
    assert!(page
        .text()
        .contains("<h1>Check your writing is easy to read</h1>"));
    let csp = page.header("content-security-policy").unwrap();
    assert!(csp.contains("default-src 'none'") && csp.contains("script-src 'self'"));
    assert!(csp.contains("frame-ancestors 'none'"));
    assert_eq!(page.header("x-content-type-options"), Some("nosniff"));
    assert_eq!(page.header("x-frame-options"), Some("DENY"));
    assert_eq!(page.header("referrer-policy"), Some("no-referrer"));
    for asset in [
        "app.js",
        "app.css",
        "marks.css",
        "nhsuk-frontend.css",
        "icon.svg",
        "nhsuk-frontend-LICENCE.txt",
    ] {
        let answer = server.get(&format!("/assets/{asset}"));
        assert_eq!(answer.status, 200, "{asset}");
        // Nothing on the page may come from another site.
        let text = answer.text();
        assert!(
            !text.contains("http://") || asset.ends_with(".svg"),
            "{asset}"
        );
        assert!(
            !text.contains("https://") || asset.ends_with(".txt"),
            "{asset}"
        );
    }
    // Every answer: no cookies, and no cross-origin access by default.
    for answer in [
        &health,
        &page,
        &server.post("/api/check", &check_body("Hello.", "public", None)),
    ] {
        assert!(answer.header("set-cookie").is_none());
        assert!(answer.header("access-control-allow-origin").is_none());
    }
    let missing = server.get("/nothing-here");
    assert_eq!(missing.status, 404);
    assert!(missing.error().contains("nothing at this address"));
    let wrong_method = server.get("/api/check");
    assert_eq!(wrong_method.status, 405);
    assert!(wrong_method.error().contains("POST"));
}

fn plainly_rule_names() -> Vec<&'static str> {
    let out = Command::new(env!("CARGO_BIN_EXE_plainly"))
        .arg("rules")
        .output()
        .unwrap();
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| &*l.split_whitespace().next().unwrap().to_owned().leak())
        .collect()
}

#[test]
fn bad_requests_get_400_413_and_a_plain_message() {
    let server = Server::start(&[]);
    // Over 1 MB.
    let big = check_body(&"Please come in. ".repeat(70_000), "public", None);
    assert!(big.len() > 1024 * 1024);
    let answer = server.post("/api/check", &big);
    assert_eq!(answer.status, 413);
    assert!(answer.error().contains("1 MB"), "{}", answer.error());
    // Just under 1 MB is checked.
    let fits = check_body(&"Please come in. ".repeat(60_000), "public", None);
    assert!(fits.len() < 1024 * 1024);
    assert_eq!(server.post("/api/check", &fits).status, 200);
    // Malformed JSON.
    let answer = server.post("/api/check", b"{\"text\": \"Hello");
    assert_eq!(answer.status, 400);
    assert!(
        answer.error().contains("not the JSON"),
        "{}",
        answer.error()
    );
    let answer = server.post("/api/check", b"{\"words\": \"Hello\"}");
    assert_eq!(answer.status, 400);
    assert!(answer.error().contains("text"), "{}", answer.error());
    // Invalid UTF-8.
    let answer = server.post("/api/check", b"{\"text\": \"caf\xe9\"}");
    assert_eq!(answer.status, 400);
    assert!(answer.error().contains("UTF-8"), "{}", answer.error());
    // An audience that does not exist.
    let answer = server.post("/api/check", &check_body("Hello.", "children", None));
    assert_eq!(answer.status, 400);
    assert!(answer.error().contains("easy-read"), "{}", answer.error());
    // The report refuses the same way.
    assert_eq!(server.post("/api/report", b"[1, 2]").status, 400);
    // Still answering.
    assert_eq!(server.get("/healthz").status, 200);
    // And nothing of the text was printed.
    let printed = server.stop();
    assert!(!printed.contains("Please come in"), "{printed}");
}

#[test]
fn the_report_is_the_html_of_plainly_check() {
    let server = Server::start(&[]);
    let name = "corpus/dirty/hospital-discharge-letter.md";
    let text = std::fs::read_to_string(root().join(name)).unwrap();
    let answer = server.post("/api/report", &check_body(&text, "public", Some(name)));
    assert_eq!(answer.status, 200);
    assert!(answer
        .header("content-disposition")
        .unwrap()
        .starts_with("attachment"));
    let cli = Command::new(env!("CARGO_BIN_EXE_plainly"))
        .args(["check", "--no-config", "--format", "html", name])
        .current_dir(root())
        .output()
        .unwrap();
    assert_eq!(answer.text(), String::from_utf8_lossy(&cli.stdout));
}

/// Sends the head of a request that promises a body, and part of it.
fn start_slow_request(server: &Server) -> std::net::TcpStream {
    let mut stream = server.connect();
    stream
        .write_all(
            b"POST /api/check HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n\
              Content-Length: 100\r\n\r\n{\"text\": \"Hel",
        )
        .unwrap();
    stream
}

#[test]
fn slow_clients_are_timed_out_and_the_cap_on_requests_holds() {
    let server = Server::start(&["--timeout", "1.5", "--max-in-flight", "2"]);
    // Two slow clients take both places.
    let started = Instant::now();
    let mut slow: Vec<_> = (0..2).map(|_| start_slow_request(&server)).collect();
    std::thread::sleep(Duration::from_millis(300));
    // A third request is turned away at once, with a plain message.
    let busy = server.get("/healthz");
    assert_eq!(busy.status, 503, "{}", busy.text());
    assert!(busy.error().contains("busy"), "{}", busy.error());
    // The slow ones are stopped when their time is up.
    for stream in &mut slow {
        let answer = read_answer(stream);
        assert_eq!(answer.status, 408, "{}", answer.text());
        assert!(
            answer.error().contains("more than 1.5 seconds"),
            "{}",
            answer.error()
        );
    }
    let waited = started.elapsed();
    assert!(
        waited >= Duration::from_millis(1400) && waited < Duration::from_secs(5),
        "{waited:?}"
    );
    // A client that never finishes its headers is disconnected.
    let mut stream = server.connect();
    stream
        .write_all(b"POST /api/check HTTP/1.1\r\nHost: loc")
        .unwrap();
    let started = Instant::now();
    let mut rest = Vec::new();
    let _ = stream.read_to_end(&mut rest);
    assert!(started.elapsed() < Duration::from_secs(5));
    // A client that connects and sends nothing is disconnected too.
    let mut idle = server.connect();
    let started = Instant::now();
    let _ = idle.read_to_end(&mut rest);
    assert!(started.elapsed() < Duration::from_secs(5));
    // The server still answers.
    let answer = server.post("/api/check", &check_body("Please come in.", "public", None));
    assert_eq!(answer.status, 200);
}

#[test]
fn cross_origin_access_only_for_the_origin_named() {
    let server = Server::start(&["--allow-origin", "https://intranet.example.org"]);
    let ask = |origin: &str| {
        server.raw(
            format!(
                "OPTIONS /api/check HTTP/1.1\r\nHost: localhost\r\nOrigin: {origin}\r\n\
                 Access-Control-Request-Method: POST\r\n\
                 Access-Control-Request-Headers: content-type\r\nConnection: close\r\n\r\n"
            )
            .as_bytes(),
        )
    };
    let allowed = ask("https://intranet.example.org");
    assert_eq!(
        allowed.header("access-control-allow-origin"),
        Some("https://intranet.example.org")
    );
    let other = ask("https://elsewhere.example.com");
    assert!(other.header("access-control-allow-origin").is_none());
    let bad = Command::new(env!("CARGO_BIN_EXE_plainly"))
        .args(["serve", "--allow-origin", "intranet"])
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("https://"));
}
