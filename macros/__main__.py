"""Command line: `python -m macros check|schema|build`."""

import sys

from macros.cli import main

sys.exit(main(sys.argv[1:]))
