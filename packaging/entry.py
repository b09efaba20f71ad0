"""PyInstaller entry point: the same `main` as the `activation-playground` console script."""

import sys

from playground.cli import main

if __name__ == "__main__":
    sys.exit(main())
