-- Run by test_neovim.py in a headless Neovim:
--   nvim --clean --headless [--cmd 'set rtp^=editors/nvim'] -l apply_quick_fix.lua RESULT FILE TITLE [SETUP]
-- Sets the server up with `vim.lsp.enable('wfcheck')` (editors/nvim in the runtimepath), or
-- by running the Lua file SETUP (the README's snippet for Neovim 0.10). Opens FILE, waits for
-- wfcheck's diagnostics, applies the quick fix titled TITLE at the first finding with
-- `vim.lsp.buf.code_action({ apply = true })`, waits for the finding to go, and writes what it
-- saw to RESULT as JSON.

local result_path, file, title, setup = _G.arg[1], _G.arg[2], _G.arg[3], _G.arg[4]
local TIMEOUT_MS = 60000
local result = { steps = {} }

local function finish()
  vim.fn.writefile({ vim.json.encode(result) }, result_path)
  vim.cmd('qa!')
end

local function shown(bufnr)
  local seen = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    table.insert(seen, { code = d.code, lnum = d.lnum, col = d.col, end_col = d.end_col, source = d.source })
  end
  table.sort(seen, function(a, b)
    return a.lnum < b.lnum or (a.lnum == b.lnum and a.col < b.col)
  end)
  return seen
end

vim.cmd('filetype on')
if setup then
  dofile(setup)
else
  vim.lsp.enable('wfcheck')
end
vim.cmd.edit(file)
local bufnr = vim.api.nvim_get_current_buf()

if not vim.wait(TIMEOUT_MS, function() return #vim.diagnostic.get(bufnr) > 0 end, 10) then
  table.insert(result.steps, 'no diagnostics arrived')
  return finish()
end
local client = vim.lsp.get_clients({ bufnr = bufnr, name = 'wfcheck' })[1]
result.client = { name = client.name, encoding = client.offset_encoding, root = client.root_dir }
result.before = shown(bufnr)

local target = result.before[1]
vim.api.nvim_win_set_cursor(0, { target.lnum + 1, target.col })
vim.lsp.buf.code_action({
  apply = true,
  filter = function(action) return action.title == title end,
})

local function finding_gone()
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    if d.code == target.code then
      return false
    end
  end
  return true
end
if not vim.wait(TIMEOUT_MS, finding_gone, 10) then
  table.insert(result.steps, 'the finding stayed')
end
result.after = shown(bufnr)
result.text = table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, true), '\n') .. '\n'
finish()
