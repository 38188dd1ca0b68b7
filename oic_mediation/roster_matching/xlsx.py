"""The shortlist as a spreadsheet: the ranked people with the reasons, and the list's balance.

Contact details stay out: the file travels by e-mail, the admin holds them.
"""

from __future__ import annotations

import io

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from core.spreadsheets import defuse_formula
from network.matching import Shortlist


def shortlist_workbook(shortlist: Shortlist) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Shortlist")[:31]
    request = shortlist.request
    period = date_format(request.starts_on, "DATE_FORMAT")
    if request.ends_on:
        period += " – " + date_format(request.ends_on, "DATE_FORMAT")
    sheet.append([_("Deployment request"), defuse_formula(str(request.context or "—")), period])
    sheet.append([])
    headers = [
        _("Rank"),
        _("Name"),
        _("Nationality"),
        _("Gender"),
        _("Roles"),
        _("Availability"),
        _("Score"),
        _("Criteria met"),
        _("Reasons"),
    ]
    sheet.append(headers)
    for cell in sheet[3]:
        cell.font = Font(bold=True)
    for candidate in shortlist.candidates:
        person = candidate.person
        row = [
            candidate.rank,
            f"{person.honorific} {person.full_name}".strip(),
            str(person.nationality or ""),
            person.get_gender_display(),
            ", ".join(candidate.roles),
            person.get_availability_display(),
            candidate.score,
            candidate.criteria_met,
            "; ".join(candidate.reasons),
        ]
        sheet.append([defuse_formula(cell) for cell in row])
    for column, width in zip("ABCDEFGHI", (6, 32, 18, 14, 28, 20, 8, 10, 80), strict=True):
        sheet.column_dimensions[column].width = width

    balance = workbook.create_sheet(_("Balance")[:31])
    balance.append([_("Gender"), _("People")])
    for label, total in shortlist.by_gender:
        balance.append([defuse_formula(label), total])
    balance.append([])
    balance.append([_("Geographic group of the nationality"), _("People")])
    for label, total in shortlist.by_group:
        balance.append([defuse_formula(label), total])
    balance.append([])
    balance.append([_("Nationalities"), shortlist.nationalities])
    balance.column_dimensions["A"].width = 40

    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
