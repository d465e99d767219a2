"""The version of termcheck, in one place: the facade, the writers and the baseline file all name it."""

__version__ = "0.1.0"
