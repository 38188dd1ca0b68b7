"""Reference data of the portal: the facts in ``DOMAIN.md`` as plain Python data, one module per
domain app, and ``loader.load_reference_data`` which writes them idempotently.

Facts marked *(report)* in ``DOMAIN.md`` come from the summary report of the 2nd Conference of OIC
Member States on Mediation (UN document A/73/725); the rest is general knowledge kept as editable
reference data. Translated fields are written as ``{"en": ..., "fr": ..., "ar": ...}``; Arabic is
left out where it could not be given with confidence (the portal then falls back to English).
"""
