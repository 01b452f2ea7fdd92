//! `plainly explain RULE` and `plainly rules`.

use std::io::{self, Write};
use std::process::ExitCode;

use plainly_core::RULES;

#[derive(Debug, clap::Args)]
pub struct ExplainArgs {
    /// The rule's name, such as `jargon`. `plainly rules` lists them all.
    rule: String,
}

pub fn explain(args: &ExplainArgs) -> io::Result<ExitCode> {
    let Some(rule) = plainly_core::rules::rule(&args.rule) else {
        let names: Vec<&str> = RULES.iter().map(|r| r.name).collect();
        eprintln!(
            "error: there is no rule called \"{}\". The rules are: {}.",
            args.rule,
            names.join(", ")
        );
        return Ok(ExitCode::from(2));
    };
    let mut out = io::stdout().lock();
    writeln!(out, "# {}\n", rule.name)?;
    writeln!(out, "{}\n", rule.summary)?;
    writeln!(out, "Default level: {}.\n", rule.severity.as_str())?;
    write!(out, "{}", rule.doc())?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

pub fn rules() -> io::Result<ExitCode> {
    let mut out = io::stdout().lock();
    for r in RULES {
        writeln!(
            out,
            "{:<24} {:<8} {}",
            r.name,
            r.severity.as_str(),
            r.summary
        )?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
