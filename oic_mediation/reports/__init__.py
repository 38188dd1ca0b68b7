"""The annual implementation report of Resolution 53/45-POL: its data, its HTML and its PDF.

- ``data`` gathers the report's figures for a period, from ``resolutions.selectors`` and the
  charts (``oic_mediation.charts``), in the language asked for;
- ``rendering`` turns them into HTML (``templates/reports/``) and into PDF with WeasyPrint;
- ``drawing`` is the report for a period as a PDF, a ZIP of PDFs, or drawn for publication
  (``resolutions.services.published_reports_publish`` stores it, given ``drawing.draw_report``);
- ``services`` asks a background worker (``tasks``) to draw or publish a report; ``admin`` and
  ``views`` are the Secretariat's and the public's pages; ``manage.py implementation_report``
  does the same from the command line.
"""
