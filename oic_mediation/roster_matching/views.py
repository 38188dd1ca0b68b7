from __future__ import annotations

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from network.matching import shortlist
from network.models import RosterMember
from oic_mediation.roster_matching.forms import DeploymentRequestForm
from oic_mediation.roster_matching.xlsx import shortlist_workbook

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def roster_matching(request):
    """The request form (GET, so that a shortlist can be bookmarked), its results, and the same
    shortlist as XLSX with ``?format=xlsx``."""
    if not request.user.has_perm("network.match_rostermember"):
        raise PermissionDenied
    form = DeploymentRequestForm(request.GET or None)
    result = None
    if form.is_bound and form.is_valid():
        result = shortlist(form.deployment_request())
        if request.GET.get("format") == "xlsx":
            response = HttpResponse(shortlist_workbook(result), content_type=XLSX)
            name = f"roster-shortlist-{timezone.localdate():%Y%m%d}.xlsx"
            response["Content-Disposition"] = f'attachment; filename="{name}"'
            return response
    query = request.GET.copy()
    query["format"] = "xlsx"
    context = {
        **admin.site.each_context(request),
        "opts": RosterMember._meta,
        "title": _("Roster matching for a deployment"),
        "form": form,
        "shortlist": result,
        "xlsx_query": query.urlencode(),
    }
    return TemplateResponse(request, "roster_matching/roster_matching.html", context)
