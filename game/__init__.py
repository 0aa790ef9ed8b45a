"""Petrograd 1917: a turn-based strategy game of the weeks after the October insurrection."""

__version__ = "0.1.0"
