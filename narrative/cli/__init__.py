"""The ``narrative`` command line: a thin layer over ``narrative.api``.

One module per command (``check``, ``info`` for rules/tables/claims, …), each with a
``register(subparsers)``.  Commands import only what they need (the claims machinery and
jieba load only for the commands that extract claims; Textual only for ``tui``), because a
batch run over thousands of files starts the program thousands of times.  No check logic
lives here: every command calls ``narrative.api``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from ..diagnostics import ExitCode, warn
from . import baseline, check, diff, info, tui
from .common import Parser

COMMANDS = (check, diff, info, baseline, tui)


def build_parser() -> argparse.ArgumentParser:
    p = Parser(prog="narrative", description="Audit budget-report prose against its own tables.")
    from .. import __version__

    p.add_argument("-V", "--version", action="version", version=f"narrative {__version__}")
    sub = p.add_subparsers(dest="command", parser_class=Parser)
    for command in COMMANDS:
        command.register(sub)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return ExitCode.INPUT_ERROR
    try:
        return int(args.func(args))
    except KeyboardInterrupt:
        warn("interrupted")
        return 130
    except BrokenPipeError:
        return ExitCode.OK


if __name__ == "__main__":
    raise SystemExit(main())
