"""Mottryck: an offline-first, encrypted register for Sluta skjut working groups."""

__version__ = "0.1.0"
