"""``python -m narrative.cli``."""

from . import main

raise SystemExit(main())
