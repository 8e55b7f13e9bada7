"""Text as printed, before the grammar: numbers written in figures or in Chinese numerals.
First stage of the pipeline (text → rules → reading → scores → writer → tables → cli)."""
