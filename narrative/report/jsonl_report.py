"""JSON Lines for batch consumers: one object per report as it is checked, then one summary.

Each report's line carries, at top level, exactly the fields of a ``documents[]`` entry of
the JSON output (``path``, identity, ``error``, ``findings`` …), unreadable files included;
the last line is ``{"summary": {…}, "version": 1}``.  A line is written and flushed per
report, so a consumer can follow a long run (``tail -f``) and memory stays flat.
"""

from __future__ import annotations

import json

from ..api import FileResult
from .common import Reporter
from .json_report import VERSION, result_json


class JsonlReporter(Reporter):
    def write_result(self, r: FileResult) -> None:
        self.out.write(json.dumps(result_json(r), ensure_ascii=False) + "\n")

    def end(self) -> None:
        self.out.write(json.dumps({"summary": self.summary.as_dict(), "version": VERSION}, ensure_ascii=False) + "\n")
