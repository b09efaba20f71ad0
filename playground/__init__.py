"""Activation Playground: see why neural networks need non-linear activations."""

__version__ = "0.1.0"
