import sys

from wfcheck.cli import main

sys.exit(main())
