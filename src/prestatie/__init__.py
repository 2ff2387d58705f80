"""prestatie: prestatieafspraken en projecten als YAML in git."""

__version__ = "0.1.0"
