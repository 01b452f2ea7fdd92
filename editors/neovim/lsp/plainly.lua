-- plainly for Neovim 0.11 and later (vim.lsp.config).
--
-- Copy this file to ~/.config/nvim/lsp/plainly.lua, then add to init.lua:
--
--   vim.lsp.enable('plainly')
--
-- Settings go in `init_options` (read at start-up) or `settings` (sent
-- when they change); both take the same shape.
return {
  cmd = { 'plainly', 'lsp' },
  filetypes = { 'markdown' },
  root_markers = { 'plainly.toml', '.plainly.toml', '.git' },
  init_options = {
    -- audience = 'easy-read',            -- or 'public' (default), 'professional'
    -- rules = { ['passive-voice'] = false, jargon = 'error' },
  },
}
