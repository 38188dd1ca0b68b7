"""Reads about trainings: which editions are public, who counts as trained, and the counts the
dashboard, the API, the exports and the report show. Each public figure is defined here once.

Participants are personal data: they leave this module as counts only.
"""

from __future__ import annotations

import datetime
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypedDict, cast

from django.db.models import (
    Count,
    Exists,
    F,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Sum,
    Value,
    Window,
)
from django.db.models.functions import Coalesce, ExtractYear, Greatest, RowNumber
from django.utils.translation import gettext_noop

from core.db import SubqueryCount
from core.definitions import defines
from network import selectors as network_selectors
from network.models import Gender, MemberState
from resolutions.models import Commitment, CommitmentStatus
from trainings.models import (
    EDITION_SEARCH,
    PROGRAMME_SEARCH,
    Edition,
    Level,
    Participant,
    Programme,
)

if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations

COMPLETED = Participant.Completion.COMPLETED
WITHDRAWN = Participant.Completion.WITHDRAWN


@defines(
    "public_edition",
    term=gettext_noop("Training editions counted"),
    text=gettext_noop(
        "A training edition reported by a member state's focal point is public and counts once "
        "the Secretariat has validated it; one the Secretariat recorded counts at once. "
        "Editions submitted or returned for changes are not shown."
    ),
)
def public_editions(
    *, since: datetime.date | None = None, until: datetime.date | None = None
) -> QuerySet[Edition]:
    """Validated editions, those starting in ``since``–``until`` when given."""
    editions = Edition.objects.filter(review_status=Edition.Review.VALIDATED)
    if since is not None:
        editions = editions.filter(starts_on__gte=since)
    if until is not None:
        editions = editions.filter(starts_on__lte=until)
    return editions


def participants(
    *, since: datetime.date | None = None, until: datetime.date | None = None
) -> QuerySet[Participant]:
    """The participants of public editions (see ``public_editions``) who did not withdraw."""
    counted = Participant.objects.filter(edition__review_status=Edition.Review.VALIDATED).exclude(
        completion=WITHDRAWN
    )
    if since is not None:
        counted = counted.filter(edition__starts_on__gte=since)
    if until is not None:
        counted = counted.filter(edition__starts_on__lte=until)
    return counted


@defines(
    "diplomat_trained",
    term=gettext_noop("Diplomats trained"),
    text=gettext_noop(
        "A diplomat counts as trained once recorded as having completed an edition; those who "
        "only enrolled or withdrew do not. When a state reports a head count for an edition "
        "beyond the participants it names, the rest count as declared without names, and are "
        "shown as such."
    ),
)
def trained(
    *, since: datetime.date | None = None, until: datetime.date | None = None
) -> QuerySet[Participant]:
    """Named participants who completed a public edition."""
    return participants(since=since, until=until).filter(completion=COMPLETED)


def _declared_unnamed():
    """For an Edition queryset: its declared head count beyond the participants it names."""
    named = SubqueryCount(
        Participant.objects.filter(edition=OuterRef("pk")).exclude(completion=WITHDRAWN)
    )
    return Greatest(Coalesce(F("reported_participants"), Value(0)) - named, Value(0))


@dataclass(frozen=True)
class TrainingTotals:
    completed: int
    declared: int
    enrolled: int

    @property
    def trained(self) -> int:
        """Diplomats trained: named and completed, plus declared without names."""
        return self.completed + self.declared


def training_totals(
    *, since: datetime.date | None = None, until: datetime.date | None = None
) -> TrainingTotals:
    """Diplomats trained in the public editions starting in the period (every one when None)."""
    named = participants(since=since, until=until).aggregate(
        completed=Count("id", filter=Q(completion=COMPLETED)),
        enrolled=Count("id", filter=~Q(completion=COMPLETED)),
    )
    declared = (
        public_editions(since=since, until=until)
        .annotate(unnamed=_declared_unnamed())
        .aggregate(total=Coalesce(Sum("unnamed"), Value(0)))["total"]
    )
    return TrainingTotals(
        completed=named["completed"], declared=declared, enrolled=named["enrolled"]
    )


def _count_of(condition: Q | None = None) -> SubqueryCount:
    people = Participant.objects.filter(edition=OuterRef("pk")).exclude(completion=WITHDRAWN)
    return SubqueryCount(people.filter(condition) if condition is not None else people)


def editions_with_counts(queryset: QuerySet[Edition] | None = None) -> QuerySet[Edition]:
    """Editions with their participants who did not withdraw counted in all, by completion, gender
    and level (``participants_total``, ``participants_completed``, ``participants_<gender>``,
    ``participants_level_<level>``), ``declared_unnamed`` and ``trained_count``. Counted for the
    rows returned only (correlated subqueries), so a page costs the same whatever the table."""
    queryset = queryset if queryset is not None else public_editions()
    counts = {
        "participants_total": _count_of(),
        "participants_completed": _count_of(Q(completion=COMPLETED)),
        **{f"participants_{gender}": _count_of(Q(gender=gender)) for gender in Gender.values},
        **{f"participants_level_{level}": _count_of(Q(level=level)) for level in Level.values},
        "declared_unnamed": _declared_unnamed(),
    }
    return (
        queryset.select_related("programme", "host_state", "reported_by_state")
        .annotate(**counts)
        .annotate(trained_count=F("participants_completed") + F("declared_unnamed"))
    )


def participant_counts_by_state(edition_ids) -> dict[int, list[dict]]:
    """{edition id: [{"state": "TR", "count": 3}, ...]} of participants who did not withdraw, in
    one query for any number of editions."""
    rows = (
        Participant.objects.filter(edition_id__in=list(edition_ids))
        .exclude(completion=WITHDRAWN)
        .values("edition_id", "state__iso_code")
        .annotate(count=Count("id"))
        .order_by("edition_id", "state__iso_code")
    )
    counts: dict[int, list[dict]] = defaultdict(list)
    for row in rows:
        counts[row["edition_id"]].append({"state": row["state__iso_code"], "count": row["count"]})
    return counts


# --- Programmes ------------------------------------------------------------------------------


def programmes() -> QuerySet[Programme]:
    """Programmes with the number of their public editions."""
    return (
        Programme.objects.select_related("organiser_state", "organiser_organisation")
        .prefetch_related("partners", "paragraphs__resolution")
        .annotate(edition_count=SubqueryCount(public_editions().filter(programme=OuterRef("pk"))))
        .order_by("name")
    )


def programme_editions(programme: Programme) -> QuerySet[Edition]:
    """Every public edition of one programme with its counts, latest first."""
    return editions_with_counts(public_editions().filter(programme=programme)).order_by(
        "-starts_on", "-id"
    )


def programmes_with_latest_editions(latest: int) -> QuerySet[Programme]:
    """Programmes with their ``latest`` latest public editions as ``edition_list`` (ranked in the
    database) and ``edition_count``."""
    ranked = (
        public_editions()
        .annotate(
            rank=Window(
                RowNumber(),
                partition_by=[F("programme_id")],
                order_by=[F("starts_on").desc(), F("id").desc()],
            )
        )
        .filter(rank__lte=latest)
        .values("pk")
    )
    editions = editions_with_counts(public_editions().filter(pk__in=ranked))
    return programmes().prefetch_related(
        Prefetch(
            "editions", queryset=editions.order_by("-starts_on", "-id"), to_attr="edition_list"
        )
    )


# --- Breakdowns ------------------------------------------------------------------------------


def trained_by_state() -> list[dict]:
    """[{"state": MemberState, "total": n}] of diplomats trained (named, completed), most first."""
    counts = list(
        trained()
        .filter(state__isnull=False)
        .values("state")
        .annotate(total=Count("id"))
        .order_by("-total", "state")
    )
    # Names in the current language: values() would give the untranslated column.
    states = MemberState.objects.in_bulk([row["state"] for row in counts])
    return sorted(
        ({"state": states[row["state"]], "total": row["total"]} for row in counts),
        key=lambda row: (-row["total"], row["state"].name),
    )


UNRECORDED_LEVEL = "unrecorded"


def trained_by_year_and_level() -> Counter:
    """{(year, level): diplomats trained}; declared head counts under ``UNRECORDED_LEVEL``."""
    totals: Counter = Counter()
    for row in (
        trained()
        .annotate(year=ExtractYear("edition__starts_on"))
        .values("year", "level")
        .annotate(total=Count("id"))
        .order_by()
    ):
        totals[(row["year"], row["level"])] += row["total"]
    for row in (
        public_editions()
        .annotate(year=ExtractYear("starts_on"), unnamed=_declared_unnamed())
        .filter(unnamed__gt=0)
        .values("year", "unnamed")
    ):
        totals[(row["year"], UNRECORDED_LEVEL)] += row["unnamed"]
    return totals


def trained_by(field: str, *, since=None, until=None) -> dict[str, int]:
    """Diplomats trained (named, completed) in the period by ``field`` ("level", "gender")."""
    rows = trained(since=since, until=until).order_by().values(field).annotate(total=Count("id"))
    return {row[field]: row["total"] for row in rows}


class EditionInPeriod(TypedDict):
    states_named: int
    states_trained: int | None  # set on each edition, not by the database


class EditionOfState(TypedDict):
    state_participants: int  # set on each edition, not by the database


def editions_in_period(
    since: datetime.date, until: datetime.date
) -> list[WithAnnotations[Edition, EditionInPeriod]]:
    """The public editions starting in the period, with their counts and ``states_trained``."""
    editions = cast(
        "list[WithAnnotations[Edition, EditionInPeriod]]",
        list(
            editions_with_counts(public_editions(since=since, until=until))
            .annotate(
                states_named=SubqueryCount(
                    Participant.objects.filter(edition=OuterRef("pk"), state__isnull=False)
                    .exclude(completion=WITHDRAWN)
                    .values("state")
                    .distinct()
                )
            )
            .order_by("starts_on", "id")
        ),
    )
    for edition in editions:
        edition.states_trained = edition.states_named or edition.reported_states
    return editions


def certificates(*, since=None, until=None) -> int:
    return trained(since=since, until=until).filter(certificate_number__isnull=False).count()


def states_trained(*, since=None, until=None) -> int:
    return (
        trained(since=since, until=until)
        .filter(state__isnull=False)
        .values("state")
        .distinct()
        .count()
    )


def state_trainings(state: MemberState, latest: int) -> dict:
    """A state's diplomats trained, the editions they took part in and the latest ``latest`` of
    them (each with ``state_participants``), and the public editions it hosted."""
    trainees = trained().filter(state=state)
    totals = participants().filter(state=state).aggregate(editions=Count("edition", distinct=True))
    rows = list(
        participants()
        .filter(state=state)
        .values("edition")
        .annotate(state_participants=Count("id", filter=Q(completion=COMPLETED)))
        .order_by("-edition__starts_on", "-edition")[:latest]
    )
    editions = cast(
        "dict[int, WithAnnotations[Edition, EditionOfState]]",
        Edition.objects.select_related("programme", "host_state").in_bulk(
            [row["edition"] for row in rows]
        ),
    )
    latest_editions = []
    for row in rows:
        edition = editions[row["edition"]]
        edition.state_participants = row["state_participants"]
        latest_editions.append(edition)
    hosted = public_editions().filter(host_state=state)
    return {
        "trainee_total": trainees.count(),
        "edition_count": totals["editions"],
        "latest": latest_editions,
        "hosted_count": hosted.count(),
        "hosted": list(hosted.select_related("programme").order_by("-starts_on", "-id")[:latest]),
    }


# --- Engagement of member states ---------------------------------------------------------------
# Engagement spans the network, resolutions and trainings; trainings is the lowest domain app that
# sees all three, so the definition lives here.


def _engagement_annotations() -> dict:
    return {
        "has_commitment": Exists(
            Commitment.objects.filter(state=OuterRef("pk")).exclude(
                status=CommitmentStatus.WITHDRAWN
            )
        ),
        "in_contact_group": network_selectors.in_a_contact_group(),
        "nominee_count": SubqueryCount(
            network_selectors.in_network().filter(nominating_state=OuterRef("pk"))
        ),
        "trainee_count": SubqueryCount(trained().filter(state=OuterRef("pk"))),
    }


def with_engagement(queryset: QuerySet[MemberState]) -> QuerySet[MemberState]:
    """States annotated with what engages them: ``has_commitment``, ``in_contact_group``,
    ``nominee_count`` (people in the network it nominated) and ``trainee_count`` (its diplomats
    trained)."""
    return queryset.annotate(**_engagement_annotations())


@defines(
    "state_engaged",
    term=gettext_noop("Member states engaged"),
    text=gettext_noop(
        "A member state is engaged when it has a commitment that was not withdrawn, is a "
        "current member of a contact group, nominated someone who is in the network, or had a "
        "diplomat trained."
    ),
)
def engaged_states() -> QuerySet[MemberState]:
    return (
        with_engagement(MemberState.objects.all())
        .filter(
            Q(has_commitment=True)
            | Q(in_contact_group=True)
            | Q(nominee_count__gt=0)
            | Q(trainee_count__gt=0)
        )
        .order_by()
    )


# --- Search ----------------------------------------------------------------------------------
# The records that match a query (core.text_search); the portal's search
# (oic_mediation.search) ranks and combines them.


def search_programmes(query, programmes: QuerySet[Programme] | None = None) -> QuerySet:
    programmes = programmes if programmes is not None else Programme.objects.all()
    return PROGRAMME_SEARCH.matching(programmes, query)


def search_editions(query, editions: QuerySet[Edition] | None = None) -> QuerySet:
    editions = editions if editions is not None else Edition.objects.all()
    return EDITION_SEARCH.matching(editions, query)
