use super::{declare_rule, Context};
use crate::diagnostic::{Diagnostic, Severity};

declare_rule! {
    /// ## What it flags
    ///
    /// A suppression comment (`<!-- plainly-disable ... -->`,
    /// `<!-- plainly-disable-next-line ... -->`) that hides no findings, or
    /// that names a rule which does not exist.
    ///
    /// ## Why it matters
    ///
    /// Comments that hide nothing are clutter, and they can hide real
    /// problems later, when someone adds text under them. A misspelt rule
    /// name means the comment never worked.
    ///
    /// ## Example
    ///
    /// ```markdown
    /// <!-- plainly-disable-next-line jargon -->
    /// We will call you next week.
    /// ```
    ///
    /// ## Use instead
    ///
    /// ```markdown
    /// We will call you next week.
    /// ```
    ///
    /// ## Options
    ///
    /// In `plainly.toml`, `[rules.unused-suppression]` takes `enabled` and
    /// `severity`, as every rule does. Switch it off with `enabled = false`
    /// if your documents share comments with other tools' settings.
    pub static UNUSED_SUPPRESSION = "unused-suppression", Severity::Info, "Suppression comments that hide nothing", check;
}

/// The work happens after every other rule has run, in
/// `crate::suppress`: only then is it known what each comment hid.
fn check(_ctx: &Context, _out: &mut Vec<Diagnostic>) {}
