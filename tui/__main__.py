"""``python -m narrative.tui FILE... [--prior OLD] [--baseline REVIEW]``: as ``narrative tui``."""

from __future__ import annotations

import sys

from narrative.cli import main

if __name__ == "__main__":
    raise SystemExit(main(["tui", *sys.argv[1:]]))
