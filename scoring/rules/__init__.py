"""Rule text → Rule: the parser facade (the only lark importer with transform), the nodes, render.
Second stage of the pipeline (text → rules → reading → scores → writer → tables → cli)."""
