//! The routes, the layers that guard them, and the accept loop.

use std::any::Any;
use std::io;
use std::net::SocketAddr;
use std::sync::Arc;

use axum::body::Body;
use axum::extract::{DefaultBodyLimit, Request, State};
use axum::http::{header, HeaderName, HeaderValue, Method, Response, StatusCode};
use axum::middleware::{self, Next};
use axum::routing::{get, post};
use axum::Router;
use hyper::body::Incoming;
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::net::TcpListener;
use tokio::sync::Semaphore;
use tower::ServiceExt;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::CompressionLayer;
use tower_http::cors::{AllowOrigin, CorsLayer};
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;

use crate::api::{self, error, message_for};
use crate::{assets, AppState, Formats, Options, MAX_BODY_BYTES};

/// The page may load only what this server sends: its own script, styles
/// and icon, and call only its own API. No other site may show it in a
/// frame.
const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; \
                   connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/// A server that is listening. Dropping it does not stop it: it runs until
/// the process ends.
#[derive(Debug, Clone, Copy)]
pub struct Running {
    /// The address it listens on (with the port it was given, when
    /// [`Options::address`] asked for port 0).
    pub address: SocketAddr,
}

/// The routes, with every limit and header as layers around them.
///
/// ```text
/// GET  /                 the page
/// GET  /assets/NAME      its script, styles, icon and the NHS.UK frontend licence
/// GET  /healthz          {"status": "ok"}
/// GET  /api/rules        every rule and its documentation
/// POST /api/check        {"text", "audience"?, "filename"?} -> plainly check --format json
/// POST /api/report       the same body -> plainly check --format html
/// POST /api/sentences    the same body -> the hard and very hard sentences
/// ```
pub fn router(formats: Arc<dyn Formats>, options: &Options) -> Router {
    let timeout_secs = options.timeout.as_secs_f64();
    let state = AppState { formats };
    let in_flight = Arc::new(Semaphore::new(options.max_in_flight.max(1)));
    let mut app = Router::new()
        .route("/", get(assets::index))
        .route("/assets/{name}", get(assets::asset))
        .route("/healthz", get(api::healthz))
        .route("/api/rules", get(api::rules))
        .route("/api/check", post(api::check))
        .route("/api/report", post(api::report))
        .route("/api/sentences", post(api::sentences))
        .fallback(api::not_found)
        .with_state(state)
        // Layers run outside in: the last added sees the request first.
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        // Reading the body is inside the time limit, so a client that
        // sends it slowly is stopped too.
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            options.timeout,
        ))
        .layer(middleware::from_fn_with_state(in_flight, cap_in_flight))
        .layer(CompressionLayer::new())
        .layer(CatchPanicLayer::custom(panic_response))
        .layer(SetResponseHeaderLayer::overriding(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(CSP),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_FRAME_OPTIONS,
            HeaderValue::from_static("DENY"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::REFERRER_POLICY,
            HeaderValue::from_static("no-referrer"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            HeaderName::from_static("cross-origin-opener-policy"),
            HeaderValue::from_static("same-origin"),
        ))
        // Answers hold the text people checked: no cache keeps them,
        // unless a handler says otherwise (the page's own files).
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-store"),
        ))
        .layer(middleware::map_response(move |r| {
            plain_errors(r, timeout_secs)
        }));
    if let Some(origin) = &options.allow_origin {
        if let Ok(origin) = HeaderValue::from_str(origin) {
            app = app.layer(
                CorsLayer::new()
                    .allow_origin(AllowOrigin::list([origin]))
                    .allow_methods([Method::GET, Method::POST])
                    .allow_headers([header::CONTENT_TYPE]),
            );
        }
    }
    app
}

/// Listens on `options.address` and answers requests until the process
/// ends. `ready` is called once the server is listening, with its address.
pub fn serve(
    options: Options,
    formats: Arc<dyn Formats>,
    ready: impl FnOnce(Running),
) -> io::Result<()> {
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(threads)
        // Checks run on these; more than one a core only adds switching.
        .max_blocking_threads(threads.max(2) * 2)
        .enable_all()
        .build()?;
    // A panic is answered 500 and the server carries on; what it says
    // could quote the text being checked, so only where it happened is
    // printed.
    std::panic::set_hook(Box::new(|info| {
        let place = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        eprintln!(
            "error: plainly hit a bug while answering a request{place}. It answered \
             with an error and carries on. Please report this bug."
        );
    }));
    runtime.block_on(async move {
        let listener = TcpListener::bind(options.address).await?;
        let address = listener.local_addr()?;
        ready(Running { address });
        // Word lists are built on first use; build them now, so the first
        // person to check a letter does not wait.
        tokio::task::spawn_blocking(plainly_core::wordlists::lists);
        accept(listener, router(formats, &options), &options).await;
        Ok(())
    })
}

async fn accept(listener: TcpListener, app: Router, options: &Options) {
    let connections = Arc::new(Semaphore::new(options.max_connections.max(1)));
    let header_timeout = options.timeout;
    loop {
        // Wait for a free place before taking the next connection.
        let Ok(permit) = connections.clone().acquire_owned().await else {
            return;
        };
        let stream = match listener.accept().await {
            Ok((stream, _)) => stream,
            // Out of file handles, or a connection reset before it was
            // taken: wait a moment and go on.
            Err(_) => {
                tokio::time::sleep(std::time::Duration::from_millis(20)).await;
                continue;
            }
        };
        let _ = stream.set_nodelay(true);
        let app = app.clone();
        tokio::spawn(async move {
            let service = hyper::service::service_fn(move |request: hyper::Request<Incoming>| {
                app.clone().oneshot(request.map(Body::new))
            });
            let connection = hyper::server::conn::http1::Builder::new()
                .timer(TokioTimer::new())
                // A client that takes longer than this to send a request's
                // headers (or sends nothing at all) is disconnected.
                .header_read_timeout(header_timeout)
                .serve_connection(TokioIo::new(stream), service);
            // A client that goes away is not an error worth reporting.
            let _ = connection.await;
            drop(permit);
        });
    }
}

/// Turns away requests beyond the cap with 503, at once: a queue that
/// grows without end helps nobody.
async fn cap_in_flight(
    State(in_flight): State<Arc<Semaphore>>,
    request: Request,
    next: Next,
) -> Response<Body> {
    let Ok(_permit) = in_flight.try_acquire_owned() else {
        return error(
            StatusCode::SERVICE_UNAVAILABLE,
            &message_for(StatusCode::SERVICE_UNAVAILABLE, 0.0),
        );
    };
    next.run(request).await
}

/// A panic in a handler: answered 500, and the server carries on.
fn panic_response(_: Box<dyn Any + Send + 'static>) -> Response<Body> {
    error(
        StatusCode::INTERNAL_SERVER_ERROR,
        &message_for(StatusCode::INTERNAL_SERVER_ERROR, 0.0),
    )
}

/// Gives every error a JSON body with a plain message, when the layer that
/// answered (a time-out, a wrong method) left it empty.
async fn plain_errors(response: Response<Body>, timeout_secs: f64) -> Response<Body> {
    let status = response.status();
    let is_json = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"application/json"));
    if !(status.is_client_error() || status.is_server_error()) || is_json {
        return response;
    }
    let (mut parts, body) = error(status, &message_for(status, timeout_secs)).into_parts();
    // Keep the headers the layers set (security, CORS), with the new type.
    let (old, _) = response.into_parts();
    for (name, value) in &old.headers {
        if name != header::CONTENT_TYPE && name != header::CONTENT_LENGTH {
            parts.headers.insert(name.clone(), value.clone());
        }
    }
    Response::from_parts(parts, body)
}
