"""When a subscriber's next digest is due, in their IANA time zone, safe across DST."""

import datetime as dt
from zoneinfo import ZoneInfo

CADENCES = ("instant", "daily", "weekly")


def local_time(day: dt.date, hour: int, minute: int, zone: ZoneInfo) -> dt.datetime:
    """The UTC instant of a wall-clock time on a day in a zone.

    A time skipped by a spring-forward change is taken as the same moment after the change
    (02:30 on the day New York skips from 02:00 to 03:00 becomes 03:30); a time repeated in
    the autumn is its first occurrence, so a digest never goes out twice.
    """
    wall = dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=zone, fold=0)
    return wall.astimezone(dt.UTC)


def next_due(
    cadence: str, hour: int, minute: int, weekday: int, tz: str, after: dt.datetime
) -> dt.datetime:
    """The first due time strictly after `after` (UTC): the next minute for "instant", the
    next hour:minute for "daily", that time on `weekday` (0 = Monday) for "weekly"."""
    if cadence == "instant":
        return (after + dt.timedelta(minutes=1)).replace(second=0, microsecond=0)
    zone = ZoneInfo(tz)
    day = after.astimezone(zone).date()
    for _ in range(9):
        if cadence == "daily" or day.weekday() == weekday:
            due = local_time(day, hour, minute, zone)
            if due > after:
                return due
        day += dt.timedelta(days=1)
    raise ValueError(f"no due time for cadence {cadence!r}")
