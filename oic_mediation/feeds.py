"""What changed, as Atom feeds (Django's syndication framework), in the reader's language.

- ``/<language>/feeds/changes.atom``: every kind of change below, the latest first;
- ``/<language>/feeds/<kind>.atom``: one kind — validated progress (``progress``), new commitments
  (``commitments``), recommendation follow-ups (``follow-ups``), new public documents
  (``documents``), published implementation reports in the feed's language (``reports``);
- ``/<language>/states/<slug>/feed.atom``: a member state's validated progress and new commitments;
- ``/<language>/paragraphs/<id>/feed.atom``: a paragraph's validated progress, new commitments and
  the follow-ups of the recommendations that concern it.

Each feed carries the latest ``FEED_SIZE`` entries, read in one query per kind. An entry's id is
the same in every language (``tag:`` URI), so a reader that switches language sees no new entries.
What is public comes from the one place that says it (``oic_mediation.api.selectors``): progress
once validated, documents marked public; no entry names the person who reported or reviewed.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.contrib.syndication.views import Feed
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import linebreaks
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from conferences.models import RecommendationFollowUp
from network.models import MemberState
from oic_mediation.api import selectors as public
from oic_mediation.public_urls import absolute_url
from resolutions.models import Commitment, Paragraph, PublishedReport

FEED_SIZE = 30
# The kinds of change, in the order the feeds list them; the names are the feeds' addresses.
KINDS = {
    "progress": gettext_lazy("Validated progress"),
    "commitments": gettext_lazy("New commitments"),
    "follow-ups": gettext_lazy("Recommendation follow-ups"),
    "documents": gettext_lazy("New documents"),
    "reports": gettext_lazy("Published reports"),
}


@dataclass(frozen=True)
class Entry:
    uid: str
    kind: str
    title: str
    summary: str
    link: str
    updated: datetime.datetime
    author: str


def _tag(name: str) -> str:
    """An id that never changes: the portal's host and the record (RFC 4151 tag URI)."""
    host = urlsplit(settings.PORTAL_BASE_URL).hostname or "oic-mediation.invalid"
    return f"tag:{host},2018:{name}"


def _commitment_link(commitment: Commitment) -> str:
    if commitment.state_id:
        return absolute_url(reverse("dashboard:state_commitments", args=[commitment.state.slug]))
    return absolute_url(reverse("dashboard:paragraph", args=[commitment.paragraph_id]))


def _figures(commitment: Commitment, delivered: int) -> str:
    if commitment.target_quantity is None:
        return _("%(delivered)s %(unit)s delivered") % {
            "delivered": delivered,
            "unit": commitment.get_unit_display(),
        }
    return _("%(delivered)s of %(target)s %(unit)s") % {
        "delivered": delivered,
        "target": commitment.target_quantity,
        "unit": commitment.get_unit_display(),
    }


def progress_entries(*, state=None, paragraph=None) -> list[Entry]:
    reports = (
        public.progress_reports_for(AnonymousUser())
        .filter(reviewed_at__isnull=False)
        .select_related("commitment__state", "commitment__organisation", "commitment__paragraph")
        .order_by("-reviewed_at", "-id")
    )
    if state is not None:
        reports = reports.filter(commitment__state=state)
    if paragraph is not None:
        reports = reports.filter(commitment__paragraph=paragraph)
    entries = []
    for report in reports[:FEED_SIZE]:
        commitment = report.commitment
        entries.append(
            Entry(
                uid=_tag(f"progress-report-{report.pk}"),
                kind="progress",
                title=_("%(who)s: %(commitment)s — %(status)s, %(figures)s")
                % {
                    "who": commitment.participant,
                    "commitment": commitment.title,
                    "status": report.get_status_display(),
                    "figures": _figures(commitment, report.quantity_delivered),
                },
                summary=report.narrative,
                link=_commitment_link(commitment),
                updated=report.reviewed_at,
                author=str(commitment.participant),
            )
        )
    return entries


def commitment_entries(*, state=None, paragraph=None) -> list[Entry]:
    commitments = Commitment.objects.select_related(
        "state", "organisation", "paragraph__resolution"
    ).order_by("-created_at", "-id")
    if state is not None:
        commitments = commitments.filter(state=state)
    if paragraph is not None:
        commitments = commitments.filter(paragraph=paragraph)
    entries = []
    for commitment in commitments[:FEED_SIZE]:
        due = (
            _("due %(date)s") % {"date": commitment.due_on.isoformat()} if commitment.due_on else ""
        )
        entries.append(
            Entry(
                uid=_tag(f"commitment-{commitment.pk}"),
                kind="commitments",
                title=_("%(who)s pledged: %(commitment)s")
                % {"who": commitment.participant, "commitment": commitment.title},
                summary=" · ".join(
                    part
                    for part in (
                        f"{commitment.paragraph.resolution.symbol} — {commitment.paragraph.label}",
                        _figures(commitment, commitment.delivered_quantity)
                        if commitment.target_quantity is not None
                        else "",
                        due,
                        commitment.description,
                    )
                    if part
                ),
                link=_commitment_link(commitment),
                updated=commitment.created_at,
                author=str(commitment.participant),
            )
        )
    return entries


def follow_up_entries(*, paragraph=None) -> list[Entry]:
    follow_ups = RecommendationFollowUp.objects.select_related(
        "recommendation__conference"
    ).order_by("-created_at", "-id")
    if paragraph is not None:
        follow_ups = follow_ups.filter(recommendation__paragraphs=paragraph)
    entries = []
    for follow_up in follow_ups[:FEED_SIZE]:
        recommendation = follow_up.recommendation
        conference = recommendation.conference
        entries.append(
            Entry(
                uid=_tag(f"recommendation-follow-up-{follow_up.pk}"),
                kind="follow-ups",
                title=_(
                    "Recommendation %(number)s of the %(conference)s: %(status)s (as of %(date)s)"
                )
                % {
                    "number": f"{conference.ordinal}.{recommendation.number}",
                    "conference": conference.title,
                    "status": follow_up.get_status_display(),
                    "date": follow_up.as_of.isoformat(),
                },
                summary="\n\n".join(part for part in (recommendation.text, follow_up.note) if part),
                link=absolute_url(reverse("dashboard:conference", args=[conference.ordinal])),
                updated=follow_up.created_at,
                author=_("OIC General Secretariat"),
            )
        )
    return entries


def document_entries() -> list[Entry]:
    documents = public.public_documents().order_by("-created_at", "-id")
    entries = []
    for document in documents[:FEED_SIZE]:
        if document.url:
            link = document.url
        elif document.conference_id:
            link = absolute_url(reverse("dashboard:conference", args=[document.conference.ordinal]))
        else:
            link = absolute_url(reverse("dashboard:conferences"))
        entries.append(
            Entry(
                uid=_tag(f"document-{document.pk}"),
                kind="documents",
                title=document.title,
                summary=" · ".join(
                    str(part)
                    for part in (
                        document.get_kind_display(),
                        document.get_language_display(),
                        document.un_symbol,
                        document.published_on.isoformat() if document.published_on else "",
                        document.conference or "",
                    )
                    if part
                ),
                link=link,
                updated=document.created_at,
                author=str(document.author or _("OIC General Secretariat")),
            )
        )
    return entries


def report_entries() -> list[Entry]:
    reports = (
        PublishedReport.objects.defer("html")
        .filter(language=get_language())
        .order_by("-published_at", "-id")
    )
    return [
        Entry(
            uid=_tag(f"published-report-{report.pk}"),
            kind="reports",
            title=report.title,
            summary=_("The implementation report for %(start)s to %(end)s, as published (PDF).")
            % {"start": report.period_start.isoformat(), "end": report.period_end.isoformat()},
            link=absolute_url(reverse("dashboard:report_pdf", args=[report.pk])),
            updated=report.published_at,
            author=_("OIC General Secretariat"),
        )
        for report in reports[:FEED_SIZE]
    ]


def latest(*groups: list[Entry]) -> list[Entry]:
    merged = [entry for group in groups for entry in group]
    return sorted(merged, key=lambda entry: (entry.updated, entry.uid), reverse=True)[:FEED_SIZE]


@dataclass(frozen=True)
class Scope:
    title: str
    subtitle: str
    page: str
    feed: str
    entries: list[Entry]


class PortalFeed(Feed):
    feed_type = Atom1Feed

    def title(self, scope: Scope) -> str:
        return scope.title

    def subtitle(self, scope: Scope) -> str:
        return scope.subtitle

    def link(self, scope: Scope) -> str:
        return scope.page

    def feed_url(self, scope: Scope) -> str:
        return scope.feed

    def feed_guid(self, scope: Scope) -> str:
        return _tag(urlsplit(scope.feed).path.split("/", 2)[-1])

    def author_name(self) -> str:
        return _("OIC Mediation Capacity Portal")

    def items(self, scope: Scope) -> list[Entry]:
        return scope.entries

    def item_title(self, entry: Entry) -> str:
        return entry.title

    def item_description(self, entry: Entry) -> str:
        # Atom's summary is HTML here: the stored text is escaped, never read as markup.
        return linebreaks(entry.summary, autoescape=True)

    def item_link(self, entry: Entry) -> str:
        return entry.link

    def item_guid(self, entry: Entry) -> str:
        return entry.uid

    item_guid_is_permalink = False

    def item_updateddate(self, entry: Entry) -> datetime.datetime:
        return entry.updated

    def item_pubdate(self, entry: Entry) -> datetime.datetime:
        return entry.updated

    def item_author_name(self, entry: Entry) -> str:
        return entry.author

    def item_categories(self, entry: Entry) -> list[str]:
        return [str(KINDS[entry.kind])]


class OverallFeed(PortalFeed):
    def get_object(self, request, kind: str = "changes") -> Scope:
        if kind == "changes":
            entries = latest(
                progress_entries(),
                commitment_entries(),
                follow_up_entries(),
                document_entries(),
                report_entries(),
            )
            title = _("OIC mediation: what changed")
            subtitle = _(
                "Validated progress, new commitments, recommendation follow-ups, new documents "
                "and published reports on Resolution 53/45-POL."
            )
            page = reverse("dashboard:home")
        elif kind in KINDS:
            entries = {
                "progress": progress_entries,
                "commitments": commitment_entries,
                "follow-ups": follow_up_entries,
                "documents": document_entries,
                "reports": report_entries,
            }[kind]()
            title = _("OIC mediation: %(kind)s") % {"kind": KINDS[kind]}
            subtitle = str(KINDS[kind])
            page = {
                "follow-ups": reverse("dashboard:conferences"),
                "documents": reverse("dashboard:conferences"),
                "reports": reverse("dashboard:reports"),
            }.get(kind, reverse("dashboard:home"))
        else:
            raise Http404
        return Scope(
            title=title,
            subtitle=subtitle,
            page=absolute_url(page),
            feed=absolute_url(reverse("dashboard:feed", args=[kind])),
            entries=entries,
        )


class StateFeed(PortalFeed):
    def get_object(self, request, slug: str) -> Scope:
        state = get_object_or_404(MemberState, slug=slug)
        return Scope(
            title=_("OIC mediation: what changed for %(state)s") % {"state": state.name},
            subtitle=_("Validated progress and new commitments of %(state)s.")
            % {"state": state.name},
            page=absolute_url(reverse("dashboard:state", args=[state.slug])),
            feed=absolute_url(reverse("dashboard:state_feed", args=[state.slug])),
            entries=latest(progress_entries(state=state), commitment_entries(state=state)),
        )


class ParagraphFeed(PortalFeed):
    def get_object(self, request, pk: int) -> Scope:
        paragraph = get_object_or_404(Paragraph.objects.select_related("resolution"), pk=pk)
        name = f"{paragraph.resolution.symbol} — {paragraph.label}: {paragraph.title}"
        return Scope(
            title=_("OIC mediation: what changed under %(paragraph)s") % {"paragraph": name},
            subtitle=_(
                "Validated progress, new commitments and the follow-up of the recommendations "
                "concerning %(paragraph)s."
            )
            % {"paragraph": name},
            page=absolute_url(reverse("dashboard:paragraph", args=[paragraph.pk])),
            feed=absolute_url(reverse("dashboard:paragraph_feed", args=[paragraph.pk])),
            entries=latest(
                progress_entries(paragraph=paragraph),
                commitment_entries(paragraph=paragraph),
                follow_up_entries(paragraph=paragraph),
            ),
        )


def feed_links() -> list[dict]:
    """Every overall feed, for the open-data page."""
    return [
        {"kind": kind, "label": label, "url": reverse("dashboard:feed", args=[kind])}
        for kind, label in [("changes", _("Everything that changed")), *KINDS.items()]
    ]
