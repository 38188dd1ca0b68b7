"""Part of `make bench`: how long one implementation report (one language, PDF) takes.

Run by bench/run.py with one scale's environment. Gathers the report's data and draws its PDF in
English for the calendar year before the demo data's reference date (2025), as a background
worker would (WeasyPrint already imported); prints JSON: seconds for the data, for the PDF and in
all, this process's CPU seconds, the PDF's pages and bytes.
"""

from __future__ import annotations

import datetime
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "oic_mediation.settings")

import django  # noqa: E402

django.setup()

import weasyprint  # noqa: E402, F401 - imported once by a worker, not per report

from oic_mediation.reports.data import implementation_report  # noqa: E402
from oic_mediation.reports.rendering import render_pdf  # noqa: E402

SINCE, UNTIL = datetime.date(2025, 1, 1), datetime.date(2025, 12, 31)


def pages(pdf: bytes) -> int | None:
    """The PDF's page count, from pdfinfo (poppler-utils) when it is installed."""
    if not shutil.which("pdfinfo"):
        return None
    with tempfile.NamedTemporaryFile(suffix=".pdf") as file:
        file.write(pdf)
        file.flush()
        info = subprocess.run(["pdfinfo", file.name], capture_output=True, text=True).stdout
    found = re.search(r"^Pages:\s+(\d+)", info, re.MULTILINE)
    return int(found.group(1)) if found else None


def main() -> None:
    started, cpu = time.perf_counter(), time.process_time()
    report = implementation_report(since=SINCE, until=UNTIL, language="en")
    gathered = time.perf_counter()
    pdf = render_pdf(report)
    drawn = time.perf_counter()
    cpu = time.process_time() - cpu
    json.dump(
        {
            "data_s": round(gathered - started, 2),
            "pdf_s": round(drawn - gathered, 2),
            "seconds": round(drawn - started, 2),
            # This process's CPU time: what a loaded machine's waits do not inflate.
            "cpu_s": round(cpu, 2),
            "pages": pages(pdf),
            "bytes": len(pdf),
        },
        sys.stdout,
    )


if __name__ == "__main__":
    main()
