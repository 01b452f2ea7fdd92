//! Starts `plainly lsp` for Markdown files in Zed. `plainly` must be on
//! your PATH (`cargo install --path .` in plainly's repository).

use zed_extension_api::{self as zed, settings::LspSettings, LanguageServerId, Result};

struct Plainly;

impl zed::Extension for Plainly {
    fn new() -> Self {
        Plainly
    }

    fn language_server_command(
        &mut self,
        _id: &LanguageServerId,
        worktree: &zed::Worktree,
    ) -> Result<zed::Command> {
        let Some(path) = worktree.which("plainly") else {
            return Err("plainly is not on your PATH. Install it with `cargo install --path .` in plainly's repository.".into());
        };
        Ok(zed::Command {
            command: path,
            args: vec!["lsp".into()],
            env: Default::default(),
        })
    }

    /// Settings from Zed's `lsp.plainly.initialization_options`, passed on
    /// as they are.
    fn language_server_initialization_options(
        &mut self,
        _id: &LanguageServerId,
        worktree: &zed::Worktree,
    ) -> Result<Option<zed::serde_json::Value>> {
        Ok(LspSettings::for_worktree("plainly", worktree)
            .ok()
            .and_then(|s| s.initialization_options))
    }
}

zed::register_extension!(Plainly);
