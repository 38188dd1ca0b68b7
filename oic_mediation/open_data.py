"""The open-data page (``/<language>/open-data/``): every download with its format, size and
licence, and the feeds and services; and the Popolo JSON of the contact groups."""

from __future__ import annotations

import json

from django.http import JsonResponse
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from oic_mediation import calendars, feeds, popolo
from oic_mediation.api import datapackage, exports
from oic_mediation.dashboard.cache import cached
from oic_mediation.dashboard.views import DashboardPage


def _json_size(document) -> int:
    return len(json.dumps(document, ensure_ascii=False, indent=2).encode())


class OpenDataView(DashboardPage):
    template_name = "dashboard/open_data.html"
    section = "open_data"

    def build(self) -> dict:
        """Each file as it would download now; a large export's size is estimated from its first
        rows (``exports.export_sizes``). Kept until the next write, like every figure."""
        downloads = [
            {
                "title": _("Data package: the description of every CSV file"),
                "url": reverse("api:datapackage"),
                "format": "JSON (Frictionless Data Package)",
                "size": _json_size(datapackage.descriptor()),
            }
        ]
        for name, dataset in exports.DATASETS.items():
            # Each file's apart: a write recomputes the sizes of the tables it changed only.
            sizes = cached(
                "export_sizes", lambda dataset=dataset: exports.export_sizes(dataset), name
            )
            for file_format in exports.FORMATS:
                downloads.append(
                    {
                        "title": dataset.title,
                        "description": dataset.description,
                        "rows": sizes["rows"],
                        "url": reverse(
                            "api:export", kwargs={"dataset": name, "file_format": file_format}
                        ),
                        "format": file_format.upper(),
                        "size": sizes[file_format],
                        "exact": sizes["exact"],
                    }
                )
        downloads += [
            {
                "title": _("Contact groups: members and co-chairs"),
                "url": reverse("dashboard:popolo"),
                "format": "JSON (Popolo)",
                # Cached apart: it reads the contact groups only.
                "size": cached("popolo_size", lambda: _json_size(popolo.document())),
            },
            {
                "title": _("Calendar of meetings, trainings and conferences"),
                "url": reverse("dashboard:calendar"),
                "format": "iCalendar",
                "size": len(calendars.calendar_body()),
            },
        ]
        return {
            "downloads": downloads,
            "licence": datapackage.licence(),
            "feeds": feeds.feed_links(),
            "language": get_language(),
        }


def contact_groups_popolo(request):
    return JsonResponse(popolo.document(), json_dumps_params={"ensure_ascii": False, "indent": 2})
