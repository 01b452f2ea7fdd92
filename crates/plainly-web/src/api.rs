//! The JSON API: read the body, check on a blocking thread, answer.
//!
//! Every error is JSON, `{"error": "..."}`, with a message a person can act
//! on. Limits are layers (see `server.rs`); this file only turns what they
//! give back into plain messages.

use axum::body::{Body, Bytes};
use axum::extract::rejection::BytesRejection;
use axum::extract::State;
use axum::http::{header, HeaderValue, Response, StatusCode};
use axum::response::IntoResponse;
use plainly_core::{Audience, RULES};
use serde::{Deserialize, Serialize};

use crate::{hard_sentences, AppState, CheckRequest, Formats, HardSentence, MAX_BODY_BYTES};

/// An answer with a status and a JSON body.
pub(crate) fn json_response(status: StatusCode, body: Vec<u8>) -> Response<Body> {
    let mut response = Response::new(Body::from(body));
    *response.status_mut() = status;
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    response
}

/// `{"error": message}` with `status`.
pub(crate) fn error(status: StatusCode, message: &str) -> Response<Body> {
    #[derive(Serialize)]
    struct Error<'a> {
        error: &'a str,
    }
    let body = serde_json::to_vec(&Error { error: message }).unwrap_or_default();
    json_response(status, body)
}

/// The plain message for an error status that a layer answered with no
/// body of its own (a time-out, a wrong method, a panic).
pub(crate) fn message_for(status: StatusCode, timeout_secs: f64) -> String {
    match status {
        StatusCode::NOT_FOUND => "There is nothing at this address. The page is at /, \
             and the API at /api/check, /api/rules and /healthz."
            .to_owned(),
        StatusCode::METHOD_NOT_ALLOWED => "This address does not take that kind of request. \
             Send text to check with POST; ask for pages and rules with GET."
            .to_owned(),
        StatusCode::REQUEST_TIMEOUT => format!(
            "The request took more than {} seconds, so it was stopped. \
             Try again, or check a shorter text.",
            (timeout_secs * 10.0).round() / 10.0
        ),
        StatusCode::PAYLOAD_TOO_LARGE => too_large(),
        StatusCode::SERVICE_UNAVAILABLE => "The server is busy checking other texts. \
             Try again in a moment."
            .to_owned(),
        StatusCode::INTERNAL_SERVER_ERROR => "Something went wrong on the server while \
             checking this text. The server is still running: try again, and if it \
             happens again, tell whoever runs this service."
            .to_owned(),
        other => format!(
            "The request could not be answered ({}).",
            other.canonical_reason().unwrap_or("error")
        ),
    }
}

fn too_large() -> String {
    format!(
        "The text is too long to check in one go. The most a request can hold is \
         1 MB ({MAX_BODY_BYTES} bytes). Split it into parts and check each one."
    )
}

/// The body of `POST /api/check` and `POST /api/report`.
#[derive(Deserialize)]
struct RawRequest {
    text: String,
    #[serde(default)]
    audience: Option<String>,
    #[serde(default)]
    filename: Option<String>,
}

/// Reads a request body into a [`CheckRequest`], or the error to answer.
#[allow(clippy::result_large_err)]
fn read_request(body: Result<Bytes, BytesRejection>) -> Result<CheckRequest, Response<Body>> {
    let bytes = match body {
        Ok(bytes) => bytes,
        Err(rejection) if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE => {
            return Err(error(StatusCode::PAYLOAD_TOO_LARGE, &too_large()));
        }
        Err(_) => {
            return Err(error(
                StatusCode::BAD_REQUEST,
                "The request could not be read. Send it again.",
            ));
        }
    };
    if std::str::from_utf8(&bytes).is_err() {
        return Err(error(
            StatusCode::BAD_REQUEST,
            "The request is not valid UTF-8 text. Save the text as UTF-8 and send it again.",
        ));
    }
    let raw: RawRequest = serde_json::from_slice(&bytes).map_err(|e| {
        error(
            StatusCode::BAD_REQUEST,
            &format!(
                "The request is not the JSON this address takes ({e}). Send an object like \
                 {{\"text\": \"Dear Sam, ...\", \"audience\": \"public\"}}."
            ),
        )
    })?;
    let audience = match raw.audience.as_deref() {
        None => Audience::Public,
        Some(name) => Audience::from_name(name).ok_or_else(|| {
            error(
                StatusCode::BAD_REQUEST,
                &format!(
                    "There is no audience called \"{name}\". Use \"public\", \
                     \"easy-read\" or \"professional\"."
                ),
            )
        })?,
    };
    Ok(CheckRequest {
        text: raw.text,
        audience,
        filename: raw
            .filename
            .filter(|f| !f.trim().is_empty())
            .unwrap_or_else(|| "text.md".to_owned()),
    })
}

/// Runs `work` on a blocking thread: checking is plain CPU work, and the
/// threads that answer other requests must stay free. A panic in it is
/// answered 500; the server carries on.
async fn on_blocking_thread<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
) -> Result<T, Response<Body>> {
    tokio::task::spawn_blocking(work).await.map_err(|_| {
        error(
            StatusCode::INTERNAL_SERVER_ERROR,
            &message_for(StatusCode::INTERNAL_SERVER_ERROR, 0.0),
        )
    })
}

/// Reads a check request and makes one of the CLI's formats of it, on a
/// thread where blocking is allowed.
async fn formatted<T: Send + 'static>(
    state: AppState,
    body: Result<Bytes, BytesRejection>,
    make: fn(&dyn Formats, &CheckRequest) -> T,
) -> Result<T, Response<Body>> {
    let request = read_request(body)?;
    let formats = state.formats;
    on_blocking_thread(move || make(formats.as_ref(), &request)).await
}

/// `POST /api/check`: the JSON of `plainly check --format json`.
pub(crate) async fn check(
    State(state): State<AppState>,
    body: Result<Bytes, BytesRejection>,
) -> Response<Body> {
    match formatted(state, body, |f, r| f.check_json(r)).await {
        Ok(json) => json_response(StatusCode::OK, json),
        Err(response) => response,
    }
}

/// `POST /api/report`: the HTML report, as a file to save.
pub(crate) async fn report(
    State(state): State<AppState>,
    body: Result<Bytes, BytesRejection>,
) -> Response<Body> {
    match formatted(state, body, |f, r| f.report_html(r)).await {
        Ok(html) => {
            let mut response = Response::new(Body::from(html));
            let headers = response.headers_mut();
            headers.insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/html; charset=utf-8"),
            );
            headers.insert(
                header::CONTENT_DISPOSITION,
                HeaderValue::from_static("attachment; filename=\"plainly-report.html\""),
            );
            response
        }
        Err(response) => response,
    }
}

/// `POST /api/sentences`: the hard and very hard sentences, for the page.
pub(crate) async fn sentences(body: Result<Bytes, BytesRejection>) -> Response<Body> {
    let request = match read_request(body) {
        Ok(r) => r,
        Err(response) => return response,
    };
    let work = move || {
        #[derive(Serialize)]
        struct Out {
            sentences: Vec<HardSentence>,
        }
        let format = crate::text_format(&request.filename);
        let sentences = hard_sentences(&request.text, format, request.audience);
        serde_json::to_vec(&Out { sentences }).unwrap_or_default()
    };
    match on_blocking_thread(work).await {
        Ok(json) => json_response(StatusCode::OK, json),
        Err(response) => response,
    }
}

/// `GET /api/rules`: every rule, with its documentation.
pub(crate) async fn rules() -> Response<Body> {
    #[derive(Serialize)]
    struct RuleOut {
        name: &'static str,
        severity: &'static str,
        summary: &'static str,
        documentation: String,
    }
    #[derive(Serialize)]
    struct Out {
        rules: Vec<RuleOut>,
    }
    let rules = RULES
        .iter()
        .map(|r| RuleOut {
            name: r.name,
            severity: r.severity.as_str(),
            summary: r.summary,
            documentation: r.doc(),
        })
        .collect();
    json_response(
        StatusCode::OK,
        serde_json::to_vec(&Out { rules }).unwrap_or_default(),
    )
}

/// `GET /healthz`: the server is up.
pub(crate) async fn healthz() -> impl IntoResponse {
    json_response(StatusCode::OK, br#"{"status":"ok"}"#.to_vec())
}

/// Any other address.
pub(crate) async fn not_found() -> Response<Body> {
    error(
        StatusCode::NOT_FOUND,
        &message_for(StatusCode::NOT_FOUND, 0.0),
    )
}
