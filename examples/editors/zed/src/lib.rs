// Runs `brandvoice lsp` (found on the PATH of the project's shell) for Markdown files, with the
// `initialization_options` of `"lsp": {"brandvoice": ...}` in Zed's settings.
use zed_extension_api::{self as zed, serde_json, settings::LspSettings, LanguageServerId, Result};

struct Brandvoice;

impl zed::Extension for Brandvoice {
    fn new() -> Self {
        Brandvoice
    }

    fn language_server_command(&mut self, _id: &LanguageServerId, worktree: &zed::Worktree) -> Result<zed::Command> {
        let command = worktree.which("brandvoice").ok_or("brandvoice is not on the PATH: pip install brandvoice")?;
        Ok(zed::Command { command, args: vec!["lsp".into()], env: worktree.shell_env() })
    }

    fn language_server_initialization_options(
        &mut self,
        id: &LanguageServerId,
        worktree: &zed::Worktree,
    ) -> Result<Option<serde_json::Value>> {
        Ok(LspSettings::for_worktree(id.as_ref(), worktree).ok().and_then(|s| s.initialization_options))
    }
}

zed::register_extension!(Brandvoice);
