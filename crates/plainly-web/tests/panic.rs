//! A panic while checking one text is answered 500 with a plain message,
//! and the server goes on answering. Run on the real server (the library's
//! `serve`, on a free port) with formats that panic on purpose.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::sync::{mpsc, Arc};

use plainly_web::{CheckRequest, Formats, Options};

struct Panicky;

impl Formats for Panicky {
    fn check_json(&self, request: &CheckRequest) -> Vec<u8> {
        if request.text.contains("panic") {
            panic!("a bug, on purpose: {}", request.text);
        }
        b"{\"files\": []}\n".to_vec()
    }

    fn report_html(&self, _: &CheckRequest) -> String {
        panic!("a bug in the report, on purpose");
    }
}

fn post(address: SocketAddr, path: &str, body: &str) -> (u16, String) {
    let mut stream = TcpStream::connect(address).unwrap();
    write!(
        stream,
        "POST {path} HTTP/1.1\r\nHost: localhost\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
    .unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).unwrap();
    let status = answer[9..12].parse().unwrap();
    let body = answer.split_once("\r\n\r\n").unwrap().1.to_owned();
    (status, body)
}

#[test]
fn a_panic_is_answered_500_and_the_server_carries_on() {
    let (tx, rx) = mpsc::channel();
    let options = Options {
        address: SocketAddr::from(([127, 0, 0, 1], 0)),
        ..Options::default()
    };
    std::thread::spawn(move || {
        plainly_web::serve(options, Arc::new(Panicky), |running| {
            tx.send(running.address).unwrap();
        })
    });
    let address = rx.recv().unwrap();
    for _ in 0..3 {
        let (status, body) = post(address, "/api/check", r#"{"text": "please panic"}"#);
        assert_eq!(status, 500);
        let message: serde_json::Value = serde_json::from_str(&body).unwrap();
        assert!(message["error"]
            .as_str()
            .unwrap()
            .contains("The server is still running"));
        let (status, _) = post(address, "/api/report", r#"{"text": "Hello."}"#);
        assert_eq!(status, 500);
        let (status, body) = post(address, "/api/check", r#"{"text": "Hello."}"#);
        assert_eq!((status, body.as_str()), (200, "{\"files\": []}\n"));
    }
}
