//! Reading and writing JSON-RPC messages with `Content-Length` framing.
//!
//! lsp-server's own reader stops at the first malformed message, which
//! would end the session. This one reports a bad message and reads on, so
//! a client that sends one broken message keeps its server.

use std::io::{self, BufRead, Write};

use lsp_server::{Message, RequestId};
use serde::Serialize;
use serde_json::Value;

/// What came in: a message, or why a message could not be read.
#[derive(Debug)]
pub enum Incoming {
    /// A well-formed message.
    Message(Message),
    /// A message that could not be understood. `id` is its request id when
    /// one could be read, so the request can be answered.
    Invalid {
        /// The request id, when there was one.
        id: Option<RequestId>,
        /// The JSON-RPC error code: parse error or invalid request.
        code: i32,
        /// What was wrong.
        error: String,
    },
}

/// JSON-RPC: the text is not JSON.
pub const PARSE_ERROR: i32 = -32700;
/// JSON-RPC: the JSON is not a request, response or notification.
pub const INVALID_REQUEST: i32 = -32600;

/// The largest message read (256 MiB): a document far larger than any
/// written by hand, and small enough to hold in memory.
pub const MAX_MESSAGE: usize = 256 << 20;

/// Reads the next message. `Ok(None)` at the end of the input.
pub fn read(r: &mut impl BufRead) -> io::Result<Option<Incoming>> {
    let mut length: Option<usize> = None;
    let mut bad_header = None;
    let mut line = String::new();
    loop {
        line.clear();
        if r.read_line(&mut line)? == 0 {
            return Ok(None);
        }
        let header = line.trim_end_matches(['\r', '\n']);
        if header.is_empty() {
            if length.is_some() || bad_header.is_some() {
                break;
            }
            // Stray blank lines between messages: skip them.
            continue;
        }
        match header.split_once(':') {
            Some((name, value)) if name.trim().eq_ignore_ascii_case("content-length") => {
                match value.trim().parse::<usize>() {
                    Ok(n) => length = Some(n),
                    Err(_) => bad_header = Some(format!("bad Content-Length header: {header:?}")),
                }
            }
            Some(_) => {} // Content-Type and the like.
            None => bad_header = Some(format!("bad header line: {header:?}")),
        }
    }
    let Some(length) = length else {
        return Ok(Some(Incoming::Invalid {
            id: None,
            code: PARSE_ERROR,
            error: bad_header.unwrap_or_else(|| "no Content-Length header".into()),
        }));
    };
    if length > MAX_MESSAGE {
        // Too big to hold: read past it, so the next message can be read.
        io::copy(&mut io::Read::take(&mut *r, length as u64), &mut io::sink())?;
        return Ok(Some(Incoming::Invalid {
            id: None,
            code: INVALID_REQUEST,
            error: format!("a message of {length} bytes is larger than the {MAX_MESSAGE} bytes plainly accepts"),
        }));
    }
    let mut body = vec![0; length];
    r.read_exact(&mut body)?;
    Ok(Some(parse(&body)))
}

/// Parses one message body.
pub fn parse(body: &[u8]) -> Incoming {
    let value: Value = match serde_json::from_slice(body) {
        Ok(v) => v,
        Err(e) => {
            return Incoming::Invalid {
                id: None,
                code: PARSE_ERROR,
                error: format!("the message is not valid JSON: {e}"),
            }
        }
    };
    let id = match value.get("id") {
        Some(Value::Number(n)) => n
            .as_i64()
            .and_then(|n| i32::try_from(n).ok())
            .map(RequestId::from),
        Some(Value::String(s)) => Some(RequestId::from(s.clone())),
        _ => None,
    };
    match serde_json::from_value::<Message>(value) {
        Ok(m) => Incoming::Message(m),
        Err(e) => Incoming::Invalid {
            id,
            code: INVALID_REQUEST,
            error: format!("the message is not a JSON-RPC request, response or notification: {e}"),
        },
    }
}

/// Writes messages to the client, each with its `Content-Length` header.
#[derive(Debug)]
pub struct Writer<W: Write> {
    out: W,
    buf: Vec<u8>,
}

impl<W: Write> Writer<W> {
    /// Writes to `out`.
    pub fn new(out: W) -> Self {
        Writer {
            out,
            buf: Vec::new(),
        }
    }

    /// Sends a message.
    pub fn send(&mut self, msg: &Message) -> io::Result<()> {
        // Written field by field: serde's `flatten` would copy the whole
        // message into a buffer first, which is slow for large ones.
        #[derive(Serialize)]
        struct Req<'a> {
            jsonrpc: &'static str,
            id: &'a RequestId,
            method: &'a str,
            params: &'a Value,
        }
        #[derive(Serialize)]
        struct Ok<'a> {
            jsonrpc: &'static str,
            id: &'a RequestId,
            result: &'a Value,
        }
        #[derive(Serialize)]
        struct Err<'a> {
            jsonrpc: &'static str,
            id: &'a RequestId,
            error: &'a lsp_server::ResponseError,
        }
        match msg {
            Message::Request(r) => self.send_value(&Req {
                jsonrpc: "2.0",
                id: &r.id,
                method: &r.method,
                params: &r.params,
            }),
            Message::Notification(n) => self.send_notification(&n.method, &n.params),
            Message::Response(r) => match &r.response_result {
                Result::Ok(result) => self.send_value(&Ok {
                    jsonrpc: "2.0",
                    id: &r.id,
                    result,
                }),
                Result::Err(error) => self.send_value(&Err {
                    jsonrpc: "2.0",
                    id: &r.id,
                    error,
                }),
            },
        }
    }

    /// Sends a notification, serializing `params` straight into the
    /// message.
    pub fn send_notification(&mut self, method: &str, params: &impl Serialize) -> io::Result<()> {
        #[derive(Serialize)]
        struct Note<'a, P> {
            jsonrpc: &'static str,
            method: &'a str,
            params: &'a P,
        }
        self.send_value(&Note {
            jsonrpc: "2.0",
            method,
            params,
        })
    }

    /// Sends an error response with a null id: the answer to a message
    /// whose id could not be read.
    pub fn send_error_without_id(&mut self, code: i32, message: &str) -> io::Result<()> {
        self.send_value(&serde_json::json!({
            "jsonrpc": "2.0",
            "id": null,
            "error": {"code": code, "message": message},
        }))
    }

    /// Sends a message whose body `write_body` writes, as JSON, into a
    /// buffer kept from message to message.
    pub fn send_raw(&mut self, write_body: impl FnOnce(&mut Vec<u8>)) -> io::Result<()> {
        self.compose(write_body);
        self.send_composed()
    }

    /// Writes a message's body into the buffer, to send with
    /// [`Writer::send_composed`].
    pub fn compose(&mut self, write_body: impl FnOnce(&mut Vec<u8>)) {
        self.buf.clear();
        self.buf.resize(HEADROOM, b' ');
        write_body(&mut self.buf);
    }

    /// Sends the message last composed, with its header, in one write.
    pub fn send_composed(&mut self) -> io::Result<()> {
        let mut header = [0u8; HEADROOM];
        let mut at = &mut header[..];
        write!(at, "Content-Length: {}\r\n\r\n", self.buf.len() - HEADROOM)?;
        let len = HEADROOM - at.len();
        let start = HEADROOM - len;
        self.buf[start..HEADROOM].copy_from_slice(&header[..len]);
        self.out.write_all(&self.buf[start..])?;
        self.out.flush()
    }

    fn send_value(&mut self, value: &impl Serialize) -> io::Result<()> {
        self.buf.clear();
        self.buf.resize(HEADROOM, b' ');
        serde_json::to_writer(&mut self.buf, value).map_err(io::Error::other)?;
        self.send_composed()
    }
}

/// Room kept at the start of the buffer for the header, so header and
/// body go out in one write: `Content-Length: ` and up to 20 digits, then
/// two line ends.
const HEADROOM: usize = 40;

#[cfg(test)]
mod tests {
    use super::*;

    fn read_all(input: &str) -> Vec<Incoming> {
        let mut r = io::BufReader::new(input.as_bytes());
        let mut out = Vec::new();
        while let Some(m) = read(&mut r).unwrap() {
            out.push(m);
        }
        out
    }

    fn frame(body: &str) -> String {
        format!("Content-Length: {}\r\n\r\n{body}", body.len())
    }

    #[test]
    fn reads_on_after_a_malformed_message() {
        let input = frame("{not json")
            + &frame(r#"{"jsonrpc":"2.0","id":7}"#)
            + &frame(r#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#);
        let got = read_all(&input);
        assert_eq!(got.len(), 3);
        assert!(matches!(
            got[0],
            Incoming::Invalid {
                id: None,
                code: PARSE_ERROR,
                ..
            }
        ));
        assert!(
            matches!(&got[1], Incoming::Invalid { id: Some(id), code: INVALID_REQUEST, .. } if *id == RequestId::from(7))
        );
        assert!(
            matches!(&got[2], Incoming::Message(Message::Notification(n)) if n.method == "initialized")
        );
    }

    #[test]
    fn a_bad_header_is_reported_and_skipped() {
        let input = "Content-Length: lots\r\n\r\n".to_owned()
            + &frame(r#"{"jsonrpc":"2.0","method":"exit"}"#);
        let got = read_all(&input);
        assert!(matches!(
            got[0],
            Incoming::Invalid {
                code: PARSE_ERROR,
                ..
            }
        ));
        assert!(
            matches!(&got[1], Incoming::Message(Message::Notification(n)) if n.method == "exit")
        );
    }

    #[test]
    fn an_oversized_message_is_skipped() {
        let input = "Content-Length: 300000000\r\n\r\n".to_owned()
            + &frame(r#"{"jsonrpc":"2.0","method":"exit"}"#);
        let got = read_all(&input);
        assert!(matches!(
            got[0],
            Incoming::Invalid {
                code: INVALID_REQUEST,
                ..
            }
        ));
        // The claimed body swallowed the rest: the input ends.
        assert_eq!(got.len(), 1);
    }

    #[test]
    fn writes_a_frame() {
        let mut w = Writer::new(Vec::new());
        w.send_error_without_id(PARSE_ERROR, "bad").unwrap();
        let text = String::from_utf8(w.out).unwrap();
        let (head, body) = text.split_once("\r\n\r\n").unwrap();
        assert_eq!(head, format!("Content-Length: {}", body.len()));
        assert!(body.contains(r#""id":null"#));
    }
}
