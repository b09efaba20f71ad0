"""Activation Playground: see why neural networks need non-linear activations."""

import os

# One BLAS thread: our matrices are small, the GUI needs the other core, and multi-threaded
# OpenBLAS on a 2-core machine is up to 10x slower on them. Must be set before numpy loads.
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

__version__ = "0.1.0"
