"""``python -m summarize`` runs the command-line interface."""

from summarize.cli import main

raise SystemExit(main())
