-- The Neovim picture of the README: Neovim in tmux, run by scripts/screenshots/neovim.sh as
--   nvim --clean -u neovim.lua FILE
-- with WFCHECK_ROOT (the repository), WFCHECK_LINE (where the cursor goes) and
-- WFCHECK_CHANNEL (the tmux channel to signal once the picture is on the screen) set.
-- The set-up is the README's (editors/nvim in the runtimepath, vim.lsp.enable), with the
-- diagnostics shown as virtual text.

local root = os.getenv('WFCHECK_ROOT')
local line = tonumber(os.getenv('WFCHECK_LINE'))
local channel = os.getenv('WFCHECK_CHANNEL')

vim.opt.runtimepath:append(root .. '/editors/nvim')
vim.o.termguicolors = true
vim.o.number = true
vim.o.signcolumn = 'yes'
vim.o.showmode = false
vim.o.laststatus = 2
vim.cmd('filetype plugin indent on')
vim.cmd('syntax on')
vim.diagnostic.config({ virtual_text = { spacing = 2 }, severity_sort = true })
vim.lsp.enable('wfcheck')

local shown = false
vim.api.nvim_create_autocmd('DiagnosticChanged', {
  callback = function(args)
    if shown or #vim.diagnostic.get(args.buf) == 0 then
      return
    end
    shown = true
    vim.api.nvim_win_set_cursor(0, { line, 4 })
    vim.cmd('normal! zz')
    -- No close events: the cursor set above counts as a move at the next tick.
    vim.diagnostic.open_float({ scope = 'cursor', border = 'rounded', close_events = {} })
    vim.cmd('redraw')
    vim.system({ 'tmux', 'wait-for', '-S', channel }):wait()
  end,
})
