"""Stopping a bot process the way an operator would."""

import signal
import subprocess


def stop_gracefully(process: subprocess.Popen[bytes], timeout: float = 30) -> None:
    """SIGINT (as Ctrl-C), wait, and kill only if it does not stop in time."""
    if process.poll() is not None:
        return
    process.send_signal(signal.SIGINT)
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def exits_on(process: subprocess.Popen[bytes], sig: signal.Signals, bound: float) -> bool:
    """Send a signal; whether the process has exited when a wait of `bound` seconds returns.

    `bound` only limits how long a failing test waits: a process still running then is killed.
    """
    process.send_signal(sig)
    try:
        process.wait(timeout=bound)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
        return False
    return True
