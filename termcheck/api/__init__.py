"""The Python API behind the facade (`termcheck.check`, `termcheck.check_segments`, `termcheck.write_report`),
and the project runs the command line makes (`check_project`)."""

from __future__ import annotations

from termcheck.api.files import ProjectRun, check, check_project
from termcheck.api.memory import check_segments
from termcheck.api.reports import write_report

__all__ = ["ProjectRun", "check", "check_project", "check_segments", "write_report"]
