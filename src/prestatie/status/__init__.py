"""``prestatie status``: progress against the agreements (engine, JSON shape, text)."""

from prestatie.status.engine import compute_status
from prestatie.status.model import StatusReport

__all__ = ["StatusReport", "compute_status"]
