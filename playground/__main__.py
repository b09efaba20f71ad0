import multiprocessing
import sys

from playground.cli.main import main

if __name__ == "__main__":  # the training process (spawn) re-imports this module
    multiprocessing.freeze_support()
    sys.exit(main())
