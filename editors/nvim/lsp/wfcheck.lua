-- wfcheck's language server for Neovim 0.11 and later.
--
-- Add the folder above this one (editors/nvim) to 'runtimepath', or copy this file into the
-- `lsp/` folder of your configuration, then enable the server:
--
--   vim.opt.runtimepath:append('/path/to/wfcheck/editors/nvim')
--   vim.lsp.enable('wfcheck')
--
-- `wfcheck-lsp` comes with `pip install wfcheck` and must be on your PATH (or give its full
-- path in `cmd`). See editors/nvim/README.md for the settings.

---@type vim.lsp.Config
return {
  cmd = { 'wfcheck-lsp' },
  filetypes = { 'python' },
  -- The project's configuration is found from each file upward by the server itself; these
  -- only decide the workspace folder.
  root_markers = { 'wfcheck.toml', 'pyproject.toml', '.git' },
  -- Answers the server's `workspace/configuration` requests for the `wfcheck` section.
  settings = {
    wfcheck = {
      -- configurationPreference = 'editorFirst', -- or 'filesystemFirst', 'editorOnly'
      -- configuration = { ['extend-select'] = { 'UWF108' } }, -- [tool.wfcheck] keys
      -- showSyntaxErrors = true,
    },
  },
}
