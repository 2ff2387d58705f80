"""Briefing reports: plain report data, Dutch formatting, safe Markdown, Jinja2 templates."""
