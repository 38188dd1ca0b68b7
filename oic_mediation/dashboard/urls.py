"""The public dashboard, under /ar/, /en/ and /fr/."""

from django.urls import path

from oic_mediation import calendars, feeds, open_data, search_views
from oic_mediation.dashboard import views
from oic_mediation.reports import views as reports

app_name = "dashboard"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("paragraphs/<int:pk>/", views.ParagraphView.as_view(), name="paragraph"),
    path("states/", views.StatesView.as_view(), name="states"),
    path("states/<slug:slug>/", views.StateView.as_view(), name="state"),
    path(
        "states/<slug:slug>/commitments/",
        views.StateCommitmentsView.as_view(),
        name="state_commitments",
    ),
    path("contact-group/", views.ContactGroupView.as_view(), name="contact_group"),
    path(
        "contact-group/<slug:slug>/meetings/",
        views.ContactGroupMeetingsView.as_view(),
        name="contact_group_meetings",
    ),
    path("network/", views.NetworkView.as_view(), name="network"),
    path("trainings/", views.TrainingsView.as_view(), name="trainings"),
    path("trainings/<slug:slug>/", views.ProgrammeView.as_view(), name="programme"),
    path("conferences/", views.ConferencesView.as_view(), name="conferences"),
    path("conferences/<int:ordinal>/", views.ConferenceView.as_view(), name="conference"),
    path("figures/", views.FiguresView.as_view(), name="figures"),
    path("reporting/", views.ReportingView.as_view(), name="reporting"),
    # Published implementation reports and calendar feeds (oic_mediation.reports, .calendars).
    path("reports/", reports.PublishedReportsView.as_view(), name="reports"),
    path("reports/<int:pk>/report.pdf", reports.published_report_pdf, name="report_pdf"),
    path("reports/<int:pk>/", reports.published_report_html, name="report_html"),
    path("calendar.ics", calendars.calendar_feed, name="calendar"),
    path("search/", search_views.public_search, name="search"),
    # What changed, as Atom feeds (oic_mediation.feeds).
    path("feeds/<slug:kind>.atom", feeds.OverallFeed(), name="feed"),
    path("states/<slug:slug>/feed.atom", feeds.StateFeed(), name="state_feed"),
    path("paragraphs/<int:pk>/feed.atom", feeds.ParagraphFeed(), name="paragraph_feed"),
    # Open data in standard formats (oic_mediation.open_data, .popolo).
    path("open-data/", open_data.OpenDataView.as_view(), name="open_data"),
    path("contact-group/popolo.json", open_data.contact_groups_popolo, name="popolo"),
    path("states/<slug:slug>/calendar.ics", calendars.state_calendar_feed, name="state_calendar"),
]
