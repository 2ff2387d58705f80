"""Reporters turn a ValidationResult into text for people, JSON for tools, or CI annotations."""

from __future__ import annotations

from typing import Literal

ReportFormat = Literal["text", "json", "github"]
