"""Ctrl-C as a request to stop: the work in flight (a batch, a round) finishes and is kept; asked again, the
command stops at once.

Worker processes forked meanwhile inherit the handler and ignore the signal, so the interrupt reaches them
only through the process that asked (no tracebacks from a pool).
"""

from __future__ import annotations

import os
import signal
import threading
from types import FrameType
from typing import Any


class StopRequests:
    """Install with ``with``: the signals given (Ctrl-C by default) set ``event``; a second one raises
    ``KeyboardInterrupt``. Handlers are only installed from the main thread."""

    def __init__(self, after: str, signals: tuple[int, ...] = (signal.SIGINT,)) -> None:
        self.event = threading.Event()
        self._after = after  # what finishes first: "this batch", "this round"
        self._signals = signals
        self._pid = os.getpid()
        self._previous: dict[int, Any] = {}

    @property
    def requested(self) -> bool:
        return self.event.is_set()

    def request(self) -> None:
        self.event.set()

    def __enter__(self) -> StopRequests:
        if threading.current_thread() is threading.main_thread():
            for sig in self._signals:
                self._previous[sig] = signal.signal(sig, self._handle)
        return self

    def __exit__(self, *exc: object) -> None:
        for sig, previous in self._previous.items():
            signal.signal(sig, previous if previous is not None else signal.default_int_handler)

    def _handle(self, signum: int, frame: FrameType | None) -> None:
        if os.getpid() != self._pid:
            return  # a worker: the main process decides
        if self.requested:
            raise KeyboardInterrupt
        self.request()
        os.write(2, f"\nstopping after {self._after} (Ctrl-C again to stop now)\n".encode())
