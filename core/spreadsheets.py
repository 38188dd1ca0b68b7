"""Spreadsheets the portal writes hold text, never formulas.

A cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is run as a formula
by spreadsheet programs (``=HYPERLINK(...)`` typed as a nominee's name becomes a live link in the
Secretariat's file). Every writer — the admin's CSV and XLSX exports, the roster shortlist, the
open-data CSV — passes its text cells through ``defuse_formula``, which prefixes such a cell with
an apostrophe, as OWASP recommends: the text stays readable and is shown, not run.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from import_export.formats.base_formats import CSV, XLSX
from tablib import Dataset

if TYPE_CHECKING:
    # What the mixin is mixed into, for the type checker; at runtime it stands alone.
    from import_export.formats.base_formats import TablibFormat as _FormatBase
else:
    _FormatBase = object

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def defuse_formula(value):
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def defused_dataset(dataset: Dataset) -> Dataset:
    defused = Dataset(headers=dataset.headers, title=dataset.title)
    for row in dataset:
        defused.append([defuse_formula(cell) for cell in row])
    return defused


class DefusedFormulaeMixin(_FormatBase):
    """An import-export format whose exports go through ``defuse_formula`` (the library's own
    setting removes only a leading ``=``)."""

    def export_data(self, dataset, **kwargs):
        return super().export_data(defused_dataset(dataset), **kwargs)


class SafeCSV(DefusedFormulaeMixin, CSV):
    pass


class SafeXLSX(DefusedFormulaeMixin, XLSX):
    pass
