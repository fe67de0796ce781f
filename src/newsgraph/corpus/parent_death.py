"""Pool workers die with the run that started them, even when it is killed with -9.

A killed parent cannot shut its pool down, and a worker holding a spaCy
pipeline (hundreds of MB) would live on, orphaned, with the multiprocessing
resource tracker it keeps open. Two guards, set up first thing in each worker:

- on Linux, ``prctl(PR_SET_PDEATHSIG, SIGKILL)``: the kernel kills the worker
  when the thread that started it ends. That thread is the parent's main
  thread or the pool's manager thread (which starts replacement workers and
  outlives them), so in practice it fires when the parent process dies;
- everywhere, a daemon thread that checks once a second that the worker's
  parent is still the process that started it (an orphan is adopted by
  another), and ends the worker otherwise. It also covers a parent that died
  before the worker could ask the kernel for the signal.

Once the workers are gone, the resource tracker sees its pipe close and exits.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading
import time

_PR_SET_PDEATHSIG = 1
POLL_SECONDS = 1.0


def die_with_parent(parent: int) -> None:
    """Make this process end when ``parent`` (the pid that started it) ends."""
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:  # it died before the signal was asked for
        os._exit(1)
    threading.Thread(target=_watch, args=(parent,), name="parent-watch", daemon=True).start()


def _watch(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(POLL_SECONDS)
    os._exit(1)
