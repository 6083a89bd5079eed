#!/usr/bin/env bash
# The VS Code pictures of the README, docs/images/vscode-problems.png (squiggles and the
# Problems panel) and docs/images/vscode-quick-fix.png (the quick-fix menu): the end-to-end
# test in code-server takes them (tests/vscode/), here into docs/images. Runs .ci/vscode,
# which installs what it needs and builds the .vsix first.
set -euo pipefail
cd "$(dirname "$0")/../.."
WFCHECK_SCREENSHOTS="$PWD/docs/images" bash .ci/vscode
ls -l docs/images/vscode-*.png
