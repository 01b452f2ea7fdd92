//! The page and its files, built into the binary: nothing to install, and
//! nothing fetched from any other site.

use axum::body::Body;
use axum::extract::Path;
use axum::http::{header, HeaderValue, Response, StatusCode};

use crate::api;

/// `(name, content type, bytes)` for each file under `/assets/`.
const ASSETS: &[(&str, &str, &[u8])] = &[
    (
        "app.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../assets/app.js"),
    ),
    (
        "app.css",
        "text/css; charset=utf-8",
        include_bytes!("../assets/app.css"),
    ),
    (
        "marks.css",
        "text/css; charset=utf-8",
        include_bytes!("../assets/marks.css"),
    ),
    (
        "nhsuk-frontend.css",
        "text/css; charset=utf-8",
        include_bytes!("../assets/nhsuk-frontend.css"),
    ),
    (
        "nhsuk-frontend-LICENCE.txt",
        "text/plain; charset=utf-8",
        include_bytes!("../assets/nhsuk-frontend-LICENCE.txt"),
    ),
    (
        "icon.svg",
        "image/svg+xml",
        include_bytes!("../assets/icon.svg"),
    ),
];

const INDEX: &str = include_str!("../assets/index.html");

fn file(content_type: &'static str, bytes: &'static [u8]) -> Response<Body> {
    let mut response = Response::new(Body::from(bytes));
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    // The files change only with the binary: ask the browser to check
    // again, cheaply, rather than keep a copy that may be out of date.
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    response
}

/// `GET /`: the page.
pub(crate) async fn index() -> Response<Body> {
    file("text/html; charset=utf-8", INDEX.as_bytes())
}

/// `GET /assets/NAME`.
pub(crate) async fn asset(Path(name): Path<String>) -> Response<Body> {
    match ASSETS.iter().find(|(n, _, _)| *n == name) {
        Some((_, content_type, bytes)) => file(content_type, bytes),
        None => api::error(
            StatusCode::NOT_FOUND,
            &api::message_for(StatusCode::NOT_FOUND, 0.0),
        ),
    }
}
