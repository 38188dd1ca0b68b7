"""Reads about implementation: the pledge-vs-delivery gap and statuses, computed in the database.

Each public figure is defined once here (see the ``@defines`` texts, shown on the public figures
page) and called by the dashboard, the API, the exports and the implementation report.

Every figure can be given *as of* a date D: the commitments pledged by D, each with the status
and quantity of its latest validated progress report whose delivery date is on or before D, and
each paragraph with the Secretariat's latest assessment made by D. Without a date, the figures are
today's, read from the columns that validation keeps up to date (``Commitment.status`` and
``delivered_quantity``: the latest validated report by delivery date); a test checks that both
ways give the same numbers for today.
"""

from __future__ import annotations

import calendar
import datetime
from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypedDict

from django.conf import settings
from django.db import connections
from django.db.models import (
    Avg,
    BooleanField,
    Case,
    Count,
    ExpressionWrapper,
    F,
    FloatField,
    IntegerField,
    Max,
    Min,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
    Window,
)
from django.db.models.functions import Cast, Coalesce, Greatest, Least, RowNumber, TruncDate
from django.utils import timezone
from django.utils.translation import gettext_noop

from core.definitions import defines
from network.models import MemberState
from resolutions.models import (
    COMMITMENT_SEARCH,
    PARAGRAPH_SEARCH,
    PROGRESS_REPORT_SEARCH,
    RESOLUTION_SEARCH,
    Commitment,
    CommitmentStatus,
    EvidenceGrade,
    ImplementationStatus,
    Paragraph,
    ParagraphStatusUpdate,
    ProgressReport,
    ReportingSchedule,
    Resolution,
)

if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations

OPEN_STATUSES = (CommitmentStatus.PLEDGED, CommitmentStatus.IN_PROGRESS)

# The names of the annotations that hold a commitment's status and delivered quantity as of a date.
STATUS_THEN = "status_then"
DELIVERED_THEN = "delivered_then"


# --- A commitment as of a date ---------------------------------------------------------------


@defines(
    "validated_delivery",
    term=gettext_noop("Delivered (as of a date)"),
    text=gettext_noop(
        "What a commitment has delivered by a date is what its latest progress report validated "
        "by the Secretariat says was delivered on or before that date. Reports that are "
        "submitted but not validated, or returned, never count. A report gives the date the "
        "delivery was made, apart from the dates it was reported and validated."
    ),
)
def validated_reports(as_of: datetime.date | None = None) -> QuerySet[ProgressReport]:
    """Validated reports delivered on or before ``as_of`` (any date when None), the latest
    delivery first: a commitment's first one is what it has delivered by then."""
    reports = ProgressReport.objects.filter(
        review_status=ProgressReport.Review.VALIDATED, nothing_new=False
    )
    if as_of is not None:
        reports = reports.filter(delivered_on__lte=as_of)
    return reports.order_by("-delivered_on", "-reported_at", "-id")


def commitments_as_of(
    as_of: datetime.date | None = None, queryset: QuerySet[Commitment] | None = None
) -> QuerySet[Commitment]:
    """Commitments with ``status_then`` and ``delivered_then``: their status and delivered quantity
    on ``as_of`` — pledged by then, from their latest validated report delivered by then. Without
    a date, today's stored figures."""
    queryset = queryset if queryset is not None else Commitment.objects.all()
    if as_of is None:
        return queryset.annotate(
            **{STATUS_THEN: F("status"), DELIVERED_THEN: F("delivered_quantity")}
        )
    latest = validated_reports(as_of).filter(commitment=OuterRef("pk"))
    return queryset.filter(pledged_on__lte=as_of).annotate(
        **{
            STATUS_THEN: Coalesce(
                Subquery(latest.values("status")[:1]), Value(CommitmentStatus.PLEDGED.value)
            ),
            DELIVERED_THEN: Coalesce(Subquery(latest.values("quantity_delivered")[:1]), Value(0)),
        }
    )


# --- The grade of a delivery's evidence ----------------------------------------------------

GRADES = tuple(EvidenceGrade.values)


@defines(
    "evidence_grade",
    term=gettext_noop("Grade of the evidence"),
    text=gettext_noop(
        "Every delivery carries the grade of its evidence. Declared: reported by the state, not "
        "yet validated, and never in a public total. Verified: validated by the Secretariat with "
        "its evidence. Independently confirmed: validated, and confirmed by a source document or "
        "a reviewer outside the reporting state, as recorded by the Secretariat. A figure "
        "recorded by the Secretariat itself counts as verified."
    ),
)
def report_grade(as_of: datetime.date | None = None):
    """The grade of a progress report (an expression over its rows), as of a date."""
    confirmed = Q(confirmed_at__isnull=False)
    if as_of is not None:
        confirmed &= Q(confirmed_at__lt=_end_of(as_of))
    validated = Q(review_status=ProgressReport.Review.VALIDATED)
    return Case(
        When(validated & confirmed, then=Value("confirmed")),
        When(validated, then=Value("verified")),
        default=Value("declared"),
    )


def _end_of(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(
        datetime.datetime.combine(day + datetime.timedelta(days=1), datetime.time())
    )


def _delivery_grade(as_of: datetime.date | None):
    """The grade of the report a commitment's delivered figure comes from."""
    latest = validated_reports(as_of).filter(commitment=OuterRef("pk"))
    return Coalesce(
        Subquery(latest.annotate(grade=report_grade(as_of)).values("grade")[:1]),
        Value("verified"),
    )


def _declared_quantity():
    """What the latest report awaiting validation declares delivered (None without one)."""
    pending = ProgressReport.objects.filter(
        commitment=OuterRef("pk"),
        review_status=ProgressReport.Review.SUBMITTED,
        nothing_new=False,
    ).order_by("-reported_at", "-id")
    return Subquery(pending.values("quantity_delivered")[:1])


# --- The figures of a set of commitments -------------------------------------------------------


@defines(
    "commitment_counted",
    term=gettext_noop("Commitments counted"),
    text=gettext_noop(
        "Every commitment pledged by a member state or an organisation counts, except those "
        "withdrawn: a withdrawn commitment is listed, but in no total, completion or gap."
    ),
)
def _counted(status: str) -> Q:
    return ~Q(**{status: CommitmentStatus.WITHDRAWN})


@defines(
    "completion",
    term=gettext_noop("Completion"),
    text=gettext_noop(
        "A commitment is complete (100 %) once delivered. With a target quantity, its completion "
        "is the quantity delivered divided by the target, at most 100 %: delivering more than "
        "the target is shown as exceeding it and counts as 100 %. Without a target and not yet "
        "delivered, it is 0 %. A paragraph's or a state's completion is the mean of its "
        "commitments'."
    ),
)
def _completion(status: str, delivered: str, target: str):
    return Case(
        When(**{status: CommitmentStatus.DELIVERED}, then=Value(1.0)),
        When(
            **{f"{target}__gt": 0},
            then=Least(
                Cast(F(delivered), FloatField()) / Cast(F(target), FloatField()), Value(1.0)
            ),
        ),
        default=Value(0.0),
        output_field=FloatField(),
    )


@defines(
    "gap",
    term=gettext_noop("Gap"),
    text=gettext_noop(
        "The gap of a commitment with a target quantity is the target minus what was delivered, "
        "never below zero, in the commitment's unit. Gaps are added up only within one unit "
        "(diplomats trained, US dollars…); a commitment without a target has no gap."
    ),
)
def _gap(delivered: str, target: str):
    return Greatest(F(target) - F(delivered), Value(0))


def _figure_expressions(status: str, delivered: str, target: str, ident: str, due: str) -> dict:
    """The aggregate figures over commitments whose fields are named by the arguments."""
    counted = _counted(status) & Q(**{f"{ident}__isnull": False})
    today = timezone.localdate()
    return {
        "commitments_count": Count(ident, filter=counted),
        "delivered_count": Count(ident, filter=Q(**{status: CommitmentStatus.DELIVERED})),
        "in_progress_count": Count(ident, filter=Q(**{status: CommitmentStatus.IN_PROGRESS})),
        "pledged_only_count": Count(ident, filter=Q(**{status: CommitmentStatus.PLEDGED})),
        "overdue_count": Count(
            ident, filter=Q(**{f"{status}__in": OPEN_STATUSES, f"{due}__lt": today})
        ),
        "completion": Coalesce(
            Avg(_completion(status, delivered, target), filter=counted), Value(0.0)
        ),
        "gap_total": Coalesce(
            Sum(
                Case(
                    When(**{f"{target}__isnull": False}, then=_gap(delivered, target)),
                    default=Value(0),
                    output_field=IntegerField(),
                ),
                filter=counted,
            ),
            Value(0),
        ),
    }


FIGURE_DEFAULTS = {
    "commitments_count": 0,
    "delivered_count": 0,
    "in_progress_count": 0,
    "pledged_only_count": 0,
    "overdue_count": 0,
    "completion": 0.0,
    "gap_total": 0,
}


def _joined_figures(prefix: str) -> dict:
    """Figures over the commitments reached through ``prefix`` (e.g. "commitments__"), today."""
    return _figure_expressions(
        f"{prefix}status",
        f"{prefix}delivered_quantity",
        f"{prefix}target_quantity",
        f"{prefix}id",
        f"{prefix}due_on",
    )


def _own_figures() -> dict:
    """Figures over a queryset of commitments from ``commitments_as_of``."""
    return _figure_expressions(STATUS_THEN, DELIVERED_THEN, "target_quantity", "id", "due_on")


def _figures_by(group: str, as_of: datetime.date) -> dict:
    """The figures of the commitments whose ``group`` is the outer row, as of a date: one scalar
    subquery per figure (used for past dates only; today's figures join)."""
    grouped = commitments_as_of(as_of).filter(**{group: OuterRef("pk")}).order_by().values(group)
    return {
        name: Coalesce(
            Subquery(grouped.annotate(value=expression).values("value")[:1]),
            Value(FIGURE_DEFAULTS[name]),
        )
        for name, expression in _own_figures().items()
    }


def commitment_totals(
    queryset: QuerySet[Commitment] | None = None, *, as_of: datetime.date | None = None
) -> dict:
    """Headline counts: commitments pledged, delivered, in progress, overdue; mean completion;
    total gap (over every unit: see ``gap_by_unit`` for figures that can be added up)."""
    return commitments_as_of(as_of, queryset).aggregate(**_own_figures())


# --- Paragraphs and states -------------------------------------------------------------------


def _latest_assessment(as_of=None, field: str = "status"):
    updates = ParagraphStatusUpdate.objects.filter(paragraph=OuterRef("pk"))
    if as_of is not None:
        updates = updates.filter(as_of__lte=as_of)
    return Subquery(updates.order_by("-as_of", "-id").values(field)[:1])


@defines(
    "paragraph_status",
    term=gettext_noop("Status of a paragraph or measure"),
    text=gettext_noop(
        "The status of an operative paragraph or other measure is the Secretariat's latest "
        "assessment of it. Without an assessment, it follows from its commitments: implemented "
        "when every one counted is delivered, in progress when some delivery is under way, not "
        "started otherwise."
    ),
)
class ParagraphStatus(TypedDict):
    assessed_status: str | None
    status: str


def paragraphs_with_figures(
    resolution=None, *, as_of: datetime.date | None = None
) -> QuerySet[WithAnnotations[Paragraph, ParagraphStatus]]:
    """Paragraphs annotated with their commitments' figures, ``assessed_status`` and ``status``."""
    queryset = Paragraph.objects.select_related("resolution")
    if resolution is not None:
        queryset = queryset.filter(resolution=resolution)
    figures = _joined_figures("commitments__") if as_of is None else _figures_by("paragraph", as_of)
    return (
        queryset.annotate(**figures)
        .annotate(assessed_status=_latest_assessment(as_of))
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


def paragraph_status_counts(resolution=None, *, as_of: datetime.date | None = None) -> dict:
    counts = {status.value: 0 for status in ImplementationStatus}
    for paragraph in paragraphs_with_figures(resolution, as_of=as_of):
        counts[paragraph.status] += 1
    return counts


def states_with_figures(
    queryset: QuerySet[MemberState] | None = None, *, as_of: datetime.date | None = None
) -> QuerySet[MemberState]:
    """States annotated with the figures of their own commitments."""
    queryset = queryset if queryset is not None else MemberState.objects.all()
    figures = _joined_figures("commitment_set__") if as_of is None else _figures_by("state", as_of)
    return queryset.annotate(**figures)


@defines(
    "state_status",
    term=gettext_noop("Where a member state stands"),
    text=gettext_noop(
        "A member state has delivered all its commitments when every one counted is delivered; it "
        "is delivering when at least one is delivered or in progress; it has committed without "
        "starting when none is; a state without a commitment counts as engaged when it sits in "
        "a contact group, nominated someone in the network or had diplomats trained."
    ),
)
def state_status(*, commitments_count: int, delivered_count: int, in_progress_count: int) -> str:
    """A state's implementation status from its figures (as annotated by states_with_figures)."""
    if commitments_count == 0:
        return "no_commitment"
    if delivered_count == commitments_count:
        return ImplementationStatus.IMPLEMENTED.value
    if delivered_count or in_progress_count:
        return ImplementationStatus.IN_PROGRESS.value
    return ImplementationStatus.NOT_STARTED.value


# --- Commitments one by one ------------------------------------------------------------------


@defines(
    "exceeds_target",
    term=gettext_noop("Exceeds the target"),
    text=gettext_noop(
        "A commitment exceeds its target when the quantity delivered is above the target "
        "quantity pledged. It is shown so, and counts as complete."
    ),
)
def commitments_with_gap(
    queryset: QuerySet[Commitment] | None = None, *, as_of: datetime.date | None = None
) -> QuerySet[Commitment]:
    """Commitments with ``gap_quantity`` (None without a target), ``completion_ratio`` and
    ``exceeds_target``, as of a date (see ``commitments_as_of``)."""
    target = "target_quantity"
    return (
        commitments_as_of(as_of, queryset)
        .select_related("paragraph__resolution", "state", "organisation")
        .annotate(
            gap_quantity=Case(
                When(target_quantity__isnull=False, then=_gap(DELIVERED_THEN, target)),
                default=None,
                output_field=IntegerField(),
            ),
            completion_ratio=ExpressionWrapper(
                _completion(STATUS_THEN, DELIVERED_THEN, target), output_field=FloatField()
            ),
            exceeds_target=ExpressionWrapper(
                Q(target_quantity__isnull=False) & Q(**{f"{DELIVERED_THEN}__gt": F(target)}),
                output_field=BooleanField(),
            ),
            evidence_grade=_delivery_grade(as_of),
            declared_quantity=_declared_quantity(),
        )
    )


def leading_commitments(order: tuple[str, ...], count: int) -> QuerySet[Commitment]:
    """The first ``count`` commitments of each paragraph in ``order`` (ranked in the database),
    by paragraph, with their gap figures."""
    return (
        commitments_with_gap()
        .annotate(
            rank=Window(
                RowNumber(),
                partition_by=[F("paragraph_id")],
                order_by=[F(name).asc() for name in order],
            )
        )
        .filter(rank__lte=count)
        .order_by("paragraph", "rank")
    )


# --- Sums by unit ----------------------------------------------------------------------------


@dataclass(frozen=True)
class UnitTotals:
    unit: str
    pledged: int
    delivered: int
    gap: int

    @property
    def label(self) -> str:
        return str(Commitment.Unit(self.unit).label)


@defines(
    "unit_totals",
    term=gettext_noop("Pledged and delivered, by unit"),
    text=gettext_noop(
        "For each unit, pledged is the sum of the target quantities of the commitments counted "
        "that have one; delivered is the sum of what they delivered, each counted up to its "
        "target; the gap is pledged minus delivered."
    ),
)
def _summed_by_unit(
    queryset: QuerySet[Commitment] | None, *group: str, as_of: datetime.date | None = None
):
    return (
        commitments_as_of(as_of, queryset)
        .filter(_counted(STATUS_THEN), target_quantity__isnull=False)
        .order_by()
        .values(*group, "unit")
        .annotate(
            pledged=Sum("target_quantity"),
            delivered=Sum(Least(F(DELIVERED_THEN), F("target_quantity"))),
            gap=Sum(_gap(DELIVERED_THEN, "target_quantity")),
        )
        .order_by(*group, "unit")
    )


def _totals(row: dict) -> UnitTotals:
    return UnitTotals(
        unit=row["unit"], pledged=row["pledged"], delivered=row["delivered"], gap=row["gap"]
    )


def gap_by_unit(
    queryset: QuerySet[Commitment] | None = None, *, as_of: datetime.date | None = None
) -> list[UnitTotals]:
    """Pledged, delivered and gap summed per unit: sums only make sense within one unit."""
    return [_totals(row) for row in _summed_by_unit(queryset, as_of=as_of)]


def gap_by_unit_per(
    field: str,
    queryset: QuerySet[Commitment] | None = None,
    *,
    as_of: datetime.date | None = None,
) -> dict[object, list[UnitTotals]]:
    """``gap_by_unit`` for each value of ``field`` (e.g. "paragraph": its id), in one query."""
    totals: dict[object, list[UnitTotals]] = defaultdict(list)
    for row in _summed_by_unit(queryset, field, as_of=as_of):
        totals[row[field]].append(_totals(row))
    return totals


@dataclass(frozen=True)
class GradeShares:
    """What was delivered in one unit, by the grade of its evidence; ``declared`` is what
    awaits validation and is in no total."""

    unit: str
    verified: int
    confirmed: int
    declared: int

    @property
    def delivered(self) -> int:
        return self.verified + self.confirmed

    def share(self, grade: str) -> float:
        return getattr(self, grade) / self.delivered if self.delivered else 0.0

    @property
    def label(self) -> str:
        return str(Commitment.Unit(self.unit).label)


def grade_shares(
    queryset: QuerySet[Commitment] | None = None, *, as_of: datetime.date | None = None
) -> list[GradeShares]:
    """Each unit's delivered total (as ``gap_by_unit``: counted commitments with a target, each
    up to its target) split by the grade of its evidence, and what is declared beyond it."""
    rows = (
        commitments_with_gap(queryset, as_of=as_of)
        .filter(_counted(STATUS_THEN), target_quantity__isnull=False)
        .order_by()
        .values("unit", "evidence_grade")
        .annotate(
            delivered=Sum(Least(F(DELIVERED_THEN), F("target_quantity"))),
            declared=Sum(
                Greatest(
                    Least(Coalesce("declared_quantity", 0), F("target_quantity"))
                    - Least(F(DELIVERED_THEN), F("target_quantity")),
                    Value(0),
                )
            ),
        )
    )
    totals: dict[str, dict[str, int]] = defaultdict(lambda: dict.fromkeys(GRADES, 0))
    for row in rows:
        totals[row["unit"]][row["evidence_grade"]] += row["delivered"] or 0
        if as_of is None:
            totals[row["unit"]]["declared"] += row["declared"] or 0
    return [
        GradeShares(unit, grades["verified"], grades["confirmed"], grades["declared"])
        for unit, grades in sorted(totals.items())
    ]


def organisations_committed(as_of: datetime.date | None = None) -> int:
    """Organisations with at least one commitment counted."""
    return (
        commitments_as_of(as_of)
        .filter(_counted(STATUS_THEN), organisation__isnull=False)
        .values("organisation")
        .distinct()
        .count()
    )


# --- Over time -------------------------------------------------------------------------------


@dataclass(frozen=True)
class TimelinePoint:
    day: datetime.date
    pledged: int
    delivered: int


@dataclass(frozen=True)
class UnitTimeline:
    unit: str
    points: list[TimelinePoint]

    @property
    def label(self) -> str:
        return str(Commitment.Unit(self.unit).label)


def timeline_days(queryset: QuerySet[Commitment]) -> list[datetime.date]:
    """The end of every year from the first pledge of ``queryset`` to last year, then today."""
    first = queryset.aggregate(first=Min("pledged_on"))["first"]
    today = timezone.localdate()
    if first is None:
        return []
    days = [datetime.date(year, 12, 31) for year in range(first.year, today.year)]
    return [*days, today]


def delivery_timeline(queryset: QuerySet[Commitment]) -> list[UnitTimeline]:
    """Pledged against delivered over time, per unit: ``gap_by_unit`` as of the end of each year
    and today (one query per year shown), the unit with the most pledged first."""
    days = timeline_days(queryset)
    snapshots = [
        {
            totals.unit: totals
            for totals in gap_by_unit(queryset, as_of=None if day == days[-1] else day)
        }
        for day in days
    ]
    units = {unit for snapshot in snapshots for unit in snapshot}
    timelines = [
        UnitTimeline(
            unit,
            [
                TimelinePoint(
                    day,
                    snapshot[unit].pledged if unit in snapshot else 0,
                    snapshot[unit].delivered if unit in snapshot else 0,
                )
                for day, snapshot in zip(days, snapshots, strict=True)
            ],
        )
        for unit in units
    ]
    return sorted(timelines, key=lambda timeline: (-timeline.points[-1].pledged, timeline.unit))


def latest_delivery_day(queryset: QuerySet[Commitment]) -> datetime.date | None:
    return (
        validated_reports()
        .filter(commitment__in=queryset)
        .order_by()
        .aggregate(day=Max("delivered_on"))["day"]
    )


# --- Reporting compliance ------------------------------------------------------------------

LIGHTS = ("green", "amber", "red")


def add_months(day: datetime.date, months: int) -> datetime.date:
    """``day`` moved on by ``months`` months (on the month's last day when it is shorter)."""
    year, month = divmod(day.year * 12 + day.month - 1 + months, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return datetime.date(year, month + 1, min(day.day, last))


@dataclass(frozen=True)
class CommitmentReporting:
    """Where one commitment stands in reporting on a date."""

    commitment: Commitment
    last_report_on: datetime.date | None
    next_due_on: datetime.date
    days_overdue: int
    light: str

    @property
    def is_overdue(self) -> bool:
        return self.days_overdue > 0


@defines(
    "reporting_due",
    term=gettext_noop("Report due"),
    text=gettext_noop(
        "A member state reports on each of its commitments pledged and not yet delivered or "
        "withdrawn. The next report is due one reporting period (set by the Secretariat, a year "
        "by default) after the date of its last report validated by the Secretariat, or after "
        "the pledge before any report. A report of nothing new counts as reporting once "
        "validated. A report is overdue the day after it was due."
    ),
)
def _next_due(last_report_on: datetime.date | None, pledged_on, months: int) -> datetime.date:
    return add_months(last_report_on or pledged_on, months)


@defines(
    "reporting_light",
    term=gettext_noop("Reporting traffic light"),
    text=gettext_noop(
        "A commitment is green while its next report is not due, amber once it is overdue, and "
        "red once it is more than two years overdue (the thresholds of the UN registries of "
        "voluntary commitments). A member state shows the light of its least up-to-date "
        "commitment; a state with nothing to report shows none."
    ),
)
def reporting_light(days_overdue: int) -> str:
    if days_overdue > settings.REPORTING_RED_AFTER_DAYS:
        return "red"
    if days_overdue > settings.REPORTING_AMBER_AFTER_DAYS:
        return "amber"
    return "green"


def _latest_report_in_time(as_of: datetime.date | None):
    """The time of a commitment's latest report validated by ``as_of`` (nothing new included)."""
    reports = ProgressReport.objects.filter(
        commitment=OuterRef("pk"), review_status=ProgressReport.Review.VALIDATED
    )
    if as_of is not None:
        end = timezone.make_aware(
            datetime.datetime.combine(as_of + datetime.timedelta(days=1), datetime.time())
        )
        reports = reports.filter(reported_at__lt=end, reviewed_at__lt=end)
    return Subquery(reports.order_by("-reported_at", "-id").values("reported_at")[:1])


class LastReported(TypedDict):
    last_reported_at: datetime.datetime | None


def _reporting_commitments(
    as_of: datetime.date | None, queryset: QuerySet[Commitment] | None = None
) -> QuerySet[WithAnnotations[Commitment, LastReported]]:
    """The state commitments that report on ``as_of``, with ``last_reported_at``."""
    return (
        commitments_as_of(as_of, queryset)
        .filter(state__isnull=False, **{f"{STATUS_THEN}__in": OPEN_STATUSES})
        .annotate(last_reported_at=_latest_report_in_time(as_of))
    )


def _reporting_since(day: datetime.date, months: int) -> datetime.date:
    """The earliest last report (or pledge, before any report) from which a commitment's next
    report (``_next_due``) is not yet overdue on ``day``: it is overdue then exactly when its
    last report (or pledge) is before this date. The due date grows with the date it counts
    from, so one date splits them; a database counts against it (``reporting_rate``)."""
    since = add_months(day, -months)
    one_day = datetime.timedelta(days=1)
    while _next_due(since, since, months) < day:
        since += one_day
    while _next_due(since - one_day, since - one_day, months) >= day:
        since -= one_day
    return since


def commitments_reporting(
    queryset: QuerySet[Commitment] | None = None,
    *,
    as_of: datetime.date | None = None,
    schedule: ReportingSchedule | None = None,
) -> list[CommitmentReporting]:
    """The state commitments that report on ``as_of`` (today when None), each with its last
    validated report, next report due, days overdue and light; the most overdue first."""
    day = as_of or timezone.localdate()
    months = (schedule or ReportingSchedule.current()).period_months
    commitments = (
        _reporting_commitments(as_of, queryset)
        .select_related("state", "paragraph__resolution")
        .order_by("id")
    )
    found = []
    for commitment in commitments:
        last = (
            timezone.localdate(commitment.last_reported_at)
            if commitment.last_reported_at is not None
            else None
        )
        due = _next_due(last, commitment.pledged_on, months)
        overdue = max((day - due).days, 0)
        found.append(CommitmentReporting(commitment, last, due, overdue, reporting_light(overdue)))
    return sorted(
        found, key=lambda item: (-item.days_overdue, item.next_due_on, item.commitment.pk)
    )


@dataclass
class StateReporting:
    state: MemberState
    commitments: list[CommitmentReporting]

    @property
    def light(self) -> str | None:
        """The light of its least up-to-date commitment; None with nothing to report."""
        if not self.commitments:
            return None
        return max((item.light for item in self.commitments), key=LIGHTS.index)

    @property
    def last_report_on(self) -> datetime.date | None:
        days = [item.last_report_on for item in self.commitments if item.last_report_on]
        return max(days, default=None)

    @property
    def next_due_on(self) -> datetime.date | None:
        return min((item.next_due_on for item in self.commitments), default=None)

    @property
    def overdue_count(self) -> int:
        return sum(1 for item in self.commitments if item.is_overdue)


def states_reporting(
    states: QuerySet[MemberState] | None = None,
    *,
    as_of: datetime.date | None = None,
    schedule: ReportingSchedule | None = None,
) -> list[StateReporting]:
    """Each state (every member state when None) with its commitments' reporting, in name
    order."""
    in_order = list((states if states is not None else MemberState.objects.all()).order_by("name"))
    by_state = defaultdict(list)
    commitments = Commitment.objects.filter(state__in=[state.pk for state in in_order])
    for item in commitments_reporting(commitments, as_of=as_of, schedule=schedule):
        by_state[item.commitment.state_id].append(item)
    return [StateReporting(state, by_state.get(state.pk, [])) for state in in_order]


@dataclass(frozen=True)
class StateReportingSummary:
    """What ``StateReporting`` tells of a state, counted in the database (the Who reports page:
    loading every open commitment of every state grew with the data, 1.2 s at the bench's scale
    10). ``commitment_lights`` counts its commitments of each light."""

    state: MemberState
    commitment_count: int
    overdue_count: int
    commitment_lights: dict[str, int]
    last_report_on: datetime.date | None
    next_due_on: datetime.date | None

    @property
    def light(self) -> str | None:
        """As ``StateReporting.light``: its least up-to-date commitment's; None with none."""
        present = [light for light in LIGHTS if self.commitment_lights[light]]
        return present[-1] if present else None


def _as_date(value) -> datetime.date | None:
    """A date read by a raw cursor: a ``date`` from PostgreSQL, ISO text from SQLite."""
    if value is None or isinstance(value, datetime.date):
        return value
    return datetime.date.fromisoformat(str(value)[:10])


def _grouped_by_state(commitments: QuerySet, thresholds: dict[str, datetime.date]) -> list[dict]:
    """For each state, from ``commitments`` (rows of state_id, pledged_on and last_report_on):
    ``count``, how many count from before each of ``thresholds`` (their last report, or pledge
    before any report: ``since``), under the threshold's name, ``first_since`` and the latest
    ``last_report_on``.

    Counted over the rows computed once: the ORM repeats the latest report's subquery in every
    aggregate, and PostgreSQL ran it six times per commitment (the Who reports page's 149 ms at
    the bench's scale 10; 23–25 ms so)."""
    inner, params = commitments.query.sql_with_params()
    names = list(thresholds)
    counted = "".join(", COUNT(*) FILTER (WHERE since < %s)" for _name in names)
    sql = (
        f"WITH commitments AS MATERIALIZED ({inner}) "
        f"SELECT state_id, COUNT(*){counted}, MIN(since), MAX(last_report_on) FROM ("
        "SELECT state_id, last_report_on, COALESCE(last_report_on, pledged_on) AS since "
        "FROM commitments) AS reporting GROUP BY state_id"
    )
    with connections[commitments.db].cursor() as cursor:
        cursor.execute(sql, [*params, *thresholds.values()])
        found = cursor.fetchall()
    return [
        {
            "state_id": row[0],
            "count": row[1],
            **dict(zip(names, row[2 : 2 + len(names)], strict=True)),
            "first_since": _as_date(row[-2]),
            "last_report_on": _as_date(row[-1]),
        }
        for row in found
    ]


def state_reporting_summaries(
    *, as_of: datetime.date | None = None, schedule: ReportingSchedule | None = None
) -> list[StateReportingSummary]:
    """Every member state's reporting, in name order: as ``states_reporting``, in one query."""
    day = as_of or timezone.localdate()
    months = (schedule or ReportingSchedule.current()).period_months
    amber = settings.REPORTING_AMBER_AFTER_DAYS
    red = settings.REPORTING_RED_AFTER_DAYS
    rows = {
        row["state_id"]: row
        for row in _grouped_by_state(
            _reporting_commitments(as_of)
            .annotate(last_report_on=TruncDate("last_reported_at"))
            .order_by()
            .values("state_id", "pledged_on", "last_report_on"),
            {
                # Overdue, then by more than the amber and the red lights' thresholds.
                "overdue": _reporting_since(day, months),
                "amber_or_red": _reporting_since(day - datetime.timedelta(days=amber), months),
                "red": _reporting_since(day - datetime.timedelta(days=red), months),
            },
        )
    }
    summaries = []
    for state in MemberState.objects.order_by("name"):
        row = rows.get(state.pk)
        if row is None:
            summaries.append(
                StateReportingSummary(state, 0, 0, dict.fromkeys(LIGHTS, 0), None, None)
            )
            continue
        lights = {
            "green": row["count"] - row["amber_or_red"],
            "amber": row["amber_or_red"] - row["red"],
            "red": row["red"],
        }
        summaries.append(
            StateReportingSummary(
                state,
                row["count"],
                row["overdue"],
                lights,
                row["last_report_on"],
                _next_due(row["first_since"], row["first_since"], months),
            )
        )
    return summaries


def light_counts(items) -> dict[str, int]:
    """How many of ``items`` (with a ``light``) show each light."""
    counts = dict.fromkeys(LIGHTS, 0)
    for item in items:
        if item.light is not None:
            counts[item.light] += 1
    return counts


@dataclass(frozen=True)
class ReportingRate:
    day: datetime.date
    on_time: int
    expected: int

    @property
    def ratio(self) -> float:
        return self.on_time / self.expected if self.expected else 0.0

    @property
    def percent(self) -> int:
        return round(100 * self.ratio)


@defines(
    "reporting_rate",
    term=gettext_noop("Reporting rate"),
    text=gettext_noop(
        "The reporting rate on a date is the share of the commitments that report on that date "
        "whose next report was not overdue then, counting only the reports pledged, reported "
        "and validated by that date."
    ),
)
def reporting_rate(
    as_of: datetime.date | None = None, *, schedule: ReportingSchedule | None = None
) -> ReportingRate:
    # Counted in the database: the timeline asks for it at the end of every year, and loading
    # every commitment for each date grew with the data (655 ms at the bench's scale 10).
    day = as_of or timezone.localdate()
    months = (schedule or ReportingSchedule.current()).period_months
    counts = (
        _reporting_commitments(as_of)
        .annotate(since=Coalesce(TruncDate("last_reported_at"), F("pledged_on")))
        .order_by()
        .aggregate(
            expected=Count("pk"),
            on_time=Count("pk", filter=Q(since__gte=_reporting_since(day, months))),
        )
    )
    return ReportingRate(day, counts["on_time"], counts["expected"])


def reporting_rate_timeline() -> list[ReportingRate]:
    """The reporting rate at the end of each year since the first state pledge, and today."""
    days = timeline_days(Commitment.objects.filter(state__isnull=False))
    schedule = ReportingSchedule.current()
    return [reporting_rate(None if day == days[-1] else day, schedule=schedule) for day in days]


# --- Search ----------------------------------------------------------------------------------
# The records that match a query (core.text_search); the portal's search
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
