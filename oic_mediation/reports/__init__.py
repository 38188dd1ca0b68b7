"""The annual implementation report of Resolution 53/45-POL: its data, its HTML and its PDF.

- ``data`` gathers the report's figures for a period, from ``resolutions.selectors`` and the
  dashboard's chart code, in the language asked for;
- ``rendering`` turns them into HTML (``templates/reports/``) and into PDF with WeasyPrint;
- ``services`` publishes a report; ``admin`` and ``views`` are the Secretariat's and the public's
  pages; ``manage.py implementation_report`` does the same from the command line.
"""
