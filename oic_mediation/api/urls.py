"""REST API v1, its OpenAPI schema and its documentation (served from the project, no CDN)."""

from django.db import transaction
from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

from oic_mediation.api import datapackage, exports, tokens, views

app_name = "api"

router = DefaultRouter()
router.include_format_suffixes = False
router.register("states", views.MemberStateViewSet, basename="state")
router.register("organisations", views.OrganisationViewSet, basename="organisation")
router.register("contact-groups", views.ContactGroupViewSet, basename="contact-group")
router.register("meetings", views.MeetingViewSet, basename="meeting")
router.register("roster/profiles", views.RosterProfileViewSet, basename="roster-profile")
router.register("roster/nominations", views.NominationViewSet, basename="nomination")
router.register("resolutions", views.ResolutionViewSet, basename="resolution")
router.register("paragraphs", views.ParagraphViewSet, basename="paragraph")
router.register("commitments", views.CommitmentViewSet, basename="commitment")
router.register("progress-reports", views.ProgressReportViewSet, basename="progress-report")
router.register("programmes", views.ProgrammeViewSet, basename="programme")
router.register("editions", views.EditionViewSet, basename="edition")
router.register("conferences", views.ConferenceViewSet, basename="conference")
router.register("sessions", views.SessionViewSet, basename="session")
router.register("speakers", views.SpeakerViewSet, basename="speaker")
router.register("documents", views.DocumentViewSet, basename="document")
router.register("recommendations", views.RecommendationViewSet, basename="recommendation")
router.register("figures", views.CitedFigureViewSet, basename="figure")

v1 = [
    path("roster/summary/", views.RosterSummaryView.as_view(), name="roster-summary"),
    path("auth/token/", tokens.TokenView.as_view(), name="token"),
    path("auth/tokens/", tokens.OwnTokensView.as_view(), name="own-tokens"),
    path("auth/tokens/<str:token_key>/", tokens.OwnTokenView.as_view(), name="own-token"),
    path("export/datapackage.json", datapackage.DataPackageView.as_view(), name="datapackage"),
    path(
        "export/<slug:dataset>.<slug:file_format>",
        exports.ExportView.as_view(),
        name="export",
    ),
    path("", include(router.urls)),
]

urlpatterns = [
    path("v1/", include(v1)),
    # The schema is a static document: unthrottled and outside a transaction, it needs no
    # database at all (the schemathesis tests load it before any test database exists).
    path(
        "schema/",
        transaction.non_atomic_requests(SpectacularAPIView.as_view(throttle_classes=[])),
        name="schema",
    ),
    path(
        "docs/",
        SpectacularSwaggerSplitView.as_view(
            url_name="api:schema", template_name="api/swagger_ui.html", throttle_classes=[]
        ),
        name="docs",
    ),
    # [\s\S]: unlike ".", it also matches a newline in a path.
    re_path(r"^[\s\S]*$", views.not_found),
]
