"""Spreadsheets both ways: ``prestatie export`` (tables, xlsx, csv) and what they share."""
