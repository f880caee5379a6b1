"""Processes: whether one still runs (what a build that was stopped left, a staging folder
beside the site, is removed by the next build only where its process is gone), and a child
that ends with its parent (a build's pool)."""

from __future__ import annotations

import ctypes
import os
import signal

_PR_SET_PDEATHSIG = 1


def alive(pid: int) -> bool:
    """Whether process ``pid`` exists (another user's counts: it may not be signalled)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def end_with(parent: int) -> None:
    """Have this process (a child of ``parent``) killed when its parent ends, however it
    ends (Linux's ``PR_SET_PDEATHSIG``; elsewhere nothing is done); end it now if the
    parent has already gone."""
    try:
        prctl = ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return
    if prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) != 0:
        return
    if os.getppid() != parent:
        os._exit(1)
