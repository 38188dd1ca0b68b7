"""The public dashboard, under /ar/, /en/ and /fr/."""

from django.urls import path

from oic_mediation.dashboard import views

app_name = "dashboard"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("states/", views.StatesView.as_view(), name="states"),
    path("states/<slug:slug>/", views.StateView.as_view(), name="state"),
    path("contact-group/", views.ContactGroupView.as_view(), name="contact_group"),
    path("network/", views.NetworkView.as_view(), name="network"),
    path("trainings/", views.TrainingsView.as_view(), name="trainings"),
    path("conferences/", views.ConferencesView.as_view(), name="conferences"),
    path("figures/", views.FiguresView.as_view(), name="figures"),
]
