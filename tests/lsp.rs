//! Tests of `plainly lsp`: the real binary, spoken to in JSON-RPC over its
//! standard input and output.

#[path = "lsp/client.rs"]
mod client;

use std::path::Path;
use std::process::{Child, Command, Stdio};

use client::{range, Client};
use serde_json::{json, Value};

/// A running server and a client connected to it.
struct Session {
    client: Client,
    child: Child,
}

impl std::ops::Deref for Session {
    type Target = Client;
    fn deref(&self) -> &Client {
        &self.client
    }
}

impl std::ops::DerefMut for Session {
    fn deref_mut(&mut self) -> &mut Client {
        &mut self.client
    }
}

impl Session {
    fn start() -> Session {
        Session::start_in(Path::new(env!("CARGO_TARGET_TMPDIR")))
    }

    fn start_in(dir: &Path) -> Session {
        let mut child = Command::new(env!("CARGO_BIN_EXE_plainly"))
            .args(["lsp", "--stdio"])
            .current_dir(dir)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("the plainly binary starts");
        let stdin = child.stdin.take().unwrap();
        let stdout = child.stdout.take().unwrap();
        Session {
            client: Client::new(stdin, stdout),
            child,
        }
    }

    /// Starts and initializes with the capabilities of a typical client.
    fn initialized(caps: Value) -> Session {
        let mut s = Session::start();
        s.initialize(json!({"processId": null, "rootUri": null, "capabilities": caps}));
        s
    }

    /// Ends the session properly; returns the exit code.
    fn finish(mut self) -> i32 {
        self.client.shutdown_and_exit();
        self.child.wait().unwrap().code().unwrap_or(-1)
    }
}

fn uri(name: &str) -> String {
    format!("file:///plainly-test-nowhere/{name}")
}

fn rules(diags: &[Value]) -> Vec<&str> {
    diags.iter().map(|d| d["code"].as_str().unwrap()).collect()
}

fn find<'a>(diags: &'a [Value], rule: &str) -> &'a Value {
    diags
        .iter()
        .find(|d| d["code"] == rule)
        .unwrap_or_else(|| panic!("no {rule} finding in {diags:#?}"))
}

const LETTER: &str = "# Your visit\n\nWe will utilise the hall in order to meet.\n";

#[test]
fn lifecycle_and_exit_codes() {
    // A request before initialize is refused, and the server goes on.
    let mut s = Session::start();
    let early = s.request("textDocument/hover", json!({}));
    assert_eq!(early["error"]["code"], -32002, "{early}");
    let init = s.initialize(json!({"capabilities": {}}));
    assert_eq!(init["serverInfo"]["name"], "plainly");
    assert_eq!(init["capabilities"]["positionEncoding"], "utf-16");
    assert_eq!(
        init["capabilities"]["textDocumentSync"]["change"], 2,
        "incremental sync"
    );
    let again = s.request("initialize", json!({"capabilities": {}}));
    assert_eq!(again["error"]["code"], -32600, "{again}");
    let r = s.request("shutdown", Value::Null);
    assert_eq!(r["result"], Value::Null);
    // After shutdown, requests are refused until exit.
    let late = s.request("textDocument/hover", json!({}));
    assert_eq!(late["error"]["code"], -32600, "{late}");
    s.notify("exit", Value::Null);
    assert_eq!(s.child.wait().unwrap().code(), Some(0));

    // exit without shutdown: exit code 1.
    let mut s = Session::initialized(json!({}));
    s.notify("exit", Value::Null);
    assert_eq!(s.child.wait().unwrap().code(), Some(1));
}

#[test]
fn utf8_is_used_when_offered() {
    let mut s = Session::start();
    let init = s.initialize(
        json!({"capabilities": {"general": {"positionEncodings": ["utf-16", "utf-8"]}}}),
    );
    assert_eq!(init["capabilities"]["positionEncoding"], "utf-8");
    let text = "Café 😀 — we utilise it.\n";
    s.open(&uri("utf8.md"), 1, text);
    let diags = s.diagnostics(&uri("utf8.md"), Some(1));
    let start = text.find("utilise").unwrap() as u64;
    assert_eq!(
        find(&diags, "complex-word")["range"],
        range(0, start as u32, 0, start as u32 + 7)
    );
    assert_eq!(s.finish(), 0);
}

#[test]
fn utf16_columns_after_emoji_accents_combining_marks_cjk_and_crlf() {
    let mut s = Session::initialized(json!({}));
    // 😀 is 2 UTF-16 units; é 1; e + combining acute 2; 日本 2; then CRLF.
    let text = "Hi 😀 é e\u{301} 日本, we utilise it.\r\nWe utilise it.\r\n";
    s.open(&uri("utf16.md"), 1, text);
    let diags = s.diagnostics(&uri("utf16.md"), Some(1));
    let found: Vec<&Value> = diags
        .iter()
        .filter(|d| d["code"] == "complex-word")
        .collect();
    assert_eq!(found.len(), 2, "{diags:#?}");
    // "Hi " 3 + 😀 2 + " " 1 + é 1 + " " 1 + e◌́ 2 + " " 1 + 日本 2 + ", we " 5 = 18
    assert_eq!(found[0]["range"], range(0, 18, 0, 25));
    assert_eq!(found[1]["range"], range(1, 3, 1, 10));
    assert_eq!(s.finish(), 0);
}

#[test]
fn diagnostics_after_open_change_save_and_close() {
    let mut s = Session::initialized(
        json!({"textDocument": {"publishDiagnostics": {"relatedInformation": true}}}),
    );
    let u = uri("letter.md");
    s.open(&u, 1, LETTER);
    let diags = s.diagnostics(&u, Some(1));
    let d = find(&diags, "complex-word");
    assert_eq!(d["source"], "plainly");
    assert_eq!(d["severity"], 2);
    assert_eq!(d["range"], range(2, 8, 2, 15));
    assert!(d["message"].as_str().unwrap().contains("utilise"));
    assert_eq!(d["data"]["text"], "utilise");
    assert_eq!(d["data"]["fixes"][0]["newText"], "use");
    assert_eq!(d["data"]["version"], 1);

    // Replace "utilise" with "use": ranged change.
    s.change(&u, 2, json!([{"range": range(2, 8, 2, 15), "text": "use"}]));
    let diags = s.diagnostics(&u, Some(2));
    assert_eq!(
        rules(&diags),
        ["complex-word"],
        "only 'in order to' is left"
    );
    assert_eq!(diags[0]["range"], range(2, 21, 2, 32));

    // A whole-text change.
    s.change(&u, 3, json!([{"text": "A plain line.\n"}]));
    assert!(s.diagnostics(&u, Some(3)).is_empty());

    // Saving publishes again, with the same version.
    s.notify("textDocument/didSave", json!({"textDocument": {"uri": u}}));
    assert!(s.diagnostics(&u, Some(3)).is_empty());

    // Closing clears them.
    s.change(&u, 4, json!([{"text": LETTER}]));
    assert_eq!(s.diagnostics(&u, Some(4)).len(), 2);
    s.notify("textDocument/didClose", json!({"textDocument": {"uri": u}}));
    let m = s.wait_for("cleared diagnostics", |m| {
        m["method"] == "textDocument/publishDiagnostics" && m["params"]["diagnostics"] == json!([])
    });
    assert_eq!(m["params"]["uri"], u.as_str());
    assert_eq!(s.finish(), 0);
}

#[test]
fn abbreviation_defined_later_has_related_information() {
    let mut s = Session::initialized(
        json!({"textDocument": {"publishDiagnostics": {"relatedInformation": true}}}),
    );
    let u = uri("abbr.md");
    let text = "The CQC will visit.\n\nThe Care Quality Commission (CQC) checks care homes.\n";
    s.open(&u, 1, text);
    let diags = s.diagnostics(&u, Some(1));
    let d = find(&diags, "undefined-abbreviation");
    assert_eq!(d["range"], range(0, 4, 0, 7));
    let related = &d["relatedInformation"][0];
    assert_eq!(related["location"]["uri"], u.as_str());
    assert_eq!(related["location"]["range"]["start"]["line"], 2);
    assert!(related["message"].as_str().unwrap().contains("spelt out"));

    // The quick fix writes it out.
    let u2 = uri("abbr2.md");
    s.open(&u2, 1, "The CQC will visit.\n");
    let diags = s.diagnostics(&u2, Some(1));
    let d = find(&diags, "undefined-abbreviation").clone();
    let r = s.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": u2}, "range": d["range"], "context": {"diagnostics": [d]}}),
    );
    let edits: Vec<Value> = r["result"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["edit"]["changes"][u2.as_str()][0].clone())
        .collect();
    assert!(
        edits.contains(
            &json!({"range": range(0, 4, 0, 7), "newText": "Care Quality Commission (CQC)"})
        ),
        "{r:#}"
    );
    assert_eq!(s.finish(), 0);
}

#[test]
fn a_burst_of_edits_ends_with_diagnostics_for_the_last_version() {
    let mut s = Session::initialized(json!({}));
    let u = uri("burst.md");
    s.open(&u, 1, "");
    s.diagnostics(&u, Some(1));
    // Type "We utilise it." one character at a time.
    let typed = "We utilise it.";
    for (i, c) in typed.chars().enumerate() {
        let col = i as u32;
        s.change(
            &u,
            i as i64 + 2,
            json!([{"range": range(0, col, 0, col), "text": c.to_string()}]),
        );
    }
    let last = typed.len() as i64 + 1;
    let diags = s.diagnostics(&u, Some(last));
    assert_eq!(rules(&diags), ["complex-word"]);
    assert_eq!(diags[0]["range"], range(0, 3, 0, 10));
    // No diagnostics for a version after the last one, and none later
    // than the last version's.
    assert_eq!(s.finish(), 0);
}

#[test]
fn code_actions_fix_disable_allow_and_fix_all() {
    let dir = tempfile::tempdir().unwrap();
    let doc_path = dir.path().join("letter.md");
    std::fs::write(&doc_path, LETTER).unwrap();
    let u = file_uri(&doc_path);
    let mut s = Session::start();
    s.initialize(json!({
        "rootUri": file_uri(dir.path()),
        "capabilities": {"workspace": {"workspaceEdit": {"documentChanges": true, "resourceOperations": ["create"]}}},
    }));
    s.open(&u, 1, LETTER);
    let diags = s.diagnostics(&u, Some(1));
    let utilise = find(&diags, "complex-word").clone();
    let r = s.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": u}, "range": range(2, 10, 2, 10), "context": {"diagnostics": [utilise]}}),
    );
    let actions = r["result"].as_array().unwrap().clone();
    let titles: Vec<&str> = actions
        .iter()
        .map(|a| a["title"].as_str().unwrap())
        .collect();
    assert!(titles.contains(&"Use \"use\"."), "{titles:?}");
    assert!(
        titles.contains(&"Disable complex-word for this line"),
        "{titles:?}"
    );
    assert!(
        titles.contains(&"Allow \"utilise\" in this project"),
        "{titles:?}"
    );
    assert!(
        titles.contains(&"Apply every safe plainly fix"),
        "{titles:?}"
    );

    let by_title = |t: &str| actions.iter().find(|a| a["title"] == t).unwrap().clone();
    let fix = by_title("Use \"use\".");
    assert_eq!(fix["kind"], "quickfix");
    assert_eq!(fix["isPreferred"], true);
    let edit = &fix["edit"]["documentChanges"][0];
    assert_eq!(edit["textDocument"]["version"], 1);
    assert_eq!(
        edit["edits"][0],
        json!({"range": range(2, 8, 2, 15), "newText": "use"})
    );

    let disable = by_title("Disable complex-word for this line");
    assert_eq!(
        disable["edit"]["documentChanges"][0]["edits"][0],
        json!({"range": range(2, 0, 2, 0), "newText": "<!-- plainly-disable-next-line complex-word -->\n"})
    );

    // No plainly.toml yet: the edit creates one at the workspace root.
    let allow = by_title("Allow \"utilise\" in this project");
    let config_uri = file_uri(&dir.path().join("plainly.toml"));
    let ops = allow["edit"]["documentChanges"].as_array().unwrap();
    assert_eq!(ops[0]["kind"], "create");
    assert_eq!(ops[0]["uri"], config_uri.as_str());
    assert_eq!(ops[1]["textDocument"]["uri"], config_uri.as_str());
    assert_eq!(
        ops[1]["edits"][0]["newText"],
        "extend-allowed = [\"utilise\"]\n"
    );

    let fix_all = by_title("Apply every safe plainly fix");
    assert_eq!(fix_all["kind"], "source.fixAll.plainly");
    let edits = fix_all["edit"]["documentChanges"][0]["edits"]
        .as_array()
        .unwrap();
    let texts: Vec<&str> = edits
        .iter()
        .map(|e| e["newText"].as_str().unwrap())
        .collect();
    assert_eq!(texts, ["use", "to"]);

    // Only fix-all when only source actions are asked for.
    let r = s.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": u}, "range": range(0, 0, 0, 0), "context": {"diagnostics": [], "only": ["source.fixAll"]}}),
    );
    let kinds: Vec<&str> = r["result"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["source.fixAll.plainly"]);

    // An existing plainly.toml is edited in place, comments kept.
    std::fs::write(
        dir.path().join("plainly.toml"),
        "# Our settings\naudience = \"public\"\n",
    )
    .unwrap();
    let r = s.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": u}, "range": range(2, 10, 2, 10), "context": {"diagnostics": []}}),
    );
    let allow = r["result"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["title"] == "Allow \"utilise\" in this project")
        .unwrap()
        .clone();
    let edits = &allow["edit"]["changes"][config_uri.as_str()];
    assert_eq!(edits[0]["range"], range(2, 0, 2, 0));
    assert_eq!(edits[0]["newText"], "extend-allowed = [\"utilise\"]\n");
    assert_eq!(s.finish(), 0);
}

#[test]
fn hover_explains_findings_and_scores_prose() {
    let mut s = Session::initialized(
        json!({"textDocument": {"hover": {"contentFormat": ["markdown", "plaintext"]}}}),
    );
    let u = uri("hover.md");
    s.open(&u, 1, LETTER);
    s.diagnostics(&u, Some(1));
    let hover = |s: &mut Session, line: u32, character: u32| {
        s.request(
            "textDocument/hover",
            json!({"textDocument": {"uri": u}, "position": {"line": line, "character": character}}),
        )
    };
    let on_finding = hover(&mut s, 2, 10);
    let value = on_finding["result"]["contents"]["value"].as_str().unwrap();
    assert_eq!(on_finding["result"]["contents"]["kind"], "markdown");
    assert!(value.contains("complex-word"), "{value}");
    assert!(value.contains("Use \"use\"."), "{value}");
    assert!(value.contains("What it flags"), "{value}");
    assert_eq!(on_finding["result"]["range"], range(2, 8, 2, 15));

    let in_prose = hover(&mut s, 2, 1);
    let value = in_prose["result"]["contents"]["value"].as_str().unwrap();
    assert!(
        value.contains("**Sentence:** 9 words, reading age"),
        "{value}"
    );
    assert!(value.contains("**Section \"Your visit\":**"), "{value}");

    // Blank line: nothing to say. Out of range: nothing either.
    assert_eq!(hover(&mut s, 1, 0)["result"], Value::Null);
    assert_eq!(hover(&mut s, 99, 0)["result"], Value::Null);
    assert_eq!(hover(&mut s, 0, 999)["result"], Value::Null);
    assert_eq!(s.finish(), 0);
}

#[test]
fn settings_from_the_editor_switch_rules_and_audience() {
    let mut s = Session::start();
    s.initialize(
        json!({"capabilities": {}, "initializationOptions": {"rules": {"complex-word": false}}}),
    );
    let u = uri("settings.md");
    s.open(&u, 1, LETTER);
    assert!(s.diagnostics(&u, Some(1)).is_empty(), "complex-word is off");

    s.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"plainly": {"rules": {"complex-word": "error"}}}}),
    );
    let diags = s.diagnostics(&u, Some(1));
    assert_eq!(rules(&diags), ["complex-word", "complex-word"]);
    assert_eq!(diags[0]["severity"], 1);

    // A setting that is not understood is shown to the user.
    s.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"plainly": {"audience": "toddlers"}}}),
    );
    let m = s.wait_for("a warning", |m| m["method"] == "window/showMessage");
    assert!(m["params"]["message"]
        .as_str()
        .unwrap()
        .contains("toddlers"));
    assert_eq!(s.finish(), 0);
}

#[test]
fn settings_are_pulled_without_waiting_for_the_answer() {
    let mut s = Session::start();
    s.initialize(json!({"capabilities": {"workspace": {"configuration": true}}}));
    let ask = s.wait_for("workspace/configuration", |m| {
        m["method"] == "workspace/configuration"
    });
    // Before answering, the server still serves.
    let u = uri("pull.md");
    s.open(&u, 1, LETTER);
    assert_eq!(s.diagnostics(&u, Some(1)).len(), 2);
    s.send(
        &json!({"jsonrpc": "2.0", "id": ask["id"], "result": [{"rules": {"complex-word": false}}]}),
    );
    assert!(s.diagnostics(&u, Some(1)).is_empty());
    assert_eq!(s.finish(), 0);
}

#[test]
fn bad_input_is_answered_and_the_session_goes_on() {
    let mut s = Session::initialized(json!({}));
    // Not JSON at all.
    s.send_raw(b"Content-Length: 9\r\n\r\n{not json");
    let m = s.wait_for("a parse error", |m| m["error"]["code"] == -32700);
    assert_eq!(m["id"], Value::Null);
    // JSON, but not a message.
    s.send(&json!({"jsonrpc": "2.0", "id": 41}));
    let m = s.wait_for("an invalid request error", |m| m["id"] == 41);
    assert_eq!(m["error"]["code"], -32600);
    // An unknown method.
    let r = s.request("plainly/nothing", json!({}));
    assert_eq!(r["error"]["code"], -32601);
    s.wait_for("a log line", |m| {
        m["method"] == "window/logMessage"
            && m["params"]["message"]
                .as_str()
                .unwrap()
                .contains("plainly/nothing")
    });
    // Bad parameters.
    let r = s.request("textDocument/hover", json!({"textDocument": 3}));
    assert_eq!(r["error"]["code"], -32602);
    // A document never opened.
    let r = s.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri("never.md")}, "range": range(0, 0, 0, 0), "context": {"diagnostics": []}}),
    );
    assert_eq!(r["error"]["code"], -32602);
    assert!(r["error"]["message"].as_str().unwrap().contains("didOpen"));
    // A change to a document never opened, and out-of-range edits.
    s.change(
        &uri("never.md"),
        2,
        json!([{"range": range(0, 0, 0, 0), "text": "x"}]),
    );
    let u = uri("robust.md");
    s.open(&u, 1, "Short.\n");
    s.change(
        &u,
        2,
        json!([{"range": range(50, 3, 90, 1), "text": "We utilise it."}]),
    );
    let diags = s.diagnostics(&u, Some(2));
    assert_eq!(rules(&diags), ["complex-word"]);
    assert_eq!(diags[0]["range"], range(1, 3, 1, 10));
    // A 1 MB document.
    let big = "We will utilise the hall on Monday. Please bring your letter.\n\n".repeat(17_000);
    assert!(big.len() > 1_000_000);
    s.open(&uri("big.md"), 1, &big);
    let diags = s.diagnostics(&uri("big.md"), Some(1));
    assert_eq!(
        diags.iter().filter(|d| d["code"] == "complex-word").count(),
        17_000
    );
    // Still answering.
    let r = s.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": u}, "position": {"line": 1, "character": 4}}),
    );
    assert!(r["result"]["contents"]["value"]
        .as_str()
        .unwrap()
        .contains("complex-word"));
    assert_eq!(s.finish(), 0);
}

fn file_uri(path: &Path) -> String {
    let mut out = String::from("file://");
    for b in path.to_str().unwrap().bytes() {
        if b.is_ascii_alphanumeric() || b"/-_.~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[test]
fn plainly_toml_is_read_reloaded_and_its_errors_shown() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("plainly.toml");
    std::fs::write(&config, "# Our words\nextend-allowed = [\"utilise\"]\n").unwrap();
    let sub = dir.path().join("letters");
    std::fs::create_dir(&sub).unwrap();
    let doc = sub.join("visit.md");
    let u = file_uri(&doc);
    let mut s = Session::start_in(dir.path());
    s.initialize(json!({
        "rootUri": file_uri(dir.path()),
        "capabilities": {"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": true}}},
    }));
    let reg = s.wait_for("a watcher registration", |m| {
        m["method"] == "client/registerCapability"
    });
    let watchers = &reg["params"]["registrations"][0]["registerOptions"]["watchers"];
    assert_eq!(watchers[0]["globPattern"], "**/plainly.toml");
    s.send(&json!({"jsonrpc": "2.0", "id": reg["id"], "result": null}));

    // Found from the document's folder upwards: "utilise" is allowed.
    s.open(&u, 1, LETTER);
    let diags = s.diagnostics(&u, Some(1));
    assert_eq!(rules(&diags), ["complex-word"]);
    assert!(diags[0]["message"]
        .as_str()
        .unwrap()
        .contains("in order to"));

    // The file changes on disk: read again, published again.
    std::fs::write(&config, "[rules.complex-word]\nenabled = false\n").unwrap();
    s.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": file_uri(&config), "type": 2}]}),
    );
    assert!(s.diagnostics(&u, Some(1)).is_empty());

    // A broken file: the user is told where and why, and the defaults apply.
    std::fs::write(&config, "audiance = \"public\"\n").unwrap();
    s.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": file_uri(&config), "type": 2}]}),
    );
    let shown = s.wait_for("the settings error", |m| {
        m["method"] == "window/showMessage"
    });
    let message = shown["params"]["message"].as_str().unwrap();
    assert!(message.contains("plainly.toml:1:1"), "{message}");
    assert!(message.contains("audiance"), "{message}");
    assert_eq!(s.diagnostics(&u, Some(1)).len(), 2);

    // "Allow" edits the file that applies, keeping what is there.
    std::fs::write(&config, "# Our words\naudience = \"public\"\n").unwrap();
    s.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": file_uri(&config), "type": 2}]}),
    );
    s.diagnostics(&u, Some(1));
    let r = s.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": u}, "range": range(2, 10, 2, 10), "context": {"diagnostics": []}}),
    );
    let allow = r["result"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["title"] == "Allow \"utilise\" in this project")
        .expect("an allow action")
        .clone();
    let edit = &allow["edit"]["changes"][file_uri(&config).as_str()][0];
    assert_eq!(edit["newText"], "extend-allowed = [\"utilise\"]\n");
    // Applied as the client would, the file works.
    std::fs::write(
        &config,
        "# Our words\naudience = \"public\"\nextend-allowed = [\"utilise\"]\n",
    )
    .unwrap();
    s.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": file_uri(&config), "type": 2}]}),
    );
    assert_eq!(rules(&s.diagnostics(&u, Some(1))), ["complex-word"]);
    assert_eq!(s.finish(), 0);
}

#[test]
fn the_disable_comment_hides_the_finding() {
    let mut s = Session::initialized(json!({}));
    let u = uri("disable.md");
    let text = "# Visit\n\nPlease come in.\nWe will utilise the hall.\n\n- We utilise it.\n";
    s.open(&u, 1, text);
    let diags = s.diagnostics(&u, Some(1));
    assert_eq!(rules(&diags), ["complex-word", "complex-word"]);
    let mut version = 1;
    // Apply the action for each finding, last first (so lines stay put).
    let mut current = text.to_owned();
    for d in diags.iter().rev() {
        let r = s.request(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": u}, "range": d["range"], "context": {"diagnostics": [d], "only": ["quickfix"]}}),
        );
        let action = r["result"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["title"] == "Disable complex-word for this line")
            .unwrap()
            .clone();
        let edit = &action["edit"]["changes"][u.as_str()][0];
        let line = edit["range"]["start"]["line"].as_u64().unwrap() as usize;
        let mut lines: Vec<&str> = current.split_inclusive('\n').collect();
        let inserted = edit["newText"].as_str().unwrap().to_owned();
        lines.insert(line, &inserted);
        current = lines.concat();
        version += 1;
        s.change(&u, version, json!([{"text": current}]));
    }
    assert_eq!(
        current,
        "# Visit\n\nPlease come in.\n<!-- plainly-disable-next-line complex-word -->\nWe will utilise the hall.\n\n<!-- plainly-disable-next-line complex-word -->\n- We utilise it.\n"
    );
    let diags = s.diagnostics(&u, Some(version));
    assert!(diags.is_empty(), "{diags:#?}");
    assert_eq!(s.finish(), 0);
}
