"""``/sitemap.xml`` (every public page in each language, with its hreflang alternates and the
language-neutral address as ``x-default``) and ``/robots.txt``.

Addresses start with ``DJANGO_PORTAL_BASE_URL`` (``oic_mediation.public_urls``), whatever host a
request named. The ``x-default`` of a page is its address without a language: the portal sends
a visitor there to the language of their browser.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.http import HttpResponse
from django.urls import reverse

from conferences.models import Conference
from network.models import ContactGroup, MemberState
from resolutions.models import Paragraph
from trainings.models import Programme


class PortalSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True

    def get_protocol(self, protocol=None):
        return urlsplit(settings.PORTAL_BASE_URL).scheme or "https"

    def get_domain(self, site=None):
        return urlsplit(settings.PORTAL_BASE_URL).netloc


class PagesSitemap(PortalSitemap):
    """The pages without a parameter."""

    changefreq = "weekly"
    names = (
        "home",
        "states",
        "contact_group",
        "network",
        "trainings",
        "conferences",
        "figures",
        "reports",
        "open_data",
    )

    def items(self):
        return list(self.names)

    def location(self, name):
        return reverse(f"dashboard:{name}")


class RecordSitemap(PortalSitemap):
    """The page of each record of a model: ``route`` with ``argument`` taken from the record."""

    model = None
    route = ""
    argument = "pk"
    order = ("pk",)

    def items(self):
        return list(self.model._default_manager.order_by(*self.order))

    def location(self, record):
        return reverse(f"dashboard:{self.route}", args=[getattr(record, self.argument)])

    def lastmod(self, record):
        return record.updated_at


class StatesSitemap(RecordSitemap):
    model, route, argument, order = MemberState, "state", "slug", ("slug",)


class ParagraphsSitemap(RecordSitemap):
    model, route = Paragraph, "paragraph"


class ProgrammesSitemap(RecordSitemap):
    model, route, argument, order = Programme, "programme", "slug", ("slug",)


class ConferencesSitemap(RecordSitemap):
    model, route, argument, order = Conference, "conference", "ordinal", ("ordinal",)


class ContactGroupMeetingsSitemap(RecordSitemap):
    model, route, argument, order = ContactGroup, "contact_group_meetings", "slug", ("slug",)


SITEMAPS = {
    "pages": PagesSitemap,
    "states": StatesSitemap,
    "paragraphs": ParagraphsSitemap,
    "programmes": ProgrammesSitemap,
    "conferences": ConferencesSitemap,
    "contact-groups": ContactGroupMeetingsSitemap,
}


def robots_txt(request):
    """Everything public may be indexed but the search results; never the admin, the sign-in
    pages or My state."""
    lines = ["User-agent: *", "Disallow: /admin/"]
    for code, _name in settings.LANGUAGES:
        lines += [
            f"Disallow: /{code}/accounts/",
            f"Disallow: /{code}/my-state/",
            f"Disallow: /{code}/search/",
        ]
    lines += ["Allow: /", "", f"Sitemap: {settings.PORTAL_BASE_URL}{reverse('sitemap')}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
