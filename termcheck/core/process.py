"""What the owner of the process allows termcheck to change in it.

Tuning the cyclic collector changes the whole process; only a process termcheck owns may do it: its own
workers always, the main process when the command line sets `TUNE_GC_IN_MAIN` (an API caller's process
is left alone; see termcheck.run.parallel). A module of its own, so that `termcheck --help` sets it
without loading the run machinery.
"""

from __future__ import annotations

TUNE_GC_IN_MAIN = {"on": False}
