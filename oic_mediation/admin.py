"""Admin pages of the portal's own layers (autodiscovered as the ``oic_mediation`` app's admin)."""

from oic_mediation.reports import admin as reports_admin  # noqa: F401
