"""The wfcheck language server, `wfcheck-lsp`: live diagnostics, quick fixes and rule docs.

`server.py` wires the LSP methods; `checker.py` runs the engine off the event loop;
`documents.py`, `positions.py`, `lsp_diagnostics.py`, `code_actions.py`, `hover.py` and
`configuration.py` hold the rest.
"""
