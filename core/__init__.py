"""The ground floor the domain apps stand on: what every one of them uses, importing none of them.

- ``models``: the tracked, versioned base model (``TrackedModel``), ``HttpsURLField`` and the
  checks every door applies to stored values (``refuse_null_characters``, ``unsafe_value_errors``);
- ``audit``: the audited manager (bulk writes leave history too), ``acting_as``, ``audit_trail``;
- ``admin``: the admin base classes and mixins (version check, history, translations, large
  tables, spreadsheet import and export);
- ``text_search`` (full-text search), ``db`` (query expressions), ``translation`` (translated
  fields on a model and its history), ``groups`` (the Secretariat group), ``spreadsheets``
  (formula-safe exports), ``dates`` (the range of dates accepted), ``forms`` (service errors on a
  form), ``mail`` (the portal's e-mails, in each reader's language), ``files`` (records stored
  with their files, all or none), ``definitions`` (the public definitions of the figures).

It imports no domain app and nothing of ``oic_mediation`` (import-linter checks it: ``make lint``).
"""
