"""PyInstaller entry point: the same `main` as the `activation-playground` console script."""

import multiprocessing
import sys

from playground.cli.main import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # the training process re-enters here in a frozen app
    sys.exit(main())
