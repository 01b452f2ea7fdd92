//! The server: its state and the message loop.
//!
//! One thread reads and parses messages and queues them; this loop takes
//! them one at a time. Documents whose text changed are marked, and
//! checked only when the queue is empty, so a burst of edits costs one
//! check of the latest text. The loop never waits for an answer from the
//! client: answers to its own requests (such as `workspace/configuration`)
//! are handled when they arrive, if they ever do.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::io::{self, BufRead, Write};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;
use std::sync::mpsc;
use std::sync::Arc;

use lsp_server::{ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types::{self as lsp, Uri};
use plainly_core::Settings;
use serde_json::{json, Value};

use crate::config::{Configs, EditorSettings};
use crate::document::{Analysis, Document};
use crate::position::Encoding;
use crate::transport::{self, Incoming, Writer};

/// Where the session is in its life, as the protocol defines it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    /// Waiting for `initialize`.
    Uninitialized,
    /// Serving.
    Running,
    /// `shutdown` received: waiting for `exit`.
    ShutDown,
}

/// What the client said it can do, read leniently from its capabilities.
#[derive(Debug, Default, Clone)]
pub(crate) struct ClientCaps {
    pub document_changes: bool,
    pub create_files: bool,
    pub configuration: bool,
    pub watch_files: bool,
    pub hover_markdown: bool,
    pub related_information: bool,
}

impl ClientCaps {
    fn from_json(caps: &Value) -> Self {
        let flag = |p: &str| caps.pointer(p).and_then(Value::as_bool).unwrap_or(false);
        let has = |p: &str, want: &str| {
            caps.pointer(p)
                .and_then(Value::as_array)
                .is_some_and(|a| a.iter().any(|v| v.as_str() == Some(want)))
        };
        ClientCaps {
            document_changes: flag("/workspace/workspaceEdit/documentChanges"),
            create_files: flag("/workspace/workspaceEdit/documentChanges")
                && has("/workspace/workspaceEdit/resourceOperations", "create"),
            configuration: flag("/workspace/configuration"),
            watch_files: flag("/workspace/didChangeWatchedFiles/dynamicRegistration"),
            hover_markdown: has("/textDocument/hover/contentFormat", "markdown"),
            related_information: flag("/textDocument/publishDiagnostics/relatedInformation"),
        }
    }
}

/// What an answer from the client is the answer to.
#[derive(Debug, Clone, Copy)]
enum Pending {
    Configuration,
    Other,
}

/// The whole state of a session.
pub(crate) struct Server<W: Write> {
    out: Writer<W>,
    /// The client has gone: stop.
    broken: bool,
    state: State,
    pub encoding: Encoding,
    pub caps: ClientCaps,
    pub docs: HashMap<String, Document>,
    /// Documents to check and publish once the queue is empty.
    dirty: BTreeSet<String>,
    pub configs: Configs,
    /// Settings from `initializationOptions`.
    init_settings: EditorSettings,
    /// Settings from `workspace/didChangeConfiguration` or
    /// `workspace/configuration`, which replace `init_settings`.
    editor_settings: Option<EditorSettings>,
    /// Bumped whenever settings change, so every document is checked again.
    pub generation: u64,
    /// Configuration errors already shown, so each is shown once.
    shown_errors: HashSet<String>,
    pub roots: Vec<PathBuf>,
    next_id: i32,
    pending: HashMap<RequestId, Pending>,
    /// Where findings no longer needed are sent to be freed (dropped here
    /// when there is no such thread).
    garbage: Option<mpsc::Sender<Arc<Analysis>>>,
    /// Findings no longer needed, not yet sent to be freed.
    retired: Vec<Arc<Analysis>>,
    /// A second buffer for writing diagnostics, kept from message to
    /// message.
    spare: Vec<u8>,
}

/// Runs a session over `input` and `output` until `exit` or the end of the
/// input. Returns the process exit code: 0 after `shutdown` then `exit`,
/// 1 otherwise.
pub fn serve<R, W>(input: R, output: W) -> i32
where
    R: BufRead + Send + 'static,
    W: Write,
{
    let (tx, rx) = mpsc::channel();
    // The reader thread ends at the end of the input, or when this loop
    // has ended and dropped the receiver.
    let spawned = std::thread::Builder::new()
        .name("plainly-lsp-reader".into())
        .spawn(move || {
            let mut input = input;
            while let Ok(Some(m)) = transport::read(&mut input) {
                if tx.send(m).is_err() {
                    break;
                }
            }
        });
    if spawned.is_err() {
        return 1;
    }
    let mut server = Server::new(output);
    // Freeing the findings of an old version (thousands of strings for a
    // large document) is done on a thread of its own, so the next version
    // is checked without waiting for it. The thread ends when the server
    // drops the sender.
    let (garbage, old_findings) = mpsc::channel::<Arc<Analysis>>();
    let freer = std::thread::Builder::new()
        .name("plainly-lsp-free".into())
        .spawn(move || old_findings.into_iter().for_each(drop));
    server.garbage = freer.is_ok().then_some(garbage);
    server.run(&rx)
}

impl<W: Write> Server<W> {
    fn new(output: W) -> Self {
        Server {
            out: Writer::new(output),
            broken: false,
            state: State::Uninitialized,
            encoding: Encoding::Utf16,
            caps: ClientCaps::default(),
            docs: HashMap::new(),
            dirty: BTreeSet::new(),
            configs: Configs::default(),
            init_settings: EditorSettings::default(),
            editor_settings: None,
            generation: 0,
            shown_errors: HashSet::new(),
            roots: Vec::new(),
            next_id: 0,
            pending: HashMap::new(),
            garbage: None,
            retired: Vec::new(),
            spare: Vec::new(),
        }
    }

    fn run(&mut self, rx: &mpsc::Receiver<Incoming>) -> i32 {
        loop {
            if self.broken {
                return 1;
            }
            let incoming = if self.dirty.is_empty() {
                self.free_retired();
                match rx.recv() {
                    Ok(m) => m,
                    Err(_) => break,
                }
            } else {
                match rx.try_recv() {
                    Ok(m) => m,
                    Err(mpsc::TryRecvError::Empty) => {
                        self.publish_dirty();
                        continue;
                    }
                    Err(mpsc::TryRecvError::Disconnected) => break,
                }
            };
            match incoming {
                Incoming::Invalid { id, code, error } => {
                    self.log(lsp::MessageType::ERROR, &format!("plainly: {error}"));
                    match id {
                        Some(id) => self.send(Response::new_err(id, code, error).into()),
                        None => {
                            let ok = self.out.send_error_without_id(code, &error);
                            self.broken |= ok.is_err();
                        }
                    }
                }
                Incoming::Message(Message::Request(req)) => self.on_request(req),
                Incoming::Message(Message::Notification(n)) => {
                    if n.method == "exit" {
                        return if self.state == State::ShutDown { 0 } else { 1 };
                    }
                    self.on_notification(n);
                }
                Incoming::Message(Message::Response(r)) => self.on_response(r),
            }
        }
        // The input ended without `exit`.
        if self.state == State::ShutDown {
            0
        } else {
            1
        }
    }

    // ----- sending -----

    fn send(&mut self, msg: Message) {
        if self.broken {
            return;
        }
        if self.out.send(&msg).is_err() {
            self.broken = true;
        }
    }

    pub(crate) fn notify(&mut self, method: &str, params: impl serde::Serialize) {
        if self.broken {
            return;
        }
        if self.out.send_notification(method, &params).is_err() {
            self.broken = true;
        }
    }

    /// Logs a line in the client's log (`window/logMessage`).
    pub(crate) fn log(&mut self, typ: lsp::MessageType, message: &str) {
        self.notify(
            "window/logMessage",
            lsp::LogMessageParams {
                typ,
                message: message.to_owned(),
            },
        );
    }

    /// Shows a message to the user (`window/showMessage`).
    pub(crate) fn show(&mut self, typ: lsp::MessageType, message: &str) {
        self.notify(
            "window/showMessage",
            lsp::ShowMessageParams {
                typ,
                message: message.to_owned(),
            },
        );
    }

    fn request_client(&mut self, method: &str, params: Value, pending: Pending) {
        self.next_id += 1;
        let id = RequestId::from(format!("plainly-{}", self.next_id));
        self.pending.insert(id.clone(), pending);
        self.send(Request::new(id, method.to_owned(), params).into());
    }

    // ----- requests -----

    fn on_request(&mut self, req: Request) {
        let id = req.id.clone();
        match (self.state, req.method.as_str()) {
            (State::Uninitialized, "initialize") => {
                let result = self.initialize(req.params);
                self.state = State::Running;
                self.send(Response::new_ok(id, result).into());
                return;
            }
            (State::Uninitialized, _) => {
                let msg = "plainly: the server is not started yet. Send `initialize` first.";
                self.send(
                    Response::new_err(id, ErrorCode::ServerNotInitialized as i32, msg.into())
                        .into(),
                );
                return;
            }
            (State::ShutDown, _) => {
                let msg = "plainly: the server is shutting down. Send `exit`.";
                self.send(
                    Response::new_err(id, ErrorCode::InvalidRequest as i32, msg.into()).into(),
                );
                return;
            }
            (State::Running, "initialize") => {
                let msg = "plainly: the server is already started. Send `initialize` only once.";
                self.send(
                    Response::new_err(id, ErrorCode::InvalidRequest as i32, msg.into()).into(),
                );
                return;
            }
            (State::Running, "shutdown") => {
                // Changes still queued get their diagnostics first.
                self.publish_dirty();
                self.state = State::ShutDown;
                self.send(Response::new_ok(id, Value::Null).into());
                return;
            }
            (State::Running, _) => {}
        }
        let method = req.method.clone();
        let outcome = catch_unwind(AssertUnwindSafe(|| self.handle_request(req)));
        let response = match outcome {
            Ok(Ok(value)) => Response::new_ok(id, value),
            Ok(Err(err)) => {
                self.log(
                    lsp::MessageType::ERROR,
                    &format!("plainly: {method} failed: {}", err.message),
                );
                Response::new_err(id, err.code, err.message)
            }
            Err(panic) => {
                let what = panic_message(&panic);
                let message = format!(
                    "plainly: {method} failed because of a bug in plainly ({what}). Please report it."
                );
                self.log(lsp::MessageType::ERROR, &message);
                Response::new_err(id, ErrorCode::InternalError as i32, message)
            }
        };
        self.send(response.into());
    }

    fn handle_request(&mut self, req: Request) -> Result<Value, RequestError> {
        match req.method.as_str() {
            "textDocument/hover" => {
                let params: lsp::HoverParams = parse_params(req.params)?;
                let hover = crate::hover::hover(self, params)?;
                Ok(serde_json::to_value(hover).unwrap_or(Value::Null))
            }
            "textDocument/codeAction" => {
                let params: lsp::CodeActionParams = parse_params(req.params)?;
                let actions = crate::actions::code_actions(self, params)?;
                Ok(serde_json::to_value(actions).unwrap_or(Value::Null))
            }
            #[cfg(test)]
            "plainly/testPanic" => panic!("a panic made by a test"),
            other => Err(RequestError {
                code: ErrorCode::MethodNotFound as i32,
                message: format!("plainly does not handle the request {other:?}."),
            }),
        }
    }

    fn initialize(&mut self, params: Value) -> Value {
        let caps = params.get("capabilities").cloned().unwrap_or(Value::Null);
        self.caps = ClientCaps::from_json(&caps);
        let offers_utf8 = caps
            .pointer("/general/positionEncodings")
            .and_then(Value::as_array)
            .is_some_and(|a| a.iter().any(|v| v.as_str() == Some("utf-8")));
        self.encoding = if offers_utf8 {
            Encoding::Utf8
        } else {
            Encoding::Utf16
        };
        if let Some(options) = params.get("initializationOptions") {
            let (settings, warnings) = EditorSettings::from_json(options);
            self.init_settings = settings;
            for w in warnings {
                self.show(lsp::MessageType::WARNING, &w);
            }
        }
        let mut roots = Vec::new();
        if let Some(folders) = params.get("workspaceFolders").and_then(Value::as_array) {
            for f in folders {
                if let Some(uri) = f.get("uri").and_then(Value::as_str) {
                    roots.extend(uri_path(uri));
                }
            }
        }
        if roots.is_empty() {
            if let Some(uri) = params.get("rootUri").and_then(Value::as_str) {
                roots.extend(uri_path(uri));
            }
        }
        self.roots = roots;
        let encoding = match self.encoding {
            Encoding::Utf8 => lsp::PositionEncodingKind::UTF8,
            Encoding::Utf16 => lsp::PositionEncodingKind::UTF16,
        };
        let capabilities = lsp::ServerCapabilities {
            position_encoding: Some(encoding),
            text_document_sync: Some(lsp::TextDocumentSyncCapability::Options(
                lsp::TextDocumentSyncOptions {
                    open_close: Some(true),
                    change: Some(lsp::TextDocumentSyncKind::INCREMENTAL),
                    save: Some(lsp::TextDocumentSyncSaveOptions::SaveOptions(
                        lsp::SaveOptions {
                            include_text: Some(false),
                        },
                    )),
                    ..Default::default()
                },
            )),
            hover_provider: Some(lsp::HoverProviderCapability::Simple(true)),
            code_action_provider: Some(lsp::CodeActionProviderCapability::Options(
                lsp::CodeActionOptions {
                    code_action_kinds: Some(vec![
                        lsp::CodeActionKind::QUICKFIX,
                        crate::actions::FIX_ALL.clone(),
                    ]),
                    ..Default::default()
                },
            )),
            ..Default::default()
        };
        json!({
            "capabilities": capabilities,
            "serverInfo": {"name": "plainly", "version": env!("CARGO_PKG_VERSION")},
        })
    }

    // ----- notifications -----

    fn on_notification(&mut self, n: Notification) {
        if self.state != State::Running {
            // Before `initialize` and after `shutdown`, notifications
            // other than `exit` are dropped, as the protocol says.
            return;
        }
        let method = n.method.clone();
        let outcome = catch_unwind(AssertUnwindSafe(|| self.handle_notification(n)));
        match outcome {
            Ok(Ok(())) => {}
            Ok(Err(err)) => self.log(
                lsp::MessageType::ERROR,
                &format!("plainly: {method} failed: {}", err.message),
            ),
            Err(panic) => {
                let what = panic_message(&panic);
                self.log(
                    lsp::MessageType::ERROR,
                    &format!("plainly: {method} failed because of a bug in plainly ({what}). Please report it."),
                );
            }
        }
    }

    fn handle_notification(&mut self, n: Notification) -> Result<(), RequestError> {
        match n.method.as_str() {
            "initialized" => self.on_initialized(),
            "textDocument/didOpen" => {
                let p: lsp::DidOpenTextDocumentParams = parse_params(n.params)?;
                let doc = Document::new(
                    p.text_document.uri,
                    p.text_document.text,
                    p.text_document.version,
                );
                let key = doc.uri.as_str().to_owned();
                self.docs.insert(key.clone(), doc);
                self.dirty.insert(key);
            }
            "textDocument/didChange" => {
                let p: lsp::DidChangeTextDocumentParams = parse_params(n.params)?;
                let key = p.text_document.uri.as_str().to_owned();
                let enc = self.encoding;
                let Some(doc) = self.docs.get_mut(&key) else {
                    return Err(unknown_document(&p.text_document.uri));
                };
                let old = doc.apply(p.content_changes, p.text_document.version, enc);
                // Freed later, when the new findings are on their way:
                // not while they are looked for.
                self.retired.extend(old);
                self.dirty.insert(key);
            }
            "textDocument/didSave" => {
                let p: lsp::DidSaveTextDocumentParams = parse_params(n.params)?;
                let saved_config = crate::uri::to_path(&p.text_document.uri)
                    .is_some_and(|p| crate::config::is_config_file(&p));
                if saved_config {
                    self.reload_config();
                }
                let key = p.text_document.uri.as_str().to_owned();
                if self.docs.contains_key(&key) {
                    self.dirty.insert(key);
                }
            }
            "textDocument/didClose" => {
                let p: lsp::DidCloseTextDocumentParams = parse_params(n.params)?;
                let key = p.text_document.uri.as_str().to_owned();
                self.docs.remove(&key);
                self.dirty.remove(&key);
                self.notify(
                    "textDocument/publishDiagnostics",
                    lsp::PublishDiagnosticsParams {
                        uri: p.text_document.uri,
                        diagnostics: Vec::new(),
                        version: None,
                    },
                );
            }
            "workspace/didChangeConfiguration" => {
                let settings = n.params.get("settings").cloned().unwrap_or(Value::Null);
                let ours = settings.get("plainly").is_some()
                    || settings.get("audience").is_some()
                    || settings.get("rules").is_some();
                if ours {
                    self.set_editor_settings(&settings);
                } else if self.caps.configuration {
                    self.pull_configuration();
                }
            }
            "workspace/didChangeWatchedFiles" => {
                let p: lsp::DidChangeWatchedFilesParams = parse_params(n.params)?;
                let config_changed = p.changes.iter().any(|c| {
                    crate::uri::to_path(&c.uri).is_some_and(|p| crate::config::is_config_file(&p))
                });
                if config_changed {
                    self.reload_config();
                }
            }
            "$/cancelRequest" | "$/setTrace" | "$/progress" => {}
            _ => {} // Unknown notifications are ignored, as the protocol asks.
        }
        Ok(())
    }

    fn on_initialized(&mut self) {
        if self.caps.watch_files {
            let watchers: Vec<_> = crate::config::CONFIG_NAMES
                .iter()
                .map(|n| json!({"globPattern": format!("**/{n}")}))
                .collect();
            self.request_client(
                "client/registerCapability",
                json!({"registrations": [{
                    "id": "plainly-config-watch",
                    "method": "workspace/didChangeWatchedFiles",
                    "registerOptions": {"watchers": watchers},
                }]}),
                Pending::Other,
            );
        }
        if self.caps.configuration {
            self.pull_configuration();
        }
    }

    fn pull_configuration(&mut self) {
        self.request_client(
            "workspace/configuration",
            json!({"items": [{"section": "plainly"}]}),
            Pending::Configuration,
        );
    }

    fn on_response(&mut self, r: Response) {
        let Some(pending) = self.pending.remove(&r.id) else {
            return;
        };
        if let (Pending::Configuration, Some(result)) = (pending, r.response_result.ok()) {
            // One item asked for, so one answer; `null` means the editor
            // has no settings for plainly: keep what there is.
            if let Some(value) = result.as_array().and_then(|a| a.first()) {
                if value.is_object() && value.as_object().is_some_and(|o| !o.is_empty()) {
                    self.set_editor_settings(value);
                }
            }
        }
    }

    fn set_editor_settings(&mut self, value: &Value) {
        let (settings, warnings) = EditorSettings::from_json(value);
        for w in warnings {
            self.show(lsp::MessageType::WARNING, &w);
        }
        if self.editor_settings.as_ref() != Some(&settings) {
            self.editor_settings = Some(settings);
            self.everything_changed();
        }
    }

    fn reload_config(&mut self) {
        self.configs.reload();
        self.shown_errors.clear();
        self.everything_changed();
    }

    fn everything_changed(&mut self) {
        self.generation += 1;
        self.dirty.extend(self.docs.keys().cloned());
    }

    // ----- checking -----

    /// The settings for a document: its `plainly.toml`, then the editor's.
    pub(crate) fn settings_for(&mut self, key: &str) -> Settings {
        let path = self.docs.get(key).and_then(|d| d.path.clone());
        let crate::config::ForFile {
            mut settings,
            error,
            excluded,
        } = self.configs.settings_for(path.as_deref());
        if let Some(error) = error {
            if self.shown_errors.insert(error.clone()) {
                self.show(
                    lsp::MessageType::ERROR,
                    &format!("plainly: {error}\nplainly is using its default settings until the file is fixed."),
                );
            }
        }
        let editor = self.editor_settings.as_ref().unwrap_or(&self.init_settings);
        editor.apply(&mut settings);
        if excluded {
            // The project leaves this file out: check it with every rule
            // off, so nothing is reported, as `plainly check` reports
            // nothing.
            settings.disabled = plainly_core::RULES
                .iter()
                .map(|r| r.name.to_owned())
                .collect();
        }
        settings
    }

    /// The findings for a document's current text.
    pub(crate) fn analysis(&mut self, key: &str) -> Option<Arc<Analysis>> {
        let settings = self.settings_for(key);
        let generation = self.generation;
        let doc = self.docs.get_mut(key)?;
        Some(doc.analysis(&settings, generation))
    }

    /// Sends findings no longer needed to be freed on a thread of their
    /// own (freeing thousands of strings takes a while).
    fn free_retired(&mut self) {
        for old in self.retired.drain(..) {
            if let Some(garbage) = &self.garbage {
                // If the thread has gone, the findings come back and are
                // dropped here.
                let _ = garbage.send(old);
            }
        }
    }

    fn publish_dirty(&mut self) {
        while let Some(key) = self.dirty.pop_first() {
            let outcome = catch_unwind(AssertUnwindSafe(|| self.publish(&key)));
            if let Err(panic) = outcome {
                let what = panic_message(&panic);
                self.log(
                    lsp::MessageType::ERROR,
                    &format!("plainly: checking {key} failed because of a bug in plainly ({what}). Please report it."),
                );
            }
        }
        self.free_retired();
    }

    fn publish(&mut self, key: &str) {
        let Some(analysis) = self.analysis(key) else {
            return;
        };
        let enc = self.encoding;
        let related = self.caps.related_information;
        let Some(doc) = self.docs.get_mut(key) else {
            return;
        };
        let uri = doc.uri.clone();
        let version = doc.version;
        let (text, lines) = doc.text_and_lines();
        if self.broken {
            return;
        }
        let spare = &mut self.spare;
        self.out.compose(|out| {
            crate::diagnostics::write_publish(
                out,
                spare,
                &uri,
                version,
                &analysis.diagnostics,
                text,
                lines,
                enc,
                related,
            );
        });
        // The old findings are freed while the client reads the new.
        self.free_retired();
        let sent = self.out.send_composed();
        self.broken |= sent.is_err();
    }
}

/// A request that could not be answered, and why.
#[derive(Debug)]
pub(crate) struct RequestError {
    pub code: i32,
    pub message: String,
}

pub(crate) fn unknown_document(uri: &Uri) -> RequestError {
    RequestError {
        code: ErrorCode::InvalidParams as i32,
        message: format!(
            "plainly does not have {} open. Send textDocument/didOpen first.",
            uri.as_str()
        ),
    }
}

fn parse_params<T: serde::de::DeserializeOwned>(params: Value) -> Result<T, RequestError> {
    serde_json::from_value(params).map_err(|e| RequestError {
        code: ErrorCode::InvalidParams as i32,
        message: format!("the parameters are not as the protocol describes: {e}"),
    })
}

fn uri_path(uri: &str) -> Option<PathBuf> {
    let uri: Uri = uri.parse().ok()?;
    crate::uri::to_path(&uri)
}

fn panic_message(panic: &Box<dyn std::any::Any + Send>) -> String {
    if let Some(s) = panic.downcast_ref::<&str>() {
        (*s).to_owned()
    } else if let Some(s) = panic.downcast_ref::<String>() {
        s.clone()
    } else {
        "an unexpected error".to_owned()
    }
}

/// Serves on standard input and output. Returns the exit code.
pub fn serve_stdio() -> i32 {
    let stdin = io::BufReader::new(io::stdin());
    match unbuffered_stdout() {
        Some(stdout) => serve(stdin, stdout),
        None => serve(stdin, io::stdout().lock()),
    }
}

/// Standard output without Rust's line buffering, which looks through
/// every message for a line end (a large one is megabytes, with none but
/// in its header) and splits it into several writes. Each message is
/// written whole in one call, so no buffer is needed.
fn unbuffered_stdout() -> Option<std::fs::File> {
    #[cfg(unix)]
    {
        use std::os::fd::AsFd;
        let fd = io::stdout().as_fd().try_clone_to_owned().ok()?;
        Some(std::fs::File::from(fd))
    }
    #[cfg(windows)]
    {
        use std::os::windows::io::AsHandle;
        let handle = io::stdout().as_handle().try_clone_to_owned().ok()?;
        Some(std::fs::File::from(handle))
    }
    #[cfg(not(any(unix, windows)))]
    {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frames(output: &[u8]) -> Vec<Value> {
        let mut out = Vec::new();
        let mut rest = output;
        while let Some(at) = rest.windows(4).position(|w| w == b"\r\n\r\n") {
            let header = std::str::from_utf8(&rest[..at]).unwrap();
            let len: usize = header
                .trim_start_matches("Content-Length: ")
                .parse()
                .unwrap();
            out.push(serde_json::from_slice(&rest[at + 4..at + 4 + len]).unwrap());
            rest = &rest[at + 4 + len..];
        }
        out
    }

    #[test]
    fn a_panic_is_logged_and_answered_and_the_session_goes_on() {
        let mut input = Vec::new();
        for msg in [
            json!({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}}),
            json!({"jsonrpc": "2.0", "id": 2, "method": "plainly/testPanic", "params": {}}),
            json!({"jsonrpc": "2.0", "id": 3, "method": "shutdown"}),
            json!({"jsonrpc": "2.0", "method": "exit"}),
        ] {
            let body = msg.to_string();
            input.extend_from_slice(
                format!("Content-Length: {}\r\n\r\n{body}", body.len()).as_bytes(),
            );
        }
        let mut output = Vec::new();
        // The default panic hook prints to standard error; that is fine.
        let code = serve(io::Cursor::new(input), &mut output);
        assert_eq!(code, 0);
        let msgs = frames(&output);
        let answer = msgs.iter().find(|m| m["id"] == 2).unwrap();
        assert_eq!(answer["error"]["code"], ErrorCode::InternalError as i32);
        assert!(answer["error"]["message"]
            .as_str()
            .unwrap()
            .contains("a panic made by a test"));
        assert!(msgs.iter().any(|m| m["method"] == "window/logMessage"
            && m["params"]["message"]
                .as_str()
                .unwrap()
                .contains("bug in plainly")));
        assert!(msgs.iter().any(|m| m["id"] == 3 && m["result"].is_null()));
    }
}
