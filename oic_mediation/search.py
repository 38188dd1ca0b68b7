"""The portal's search: the public one, a state's own in My state, and the Secretariat's.

Each domain app's selectors give the matching rows of its models (``core.text_search``); a search here is the union of the parts a
reader may see, ranked in the database and cut into pages there (a count and a page of rows),
then the page's records are read kind by kind (one query per kind on the page) to link each
result and say where it belongs. What the public may see comes from the one place that says it:
public documents from ``oic_mediation.api.selectors``; nothing personal is searched in public.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from conferences import models as conferences
from conferences import selectors as conference_selectors
from core.text_search import SearchFields, TextQuery, highlight
from network import models as network
from network import selectors as network_selectors
from network.models import MemberState
from oic_mediation.api import selectors as public
from resolutions import models as resolutions
from resolutions import selectors as resolution_selectors
from resolutions.models import Commitment, ProgressReport
from trainings import models as trainings
from trainings import selectors as training_selectors

PAGE_SIZE = 20


@dataclass(frozen=True)
class Kind:
    """A kind of record in the results: its name, its model and what it is found by, and what
    to read with a page of them."""

    label: object
    model: type
    fields: SearchFields
    related: tuple = ()


KINDS: dict[str, Kind] = {
    "resolution": Kind(_("Resolution"), resolutions.Resolution, resolutions.RESOLUTION_SEARCH),
    "paragraph": Kind(
        _("Paragraph or measure"),
        resolutions.Paragraph,
        resolutions.PARAGRAPH_SEARCH,
        ("resolution",),
    ),
    "commitment": Kind(
        _("Commitment"),
        resolutions.Commitment,
        resolutions.COMMITMENT_SEARCH,
        ("state", "organisation", "paragraph__resolution"),
    ),
    "state": Kind(_("Member state"), network.MemberState, network.MEMBER_STATE_SEARCH),
    "conference": Kind(_("Conference"), conferences.Conference, conferences.CONFERENCE_SEARCH),
    "session": Kind(
        _("Conference session"),
        conferences.Session,
        conferences.SESSION_SEARCH,
        ("conference",),
    ),
    "recommendation": Kind(
        _("Recommendation"),
        conferences.Recommendation,
        conferences.RECOMMENDATION_SEARCH,
        ("conference",),
    ),
    "document": Kind(
        _("Document"), conferences.Document, conferences.DOCUMENT_SEARCH, ("conference",)
    ),
    "programme": Kind(_("Training programme"), trainings.Programme, trainings.PROGRAMME_SEARCH),
    "figure": Kind(_("Cited figure"), conferences.CitedFigure, conferences.CITED_FIGURE_SEARCH),
    # My state and the Secretariat only.
    "progress_report": Kind(
        _("Progress report"),
        resolutions.ProgressReport,
        resolutions.PROGRESS_REPORT_SEARCH,
        ("commitment__state", "commitment__organisation"),
    ),
    "edition": Kind(
        _("Training edition"), trainings.Edition, trainings.EDITION_SEARCH, ("programme",)
    ),
    "meeting": Kind(
        _("Contact-group meeting"),
        network.ContactGroupMeeting,
        network.MEETING_SEARCH,
        ("group",),
    ),
    "roster_member": Kind(_("Roster member"), network.RosterMember, network.ROSTER_MEMBER_SEARCH),
}
# Among results of equal rank, the kinds a reader most likely looks for come first.
ORDER = (
    "state",
    "paragraph",
    "resolution",
    "conference",
    "programme",
    "session",
    "recommendation",
    "document",
    "figure",
    "commitment",
    "progress_report",
    "edition",
    "meeting",
    "roster_member",
)
PUBLIC_KINDS = (
    "paragraph",
    "commitment",
    "state",
    "conference",
    "session",
    "recommendation",
    "document",
    "programme",
    "figure",
    "resolution",
)

STATE_KINDS = ("commitment", "progress_report", "edition", "roster_member")
SECRETARIAT_KINDS = (*PUBLIC_KINDS, "progress_report", "edition", "meeting", "roster_member")


def public_parts(query: TextQuery) -> dict[str, QuerySet]:
    """What the public search looks in: nothing personal, documents only when public."""
    return {
        "paragraph": resolution_selectors.search_paragraphs(query),
        "commitment": resolution_selectors.search_commitments(query),
        "state": network_selectors.search_states(query),
        "conference": conference_selectors.search_conferences(query),
        "session": conference_selectors.search_sessions(query),
        "recommendation": conference_selectors.search_recommendations(query),
        "document": conference_selectors.search_documents(query, public.public_documents()),
        "programme": training_selectors.search_programmes(query),
        "figure": conference_selectors.search_figures(query),
        "resolution": resolution_selectors.search_resolutions(query),
    }


def state_parts(query: TextQuery, state: MemberState) -> dict[str, QuerySet]:
    """A state's own records, for its focal points (and the Secretariat) in My state."""
    return {
        "commitment": resolution_selectors.search_commitments(
            query, Commitment.objects.filter(state=state)
        ),
        "progress_report": resolution_selectors.search_progress_reports(
            query, ProgressReport.objects.filter(commitment__state=state)
        ),
        "edition": training_selectors.search_editions(
            query, trainings.Edition.objects.filter(reported_by_state=state)
        ),
        "roster_member": network_selectors.search_roster_members(
            query, network.RosterMember.objects.filter(nominating_state=state)
        ),
    }


def secretariat_parts(query: TextQuery) -> dict[str, QuerySet]:
    """Everything the Secretariat keeps: the public records, unpublished documents, every
    progress report, training edition, meeting and roster member."""
    parts = public_parts(query)
    parts["document"] = conference_selectors.search_documents(
        query, conferences.Document.objects.all()
    )
    parts["progress_report"] = resolution_selectors.search_progress_reports(
        query, ProgressReport.objects.all()
    )
    parts["edition"] = training_selectors.search_editions(query)
    parts["meeting"] = network_selectors.search_meetings(query)
    parts["roster_member"] = network_selectors.search_roster_members(
        query, network.RosterMember.objects.all()
    )
    return parts


class Hits:
    """The results of several parts as one sequence for ``Paginator``: counted with one query
    over every part, a page read with one ranked query over every part (best match first)."""

    def __init__(self, parts: dict[str, QuerySet], query: TextQuery):
        self.parts, self.query = parts, query

    def _union(self, querysets: list[QuerySet]) -> QuerySet:
        first, *others = querysets
        return first.union(*others, all=True) if others else first

    def count(self) -> int:
        return self._union(
            [part.order_by().values_list("pk") for part in self.parts.values()]
        ).count()

    def __getitem__(self, index: slice) -> list[dict]:
        ranked = self._union(
            [
                KINDS[kind].fields.rows(part, self.query, kind=kind, order=ORDER.index(kind))
                for kind, part in self.parts.items()
            ]
        )
        return list(ranked.order_by("-hit_rank", "hit_order", "hit_record")[index])


@dataclass
class Result:
    kind: str
    label: object
    title: str
    snippet: str
    url: str
    context: str
    record: object


# Where a public result links to, and what it belongs to.
def public_link(kind: str, record) -> tuple[str, str]:
    if kind == "resolution":
        return reverse("dashboard:home") + f"#resolution-{record.pk}", ""
    if kind == "paragraph":
        return reverse("dashboard:paragraph", args=[record.pk]), record.resolution.symbol
    if kind == "commitment":
        context = f"{record.participant} · {record.paragraph.resolution.symbol} · {record.paragraph.label}"
        if record.state_id:
            return reverse("dashboard:state_commitments", args=[record.state.slug]), context
        return reverse("dashboard:paragraph", args=[record.paragraph_id]), context
    if kind == "state":
        return reverse("dashboard:state", args=[record.slug]), ""
    if kind == "conference":
        return reverse("dashboard:conference", args=[record.ordinal]), ""
    if kind in ("session", "recommendation"):
        return reverse("dashboard:conference", args=[record.conference.ordinal]), str(
            record.conference
        )
    if kind == "document":
        if record.url:
            url = record.url
        elif record.conference_id:
            url = reverse("dashboard:conference", args=[record.conference.ordinal])
        else:
            url = reverse("dashboard:conferences")
        return url, str(record.conference or "")
    if kind == "programme":
        return reverse("dashboard:programme", args=[record.slug]), ""
    if kind == "figure":
        return reverse("dashboard:figures"), record.source
    raise KeyError(kind)


def admin_link(kind: str, record) -> tuple[str, str]:
    opts = record._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[record.pk])
    if kind == "progress_report":
        return url, str(record.commitment)
    if kind in ("commitment", "paragraph", "session", "recommendation", "document", "figure"):
        return url, public_link(kind, record)[1]
    if kind == "edition":
        return url, str(record.programme)
    if kind == "meeting":
        return url, str(record.group)
    return url, ""


def my_state_link(state: MemberState) -> Callable:
    def link(kind: str, record) -> tuple[str, str]:
        if kind == "commitment":
            return reverse("my_state:commitment_edit", args=[record.pk]), str(
                record.paragraph.label
            )
        if kind == "progress_report":
            return reverse("my_state:reports", args=[state.slug]), str(record.commitment.title)
        if kind == "edition":
            return reverse("my_state:training_report", args=[state.slug]), str(record.programme)
        if kind == "roster_member":
            return reverse("my_state:nominate", args=[state.slug]), ""
        raise KeyError(kind)

    return link


def results_page(
    parts: dict[str, QuerySet],
    query: TextQuery,
    *,
    page: str | int | None,
    kind: str | None = None,
    link: Callable[[str, object], tuple[str, str]] = public_link,
) -> Page:
    """The requested page of results (``Paginator.get_page``), each turned into a ``Result``:
    a count, the page's rows, and the page's records of each kind with their headlines."""
    if kind in parts:
        parts = {kind: parts[kind]}
    paginated = Paginator(Hits(parts, query), PAGE_SIZE).get_page(page)
    rows = list(paginated.object_list)
    wanted = defaultdict(list)
    for row in rows:
        wanted[row["hit_kind"]].append(row["hit_record"])
    records = {}
    for name, pks in wanted.items():
        spec = KINDS[name]
        found = spec.model._default_manager.filter(pk__in=pks).select_related(*spec.related)
        records[name] = {record.pk: record for record in spec.fields.highlighted(found, query)}
    results = []
    for row in rows:
        record = records[row["hit_kind"]].get(row["hit_record"])
        if record is None:  # deleted between the two queries
            continue
        url, context = link(row["hit_kind"], record)
        results.append(
            Result(
                kind=row["hit_kind"],
                label=KINDS[row["hit_kind"]].label,
                title=highlight(record.hit_title, query),
                snippet=highlight(record.hit_snippet, query),
                url=url,
                context=context,
                record=record,
            )
        )
    paginated.object_list = results
    return paginated
