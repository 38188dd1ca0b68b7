"""The focal points' "My state" area. A state's pages carry its slug; records carry their id."""

from django.urls import path

from oic_mediation import search_views
from oic_mediation.my_state import views

app_name = "my_state"

urlpatterns = [
    path("", views.home, name="home"),
    path("<slug:state>/", views.commitments, name="commitments"),
    path("<slug:state>/commitments/new/", views.commitment_create, name="commitment_create"),
    path("<slug:state>/reports/", views.reports, name="reports"),
    path("<slug:state>/roster/nominate/", views.nominate, name="nominate"),
    path("<slug:state>/trainings/report/", views.training_report, name="training_report"),
    path("<slug:state>/search/", search_views.my_state_search, name="search"),
    path("commitments/<int:pk>/edit/", views.commitment_edit, name="commitment_edit"),
    path("commitments/<int:pk>/report/", views.progress_report, name="progress_report"),
    path("commitments/<int:pk>/nothing-new/", views.nothing_new, name="nothing_new"),
]
