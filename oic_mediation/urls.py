"""URL map.

- /admin/ — the Secretariat's admin.
- /api/ — open data and writes (not language-prefixed; content negotiates with Accept-Language).
- /ar/, /en/, /fr/ — the public dashboard, sign-in, and the focal points' "My state" area.
"""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.views.static import serve

from oic_mediation.roster_matching.views import roster_matching

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
    path("admin/", admin.site.urls),
    path("api/", include("oic_mediation.api.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
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

if settings.DEBUG:
    urlpatterns.append(path("media/<path:path>", serve, {"document_root": settings.MEDIA_ROOT}))
