"""Whole tables: ruleset files, spreadsheets, outcome files, the audit and the report writers.
Sixth stage of the pipeline (text → rules → reading → scores → writer → tables → cli)."""
