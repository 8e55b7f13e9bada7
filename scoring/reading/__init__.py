"""Reading values: quantities and comparators, outcome cells read against a target, profiles.
Third stage of the pipeline (text → rules → reading → scores → writer → tables → cli)."""
