"""Reads about implementation: the pledge-vs-delivery gap and statuses, computed in the database.

Definitions used everywhere (dashboard, API, reports):

- A commitment's *completion* is 1 once delivered; with a target quantity, delivered/target (at most
  1); otherwise 0. Withdrawn commitments are left out of every figure.
- A commitment's *gap* is ``max(target - delivered, 0)``, in its unit; it has none without a target.
- Figures come from commitments' ``status`` and ``delivered_quantity``, which only *validated*
  progress reports change: what a state has submitted but the Secretariat has not validated does
  not count yet.
- A paragraph's *status* is the Secretariat's latest assessment (``ParagraphStatusUpdate``); with
  none, it is derived from its commitments: none or none started → not started; all delivered →
  implemented; otherwise in progress.
- For a report on a past period, ``as_of`` takes the latest assessment made on or before that date,
  and ``pledged_until`` counts only the commitments pledged by then (their delivery figures are the
  latest validated ones: the portal keeps no dated copy of them).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import (
    Avg,
    Case,
    Count,
    ExpressionWrapper,
    F,
    FloatField,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Cast, Coalesce, Greatest, Least
from django.utils import timezone

from network.models import MemberState
from resolutions.models import (
    COMMITMENT_SEARCH,
    PARAGRAPH_SEARCH,
    PROGRESS_REPORT_SEARCH,
    RESOLUTION_SEARCH,
    Commitment,
    CommitmentStatus,
    ImplementationStatus,
    Paragraph,
    ParagraphStatusUpdate,
    ProgressReport,
    Resolution,
)

OPEN_STATUSES = (CommitmentStatus.PLEDGED, CommitmentStatus.IN_PROGRESS)


def _commitment_expressions(prefix: str = "", *, pledged_until=None) -> dict:
    """Aggregate expressions over commitments reached through ``prefix`` (e.g. "commitments__")."""

    def field(name: str) -> str:
        return f"{prefix}{name}"

    counted = ~Q(**{field("status"): CommitmentStatus.WITHDRAWN})
    if prefix:
        counted &= Q(**{f"{field('id')}__isnull": False})
    # Every count below is restricted to the commitments pledged by ``pledged_until``.
    pledged = Q(**{f"{field('pledged_on')}__lte": pledged_until}) if pledged_until else Q()
    counted &= pledged
    completion = Case(
        When(**{field("status"): CommitmentStatus.DELIVERED}, then=Value(1.0)),
        When(
            **{f"{field('target_quantity')}__gt": 0},
            then=Least(
                Cast(F(field("delivered_quantity")), FloatField())
                / Cast(F(field("target_quantity")), FloatField()),
                Value(1.0),
            ),
        ),
        default=Value(0.0),
        output_field=FloatField(),
    )
    gap = Case(
        When(
            **{f"{field('target_quantity')}__isnull": False},
            then=Greatest(F(field("target_quantity")) - F(field("delivered_quantity")), Value(0)),
        ),
        default=Value(0),
        output_field=IntegerField(),
    )
    today = timezone.localdate()
    return {
        "commitments_count": Count(field("id"), filter=counted, distinct=False),
        "delivered_count": Count(
            field("id"), filter=Q(**{field("status"): CommitmentStatus.DELIVERED}) & pledged
        ),
        "in_progress_count": Count(
            field("id"), filter=Q(**{field("status"): CommitmentStatus.IN_PROGRESS}) & pledged
        ),
        "pledged_only_count": Count(
            field("id"), filter=Q(**{field("status"): CommitmentStatus.PLEDGED}) & pledged
        ),
        "overdue_count": Count(
            field("id"),
            filter=Q(**{f"{field('status')}__in": OPEN_STATUSES, f"{field('due_on')}__lt": today})
            & pledged,
        ),
        "completion": Coalesce(Avg(completion, filter=counted), Value(0.0)),
        "gap_total": Coalesce(Sum(gap, filter=counted), Value(0)),
    }


def _latest_status_subquery(as_of=None, field: str = "status"):
    updates = ParagraphStatusUpdate.objects.filter(paragraph=OuterRef("pk"))
    if as_of is not None:
        updates = updates.filter(as_of__lte=as_of)
    return Subquery(updates.order_by("-as_of", "-id").values(field)[:1])


def paragraphs_with_figures(
    resolution=None, *, as_of=None, pledged_until=None
) -> QuerySet[Paragraph]:
    """Paragraphs annotated with commitment figures, ``assessed_status`` and ``status``.

    ``as_of`` and ``pledged_until`` look back at a past date (see the module docstring).
    """
    queryset = Paragraph.objects.select_related("resolution")
    if resolution is not None:
        queryset = queryset.filter(resolution=resolution)
    return (
        queryset.annotate(**_commitment_expressions("commitments__", pledged_until=pledged_until))
        .annotate(assessed_status=_latest_status_subquery(as_of))
        .annotate(
            status=Coalesce(
                F("assessed_status"),
                Case(
                    When(
                        Q(commitments_count__gt=0) & Q(delivered_count=F("commitments_count")),
                        then=Value(ImplementationStatus.IMPLEMENTED.value),
                    ),
                    When(
                        Q(delivered_count__gt=0) | Q(in_progress_count__gt=0),
                        then=Value(ImplementationStatus.IN_PROGRESS.value),
                    ),
                    default=Value(ImplementationStatus.NOT_STARTED.value),
                ),
            )
        )
    )


def states_with_figures(
    queryset: QuerySet[MemberState] | None = None, *, pledged_until=None
) -> QuerySet[MemberState]:
    """States annotated with the figures of their own commitments (see the module docstring)."""
    queryset = queryset if queryset is not None else MemberState.objects.all()
    return queryset.annotate(
        **_commitment_expressions("commitment_set__", pledged_until=pledged_until)
    )


def commitments_with_gap(queryset: QuerySet[Commitment] | None = None) -> QuerySet[Commitment]:
    queryset = queryset if queryset is not None else Commitment.objects.all()
    return queryset.select_related("paragraph__resolution", "state", "organisation").annotate(
        gap_quantity=Case(
            When(
                target_quantity__isnull=False,
                then=Greatest(F("target_quantity") - F("delivered_quantity"), Value(0)),
            ),
            default=None,
            output_field=IntegerField(),
        ),
        completion_ratio=ExpressionWrapper(
            Case(
                When(status=CommitmentStatus.DELIVERED, then=Value(1.0)),
                When(
                    target_quantity__gt=0,
                    then=Least(
                        Cast(F("delivered_quantity"), FloatField())
                        / Cast(F("target_quantity"), FloatField()),
                        Value(1.0),
                    ),
                ),
                default=Value(0.0),
            ),
            output_field=FloatField(),
        ),
    )


@dataclass(frozen=True)
class UnitTotals:
    unit: str
    pledged: int
    delivered: int
    gap: int

    @property
    def label(self) -> str:
        return str(Commitment.Unit(self.unit).label)


def _summed_by_unit(queryset: QuerySet[Commitment] | None, *group: str):
    queryset = queryset if queryset is not None else Commitment.objects.all()
    return (
        queryset.exclude(status=CommitmentStatus.WITHDRAWN)
        .filter(target_quantity__isnull=False)
        .values(*group, "unit")
        .annotate(
            pledged=Sum("target_quantity"),
            delivered=Sum(Least(F("delivered_quantity"), F("target_quantity"))),
            gap=Sum(Greatest(F("target_quantity") - F("delivered_quantity"), Value(0))),
        )
        .order_by(*group, "unit")
    )


def _totals(row: dict) -> UnitTotals:
    return UnitTotals(
        unit=row["unit"], pledged=row["pledged"], delivered=row["delivered"], gap=row["gap"]
    )


def gap_by_unit(queryset: QuerySet[Commitment] | None = None) -> list[UnitTotals]:
    """Pledged, delivered and gap summed per unit: sums only make sense within one unit."""
    return [_totals(row) for row in _summed_by_unit(queryset)]


def gap_by_unit_per(
    field: str, queryset: QuerySet[Commitment] | None = None
) -> dict[object, list[UnitTotals]]:
    """``gap_by_unit`` for each value of ``field`` (e.g. "paragraph": its id), in one query."""
    totals: dict[object, list[UnitTotals]] = defaultdict(list)
    for row in _summed_by_unit(queryset, field):
        totals[row[field]].append(_totals(row))
    return totals


def commitment_totals(queryset: QuerySet[Commitment] | None = None) -> dict:
    """Headline counts: commitments pledged, delivered, in progress, overdue; mean completion."""
    queryset = queryset if queryset is not None else Commitment.objects.all()
    return queryset.aggregate(**_commitment_expressions())


def paragraph_status_counts(resolution=None, *, as_of=None, pledged_until=None) -> dict[str, int]:
    counts = {status.value: 0 for status in ImplementationStatus}
    for paragraph in paragraphs_with_figures(resolution, as_of=as_of, pledged_until=pledged_until):
        counts[paragraph.status] += 1
    return counts


def state_status(*, commitments_count: int, delivered_count: int, in_progress_count: int) -> str:
    """A state's implementation status from its figures (as annotated by states_with_figures)."""
    if commitments_count == 0:
        return "no_commitment"
    if delivered_count == commitments_count:
        return ImplementationStatus.IMPLEMENTED.value
    if delivered_count or in_progress_count:
        return ImplementationStatus.IN_PROGRESS.value
    return ImplementationStatus.NOT_STARTED.value


# --- Search ----------------------------------------------------------------------------------
# The records that match a query (oic_mediation.text_search); the portal's search
# (oic_mediation.search) ranks and combines them. Each takes the records it may search, so that the
# public search, My state and the Secretariat apply their own rules of who sees what.


def search_resolutions(query, resolutions: QuerySet | None = None) -> QuerySet:
    resolutions = resolutions if resolutions is not None else Resolution.objects.all()
    return RESOLUTION_SEARCH.matching(resolutions, query)


def search_paragraphs(query, paragraphs: QuerySet[Paragraph] | None = None) -> QuerySet:
    paragraphs = paragraphs if paragraphs is not None else Paragraph.objects.all()
    return PARAGRAPH_SEARCH.matching(paragraphs, query)


def search_commitments(query, commitments: QuerySet[Commitment] | None = None) -> QuerySet:
    commitments = commitments if commitments is not None else Commitment.objects.all()
    return COMMITMENT_SEARCH.matching(commitments, query)


def search_progress_reports(query, reports: QuerySet[ProgressReport]) -> QuerySet:
    """Narratives and review comments, word for word (they are written in any language)."""
    return PROGRESS_REPORT_SEARCH.matching(reports, query)
