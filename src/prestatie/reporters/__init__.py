"""Reporters turn a ValidationResult into text for people, JSON for tools, or CI annotations."""
