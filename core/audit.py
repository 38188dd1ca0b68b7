"""The audit trail: who changed what, and when, for every write, including bulk ones.

django-simple-history records a historical row on every ``save()`` and ``delete()`` (model signals),
with the acting user taken from the request by ``HistoryRequestMiddleware``. ``QuerySet.update()``
and ``bulk_update()`` send no signal, so they would change data without a trace. The default
manager of every tracked model is an ``AuditedManager`` (``core.models.TrackedManager``): its ``update()`` and ``bulk_update()``
also write historical rows (type "~", with the acting user), and bump ``version`` so that a form
opened before the bulk change is refused as stale rather than overwriting it.

``QuerySet.delete()`` needs nothing here: Django's deletion collector sends ``post_delete`` for each
row when a receiver is connected, as simple-history's is, so bulk deletes are recorded one by one.

``bulk_create()`` is left as Django has it: only the demo-data generator uses it, and demo rows
deliberately carry no history (see ``seed.demo_data``). User-facing writes create records
through services and forms, one ``save()`` each.
"""

from __future__ import annotations

import contextlib
import datetime
from dataclasses import dataclass, field
from types import SimpleNamespace

from django.db import models, transaction
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

BULK_UPDATE_REASON = _("Bulk update of %(fields)s")


def _history_manager(model):
    attribute = getattr(model._meta, "simple_history_manager_attribute", None)
    return getattr(model, attribute) if attribute else None


class AuditedQuerySet(models.QuerySet):
    """A queryset whose bulk writes leave the same audit trail as single saves."""

    def bulk_update_defaults(self) -> dict:
        """Columns every audited bulk update also sets, unless given (a tracked model's queryset,
        ``core.models.TrackedQuerySet``, bumps ``version`` and ``updated_at``)."""
        return {}

    def update(self, **kwargs):
        history = _history_manager(self.model)
        if history is None:
            return super().update(**kwargs)
        changed = sorted(kwargs)
        for name, value in self.bulk_update_defaults().items():
            kwargs.setdefault(name, value)
        with transaction.atomic(using=self.db):
            primary_keys = list(self.values_list("pk", flat=True))
            if not primary_keys:
                return 0
            # Update exactly the rows whose history is written below.
            count = super(AuditedQuerySet, self.filter(pk__in=primary_keys)).update(**kwargs)
            rows = self.model._base_manager.using(self.db).filter(pk__in=primary_keys)
            history.db_manager(self.db).bulk_history_create(
                list(rows),
                update=True,
                default_change_reason=str(BULK_UPDATE_REASON % {"fields": ", ".join(changed)}),
            )
        return count

    update.alters_data = True  # type: ignore[attr-defined]  # Django's marker on a method


# Made apart from the class statement so that django-stubs can type it (its plugin reads
# ``from_queryset`` only in an assignment).
_AuditedManagerBase = models.Manager.from_queryset(AuditedQuerySet)


class AuditedManager(_AuditedManagerBase):
    pass


@contextlib.contextmanager
def acting_as(user):
    """Attribute the writes made inside the block to ``user`` when no request is being served
    (a management command, a script): what ``HistoryRequestMiddleware`` does for a request."""
    previous = getattr(HistoricalRecords.context, "request", None)
    HistoricalRecords.context.request = SimpleNamespace(user=user)
    try:
        yield
    finally:
        if previous is None:
            del HistoricalRecords.context.request
        else:
            HistoricalRecords.context.request = previous


# --- Reading the trail ---------------------------------------------------------------------------


@dataclass(frozen=True)
class AuditEntry:
    """One write to one record: who, when, what kind of write, and the fields it changed."""

    who: object  # the user, or None for a write made outside any request (a command, a cron job)
    when: datetime.datetime
    action: str  # "created", "changed" or "deleted"
    reason: str
    changes: dict[str, tuple] = field(default_factory=dict)  # field name -> (before, after)


ACTIONS = {"+": "created", "~": "changed", "-": "deleted"}


def audit_trail(model, pk) -> list[AuditEntry]:
    """Every recorded write to the record ``model``/``pk``, oldest first (also once deleted)."""
    history = _history_manager(model)
    rows = list(
        history.filter(**{model._meta.pk.attname: pk})
        .select_related("history_user")
        .order_by("history_date", "history_id")
    )
    entries = []
    previous = None
    for row in rows:
        changes: dict[str, tuple] = {}
        if previous is not None:
            delta = row.diff_against(previous, foreign_keys_are_objs=False)
            changes = {change.field: (change.old, change.new) for change in delta.changes}
        entries.append(
            AuditEntry(
                who=row.history_user,
                when=row.history_date,
                action=ACTIONS[row.history_type],
                reason=row.history_change_reason or "",
                changes=changes,
            )
        )
        previous = row
    return entries
