"""URL map.

- /admin/ — the Secretariat's admin.
- /api/ — open data and writes (not language-prefixed; content negotiates with Accept-Language).
- /ar/, /en/, /fr/ — the public dashboard, sign-in, and the focal points' "My state" area.
"""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.views.decorators.cache import cache_page

from oic_mediation.health import health
from oic_mediation.roster_matching.views import roster_matching
from oic_mediation.search_views import secretariat_search
from oic_mediation.sitemaps import SITEMAPS, robots_txt

# Error pages in the site's layout and the request's language; JSON under /api/.
handler400 = "oic_mediation.errors.bad_request"
handler403 = "oic_mediation.errors.permission_denied"
handler404 = "oic_mediation.errors.page_not_found"
handler500 = "oic_mediation.errors.server_error"

admin.site.site_header = "OIC Mediation Capacity Portal — Secretariat"
admin.site.site_title = "OIC Mediation Capacity Portal"

urlpatterns = [
    # The Secretariat's roster matching, an admin page without a model of its own.
    path(
        "admin/roster-matching/",
        admin.site.admin_view(roster_matching),
        name="secretariat_roster_matching",
    ),
    # The Secretariat's search across every record, linked to the admin's pages.
    path("admin/search/", admin.site.admin_view(secretariat_search), name="secretariat_search"),
    path("admin/", admin.site.urls),
    path("api/", include("oic_mediation.api.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    # Stored files, each behind its permission check (oic_mediation.files); no directory is
    # served, in development either.
    path("files/", include("oic_mediation.files")),
    path("health/", health, name="health"),
    path("robots.txt", robots_txt, name="robots_txt"),
    # Kept an hour: crawlers read it now and then, and it lists every record in three languages.
    path("sitemap.xml", cache_page(3600)(sitemap), {"sitemaps": SITEMAPS}, name="sitemap"),
]

urlpatterns += i18n_patterns(
    path("accounts/", include("oic_mediation.accounts.urls")),
    path("my-state/", include("oic_mediation.my_state.urls")),
    path("", include("oic_mediation.dashboard.urls")),
    prefix_default_language=True,
)

if settings.BENCH_MODE:
    from oic_mediation.bench_views import bare

    urlpatterns.append(path("bench/bare/", bare))
