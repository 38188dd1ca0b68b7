"""The portal's own items of ``manage.py check --deploy`` (that e-mail is delivered:
``oic_mediation.mail.checks``)."""

from __future__ import annotations

from django.conf import settings
from django.core import checks
from django.db import DatabaseError


@checks.register(deploy=True)
def check_admins_are_named(app_configs=None, **kwargs):
    if not settings.ADMINS:
        return [
            checks.Warning(
                "ADMINS is empty: nobody receives the errors of the portal by e-mail.",
                hint="Set DJANGO_ADMINS, e.g. 'Ops <ops@oic-oci.org>,dev@oic-oci.org'.",
                id="oic.W002",
            )
        ]
    return []


@checks.register(checks.Tags.database, deploy=True)
def check_a_worker_is_alive(app_configs=None, databases=None, **kwargs):
    """Only when the database is checked (``check --deploy --database default``), like Django's
    own database checks: a check must not need the database otherwise."""
    if not databases:
        return []
    from oic_mediation.background.models import Worker

    try:
        alive = Worker.objects.alive().exists()
    except DatabaseError as error:
        return [checks.Warning(f"Could not read the workers' heartbeats: {error}", id="oic.W004")]
    if not alive:
        return [
            checks.Warning(
                "No background worker was seen in the last minute: e-mails, report rendering "
                "and scheduled clean-ups wait.",
                hint="Start one: manage.py run_worker (see README, 'Production layout').",
                id="oic.W003",
            )
        ]
    return []
