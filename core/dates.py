"""The range of dates the portal accepts: one definition for every door.

Model validation (``core.models``) refuses a date outside it, so the admin, the
focal-point forms, the spreadsheet imports and the API (whose services validate the models) all
refuse it with the same message; the API's ``?year=`` filters use the same years, and the calendar
feeds skip a stored row outside it rather than fail (``oic_mediation.calendars``). Python's dates
end on 31 December 9999: a date near either end of that range breaks any arithmetic on it ("the
day after the last day" of an event), so the bounds stay far inside it.
"""

from __future__ import annotations

import datetime

from django.utils.formats import date_format
from django.utils.translation import gettext

EARLIEST_DATE = datetime.date(1900, 1, 1)
LATEST_DATE = datetime.date(2200, 12, 31)


def is_within_bounds(value: datetime.date) -> bool:
    day = value.date() if isinstance(value, datetime.datetime) else value
    return EARLIEST_DATE <= day <= LATEST_DATE


def out_of_bounds_message() -> str:
    return gettext("Enter a date between %(earliest)s and %(latest)s.") % {
        "earliest": date_format(EARLIEST_DATE, "DATE_FORMAT"),
        "latest": date_format(LATEST_DATE, "DATE_FORMAT"),
    }
