"""Data to start from, outside the running portal: tooling, not an interface.

- ``reference_data``: the real reference records (the resolution, its paragraphs, the member
  states, the contact group, the conferences, the trainings), loaded by ``manage.py
  load_reference_data`` (idempotent; run on every deploy);
- ``demo_data``: a reproducible decade of made-up activity for development and the benchmarks,
  ``manage.py generate_demo_data --scale N --seed S``.

It may import every app; no app imports it (import-linter checks it: ``make lint``).
"""
