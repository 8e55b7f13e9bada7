"""Text as printed, before the grammar: the normalizer (canonical text, offset map back) and numbers.
First stage of the pipeline (text → rules → reading → scores → writer → tables → cli)."""
