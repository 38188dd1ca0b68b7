"""Roster matching: a ranked shortlist of roster members for a deployment request.

Who may be proposed at all (filtered in the database, never relaxed):

- vetted by the Secretariat;
- available, or of limited availability (never "unavailable");
- with their consent on record and not withdrawn;
- not deployed anywhere on dates that overlap the request's (an open-ended deployment overlaps
  everything after its start).

How they rank: a score adds, for each criterion of the request the person meets, its weight
(``WEIGHTS``): holding one of the roles asked for, each area of expertise, each working language
and each region of experience in common, having served in the same context before, and being fully
available. Ties go to more criteria met, then by name. Each candidate carries the reasons for the
rank: the criteria met, named.
"""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TypedDict, cast

from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    Field,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from network import selectors
from network.models import (
    Deployment,
    ExpertiseArea,
    FieldContext,
    GeographicGroup,
    Language,
    Region,
    RosterMember,
    RosterRole,
)

if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations


class RankAnnotations(TypedDict):
    """What ``ranked_candidates`` annotates each member with."""

    role_match: bool
    language_matches: int
    expertise_matches: int
    region_matches: int
    context_experience: bool
    score: int
    criteria_met: int


class ShortlistAnnotations(RankAnnotations):
    """…and what ``shortlist`` prefetches for the reasons."""

    matched_languages: list[Language]
    matched_expertise: list[ExpertiseArea]
    matched_regions: list[Region]
    current_roles: list[RosterRole]


WEIGHTS = {
    "role": 5,
    "expertise": 3,
    "language": 2,
    "region": 2,
    "context": 2,
    "full_availability": 1,
}
DEFAULT_LIMIT = 25


@dataclass(frozen=True)
class DeploymentRequest:
    starts_on: datetime.date
    ends_on: datetime.date | None = None
    context: FieldContext | None = None
    roles: tuple[str, ...] = ()
    languages: tuple[Language, ...] = ()
    expertise: tuple[ExpertiseArea, ...] = ()
    regions: tuple[Region, ...] = ()
    limit: int = DEFAULT_LIMIT

    def __post_init__(self):
        if self.ends_on is not None and self.ends_on < self.starts_on:
            raise ValueError("A deployment request cannot end before it starts.")


@dataclass
class Candidate:
    person: RosterMember
    rank: int
    score: int
    reasons: list[str]
    criteria_met: int
    roles: list[str] = field(default_factory=list)


@dataclass
class Shortlist:
    request: DeploymentRequest
    candidates: list[Candidate]
    by_gender: list[tuple[str, int]]
    by_group: list[tuple[str, int]]
    nationalities: int


def eligible_members(
    starts_on: datetime.date, ends_on: datetime.date | None
) -> QuerySet[RosterMember]:
    """Roster members who may be proposed for a deployment on these dates."""
    overlapping = Deployment.objects.filter(person=OuterRef("pk")).filter(
        Q(ended_on__isnull=True) | Q(ended_on__gte=starts_on)
    )
    if ends_on is not None:
        overlapping = overlapping.filter(started_on__lte=ends_on)
    return (
        selectors.in_network()
        .filter(
            vetting_status=RosterMember.Vetting.VETTED,
            availability__in=[
                RosterMember.Availability.AVAILABLE,
                RosterMember.Availability.LIMITED,
            ],
            consent_given_on__lte=timezone.localdate(),
        )
        .exclude(Exists(overlapping))
    )


def _matches(through, owner: str, target: str, ids: list[int]):
    """How many of ``ids`` a person has in one of their many-to-many fields, as a subquery."""
    if not ids:
        return Value(0, output_field=IntegerField())
    return Coalesce(
        Subquery(
            through.objects.filter(**{owner: OuterRef("pk"), f"{target}__in": ids})
            .order_by()
            .values(owner)
            .annotate(total=Count("pk"))
            .values("total")[:1],
            output_field=IntegerField(),
        ),
        Value(0),
    )


def _open_roles(on: datetime.date) -> QuerySet[RosterRole]:
    return selectors.current_roles(on)


def ranked_candidates(
    request: DeploymentRequest,
) -> QuerySet[WithAnnotations[RosterMember, RankAnnotations]]:
    """Eligible members annotated with what they match and their score, best first."""
    language_ids = [item.pk for item in request.languages]
    expertise_ids = [item.pk for item in request.expertise]
    region_ids = [item.pk for item in request.regions]
    roles = _open_roles(request.starts_on).filter(person=OuterRef("pk"))
    queryset = eligible_members(request.starts_on, request.ends_on).annotate(
        role_match=Exists(roles.filter(role__in=request.roles)) if request.roles else Value(False),
        language_matches=_matches(
            RosterMember.languages.through, "rostermember", "language", language_ids
        ),
        expertise_matches=_matches(
            RosterMember.expertise.through, "rostermember", "expertisearea", expertise_ids
        ),
        region_matches=_matches(RosterMember.regions.through, "rostermember", "region", region_ids),
        context_experience=Exists(
            Deployment.objects.filter(
                person=OuterRef("pk"), context=request.context, started_on__lt=request.starts_on
            )
        )
        if request.context is not None
        else Value(False),
    )

    def flag(name: str):
        return Case(When(**{name: True}, then=Value(1)), default=Value(0))

    full = Case(
        When(availability=RosterMember.Availability.AVAILABLE, then=Value(1)), default=Value(0)
    )
    return queryset.annotate(
        score=WEIGHTS["role"] * flag("role_match")
        + WEIGHTS["expertise"] * F("expertise_matches")
        + WEIGHTS["language"] * F("language_matches")
        + WEIGHTS["region"] * F("region_matches")
        + WEIGHTS["context"] * flag("context_experience")
        + WEIGHTS["full_availability"] * full,
        criteria_met=flag("role_match")
        + F("expertise_matches")
        + F("language_matches")
        + F("region_matches")
        + flag("context_experience"),
    ).order_by("-score", "-criteria_met", "full_name", "pk")


def shortlist(request: DeploymentRequest) -> Shortlist:
    """The ranked shortlist with the reasons for each rank and the balance of the list."""
    language_ids = [item.pk for item in request.languages]
    expertise_ids = [item.pk for item in request.expertise]
    region_ids = [item.pk for item in request.regions]
    people = list(
        ranked_candidates(request)
        .select_related("nationality")
        .prefetch_related(
            Prefetch(
                "languages",
                queryset=Language.objects.filter(pk__in=language_ids),
                to_attr="matched_languages",
            ),
            Prefetch(
                "expertise",
                queryset=ExpertiseArea.objects.filter(pk__in=expertise_ids),
                to_attr="matched_expertise",
            ),
            Prefetch(
                "regions",
                queryset=Region.objects.filter(pk__in=region_ids),
                to_attr="matched_regions",
            ),
            Prefetch("roles", queryset=_open_roles(request.starts_on), to_attr="current_roles"),
        )[: request.limit]
    )
    role_labels = dict(RosterRole.Role.choices)
    candidates = []
    for rank, person in enumerate(people, start=1):
        candidates.append(
            Candidate(
                person=person,
                rank=rank,
                score=person.score,
                reasons=reasons_for(person, request),
                criteria_met=person.criteria_met,
                roles=[str(role_labels[role.role]) for role in person.current_roles],
            )
        )
    return Shortlist(
        request=request,
        candidates=candidates,
        by_gender=_balance(people, "gender"),
        by_group=_balance_by_group(people),
        nationalities=len({p.nationality_id for p in people if p.nationality_id}),
    )


def reasons_for(
    person: WithAnnotations[RosterMember, ShortlistAnnotations], request: DeploymentRequest
) -> list[str]:
    """The criteria of the request a ranked person meets, in words."""
    reasons = []
    role_labels = dict(RosterRole.Role.choices)
    if person.role_match:
        held = [
            str(role_labels[role.role])
            for role in person.current_roles
            if role.role in request.roles
        ]
        reasons.append(_("Holds the role asked for: %(roles)s") % {"roles": ", ".join(held)})
    if person.matched_expertise:
        reasons.append(
            _("Expertise: %(areas)s")
            % {"areas": ", ".join(str(area) for area in person.matched_expertise)}
        )
    if person.matched_languages:
        reasons.append(
            _("Speaks: %(languages)s")
            % {"languages": ", ".join(str(item) for item in person.matched_languages)}
        )
    if person.matched_regions:
        reasons.append(
            _("Experience of: %(regions)s")
            % {"regions": ", ".join(str(item) for item in person.matched_regions)}
        )
    if person.context_experience:
        reasons.append(_("Served in %(context)s before") % {"context": request.context})
    if person.availability == RosterMember.Availability.AVAILABLE:
        reasons.append(_("Fully available"))
    else:
        reasons.append(_("Limited availability"))
    return reasons


def _balance(people, attribute: str) -> list[tuple[str, int]]:
    # A field with flat choices (gender), not a relation.
    labels = dict(cast(Field, RosterMember._meta.get_field(attribute)).flatchoices)
    counts = Counter(getattr(person, attribute) for person in people)
    return [(str(labels[key]), counts[key]) for key in labels if counts.get(key)]


def _balance_by_group(people) -> list[tuple[str, int]]:
    labels = dict(GeographicGroup.choices)
    counts = Counter(
        person.nationality.geographic_group if person.nationality else "" for person in people
    )
    rows = [(str(labels[key]), counts[key]) for key in labels if counts.get(key)]
    if counts.get(""):
        rows.append((_("Nationality or group not recorded"), counts[""]))
    return rows
