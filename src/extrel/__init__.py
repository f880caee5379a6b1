"""extrel: bilingual external-relations sections for municipal websites."""

__version__ = "0.1.0"
