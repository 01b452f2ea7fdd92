//! `plainly serve`: the web page and API, from `plainly-web`. This file
//! gives the server the command line's own JSON and HTML output, so that
//! the page, the API and `plainly check` agree byte for byte.

use std::io::{self, Write};
use std::net::ToSocketAddrs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use plainly_core::{Document, Settings};
use plainly_web::{CheckRequest, Formats, Options};

use crate::check_cmd::{text_format, write_json_to, Checked};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The address to listen on. The default lets only this computer in;
    /// use 0.0.0.0 to let other computers on the network in.
    #[arg(long, default_value = "127.0.0.1")]
    host: String,
    /// The port to listen on. 0 picks a free one.
    #[arg(long, default_value_t = 7171)]
    port: u16,
    /// Open the page in the web browser once the server is ready.
    #[arg(long)]
    open: bool,
    /// Let pages from this one other web address call the API, such as
    /// https://intranet.example.org. Without it, only the server's own page
    /// can.
    #[arg(long, value_name = "ORIGIN")]
    allow_origin: Option<String>,
    /// The most requests to work on at once; more are turned away with
    /// "busy" (503).
    #[arg(long, value_name = "N", default_value_t = 256)]
    max_in_flight: usize,
    /// The longest a request may take, in seconds, including the time a
    /// slow client takes to send it.
    #[arg(long, value_name = "SECONDS", default_value_t = 10.0)]
    timeout: f64,
}

/// The command line's output formats, for the server. Text is checked
/// with the built-in settings for the audience asked for: the server
/// reads no `plainly.toml` (as with `plainly check --no-config`), and the
/// file name a request gives is only a label, never looked up on disk.
struct CliFormats;

impl CliFormats {
    /// The text checked exactly as `plainly check --no-config --audience A`
    /// checks a file called `filename`.
    fn checked(&self, request: &CheckRequest) -> Checked {
        let name = Path::new(&request.filename);
        let settings = Settings::for_audience(request.audience);
        let report = Document::parse_as(&request.text, text_format(name)).check(&settings);
        Checked {
            name: request.filename.clone(),
            path: PathBuf::from(&request.filename),
            text: request.text.clone(),
            report,
            original: None,
            audience: settings.audience,
            human: None,
        }
    }
}

impl Formats for CliFormats {
    fn check_json(&self, request: &CheckRequest) -> Vec<u8> {
        let mut out = Vec::new();
        // Writing to memory cannot fail.
        let _ = write_json_to(&mut out, &[self.checked(request)]);
        out
    }

    fn report_html(&self, request: &CheckRequest) -> String {
        crate::html::report(&[self.checked(request)])
    }
}

pub fn run(args: &Args) -> io::Result<ExitCode> {
    let Some(address) = (args.host.as_str(), args.port)
        .to_socket_addrs()
        .ok()
        .and_then(|mut a| a.next())
    else {
        eprintln!(
            "error: \"{}\" is not an address this computer can listen on. \
             Use an IP address such as 127.0.0.1, or a name such as localhost.",
            args.host
        );
        return Ok(ExitCode::from(2));
    };
    if let Some(origin) = &args.allow_origin {
        let well_formed = (origin.starts_with("http://") || origin.starts_with("https://"))
            && !origin
                .trim_end_matches('/')
                .contains(|c: char| c.is_whitespace())
            && origin.matches('/').count() == 2;
        if !well_formed {
            eprintln!(
                "error: --allow-origin takes a web address with no path, such as \
                 https://intranet.example.org, not \"{origin}\"."
            );
            return Ok(ExitCode::from(2));
        }
    }
    if !(args.timeout.is_finite() && args.timeout > 0.0 && args.timeout <= 3600.0) {
        eprintln!("error: --timeout takes a number of seconds from 0.1 to 3600.");
        return Ok(ExitCode::from(2));
    }
    let options = Options {
        address,
        allow_origin: args.allow_origin.clone(),
        max_in_flight: args.max_in_flight.max(1),
        timeout: Duration::from_secs_f64(args.timeout),
        ..Options::default()
    };
    let open = args.open;
    let served = plainly_web::serve(options, Arc::new(CliFormats), |running| {
        let url = format!("http://{}/", running.address);
        let mut out = io::stdout().lock();
        let _ = writeln!(out, "plainly is ready at {url}");
        let _ = writeln!(
            out,
            "Open that address in your web browser. Text you check stays on this \
             computer and is not saved. Press Ctrl+C to stop."
        );
        let _ = out.flush();
        if open {
            open_browser(&url);
        }
    });
    match served {
        Ok(()) => Ok(ExitCode::SUCCESS),
        Err(e) => {
            eprintln!(
                "error: could not listen on {address}: {e}. If another program uses \
                 that port, choose another with --port."
            );
            Ok(ExitCode::from(2))
        }
    }
}

/// Opens `url` in the system's web browser. If that fails, the address
/// printed above is still there to copy.
fn open_browser(url: &str) {
    let program = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "explorer"
    } else {
        "xdg-open"
    };
    if std::process::Command::new(program)
        .arg(url)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .is_err()
    {
        eprintln!("Could not open a web browser: open {url} yourself.");
    }
}
