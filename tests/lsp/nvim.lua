-- Drives headless Neovim with plainly's own Neovim setup
-- (editors/neovim/lsp/plainly.lua): open a document, wait for plainly's
-- diagnostics, edit, ask for code actions and hover. Prints what it sees,
-- one fact a line, for tests/lsp_neovim.rs to check.
--
-- Run: nvim --headless --clean -l nvim.lua EDITORS_DIR PLAINLY_BIN DOCUMENT

local editors, bin, doc = arg[1], arg[2], arg[3]

local function say(...)
  io.stdout:write(table.concat({ ... }, ' ') .. '\n')
  io.stdout:flush()
end

local function fail(msg)
  say('FAIL', msg)
  vim.cmd('cquit 1')
end

vim.opt.runtimepath:prepend(editors .. '/neovim')
vim.lsp.config('plainly', { cmd = { bin, 'lsp' } })
vim.lsp.enable('plainly')

vim.cmd.edit(doc)
local buf = vim.api.nvim_get_current_buf()
if vim.bo[buf].filetype ~= 'markdown' then
  vim.bo[buf].filetype = 'markdown'
end

local function plainly_diags()
  local out = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    if d.source == 'plainly' then
      table.insert(out, d)
    end
  end
  table.sort(out, function(a, b)
    return a.lnum < b.lnum or (a.lnum == b.lnum and a.col < b.col)
  end)
  return out
end

if not vim.wait(30000, function() return #plainly_diags() > 0 end, 20) then
  fail('no diagnostics from plainly')
end
local client = vim.lsp.get_clients({ bufnr = buf, name = 'plainly' })[1]
if not client then
  fail('plainly is not attached')
end
say('ENCODING', client.offset_encoding)
for _, d in ipairs(plainly_diags()) do
  say('DIAG', d.lnum, d.col, d.end_col, d.code)
end

-- Edit: replace "utilise" (on line 3, after the emoji) with "use".
local line = vim.api.nvim_buf_get_lines(buf, 2, 3, false)[1]
local s, e = line:find('utilise', 1, true)
vim.api.nvim_buf_set_text(buf, 2, s - 1, 2, e, { 'use' })
local before = #plainly_diags()
if not vim.wait(30000, function() return #plainly_diags() == before - 1 end, 20) then
  fail('diagnostics did not change after the edit')
end
say('AFTER-EDIT', #plainly_diags())
for _, d in ipairs(plainly_diags()) do
  say('DIAG', d.lnum, d.col, d.end_col, d.code)
end

-- Code actions at the first remaining finding.
local d = plainly_diags()[1]
local params = {
  textDocument = { uri = vim.uri_from_bufnr(buf) },
  range = {
    start = { line = d.lnum, character = d.col },
    ['end'] = { line = d.lnum, character = d.col },
  },
  context = { diagnostics = { d.user_data.lsp } },
}
local resp = client:request_sync('textDocument/codeAction', params, 10000, buf)
if not resp or resp.err then
  fail('code actions failed: ' .. vim.inspect(resp))
end
for _, a in ipairs(resp.result) do
  say('ACTION', a.kind, a.title)
end

-- Apply the first quick fix, as a user would, and see the finding go.
local fix = resp.result[1]
vim.lsp.util.apply_workspace_edit(fix.edit, client.offset_encoding)
local n = #plainly_diags()
if not vim.wait(30000, function() return #plainly_diags() == n - 1 end, 20) then
  fail('the quick fix did not clear its finding')
end
say('TEXT', vim.api.nvim_buf_get_lines(buf, 2, 3, false)[1])

-- Hover on the heading's prose.
local h = client:request_sync('textDocument/hover', {
  textDocument = { uri = vim.uri_from_bufnr(buf) },
  position = { line = 2, character = 0 },
}, 10000, buf)
if h and h.result then
  say('HOVER', (h.result.contents.value:gsub('\n.*', '')))
end

say('DONE')
vim.cmd('qa!')
