"""``python -m scoring``: the command line, as the ``scoring`` console script runs it.
The commands themselves live in scoring/cli/."""

from .cli import main

raise SystemExit(main())
