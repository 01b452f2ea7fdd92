//! A small scripted Language Server Protocol client: JSON-RPC with
//! `Content-Length` framing over any pair of byte streams. Shared by the
//! tests of the real binary (`tests/lsp.rs`) and the benchmark
//! (`benches/benches/lsp.rs`).
#![allow(dead_code)]

use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Read, Write};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::Duration;

use serde_json::{json, Value};

/// How long to wait for a message before deciding the server is stuck.
/// Only a guard against hanging forever: tests never depend on timing.
pub const PATIENCE: Duration = Duration::from_secs(60);

/// A client talking to one server.
pub struct Client {
    input: Box<dyn Write + Send>,
    incoming: Receiver<Value>,
    /// Messages read but not yet asked for.
    backlog: VecDeque<Value>,
    next_id: i64,
}

/// Reads framed messages from `r` until it ends.
fn read_frames(r: impl Read, tx: mpsc::Sender<Value>) {
    let mut r = BufReader::new(r);
    loop {
        let mut length = None;
        loop {
            let mut line = String::new();
            match r.read_line(&mut line) {
                Ok(0) | Err(_) => return,
                Ok(_) => {}
            }
            let line = line.trim_end();
            if line.is_empty() {
                break;
            }
            if let Some(v) = line.strip_prefix("Content-Length: ") {
                length = v.parse::<usize>().ok();
            }
        }
        let Some(length) = length else { return };
        let mut body = vec![0; length];
        if r.read_exact(&mut body).is_err() {
            return;
        }
        let value: Value = serde_json::from_slice(&body).expect("the server sends JSON");
        if tx.send(value).is_err() {
            return;
        }
    }
}

impl Client {
    /// A client writing to `to_server` and reading from `from_server`.
    pub fn new(
        to_server: impl Write + Send + 'static,
        from_server: impl Read + Send + 'static,
    ) -> Client {
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || read_frames(from_server, tx));
        Client {
            input: Box::new(to_server),
            incoming: rx,
            backlog: VecDeque::new(),
            next_id: 0,
        }
    }

    /// Sends bytes exactly as given.
    pub fn send_raw(&mut self, bytes: &[u8]) {
        self.input
            .write_all(bytes)
            .expect("the server reads its input");
        self.input.flush().expect("the server reads its input");
    }

    /// Sends one message, framed.
    pub fn send(&mut self, msg: &Value) {
        let body = serde_json::to_vec(msg).unwrap();
        let mut framed = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
        framed.extend_from_slice(&body);
        self.send_raw(&framed);
    }

    /// Sends a notification.
    pub fn notify(&mut self, method: &str, params: Value) {
        self.send(&json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// Sends a request and returns its id.
    pub fn request_async(&mut self, method: &str, params: Value) -> i64 {
        self.next_id += 1;
        let id = self.next_id;
        self.send(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        id
    }

    /// Sends a request and waits for its response (the whole message, with
    /// `result` or `error`). Other messages that arrive meanwhile are kept.
    pub fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.request_async(method, params);
        self.wait_for(&format!("the response to {method}"), |m| {
            m.get("id") == Some(&json!(id)) && m.get("method").is_none()
        })
    }

    /// Waits for the first message, old or new, that `pred` accepts, and
    /// takes it. Panics, naming `what`, if none comes.
    pub fn wait_for(&mut self, what: &str, pred: impl Fn(&Value) -> bool) -> Value {
        if let Some(i) = self.backlog.iter().position(&pred) {
            return self.backlog.remove(i).unwrap();
        }
        loop {
            match self.incoming.recv_timeout(PATIENCE) {
                Ok(m) if pred(&m) => return m,
                Ok(m) => self.backlog.push_back(m),
                Err(RecvTimeoutError::Timeout) => {
                    panic!(
                        "the server did not send {what}; it sent: {:#?}",
                        self.backlog
                    )
                }
                Err(RecvTimeoutError::Disconnected) => {
                    panic!(
                        "the server closed its output before sending {what}; it sent: {:#?}",
                        self.backlog
                    )
                }
            }
        }
    }

    /// Waits for diagnostics for `uri` at `version` (any version when
    /// `None`), skipping older ones.
    pub fn diagnostics(&mut self, uri: &str, version: Option<i64>) -> Vec<Value> {
        let m = self.wait_for(
            &format!("diagnostics for {uri} at version {version:?}"),
            |m| {
                m["method"] == "textDocument/publishDiagnostics"
                    && m["params"]["uri"] == uri
                    && version.is_none_or(|v| m["params"]["version"] == v)
            },
        );
        m["params"]["diagnostics"]
            .as_array()
            .cloned()
            .unwrap_or_default()
    }

    /// Every message read so far and not yet taken.
    pub fn drain(&mut self) -> Vec<Value> {
        while let Ok(m) = self.incoming.try_recv() {
            self.backlog.push_back(m);
        }
        self.backlog.drain(..).collect()
    }

    /// `initialize` then `initialized`; returns the result of `initialize`.
    pub fn initialize(&mut self, params: Value) -> Value {
        let response = self.request("initialize", params);
        self.notify("initialized", json!({}));
        response["result"].clone()
    }

    /// Opens a Markdown document.
    pub fn open(&mut self, uri: &str, version: i64, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": "markdown", "version": version, "text": text}}),
        );
    }

    /// Sends one `didChange` with these content changes.
    pub fn change(&mut self, uri: &str, version: i64, changes: Value) {
        self.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": changes}),
        );
    }

    /// `shutdown`, then `exit`.
    pub fn shutdown_and_exit(&mut self) {
        let r = self.request("shutdown", Value::Null);
        assert_eq!(r["result"], Value::Null, "shutdown answers null: {r}");
        self.notify("exit", Value::Null);
    }
}

/// A range in the protocol's shape.
pub fn range(l1: u32, c1: u32, l2: u32, c2: u32) -> Value {
    json!({"start": {"line": l1, "character": c1}, "end": {"line": l2, "character": c2}})
}
