"""Rule + answer → Score: the evaluator, the compiled rules and the default methods.
Fourth stage of the pipeline (text → rules → reading → scores → writer → tables → cli)."""
