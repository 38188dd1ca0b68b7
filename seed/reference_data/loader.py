"""Write the reference data idempotently.

Every record is found by its natural key and saved only when a value actually differs, so a second
run writes nothing: no new version, no new row in the django-simple-history tables. Values in the
database that the reference data sets are brought back to the reference value; fields the data does
not mention (and records it does not know) are left alone.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

from django.db import models, transaction
from django.utils import translation

from conferences.models import (
    CitedFigure,
    Conference,
    Document,
    Recommendation,
    RecommendationFollowUp,
    Session,
    SessionSpeaker,
    Speaker,
)
from network.models import (
    CoChairPeriod,
    ContactGroup,
    ContactGroupMeeting,
    ContactGroupMembership,
    ExpertiseArea,
    FieldContext,
    Language,
    MemberState,
    Organisation,
    Region,
)
from resolutions.models import Paragraph, ParagraphStatusUpdate, Resolution
from seed.reference_data import conferences as conference_data
from seed.reference_data import network as network_data
from seed.reference_data import resolutions as resolution_data
from seed.reference_data import trainings as training_data
from trainings.models import Edition, Programme

TRANSLATION_LANGUAGES = ("en", "fr", "ar")
OUTCOMES = ("created", "updated", "unchanged")


def is_translation(value: Any) -> bool:
    return isinstance(value, Mapping) and bool(value) and set(value) <= set(TRANSLATION_LANGUAGES)


def expand_translations(values: Mapping[str, Any]) -> dict[str, Any]:
    """``{"name": {"en": "Chad", "fr": "Tchad"}}`` becomes ``name_en``, ``name_fr`` and ``name_ar``.

    A language the data leaves out is stored empty, as the admin stores it, and the portal falls back
    to English.
    """
    expanded: dict[str, Any] = {}
    for name, value in values.items():
        if is_translation(value):
            for language in TRANSLATION_LANGUAGES:
                expanded[f"{name}_{language}"] = value.get(language, "")
        else:
            expanded[name] = value
    return expanded


class ReferenceDataLoader:
    def __init__(self) -> None:
        self.counts: dict[str, Counter[str]] = {}
        self.states: dict[str, MemberState] = {}
        self.organisations: dict[str, Organisation] = {}
        self.resolutions: dict[str, Resolution] = {}
        self.paragraphs: dict[tuple[str, int | str], Paragraph] = {}
        self.conferences: dict[int, Conference] = {}
        self.sessions: dict[tuple[int, int], Session] = {}
        self.speakers: dict[str, Speaker] = {}
        self.documents: dict[tuple[str, str, str], Document] = {}

    # -- the one write primitive -------------------------------------------------------------

    def upsert(
        self,
        model: type[models.Model],
        lookup: Mapping[str, Any],
        values: Mapping[str, Any] | None = None,
        many: Mapping[str, Iterable[models.Model]] | None = None,
    ) -> models.Model:
        """Find the record by ``lookup``; create it, or save it only if ``values`` or the
        many-to-many sets in ``many`` differ from what is stored."""
        values = expand_translations(values or {})
        many = {name: list(related) for name, related in (many or {}).items()}
        instance = model._default_manager.filter(**lookup).first()
        if instance is None:
            instance = model(**{**lookup, **values})
            instance.full_clean()
            instance.save()
            for name, related in many.items():
                getattr(instance, name).set(related)
            self._count(model, "created")
            return instance

        changed_fields = [name for name, value in values.items() if _differs(instance, name, value)]
        if changed_fields:
            for name in changed_fields:
                setattr(instance, name, values[name])
            instance.full_clean()
            instance.save()
        changed_sets = False
        for name, related in many.items():
            manager = getattr(instance, name)
            if set(manager.values_list("pk", flat=True)) != {item.pk for item in related}:
                manager.set(related)
                changed_sets = True
        self._count(model, "updated" if changed_fields or changed_sets else "unchanged")
        return instance

    def _count(self, model: type[models.Model], outcome: str) -> None:
        self.counts.setdefault(model._meta.label, Counter())[outcome] += 1

    # -- network ------------------------------------------------------------------------------

    def load_states(self) -> None:
        for iso_code, values in state_reference_values().items():
            self.states[iso_code] = self.upsert(MemberState, {"iso_code": iso_code}, values)

    def load_organisations(self) -> None:
        for row in network_data.ORGANISATIONS:
            values = {key: value for key, value in row.items() if key not in ("slug", "parent")}
            values.setdefault("acronym", {"en": "", "fr": "", "ar": ""})
            values.setdefault("description", {"en": "", "fr": "", "ar": ""})
            values.setdefault("website", "")
            values["parent"] = self.organisations[row["parent"]] if row.get("parent") else None
            self.organisations[row["slug"]] = self.upsert(
                Organisation, {"slug": row["slug"]}, values
            )

    def state_or_organisation(self, iso_code: str | None, slug: str | None) -> dict[str, Any]:
        return {
            "state": self.states[iso_code] if iso_code else None,
            "organisation": self.organisations[slug] if slug else None,
        }

    def load_contact_group(self) -> None:
        data = network_data.CONTACT_GROUP
        group = self.upsert(
            ContactGroup,
            {"slug": data["slug"]},
            {key: value for key, value in data.items() if key != "slug"},
        )
        started_on = data["established_on"]
        for iso_code, slug in network_data.CO_CHAIRS:
            participant = self.state_or_organisation(iso_code, slug)
            self.upsert(
                CoChairPeriod, {"group": group, **participant, "started_on": started_on}, {}
            )
            self.upsert(
                ContactGroupMembership,
                {"group": group, **participant, "joined_on": started_on},
                {"note": "Co-chair"},
            )
        for meeting in network_data.CONTACT_GROUP_MEETINGS:
            values = {key: value for key, value in meeting.items() if key != "number"}
            values.setdefault("agenda", {"en": "", "fr": "", "ar": ""})
            values.setdefault("outcome", {"en": "", "fr": "", "ar": ""})
            if meeting["number"] is not None:
                lookup = {"group": group, "number": meeting["number"]}
            else:
                lookup = {"group": group, "number": None, "held_on": meeting["held_on"]}
                del values["held_on"]
            self.upsert(ContactGroupMeeting, lookup, values)

    def load_field_contexts(self) -> None:
        for row in network_data.FIELD_CONTEXTS:
            state = self.states[row["state"]] if row["state"] else None
            self.upsert(
                FieldContext,
                {"slug": row["slug"]},
                {
                    "name": row["name"],
                    "state": state,
                    "country_code": state.iso_code if state else row["country_code"],
                    "has_field_mission": True,
                },
            )

    def load_vocabularies(self) -> None:
        for slug, english, french, arabic in network_data.EXPERTISE_AREAS:
            name = {"en": english, "fr": french, "ar": arabic}
            self.upsert(ExpertiseArea, {"slug": slug}, {"name": name})
        for code, english, french, arabic in network_data.LANGUAGES:
            name = {"en": english, "fr": french, "ar": arabic}
            self.upsert(Language, {"code": code}, {"name": name})
        for slug, english, french, arabic in network_data.REGIONS:
            name = {"en": english, "fr": french, "ar": arabic}
            self.upsert(Region, {"slug": slug}, {"name": name})

    # -- resolutions --------------------------------------------------------------------------

    def load_resolutions(self) -> None:
        for row in resolution_data.RESOLUTIONS:
            values = {key: value for key, value in row.items() if key != "symbol"}
            values["proposed_by"] = self.states[row["proposed_by"]] if row["proposed_by"] else None
            values["follows_up"] = (
                self.resolutions[row["follows_up"]] if row["follows_up"] else None
            )
            self.resolutions[row["symbol"]] = self.upsert(
                Resolution, {"symbol": row["symbol"]}, values
            )
        for row in resolution_data.PARAGRAPHS:
            resolution = self.resolutions[row["resolution"]]
            values = {key: value for key, value in row.items() if key not in ("resolution",)}
            values.setdefault("expected_deliverables", {"en": "", "fr": "", "ar": ""})
            if row["number"] is not None:
                key: int | str = row["number"]
                lookup = {"resolution": resolution, "number": row["number"]}
                del values["number"]
            else:
                # A measure keeps the number the Secretariat may give it later.
                key = row["title"]["en"]
                lookup = {"resolution": resolution, "title_en": key}
                del values["number"]
            self.paragraphs[(row["resolution"], key)] = self.upsert(Paragraph, lookup, values)
        for row in resolution_data.STATUS_UPDATES:
            self.upsert(
                ParagraphStatusUpdate,
                {"paragraph": self.paragraphs[row["paragraph"]], "as_of": row["as_of"]},
                {"status": row["status"], "source": row["source"], "note": row["note"]},
            )

    # -- trainings ----------------------------------------------------------------------------

    def load_trainings(self) -> None:
        programmes: dict[str, Programme] = {}
        for row in training_data.PROGRAMMES:
            values = {
                key: value
                for key, value in row.items()
                if key not in ("slug", "partners", "paragraphs", "organiser_state")
            }
            values["organiser_state"] = self.states[row["organiser_state"]]
            programmes[row["slug"]] = self.upsert(
                Programme,
                {"slug": row["slug"]},
                values,
                many={
                    "partners": [self.organisations[slug] for slug in row["partners"]],
                    "paragraphs": [self.paragraphs[key] for key in row["paragraphs"]],
                },
            )
        for row in training_data.EDITIONS:
            programme = programmes[row["programme"]]
            values = {key: value for key, value in row.items() if key != "programme"}
            values["host_state"] = self.states[row["host_state"]] if row["host_state"] else None
            for name in ("title", "place", "description"):
                values.setdefault(name, {"en": "", "fr": "", "ar": ""})
            if row["number"] is not None:
                lookup = {"programme": programme, "number": row["number"]}
            else:
                lookup = {"programme": programme, "number": None, "starts_on": row["starts_on"]}
            for name in lookup:
                values.pop(name, None)
            self.upsert(Edition, lookup, values)

    # -- conferences --------------------------------------------------------------------------

    def load_conferences(self) -> None:
        for row in conference_data.CONFERENCES:
            values = {
                key: value
                for key, value in row.items()
                if key not in ("ordinal", "host_state", "partner_organisations")
            }
            values["host_state"] = self.states[row["host_state"]]
            for name in ("convened_by", "summary", "venue"):
                values.setdefault(name, {"en": "", "fr": "", "ar": ""})
            self.conferences[row["ordinal"]] = self.upsert(
                Conference,
                {"ordinal": row["ordinal"]},
                values,
                many={
                    "partner_organisations": [
                        self.organisations[slug] for slug in row["partner_organisations"]
                    ]
                },
            )
        for row in conference_data.SPEAKERS:
            self.speakers[row["full_name"]] = self.upsert(
                Speaker,
                {"full_name": row["full_name"]},
                {
                    "honorific": row["honorific"],
                    "position": row["position"],
                    "state": self.states[row["state"]] if row["state"] else None,
                    "organisation": (
                        self.organisations[row["organisation"]] if row["organisation"] else None
                    ),
                },
            )
        for row in conference_data.SESSIONS:
            session = self.upsert(
                Session,
                {"conference": self.conferences[row["conference"]], "order": row["order"]},
                {"kind": row["kind"], "title": row["title"], "summary": row["summary"]},
            )
            self.sessions[(row["conference"], row["order"])] = session
            for order, (full_name, role, note) in enumerate(row["speakers"], start=1):
                self.upsert(
                    SessionSpeaker,
                    {"session": session, "speaker": self.speakers[full_name], "role": role},
                    {"order": order, "note": note},
                )
        self.load_recommendations()
        self.load_documents_and_figures()

    def load_recommendations(self) -> None:
        conference = self.conferences[2]
        for row in conference_data.RECOMMENDATIONS:
            recommendation = self.upsert(
                Recommendation,
                {"conference": conference, "number": row["number"]},
                {
                    "session": self.sessions[(2, row["session"])],
                    "text": row["text"],
                    "addressee": row["addressee"],
                    "is_priority": row.get("is_priority", False),
                },
                many={"paragraphs": [self.paragraphs[key] for key in row["paragraphs"]]},
            )
            self.upsert(
                RecommendationFollowUp,
                {"recommendation": recommendation, "as_of": conference_data.FOLLOW_UP_AS_OF},
                {"status": "pending", "note": conference_data.FOLLOW_UP_NOTE},
            )

    def load_documents_and_figures(self) -> None:
        for row in conference_data.DOCUMENTS:
            key = (row["kind"], row["language"], row["title"]["en"])
            self.documents[key] = self.upsert(
                Document,
                {"kind": row["kind"], "language": row["language"], "title_en": row["title"]["en"]},
                {
                    "conference": self.conferences[row["conference"]],
                    "title": row["title"],
                    "un_symbol": row["un_symbol"],
                    "author": self.organisations[row["author"]] if row["author"] else None,
                    "url": row["url"],
                    "is_public": True,
                },
            )
        sesric_report = self.documents[
            ("research_report", "en", conference_data.SESRIC_REPORT_TITLE["en"])
        ]
        for row in conference_data.FIGURES:
            self.upsert(
                CitedFigure,
                {"statement_en": row["statement"]["en"], "source_year": 2018},
                {
                    "statement": row["statement"],
                    "value": row["value"],
                    "unit": row["unit"],
                    "source": conference_data.SESRIC_SOURCE,
                    "source_document": sesric_report,
                    "conference": self.conferences[2],
                    "position": row["position"],
                },
            )

    def load_all(self) -> None:
        self.load_states()
        self.load_organisations()
        self.load_contact_group()
        self.load_field_contexts()
        self.load_vocabularies()
        self.load_resolutions()
        self.load_trainings()
        self.load_conferences()


def state_reference_values() -> dict[str, dict[str, Any]]:
    """Each member and observer state of the reference data, by ISO code: the values it is
    loaded with (translated fields as ``{"en": …, "fr": …, "ar": …}``)."""
    rows = [(row, "member") for row in network_data.MEMBER_STATES] + [
        (row, "observer") for row in network_data.OBSERVER_STATES
    ]
    states: dict[str, dict[str, Any]] = {}
    for row, status in rows:
        iso_code, iso3_code, slug, english, french, arabic, group, in_au, in_las = row
        values: dict[str, Any] = {
            "iso3_code": iso3_code,
            "slug": slug,
            "name": {"en": english, "fr": french, "ar": arabic},
            "status": status,
            "status_since": None,
            "status_note": {},
            "geographic_group": group,
            "african_union_member": in_au,
            "arab_league_member": in_las,
        }
        values.update(network_data.STATUS_CHANGES.get(iso_code, {}))
        if not values["status_note"]:
            values["status_note"] = {"en": "", "fr": "", "ar": ""}
        states[iso_code] = values
    return states


def _differs(instance: models.Model, name: str, value: Any) -> bool:
    field = instance._meta.get_field(name)
    if field.is_relation and field.many_to_one:
        return getattr(instance, field.attname) != (value.pk if value is not None else None)
    return getattr(instance, name) != value


def load_reference_data(*, dry_run: bool = False) -> dict[str, Counter[str]]:
    """Load every reference fact in one transaction; return the created/updated/unchanged counts
    per model label. With ``dry_run`` the transaction is rolled back."""
    loader = ReferenceDataLoader()
    # The untranslated column of each translated field takes the English value.
    with translation.override("en"), transaction.atomic():
        loader.load_all()
        if dry_run:
            transaction.set_rollback(True)
    return loader.counts
