"""Mekendesh — migration information system for countries of origin of labour migrants."""

__version__ = "0.1.0"
