"""Personal data: which fields hold it, and a person's rights over it (export, erasure).

A roster member (and, in ``trainings.privacy``, a training participant) can ask for everything the
portal holds about them, and to be erased. Erasure pseudonymises rather than deletes: the row stays,
so the network's and the trainings' figures (people by gender, state, role, level) do not change,
but every value that identifies the person is blanked or replaced, in the record, in its
django-simple-history rows, in the admin's log, and in the shared cache.

Only the Secretariat does either, through the admin actions in ``network.admin_privacy``.
"""

from __future__ import annotations

from collections.abc import Mapping

from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from network.models import Deployment, RosterMember, RosterRole

# The classification (README.md, "Personal data"). Translated fields also cover their _ar/_en/_fr
# columns. "erase" is what erasure writes: "" for a blank, or a callable of the row.
PERSONAL_FIELDS: dict[str, tuple[str, ...]] = {
    "network.RosterMember": (
        "full_name",
        "honorific",
        "email",
        "phone",
        "postal_address",
        "current_position",
        "biography",
    ),
    "network.RosterRole": ("title",),
    "network.Deployment": ("mandate",),
    "network.FocalPoint": ("title", "phone"),
    "auth.User": ("username", "first_name", "last_name", "email"),
    "trainings.Participant": ("full_name", "position", "email", "certificate_number"),
}
# Personal, but kept on erasure: the figures are counted by them.
KEPT_FOR_FIGURES: dict[str, tuple[str, ...]] = {
    "network.RosterMember": ("gender", "nationality", "nominating_state"),
    "network.RosterRole": ("role", "started_on", "ended_on"),
    "network.Deployment": ("context", "role", "started_on", "ended_on"),
    "trainings.Participant": ("gender", "state", "organisation", "level", "completion"),
}


def _require_secretariat(user) -> None:
    if not user.has_perm("network.handle_personal_data"):
        raise PermissionDenied(_("Only the Secretariat handles requests about personal data."))


def column_names(model: type[models.Model], field_name: str) -> list[str]:
    """The field's column and, for a translated field, its per-language columns."""
    names = [field_name]
    for field in model._meta.concrete_fields:
        translated = getattr(field, "translated_field", None)
        if translated is not None and translated.name == field_name:
            names.append(field.name)
    return names


def record_as_dict(instance: models.Model) -> dict:
    """Every stored column of the record, by name (foreign keys as their id and their label)."""
    data = {}
    for field in instance._meta.concrete_fields:
        value = getattr(instance, field.attname)
        if field.is_relation and value is not None:
            data[field.name] = {"id": value, "label": str(getattr(instance, field.name))}
        else:
            data[field.name] = value
    return data


def history_as_list(instance: models.Model) -> list[dict]:
    rows = instance.history.order_by("history_date", "history_id")  # type: ignore[attr-defined]  # simple-history's manager
    return [
        {
            "history_date": row.history_date,
            "history_type": row.history_type,
            "history_change_reason": row.history_change_reason,
            "values": {
                field.attname: getattr(row, field.attname)
                for field in type(instance).history.model.tracked_fields  # type: ignore[attr-defined]  # simple-history
            },
        }
        for row in rows
    ]


def as_json(document: dict) -> str:
    return DjangoJSONEncoder(ensure_ascii=False, indent=2).encode(document)


def roster_member_data_export(*, user, person: RosterMember) -> dict:
    """Everything the portal holds about a person on the roster, as a JSON-ready document."""
    _require_secretariat(user)
    person = (
        RosterMember.objects.select_related("nationality", "nominating_state", "nominated_by_user")
        .prefetch_related("expertise", "languages", "regions", "roles", "deployments__context")
        .get(pk=person.pk)
    )
    return {
        "kind": "roster member",
        "exported_at": timezone.now(),
        "record": record_as_dict(person),
        "expertise": [str(area) for area in person.expertise.all()],
        "languages": [str(language) for language in person.languages.all()],
        "regions": [str(region) for region in person.regions.all()],
        "roles": [
            {**record_as_dict(role), "history": history_as_list(role)}
            for role in person.roles.all()
        ],
        "deployments": [
            {**record_as_dict(deployment), "history": history_as_list(deployment)}
            for deployment in person.deployments.all()
        ],
        "history": history_as_list(person),
    }


def erased_values(model: type[models.Model], replacements: Mapping[str, object]) -> dict:
    """Column -> erased value for each personal field of ``model`` named in ``replacements``."""
    values = {}
    for field_name, replacement in replacements.items():
        for column in column_names(model, field_name):
            values[column] = replacement
    return values


def scrub_history(model: type[models.Model], filters: dict, values: dict) -> int:
    """Overwrite personal columns in every historical row of ``model`` matching ``filters``."""
    return model.history.filter(**filters).update(**values)  # type: ignore[attr-defined]  # simple-history


def scrub_admin_log(
    records: list[models.Model], old_texts: list[str], label: str, extra_labels: dict
) -> None:
    """Replace the person's name (and other identifying texts) in the admin's log.

    The log keeps each record's ``str()`` when it was changed, and inline changes name the child
    record in the parent's message ("Added roster role “Name — Mediator”").
    """
    texts = [text for text in dict.fromkeys(old_texts) if text and len(text) >= 3]
    entries = LogEntry.objects.none()
    for record in records:
        entries |= LogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(type(record)),
            object_id=str(record.pk),
        )
    for entry in entries:
        entry.object_repr = extra_labels.get((entry.content_type_id, entry.object_id), label)[:200]
        entry.save(update_fields=["object_repr"])
    for text in texts:
        for entry in LogEntry.objects.filter(
            models.Q(object_repr__contains=text) | models.Q(change_message__contains=text)
        ):
            entry.object_repr = entry.object_repr.replace(text, label)[:200]
            entry.change_message = entry.change_message.replace(text, label)
            entry.save(update_fields=["object_repr", "change_message"])


def clear_cached_pages() -> None:
    """Pages and figures cached before the erasure may show the person (a public profile)."""
    transaction.on_commit(cache.clear)


@transaction.atomic
def roster_member_erase(*, user, person: RosterMember) -> RosterMember:
    """Erase a person's identifying data on request, keeping what the figures count.

    The person becomes "Erased person <id>" with a private profile; contact details,
    position, biography, role titles and deployment mandates are blanked, here and in every
    historical row; gender, nationality, nominating state, roles and deployments stay, so counts by
    gender, state and role are unchanged.
    """
    _require_secretariat(user)
    person = RosterMember.objects.select_for_update().get(pk=person.pk)
    pseudonym = _("Erased person %(id)s") % {"id": person.pk}
    old_texts = [
        person.full_name,
        person.email,
        person.phone,
        *[getattr(person, column) for column in column_names(RosterMember, "current_position")],
    ]
    person_values = erased_values(
        RosterMember,
        {
            "full_name": pseudonym,
            "honorific": "",
            "email": "",
            "phone": "",
            "postal_address": "",
            "current_position": "",
            "biography": "",
        },
    )
    for column, value in person_values.items():
        setattr(person, column, value)
    # Consent, vetting and availability stay as they were: the network's public size counts them.
    person.visibility = RosterMember.Visibility.PRIVATE
    person._change_reason = "Personal data erased on request"  # type: ignore[attr-defined]  # read by simple-history
    person.save()
    scrub_history(RosterMember, {"id": person.pk}, person_values)

    role_values = erased_values(RosterRole, {"title": ""})
    # rewrite(False): "title" is the stored column itself, not the current language's.
    # modeltranslation's manager (it replaces the declared one at runtime).
    RosterRole.objects.rewrite(False).filter(person=person).update(**role_values)  # type: ignore[attr-defined]
    scrub_history(RosterRole, {"person_id": person.pk}, role_values)
    Deployment.objects.filter(person=person).update(mandate="")
    scrub_history(Deployment, {"person_id": person.pk}, {"mandate": ""})

    children = [*person.roles.all(), *person.deployments.select_related("context")]
    labels = {
        (ContentType.objects.get_for_model(type(child)).pk, str(child.pk)): str(child)
        for child in children
    }
    scrub_admin_log([person, *children], old_texts, pseudonym, labels)
    clear_cached_pages()
    person.refresh_from_db()
    return person
