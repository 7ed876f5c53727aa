# `python -m macros …`: the maintainers' command line (macros/cli/main.py).
import sys

from macros.cli.main import main

if __name__ == "__main__":
    sys.exit(main())
