"""`python -m app` runs the same entry point as the `mottryck` command."""

from app.cli import main

raise SystemExit(main())
