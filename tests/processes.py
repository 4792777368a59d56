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
