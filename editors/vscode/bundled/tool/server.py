"""Starts the wfcheck bundled with the extension (`wfcheck.importStrategy`: "useBundled").

The extension runs `<interpreter> bundled/tool/server.py --stdio`; wfcheck and its
dependencies are in `bundled/libs` (`pip install --target bundled/libs wfcheck`), ahead of the
interpreter's own packages.
"""

import os
import sys

LIBS = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "libs")
sys.path.insert(0, LIBS)

from wfcheck_lsp.__main__ import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
