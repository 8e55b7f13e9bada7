"""Tools for rule writers: static checks, score curves, plain descriptions of a rule.
Fifth stage of the pipeline (text → rules → reading → scores → writer → tables → cli)."""
