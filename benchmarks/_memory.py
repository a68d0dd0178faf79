"""Peak resident memory of this process and all its children, sampled from /proc."""

from __future__ import annotations

import os
import threading
from pathlib import Path


def _children(pid: int) -> list[int]:
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            continue
    return found


def _rss_mb(pid: int) -> float:
    return _field_mb(f"/proc/{pid}/status", "VmRSS:")


def _pss_mb(pid: int) -> float:
    """Proportional set size: each page shared by n processes counts 1/n to each (no double counting)."""
    return _field_mb(f"/proc/{pid}/smaps_rollup", "Pss:")


def _field_mb(path: str, field: str) -> float:
    try:
        for line in Path(path).read_text().splitlines():
            if line.startswith(field):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


class TreeMemory:
    """Samples the summed RSS of the process tree (this process's, or ``root``'s) every ``interval`` seconds;
    ``peak_mb`` holds the max.

    With ``proportional``, the summed proportional set sizes instead (pages that forked processes share
    count once in all).
    """

    def __init__(self, interval: float = 0.1, *, proportional: bool = False, root: int | None = None) -> None:
        self.interval = interval
        self.root = os.getpid() if root is None else root
        self._size = _pss_mb if proportional else _rss_mb
        self.peak_mb = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            pids, frontier = [self.root], [self.root]
            while frontier:
                frontier = [c for p in frontier for c in _children(p)]
                pids += frontier
            self.peak_mb = max(self.peak_mb, sum(self._size(p) for p in pids))
            self._stop.wait(self.interval)

    def __enter__(self) -> TreeMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
