"""Run the application until SIGINT or SIGTERM, then stop it within a deadline.

PTB's `run_polling` stops the updater by waiting for its polling task, and that task sleeps
through its retry backoff (up to 30 s while the Bot API server is unreachable) before it
looks at the stop request. systemd and Docker send SIGKILL 10 s after SIGTERM, so here the
same start and stop steps run under deadlines: stopping the updater gets a second (longer
means it is asleep in its backoff, and it is cancelled), the whole graceful stop gets
SHUTDOWN_DEADLINE, and a watchdog thread ends the process at HARD_EXIT whatever the event
loop is doing.
"""

import asyncio
import logging
import os
import signal
import threading
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any

from telegram.ext import Application, Updater

log = logging.getLogger(__name__)

STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)
UPDATER_STOP = 1.0  # seconds; a normal stop of long polling takes milliseconds
SHUTDOWN_DEADLINE = 3.5  # seconds from the signal to the end of the graceful stop
HARD_EXIT = 4.5  # seconds from the signal to os._exit, if the graceful stop is stuck
HARD_EXIT_STATUS = 1
START_FAILED = 1

AnyApplication = Application[Any, Any, Any, Any, Any, Any]
StartUpdater = Callable[[Updater], Awaitable[object]]


def run_until_stopped(application: AnyApplication, start_updater: StartUpdater) -> int:
    """Initialize, start the updater with `start_updater`, serve until a stop signal, stop.

    Returns the exit status: 0, or START_FAILED when start-up failed (say, a rejected token);
    the error is logged, through the token-redacting filter, rather than raised, because
    PTB's InvalidToken message holds the token.
    """
    return asyncio.run(_serve(application, start_updater))


async def _serve(application: AnyApplication, start_updater: StartUpdater) -> int:
    stopping = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in STOP_SIGNALS:
        loop.add_signal_handler(sig, _on_stop_signal, stopping)
    starting = asyncio.create_task(_start(application, start_updater))
    signalled = asyncio.create_task(stopping.wait())
    await asyncio.wait({starting, signalled}, return_when=asyncio.FIRST_COMPLETED)
    if not stopping.is_set() and not starting.exception():
        await signalled  # running: wait for the signal
    deadline = loop.time() + SHUTDOWN_DEADLINE
    if not starting.done():
        starting.cancel()  # a signal during start-up: no need to finish starting
    log.debug("stopping")
    stopped = await _within(_stop(application, deadline), deadline - loop.time())
    if not stopped:
        log.warning("the graceful stop took over %.1f s; exiting without it", SHUTDOWN_DEADLINE)
    error = starting.exception() if starting.done() and not starting.cancelled() else None
    if error is not None:
        log.error("could not start: %s", error, exc_info=error)
        return START_FAILED
    return 0


def _on_stop_signal(stopping: asyncio.Event) -> None:
    """Ask the loop to stop; start the watchdog once."""
    if stopping.is_set():
        return
    stopping.set()
    watchdog = threading.Timer(HARD_EXIT, _hard_exit)
    watchdog.daemon = True
    watchdog.start()


def _hard_exit() -> None:
    log.critical("still running %.1f s after the stop signal; exiting now", HARD_EXIT)
    os._exit(HARD_EXIT_STATUS)


async def _start(application: AnyApplication, start_updater: StartUpdater) -> None:
    """PTB's run_polling start-up order: initialize, post_init, updater, application."""
    await application.initialize()
    if application.post_init is not None:
        await application.post_init(application)
    if application.updater is not None:
        await start_updater(application.updater)
    await application.start()


async def _stop(application: AnyApplication, deadline: float) -> None:
    """PTB's run_polling stop order, with the updater's stop bounded."""
    loop = asyncio.get_running_loop()
    updater = application.updater
    if updater is not None and updater.running:
        budget = min(UPDATER_STOP, deadline - loop.time())
        if not await _within(updater.stop(), budget):
            log.info("polling did not stop within %.1f s (retry backoff); cancelled", budget)
    if application.running:
        await application.stop()
        if application.post_stop is not None:
            await application.post_stop(application)
    await application.shutdown()
    if application.post_shutdown is not None:
        await application.post_shutdown(application)


async def _within(step: Coroutine[Any, Any, object], seconds: float) -> bool:
    """Run a step for at most `seconds`; cancel it (without waiting) if it takes longer."""
    task = asyncio.create_task(step)
    done, _ = await asyncio.wait({task}, timeout=max(seconds, 0))
    if not done:
        task.add_done_callback(_note_late_end)
        task.cancel()
        return False
    task.result()
    return True


def _note_late_end(task: "asyncio.Task[object]") -> None:
    """A cancelled step may still fail while it unwinds; that is expected, not an error."""
    if not task.cancelled() and task.exception() is not None:
        log.debug("a cancelled stop step ended with %r", task.exception())
